//! People named in no gazetteer: found by title and quote rules from
//! `gazetteers/titles.tsv`, over the folded text, after the gazetteer
//! mentions are resolved. They are PERSON mentions with no id.
//!
//! - **Quote, then title**: `«فرحان حق» از سخنگویان`, `«X Y» وزیر …`: one to
//!   three words in «» quotes followed by a title word.
//! - **Title, then name**: `المتحدث باسم الكرملين دميتري بيسكوف إن`,
//!   `سخنگوی وزارت خارجه ترکیه اونجو کچلی گفت`: a title, at most one
//!   state or organisation mention, then two words (more when joined by
//!   `بن`, `بنت`, `ابن`, `آل`, `أبو`), then a speech
//!   verb, a "that", a comma, colon or quote (not a full stop: `رئیس جمهور
//!   جمهوری آذربایجان قرار داد.` ends with a verb, not a name).
//!
//! A word of a found name is never a stop word, a digit, part of another
//! mention, or shorter than two letters, and a name is never made only of
//! very frequent common words (`gazetteers/frequent.tsv`, Zipf 4.5 and up)
//! that no known person's name holds, so common words and verb phrases are
//! not tagged.

use crate::error::{Detail, Error};
use crate::gazetteer::{fold_name, DataFile, Tsv};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;

/// Particles that join the parts of an Arabic name (`بن`, `آل`), folded as
/// the text is (`آل` → `ال`, `أبو` → `ابو`).
const PARTICLES: &[&str] = &["بن", "بنت", "ابن", "ال", "ابو"];

/// A mention already found, as the title rules see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Taken {
    /// Start (with any proclitic) and end in the folded text.
    pub start: usize,
    pub end: usize,
    /// A person: never part of an unknown name's title.
    pub person: bool,
    /// A state, organisation or nationality: what a title can name as the
    /// person's side.
    pub affiliates: bool,
}

/// The default title lists.
pub(crate) const DEFAULT_TITLES: (&str, &str) = ("gazetteers/titles.tsv", include_str!("../gazetteers/titles.tsv"));

/// The compiled title rules.
#[derive(Debug, Clone)]
pub(crate) struct Titles {
    before: AhoCorasick,
    after: Vec<String>,
    end: HashSet<String>,
    stop: HashSet<String>,
}

impl Titles {
    /// Words never part of an unknown name: titles and function words.
    pub(crate) fn stop_words(&self) -> &HashSet<String> {
        &self.stop
    }

    /// Whether a title phrase (`وزیر خارجه`, `رئيس وزراء`) ends right
    /// before byte `at` of the folded text `f` (spaces between).
    pub(crate) fn title_before(&self, f: &str, at: usize) -> bool {
        let mut from = at.saturating_sub(80);
        while !f.is_char_boundary(from) {
            from += 1;
        }
        let head = f[from..at].trim_end();
        self.before.find_iter(head).any(|m| m.end() == head.len())
    }

    /// Reads `titles.tsv`: `kind<TAB>form`, one form per line; a cell
    /// holding `|` is an error.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Titles, Error> {
        let (mut before, mut after, mut end, mut stop) = (Vec::new(), Vec::new(), HashSet::new(), HashSet::new());
        for row in Tsv::new(file, text, DataFile::Titles) {
            let row = row?;
            let cells = &row.cells;
            let form = cells[1];
            let f = fold_name(form);
            if f.is_empty() {
                return Err(row.error("form", Detail::EmptyForm(form.to_string())));
            }
            match cells[0] {
                "before" => before.push(f),
                "after" => after.push(f),
                "end" => {
                    end.insert(f);
                }
                "stop" => {
                    stop.insert(f);
                }
                other => {
                    return Err(row.error(
                        "kind",
                        Detail::Malformed(format!("unknown title kind `{other}` (expected before, after, end or stop)")),
                    ))
                }
            }
        }
        after.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let before = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&before)
            .map_err(|e| Error::new(file, None, None, Detail::Pattern(e.to_string())))?;
        Ok(Titles { before, after, end, stop })
    }

    /// People named in no gazetteer: their spans in the folded text, and the
    /// index in `taken` of the state or organisation their title names
    /// (`سخنگوی وزارت خارجه ترکیه …`), their affiliation. `taken` holds the
    /// mentions already found, sorted by start.
    ///
    /// `common` tells a frequent common word that is no word of a known
    /// person's name: a name made only of such words is none (`چنین
    /// شرایطی` "such conditions", `ملت باشم` "I be the nation").
    pub(crate) fn find(&self, f: &str, taken: &[Taken], common: &dyn Fn(&str) -> bool) -> Vec<(usize, usize, Option<usize>)> {
        let mut out: Vec<(usize, usize, Option<usize>)> = Vec::new();
        let all_common = |s: usize, e: usize| f[s..e].split(' ').filter(|w| !PARTICLES.contains(w)).all(common);
        let overlaps = |s: usize, e: usize| {
            let i = taken.partition_point(|t| t.end <= s);
            taken.get(i).is_some_and(|t| t.start < e)
        };
        // The first state or organisation mention within `words` words after `p`.
        let affiliation_after = |p: usize, words: usize| -> Option<usize> {
            let limit = f[p..].match_indices(' ').nth(words).map_or(f.len(), |(i, _)| p + i);
            let i = taken.partition_point(|t| t.start < p);
            taken[i..]
                .iter()
                .take_while(|t| t.start < limit)
                .position(|t| t.affiliates)
                .map(|k| i + k)
        };
        let name_word = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic) && !self.stop.contains(w);
        // Quote, then title.
        let mut from = 0;
        while let Some(open) = f[from..].find('«').map(|i| from + i) {
            let inner = open + '«'.len_utf8();
            let Some(close) = f[inner..].find('»').map(|i| inner + i) else {
                break;
            };
            from = close;
            let name = f[inner..close].trim();
            let words: Vec<&str> = name.split(' ').collect();
            if !(1..=3).contains(&words.len()) || !words.iter().all(|w| name_word(w)) {
                continue;
            }
            let s = inner + (f[inner..close].len() - f[inner..close].trim_start().len());
            let e = s + name.len();
            if overlaps(s, e) || all_common(s, e) {
                continue;
            }
            let rest = f[close + '»'.len_utf8()..].trim_start();
            if self.after.iter().any(|t| {
                rest.strip_prefix(t.as_str())
                    .is_some_and(|r| r.is_empty() || r.starts_with([' ', '،', ',']))
            }) {
                out.push((s, e, affiliation_after(close, 5)));
            }
        }
        // Title, then name.
        for m in self.before.find_iter(f) {
            let edge_before = crate::edges::starts_word(f, m.start());
            let edge_after = crate::edges::ends_word(f, m.end());
            if !edge_before || !edge_after {
                continue;
            }
            let skip_spaces = |p: usize| p + (f[p..].len() - f[p..].trim_start_matches(' ').len());
            let mut p = skip_spaces(m.end());
            // Up to three stop words or mentions (not people) between the
            // title and the name: `المتحدث باسم الخارجية الكويتية سامر …`.
            let mut affiliation = None;
            let mut blocked = false;
            for _ in 0..3 {
                let i = taken.partition_point(|t| t.start < p);
                if let Some(t) = taken.get(i).filter(|t| t.start == p) {
                    if t.person {
                        blocked = true;
                        break;
                    }
                    if t.affiliates && affiliation.is_none() {
                        affiliation = Some(i);
                    }
                    p = skip_spaces(t.end);
                    continue;
                }
                let word = f[p..].split(' ').next().unwrap_or("");
                if !word.is_empty() && self.stop.contains(word) {
                    p = skip_spaces(p + word.len());
                    continue;
                }
                break;
            }
            if blocked {
                continue;
            }
            // Two name words, or more joined by a patronymic or family
            // particle (`محمد بن عبدالرحمن آل ثاني`).
            let words: Vec<&str> = f[p..].splitn(9, ' ').take(8).collect();
            let clean = |w: &str| w.trim_end_matches(|c: char| !c.is_alphabetic()).len();
            let Some(&first) = words.first().filter(|w| name_word(w)) else {
                continue;
            };
            let (mut e, mut plain, mut i) = (p + first.len(), 1, 1);
            let mut punctuated = clean(first) < first.len();
            while i < words.len() && !punctuated {
                let w = words[i];
                if PARTICLES.contains(&w) && words.get(i + 1).is_some_and(|n| name_word(&n[..clean(n)])) {
                    let n = words[i + 1];
                    e += 1 + w.len() + 1 + clean(n);
                    punctuated = clean(n) < n.len();
                    i += 2;
                } else if plain < 2 && name_word(&w[..clean(w)]) && clean(w) > 0 {
                    e += 1 + clean(w);
                    punctuated = clean(w) < w.len();
                    plain += 1;
                    i += 1;
                } else {
                    break;
                }
            }
            if i < 2 {
                continue;
            }
            let s = p;
            if overlaps(s, e) || all_common(s, e) {
                continue;
            }
            let after = f[e..].trim_start_matches(' ');
            let ends = after.is_empty()
                || after.starts_with(['،', ',', ':', '؛', '»', '«', '"'])
                || after.split(' ').next().is_some_and(|w| self.end.contains(w));
            if ends && !out.iter().any(|&(os, oe, _)| os < e && s < oe) {
                out.push((s, e, affiliation));
            }
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_read_one_form_per_line() {
        let t = Titles::parse(
            "t.tsv",
            "# a comment\nbefore\tوزیر خارجه\n\nstop\tنظیر\nstop\tهمتای\nend\tگفت\nafter\tسخنگوی\n",
        )
        .unwrap();
        assert!(t.stop_words().contains("نظیر") && t.stop_words().contains("همتای"));
        assert!(t.title_before("وزیر خارجه ", "وزیر خارجه ".len()));
        assert!(t.end.contains("گفت"));
        assert_eq!(t.after, vec!["سخنگوی"]);
    }

    #[test]
    fn a_bar_in_a_titles_cell_is_an_error() {
        let err = Titles::parse("t.tsv", "# a comment\nstop\tنظیر|همتای\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:2: column `form`: `نظیر|همتای` holds `|`: this file takes one form per line"
        );
        let err = Titles::parse("t.tsv", "stop|end\tنظیر\n").unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(1), Some("kind")));
        let err = Titles::parse("t.tsv", "stop\t\n").unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:1: column `form`: form `` is empty or folds to nothing");
    }

    #[test]
    fn default_titles_have_every_kind() {
        let t = Titles::parse(DEFAULT_TITLES.0, DEFAULT_TITLES.1).unwrap();
        assert!(!t.after.is_empty() && !t.end.is_empty() && t.stop.len() > 100);
        assert!(t.title_before("سخنگوی وزارت خارجه", "سخنگوی وزارت خارجه".len()));
    }
}
