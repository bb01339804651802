//! Outlets named in no gazetteer: the name after an attribution cue
//! (`به گزارش`, `به نقل از`, `نقلاً عن`, `وكالة`, `موقع`, `شبكة` — the
//! class `outlet` of `gazetteers/cues.tsv`) is an ORG with no id, when it is
//! written so that it can only be a name:
//!
//! - in quotes, one to five words (`به گزارش «دیده‌بان امروز»`,
//!   `نقلاً عن موقع "صوت الحرية"`);
//! - in Latin letters, one to five words (`به نقل از Middle East Eye`);
//! - one Arabic-script word that is no frequent common word of either
//!   language (`به گزارش رکنا`), never `نقلاً عن مصادر` ("sources") or
//!   `موقع الحادث` ("the scene").
//!
//! Another cue word may stand between (`به گزارش خبرگزاری «X»`). A name
//! the gazetteers know, or any other mention there, wins.

use crate::edges::left_edge;
use crate::edges::{ends_word, is_word, word_end};
use crate::gazetteer::Affixes;
use crate::language::Frequent;
use aho_corasick::{AhoCorasick, MatchKind};

/// The longest quoted outlet name, in bytes of folded text.
const MAX_QUOTED: usize = 80;
/// The most words of a quoted or Latin outlet name.
const MAX_WORDS: usize = 5;

fn is_quote_open(c: char) -> bool {
    matches!(c, '«' | '"' | '“' | '„')
}

fn is_quote_close(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '“')
}

/// The outlet cues, compiled once: one scan of a document finds them all.
#[derive(Debug, Clone)]
pub(crate) struct OutletCues {
    phrases: Vec<String>,
    /// Leftmost-longest over `phrases`; `None` when there are none.
    automaton: Option<AhoCorasick>,
}

impl OutletCues {
    /// Compiles the folded cue phrases.
    pub(crate) fn new(phrases: Vec<String>) -> OutletCues {
        let automaton = (!phrases.is_empty())
            .then(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&phrases).ok())
            .flatten();
        OutletCues { phrases, automaton }
    }

    /// Outlets in the folded text `f`, as folded spans; `taken(s, e)` tells
    /// whether another mention overlaps.
    pub(crate) fn find(
        &self,
        f: &str,
        affixes: &Affixes,
        frequent: &Frequent,
        taken: &dyn Fn(usize, usize) -> bool,
    ) -> Vec<(usize, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut skip_to = 0;
        for m in automaton.find_iter(f) {
            let (i, from) = (m.start(), m.end());
            if i < skip_to {
                continue;
            }
            // the cue stands as words of its own (a proclitic may join it)
            let before_ok = left_edge(affixes, f, i, f[i..from].chars().count(), true).is_some();
            let after_ok = ends_word(f, from);
            if !before_ok || !after_ok {
                continue;
            }
            let mut p = from;
            // another cue word right after (`به گزارش خبرگزاری`)
            loop {
                let q = p + (f[p..].len() - f[p..].trim_start_matches(' ').len());
                match self
                    .phrases
                    .iter()
                    .filter(|c| f[q..].starts_with(c.as_str()) && ends_word(f, q + c.len()))
                    .max_by_key(|c| c.len())
                {
                    Some(c) => p = q + c.len(),
                    None => break,
                }
            }
            skip_to = p;
            let p = p + (f[p..].len() - f[p..].trim_start_matches(' ').len());
            if let Some(span) = name_at(f, p, frequent) {
                if !taken(span.0, span.1) && !out.iter().any(|&(s, e)| s < span.1 && span.0 < e) {
                    out.push(span);
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// The outlet name starting at `p`, if it is written as one.
fn name_at(f: &str, p: usize, frequent: &Frequent) -> Option<(usize, usize)> {
    let first = f[p..].chars().next()?;
    if is_quote_open(first) {
        let inner = p + first.len_utf8();
        let close = f[inner..].find(is_quote_close).map(|i| inner + i)?;
        let name = f[inner..close].trim();
        let words = name.split(' ').count();
        if name.is_empty() || close - inner > MAX_QUOTED || words > MAX_WORDS || !name.chars().any(char::is_alphabetic) {
            return None;
        }
        let s = inner + (f[inner..close].len() - f[inner..close].trim_start().len());
        return Some((s, s + name.len()));
    }
    if first.is_ascii_alphabetic() {
        // Latin words, joined by spaces, dots, hyphens, ampersands
        let mut e = p;
        let mut words = 0;
        for (i, c) in f[p..].char_indices() {
            if c.is_ascii_alphanumeric() {
                e = p + i + 1;
            } else if c == ' ' {
                words += 1;
                let next = f[p + i + 1..].chars().next();
                if words >= MAX_WORDS || !next.is_some_and(|n| n.is_ascii_alphanumeric()) {
                    break;
                }
            } else if !matches!(c, '.' | '-' | '&' | '\'') {
                break;
            }
        }
        return (e > p).then_some((p, e));
    }
    if !is_word(first) || first.is_ascii_digit() {
        return None;
    }
    let e = word_end(f, p);
    let word = &f[p..e];
    let common = frequent.contains(word, None);
    (word.chars().count() >= 3 && !common && !word.chars().any(|c| c.is_ascii_digit())).then_some((p, e))
}
