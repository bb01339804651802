//! The rule layer: `met-with` and `mediated-by` relations between entity
//! mentions, with their evidence.
//!
//! The words it reacts to live in `gazetteers/triggers.tsv` and are matched
//! with the same fold, automaton and word-edge rules as names. Per sentence:
//!
//! 1. **Triggers.** A meeting word (`دیدار`, `تلفنی`, `مذاکرات`; `لقاء`,
//!    `هاتفي`, `محادثات`) makes a `met-with`; a mediation phrase (`با وساطت`,
//!    `به میزبانی`; `برعاية`, `بوساطة`) or a host before an organised meeting
//!    (`يعتزم تنظيم لقاء`) makes a `mediated-by`. A meeting word right after
//!    a topic marker (`درباره مذاکرات`) is a topic, not a meeting, and the
//!    names between a topic marker and the next meeting word are topics too.
//!    A sentence with a negative cue (`مهم است`, `باید`, `أهمية`, `يجب`) —
//!    talks called for or praised — gives no relation.
//! 2. **Participants.** The list after `بین`/`بين` that follows the meeting
//!    word; otherwise the people named in the sentence (their states in
//!    apposition are only their affiliation); otherwise the states (a capital
//!    counts as its state). With fewer than two, a phrase for the two sides
//!    (`دو طرف`, `دو کشور`, `دو وزیر`, `الجانبين`, `البلدين`) stands for the
//!    last relation's participants or the last two states or people named.
//!    People of the same side never pair.
//! 3. **Mediators and parties.** The names right after a mediation phrase
//!    (a person when a title precedes the name), or the name before a
//!    `mediate_before` word; the parties are the `بین` list, else the
//!    sentence's meeting participants, else the names before the phrase,
//!    else the two states the document is mostly about.
//! 4. **Status** is `planned` when the sentence has a planned cue (`قرار
//!    است`, `خواهد`; `يعتزم`, `سيعقد`, `المقبل`), and **modality** follows the
//!    strongest meeting word (phone, then in person).
//!
//! A document's relations are deduplicated on (type, arguments, status),
//! keeping every piece of evidence.

use crate::error::{Detail, Error};
use crate::gazetteer::{data_cells, data_lines, fold_name, space_variants};
use crate::matcher::Trie;
use crate::normalize::{normalize, Normalized};
use crate::output::{Entity, EntityType, Span};
use crate::resolve::{left_edge, right_edge};
use crate::Extractor;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The default trigger lexicon.
pub(crate) const DEFAULT_TRIGGERS: (&str, &str) = ("gazetteers/triggers.tsv", include_str!("../gazetteers/triggers.tsv"));

/// The kind of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum RelationType {
    /// Two or more participants met, talked by phone, or held talks.
    #[serde(rename = "met-with")]
    MetWith,
    /// A third party mediated, brokered, hosted or sponsored talks or an
    /// agreement between parties.
    #[serde(rename = "mediated-by")]
    MediatedBy,
}

impl RelationType {
    /// The name users know it by: `met-with` or `mediated-by`.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::MetWith => "met-with",
            RelationType::MediatedBy => "mediated-by",
        }
    }
}

/// Whether a relation took place or is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It took place.
    Occurred,
    /// It is announced, intended or offered.
    Planned,
}

/// How a meeting took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// By telephone.
    Phone,
    /// Face to face.
    InPerson,
    /// The text does not say.
    Unspecified,
}

/// A relation argument: the entity mention it rests on. A capital standing
/// for its state (`باکو` for Azerbaijan) carries the state's id, and the
/// capital's in `mention_id`; a person named in no gazetteer has no id and is
/// known by the text (as `score.py` compares such arguments).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Argument {
    /// The entity id the relation is about, `None` for a person named in no
    /// gazetteer.
    pub id: Option<String>,
    /// The type of the mention.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// The mention as it stands in the text.
    pub text: String,
    /// Where the mention stands.
    #[serde(flatten)]
    pub span: Span,
    /// The mention's own id where it differs from `id` (a capital).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention_id: Option<String>,
}

/// Where the text states a relation: the trigger and its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The trigger word or phrase.
    pub trigger: Span,
    /// The sentence.
    pub sentence: Span,
}

/// A relation between entity mentions, with its evidence.
///
/// ```
/// let text = "وعقد باشينيان وعلييف اجتماعاً في بروكسل برعاية رئيس المجلس الأوروبي شارل ميشال.";
/// let x = namyab::extract(text);
/// let kinds: Vec<&str> = x.relations.iter().map(|r| r.relation_type.as_str()).collect();
/// // the two leaders met; Michel, who sponsored the meeting, met each of
/// // them; and he mediated between them
/// assert_eq!(kinds, ["met-with", "met-with", "met-with", "mediated-by"]);
/// let met = &x.relations[0];
/// let who: Vec<&str> = met.participants.iter().filter_map(|a| a.id.as_deref()).collect();
/// assert_eq!(who, ["nikol_pashinyan", "ilham_aliyev"]);
/// assert_eq!(met.modality, Some(namyab::Modality::InPerson));
/// assert_eq!(&text[met.trigger.range()], "اجتماعاً");
/// assert_eq!(met.place.as_ref().map(|p| p.text.as_str()), Some("بروكسل"));
/// let mediation = &x.relations[3];
/// assert_eq!(mediation.mediators[0].id.as_deref(), Some("charles_michel"));
/// assert_eq!(mediation.cameo, "045");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// `met-with` or `mediated-by`.
    #[serde(rename = "type")]
    pub relation_type: RelationType,
    /// For `met-with`: the participants.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Argument>,
    /// For `mediated-by`: the parties between whom a third party mediated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Argument>,
    /// For `mediated-by`: the mediators.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mediators: Vec<Argument>,
    /// Whether it took place or is planned.
    pub status: Status,
    /// For `met-with`: how the meeting took place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// The CAMEO event code: 040 consult (meeting), 041 telephone, 043 host,
    /// 045 mediate, 046 negotiate.
    pub cameo: &'static str,
    /// The trigger of the first statement.
    pub trigger: Span,
    /// The sentence of the first statement.
    pub sentence: Span,
    /// Where the first statement's sentence says it took place.
    pub place: Option<Entity>,
    /// When the first statement's sentence says it took place.
    pub date: Option<Entity>,
    /// Every statement of the same relation in the document.
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Meet(Modality, &'static str),
    MediateAfter,
    MediateBefore,
    Organize,
    Host,
    Planned,
    Negative,
    Topic,
    Between,
    PairPeople,
    PairStates,
    PairAny,
    PlacePrep,
    Demonstrative,
    Ignore,
    Negation,
    Clause,
    Call,
    Evaluative,
    Separately,
}

/// The compiled trigger lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    trie: Trie,
    kinds: Vec<Vec<Kind>>,
}

impl Lexicon {
    pub(crate) fn parse(file: &str, text: &str) -> Result<Lexicon, Error> {
        let mut table: BTreeMap<String, Vec<Kind>> = BTreeMap::new();
        for (n, line) in data_lines(text) {
            let cells = data_cells(file, n, line, 3)?;
            let bad = |what: String| Error::new(file, Some(n), Some("kind"), Detail::Malformed(what));
            let kind = match cells[0] {
                "meet" => {
                    let (modality, cameo) = cells[1]
                        .split_once(':')
                        .ok_or_else(|| bad(format!("`{}` is not MODALITY:CAMEO", cells[1])))?;
                    let modality = match modality {
                        "phone" => Modality::Phone,
                        "in_person" => Modality::InPerson,
                        "unspecified" => Modality::Unspecified,
                        other => return Err(bad(format!("unknown modality `{other}`"))),
                    };
                    let cameo = match cameo {
                        "040" => "040",
                        "041" => "041",
                        "042" => "042",
                        "043" => "043",
                        "046" => "046",
                        other => return Err(bad(format!("unknown meeting CAMEO code `{other}`"))),
                    };
                    Kind::Meet(modality, cameo)
                }
                "mediate_after" => Kind::MediateAfter,
                "mediate_before" => Kind::MediateBefore,
                "organize" => Kind::Organize,
                "host" => Kind::Host,
                "planned" => Kind::Planned,
                "negative" => Kind::Negative,
                "topic" => Kind::Topic,
                "between" => Kind::Between,
                "pair_people" => Kind::PairPeople,
                "pair_states" => Kind::PairStates,
                "pair_any" => Kind::PairAny,
                "place_prep" => Kind::PlacePrep,
                "demonstrative" => Kind::Demonstrative,
                "ignore" => Kind::Ignore,
                "negation" => Kind::Negation,
                "clause" => Kind::Clause,
                "call" => Kind::Call,
                "evaluative" => Kind::Evaluative,
                "separately" => Kind::Separately,
                other => return Err(bad(format!("unknown trigger kind `{other}`"))),
            };
            for form in cells[2].split('|') {
                let folded = fold_name(form);
                if folded.is_empty() {
                    return Err(Error::new(file, Some(n), Some("forms"), Detail::EmptyName(form.to_string())));
                }
                for v in std::iter::once(folded.clone()).chain(space_variants(&folded)) {
                    let kinds = table.entry(v).or_default();
                    if !kinds.contains(&kind) {
                        kinds.push(kind);
                    }
                }
            }
        }
        let (patterns, kinds): (Vec<String>, Vec<Vec<Kind>>) = table.into_iter().unzip();
        let trie = Trie::new(&patterns);
        Ok(Lexicon { trie, kinds })
    }

    /// Trigger words in the text, with word edges checked, longest first,
    /// never overlapping; in original byte offsets, sorted.
    fn find(&self, ex: &Extractor, text: &str, norm: &Normalized) -> Vec<Word> {
        let f = norm.as_str();
        let mut raw: Vec<(usize, usize, usize)> = Vec::new();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        crate::matcher::starts(f, &ex.affixes, |s| {
            self.trie.walk(f, s, |e, p| found.push((s, e, p)));
            // Arabic meeting nouns take the article: المحادثات, للمفاوضات.
            if f[s..].starts_with("ال") || f[s..].starts_with("لل") {
                self.trie.walk(f, s + 4, |e, p| found.push((s + 4, e, p)));
            }
        });
        for (s, e, p) in found {
            let chars = f[s..e].chars().count();
            // Arabic meeting nouns take the article: المحادثات, للمفاوضات.
            let article = ["ال", "لل"]
                .iter()
                .find_map(|a| f[..s].strip_suffix(a))
                .is_some_and(|head| left_edge(&ex.affixes, f, head.len(), 3).is_some());
            if (article || left_edge(&ex.affixes, f, s, chars.max(3)).is_some()) && right_edge(&ex.affixes, text, norm, s, e) {
                raw.push((s, e, p));
            }
        }
        raw.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut words = Vec::new();
        for (s, e, p) in raw {
            if taken.range(..e).next_back().is_some_and(|(_, &end)| end > s) {
                continue;
            }
            taken.insert(s, e);
            let span = norm.to_original(s..e);
            for &kind in &self.kinds[p] {
                words.push(Word {
                    start: span.start,
                    end: span.end,
                    kind,
                });
            }
        }
        words.sort_by_key(|w| (w.start, w.end));
        words
    }

    /// The relations of a document, given its entities.
    pub(crate) fn relations(&self, ex: &Extractor, text: &str, norm: &Normalized, entities: &[Entity]) -> Vec<Relation> {
        if entities.len() < 2 {
            return Vec::new();
        }
        let words = self.find(ex, text, norm);
        if !words
            .iter()
            .any(|w| matches!(w.kind, Kind::Meet(..) | Kind::MediateAfter | Kind::MediateBefore | Kind::Host))
        {
            return Vec::new();
        }
        let mut doc = Document {
            titles: ex.titles.stop_words(),
            text,
            entities,
            chars: CharIndex::new(text),
            out: Vec::new(),
            last_participants: Vec::new(),
            state_counts: None,
            seen: HashMap::new(),
        };
        for sentence in sentences(text) {
            doc.sentence(sentence, &words);
        }
        doc.out
    }
}

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    kind: Kind,
}

/// The words that start inside `range` (words are sorted by start).
fn words_in<'w>(words: &'w [Word], range: &std::ops::Range<usize>) -> &'w [Word] {
    let lo = words.partition_point(|w| w.start < range.start);
    let hi = words.partition_point(|w| w.start < range.end);
    &words[lo..hi.max(lo)]
}

/// The longest stretch read as one sentence. Longer runs without sentence
/// punctuation (the longest sentence in the seeds is 623 bytes) are cut
/// at white space, so that the per-sentence rules stay linear in the text.
const MAX_SENTENCE: usize = 4096;

/// Sentence spans of the original text: split after `.` `!` `?` `؟` `؛` and
/// line breaks (a `.` only before white space or the end, so `2.5` and
/// `News.am` stay whole); runs longer than [`MAX_SENTENCE`] are cut at white
/// space.
fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
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

fn raw_sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        let stop = match c {
            '!' | '?' | '؟' | '؛' | '\n' => true,
            '.' => iter.peek().is_none_or(|&(_, n)| n.is_whitespace()),
            _ => false,
        };
        if stop {
            if text[start..end].trim().len() > 1 {
                out.push(start..end);
            }
            start = end;
        }
    }
    if text[start..].trim().len() > 1 {
        out.push(start..text.len());
    }
    out
}

/// Char offsets of byte offsets, with a checkpoint every 4 KiB so that a
/// long document costs no more than a short one per lookup.
struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> CharIndex<'a> {
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

    fn span(&self, r: std::ops::Range<usize>) -> Span {
        Span {
            start: r.start,
            end: r.end,
            char_start: self.chars(r.start),
            char_end: self.chars(r.end),
        }
    }
}

/// A mention that can be a relation argument: its index in the entities and
/// the id it counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Arg<'e> {
    index: usize,
    id: &'e str,
    person: bool,
    affiliation: Option<&'e str>,
}

struct Document<'a> {
    /// Title words (`رئيس`, `نظيره` …), for lists joined by an Arabic و.
    titles: &'a HashSet<String>,
    text: &'a str,
    entities: &'a [Entity],
    chars: CharIndex<'a>,
    out: Vec<Relation>,
    /// The participants of the last relation found, for `دو طرف`.
    last_participants: Vec<Arg<'a>>,
    /// How often each state is named, most often first; on demand.
    state_counts: Option<Vec<(Arg<'a>, usize)>>,
    /// Relation key → index in `out`, for deduplication.
    seen: HashMap<RelationKey, usize>,
}

type RelationKey = (RelationType, Vec<String>, Vec<String>, Status);

/// White space, and the invisible marks the fold removes (ZWNJ, bidi
/// controls): the relation rules read the original text, which may carry
/// them anywhere.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether `s` holds only white space and invisible marks.
fn blank(s: &str) -> bool {
    s.chars().all(is_space)
}

/// Harakat and tatweel, which may stand alone between spaces in odd text.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

/// How many words the text between two offsets holds.
fn words_between(text: &str, from: usize, to: usize) -> usize {
    if from >= to {
        return 0;
    }
    text[from..to]
        .split(|c: char| is_space(c) || c == '،' || c == ',')
        .filter(|w| !w.chars().all(is_mark))
        .count()
}

/// Whether the gap between two list items joins them: a coordinator (و،
/// and) and at most `max_words` words.
/// Whether the gap between two list items joins them: a coordinator (و،
/// and, or an Arabic و joined to a title or an article-bearing word:
/// `ورئيس المجلس`, `ونظيره`, `والرئيس`) and at most `max_words` words.
fn coordinated(text: &str, from: usize, to: usize, max_words: usize, titles: &HashSet<String>) -> bool {
    if from > to {
        return false;
    }
    let gap = &text[from..to];
    let folded = normalize(gap);
    let g = folded.as_str();
    let joined_waw = |w: &str| {
        w.strip_prefix('و')
            .is_some_and(|rest| rest.starts_with("ال") || titles.contains(rest))
    };
    let joined = g.contains('،')
        || g.contains(',')
        || g.split(' ').any(|w| w == "و" || w == "and" || joined_waw(w))
        || g.ends_with(" و")
        || g.ends_with('و');
    joined && words_between(text, from, to) <= max_words
}

impl<'a> Document<'a> {
    /// The argument a mention can be: a person with an id, or a state (a
    /// capital as its state).
    fn arg(&self, index: usize, orgs: bool) -> Option<Arg<'a>> {
        let e: &'a Entity = &self.entities[index];
        if self.in_dateline(e) {
            return None;
        }
        if e.entity_type == EntityType::Person && e.id.is_none() {
            // Named in no gazetteer: known by its text.
            return Some(Arg {
                index,
                id: &e.text,
                person: true,
                affiliation: e.affiliation.as_deref(),
            });
        }
        let id: &'a str = e.id.as_deref()?;
        match e.entity_type {
            EntityType::Person => Some(Arg {
                index,
                id,
                person: true,
                affiliation: e.affiliation.as_deref(),
            }),
            EntityType::Gpe => {
                if let Some(state) = e.metonym_of.as_deref() {
                    Some(Arg {
                        index,
                        id: state,
                        person: false,
                        affiliation: None,
                    })
                } else if e.affiliation.is_none() {
                    Some(Arg {
                        index,
                        id,
                        person: false,
                        affiliation: None,
                    })
                } else {
                    None
                }
            }
            EntityType::Org if orgs => Some(Arg {
                index,
                id,
                person: false,
                affiliation: e.affiliation.as_deref(),
            }),
            _ => None,
        }
    }

    /// A mention in a dateline (`واشنطن (أ ف ب) -`, `بروكسل-سانا`): the
    /// place and agency of the report, never a party.
    fn in_dateline(&self, e: &Entity) -> bool {
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
                    && head.split(is_space).filter(|w| !w.is_empty()).count() <= 4
            }
            None => false,
        }
    }

    /// Indices of the entities that start inside `range` (entities are
    /// sorted and never overlap), found by binary search so that a long
    /// document costs the same per sentence as a short one.
    fn entities_in(&self, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let lo = self.entities.partition_point(|e| e.span.start < range.start);
        let hi = self.entities.partition_point(|e| e.span.start < range.end);
        lo..hi.max(lo)
    }

    /// The last two distinct states (or people) named before `before`, most
    /// recent first.
    fn recent(&self, before: usize, people: bool) -> Vec<Arg<'a>> {
        let mut out: Vec<Arg<'a>> = Vec::new();
        for i in (0..self.entities_in(&(0..before)).end).rev() {
            if self.entities[i].span.end > before {
                continue;
            }
            if let Some(a) = self.arg(i, false) {
                if a.person == people && !out.iter().any(|o| o.id == a.id) {
                    out.push(a);
                    if out.len() == 2 {
                        break;
                    }
                }
            }
        }
        out
    }

    /// The two states the document names most often, excluding `not`
    /// (counted once per document).
    fn main_pair(&mut self, not: &[Arg<'a>]) -> Vec<Arg<'a>> {
        if self.state_counts.is_none() {
            let mut counts: Vec<(Arg<'a>, usize)> = Vec::new();
            for i in 0..self.entities.len() {
                if let Some(a) = self.arg(i, false).filter(|a| !a.person) {
                    match counts.iter_mut().find(|(c, _)| c.id == a.id) {
                        Some((_, n)) => *n += 1,
                        None => counts.push((a, 1)),
                    }
                }
            }
            counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
            self.state_counts = Some(counts);
        }
        let counts = self.state_counts.as_deref().unwrap_or_default();
        counts
            .iter()
            .filter(|(a, _)| !not.iter().any(|n| n.id == a.id))
            .take(2)
            .map(|&(a, _)| a)
            .collect()
    }

    /// A coordinated list of arguments starting within `lead` words after
    /// `from`, items joined by و or a comma, each gap at most `gap` words.
    fn list_after(&self, from: usize, until: usize, lead: usize, gap: usize, orgs: bool, skip: &dyn Fn(usize) -> bool) -> Vec<Arg<'a>> {
        let mut out: Vec<Arg<'a>> = Vec::new();
        let mut last_end = from;
        for i in self.entities_in(&(from..until)) {
            let e = &self.entities[i];
            if e.span.start < from || e.span.end > until || skip(e.span.start) {
                continue;
            }
            let Some(a) = self.arg(i, orgs) else { continue };
            // A title naming a state or organisation, then the person:
            // `رئيس المجلس الأوروبي شارل ميشال`. The person is the argument.
            if let Some(prev) = out.last().copied() {
                if a.person
                    && !prev.person
                    && words_between(self.text, last_end, e.span.start) <= 2
                    && !coordinated(self.text, last_end, e.span.start, 2, self.titles)
                {
                    out.pop();
                    if !out.iter().any(|o| o.id == a.id) {
                        out.push(a);
                    }
                    last_end = e.span.end;
                    continue;
                }
            }
            let ok = if out.is_empty() {
                words_between(self.text, last_end, e.span.start) <= lead
            } else {
                coordinated(self.text, last_end, e.span.start, gap, self.titles)
            };
            if !ok {
                break;
            }
            if !out.iter().any(|o| o.id == a.id) {
                out.push(a);
            }
            last_end = e.span.end;
        }
        out
    }

    /// Splits a sentence at clause words (`و سپس`, `ثم`) and reads each
    /// clause; the sentence's first named argument is the subject of the
    /// clauses that name only one participant.
    fn sentence(&mut self, range: std::ops::Range<usize>, all_words: &[Word]) {
        let mut start = range.start;
        let mut subject: Option<Arg<'a>> = None;
        let all_words = words_in(all_words, &range);
        if !all_words.iter().any(|w| {
            matches!(
                w.kind,
                Kind::Meet(..) | Kind::MediateAfter | Kind::MediateBefore | Kind::Organize | Kind::Host
            )
        }) {
            return;
        }
        let breaks: Vec<std::ops::Range<usize>> = all_words
            .iter()
            .filter(|w| w.kind == Kind::Clause && w.start >= range.start && w.end <= range.end)
            .map(|w| w.start..w.end)
            .collect();
        for b in breaks.into_iter().chain(std::iter::once(range.end..range.end)) {
            let clause = start..b.start;
            if subject.is_none() {
                subject = self.subject(clause.clone(), all_words);
            }
            self.clause(clause, range.clone(), all_words, subject);
            start = b.end;
        }
    }

    /// The first person or state named in a clause that is not a place.
    fn subject(&self, range: std::ops::Range<usize>, words: &[Word]) -> Option<Arg<'a>> {
        self.entities_in(&range)
            .filter(|&i| self.entities[i].span.end <= range.end)
            .filter(|&i| !self.is_place(i, words))
            .find_map(|i| self.arg(i, false))
    }

    /// A GPE right after `در`/`في` is where something happened.
    fn is_place(&self, i: usize, words: &[Word]) -> bool {
        let e = &self.entities[i];
        e.entity_type == EntityType::Gpe
            && words
                .iter()
                .any(|w| w.kind == Kind::PlacePrep && w.end <= e.span.start && blank(&self.text[w.end..e.span.start]))
    }

    /// Any mention right after `در`/`في` (a venue, whatever its type).
    fn after_place_prep(&self, i: usize, words: &[Word]) -> bool {
        let e = &self.entities[i];
        words
            .iter()
            .any(|w| w.kind == Kind::PlacePrep && w.end <= e.span.start && blank(&self.text[w.end..e.span.start]))
    }

    /// A GPE coordinated right after a place (`في باكو ويريفان`).
    fn follows_place(&self, i: usize, words: &[Word]) -> bool {
        i > 0
            && self.is_place(i - 1, words)
            && coordinated(
                self.text,
                self.entities[i - 1].span.end,
                self.entities[i].span.start,
                1,
                self.titles,
            )
    }

    fn clause(&mut self, range: std::ops::Range<usize>, sentence: std::ops::Range<usize>, all_words: &[Word], subject: Option<Arg<'a>>) {
        let words: Vec<Word> = words_in(all_words, &range).iter().copied().filter(|w| w.end <= range.end).collect();
        let has = |k: fn(&Kind) -> bool| words.iter().any(|w| k(&w.kind));
        if !has(|k| {
            matches!(
                k,
                Kind::Meet(..) | Kind::MediateAfter | Kind::MediateBefore | Kind::Organize | Kind::Host
            )
        }) {
            return;
        }
        // Absence, boycott, refusal: no meeting.
        if has(|k| matches!(k, Kind::Negative)) {
            return;
        }
        // A call for talks before the meeting word: talks asked for.
        let first_event = words
            .iter()
            .filter(|w| {
                matches!(
                    w.kind,
                    Kind::Meet(..) | Kind::MediateAfter | Kind::MediateBefore | Kind::Organize | Kind::Host
                )
            })
            .map(|w| w.start)
            .min()
            .unwrap_or(range.end);
        if words.iter().any(|w| w.kind == Kind::Call && w.start < first_event) {
            return;
        }
        // Talks judged important or necessary, when nothing says a call or
        // meeting took place.
        let concrete = words
            .iter()
            .any(|w| matches!(w.kind, Kind::Meet(Modality::Phone | Modality::InPerson, _) | Kind::Host));
        if !concrete && has(|k| matches!(k, Kind::Evaluative)) {
            return;
        }
        let text = self.text;
        // Topic regions: from a topic marker to the next meeting word that is
        // not itself the topic.
        let topics: Vec<usize> = words.iter().filter(|w| w.kind == Kind::Topic).map(|w| w.end).collect();
        let is_topic_trigger = |w: &Word| topics.iter().any(|&t| t <= w.start && words_between(text, t, w.start) <= 2);
        let meets: Vec<Word> = words
            .iter()
            .copied()
            .filter(|w| matches!(w.kind, Kind::Meet(..)) && !is_topic_trigger(w))
            .collect();
        let mut regions: Vec<(usize, usize)> = Vec::new();
        for &t in &topics {
            let end = words
                .iter()
                .filter(|w| w.start >= t)
                .find(|w| match w.kind {
                    Kind::Meet(..) => !is_topic_trigger(w),
                    Kind::MediateAfter | Kind::MediateBefore | Kind::Organize | Kind::Host => true,
                    _ => false,
                })
                .map_or(range.end, |w| w.start);
            // … and where a comma and a joined و open a new clause (`حول
            // معاهدة السلام، ومن المقرر`); a comma inside a list, or before
            // the separate Persian `و`, does not.
            let end = text[t..end]
                .match_indices(['،', ','])
                .find(|(i, c)| {
                    // folded, so harakat and presentation forms do not hide it
                    let after = &text[t + i + c.len()..];
                    let window = normalize(&after[..after.char_indices().nth(12).map_or(after.len(), |(k, _)| k)]);
                    let next = window.as_str().trim_start();
                    next.starts_with('و') && next['و'.len_utf8()..].chars().next().is_some_and(char::is_alphabetic)
                })
                .map_or(end, |(i, _)| t + i);
            regions.push((t, end));
        }
        let in_topic = |pos: usize| regions.iter().any(|&(a, b)| a <= pos && pos < b);
        // Status: with one meeting word, any planned cue of the clause. With
        // several, a cue governs the meeting words after it, and the one it
        // follows within two words (`دیدار خواهند کرد`): `تلفنی گفتگو کردند و
        // قرار است … رایزنی` is a call that happened and talks to come.
        let planned = |w: &Word| {
            words.iter().any(|c| {
                c.kind == Kind::Planned
                    && !in_topic(c.start)
                    && (meets.len() <= 1
                        || c.start < w.start
                        || (c.start >= w.end && words_between(text, w.end, c.start) < 2 && !text[w.end..c.start].contains(['،', ','])))
            })
        };
        let status_of = |w: &Word| if planned(w) { Status::Planned } else { Status::Occurred };
        let sentence_span = self.chars.span(sentence.clone());
        let date = self.entities[self.entities_in(&sentence)]
            .iter()
            .find(|e| e.entity_type == EntityType::Date && e.span.end <= sentence.end)
            .cloned();
        let in_clause: Vec<usize> = self
            .entities_in(&range)
            .filter(|&i| {
                let e = &self.entities[i];
                e.span.start >= range.start && e.span.end <= range.end && !in_topic(e.span.start)
            })
            .collect();
        // Arguments of the clause: not topics, not the place it happened in.
        // The place something happened in (`در وین`) is no party, unless
        // the clause has no two others (`مسؤولون في باكو ويريفان`).
        let mut clause_args: Vec<(usize, usize, Arg<'a>)> = in_clause
            .iter()
            .filter(|&&i| !self.is_place(i, &words))
            .filter_map(|&i| {
                self.arg(i, false)
                    .map(|a| (self.entities[i].span.start, self.entities[i].span.end, a))
            })
            .collect();
        if clause_args.len() < 2 {
            let with_span = |i: usize| {
                self.arg(i, false)
                    .map(|a| (self.entities[i].span.start, self.entities[i].span.end, a))
            };
            // Only places joined by و (`في باكو ويريفان`), not two venues.
            if in_clause.iter().any(|&i| self.follows_place(i, &words)) {
                clause_args = in_clause.iter().filter_map(|&i| with_span(i)).collect();
            }
        }
        let args_in = |from: usize, to: usize| -> Vec<Arg<'a>> {
            clause_args
                .iter()
                .filter(|&&(s, e, _)| s >= from && e <= to)
                .map(|&(_, _, a)| a)
                .collect()
        };
        let negated = |w: &Word| {
            words
                .iter()
                .any(|n| n.kind == Kind::Negation && n.end <= w.start && words_between(text, n.end, w.start) <= 2)
        };

        // Mediators first: they are not participants.
        let mut mediations: Vec<(Word, Vec<Arg<'a>>)> = Vec::new();
        for w in &words {
            if negated(w) {
                continue;
            }
            let mediators = match w.kind {
                Kind::MediateAfter => {
                    let list = self.list_after(w.end, range.end, 2, 3, true, &|p| in_topic(p));
                    let people: Vec<Arg<'a>> = list.iter().copied().filter(|a| a.person).collect();
                    if people.is_empty() {
                        list
                    } else {
                        people
                    }
                }
                Kind::MediateBefore | Kind::Organize | Kind::Host => {
                    if w.kind == Kind::Organize && !meets.iter().any(|m| m.start >= w.end && words_between(text, w.end, m.start) <= 2) {
                        continue;
                    }
                    // The one before the word (for a host, the person who is
                    // the subject: `ترامپ … در کاخ سفید میزبان …`), or the
                    // first name right after it when the verb comes first
                    // (`تستضيف الدوحة لقاء …`, `استضاف الرئيس الأمريكي دونالد ترامب …`).
                    let before_word = || in_clause.iter().rev().filter(|&&i| self.entities[i].span.end <= w.start);
                    // A name right before a host word is its subject (`أن برلين
                    // ستستضيف`), unless it is the venue (`در کاخ سفید میزبان`).
                    let adjacent = before_word()
                        .next()
                        .filter(|&&i| words_between(text, self.entities[i].span.end, w.start) <= 2 && !self.after_place_prep(i, &words))
                        .and_then(|&i| self.arg(i, true));
                    let subject = if w.kind == Kind::Host {
                        adjacent.or_else(|| {
                            in_clause
                                .iter()
                                .filter(|&&i| self.entities[i].span.end <= w.start)
                                .filter_map(|&i| self.arg(i, true))
                                .find(|a| a.person)
                        })
                    } else {
                        None
                    };
                    let before = || before_word().find_map(|&i| self.arg(i, true));
                    let after = || {
                        in_clause
                            .iter()
                            .filter(|&&i| self.entities[i].span.start >= w.end)
                            .find_map(|&i| self.arg(i, true))
                            .filter(|a| words_between(text, w.end, self.entities[a.index].span.start) <= 3)
                    };
                    subject.or_else(before).or_else(after).into_iter().collect()
                }
                _ => continue,
            };
            if !mediators.is_empty() {
                mediations.push((*w, mediators));
            }
        }
        // The mediators' own mentions are not participants; another mention
        // of the same state is (`مسکو میزبان نشست سه‌جانبه روسیه، ارمنستان و …`).
        let mediator_mentions: Vec<usize> = mediations.iter().flat_map(|(_, m)| m.iter().map(|a| a.index)).collect();

        // A person who hosts others meets them: `X میزبان A و B بود`,
        // `استضاف X … A وB`; the guests are the people named after the host.
        let mut hosted: Vec<(Word, Arg<'a>, Vec<Arg<'a>>)> = Vec::new();
        for (w, meds) in &mediations {
            let Some(host) = meds.first().copied().filter(|h| w.kind == Kind::Host && h.person) else {
                continue;
            };
            let from = w.end.max(self.entities[host.index].span.end);
            let mut guests: Vec<Arg<'a>> = Vec::new();
            for a in args_in(from, range.end) {
                if a.person && a.id != host.id && !guests.iter().any(|g| g.id == a.id) {
                    guests.push(a);
                }
            }
            if !guests.is_empty() {
                hosted.push((*w, host, guests));
            }
        }

        // Meeting participants.
        let mut participants: Vec<Arg<'a>> = Vec::new();
        let mut trigger = meets.first().copied();
        for m in &meets {
            if let Some(b) = words
                .iter()
                .find(|b| b.kind == Kind::Between && b.start >= m.end && words_between(text, m.end, b.start) <= 3)
            {
                let list = self.list_after(b.end, range.end, 4, 4, false, &|p| in_topic(p));
                if list.len() >= 2 {
                    participants = list;
                    trigger = Some(*m);
                    break;
                }
            }
        }
        // `در این گفتگو`, `خلال هذه المحادثات`: a meeting already told; the
        // states named with it are what was discussed.
        let anaphoric = trigger.is_some_and(|t| {
            words
                .iter()
                .any(|d| d.kind == Kind::Demonstrative && d.end <= t.start && words_between(text, d.end, t.start) == 0)
        });
        if participants.is_empty() && trigger.is_some() {
            let args: Vec<Arg<'a>> = args_in(range.start, range.end)
                .into_iter()
                .filter(|a| !mediator_mentions.contains(&a.index))
                .collect();
            let mut people: Vec<Arg<'a>> = Vec::new();
            let mut states: Vec<Arg<'a>> = Vec::new();
            for a in args {
                let list = if a.person { &mut people } else { &mut states };
                if !list.iter().any(|p| p.id == a.id) {
                    list.push(a);
                }
            }
            participants = match people.len() {
                _ if anaphoric && people.len() < 2 => Vec::new(),
                0 => states,
                1 => {
                    let own = people[0].affiliation;
                    people.into_iter().chain(states.into_iter().filter(|s| Some(s.id) != own)).collect()
                }
                _ => people,
            };
        }
        // A later clause of the sentence keeps its subject (`X با Y دیدار
        // کرد و سپس با Z تلفنی گفتگو کرد`).
        if participants.len() == 1 && trigger.is_some() {
            if let Some(s) = subject.filter(|s| s.id != participants[0].id && !mediator_mentions.contains(&s.index)) {
                participants.insert(0, s);
            }
        }
        if participants.len() < 2 && trigger.is_some() {
            if let Some(pair) = self.pair_phrase(&words, range.start) {
                participants = pair;
            }
        }
        if trigger.is_some() && participants.len() >= 2 {
            let place = self.place(&words, &in_clause, &participants);
            // People who mediate a meeting (`اجتماع … بوساطة الرئيس الفرنسي
            // إيمانويل ماكرون`) attend it. `منفصلين`: the subject met each
            // partner apart, so the partners do not pair.
            let separately = has(|k| matches!(k, Kind::Separately));
            let mut attendees = participants.clone();
            for (w, meds) in &mediations {
                if w.kind == Kind::MediateAfter {
                    for m in meds.iter().filter(|m| m.person) {
                        if !attendees.iter().any(|a| a.id == m.id) {
                            attendees.push(*m);
                        }
                    }
                }
            }
            // One relation per status the meeting words of the clause carry.
            let mut groups: Vec<(Status, Vec<Word>)> = Vec::new();
            for m in &meets {
                let st = status_of(m);
                match groups.iter_mut().find(|(g, _)| *g == st) {
                    Some((_, ws)) => ws.push(*m),
                    None => groups.push((st, vec![*m])),
                }
            }
            for (status, group) in groups {
                // Talks held at a named venue (`محادثات في بروكسل`) were held
                // in person.
                let modality = [Modality::Phone, Modality::InPerson]
                    .into_iter()
                    .find(|m| group.iter().any(|w| matches!(w.kind, Kind::Meet(x, _) if x == *m)))
                    .unwrap_or(if place.is_some() {
                        Modality::InPerson
                    } else {
                        Modality::Unspecified
                    });
                let shown = if group.iter().any(|w| Some(w.start) == trigger.map(|t| t.start)) {
                    trigger.unwrap_or(group[0])
                } else {
                    group[0]
                };
                let cameo = group
                    .iter()
                    .find_map(|w| match w.kind {
                        Kind::Meet(x, c) if x == modality => Some(c),
                        _ => None,
                    })
                    .unwrap_or("046");
                let meeting = Meeting {
                    status,
                    modality,
                    cameo,
                    trigger: self.chars.span(shown.start..shown.end),
                    sentence: sentence_span,
                    place: place.clone(),
                    date: date.clone(),
                };
                self.met_with(&attendees, separately, &meeting);
            }
            self.last_participants = participants.clone();
        }

        for (w, host, guests) in &hosted {
            let all: Vec<Arg<'a>> = std::iter::once(*host).chain(guests.iter().copied()).collect();
            let meeting = Meeting {
                status: status_of(w),
                modality: Modality::InPerson,
                cameo: "043",
                trigger: self.chars.span(w.start..w.end),
                sentence: sentence_span,
                place: self.place(&words, &in_clause, &all),
                date: date.clone(),
            };
            self.met_with(&all, false, &meeting);
            if self.last_participants.is_empty() || trigger.is_none() {
                self.last_participants = guests.clone();
            }
        }

        // Mediations. A mediator of the clause is no party of another
        // mediation in it (`با میانجیگری گرجستان و تحت حمایت آمریکا`).
        let all_mediator_ids: Vec<&str> = mediations.iter().flat_map(|(_, m)| m.iter().map(|a| a.id)).collect();
        for (w, mediators) in mediations {
            let mut parties: Vec<Arg<'a>> = Vec::new();
            if let Some((_, _, guests)) = hosted.iter().find(|(h, _, _)| h.start == w.start) {
                if guests.len() >= 2 {
                    parties = guests.clone();
                }
            }
            if let Some(b) = words
                .iter()
                .find(|b| b.kind == Kind::Between && b.start >= w.end && words_between(text, w.end, b.start) <= 3)
            {
                parties = self.list_after(b.end, range.end, 4, 4, false, &|p| in_topic(p));
                if parties.len() < 2 {
                    if let Some(pair) = self.pair_phrase(&words, range.start) {
                        parties = pair;
                    }
                }
            }
            if parties.len() < 2 && participants.len() >= 2 {
                parties = participants.clone();
            }
            if parties.len() < 2 {
                let before: Vec<Arg<'a>> = args_in(range.start, w.start)
                    .into_iter()
                    .filter(|a| !mediators.iter().any(|m| m.id == a.id))
                    .collect();
                let people: Vec<Arg<'a>> = before.iter().copied().filter(|a| a.person).collect();
                let mut chosen = if people.len() >= 2 {
                    people
                } else {
                    before.into_iter().filter(|a| !a.person).collect()
                };
                chosen.dedup_by_key(|a| a.id);
                parties = chosen;
            }
            if parties.len() < 2 {
                if let Some(pair) = self.pair_phrase(&words, range.start) {
                    parties = pair;
                }
            }
            if parties.len() < 2 {
                let found = parties.clone();
                let main = self.main_pair(&mediators);
                if found.iter().all(|p| main.iter().any(|m| m.id == p.id)) {
                    parties = main;
                }
            }
            parties.retain(|p| !mediators.iter().any(|m| m.id == p.id) && !all_mediator_ids.contains(&p.id));
            let mut unique: Vec<Arg<'a>> = Vec::new();
            for p in parties {
                if !unique.iter().any(|u| u.id == p.id) {
                    unique.push(p);
                }
            }
            if unique.len() < 2 {
                continue;
            }
            // A mediation has the status of the meeting it mediates.
            let nearest = meets.iter().min_by_key(|m| {
                if m.start >= w.end {
                    m.start - w.end
                } else {
                    w.start.saturating_sub(m.end)
                }
            });
            let mediation_status = status_of(nearest.unwrap_or(&w));
            let place = self.place(&words, &in_clause, &unique);
            self.push(Relation {
                relation_type: RelationType::MediatedBy,
                participants: Vec::new(),
                parties: unique.iter().map(|a| self.argument(a)).collect(),
                mediators: mediators.iter().map(|a| self.argument(a)).collect(),
                status: mediation_status,
                modality: None,
                cameo: "045",
                trigger: self.chars.span(w.start..w.end),
                sentence: sentence_span,
                place,
                date: date.clone(),
                evidence: Vec::new(),
            });
        }
    }

    /// `دو طرف`, `دو کشور`, `دو وزیر`, `الجانبين` … in the sentence: the two
    /// sides the text is about.
    fn pair_phrase(&self, words: &[Word], sentence_start: usize) -> Option<Vec<Arg<'a>>> {
        let w = words
            .iter()
            .find(|w| matches!(w.kind, Kind::PairPeople | Kind::PairStates | Kind::PairAny))?;
        let last = &self.last_participants;
        let from_last = |people: bool| -> Option<Vec<Arg<'a>>> {
            let l: Vec<Arg<'a>> = last.iter().copied().filter(|a| a.person == people).collect();
            (l.len() >= 2).then_some(l)
        };
        let recent = |people: bool| -> Option<Vec<Arg<'a>>> {
            let r = self.recent(w.start.max(sentence_start), people);
            (r.len() >= 2).then_some(r)
        };
        match w.kind {
            Kind::PairPeople => from_last(true).or_else(|| recent(true)),
            Kind::PairStates => recent(false),
            _ => (last.len() >= 2).then(|| last.clone()).or_else(|| recent(false)),
        }
    }

    /// The place of the sentence: a GPE right after `در`/`في` that is not an
    /// argument.
    fn place(&self, words: &[Word], in_sentence: &[usize], args: &[Arg<'a>]) -> Option<Entity> {
        in_sentence
            .iter()
            .map(|&i| &self.entities[i])
            .filter(|e| e.entity_type == EntityType::Gpe && !args.iter().any(|a| std::ptr::eq(&self.entities[a.index], *e)))
            .find(|e| {
                words
                    .iter()
                    .any(|w| w.kind == Kind::PlacePrep && w.end <= e.span.start && blank(&self.text[w.end..e.span.start]))
            })
            .cloned()
    }

    fn argument(&self, a: &Arg<'a>) -> Argument {
        let e = &self.entities[a.index];
        Argument {
            id: e.id.as_ref().map(|_| a.id.to_string()),
            entity_type: e.entity_type,
            text: e.text.clone(),
            span: e.span,
            mention_id: e.id.as_deref().filter(|m| *m != a.id).map(str::to_string),
        }
    }

    /// A `met-with` for every pair of `people` from different sides (with
    /// `separately`, only the first with each of the others).
    fn met_with(&mut self, people: &[Arg<'a>], separately: bool, m: &Meeting) {
        for (i, a) in people.iter().enumerate() {
            for b in &people[i + 1..] {
                if a.id == b.id || same_side(a, b) || (separately && i > 0) {
                    continue;
                }
                self.push(Relation {
                    relation_type: RelationType::MetWith,
                    participants: vec![self.argument(a), self.argument(b)],
                    parties: Vec::new(),
                    mediators: Vec::new(),
                    status: m.status,
                    modality: Some(m.modality),
                    cameo: m.cameo,
                    trigger: m.trigger,
                    sentence: m.sentence,
                    place: m.place.clone(),
                    date: m.date.clone(),
                    evidence: Vec::new(),
                });
            }
        }
    }

    /// Adds a relation, or its evidence to an equal one already found
    /// (same type, arguments, mediators and status).
    fn push(&mut self, mut r: Relation) {
        let key_of = |a: &Argument| a.id.clone().unwrap_or_else(|| format!("text:{}", a.text));
        let mut args: Vec<String> = r.participants.iter().chain(&r.parties).map(key_of).collect();
        args.sort();
        let mut meds: Vec<String> = r.mediators.iter().map(key_of).collect();
        meds.sort();
        let key = (r.relation_type, args, meds, r.status);
        let evidence = Evidence {
            trigger: r.trigger,
            sentence: r.sentence,
        };
        match self.seen.get(&key) {
            Some(&i) => {
                let o = &mut self.out[i];
                if !o.evidence.contains(&evidence) {
                    o.evidence.push(evidence);
                }
            }
            None => {
                r.evidence.push(evidence);
                self.seen.insert(key, self.out.len());
                self.out.push(r);
            }
        }
    }
}

/// What a clause says of a meeting, shared by the pairs it yields.
struct Meeting {
    status: Status,
    modality: Modality,
    cameo: &'static str,
    trigger: Span,
    sentence: Span,
    place: Option<Entity>,
    date: Option<Entity>,
}

/// People of one side never form a pair: two people of the same state or
/// organisation, or a person and their own state.
fn same_side(a: &Arg<'_>, b: &Arg<'_>) -> bool {
    match (a.person, b.person) {
        (true, true) => a.affiliation.is_some() && a.affiliation == b.affiliation,
        (true, false) => a.affiliation == Some(b.id),
        (false, true) => b.affiliation == Some(a.id),
        (false, false) => false,
    }
}
