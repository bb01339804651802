//! The tokenizer of the `conll` and `spacy` formats, and their sentences.
//!
//! Rules, in order:
//! 1. White space (anything Python's `str.isspace` accepts, so that spaCy's
//!    `Doc.from_json` sees the same gaps) separates tokens and is never part
//!    of one.
//! 2. A run of word characters is one token: letters and digits of any
//!    script, combining marks (harakat), tatweel, and the joiners and bidi
//!    marks typed inside words (ZWNJ, ZWJ, LRM, RLM, ALM). `کرمان‌شاه` is one
//!    token.
//! 3. Every other character (punctuation, symbols, `«`, `،`, `.`) is a token
//!    of its own.
//! 4. A token is split where a mention begins or ends inside it. The
//!    extractor lets only the proclitics of `gazetteers/affixes.tsv` stand
//!    joined before a name (و ف, then ب ل ك, and combinations: `وعلييف`,
//!    `وبموسكو`) and Persian suffixes after it (`ارمنیها`, `آمریکای`), so
//!    these are exactly what is split off: `وعلييف` gives `و` + `علييف` when
//!    `علييف` is a mention. A word with no mention inside it stays whole
//!    (`وزیر` is not `و` + `زیر`), because splitting every word that merely
//!    begins with one of these letters would cut common words.
//!
//! So every mention starts and ends on a token boundary.
//!
//! Sentences end after `.` `!` `?` `؟` `۔` `…` followed by white space or
//! the end of the text, and at a line break; never inside a mention.

use std::ops::Range;

/// Whether `c` is white space as Python's `str.isspace` sees it (Rust's
/// `char::is_whitespace` plus the information separators U+001C–U+001F).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Whether `c` belongs inside a word token.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036f}'   // combining diacritics
            | '\u{0610}'..='\u{061a}' // Arabic signs above and below
            | '\u{064b}'..='\u{065f}' // harakat
            | '\u{0670}'              // superscript alef
            | '\u{06d6}'..='\u{06ed}' // Quranic marks
            | '\u{0640}'              // tatweel
            | '\u{200c}'..='\u{200f}' // ZWNJ, ZWJ, LRM, RLM
            | '\u{061c}'              // ALM
        )
}

/// The tokens of `text` as byte ranges, in order, split at every offset of
/// `edges` (mention boundaries) that falls inside a token.
pub(crate) fn tokenize(text: &str, edges: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word(c) {
            word.get_or_insert(i);
            continue;
        }
        if let Some(s) = word.take() {
            out.push(s..i);
        }
        if !is_space(c) {
            out.push(i..i + c.len_utf8());
        }
    }
    if let Some(s) = word {
        out.push(s..text.len());
    }
    let mut edges: Vec<usize> = edges.to_vec();
    edges.sort_unstable();
    edges.dedup();
    let mut split = Vec::with_capacity(out.len());
    for t in out {
        let from = edges.partition_point(|&e| e <= t.start);
        let mut start = t.start;
        for &e in edges[from..].iter().take_while(|&&e| e < t.end) {
            if text.is_char_boundary(e) {
                split.push(start..e);
                start = e;
            }
        }
        split.push(start..t.end);
    }
    split
}

/// Groups `tokens` into sentences (ranges of token indices). `inside`
/// tells whether a byte offset falls strictly inside a mention, where no
/// sentence may end.
pub(crate) fn sentences(text: &str, tokens: &[Range<usize>], inside: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, t) in tokens.iter().enumerate() {
        let next_start = tokens.get(i + 1).map_or(text.len(), |n| n.start);
        let gap = &text[t.end..next_start];
        let stop = matches!(&text[t.clone()], "." | "!" | "?" | "؟" | "۔" | "…") && (i + 1 == tokens.len() || gap.starts_with(is_space));
        let line = gap.contains(['\n', '\r', '\u{2029}']);
        if (stop || line || i + 1 == tokens.len()) && !inside(t.end) {
            out.push(first..i + 1);
            first = i + 1;
        }
    }
    out
}

/// Char offsets (Unicode scalar values) of byte offsets into one text,
/// computed in one pass.
pub(crate) struct Chars {
    /// Byte offset of each char's start.
    starts: Vec<usize>,
    len: usize,
}

impl Chars {
    /// Counts every char of `text`, or, with `universal_newlines`, counts a
    /// CR LF pair as one char, as Python (and brat) read a text file.
    pub(crate) fn new(text: &str, universal_newlines: bool) -> Chars {
        let mut starts = Vec::with_capacity(text.len() / 2);
        let bytes = text.as_bytes();
        for (i, _) in text.char_indices() {
            if universal_newlines && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(i);
        }
        Chars { starts, len: text.len() }
    }

    /// The char offset of byte offset `b` (a char boundary, or the end).
    pub(crate) fn at(&self, b: usize) -> usize {
        if b >= self.len {
            return self.starts.len();
        }
        self.starts.partition_point(|&s| s < b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(text: &'a str, edges: &[usize]) -> Vec<&'a str> {
        tokenize(text, edges).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_punctuation_and_zwnj() {
        let text = "دیدار «لاوروف» در کرمان‌شاه، امروز.";
        assert_eq!(words(text, &[]), ["دیدار", "«", "لاوروف", "»", "در", "کرمان‌شاه", "،", "امروز", "."]);
        // byte spans: the ZWNJ stays inside the word
        let t = tokenize(text, &[]);
        assert_eq!(t[5], 33..52);
    }

    #[test]
    fn proclitics_split_only_at_a_mention() {
        let text = "التقى وزير الخارجية وبموسكو";
        // وبموسكو with the mention موسكو at 41..51
        assert_eq!(&text[41..51], "موسكو");
        assert_eq!(words(text, &[41, 51]), ["التقى", "وزير", "الخارجية", "وب", "موسكو"]);
        // no mention: وزير stays one word
        assert_eq!(words(text, &[]), ["التقى", "وزير", "الخارجية", "وبموسكو"]);
    }

    #[test]
    fn persian_suffix_split_at_a_mention_end() {
        let text = "ارمنیها آمدند";
        assert_eq!(&text[0..10], "ارمنی");
        assert_eq!(words(text, &[0, 10]), ["ارمنی", "ها", "آمدند"]);
    }

    #[test]
    fn sentences_end_at_stops_and_lines_not_inside_mentions() {
        let text = "دیدار شد. نشست ۲.۵ ساعت\nپایان";
        let t = tokenize(text, &[]);
        let s = sentences(text, &t, |_| false);
        let texts: Vec<&str> = s.iter().map(|r| &text[t[r.start].start..t[r.end - 1].end]).collect();
        assert_eq!(texts, ["دیدار شد.", "نشست ۲.۵ ساعت", "پایان"]);
    }

    #[test]
    fn chars_count_crlf_once_when_asked() {
        let text = "ab\r\nپ";
        let plain = Chars::new(text, false);
        let universal = Chars::new(text, true);
        assert_eq!((plain.at(4), plain.at(6)), (4, 5));
        assert_eq!((universal.at(4), universal.at(6)), (3, 4));
    }
}
