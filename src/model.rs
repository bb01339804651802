//! The model: every table built once from the data files, as immutable
//! parts that the stages read.
//!
//! `Extractor` is a façade over one `Model`. No stage takes the model
//! whole: resolution gets a [`Resolver`] (the names, affixes, cues, dates,
//! titles, language words, frequent words and outlet cues it reads), the
//! relation layer the trigger lexicon and the titles, the per-document
//! analysis the affixes. What each stage reads is in its signature.

use crate::dates::{Dates, DEFAULT_DATES};
use crate::error::Error;
use crate::gazetteer::{self, Affixes, Compiled, Cues, Record, VariantRef};
use crate::language::{Frequent, LanguageWords, DEFAULT_FREQUENT, DEFAULT_LANGUAGES};
use crate::matcher::Trie;
use crate::names::{Titles, DEFAULT_TITLES};
use crate::outlets::OutletCues;
use crate::relations::{Lexicon, DEFAULT_TRIGGERS};
use crate::snapshot::{self, Defaults};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// An entity of the compiled gazetteers, interned once when the model is
/// built: mentions carry it, and public values are made from its record
/// only at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct EntityId(pub(crate) u32);

impl EntityId {
    /// The id that sorts after every entity.
    pub(crate) const MAX: EntityId = EntityId(u32::MAX);
}

/// Every part built from the data files.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub(crate) names: Names,
    pub(crate) affixes: Affixes,
    pub(crate) cues: Cues,
    pub(crate) dates: Dates,
    pub(crate) lexicon: Lexicon,
    pub(crate) titles: Titles,
    pub(crate) languages: LanguageWords,
    pub(crate) frequent: Frequent,
    pub(crate) outlets: OutletCues,
}

impl Model {
    /// Reads the default data files (cues, affixes, dates, triggers,
    /// titles, language and frequent words) and compiles `records` (the
    /// entities, defaults and added alike) against them.
    pub(crate) fn new(records: Vec<Record>) -> Result<Model, Error> {
        let (cues, affixes) = Model::cues_and_affixes()?;
        let frequent = Frequent::parse(DEFAULT_FREQUENT.0, DEFAULT_FREQUENT.1)?;
        let compiled = gazetteer::compile(records, &cues, &affixes, &frequent)?;
        let trie = Trie::new(&compiled.patterns);
        let person_names = snapshot::person_names(&compiled.records);
        Model::with(cues, affixes, compiled, trie, &person_names, frequent)
    }

    /// The model of the default data files and nothing added, as
    /// [`new`](Self::new) builds it from the default entities, but decoded
    /// from the snapshot `build.rs` compiled them into (`crate::snapshot`).
    pub(crate) fn defaults() -> Result<Model, Error> {
        static BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/model.bin"));
        static TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/model.txt"));
        let (cues, affixes) = Model::cues_and_affixes()?;
        let d = Defaults::read(BIN, TXT);
        Model::with(cues, affixes, d.compiled, d.trie, &d.person_names, d.frequent)
    }

    fn cues_and_affixes() -> Result<(Cues, Affixes), Error> {
        let cues = Cues::parse(gazetteer::DEFAULT_CUES.0, gazetteer::DEFAULT_CUES.1)?;
        let affixes = Affixes::parse(gazetteer::DEFAULT_AFFIXES.0, gazetteer::DEFAULT_AFFIXES.1)?;
        Ok((cues, affixes))
    }

    /// The model of compiled names and frequent words, with the other
    /// default data files read.
    fn with(
        cues: Cues,
        affixes: Affixes,
        compiled: Compiled,
        trie: Trie,
        person_names: &[Vec<String>],
        frequent: Frequent,
    ) -> Result<Model, Error> {
        let dates = Dates::parse(DEFAULT_DATES.0, DEFAULT_DATES.1)?;
        let lexicon = Lexicon::parse(DEFAULT_TRIGGERS.0, DEFAULT_TRIGGERS.1)?;
        let titles = Titles::parse(DEFAULT_TITLES.0, DEFAULT_TITLES.1)?;
        let languages = LanguageWords::parse(DEFAULT_LANGUAGES.0, DEFAULT_LANGUAGES.1)?;
        let outlets = OutletCues::new(
            cues.class_index("outlet")
                .map(|class| {
                    cues.phrases
                        .iter()
                        .filter(|(c, ..)| *c == class)
                        .map(|(_, _, p)| p.clone())
                        .collect()
                })
                .unwrap_or_default(),
        );
        let names = Names::new(compiled, trie, person_names, &titles);
        Ok(Model {
            names,
            affixes,
            cues,
            dates,
            lexicon,
            titles,
            languages,
            frequent,
            outlets,
        })
    }

    /// What resolution reads.
    pub(crate) fn resolver(&self) -> Resolver<'_> {
        Resolver {
            names: &self.names,
            affixes: &self.affixes,
            cues: &self.cues,
            dates: &self.dates,
            titles: &self.titles,
            languages: &self.languages,
            frequent: &self.frequent,
            outlets: &self.outlets,
        }
    }
}

/// The parts of the model resolution reads (`crate::resolve`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolver<'m> {
    pub(crate) names: &'m Names,
    pub(crate) affixes: &'m Affixes,
    pub(crate) cues: &'m Cues,
    pub(crate) dates: &'m Dates,
    pub(crate) titles: &'m Titles,
    pub(crate) languages: &'m LanguageWords,
    pub(crate) frequent: &'m Frequent,
    pub(crate) outlets: &'m OutletCues,
}

/// The compiled gazetteers: records by [`EntityId`], folded patterns with
/// the entities each names, the trie over them, and the words of people's
/// names that resolution asks about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Names {
    compiled: Compiled,
    by_id: FxHashMap<String, EntityId>,
    trie: Trie,
    /// Every word of a person's name, folded: never a common word to the
    /// title rule.
    person_words: FxHashSet<String>,
    /// The first words of people's names (three letters or more, no
    /// title): a surname alone right after one that is none of its
    /// person's is someone else's.
    first_names: FxHashSet<String>,
    /// The folded words of each person's names, by entity (empty for other
    /// entities).
    name_words: Vec<Box<[Box<str>]>>,
    /// Each entity's id, affiliation and metonym, shared by every mention.
    shared: Vec<Shared>,
}

/// The strings an entity's mentions carry, allocated once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shared {
    pub(crate) id: Arc<str>,
    pub(crate) affiliation: Option<Arc<str>>,
    pub(crate) metonym_of: Option<Arc<str>>,
}

impl Names {
    /// The names of `compiled`, with `trie` over its patterns and
    /// `person_names` the folded names of each record
    /// (`snapshot::person_names`).
    fn new(compiled: Compiled, trie: Trie, person_names: &[Vec<String>], titles: &Titles) -> Names {
        let by_id = compiled
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), EntityId(i as u32)))
            .collect();
        let mut person_words: FxHashSet<String> = Default::default();
        let mut first_names: FxHashSet<String> = Default::default();
        let mut name_words: Vec<Box<[Box<str>]>> = Vec::with_capacity(compiled.records.len());
        for folded_names in person_names {
            let mut own: Vec<Box<str>> = Vec::new();
            for folded in folded_names {
                if let Some((first, _)) = folded.split_once(' ') {
                    if first.chars().count() >= 3 && !titles.stop_words().contains(first) {
                        first_names.insert(first.to_string());
                    }
                }
                for w in folded.split(' ') {
                    if !person_words.contains(w) {
                        person_words.insert(w.to_string());
                    }
                    if !own.iter().any(|o| &**o == w) {
                        own.push(w.into());
                    }
                }
            }
            name_words.push(own.into_boxed_slice());
        }
        let shared = compiled
            .records
            .iter()
            .map(|r| Shared {
                id: r.id.as_str().into(),
                affiliation: r.affiliation.as_deref().map(Arc::from),
                metonym_of: r.metonym_of.as_deref().map(Arc::from),
            })
            .collect();
        Names {
            compiled,
            shared,
            by_id,
            trie,
            person_words,
            first_names,
            name_words,
        }
    }

    /// The entity's record.
    pub(crate) fn record(&self, id: EntityId) -> &Record {
        &self.compiled.records[id.0 as usize]
    }

    /// The entity's id, affiliation and metonym, to share with a mention.
    pub(crate) fn shared(&self, id: EntityId) -> &Shared {
        &self.shared[id.0 as usize]
    }

    /// The entity with this gazetteer id.
    pub(crate) fn lookup(&self, id: &str) -> Option<EntityId> {
        self.by_id.get(id).copied()
    }

    pub(crate) fn records(&self) -> &[Record] {
        &self.compiled.records
    }

    /// The folded patterns, in pattern order.
    pub(crate) fn patterns(&self) -> &[String] {
        &self.compiled.patterns
    }

    /// The entities pattern `p` names.
    pub(crate) fn refs(&self, p: usize) -> &[VariantRef] {
        &self.compiled.refs[p]
    }

    /// Derived variants dropped at build: `(entity id, variant)`.
    pub(crate) fn dropped(&self) -> &[(String, String)] {
        &self.compiled.dropped
    }

    /// Every pattern that starts at `start` of the folded text `f`, as
    /// `emit(end, pattern)`.
    pub(crate) fn walk(&self, f: &str, start: usize, emit: impl FnMut(usize, usize)) {
        self.trie.walk(f, start, emit)
    }

    /// Whether the folded word is the first word of some person's name.
    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// Whether the folded word is a word of some person's name.
    pub(crate) fn in_a_person_name(&self, word: &str) -> bool {
        self.person_words.contains(word)
    }

    /// Whether the folded word is a word of this person's own names.
    pub(crate) fn in_own_name(&self, id: EntityId, word: &str) -> bool {
        self.name_words[id.0 as usize].iter().any(|w| &**w == word)
    }

    /// Heap memory of the trie and the pattern table, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        self.trie.memory_usage()
            + self.compiled.patterns.iter().map(|p| p.capacity()).sum::<usize>()
            + self
                .compiled
                .refs
                .iter()
                .map(|r| r.capacity() * std::mem::size_of::<VariantRef>())
                .sum::<usize>()
    }
}
