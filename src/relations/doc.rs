//! The per-document analysis the relation layer reads: built once by the
//! extractor from what it already has (the text, its fold, the entities,
//! the trigger words found from the shared word starts). Nothing in the
//! layer folds or matches again.

use super::lexicon::{Kind, Word};
use super::segment::{coordinated, words_between, CharIndex};
use crate::normalize::Normalized;
use crate::output::{Entity, EntityType};
use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;

/// A mention that can be a relation argument: its index in the entities and
/// the id it counts as (a capital counts as its state; a person named in no
/// gazetteer by its text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Arg<'e> {
    pub index: usize,
    pub id: &'e str,
    pub person: bool,
    /// An organisation: a mediator or announcer, never a participant.
    pub org: bool,
    pub affiliation: Option<&'e str>,
}

/// Everything the relation passes read about one document.
pub(crate) struct Doc<'a> {
    /// The original text.
    pub text: &'a str,
    /// The folded text.
    pub f: &'a str,
    pub norm: &'a Normalized,
    pub entities: &'a [Entity],
    /// Each entity's span in the folded text.
    pub spans: Vec<Range<usize>>,
    /// Each entity as a relation argument, if it can be one.
    pub args: Vec<Option<Arg<'a>>>,
    /// Trigger words, sorted by start, in folded offsets.
    pub words: Vec<Word>,
    /// Title and function words (`رئيس`, `نظيره`, `من` …), for lists joined
    /// by an Arabic و.
    pub titles: &'a HashSet<String>,
    /// The title rules (`وزیر خارجه`, `رئيس الوزراء`).
    pub title_rules: &'a crate::names::Titles,
    pub chars: CharIndex<'a>,
    /// Ranges already judged Arabic or Persian.
    languages: RefCell<Vec<(Range<usize>, bool)>>,
}

impl<'a> Doc<'a> {
    pub(crate) fn new(
        analysis: &'a crate::analysis::Analysis<'a>,
        entities: &'a [Entity],
        words: Vec<Word>,
        title_rules: &'a crate::names::Titles,
    ) -> Doc<'a> {
        let (text, norm) = (analysis.text, &analysis.norm);
        let spans: Vec<Range<usize>> = entities
            .iter()
            .map(|e| norm.to_folded(e.span.start)..norm.to_folded(e.span.end))
            .collect();
        let mut doc = Doc {
            text,
            f: norm.as_str(),
            norm,
            entities,
            spans,
            args: Vec::new(),
            words,
            titles: title_rules.stop_words(),
            title_rules,
            chars: CharIndex::new(text),
            languages: RefCell::new(Vec::new()),
        };
        doc.args = (0..entities.len()).map(|i| doc.make_arg(i)).collect();
        doc
    }

    fn make_arg(&self, index: usize) -> Option<Arg<'a>> {
        let e: &'a Entity = &self.entities[index];
        if self.in_dateline(index) {
            return None;
        }
        let arg = |id: &'a str, person: bool, org: bool, affiliation: Option<&'a str>| {
            Some(Arg {
                index,
                id,
                person,
                org,
                affiliation,
            })
        };
        match (e.entity_type, e.id.as_deref()) {
            // Named in no gazetteer: known by its text.
            (EntityType::Person, None) => arg(&e.text, true, false, e.affiliation.as_deref()),
            (EntityType::Person, Some(id)) => arg(id, true, false, e.affiliation.as_deref()),
            (EntityType::Gpe, Some(id)) => match (e.metonym_of.as_deref(), e.affiliation.as_deref()) {
                (Some(state), _) => arg(state, false, false, None),
                (None, None) => arg(id, false, false, None),
                // A city of a state: a venue, never a side.
                (None, Some(_)) => None,
            },
            (EntityType::Org, Some(id)) => arg(id, false, true, e.affiliation.as_deref()),
            _ => None,
        }
    }

    /// A city of a state (no side by itself) as its state, for a city that
    /// hosts (`استضافت إسطنبول ثلاث جولات`).
    pub(crate) fn city_as_state(&self, index: usize) -> Option<Arg<'a>> {
        let e: &'a Entity = &self.entities[index];
        match (e.entity_type, e.affiliation.as_deref()) {
            (EntityType::Gpe, Some(state)) if !self.in_dateline(index) => Some(Arg {
                index,
                id: state,
                person: false,
                org: false,
                affiliation: None,
            }),
            _ => None,
        }
    }

    /// A mention in a dateline (`واشنطن (أ ف ب) -`, `بروكسل-سانا`): the
    /// place and agency of the report, never a party.
    fn in_dateline(&self, index: usize) -> bool {
        let e = &self.entities[index];
        // A dateline starts within 60 bytes of its line: look no further back
        // (a scan to the line start would be quadratic on a long line).
        let mut from = e.span.start.saturating_sub(61);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let line_start = match self.text[from..e.span.start].rfind('\n') {
            Some(i) => from + i + 1,
            None if from == 0 => 0,
            None => return false,
        };
        if e.span.start - line_start > 60 {
            return false;
        }
        let rest = &self.text[e.span.end..];
        let window = &rest[..rest.char_indices().nth(30).map_or(rest.len(), |(i, _)| i)];
        match window.find(['-', '–', '—']) {
            Some(d) => {
                let before = &window[..d];
                let head = &self.text[line_start..e.span.start];
                !before.contains(['،', ',', '.', ':'])
                    && !head.contains(['،', ',', '.', ':'])
                    && head.split(char::is_whitespace).filter(|w| !w.is_empty()).count() <= 4
            }
            None => false,
        }
    }

    /// Indices of the entities that start inside the folded `range`.
    pub(crate) fn entities_in(&self, range: &Range<usize>) -> Range<usize> {
        let lo = self.spans.partition_point(|s| s.start < range.start);
        let hi = self.spans.partition_point(|s| s.start < range.end);
        lo..hi.max(lo)
    }

    /// The trigger words that start inside the folded `range`.
    pub(crate) fn words_in(&self, range: &Range<usize>) -> &[Word] {
        let lo = self.words.partition_point(|w| w.start < range.start);
        let hi = self.words.partition_point(|w| w.start < range.end);
        &self.words[lo..hi.max(lo)]
    }

    /// The arguments (people, states and, with `orgs`, organisations)
    /// wholly inside the folded `range`, in text order.
    pub(crate) fn args_in(&self, range: &Range<usize>, orgs: bool) -> impl Iterator<Item = Arg<'a>> + '_ {
        let end = range.end;
        self.entities_in(range)
            .filter(move |&i| self.spans[i].end <= end)
            .filter_map(move |i| self.args[i].filter(|a| orgs || !a.org))
    }

    /// Whether the word right before entity `i` is of kind `kind`, with at
    /// most `gap` words between.
    pub(crate) fn after_word(&self, i: usize, gap: usize, kind: impl Fn(Kind) -> bool) -> bool {
        let s = self.spans[i].start;
        let lo = self.words.partition_point(|w| w.end <= s.saturating_sub(64));
        self.words[lo..]
            .iter()
            .take_while(|w| w.end <= s)
            .any(|w| kind(w.kind) && words_between(self.f, w.end, s) <= gap)
    }

    /// A coordinated list of arguments starting within `lead` words after
    /// `from` and ending before `until`: items joined by و or a comma, each
    /// gap at most `gap` words; `skip` passes over entities (topics, venues).
    /// A title naming a state, then its holder (`رئيس المجلس الأوروبي شارل
    /// ميشال`): the person stands for both.
    pub(crate) fn list_after(
        &self,
        from: usize,
        until: usize,
        lead: usize,
        gap: usize,
        orgs: bool,
        skip: &dyn Fn(usize) -> bool,
    ) -> Vec<Arg<'a>> {
        let mut out: Vec<Arg<'a>> = Vec::new();
        let mut last_end = from;
        for i in self.entities_in(&(from..until)) {
            let span = &self.spans[i];
            if span.start < from || span.end > until || skip(i) {
                continue;
            }
            let Some(a) = self.args[i].filter(|a| orgs || !a.org) else {
                continue;
            };
            // A venue ends a list of sides (`بين A وB، التي جرت … في الدوحة`).
            if !out.is_empty() && self.after_word(i, 0, |k| matches!(k, Kind::PlacePrep | Kind::Destination)) {
                break;
            }
            if let Some(prev) = out.last().copied() {
                // a state, then its person (`وزير خارجية قطر محمد …`); not a
                // partner after با/مع (`با میانجیگری قطر با عراقچی`)
                if a.person
                    && !prev.person
                    && words_between(self.f, last_end, span.start) <= 2
                    && !coordinated(self.f, last_end, span.start, 2, self.titles)
                    && !super::segment::word_before(self.f, span.start, super::segment::COMITATIVES)
                {
                    out.pop();
                    if !out.iter().any(|o| o.id == a.id) {
                        out.push(a);
                    }
                    last_end = span.end;
                    continue;
                }
            }
            let ok = if out.is_empty() {
                words_between(self.f, last_end, span.start) <= lead
            } else {
                coordinated(self.f, last_end, span.start, gap, self.titles)
            };
            if !ok {
                break;
            }
            if !out.iter().any(|o| o.id == a.id) {
                out.push(a);
            }
            last_end = span.end;
        }
        out
    }

    /// Whether a folded range is written in Arabic rather than Persian, by
    /// the function words only one of them uses (`فی`, `من`, `علی`, the
    /// article `ال`; `در`, `از`, `را`, `که`, `است`). It reads the folded
    /// text, so it does not depend on how the letters were typed.
    pub(crate) fn arabic(&self, r: &Range<usize>) -> bool {
        // The passes ask about the same clause and segment several times.
        if let Some(&(_, known)) = self.languages.borrow().iter().rev().find(|(k, _)| k == r) {
            return known;
        }
        let arabic = self.count_arabic(r);
        self.languages.borrow_mut().push((r.clone(), arabic));
        arabic
    }

    fn count_arabic(&self, r: &Range<usize>) -> bool {
        const ARABIC: &[&str] = &[
            "فی", "من", "علی", "الی", "عن", "مع", "التی", "الذی", "ان", "قد", "لم", "هذا", "هذه", "وفی", "کما",
        ];
        const PERSIAN: &[&str] = &[
            "در",
            "از",
            "به",
            "را",
            "که",
            "این",
            "است",
            "با",
            "برای",
            "می",
            "شد",
            "کرد",
            "کردند",
            "های",
            "ها",
            "و",
        ];
        let (mut ar, mut fa) = (0usize, 0usize);
        for w in self.f[r.clone()].split([' ', '،', ',', '.', '؛', ':']) {
            if ARABIC.contains(&w) || (w.len() > 6 && (w.starts_with("ال") || w.starts_with("وال"))) {
                ar += 1;
            } else if PERSIAN.contains(&w) {
                fa += 1;
            }
        }
        ar > fa
    }

    /// The folded range of a sentence of the original text.
    pub(crate) fn folded(&self, r: &Range<usize>) -> Range<usize> {
        self.norm.to_folded(r.start)..self.norm.to_folded(r.end)
    }
}
