//! The one fold applied to gazetteer names and input text alike.
//!
//! The fold is context-free: every character is folded on its own (a run of
//! whitespace is the one exception), never gated on language detection, so a
//! gazetteer name and the same name in running text always fold the same.
//!
//! | input | folded to |
//! |---|---|
//! | `ي` U+064A, `ى` U+0649, `ئ` U+0626 | `ی` U+06CC |
//! | `ك` U+0643, `ڪ` U+06AA | `ک` U+06A9 |
//! | `ة` U+0629, `ۀ` U+06C0, `ە` U+06D5, `ھ` U+06BE | `ه` U+0647 |
//! | `أ` U+0623, `إ` U+0625, `آ` U+0622, `ٱ` U+0671 | `ا` U+0627 |
//! | `ؤ` U+0624 | `و` U+0648 |
//! | harakat and marks U+064B–U+065F, U+0670 | removed |
//! | tatweel U+0640 | removed |
//! | ZWNJ U+200C, ZWJ U+200D, bidi controls U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069, BOM U+FEFF | removed |
//! | NBSP and every other Unicode space, tab, line break | space; a run of them becomes one space |
//! | Persian digits `۰`–`۹`, Arabic-Indic digits `٠`–`٩` | ASCII `0`–`9` |
//! | Arabic presentation forms U+FB50–U+FDFF, U+FE70–U+FEFF | their compatibility decomposition (`unicode-normalization`, on these characters only), folded again |
//! | Latin capitals | lower case (`Sputnik` → `sputnik`) |
//!
//! Everything else passes through unchanged. The fold is idempotent.
//!
//! Offsets are kept by one document-level map, not by the per-character
//! rules: a list of breakpoints `(folded offset, original offset)` recorded
//! wherever the difference between the two changes; mapping back is a binary
//! search.

use unicode_normalization::char::decompose_compatible;

/// Text after the namyab fold, with the map back to the original.
///
/// ```
/// let n = namyab::normalize("علي‌اف");
/// assert_eq!(n.as_str(), "علیاف");
/// // the folded `اف` (bytes 6..10) sits at bytes 9..13 of the original,
/// // after the ZWNJ.
/// assert_eq!(n.to_original(6..10), 9..13);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// `(folded, original)` byte offsets of character starts, recorded where
    /// `original - folded` changes.
    starts: Vec<(u32, u32)>,
    /// `(folded, original)` byte offsets of character ends, recorded where
    /// `original - folded` changes; an end takes in the combining marks that
    /// follow its character.
    ends: Vec<(u32, u32)>,
    original_len: usize,
}

/// Folds `text` (see the [normalization table](crate#normalization)) and
/// keeps the map back to the original.
///
/// ```
/// let n = namyab::normalize("كَرَبَاغ  ۱۲");
/// assert_eq!(n.as_str(), "کرباغ 12");
/// ```
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        starts: Vec::new(),
        ends: Vec::new(),
        original_len: text.len(),
    };
    let mut in_space = false;
    let b = text.as_bytes();
    let mut pos = 0;
    while pos < b.len() {
        // A run of chars the fold keeps as they are (most of any text) is
        // copied whole: the offset map needs a record at most at its first
        // char, as the rest keep the same difference.
        let run = pos;
        pos = kept_run_end(b, run, in_space);
        if pos > run {
            in_space = b[pos - 1] == b' ';
            let first = text[run..].chars().next().unwrap_or(' ');
            out.push(first, run, run + first.len_utf8());
            out.text.push_str(&text[run + first.len_utf8()..pos]);
            continue;
        }
        let Some(c) = text[pos..].chars().next() else { break };
        let end = pos + c.len_utf8();
        let here = pos;
        pos = end;
        let pos = here;
        match classify(c) {
            Fold::Drop(mark) => {
                if mark {
                    out.extend_last_end(end);
                }
            }
            // Presentation forms: compatibility decomposition of this one
            // character, each part folded again (marks drop out).
            Fold::Decompose => decompose_compatible(c, |d| fold_one(d, classify(d), &mut in_space, |f| out.push(f, pos, end))),
            f => fold_one(c, f, &mut in_space, |f| out.push(f, pos, end)),
        }
    }
    out
}

/// Appends the fold of `text` to `out`, without the offset map: the same
/// text as `normalize(text).as_str()`, for names folded by the thousand
/// when a gazetteer is compiled.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    let mut in_space = false;
    let b = text.as_bytes();
    let mut pos = 0;
    while pos < b.len() {
        // A run of chars kept as they are, and of single spaces, is copied
        // whole, as in `normalize`.
        let run = pos;
        pos = kept_run_end(b, run, in_space);
        if pos > run {
            in_space = b[pos - 1] == b' ';
            out.push_str(&text[run..pos]);
            continue;
        }
        let Some(c) = text[pos..].chars().next() else { break };
        pos += c.len_utf8();
        match classify(c) {
            // Presentation forms: compatibility decomposition of this one
            // character, each part folded again.
            Fold::Decompose => decompose_compatible(c, |d| fold_one(d, classify(d), &mut in_space, |f| out.push(f))),
            f => fold_one(c, f, &mut in_space, |f| out.push(f)),
        }
    }
}

/// [`fold_into`] for one char `c` of class `f`.
fn fold_one(c: char, f: Fold, in_space: &mut bool, mut emit: impl FnMut(char)) {
    match f {
        Fold::Keep => {
            *in_space = false;
            emit(c);
        }
        Fold::To(t) => {
            *in_space = false;
            emit(t);
        }
        Fold::Space => {
            if !*in_space {
                emit(' ');
                *in_space = true;
            }
        }
        // A presentation form never decomposes to another presentation
        // form; dropped parts are marks.
        Fold::Drop(_) | Fold::Decompose => {}
    }
}

/// Where the run of chars the fold keeps as they are, from byte `run` of
/// `b`, ends: ASCII and Arabic-block chars read off the bytes, and single
/// spaces (`in_space`: the fold's last char was a space). Such a run is
/// copied whole by `normalize` and `fold_into`.
#[inline(always)]
fn kept_run_end(b: &[u8], run: usize, in_space: bool) -> usize {
    let (ascii, arabic) = &*KEPT;
    let mut pos = run;
    while pos < b.len() {
        let b0 = b[pos];
        if b0 < 0x80 {
            // A single space is kept too.
            let space = b0 == b' ' && if pos > run { b[pos - 1] != b' ' } else { !in_space };
            if !ascii[b0 as usize] && !space {
                break;
            }
            pos += 1;
        } else if (0xD8..=0xDB).contains(&b0) && pos + 1 < b.len() {
            let cp = ((b0 as usize & 0x1f) << 6) | (b[pos + 1] as usize & 0x3f);
            if !arabic[cp - 0x600] {
                break;
            }
            pos += 2;
        } else {
            break;
        }
    }
    pos
}

fn record(breaks: &mut Vec<(u32, u32)>, folded: usize, original: usize) {
    let delta = original as i64 - folded as i64;
    match breaks.last_mut() {
        Some(&mut (f, o)) if o as i64 - f as i64 == delta => {}
        // Same folded offset: the later record replaces the earlier one.
        Some(last) if last.0 as usize == folded => *last = (folded as u32, original as u32),
        _ => breaks.push((folded as u32, original as u32)),
    }
}

fn lookup(breaks: &[(u32, u32)], folded: usize) -> usize {
    let i = breaks.partition_point(|&(f, _)| f as usize <= folded);
    match i.checked_sub(1) {
        Some(i) => {
            let (f, o) = breaks[i];
            o as usize + (folded - f as usize)
        }
        None => folded,
    }
}

impl Normalized {
    fn push(&mut self, c: char, start: usize, end: usize) {
        record(&mut self.starts, self.text.len(), start);
        self.text.push(c);
        record(&mut self.ends, self.text.len(), end);
    }

    /// A dropped combining mark joins the character before it, so a span
    /// ending at that character takes the mark in.
    fn extend_last_end(&mut self, end: usize) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            record(&mut self.ends, self.text.len(), end);
        }
    }

    /// The folded text.
    ///
    /// ```
    /// let n = namyab::normalize("إلهام علييف و قره‌باغ ۲۰۲۳");
    /// assert_eq!(n.as_str(), "الهام علییف و قرهباغ 2023");
    /// // the folded text is shorter: ZWNJ gone, Persian digits now ASCII
    /// assert_eq!((n.as_str().len(), "إلهام علييف و قره‌باغ ۲۰۲۳".len()), (42, 49));
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a half-open byte range of the folded text back to the original:
    /// from the start of the character that produced its first character to
    /// the end of the one that produced its last, with the combining marks
    /// that follow it. `folded` must lie on char boundaries of
    /// [`as_str`](Self::as_str); an empty range maps to an empty range.
    ///
    /// ```
    /// let text = "ـعلييفٌ و";
    /// let n = namyab::normalize(text);
    /// assert_eq!(n.as_str(), "علییف و");
    /// let span = n.to_original(0..10);
    /// assert_eq!(&text[span], "علييفٌ");
    /// ```
    pub fn to_original(&self, folded: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.original_start(folded.start);
        if folded.end <= folded.start {
            return start..start;
        }
        let end = lookup(&self.ends, folded.end).min(self.original_len);
        start..end.max(start)
    }

    /// Byte offset in the original of the character that produced the folded
    /// character at `folded`; the original length at the end.
    pub(crate) fn original_start(&self, folded: usize) -> usize {
        if folded >= self.text.len() {
            return self.original_len;
        }
        lookup(&self.starts, folded)
    }

    /// Maps a byte offset of the original text to the folded text: the
    /// folded offset of the first character the original produced at or
    /// after it (a dropped character maps to where the next kept one
    /// stands). The inverse of [`to_original`](Self::to_original) on
    /// character starts.
    pub(crate) fn to_folded(&self, original: usize) -> usize {
        let i = self.starts.partition_point(|&(_, o)| o as usize <= original);
        let folded = match i.checked_sub(1) {
            Some(k) => {
                let (f, o) = self.starts[k];
                f as usize + (original - o as usize)
            }
            None => original,
        };
        // Inside a run whose offsets jump (a dropped char, a longer
        // original), never past the next record.
        let limit = self.starts.get(i).map_or(self.text.len(), |&(f, _)| f as usize);
        let mut folded = folded.min(limit).min(self.text.len());
        while !self.text.is_char_boundary(folded) {
            folded += 1;
        }
        folded
    }

    /// Heap memory held, in bytes.
    ///
    /// ```
    /// let n = namyab::normalize("سرگئی لاوروف در مسکو");
    /// // at least the folded text itself
    /// assert!(n.memory_usage() >= n.as_str().len());
    /// assert!(namyab::normalize(&"مسکو ".repeat(1000)).memory_usage() > n.memory_usage());
    /// ```
    pub fn memory_usage(&self) -> usize {
        self.text.capacity() + (self.starts.capacity() + self.ends.capacity()) * 8
    }
}

enum Fold {
    Keep,
    To(char),
    /// Removed; `true` for a combining mark, which joins the span of the
    /// character before it.
    Drop(bool),
    Space,
    Decompose,
}

/// Which ASCII chars and which chars of the Arabic block U+0600–U+06FF the
/// fold keeps as they are, read off [`classify`].
static KEPT: once_cell::sync::Lazy<([bool; 128], [bool; 256])> = once_cell::sync::Lazy::new(|| {
    let mut ascii = [false; 128];
    for (i, k) in ascii.iter_mut().enumerate() {
        *k = matches!(classify(char::from(i as u8)), Fold::Keep);
    }
    let mut arabic = [false; 256];
    for (i, k) in arabic.iter_mut().enumerate() {
        *k = char::from_u32(0x600 + i as u32).is_some_and(|c| matches!(classify(c), Fold::Keep));
    }
    (ascii, arabic)
});

/// The per-character fold table (see the module docs).
fn classify(c: char) -> Fold {
    match c {
        'ي' | 'ى' | 'ئ' => Fold::To('ی'),
        'ك' | 'ڪ' => Fold::To('ک'),
        'ة' | 'ۀ' | 'ە' | 'ھ' => Fold::To('ه'),
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::To('ا'),
        'ؤ' => Fold::To('و'),
        '\u{064B}'..='\u{065F}' | '\u{0670}' => Fold::Drop(true),
        '\u{0640}' => Fold::Drop(false),
        '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => {
            Fold::Drop(false)
        }
        '۰'..='۹' => Fold::To(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        '٠'..='٩' => Fold::To(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Fold::Decompose,
        'A'..='Z' => Fold::To(c.to_ascii_lowercase()),
        // The rest of the Arabic block, and ASCII, pass through: no need to
        // ask the Unicode tables.
        '\u{0600}'..='\u{06FF}' | '\0'..='\u{7F}' if c != ' ' && !c.is_ascii_whitespace() => Fold::Keep,
        c if c.is_whitespace() => Fold::Space,
        c if c.is_uppercase() => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Fold::To(l),
                _ => Fold::Keep,
            }
        }
        _ => Fold::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folds `input` and checks the result and that every folded char maps
    /// back inside the original on char boundaries.
    fn check(input: &str, want: &str) {
        let n = normalize(input);
        assert_eq!(n.as_str(), want, "fold of {input:?}");
        for (i, c) in n.as_str().char_indices() {
            let r = n.to_original(i..i + c.len_utf8());
            assert!(r.start <= r.end && r.end <= input.len(), "{input:?} {i}");
            assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
        }
        // idempotent
        assert_eq!(normalize(want).as_str(), want);
    }

    /// The fast path copies runs of kept chars and single spaces; a space
    /// after a dropped char or another space still joins the run of spaces.
    #[test]
    fn fast_path_space_runs() {
        check(" \u{200C} باکو", " باکو");
        check("ب \u{200C} ب", "ب ب");
        check("  ب  ", " ب ");
        check("ب\u{200C}  ب", "ب ب");
        check("ab \u{064E} cd", "ab cd");
        let n = normalize("ب \u{200C} ب");
        assert_eq!(n.to_original(3..5), 7..9);
    }

    #[test]
    fn row_yeh() {
        check("علي على مسئول", "علی علی مسیول");
    }

    #[test]
    fn row_kaf() {
        check("كرمان ڪ", "کرمان ک");
    }

    #[test]
    fn row_heh() {
        check("منطقة خانۀ ە ھ", "منطقه خانه ه ه");
    }

    #[test]
    fn row_alef() {
        check("أرمينيا إيران آذربایجان ٱلله", "ارمینیا ایران اذربایجان الله");
    }

    #[test]
    fn row_waw_hamza() {
        check("مؤتمر", "موتمر");
    }

    #[test]
    fn row_harakat() {
        check("مُحَمَّدٌ هٰذا", "محمد هذا");
    }

    #[test]
    fn row_tatweel() {
        check("الـ 9 بـاكـو", "ال 9 باکو");
    }

    #[test]
    fn row_invisible_controls() {
        check(
            "قره\u{200C}باغ\u{200D} \u{200E}a\u{200F}\u{061C}\u{202A}b\u{202E}\u{2066}c\u{2069}\u{FEFF}",
            "قرهباغ abc",
        );
    }

    #[test]
    fn row_spaces() {
        check("a\u{00A0}\u{2009}b\t\n\r\nc\u{3000}d", "a b c d");
    }

    #[test]
    fn row_digits() {
        check("۱۳۹۹ ٢٠٢٣ 2020", "1399 2023 2020");
    }

    #[test]
    fn row_presentation_forms() {
        // ﺑﺎﻛﻮ (isolated/initial/medial/final forms), the lam-alef ligature,
        // and a presentation-form mark that drops out.
        check("\u{FE91}\u{FE8E}\u{FEDB}\u{FEEE} \u{FEFB} \u{FE77}", "باکو لا ");
    }

    #[test]
    fn row_latin_case() {
        check("Sputnik TASS Éire", "sputnik tass éire");
    }

    #[test]
    fn unchanged_text_passes_through() {
        check("پاشینیان گفت", "پاشینیان گفت");
    }

    #[test]
    fn offsets_map_back_across_removals() {
        let text = "«جیحون\u{200C}بایراموف» و علييفٌ";
        let n = normalize(text);
        let f = n.as_str();
        let s = f.find("علییف").unwrap();
        let r = n.to_original(s..s + "علییف".len());
        assert_eq!(&text[r], "علييفٌ");
        let s = f.find("جیحونبایراموف").unwrap();
        let r = n.to_original(s..s + "جیحونبایراموف".len());
        assert_eq!(&text[r], "جیحون\u{200C}بایراموف");
    }

    #[test]
    fn offsets_of_digits_and_ligatures() {
        let text = "در ۱۱ ژانویه \u{FEFB}";
        let n = normalize(text);
        assert_eq!(n.as_str(), "در 11 ژانویه لا");
        let r = n.to_original(5..7);
        assert_eq!(&text[r], "۱۱");
        let len = n.as_str().len();
        let r = n.to_original(len - 4..len);
        assert_eq!(&text[r], "\u{FEFB}");
    }

    /// The fold without offsets gives the same text as `normalize`.
    #[test]
    fn fold_into_is_normalize() {
        let names = crate::gazetteer::DEFAULT_FILES
            .iter()
            .flat_map(|(_, text)| text.split(['\t', '\n', '|']));
        let odd = ["  \u{0B}ﻻ ﷲ  علي\u{200C}اف\tX ١٢ ۀ ـ ", "\u{FEFF}ﺍﻟﺴﻼﻡ  \u{0651}x", "Ǆ İ ß ﹰ ﻼ", ""];
        for s in names.chain(odd) {
            let mut f = String::from("<");
            fold_into(s, &mut f);
            assert_eq!(&f[1..], normalize(s).as_str(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fold_into_is_normalize_on_any_text(s in proptest::prelude::any::<String>(), ar in "[\u{600}-\u{6FF}\u{FB50}-\u{FB60}\u{FE70}-\u{FE80} \u{A0}\u{200C}\t]{0,24}") {
            for s in [&s, &ar] {
                let mut f = String::new();
                fold_into(s, &mut f);
                let n = normalize(s);
                proptest::prop_assert_eq!(f.as_str(), n.as_str());
            }
        }
    }

    #[test]
    fn empty_and_space_only() {
        assert_eq!(normalize("").as_str(), "");
        assert_eq!(normalize("\u{200C}\u{200C}").as_str(), "");
        assert_eq!(normalize(" \n ").as_str(), " ");
        assert_eq!(normalize("").to_original(0..0), 0..0);
    }
}
