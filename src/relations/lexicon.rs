//! The trigger lexicon: the words the relation layer reacts to, read from
//! `gazetteers/triggers.tsv` (format in `gazetteers/README.md`) and found
//! in the folded text by a trie walked from the same word starts as names.

use super::types::EventKind;
use super::types::Modality;
use crate::analysis::Analysis;
use crate::edges::{left_edge, right_edge};
use crate::error::{Detail, Error};
use crate::gazetteer::{fold_name, space_variants, Affixes, DataFile, Tsv};
use crate::matcher::Trie;
use std::collections::BTreeMap;

/// The default trigger lexicon.
pub(crate) const DEFAULT_TRIGGERS: (&str, &str) = ("gazetteers/triggers.tsv", include_str!("../../gazetteers/triggers.tsv"));

/// What a trigger word does; one kind per row kind of `triggers.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word reporting an event: its modality, CAMEO code and kind.
    Meet(Modality, &'static str, EventKind),
    /// The mediator follows; `true` when it hosts (`به میزبانی`).
    MediateAfter(bool),
    MediateBefore,
    Organize,
    Host,
    /// An event to come; `true` for verb forms that count only next to
    /// an event word.
    Planned(bool),
    Past,
    /// Right before an event word: an event to come (`برای دیدار`).
    Purpose,
    /// Under way (`حالياً`, `الجارية`): occurred.
    Ongoing,
    Offer,
    /// Denies the event after it (`true`) or before it (`false`).
    Negative(bool),
    Call,
    Evaluative,
    Ignore,
    Negation,
    Clause,
    /// A reporting verb; `true` when the report follows the verb itself
    /// (Persian), `false` when it follows the next complementizer (Arabic).
    Report(bool),
    Complementizer,
    Attribution,
    Topic,
    TopicNoun,
    Sideline,
    Attendance,
    Between,
    MediatorsBack,
    PairPeople,
    PairStates,
    PairAny,
    Separately,
    Demonstrative,
    Sequence,
    Reflexive,
    Remote,
    Multilateral,
    Welcome,
    Pronoun,
    CapitalOf,
    Arrival,
    Destination,
    PlacePrep,
}

impl Kind {
    /// A word that can make an event of its own.
    pub(crate) fn is_event(self) -> bool {
        matches!(
            self,
            Kind::Meet(..) | Kind::MediateAfter(_) | Kind::MediateBefore | Kind::Organize | Kind::Host
        )
    }

    fn parse(kind: &str, value: &str) -> Result<Kind, String> {
        Ok(match kind {
            "meet" => {
                let mut parts = value.split(':');
                let (Some(modality), Some(cameo), Some(event), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
                    return Err(format!("`{value}` is not MODALITY:CAMEO:EVENT"));
                };
                let modality = match modality {
                    "phone" => Modality::Phone,
                    "in_person" => Modality::InPerson,
                    "unspecified" => Modality::Unspecified,
                    other => return Err(format!("unknown modality `{other}`")),
                };
                let cameo = match cameo {
                    "040" => "040",
                    "041" => "041",
                    "042" => "042",
                    "043" => "043",
                    "046" => "046",
                    "057" => "057",
                    other => return Err(format!("unknown meeting CAMEO code `{other}`")),
                };
                let event = match event {
                    "meeting" => EventKind::Meeting,
                    "call" => EventKind::Call,
                    "talks" => EventKind::Talks,
                    "negotiation" => EventKind::Negotiation,
                    "visit" => EventKind::Visit,
                    "summit" => EventKind::Summit,
                    "signing" => EventKind::Signing,
                    "press_conference" => EventKind::PressConference,
                    other => return Err(format!("unknown event kind `{other}`")),
                };
                Kind::Meet(modality, cameo, event)
            }
            "negative" => match value {
                "next" => Kind::Negative(true),
                "prev" => Kind::Negative(false),
                other => return Err(format!("negative takes `next` or `prev`, not `{other}`")),
            },
            "report" => match value {
                "after" => Kind::Report(true),
                "complement" => Kind::Report(false),
                other => return Err(format!("report takes `after` or `complement`, not `{other}`")),
            },
            "mediate_after" => match value {
                "045" => Kind::MediateAfter(false),
                "host" => Kind::MediateAfter(true),
                other => return Err(format!("mediate_after takes `045` or `host`, not `{other}`")),
            },
            "mediate_before" => Kind::MediateBefore,
            "organize" => Kind::Organize,
            "host" => Kind::Host,
            "planned" => match value {
                "-" => Kind::Planned(false),
                "near" => Kind::Planned(true),
                other => return Err(format!("planned takes `-` or `near`, not `{other}`")),
            },
            "past" => Kind::Past,
            "purpose" => Kind::Purpose,
            "ongoing" => Kind::Ongoing,
            "offer" => Kind::Offer,
            "call" => Kind::Call,
            "evaluative" => Kind::Evaluative,
            "ignore" => Kind::Ignore,
            "negation" => Kind::Negation,
            "clause" => Kind::Clause,
            "complementizer" => Kind::Complementizer,
            "attribution" => Kind::Attribution,
            "topic" => Kind::Topic,
            "topic_noun" => Kind::TopicNoun,
            "sideline" => Kind::Sideline,
            "attendance" => Kind::Attendance,
            "between" => Kind::Between,
            "mediators_back" => Kind::MediatorsBack,
            "pair_people" => Kind::PairPeople,
            "pair_states" => Kind::PairStates,
            "pair_any" => Kind::PairAny,
            "separately" => Kind::Separately,
            "demonstrative" => Kind::Demonstrative,
            "sequence" => Kind::Sequence,
            "reflexive" => Kind::Reflexive,
            "remote" => Kind::Remote,
            "multilateral" => Kind::Multilateral,
            "welcome" => Kind::Welcome,
            "pronoun" => Kind::Pronoun,
            "capital_of" => Kind::CapitalOf,
            "arrival" => Kind::Arrival,
            "destination" => Kind::Destination,
            "place_prep" => Kind::PlacePrep,
            other => return Err(format!("unknown trigger kind `{other}`")),
        })
    }
}

/// A trigger word found in a document: its folded span and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The compiled trigger lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    trie: Trie,
    kinds: Vec<Vec<Kind>>,
}

impl Lexicon {
    /// Reads `triggers.tsv`: `kind<TAB>value<TAB>form`, one form per line
    /// (a form may stand on lines of several kinds); a cell holding `|` is
    /// an error.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Lexicon, Error> {
        let mut table: BTreeMap<String, Vec<Kind>> = BTreeMap::new();
        for row in Tsv::new(file, text, DataFile::Triggers) {
            let row = row?;
            let cells = &row.cells;
            let kind = Kind::parse(cells[0], cells[1]).map_err(|what| row.error("kind", Detail::Malformed(what)))?;
            let form = cells[2];
            let folded = fold_name(form);
            if folded.is_empty() {
                return Err(row.error("form", Detail::EmptyForm(form.to_string())));
            }
            for v in std::iter::once(folded.clone()).chain(space_variants(&folded)) {
                let kinds = table.entry(v).or_default();
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        let (patterns, kinds): (Vec<String>, Vec<Vec<Kind>>) = table.into_iter().unzip();
        let trie = Trie::new(&patterns);
        Ok(Lexicon { trie, kinds })
    }

    /// Trigger words of a document, walked from the word starts the names
    /// were walked from, with word edges checked; longest first, never
    /// overlapping; in folded offsets, sorted.
    pub(crate) fn find(&self, affixes: &Affixes, doc: &Analysis<'_>) -> Vec<Word> {
        let (text, norm, starts) = (doc.text, &doc.norm, &doc.starts[..]);
        let f = norm.as_str();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for &s in starts {
            self.trie.walk(f, s, |e, p| found.push((s, e, p)));
            // Arabic meeting nouns take the article: المحادثات, للمفاوضات.
            if f[s..].starts_with("ال") || f[s..].starts_with("لل") {
                self.trie.walk(f, s + 4, |e, p| found.push((s + 4, e, p)));
            }
        }
        let mut raw: Vec<(usize, usize, usize)> = Vec::new();
        for (s, e, p) in found {
            let chars = f[s..e].chars().count();
            let article = ["ال", "لل"]
                .iter()
                .find_map(|a| f[..s].strip_suffix(a))
                .is_some_and(|head| left_edge(affixes, f, head.len(), 3, true).is_some());
            if (article || left_edge(affixes, f, s, chars.max(3), true).is_some()) && right_edge(affixes, text, norm, s, e, true) {
                raw.push((s, e, p));
            }
        }
        raw.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
        raw.dedup();
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut words = Vec::new();
        for (s, e, p) in raw {
            if taken.range(..e).next_back().is_some_and(|(_, &end)| end > s) {
                continue;
            }
            taken.insert(s, e);
            for &kind in &self.kinds[p] {
                words.push(Word { start: s, end: e, kind });
            }
        }
        words.sort_by_key(|w| (w.start, w.end));
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_of(lexicon: &Lexicon, form: &str) -> Vec<Kind> {
        let f = fold_name(form);
        let mut out = Vec::new();
        lexicon.trie.walk(&f, 0, |e, p| {
            if e == f.len() {
                out.extend(lexicon.kinds[p].iter().copied());
            }
        });
        out
    }

    #[test]
    fn triggers_read_one_form_per_line() {
        let text =
            "# visits\nmeet\tin_person:042:visit\tسفر\nmeet\tin_person:042:visit\tزيارة\n# arrival\narrival\t-\tسفر\narrival\t-\tسفر کرد\n";
        let lexicon = Lexicon::parse("t.tsv", text).unwrap();
        let visit = Kind::Meet(Modality::InPerson, "042", EventKind::Visit);
        assert_eq!(kinds_of(&lexicon, "سفر"), vec![visit, Kind::Arrival]);
        assert_eq!(kinds_of(&lexicon, "زيارة"), vec![visit]);
        // a space inside a form also matches no space
        assert_eq!(kinds_of(&lexicon, "سفرکرد"), vec![Kind::Arrival]);
    }

    #[test]
    fn a_bar_in_a_triggers_cell_is_an_error() {
        let err = Lexicon::parse("t.tsv", "# x\n\nbetween\t-\tبین|میان\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:3: column `form`: `بین|میان` holds `|`: this file takes one form per line"
        );
        let err = Lexicon::parse("t.tsv", "planned\t-|near\tخواهد\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:1: column `value`: `-|near` holds `|`: this file takes one form per line"
        );
        let err = Lexicon::parse("t.tsv", "between\t-\tبین\tمیان\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:1: 4 cells where a row of triggers.tsv has 3 (kind, value, form)"
        );
    }
}
