//! The extractor and its builder.

use crate::analysis::Analysis;
use crate::error::{Detail, Error};
use crate::gazetteer::{self, Lang, Origin, Record};
use crate::model::{EntityId, Model};
use crate::output::{EntityType, Extraction};
use std::path::{Path, PathBuf};

/// Extracts entities (and, in time, relations) from Persian and Arabic text,
/// with a set of gazetteers built once.
///
/// [`extract`](crate::extract) uses one built from the default gazetteers;
/// build your own with [`Extractor::builder`] to add or replace entries.
/// An `Extractor` is `Send + Sync`: share one across threads.
///
/// ```
/// let ex = namyab::Extractor::builder()
///     .add_gazetteer_str(
///         "mine.tsv",
///         "id\ttype\tfa\tar\taffiliation\n\
///          caucasus_dialogue_forum\tORG\tکانون گفتگوی قفقاز\tمنتدى حوار القوقاز\t\n",
///     )
///     .build()
///     .unwrap();
/// let text = "نشست کانون‌گفتگوی قفقاز در باکو";
/// let x = ex.extract(text);
/// assert_eq!(x.entities.len(), 2);
/// assert_eq!(x.entities[0].id.as_deref(), Some("caucasus_dialogue_forum"));
/// assert_eq!(&text[x.entities[0].span.range()], "کانون‌گفتگوی قفقاز");
/// assert_eq!(x.entities[1].id.as_deref(), Some("baku"));
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    model: Model,
}

/// Builds an [`Extractor`]: the default gazetteers (unless turned off) plus
/// any files, strings or entries added. An added entity whose id is already
/// a default replaces the default one; ids must be unique among the added.
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    defaults: bool,
    sources: Vec<SourceSpec>,
    /// Whether the defaults alone come from the snapshot compiled at build
    /// time (`crate::snapshot`); off only in tests, to compare the two.
    snapshot: bool,
}

#[derive(Debug, Clone)]
enum SourceSpec {
    File(PathBuf),
    Str { name: String, text: String },
    Entry(GazetteerEntry),
}

/// One entity added to a builder in code, rather than from a file.
///
/// ```
/// use namyab::{EntityType, Extractor, GazetteerEntry};
/// let ex = Extractor::builder()
///     .add_entry(
///         GazetteerEntry::new("ruben_vardanyan", EntityType::Person)
///             .name("روبن واردانیان")
///             .name("روبن فاردانيان")
///             .affiliation("armenia"),
///     )
///     .build()
///     .unwrap();
/// let x = ex.extract("وروبن فاردانيان");
/// assert_eq!(x.entities[0].id.as_deref(), Some("ruben_vardanyan"));
/// assert_eq!(x.entities[0].span.start, 2);
/// ```
#[derive(Debug, Clone)]
pub struct GazetteerEntry {
    id: String,
    kind: EntityType,
    names: Vec<String>,
    affiliation: Option<String>,
    metonym_of: Option<String>,
    known: bool,
}

impl GazetteerEntry {
    /// A new entry with an id and a type (any type but `Date`, which is
    /// recognised by rule).
    pub fn new(id: impl Into<String>, kind: EntityType) -> GazetteerEntry {
        GazetteerEntry {
            id: id.into(),
            kind,
            names: Vec::new(),
            affiliation: None,
            metonym_of: None,
            known: false,
        }
    }

    /// Adds a name, as in a file cell: it may end with `[cue:CLASS]`.
    pub fn name(mut self, name: impl Into<String>) -> GazetteerEntry {
        self.names.push(name.into());
        self
    }

    /// Sets the state or organisation the entity belongs to.
    pub fn affiliation(mut self, id: impl Into<String>) -> GazetteerEntry {
        self.affiliation = Some(id.into());
        self
    }

    /// Sets the state a capital stands for.
    pub fn metonym_of(mut self, id: impl Into<String>) -> GazetteerEntry {
        self.metonym_of = Some(id.into());
        self
    }

    /// Marks a person whose surname alone names them anywhere.
    pub fn known(mut self) -> GazetteerEntry {
        self.known = true;
        self
    }

    fn into_record(self, index: usize) -> Result<Record, Error> {
        let file = format!("<entry {} `{}`>", index + 1, self.id);
        let err = |col: &str, d: Detail| Error::new(&file, None, Some(col), d);
        if self.kind == EntityType::Date {
            return Err(err("type", Detail::UnknownType("DATE".into())));
        }
        let mut names = Vec::new();
        for n in &self.names {
            let lang = if n.chars().any(|c| c.is_ascii_alphabetic()) {
                Lang::Latin
            } else {
                Lang::Fa
            };
            names.push(gazetteer::parse_name(n, lang).map_err(|d| err("name", d))?);
        }
        if names.is_empty() {
            return Err(err("name", Detail::NoNames(self.id.clone())));
        }
        gazetteer::check_id(&self.id).map_err(|d| err("id", d))?;
        Ok(Record {
            id: self.id,
            kind: self.kind,
            names,
            affiliation: self.affiliation,
            metonym_of: self.metonym_of,
            roles: Vec::new(),
            known: self.known,
            nopartial: false,
            shared: false,
            origin: Origin { file, line: None },
        })
    }
}

/// What the gazetteers say about one entity; see [`Extractor::entity`].
#[derive(Debug, Clone, Copy)]
pub struct EntityInfo<'a> {
    record: &'a Record,
}

/// An office an entity held over a date range (`YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`; `None` for an open end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleInfo<'a> {
    /// The role (`foreign_minister`, `president`, …).
    pub role: &'a str,
    /// The id of the state or organisation.
    pub of: &'a str,
    /// The start of the term.
    pub from: Option<&'a str>,
    /// The end of the term.
    pub to: Option<&'a str>,
}

impl<'a> EntityInfo<'a> {
    /// The canonical id.
    pub fn id(&self) -> &'a str {
        &self.record.id
    }

    /// The entity type.
    pub fn entity_type(&self) -> EntityType {
        self.record.kind
    }

    /// The state or organisation the entity belongs to.
    pub fn affiliation(&self) -> Option<&'a str> {
        self.record.affiliation.as_deref()
    }

    /// The state a capital stands for.
    pub fn metonym_of(&self) -> Option<&'a str> {
        self.record.metonym_of.as_deref()
    }

    /// The names as written in the gazetteer.
    pub fn names(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.record.names.iter().map(|n| n.surface.as_str())
    }

    /// Offices held, with their date ranges.
    pub fn roles(&self) -> impl Iterator<Item = RoleInfo<'a>> + 'a {
        self.record.roles.iter().map(|r| RoleInfo {
            role: &r.role,
            of: &r.of,
            from: r.from.as_deref(),
            to: r.to.as_deref(),
        })
    }
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// A builder with the default gazetteers and nothing added.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {
            defaults: true,
            sources: Vec::new(),
            snapshot: true,
        }
    }

    /// Whether to load the default gazetteers (on by default). With them
    /// off, only what is added is known (cue phrases, affixes and date words
    /// stay the defaults).
    pub fn defaults(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.defaults = yes;
        self
    }

    /// Adds a gazetteer file (format: `gazetteers/README.md`), read at
    /// [`build`](Self::build).
    pub fn add_gazetteer_file(&mut self, path: impl AsRef<Path>) -> &mut ExtractorBuilder {
        self.sources.push(SourceSpec::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds gazetteer text; `name` stands for the file in error messages.
    pub fn add_gazetteer_str(&mut self, name: impl Into<String>, text: impl Into<String>) -> &mut ExtractorBuilder {
        self.sources.push(SourceSpec::Str {
            name: name.into(),
            text: text.into(),
        });
        self
    }

    /// Adds one entity.
    pub fn add_entry(&mut self, entry: GazetteerEntry) -> &mut ExtractorBuilder {
        self.sources.push(SourceSpec::Entry(entry));
        self
    }

    /// Compiles the default gazetteers at run time even when nothing is
    /// added, as for any other set of gazetteers, instead of loading the
    /// snapshot compiled at build time: the tests compare the two.
    #[cfg(test)]
    pub(crate) fn without_snapshot(&mut self) -> &mut ExtractorBuilder {
        self.snapshot = false;
        self
    }

    /// Loads and checks everything and builds the automaton. Fails on the
    /// first error, naming the file, line, column and value; nothing is
    /// half-loaded.
    ///
    /// The default gazetteers alone (nothing added, defaults on) were
    /// compiled when the crate was built and load in a few milliseconds;
    /// anything added compiles them again with the additions.
    pub fn build(&self) -> Result<Extractor, Error> {
        if self.defaults && self.sources.is_empty() && self.snapshot {
            return Ok(Extractor { model: Model::defaults()? });
        }
        let mut records = Vec::new();
        if self.defaults {
            for (name, text) in gazetteer::DEFAULT_FILES {
                records.extend(gazetteer::parse_entities(name, text)?);
            }
        }
        let mut added = Vec::new();
        for (i, source) in self.sources.iter().enumerate() {
            match source {
                SourceSpec::File(path) => {
                    let text = read_utf8(path)?;
                    added.extend(gazetteer::parse_entities(&crate::error::display_path(path), &text)?);
                }
                SourceSpec::Str { name, text } => added.extend(gazetteer::parse_entities(name, text)?),
                SourceSpec::Entry(e) => added.push(e.clone().into_record(i)?),
            }
        }
        if !added.is_empty() {
            let replaced: rustc_hash::FxHashSet<&str> = added.iter().map(|r| r.id.as_str()).collect();
            records.retain(|r| !replaced.contains(r.id.as_str()));
            records.extend(added);
        }
        Ok(Extractor {
            model: Model::new(records)?,
        })
    }
}

fn read_utf8(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        Error::new(
            &crate::error::display_path(path),
            None,
            None,
            Detail::NotUtf8(e.utf8_error().valid_up_to()),
        )
    })
}

impl Extractor {
    /// The model, for the unit tests of the stages.
    #[cfg(test)]
    pub(crate) fn model(&self) -> &Model {
        &self.model
    }

    /// A builder, starting from the default gazetteers.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts entities from `text`. Never panics; an empty text gives an
    /// empty result.
    ///
    /// ```
    /// let text = "اتفق رئيس الوزراء الأرمني نيكول باشينيان والرئيس الأذربيجاني إلهام علييف";
    /// let x = namyab::extract(text);
    /// let got: Vec<(&str, &str)> = x.entities.iter().map(|e| (e.entity_type.as_str(), e.text.as_str())).collect();
    /// assert_eq!(got, [
    ///     ("NORP", "الأرمني"), ("PERSON", "نيكول باشينيان"),
    ///     ("NORP", "الأذربيجاني"), ("PERSON", "إلهام علييف"),
    /// ]);
    /// assert_eq!(x.entities[1].id.as_deref(), Some("nikol_pashinyan"));
    /// assert_eq!((x.entities[1].span.char_start, x.entities[1].span.char_end), (26, 40));
    /// ```
    pub fn extract(&self, text: &str) -> Extraction {
        let doc = Analysis::new(text, &self.model.affixes);
        let entities = crate::resolve::entities(self.model.resolver(), &doc);
        let (events, relations) = self.events(&doc, &entities);
        Extraction {
            entities,
            relations,
            events,
        }
    }

    /// The relation layer over one document: its analysis is built here,
    /// once, from what extraction already has.
    fn events(&self, doc: &Analysis<'_>, entities: &[crate::Entity]) -> (Vec<crate::Event>, Vec<crate::Relation>) {
        if entities.len() < 2 {
            return (Vec::new(), Vec::new());
        }
        let words = self.model.lexicon.find(&self.model.affixes, doc);
        let doc = crate::relations::Doc::new(doc, entities, words, &self.model.titles);
        crate::relations::extract(&doc)
    }

    /// The entities of `text` alone, without relations: what
    /// [`extract`](Self::extract) gives in `entities`, for less work.
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// let text = "دیدار علی‌اف و پاشینیان در بروکسل";
    /// let found: Vec<&str> = ex.entities(text).iter().map(|e| &text[e.span.range()]).collect();
    /// assert_eq!(found, ["علی‌اف", "پاشینیان", "بروکسل"]);
    /// ```
    pub fn entities(&self, text: &str) -> Vec<crate::Entity> {
        let doc = Analysis::new(text, &self.model.affixes);
        crate::resolve::entities(self.model.resolver(), &doc)
    }

    /// The relations among `entities` in `text`: what
    /// [`extract`](Self::extract) gives in `relations` when `entities` are
    /// those of [`entities`](Self::entities). Entities from elsewhere (edited,
    /// or from another tagger) must carry byte spans into `text`: an entity
    /// whose span is not a range of `text` on char boundaries is ignored,
    /// and the rest are taken in span order.
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// let text = "علی‌اف و پاشینیان در بروکسل دیدار کردند.";
    /// let entities = ex.entities(text);
    /// let relations = ex.relations(text, &entities);
    /// assert_eq!(relations.len(), 1);
    /// assert_eq!(relations[0].relation_type, namyab::RelationType::MetWith);
    /// assert_eq!(relations, ex.extract(text).relations);
    /// ```
    pub fn relations(&self, text: &str, entities: &[crate::Entity]) -> Vec<crate::Relation> {
        let valid = |e: &crate::Entity| e.span.start <= e.span.end && text.get(e.span.range()).is_some();
        let sorted = entities.windows(2).all(|w| w[0].span.start <= w[1].span.start);
        let entities: std::borrow::Cow<[crate::Entity]> = if sorted && entities.iter().all(valid) {
            entities.into()
        } else {
            let mut kept: Vec<crate::Entity> = entities.iter().filter(|e| valid(e)).cloned().collect();
            kept.sort_by_key(|e| (e.span.start, e.span.end));
            kept.into()
        };
        let doc = Analysis::new(text, &self.model.affixes);
        self.events(&doc, &entities).1
    }

    /// Number of raw gazetteer matches in the folded `text`: every name
    /// that starts at a word start or after a joined proclitic, before word
    /// edges, cues and overlaps are resolved. The matcher's share of the
    /// work, for benchmarks and diagnostics.
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// let folded = namyab::normalize("قره‌باغ");
    /// assert!(ex.raw_match_count(folded.as_str()) >= 1);
    /// ```
    pub fn raw_match_count(&self, folded: &str) -> usize {
        let mut n = 0;
        crate::edges::starts(folded, &self.model.affixes, |s| self.model.names.walk(folded, s, |_, _| n += 1));
        n
    }

    /// Byte offsets of the folded text where a name may start: the start
    /// of every word, and the places after one or two Arabic proclitics
    /// joined to its front (و ف, then ب ل ک, as `gazetteers/affixes.tsv`
    /// lists them). Whether a proclitic may really stand before a given
    /// name is decided later, by the sentence's language and the name's
    /// length. For benchmarks and diagnostics.
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// let folded = namyab::normalize("وللاتحاد في باكو");
    /// let f = folded.as_str();
    /// let starts = ex.word_starts(f);
    /// // و, ل after و, ل after ول; في and ي after ف; باكو and اكو after ب
    /// assert_eq!(starts, [0, 2, 4, 17, 19, 22, 24]);
    /// assert_eq!(&f[4..16], "لاتحاد");
    /// ```
    pub fn word_starts(&self, folded: &str) -> Vec<usize> {
        crate::edges::word_starts(folded, &self.model.affixes)
    }

    /// What the gazetteers say about the entity with this id.
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// let baku = ex.entity("baku").unwrap();
    /// assert_eq!(baku.entity_type(), namyab::EntityType::Gpe);
    /// assert_eq!(baku.metonym_of(), Some("azerbaijan"));
    /// let mirzoyan = ex.entity("ararat_mirzoyan").unwrap();
    /// assert!(mirzoyan.roles().any(|r| r.role == "foreign_minister" && r.of == "armenia"));
    /// assert!(ex.entity("atlantis").is_none());
    /// ```
    pub fn entity(&self, id: &str) -> Option<EntityInfo<'_>> {
        let i = self.model.names.lookup(id)?;
        Some(EntityInfo {
            record: self.model.names.record(i),
        })
    }

    /// Derived spellings the loader dropped because they equal another
    /// entity's name, as `(entity id, folded variant)`: what a gazetteer
    /// author may want to list explicitly, or leave out.
    ///
    /// ```
    /// let ex = namyab::Extractor::builder()
    ///     .defaults(false)
    ///     .add_gazetteer_str("mine.tsv", "id\ttype\tfa\nkarbala\tGPE\tکربلا\ngarbala\tGPE\tگربلا\n")
    ///     .build()
    ///     .unwrap();
    /// // گربلا as an Arabic writer spells it (ک for گ) is کربلا, another entity's name
    /// assert!(ex.dropped_variants().any(|(id, v)| id == "garbala" && v == "کربلا"));
    /// ```
    pub fn dropped_variants(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.model.names.dropped().iter().map(|(id, v)| (id.as_str(), v.as_str()))
    }

    /// Single-word names that are frequent common words of their column's
    /// language (`gazetteers/frequent.tsv`, from wordfreq) and carry no
    /// `[cue:…]`, as `(entity id, name)`: each such name is tagged wherever
    /// the word is used, so it wants a cue, or a review that it is a name
    /// first (`tools/frequent_names.tsv`). The default gazetteers have none;
    /// `namyab gazetteer check` reports them for your files.
    ///
    /// ```
    /// let ex = namyab::Extractor::builder()
    ///     .defaults(false)
    ///     .add_gazetteer_str("mine.tsv", "id\ttype\tfa\nbaavar\tGPE\tباور\nnew_town\tGPE\tنوشهرک\n")
    ///     .build()
    ///     .unwrap();
    /// // باور is "belief"
    /// let found: Vec<(&str, &str)> = ex.common_word_names().collect();
    /// assert_eq!(found, [("baavar", "باور")]);
    /// ```
    pub fn common_word_names(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.model.names.records().iter().flat_map(move |r| {
            r.names.iter().filter_map(move |n| {
                let lang = match n.lang {
                    Lang::Fa => crate::language::Language::Persian,
                    Lang::Ar => crate::language::Language::Arabic,
                    Lang::Latin => return None,
                };
                let folded = gazetteer::fold_name(&n.surface);
                (n.cue.is_none() && !folded.contains(' ') && self.model.frequent.contains(&folded, Some(lang)))
                    .then_some((r.id.as_str(), n.surface.as_str()))
            })
        })
    }

    /// Number of entities loaded.
    pub fn entity_count(&self) -> usize {
        self.model.names.records().len()
    }

    /// Number of distinct folded name variants in the automaton.
    pub fn variant_count(&self) -> usize {
        self.model.names.patterns().len()
    }

    /// Heap memory held by the automaton, in bytes.
    pub fn memory_usage(&self) -> usize {
        self.model.names.memory_usage()
    }

    /// Every `(id, type, folded variant)` the extractor matches, in pattern
    /// order: what `namyab gazetteer dump` prints.
    pub fn variants(&self) -> impl Iterator<Item = (&str, EntityType, &str)> + '_ {
        let names = &self.model.names;
        names.patterns().iter().enumerate().flat_map(move |(i, p)| {
            names.refs(i).iter().map(move |r| {
                let rec = names.record(EntityId(r.entity));
                (rec.id.as_str(), rec.kind, p.as_str())
            })
        })
    }
}
