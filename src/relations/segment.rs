//! Segmentation: sentences of the original text, and the word-level tests
//! the passes share (how many words lie between two offsets, whether a gap
//! joins two list items). Everything but sentence splitting works on the
//! folded text, where ZWNJ, bidi marks and harakat are already gone.

use super::lexicon::{Kind, Word};
use std::collections::HashSet;
use std::ops::Range;

/// The longest stretch read as one sentence. Longer runs without sentence
/// punctuation (the longest sentence in the seeds is 623 bytes) are cut
/// at white space, so that the per-sentence rules stay linear in the text.
pub(crate) const MAX_SENTENCE: usize = 4096;

/// Whether a demonstrative is `خلال` ("during"): it names the occasion of
/// what follows, and points back only to a definite event.
pub(crate) fn during(f: &str, d: &Word) -> bool {
    d.kind == Kind::Demonstrative && matches!(&f[d.start..d.end], "خلال" | "وخلال")
}

/// Sentence spans of the original text: split after `.` `!` `?` `؟` `؛` and
/// line breaks (a `.` only before white space or the end, invisible marks
/// looked through, so `2.5` and `News.am` stay whole); runs longer than [`MAX_SENTENCE`] are cut at white
/// space.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for r in raw_sentences(text) {
        let mut start = r.start;
        while r.end - start > MAX_SENTENCE {
            let mut cut = start + MAX_SENTENCE;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let cut = text[start..cut]
                .rfind(char::is_whitespace)
                .map_or(cut, |i| start + i + 1)
                .max(start + 1);
            let cut = (cut..=r.end).find(|&c| text.is_char_boundary(c)).unwrap_or(r.end);
            out.push(start..cut);
            start = cut;
        }
        if start < r.end {
            out.push(start..r.end);
        }
    }
    out
}

fn raw_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let stop = match c {
            '!' | '?' | '؟' | '؛' | '\n' => true,
            // Invisible marks after the stop are looked through, as the
            // fold removes them: `.‏ ` ends a sentence, `.‏»` does not.
            '.' => text[end..].chars().find(|&n| !invisible(n)).is_none_or(char::is_whitespace),
            _ => false,
        };
        if stop {
            if blank_free(&text[start..end]) {
                out.push(start..end);
            }
            start = end;
        }
    }
    if blank_free(&text[start..]) {
        out.push(start..text.len());
    }
    out
}

/// Whether a stretch holds more than one byte besides white space and
/// invisible marks (a line of bidi marks is no sentence).
fn blank_free(s: &str) -> bool {
    s.trim_matches(|c: char| c.is_whitespace() || invisible(c)).len() > 1
}

/// The invisible marks the fold removes: ZWNJ, ZWJ, bidi controls, BOM.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Persian suffixes that may stand as words of their own (`هیات های`): they
/// are part of the word before, however the text joins them.
const SUFFIXES: &[&str] = &["ها", "های", "هایی", "ای", "اش", "شان", "هایش", "هایشان"];

/// Punctuation that may cling to a word (`کردند.`, `«X»`).
fn is_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '؛' | ':' | '«' | '»' | '"' | '(' | ')' | '[' | ']')
}

/// A break between list items or words in the folded text.
fn is_break(c: char) -> bool {
    c == ' ' || c == '،' || c == ','
}

/// How many words the folded text holds between two offsets.
pub(crate) fn words_between(f: &str, from: usize, to: usize) -> usize {
    if from >= to {
        return 0;
    }
    f[from..to]
        .split(is_break)
        .filter(|w| !w.is_empty() && !SUFFIXES.contains(w))
        .count()
}

/// Whether the folded text between two offsets holds a comma or another
/// mark that ends a phrase.
pub(crate) fn has_comma(f: &str, from: usize, to: usize) -> bool {
    from < to && f[from..to].contains(['،', ',', ':', '(', ')', '«', '»', '"', '–', '-'])
}

/// Whether the gap between two list items joins them: a coordinator (و،
/// and, or an Arabic و joined to a title or an article-bearing word:
/// `ورئيس المجلس`, `ونظيره`, `والرئيس`) and at most `max_words` words.
pub(crate) fn coordinated(f: &str, from: usize, to: usize, max_words: usize, titles: &HashSet<String>) -> bool {
    if from > to {
        return false;
    }
    let g = &f[from..to];
    let joined_waw = |w: &str| {
        w.strip_prefix('و')
            .is_some_and(|rest| rest.starts_with("ال") || titles.contains(rest))
    };
    let joined = g.contains('،')
        || g.contains(',')
        || g.split(' ').any(|w| w == "و" || w == "and" || joined_waw(w))
        || g.ends_with(" و")
        || g.ends_with('و');
    joined && words_between(f, from, to) <= max_words
}

/// Whether the word right before `at` in the folded text is one of `words`.
/// The prepositions that introduce a partner of talks (`با`, `مع`): the
/// one named after them takes part with the subject.
pub(crate) const COMITATIVES: &[&str] = &["با", "مع"];

pub(crate) fn word_before(f: &str, at: usize, words: &[&str]) -> bool {
    let head = f[..at].trim_end_matches(is_break);
    let last = head.rsplit(is_break).next().unwrap_or("").trim_matches(is_punct);
    words.contains(&last)
}

/// Whether the word right after `at` in the folded text is one of `words`.
pub(crate) fn word_after(f: &str, at: usize, words: &[&str]) -> bool {
    // From the end of the word `at` stands in (a suffix may follow a form).
    let rest = &f[at..];
    let tail = rest[rest.find(is_break).unwrap_or(rest.len())..].trim_start_matches(is_break);
    let first = tail.split(is_break).next().unwrap_or("").trim_matches(is_punct);
    words.contains(&first)
}

/// Char offsets of byte offsets, with a checkpoint every 4 KiB so that a
/// long document costs no more than a short one per lookup.
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> CharIndex<'a> {
        let mut checkpoints = vec![(0, 0)];
        let (mut byte, mut chars) = (0, 0);
        for (i, _) in text.char_indices() {
            if i - byte >= 4096 {
                chars += text[byte..i].chars().count();
                byte = i;
                checkpoints.push((byte, chars));
            }
        }
        CharIndex { text, checkpoints }
    }

    fn chars(&self, byte: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, c) = self.checkpoints[i];
        c + self.text[b..byte].chars().count()
    }

    /// The public span of a byte range of the original text.
    pub(crate) fn span(&self, r: Range<usize>) -> crate::Span {
        crate::Span {
            start: r.start,
            end: r.end,
            char_start: self.chars(r.start),
            char_end: self.chars(r.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    /// Sentence splits look through invisible marks, as the fold does:
    /// a mark typed after a stop changes nothing (regression: `.‏»` ended a
    /// sentence that `.»` did not).
    #[test]
    fn invisible_marks_after_a_stop_change_nothing() {
        let cases: &[(&str, usize)] = &[
            ("گفت: «باید ادامه داد.» او افزود.", 1),
            ("گفت: «باید ادامه داد.\u{200F}» او افزود.", 1),
            ("دیدار انجام شد. او افزود.", 2),
            ("دیدار انجام شد.\u{200F} او افزود.", 2),
            ("دیدار انجام شد.\u{200F}", 1),
            ("نرخ 2.5 درصد بود.", 1),
        ];
        for &(text, n) in cases {
            assert_eq!(sentences(text).len(), n, "{text:?}");
        }
    }
}
