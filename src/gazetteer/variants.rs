//! The variants the loader derives from a name, so files stay short:
//! spacing, the letters of Arabic-alphabet writers, other spellings of a
//! surname, and the forms of an Arabic nationality adjective. All work on
//! folded names ([`fold_name`]).

use super::affixes::Affixes;
use crate::normalize::normalize;

/// Caps on derived variants per name, so one long name cannot blow up the
/// automaton.
const MAX_SPACE_SUBSETS_SPACES: usize = 4;
const MAX_LETTER_VARIANTS: usize = 32;

/// Other spellings of a surname (folded): with a space before a compound
/// ending (`علیاف` → `علی اف`), and without one long vowel `ا` standing
/// between two consonants (`بیراموف` → `بیرموف`), for surnames of six
/// letters or more.
pub(crate) fn surname_alternatives(last: &str, affixes: &Affixes) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = last.chars().collect();
    for suffix in &affixes.surname_suffix {
        if let Some(stem) = last.strip_suffix(suffix.as_str()) {
            if stem.chars().count() >= 2 {
                out.push(format!("{stem} {suffix}"));
            }
        }
    }
    if chars.len() >= 6 {
        let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ی');
        for i in 1..chars.len() - 1 {
            if chars[i] == 'ا' && !vowel(chars[i - 1]) && !vowel(chars[i + 1]) {
                let mut v = chars.clone();
                v.remove(i);
                out.push(v.into_iter().collect());
            }
        }
    }
    out.retain(|v| v != last);
    out
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
    normalize(name).as_str().trim().to_string()
}

/// Every way of writing the spaces inside `name` as a space or nothing
/// (ZWNJ folds to nothing), the name itself excluded. With more than four
/// spaces, only each single space dropped and all dropped.
pub(crate) fn space_variants(name: &str) -> Vec<String> {
    let parts: Vec<&str> = name.split(' ').collect();
    let gaps = parts.len() - 1;
    let mut out = Vec::new();
    if gaps == 0 {
        return out;
    }
    let join = |mask: u32| {
        let mut s = String::with_capacity(name.len());
        for (i, p) in parts.iter().enumerate() {
            if i > 0 && mask & (1 << (i - 1)) == 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    };
    if gaps <= MAX_SPACE_SUBSETS_SPACES {
        for mask in 1..(1u32 << gaps) {
            out.push(join(mask));
        }
    } else {
        for i in 0..gaps {
            out.push(join(1 << i));
        }
        out.push(join((1u32 << gaps) - 1));
    }
    out
}

/// The spellings an Arabic-alphabet writer uses for the Persian letters of
/// `name` (پ→ب, چ→ج, ژ→ج/ز, گ→ج/غ/ک), the name itself excluded.
pub(crate) fn letter_variants(name: &str) -> Vec<String> {
    fn options(c: char) -> &'static [char] {
        match c {
            'پ' => &['ب'],
            'چ' => &['ج'],
            'ژ' => &['ج', 'ز'],
            'گ' => &['ج', 'غ', 'ک'],
            _ => &[],
        }
    }
    if !name.chars().any(|c| !options(c).is_empty()) {
        return Vec::new();
    }
    let mut acc = vec![String::new()];
    for c in name.chars() {
        let opts = options(c);
        if opts.is_empty() {
            for s in &mut acc {
                s.push(c);
            }
            continue;
        }
        let mut next = Vec::with_capacity(acc.len() * (opts.len() + 1));
        for s in &acc {
            for &o in std::iter::once(&c).chain(opts) {
                if next.len() >= MAX_LETTER_VARIANTS {
                    break;
                }
                let mut t = s.clone();
                t.push(o);
                next.push(t);
            }
        }
        acc = next;
    }
    acc.retain(|v| v != name);
    acc
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

    #[test]
    fn letter_variants_follow_arabic_writers() {
        assert_eq!(letter_variants("پاشینیان"), vec!["باشینیان"]);
        assert_eq!(letter_variants("لاچین"), vec!["لاجین"]);
        let g = letter_variants("گرجستان");
        assert_eq!(g, vec!["جرجستان", "غرجستان", "کرجستان"]);
        assert!(letter_variants("باکو").is_empty());
    }
}
