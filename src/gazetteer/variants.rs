//! The variants the loader derives from a name, so files stay short:
//! spacing, the letters of Arabic-alphabet writers, other spellings of a
//! surname, and the forms of an Arabic nationality adjective. All work on
//! folded names ([`fold_name`]).

use super::affixes::Affixes;
use crate::normalize::fold_into;

/// Caps on derived variants per name, so one long name cannot blow up the
/// automaton.
const MAX_SPACE_SUBSETS_SPACES: usize = 4;
const MAX_LETTER_VARIANTS: usize = 32;

/// Other spellings of a surname (folded), each after `prefix`, tagged
/// `tag`: with a space before a compound ending (`علیاف` → `علی اف`), and
/// without one long vowel `ا` standing between two consonants (`بیراموف` →
/// `بیرموف`), for surnames of six letters or more.
pub(crate) fn surname_alternatives_into(prefix: &str, last: &str, affixes: &Affixes, tag: u8, out: &mut Strings) {
    for suffix in &affixes.surname_suffix {
        if let Some(stem) = last.strip_suffix(suffix.as_str()) {
            if stem.chars().count() >= 2 {
                out.push_parts(&[prefix, stem, " ", suffix], tag);
            }
        }
    }
    if last.chars().nth(5).is_some() {
        // Each `ا` with a consonant on either side (`chars` walks the
        // window `before`, `ا`, `after`).
        let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ی');
        let mut chars = last.char_indices();
        let (Some((_, mut before)), Some((mut at, mut c))) = (chars.next(), chars.next()) else {
            return;
        };
        for (next_at, after) in chars {
            if c == 'ا' && !vowel(before) && !vowel(after) {
                out.push_parts(&[prefix, &last[..at], &last[next_at..]], tag);
            }
            (before, at, c) = (c, next_at, after);
        }
    }
}

/// The forms of an Arabic nationality adjective written in its `ي` form
/// (folded `ی`): with and without the article, and each nisba ending
/// (`الارمنی` → `ارمنی`, `الارمنیه`, `ارمنیون`, `الارمنیین` …).
pub(crate) fn nisba_forms(name: &str, affixes: &Affixes) -> Vec<String> {
    let Some(stem) = name.strip_suffix('ی') else {
        return Vec::new();
    };
    if stem.contains(' ') {
        return Vec::new();
    }
    let bare = stem.strip_prefix("ال").unwrap_or(stem);
    if bare.chars().count() < 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for article in ["", "ال"] {
        out.push(format!("{article}{bare}ی"));
        for ending in &affixes.nisba_ending {
            out.push(format!("{article}{bare}ی{ending}"));
        }
    }
    out.retain(|v| v != name);
    out
}

/// Folds a name as text is folded, trimmed.
pub(crate) fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    fold_name_into(name, &mut out);
    out
}

/// Appends [`fold_name`] of `name` to `out`.
pub(crate) fn fold_name_into(name: &str, out: &mut String) {
    let at = out.len();
    fold_into(name, out);
    let folded = &out[at..];
    let trimmed = folded.trim_start();
    let lead = folded.len() - trimmed.len();
    let keep = trimmed.trim_end().len();
    out.truncate(at + lead + keep);
    out.drain(at..at + lead);
}

/// Many short strings in one buffer, each with a tag (an orthography):
/// the variants of one name, without an allocation each.
#[derive(Debug, Default)]
pub(crate) struct Strings {
    text: String,
    /// `(start, end, tag)` of each string in `text`.
    spans: Vec<(u32, u32, u8)>,
}

impl Strings {
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
    }

    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    /// The `i`th string and its tag.
    pub(crate) fn get(&self, i: usize) -> (&str, u8) {
        let (s, e, tag) = self.spans[i];
        (&self.text[s as usize..e as usize], tag)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, u8)> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    pub(crate) fn push(&mut self, s: &str, tag: u8) {
        self.push_parts(&[s], tag);
    }

    /// Swaps the `i`th and `j`th strings.
    pub(crate) fn swap(&mut self, i: usize, j: usize) {
        self.spans.swap(i, j);
    }

    /// Keeps the first `n` strings.
    pub(crate) fn truncate(&mut self, n: usize) {
        self.spans.truncate(n);
    }

    /// Pushes the concatenation of `parts`.
    pub(crate) fn push_parts(&mut self, parts: &[&str], tag: u8) {
        let start = self.text.len() as u32;
        for p in parts {
            self.text.push_str(p);
        }
        self.spans.push((start, self.text.len() as u32, tag));
    }
}

/// Every way of writing the spaces inside `name` as a space or nothing
/// (ZWNJ folds to nothing), the name itself excluded. With more than four
/// spaces, only each single space dropped and all dropped.
pub(crate) fn space_variants(name: &str) -> Vec<String> {
    let mut out = Strings::default();
    space_variants_into(name, 0, &mut out);
    out.iter().map(|(v, _)| v.to_string()).collect()
}

/// [`space_variants`] of `name`, tagged `tag`, pushed to `out`.
pub(crate) fn space_variants_into(name: &str, tag: u8, out: &mut Strings) {
    let gaps = name.bytes().filter(|&b| b == b' ').count();
    if gaps == 0 {
        return;
    }
    let mut join = |mask: u32| {
        let start = out.text.len() as u32;
        for (i, p) in name.split(' ').enumerate() {
            if i > 0 && mask & (1 << (i - 1)) == 0 {
                out.text.push(' ');
            }
            out.text.push_str(p);
        }
        out.spans.push((start, out.text.len() as u32, tag));
    };
    if gaps <= MAX_SPACE_SUBSETS_SPACES {
        for mask in 1..(1u32 << gaps) {
            join(mask);
        }
    } else {
        for i in 0..gaps {
            join(1 << i);
        }
        join((1u32 << gaps) - 1);
    }
}

/// The spellings an Arabic-alphabet writer uses for the Persian letters of
/// `name` (پ→ب, چ→ج, ژ→ج/ز, گ→ج/غ/ک), the name itself excluded, tagged
/// `tag`, pushed to `out`: the first [`MAX_LETTER_VARIANTS`] spellings
/// (the name itself counted) with the choices of earlier letters varying
/// slowest.
pub(crate) fn letter_variants_into(name: &str, tag: u8, out: &mut Strings) {
    fn options(c: char) -> &'static [char] {
        match c {
            'پ' => &['ب'],
            'چ' => &['ج'],
            'ژ' => &['ج', 'ز'],
            'گ' => &['ج', 'غ', 'ک'],
            _ => &[],
        }
    }
    // پ چ ژ گ are D9 BE, DA 86, DA 98, DA AF in UTF-8.
    let b = name.as_bytes();
    if !(1..b.len()).any(|i| (b[i - 1] == 0xD9 && b[i] == 0xBE) || (b[i - 1] == 0xDA && matches!(b[i], 0x86 | 0x98 | 0xAF))) {
        return;
    }
    // The letters with other spellings: (byte offset, letter, options).
    let mut at: Vec<(usize, char, &'static [char])> = Vec::new();
    for (i, c) in name.char_indices() {
        let o = options(c);
        if !o.is_empty() {
            at.push((i, c, o));
        }
    }
    if at.is_empty() {
        return;
    }
    // An odometer over the choices, 0 the letter itself.
    let mut digit = vec![0usize; at.len()];
    for _ in 1..MAX_LETTER_VARIANTS {
        let mut k = at.len();
        loop {
            if k == 0 {
                return;
            }
            k -= 1;
            if digit[k] < at[k].2.len() {
                digit[k] += 1;
                break;
            }
            digit[k] = 0;
        }
        let start = out.text.len() as u32;
        let mut from = 0;
        for (&(i, c, opts), &d) in at.iter().zip(&digit) {
            out.text.push_str(&name[from..i]);
            out.text.push(if d == 0 { c } else { opts[d - 1] });
            from = i + c.len_utf8();
        }
        out.text.push_str(&name[from..]);
        out.spans.push((start, out.text.len() as u32, tag));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_variants_cover_every_subset() {
        let v = space_variants("قره باغ کوهستانی");
        assert_eq!(v, vec!["قرهباغ کوهستانی", "قره باغکوهستانی", "قرهباغکوهستانی"]);
        assert!(space_variants("باکو").is_empty());
    }

    fn letter_variants(name: &str) -> Vec<String> {
        let mut out = Strings::default();
        letter_variants_into(name, 0, &mut out);
        out.iter().map(|(v, _)| v.to_string()).collect()
    }

    #[test]
    fn letter_variants_follow_arabic_writers() {
        assert_eq!(letter_variants("پاشینیان"), vec!["باشینیان"]);
        assert_eq!(letter_variants("لاچین"), vec!["لاجین"]);
        let g = letter_variants("گرجستان");
        assert_eq!(g, vec!["جرجستان", "غرجستان", "کرجستان"]);
        assert!(letter_variants("باکو").is_empty());
    }
}
