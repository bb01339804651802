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
///
/// ```
/// use namyab::{EntityType, Extractor, GazetteerEntry};
/// // `baku` is a default entity: this one replaces it, with the city's old
/// // Persian name besides its own
/// let ex = Extractor::builder()
///     .add_entry(
///         GazetteerEntry::new("baku", EntityType::Gpe)
///             .name("باکو")
///             .name("بادکوبه")
///             .affiliation("azerbaijan")
///             .metonym_of("azerbaijan"),
///     )
///     .build()
///     .unwrap();
/// let text = "سفر عراقچی به بادکوبه";
/// let x = ex.extract(text);
/// let found: Vec<(Option<&str>, &str)> = x.entities.iter().map(|e| (e.id.as_deref(), &text[e.span.range()])).collect();
/// assert_eq!(found, [(Some("abbas_araghchi"), "عراقچی"), (Some("baku"), "بادکوبه")]);
/// assert_eq!((x.entities[1].span.start, x.entities[1].span.char_start), (25, 14));
/// let names: Vec<&str> = ex.entity("baku").unwrap().names().collect();
/// assert_eq!(names, ["باکو", "بادکوبه"]);
/// ```
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
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let route = GazetteerEntry::new("trans_caspian_international_transport_route", EntityType::Fac)
    ///     .name("کریدور میانی")
    ///     .name("الممر الأوسط");
    /// let ex = Extractor::builder().add_entry(route).build().unwrap();
    /// let text = "فیدان از کریدور میانی گفت";
    /// let x = ex.extract(text);
    /// let e = &x.entities[1];
    /// assert_eq!(e.id.as_deref(), Some("trans_caspian_international_transport_route"));
    /// assert_eq!(e.entity_type, EntityType::Fac);
    /// assert_eq!(&text[e.span.range()], "کریدور میانی");
    /// assert_eq!((e.span.start, e.span.end, e.span.char_start, e.span.char_end), (16, 39, 9, 21));
    /// // DATE is no gazetteer type
    /// let date = GazetteerEntry::new("nowruz", EntityType::Date).name("نوروز");
    /// assert!(Extractor::builder().add_entry(date).build().is_err());
    /// ```
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

    /// Adds a name, as in a file cell: it may end with `[cue:CLASS]`. Its
    /// orthography, which a file gives by its column, is read off its
    /// letters: Latin letters make a Latin name; پ چ ژ گ a Persian one;
    /// ة ى an Arabic one; a name with none of them (`الأمل`, `تهران`)
    /// counts as both, as if it stood in the `fa` and the `ar` column (ی/ي
    /// and ک/ك tell nothing: each language is often typed on the other's
    /// keyboard).
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// // مهر is also a month and a common word: it names the agency only
    /// // after a cue of class `agency` (`به گزارش`, `خبرگزاری`, …)
    /// let ex = Extractor::builder()
    ///     .add_entry(
    ///         GazetteerEntry::new("mehr_news_agency", EntityType::Org)
    ///             .name("مهر [cue:agency]")
    ///             .name("مهر نیوز")
    ///             .affiliation("iran"),
    ///     )
    ///     .build()
    ///     .unwrap();
    /// let text = "به گزارش مهر، عراقچی در مسکو است.";
    /// let x = ex.extract(text);
    /// assert_eq!(x.entities[0].id.as_deref(), Some("mehr_news_agency"));
    /// assert_eq!(&text[x.entities[0].span.range()], "مهر");
    /// assert_eq!(x.entities[0].span.range(), 16..22);
    /// assert!(ex.extract("با مهر و محبت").entities.is_empty());
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> GazetteerEntry {
        self.names.push(name.into());
        self
    }

    /// Sets the state or organisation the entity belongs to.
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let ex = Extractor::builder()
    ///     .add_entry(
    ///         GazetteerEntry::new("mikhail_ulyanov", EntityType::Person)
    ///             .name("میخائیل اولیانوف")
    ///             .name("ميخائيل أوليانوف")
    ///             .affiliation("russia"),
    ///     )
    ///     .build()
    ///     .unwrap();
    /// let text = "قال ميخائيل أوليانوف في فيينا";
    /// let x = ex.extract(text);
    /// let e = &x.entities[0];
    /// assert_eq!(&text[e.span.range()], "ميخائيل أوليانوف");
    /// assert_eq!(e.affiliation.as_deref(), Some("russia"));
    /// assert_eq!(ex.entity("mikhail_ulyanov").unwrap().affiliation(), Some("russia"));
    /// ```
    pub fn affiliation(mut self, id: impl Into<String>) -> GazetteerEntry {
        self.affiliation = Some(id.into());
        self
    }

    /// Sets the state a capital stands for.
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// // replaces the default `tbilisi`
    /// let ex = Extractor::builder()
    ///     .add_entry(
    ///         GazetteerEntry::new("tbilisi", EntityType::Gpe)
    ///             .name("تفلیس")
    ///             .name("تبليسي")
    ///             .affiliation("georgia_country")
    ///             .metonym_of("georgia_country"),
    ///     )
    ///     .build()
    ///     .unwrap();
    /// let text = "تفلیس و ایروان";
    /// let x = ex.extract(text);
    /// assert_eq!(&text[x.entities[0].span.range()], "تفلیس");
    /// assert_eq!(x.entities[0].metonym_of.as_deref(), Some("georgia_country"));
    /// assert_eq!(x.entities[1].metonym_of.as_deref(), Some("armenia"));
    /// ```
    pub fn metonym_of(mut self, id: impl Into<String>) -> GazetteerEntry {
        self.metonym_of = Some(id.into());
        self
    }

    /// Marks a person whose surname alone names them anywhere.
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let ulyanov = GazetteerEntry::new("mikhail_ulyanov", EntityType::Person)
    ///     .name("میخائیل اولیانوف")
    ///     .affiliation("russia");
    /// let text = "اولیانوف در وین با گروسی دیدار کرد.";
    /// let ids = |ex: &Extractor| -> Vec<String> { ex.extract(text).entities.iter().filter_map(|e| e.id.as_deref().map(String::from)).collect() };
    /// // not known: the surname alone links only where the full name stands
    /// let ex = Extractor::builder().add_entry(ulyanov.clone()).build().unwrap();
    /// assert_eq!(ids(&ex), ["vienna", "rafael_grossi"]);
    /// // known: the surname alone is enough
    /// let ex = Extractor::builder().add_entry(ulyanov.known()).build().unwrap();
    /// assert_eq!(ids(&ex), ["mikhail_ulyanov", "vienna", "rafael_grossi"]);
    /// let x = ex.extract(text);
    /// assert_eq!((&text[x.entities[0].span.range()], x.entities[0].span.end), ("اولیانوف", 16));
    /// ```
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
            // as a mention's orthography is told (`resolve::Script`)
            let (persian, arabic) = crate::language::orthography_letters(n);
            let langs: &[Lang] = if n.chars().any(|c| c.is_ascii_alphabetic()) {
                &[Lang::Latin]
            } else if persian > 0 && arabic == 0 {
                &[Lang::Fa]
            } else if arabic > 0 && persian == 0 {
                &[Lang::Ar]
            } else {
                &[Lang::Fa, Lang::Ar]
            };
            for &lang in langs {
                names.push(gazetteer::parse_name(n, lang).map_err(|d| err("name", d))?);
            }
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
///
/// ```
/// let ex = namyab::default_extractor();
/// let text = "هاکان فیدان در تهران";
/// let x = ex.extract(text);
/// assert_eq!(&text[x.entities[0].span.range()], "هاکان فیدان");
/// let fidan = ex.entity(x.entities[0].id.as_deref().unwrap()).unwrap();
/// assert_eq!(fidan.id(), "hakan_fidan");
/// assert_eq!(fidan.entity_type(), namyab::EntityType::Person);
/// assert_eq!(fidan.affiliation(), Some("turkey"));
/// assert_eq!(fidan.names().collect::<Vec<_>>(), ["هاکان فیدان", "هاكان فيدان", "Hakan Fidan"]);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct EntityInfo<'a> {
    record: &'a Record,
}

/// An office an entity held over a date range (`YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`; `None` for an open end).
///
/// ```
/// use namyab::RoleInfo;
/// let ex = namyab::default_extractor();
/// let roles: Vec<RoleInfo> = ex.entity("ararat_mirzoyan").unwrap().roles().collect();
/// assert_eq!(roles, [
///     RoleInfo { role: "deputy_prime_minister", of: "armenia", from: Some("2018-05"), to: Some("2019-01") },
///     RoleInfo { role: "foreign_minister", of: "armenia", from: Some("2021-08-19"), to: None },
/// ]);
/// ```
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
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// assert_eq!(ex.entity("baku").unwrap().id(), "baku");
    /// // the id an extracted mention carries leads back to its entity
    /// let text = "وصل عراقجي إلى باكو";
    /// let x = ex.extract(text);
    /// assert_eq!(&text[x.entities[1].span.range()], "باكو");
    /// let info = ex.entity(x.entities[1].id.as_deref().unwrap()).unwrap();
    /// assert_eq!(info.id(), "baku");
    /// ```
    pub fn id(&self) -> &'a str {
        &self.record.id
    }

    /// The entity type.
    ///
    /// ```
    /// use namyab::EntityType;
    /// let ex = namyab::default_extractor();
    /// assert_eq!(ex.entity("moscow_kremlin").unwrap().entity_type(), EntityType::Fac);
    /// assert_eq!(ex.entity("moscow").unwrap().entity_type(), EntityType::Gpe);
    /// assert_eq!(ex.entity("caspian_sea").unwrap().entity_type(), EntityType::Loc);
    /// ```
    pub fn entity_type(&self) -> EntityType {
        self.record.kind
    }

    /// The state or organisation the entity belongs to.
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// assert_eq!(ex.entity("rafael_grossi").unwrap().affiliation(), Some("international_atomic_energy_agency"));
    /// assert_eq!(ex.entity("tbilisi").unwrap().affiliation(), Some("georgia_country"));
    /// assert_eq!(ex.entity("caspian_sea").unwrap().affiliation(), None);
    /// ```
    pub fn affiliation(&self) -> Option<&'a str> {
        self.record.affiliation.as_deref()
    }

    /// The state a capital stands for.
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// assert_eq!(ex.entity("yerevan").unwrap().metonym_of(), Some("armenia"));
    /// // a city that is no capital stands for nothing
    /// assert_eq!(ex.entity("kermanshah").unwrap().metonym_of(), None);
    /// ```
    pub fn metonym_of(&self) -> Option<&'a str> {
        self.record.metonym_of.as_deref()
    }

    /// The names as written in the gazetteer, each once (a name that
    /// stands in two columns, or that an entry gives with no letter only
    /// one orthography writes, is listed once).
    ///
    /// ```
    /// let ex = namyab::default_extractor();
    /// let names: Vec<&str> = ex.entity("baku").unwrap().names().collect();
    /// assert_eq!(names, ["باکو", "باكو"]);
    /// ```
    pub fn names(&self) -> impl Iterator<Item = &'a str> + 'a {
        let names = &self.record.names;
        names
            .iter()
            .enumerate()
            .filter(move |(i, n)| !names[..*i].iter().any(|m| m.surface == n.surface))
            .map(|(_, n)| n.surface.as_str())
    }

    /// Offices held, with their date ranges.
    ///
    /// ```
    /// use namyab::RoleInfo;
    /// let ex = namyab::default_extractor();
    /// let roles: Vec<RoleInfo> = ex.entity("sergey_lavrov").unwrap().roles().collect();
    /// assert_eq!(roles, [RoleInfo { role: "foreign_minister", of: "russia", from: Some("2004-03-09"), to: None }]);
    /// assert_eq!(ex.entity("baku").unwrap().roles().count(), 0);
    /// ```
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
    ///
    /// ```
    /// use namyab::{EntityType, ExtractorBuilder, GazetteerEntry};
    /// let mut builder = ExtractorBuilder::new();
    /// builder.add_entry(GazetteerEntry::new("mikhail_ulyanov", EntityType::Person).name("میخائیل اولیانوف"));
    /// let ex = builder.build().unwrap();
    /// assert_eq!(ex.entity_count(), namyab::default_extractor().entity_count() + 1);
    /// let text = "میخائیل اولیانوف و گروسی";
    /// let x = ex.extract(text);
    /// let found: Vec<&str> = x.entities.iter().map(|e| &text[e.span.range()]).collect();
    /// assert_eq!(found, ["میخائیل اولیانوف", "گروسی"]);
    /// ```
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
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let ex = Extractor::builder()
    ///     .defaults(false)
    ///     .add_entry(GazetteerEntry::new("caspian_sea", EntityType::Loc).name("دریای خزر"))
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(ex.entity_count(), 1);
    /// // باکو is a default entity: not known here; the weekday is found by rule
    /// let text = "باکو در کرانه دریای خزر، روز دوشنبه";
    /// let x = ex.extract(text);
    /// let found: Vec<(&str, &str)> = x.entities.iter().map(|e| (e.entity_type.as_str(), &text[e.span.range()])).collect();
    /// assert_eq!(found, [("LOC", "دریای خزر"), ("DATE", "دوشنبه")]);
    /// ```
    pub fn defaults(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.defaults = yes;
        self
    }

    /// Adds a gazetteer file (format: `gazetteers/README.md`), read at
    /// [`build`](Self::build).
    ///
    /// ```
    /// let path = std::env::temp_dir().join("namyab-doc-add-file.tsv");
    /// std::fs::write(
    ///     &path,
    ///     "id\ttype\tfa\tar\taffiliation\n\
    ///      mikhail_ulyanov\tPERSON\tمیخائیل اولیانوف\tميخائيل أوليانوف\trussia\n",
    /// )
    /// .unwrap();
    /// let ex = namyab::Extractor::builder().add_gazetteer_file(&path).build().unwrap();
    /// std::fs::remove_file(&path).unwrap();
    /// let text = "التقى ميخائيل أوليانوف وغروسي";
    /// let x = ex.extract(text);
    /// let found: Vec<(Option<&str>, &str)> = x.entities.iter().map(|e| (e.id.as_deref(), &text[e.span.range()])).collect();
    /// assert_eq!(found, [(Some("mikhail_ulyanov"), "ميخائيل أوليانوف"), (Some("rafael_grossi"), "غروسي")]);
    /// assert_eq!(x.entities[1].span.range(), 45..55); // after the joined و
    /// ```
    pub fn add_gazetteer_file(&mut self, path: impl AsRef<Path>) -> &mut ExtractorBuilder {
        self.sources.push(SourceSpec::File(path.as_ref().to_path_buf()));
        self
    }

    /// Adds gazetteer text; `name` stands for the file in error messages.
    ///
    /// ```
    /// let tsv = "\
    /// id\ttype\tfa\tar\taffiliation\tflags\troles
    /// mikhail_ulyanov\tPERSON\tمیخائیل اولیانوف\tميخائيل أوليانوف\trussia\tknown\tpermanent_representative@russia:2018..
    /// ";
    /// let ex = namyab::Extractor::builder().add_gazetteer_str("envoys.tsv", tsv).build().unwrap();
    /// let text = "گفتگوی اولیانوف و گروسی";
    /// let x = ex.extract(text);
    /// assert_eq!(x.entities[0].id.as_deref(), Some("mikhail_ulyanov"));
    /// assert_eq!(&text[x.entities[0].span.range()], "اولیانوف");
    /// assert_eq!((x.entities[0].span.start, x.entities[0].span.char_start), (13, 7));
    /// let role = ex.entity("mikhail_ulyanov").unwrap().roles().next().unwrap();
    /// assert_eq!((role.role, role.of, role.from, role.to), ("permanent_representative", "russia", Some("2018"), None));
    /// ```
    pub fn add_gazetteer_str(&mut self, name: impl Into<String>, text: impl Into<String>) -> &mut ExtractorBuilder {
        self.sources.push(SourceSpec::Str {
            name: name.into(),
            text: text.into(),
        });
        self
    }

    /// Adds one entity.
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let ex = Extractor::builder()
    ///     .add_entry(GazetteerEntry::new("trans_caspian_international_transport_route", EntityType::Fac).name("الممر الأوسط"))
    ///     .build()
    ///     .unwrap();
    /// let text = "ناقش أردوغان وتوكاييف الممر الأوسط";
    /// let x = ex.extract(text);
    /// let found: Vec<(&str, &str)> = x.entities.iter().map(|e| (e.entity_type.as_str(), &text[e.span.range()])).collect();
    /// assert_eq!(found, [("PERSON", "أردوغان"), ("PERSON", "توكاييف"), ("FAC", "الممر الأوسط")]);
    /// assert_eq!(x.entities[2].span.char_start, 22);
    /// ```
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
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let mut builder = Extractor::builder();
    /// builder.add_entry(GazetteerEntry::new("caspian_sea", EntityType::Loc).name("بحر قزوين"));
    /// let ex = builder.build().unwrap();
    /// let text = "في بحر قزوين";
    /// assert_eq!(ex.extract(text).entities[0].span.range(), 5..22);
    /// // an entry with no name fails the whole build
    /// builder.add_entry(GazetteerEntry::new("aral_sea", EntityType::Loc));
    /// let err = builder.build().unwrap_err();
    /// assert_eq!(err.to_string(), "<entry 2 `aral_sea`>: column `name`: entity `aral_sea` has no name");
    /// ```
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
    ///
    /// ```
    /// let ex = namyab::Extractor::builder().build().unwrap();
    /// let text = "دیدار عراقچی و لاوروف";
    /// assert_eq!(ex.extract(text), namyab::extract(text));
    /// assert_eq!(&text[ex.extract(text).entities[1].span.range()], "لاوروف");
    /// ```
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
            let mut found: Vec<(&str, &str)> = r
                .names
                .iter()
                .filter_map(move |n| {
                    let lang = match n.lang {
                        Lang::Fa => crate::language::Language::Persian,
                        Lang::Ar => crate::language::Language::Arabic,
                        Lang::Latin => return None,
                    };
                    let folded = gazetteer::fold_name(&n.surface);
                    (n.cue.is_none() && !folded.contains(' ') && self.model.frequent.contains(&folded, Some(lang)))
                        .then_some((r.id.as_str(), n.surface.as_str()))
                })
                .collect();
            // a name in both columns (or of both orthographies) once
            let mut seen: Vec<(&str, &str)> = Vec::new();
            found.retain(|x| {
                !seen.contains(x) && {
                    seen.push(*x);
                    true
                }
            });
            found
        })
    }

    /// Number of entities loaded.
    ///
    /// ```
    /// let tsv = "id\ttype\tfa\tar\ncaspian_sea\tLOC\tدریای خزر\tبحر قزوين\naral_sea\tLOC\tدریاچه آرال\tبحر آرال\n";
    /// let ex = namyab::Extractor::builder().defaults(false).add_gazetteer_str("seas.tsv", tsv).build().unwrap();
    /// assert_eq!(ex.entity_count(), 2);
    /// // an added id that is a default one replaces it rather than adding one
    /// let ex = namyab::Extractor::builder().add_gazetteer_str("seas.tsv", tsv).build().unwrap();
    /// assert_eq!(ex.entity_count(), namyab::default_extractor().entity_count() + 1);
    /// ```
    pub fn entity_count(&self) -> usize {
        self.model.names.records().len()
    }

    /// Number of distinct folded name variants in the automaton.
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let ex = Extractor::builder()
    ///     .defaults(false)
    ///     .add_entry(GazetteerEntry::new("caspian_sea", EntityType::Loc).name("دریای خزر").name("بحر قزوين"))
    ///     .build()
    ///     .unwrap();
    /// // each name with and without its space
    /// assert_eq!(ex.variant_count(), 4);
    /// ```
    pub fn variant_count(&self) -> usize {
        self.model.names.patterns().len()
    }

    /// Heap memory held by the automaton, in bytes.
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let small = Extractor::builder()
    ///     .defaults(false)
    ///     .add_entry(GazetteerEntry::new("caspian_sea", EntityType::Loc).name("دریای خزر"))
    ///     .build()
    ///     .unwrap();
    /// let full = namyab::default_extractor();
    /// assert!(small.memory_usage() > 0);
    /// assert!(full.memory_usage() > 100 * small.memory_usage());
    /// ```
    pub fn memory_usage(&self) -> usize {
        self.model.names.memory_usage()
    }

    /// Every `(id, type, folded variant)` the extractor matches, in pattern
    /// order: what `namyab gazetteer dump` prints.
    ///
    /// ```
    /// use namyab::{EntityType, Extractor, GazetteerEntry};
    /// let ex = Extractor::builder()
    ///     .defaults(false)
    ///     .add_entry(GazetteerEntry::new("mikhail_ulyanov", EntityType::Person).name("ميخائيل أوليانوف"))
    ///     .build()
    ///     .unwrap();
    /// let variants: Vec<(&str, EntityType, &str)> = ex.variants().collect();
    /// // folded (ي → ی, أ → ا), without the space, and the surname alone
    /// assert_eq!(variants, [
    ///     ("mikhail_ulyanov", EntityType::Person, "میخاییل اولیانوف"),
    ///     ("mikhail_ulyanov", EntityType::Person, "میخاییلاولیانوف"),
    ///     ("mikhail_ulyanov", EntityType::Person, "اولیانوف"),
    /// ]);
    /// ```
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
