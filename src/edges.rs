//! Word edges and clitics: where a word starts and ends in the folded
//! text, and which Arabic proclitics (و ف, then ب ل ک) may stand joined
//! before a name and which Persian suffixes after it
//! (`gazetteers/affixes.tsv`). Matching, resolution, dates, outlets, titles
//! and the trigger lexicon all ask here, so "word character" has one
//! definition: a letter or digit (`char::is_alphanumeric`), read off a table
//! for ASCII and the Arabic block.

use crate::gazetteer::Affixes;
use crate::normalize::Normalized;

/// Whether each char of the Arabic block U+0600–U+06FF is a letter or digit.
static ARABIC_WORD: once_cell::sync::Lazy<[bool; 256]> = once_cell::sync::Lazy::new(|| {
    let mut t = [false; 256];
    for (i, slot) in t.iter_mut().enumerate() {
        *slot = char::from_u32(0x600 + i as u32).is_some_and(char::is_alphanumeric);
    }
    t
});

/// Whether `c` is a letter or digit (`char::is_alphanumeric`), with a table
/// for the Arabic block.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0x600..=0x6ff => ARABIC_WORD[(c as u32 - 0x600) as usize],
        _ => c.is_alphanumeric(),
    }
}

/// The char at byte `i` of `f` (a char boundary): its code point, its
/// length, and whether it is a word char ([`is_word`]), read off the bytes
/// for ASCII and the Arabic block: for loops over every char of a text.
#[inline(always)]
pub(crate) fn word_char_at(f: &str, i: usize) -> (u32, usize, bool) {
    char_at(f, i, &ARABIC_WORD)
}

/// The char at byte `i` of `f` (a char boundary): its code point, its
/// length, and whether it is a word char. ASCII and the Arabic block are read
/// off the bytes.
#[inline(always)]
fn char_at(f: &str, i: usize, arabic: &[bool; 256]) -> (u32, usize, bool) {
    let b = f.as_bytes();
    let b0 = b[i];
    if b0 < 0x80 {
        return (b0 as u32, 1, b0.is_ascii_alphanumeric());
    }
    if (0xD8..=0xDB).contains(&b0) && i + 1 < b.len() {
        // U+0600–U+06FF: 110110xx 10yyyyyy.
        let cp = ((b0 as u32 & 0x1f) << 6) | (b[i + 1] as u32 & 0x3f);
        return (cp, 2, arabic[(cp - 0x600) as usize]);
    }
    let c = f[i..].chars().next().unwrap_or(' ');
    (c as u32, c.len_utf8(), is_word(c))
}

/// Every place a name or trigger word may start in the folded text `f`
/// (see [`starts`]), computed once per document and shared by the walks
/// for names and for trigger words.
pub(crate) fn word_starts(f: &str, affixes: &Affixes) -> Vec<usize> {
    let mut out = Vec::with_capacity(f.len() / 6);
    starts(f, affixes, |s| out.push(s));
    out
}

/// Calls `at(start)` for every place a name may start in the folded text
/// `f`: the start of each word, and after one or two joined proclitics
/// (`و`/`ف`, then `ب`/`ل`/`ک`) at the front of a word. Whether a clitic may
/// stand before a given name is for the caller to decide
/// (`left_edge`); this lists every place it might.
pub(crate) fn starts(f: &str, affixes: &Affixes, mut at: impl FnMut(usize)) {
    let arabic: &[bool; 256] = &ARABIC_WORD;
    let p1 = |c: u32| affixes.proclitic1.iter().any(|&p| p as u32 == c);
    let p2 = |c: u32| affixes.proclitic2.iter().any(|&p| p as u32 == c);
    let n = f.len();
    let mut i = 0;
    let mut prev_word = false;
    while i < n {
        let (c, len, word) = char_at(f, i, arabic);
        if word && !prev_word {
            at(i);
            let one = p1(c);
            let j = i + len;
            if (one || p2(c)) && j < n {
                let (c2, len2, word2) = char_at(f, j, arabic);
                if word2 {
                    at(j);
                    let k = j + len2;
                    if one && k < n && p2(c2) && char_at(f, k, arabic).2 {
                        at(k);
                    }
                }
            }
        }
        prev_word = word;
        i += len;
    }
}

/// The char before byte `at` of `s`.
pub(crate) fn char_before(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

/// Where the word holding byte `at` of `f` ends (`f.len()` at the end).
pub(crate) fn word_end(f: &str, at: usize) -> usize {
    f[at..].find(|c: char| !is_word(c)).map_or(f.len(), |i| at + i)
}

/// Whether no word char stands right before byte `at` of `f`.
pub(crate) fn starts_word(f: &str, at: usize) -> bool {
    char_before(f, at).is_none_or(|c| !is_word(c))
}

/// Whether no word char stands at byte `at` of `f`.
pub(crate) fn ends_word(f: &str, at: usize) -> bool {
    f[at..].chars().next().is_none_or(|c| !is_word(c))
}

/// Where a word starts that holds a phrase starting at `start` of `f` after
/// one joined proclitic (`لوكالة`): the proclitic's offset, when the char
/// before `start` is one and starts its word; `start` itself when no word
/// char stands before it; `None` otherwise.
pub(crate) fn start_with_proclitic(a: &Affixes, f: &str, start: usize) -> Option<usize> {
    match char_before(f, start) {
        Some(p) if is_word(p) => {
            let clitic = a.proclitic1.contains(&p) || a.proclitic2.contains(&p);
            (clitic && starts_word(f, start - p.len_utf8())).then_some(start)
        }
        _ => Some(start),
    }
}

/// Left edge of a raw match at `start`: `Some((word start, a ل stands
/// joined right before the name))`, or `None` when the match starts inside a
/// word.
/// `clitics` is false in Persian text, which has none of them: there a
/// name must start its word (`فداکار` is no `داکار`).
pub(crate) fn left_edge(a: &Affixes, f: &str, start: usize, name_chars: usize, clitics: bool) -> Option<(usize, bool)> {
    let Some(p1) = char_before(f, start) else {
        return Some((start, false));
    };
    if !is_word(p1) {
        return Some((start, false));
    }
    if !clitics {
        return None;
    }
    // A clitic joined to a very short name is too likely a word of its own.
    if name_chars < 3 {
        return None;
    }
    let at1 = start - p1.len_utf8();
    if a.proclitic2.contains(&p1) {
        if starts_word(f, at1) {
            return Some((at1, p1 == 'ل'));
        }
        let p0 = char_before(f, at1)?;
        let at0 = at1 - p0.len_utf8();
        if a.proclitic1.contains(&p0) && starts_word(f, at0) {
            return Some((at0, p1 == 'ل'));
        }
        return None;
    }
    if a.proclitic1.contains(&p1) && starts_word(f, at1) {
        return Some((at1, false));
    }
    None
}

/// Whether a raw match ending at `end` ends at a word edge, allowing the
/// Persian suffixes when `suffixes` (not in Arabic text: `قطرها` is "its
/// diameter", never Qatar).
pub(crate) fn right_edge(a: &Affixes, text: &str, norm: &Normalized, start: usize, end: usize, suffixes: bool) -> bool {
    let f = norm.as_str();
    let Some(next) = f[end..].chars().next() else {
        return true;
    };
    if !is_word(next) {
        return true;
    }
    if !suffixes {
        return false;
    }
    let word_end = word_end(f, end);
    let rest = &f[end..word_end];
    if a.suffix_attached.iter().any(|s| s == rest) {
        return true;
    }
    if a.suffix_after_vowel.iter().any(|s| s == rest) && f[..end].ends_with(['ا', 'و']) {
        return true;
    }
    if a.suffix_zwnj.iter().any(|s| s == rest) {
        let from = norm.to_original(start..end).end;
        let to = norm.original_start(end);
        return text.get(from..to).is_some_and(|between| between.contains('\u{200C}'));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_include_proclitics() {
        let a = Affixes {
            proclitic1: vec!['و', 'ف'],
            proclitic2: vec!['ب', 'ل', 'ک'],
            ..Affixes::default()
        };
        let mut v = Vec::new();
        starts("وللاتحاد و باکو", &a, |s| v.push(s));
        // و at 0, ل at 2, ل at 4; `و` alone at 17 is followed by a space;
        // باکو at 20, then ا after ب at 22.
        assert_eq!(v, [0, 2, 4, 17, 20, 22]);
    }
}
