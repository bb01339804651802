//! Gazetteer files: parsing, validation, and the variants the loader derives.
//!
//! The file format is described in `gazetteers/README.md`. This module turns
//! files into [`Record`]s, checks them as a whole (unique ids, resolvable
//! references, name clashes), and compiles them into a table of folded
//! patterns, each pointing at the entities it names ([`Compiled`]).

use crate::error::{Detail, Error};
use crate::language::Frequent;
use crate::normalize::normalize;
use crate::output::EntityType;
use rustc_hash::FxHashMap as HashMap;

/// The default gazetteer files, compiled into the crate.
pub(crate) const DEFAULT_FILES: &[(&str, &str)] = &[
    ("gazetteers/places.tsv", include_str!("../gazetteers/places.tsv")),
    ("gazetteers/people.tsv", include_str!("../gazetteers/people.tsv")),
    ("gazetteers/organizations.tsv", include_str!("../gazetteers/organizations.tsv")),
    ("gazetteers/nationalities.tsv", include_str!("../gazetteers/nationalities.tsv")),
];

/// The default cue phrases.
pub(crate) const DEFAULT_CUES: (&str, &str) = ("gazetteers/cues.tsv", include_str!("../gazetteers/cues.tsv"));

/// The default affix lists.
pub(crate) const DEFAULT_AFFIXES: (&str, &str) = ("gazetteers/affixes.tsv", include_str!("../gazetteers/affixes.tsv"));

/// Where a record came from, for error messages.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    pub file: String,
    /// 1-based; `None` for entries added in code.
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// The language column a name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    Fa,
    Ar,
    Latin,
}

/// One name of an entity as written in a file.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub surface: String,
    pub lang: Lang,
    /// The cue class (as written) the name needs, if any.
    pub cue: Option<String>,
}

/// An office held over a date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Role {
    pub role: String,
    pub of: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One entity as loaded from a file (or added by the user).
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub id: String,
    pub kind: EntityType,
    pub names: Vec<Name>,
    pub affiliation: Option<String>,
    pub metonym_of: Option<String>,
    pub roles: Vec<Role>,
    pub known: bool,
    pub nopartial: bool,
    /// PERSON: their offices may be held by others at the same time (a
    /// co-presidency, a collective leadership).
    pub shared: bool,
    pub origin: Origin,
}

const COLUMNS: &[&str] = &[
    "id",
    "type",
    "fa",
    "ar",
    "latin",
    "affiliation",
    "metonym_of",
    "flags",
    "roles",
    "source",
    "note",
];

/// Lines of a data file with their 1-based numbers, comments and blank lines
/// dropped, a trailing `\r` removed.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n').enumerate().filter_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line))
        }
    })
}

/// The cells of a data line, trimmed; an error naming file and line when
/// there are not `expected` of them.
pub(crate) fn data_cells<'l>(file: &str, n: usize, line: &'l str, expected: usize) -> Result<Vec<&'l str>, Error> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    if cells.len() != expected {
        return Err(Error::new(
            file,
            Some(n),
            None,
            Detail::CellCount {
                found: cells.len(),
                expected,
            },
        ));
    }
    Ok(cells)
}

/// The cells of a data line of a file that takes one form per line
/// (`titles.tsv`, `triggers.tsv`, `languages.tsv`), named by `columns`: as
/// [`data_cells`], and an error naming the column and the value when a cell
/// holds `|`.
pub(crate) fn single_form_cells<'l>(file: &str, n: usize, line: &'l str, columns: &[&str]) -> Result<Vec<&'l str>, Error> {
    let cells = data_cells(file, n, line, columns.len())?;
    if let Some((cell, column)) = cells.iter().zip(columns).find(|(cell, _)| cell.contains('|')) {
        return Err(Error::new(file, Some(n), Some(column), Detail::SeveralForms(cell.to_string())));
    }
    Ok(cells)
}

/// Parses one entity file.
pub(crate) fn parse_entities(file: &str, text: &str) -> Result<Vec<Record>, Error> {
    let mut lines = data_lines(text);
    let (header_line, header) = lines.next().ok_or_else(|| Error::new(file, None, None, Detail::NoHeader))?;
    let mut cols: Vec<&str> = Vec::new();
    for name in header.split('\t') {
        let name = name.trim();
        if !COLUMNS.contains(&name) {
            return Err(Error::new(file, Some(header_line), None, Detail::UnknownColumn(name.to_string())));
        }
        if cols.contains(&name) {
            return Err(Error::new(file, Some(header_line), None, Detail::DuplicateColumn(name.to_string())));
        }
        cols.push(name);
    }
    for required in ["id", "type"] {
        if !cols.contains(&required) {
            return Err(Error::new(file, Some(header_line), None, Detail::MissingColumn(required)));
        }
    }
    if !cols.iter().any(|c| matches!(*c, "fa" | "ar" | "latin")) {
        return Err(Error::new(file, Some(header_line), None, Detail::NoNameColumn));
    }
    let mut out = Vec::new();
    for (n, line) in lines {
        let cells = data_cells(file, n, line, cols.len())?;
        let err = |col: &str, d: Detail| Error::new(file, Some(n), Some(col), d);
        let mut rec = Record {
            id: String::new(),
            kind: EntityType::Gpe,
            names: Vec::new(),
            affiliation: None,
            metonym_of: None,
            roles: Vec::new(),
            known: false,
            nopartial: false,
            shared: false,
            origin: Origin {
                file: file.to_string(),
                line: Some(n),
            },
        };
        for (&col, &cell) in cols.iter().zip(&cells) {
            let cell = cell.trim();
            match col {
                "id" => {
                    check_id(cell).map_err(|d| err(col, d))?;
                    rec.id = cell.to_string();
                }
                "type" => {
                    rec.kind = EntityType::from_label(cell).ok_or_else(|| err(col, Detail::UnknownType(cell.to_string())))?;
                }
                "fa" | "ar" | "latin" => {
                    let lang = match col {
                        "fa" => Lang::Fa,
                        "ar" => Lang::Ar,
                        _ => Lang::Latin,
                    };
                    if cell.is_empty() {
                        continue;
                    }
                    for raw in cell.split('|') {
                        let name = parse_name(raw, lang).map_err(|d| err(col, d))?;
                        rec.names.push(name);
                    }
                }
                "affiliation" if !cell.is_empty() => rec.affiliation = Some(cell.to_string()),
                "metonym_of" if !cell.is_empty() => rec.metonym_of = Some(cell.to_string()),
                "flags" => {
                    for flag in cell.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                        match flag {
                            "known" => rec.known = true,
                            "nopartial" => rec.nopartial = true,
                            "shared" => rec.shared = true,
                            other => return Err(err(col, Detail::UnknownFlag(other.to_string()))),
                        }
                    }
                }
                "roles" => {
                    for role in cell.split(';').map(str::trim).filter(|r| !r.is_empty()) {
                        rec.roles.push(parse_role(role).map_err(|d| err(col, d))?);
                    }
                }
                _ => {}
            }
        }
        if rec.id.is_empty() {
            return Err(err("id", Detail::EmptyId));
        }
        if rec.names.is_empty() {
            return Err(Error::new(file, Some(n), None, Detail::NoNames(rec.id)));
        }
        out.push(rec);
    }
    Ok(out)
}

/// Ids are snake case ASCII: `[a-z0-9]+(_[a-z0-9]+)*`.
pub(crate) fn check_id(id: &str) -> Result<(), Detail> {
    if id.is_empty() {
        return Err(Detail::EmptyId);
    }
    let ok = id
        .split('_')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    if ok {
        Ok(())
    } else {
        Err(Detail::BadId(id.to_string()))
    }
}

pub(crate) fn parse_name(raw: &str, lang: Lang) -> Result<Name, Detail> {
    let raw = raw.trim();
    let (surface, cue) = match raw.find('[') {
        None => (raw, None),
        Some(i) => {
            let marker = raw[i..].trim();
            let class = marker
                .strip_prefix("[cue:")
                .and_then(|m| m.strip_suffix(']'))
                .map(str::trim)
                .filter(|c| !c.is_empty() && !c.contains(['[', ']']))
                .ok_or_else(|| Detail::BadMarker(raw.to_string()))?;
            (raw[..i].trim(), Some(class.to_string()))
        }
    };
    if surface.is_empty() {
        return Err(Detail::EmptyName(raw.to_string()));
    }
    if surface.contains(']') {
        return Err(Detail::BadMarker(raw.to_string()));
    }
    Ok(Name {
        surface: surface.to_string(),
        lang,
        cue,
    })
}

fn parse_role(text: &str) -> Result<Role, Detail> {
    let bad = || Detail::BadRole(text.to_string());
    let (role, rest) = text.split_once('@').ok_or_else(bad)?;
    let (of, dates) = match rest.split_once(':') {
        Some((of, dates)) => (of, Some(dates)),
        None => (rest, None),
    };
    if role.trim().is_empty() || of.trim().is_empty() {
        return Err(bad());
    }
    let (from, to) = match dates {
        None => (None, None),
        Some(d) => {
            let (from, to) = d.split_once("..").ok_or_else(bad)?;
            let parse = |s: &str| -> Result<Option<String>, Detail> {
                let s = s.trim();
                if s.is_empty() {
                    Ok(None)
                } else {
                    parse_date(s).map(|_| Some(s.to_string()))
                }
            };
            (parse(from)?, parse(to)?)
        }
    };
    if let (Some(f), Some(t)) = (&from, &to) {
        if parse_date(f)? > parse_date(t)? {
            return Err(Detail::RoleDatesOrder(text.to_string()));
        }
    }
    Ok(Role {
        role: role.trim().to_string(),
        of: of.trim().to_string(),
        from,
        to,
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as a comparable tuple (missing parts
/// count as the start of the period).
fn parse_date(s: &str) -> Result<(u32, u32, u32), Detail> {
    let bad = || Detail::BadDate(s.to_string());
    let parts: Vec<&str> = s.split('-').collect();
    if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 {
        return Err(bad());
    }
    let num = |p: &str, max: u32| -> Result<u32, Detail> {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4 {
            return Err(bad());
        }
        let v: u32 = p.parse().map_err(|_| bad())?;
        if max > 0 && (v == 0 || v > max) {
            return Err(bad());
        }
        Ok(v)
    };
    let y = num(parts[0], 0)?;
    let m = parts.get(1).map(|p| num(p, 12)).transpose()?.unwrap_or(0);
    let d = parts.get(2).map(|p| num(p, 31)).transpose()?.unwrap_or(0);
    Ok((y, m, d))
}

/// A cue phrase and where it stands relative to the name it licenses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CuePosition {
    Before,
    Chain,
    Dateline,
}

/// The cue phrases, folded, grouped by class.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cues {
    pub classes: Vec<String>,
    /// `(class index, position, folded phrase)`.
    pub phrases: Vec<(u16, CuePosition, String)>,
}

impl Cues {
    pub(crate) fn parse(file: &str, text: &str) -> Result<Cues, Error> {
        let mut cues = Cues::default();
        for (n, line) in data_lines(text) {
            let cells = data_cells(file, n, line, 3)?;
            let position = match cells[1] {
                "before" => CuePosition::Before,
                "chain" => CuePosition::Chain,
                "dateline" => CuePosition::Dateline,
                other => {
                    return Err(Error::new(
                        file,
                        Some(n),
                        Some("position"),
                        Detail::Malformed(format!("unknown cue position `{other}` (expected before, chain or dateline)")),
                    ))
                }
            };
            check_id(cells[0]).map_err(|d| Error::new(file, Some(n), Some("class"), d))?;
            let phrase = normalize(cells[2]).as_str().trim().to_string();
            if phrase.is_empty() {
                return Err(Error::new(file, Some(n), Some("phrase"), Detail::EmptyName(cells[2].to_string())));
            }
            let class = cues.class_index(cells[0]).unwrap_or_else(|| {
                cues.classes.push(cells[0].to_string());
                (cues.classes.len() - 1) as u16
            });
            cues.phrases.push((class, position, phrase));
        }
        Ok(cues)
    }

    pub(crate) fn class_index(&self, class: &str) -> Option<u16> {
        self.classes.iter().position(|c| c == class).map(|i| i as u16)
    }
}

/// The affix lists, folded.
#[derive(Debug, Clone, Default)]
pub(crate) struct Affixes {
    pub proclitic1: Vec<char>,
    pub proclitic2: Vec<char>,
    pub suffix_zwnj: Vec<String>,
    pub suffix_attached: Vec<String>,
    pub suffix_after_vowel: Vec<String>,
    pub stop_partial: Vec<String>,
    /// Endings of compound surnames, also written after a space
    /// (`علیاف` / `علی اف`, `چاووشاوغلو` / `چاووش اوغلو`).
    pub surname_suffix: Vec<String>,
    /// Last words that make a two-word surname with the word before
    /// (`نصر الله`, `عبد الرحمن` … `الله`, `الدین`).
    pub surname_tail: Vec<String>,
    /// First words of a two-word surname (`آل ثانی`, `بن سلمان`, `ابو مازن`).
    pub surname_lead: Vec<String>,
    /// Endings of Arabic nationality adjectives, derived from the `ي` form
    /// (`ة`, `ون`, `ين`: `الأرميني` → `الأرمينية`, `أرمينيون`).
    pub nisba_ending: Vec<String>,
}

impl Affixes {
    pub(crate) fn parse(file: &str, text: &str) -> Result<Affixes, Error> {
        let mut a = Affixes::default();
        for (n, line) in data_lines(text) {
            let cells = data_cells(file, n, line, 2)?;
            let form = normalize(cells[1]).as_str().trim().to_string();
            if form.is_empty() {
                return Err(Error::new(file, Some(n), Some("form"), Detail::EmptyName(cells[1].to_string())));
            }
            let one_char = || {
                let mut chars = form.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(Error::new(
                        file,
                        Some(n),
                        Some("form"),
                        Detail::Malformed(format!("a proclitic is one letter, not `{form}`")),
                    )),
                }
            };
            match cells[0] {
                "proclitic1" => a.proclitic1.push(one_char()?),
                "proclitic2" => a.proclitic2.push(one_char()?),
                "suffix_zwnj" => a.suffix_zwnj.push(form),
                "suffix_attached" => a.suffix_attached.push(form),
                "suffix_after_vowel" => a.suffix_after_vowel.push(form),
                "stop_partial" => a.stop_partial.push(form),
                "surname_suffix" => a.surname_suffix.push(form),
                "nisba_ending" => a.nisba_ending.push(form),
                "surname_tail" => a.surname_tail.push(form),
                "surname_lead" => a.surname_lead.push(form),
                other => {
                    return Err(Error::new(
                        file,
                        Some(n),
                        Some("kind"),
                        Detail::Malformed(format!("unknown affix kind `{other}`")),
                    ))
                }
            }
        }
        Ok(a)
    }
}

/// How a pattern names an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum VariantKind {
    /// A name as written in the file (folded, spaces as written).
    Explicit,
    /// A derived spelling: a space dropped, or Persian letters as an
    /// Arabic-alphabet writer spells them.
    Derived,
    /// An `ال` name with its alef elided after the preposition ل
    /// (`للاتحاد` = ل + `لاتحاد`); only counts right after a ل.
    ElidedArticle,
    /// A person's surname alone.
    Partial,
    /// A person's surname alone that is also a common word: it names them
    /// only where their full name stands in the same text.
    PartialCommon,
    /// The surname alone of a head of state or government, foreign
    /// minister or secretary-general since 2000 that names no one and
    /// nothing else: it names them anywhere, as for a `known` person.
    PartialKnown,
}

/// One entity a pattern names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VariantRef {
    pub entity: u32,
    pub kind: VariantKind,
    pub cue: Option<u16>,
    /// The orthographies the pattern comes from, a set of `Lang::bit`s:
    /// Arabic `روسية` and Persian `روسیه` fold alike but name different
    /// entities, and the spelling in the text tells which.
    pub langs: u8,
}

impl Lang {
    /// The bit of this language in [`VariantRef::langs`].
    pub(crate) fn bit(self) -> u8 {
        match self {
            Lang::Fa => 1,
            Lang::Ar => 2,
            Lang::Latin => 4,
        }
    }
}

/// Records compiled into a pattern table.
#[derive(Debug, Clone, Default)]
pub(crate) struct Compiled {
    pub records: Vec<Record>,
    /// Folded patterns, deduplicated.
    pub patterns: Vec<String>,
    /// For each pattern, the entities it names.
    pub refs: Vec<Vec<VariantRef>>,
    /// Derived variants dropped because they equal another entity's name or
    /// a frequent common word: `(entity id, variant)`.
    pub dropped: Vec<(String, String)>,
}

/// Caps on derived variants per name, so one long name cannot blow up the
/// automaton.
const MAX_SPACE_SUBSETS_SPACES: usize = 4;
const MAX_LETTER_VARIANTS: usize = 32;

/// Checks `records` as a whole and compiles them.
pub(crate) fn compile(records: Vec<Record>, cues: &Cues, affixes: &Affixes, frequent: &Frequent) -> Result<Compiled, Error> {
    // Ids are unique.
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(records.len(), Default::default());
    for (i, r) in records.iter().enumerate() {
        if let Some(&first) = by_id.get(r.id.as_str()) {
            return Err(Error::new(
                &r.origin.file,
                r.origin.line,
                Some("id"),
                Detail::DuplicateId {
                    id: r.id.clone(),
                    first: records[first].origin.to_string(),
                },
            ));
        }
        by_id.insert(&r.id, i);
    }
    // References resolve; cue classes exist.
    for r in &records {
        let at = |col: &str, d: Detail| Error::new(&r.origin.file, r.origin.line, Some(col), d);
        for (col, value) in [("affiliation", &r.affiliation), ("metonym_of", &r.metonym_of)] {
            if let Some(v) = value {
                if !by_id.contains_key(v.as_str()) {
                    return Err(at(col, Detail::UnresolvedId { value: v.clone() }));
                }
            }
        }
        for role in &r.roles {
            if !by_id.contains_key(role.of.as_str()) {
                return Err(at("roles", Detail::UnresolvedId { value: role.of.clone() }));
            }
        }
        for name in &r.names {
            if let Some(class) = &name.cue {
                if cues.class_index(class).is_none() {
                    return Err(at(
                        lang_column(name.lang),
                        Detail::UnknownCueClass {
                            class: class.clone(),
                            name: name.surface.clone(),
                        },
                    ));
                }
            }
        }
    }

    // Explicit names, folded; clashes within one type are errors.
    struct Explicit {
        entity: u32,
        cue: Option<u16>,
    }
    let mut explicit: HashMap<String, Vec<Explicit>> = HashMap::default();
    for (i, r) in records.iter().enumerate() {
        for name in &r.names {
            let folded = fold_name(&name.surface);
            if folded.is_empty() {
                return Err(Error::new(
                    &r.origin.file,
                    r.origin.line,
                    Some(lang_column(name.lang)),
                    Detail::NameFoldsToNothing {
                        name: name.surface.clone(),
                    },
                ));
            }
            let cue = name.cue.as_deref().and_then(|c| cues.class_index(c));
            let entry = explicit.entry(folded).or_default();
            if let Some(other) = entry.iter().find(|e| {
                let o = &records[e.entity as usize];
                e.entity as usize != i && o.kind == r.kind && e.cue.is_none() && cue.is_none()
            }) {
                let o = &records[other.entity as usize];
                return Err(Error::new(
                    &r.origin.file,
                    r.origin.line,
                    Some(lang_column(name.lang)),
                    Detail::NameClash {
                        name: name.surface.clone(),
                        id: r.id.clone(),
                        other: o.id.clone(),
                        other_at: o.origin.to_string(),
                        kind: r.kind.as_str(),
                    },
                ));
            }
            if !entry.iter().any(|e| e.entity as usize == i && e.cue == cue) {
                entry.push(Explicit { entity: i as u32, cue });
            }
        }
    }

    // The first words of people's names, to tell a compound surname from a
    // second first name.
    let first_words: rustc_hash::FxHashSet<String> = records
        .iter()
        .filter(|r| r.kind == EntityType::Person)
        .flat_map(|r| r.names.iter())
        .filter_map(|n| fold_name(&n.surface).split_once(' ').map(|(f, _)| f.to_string()))
        .collect();
    let mut table: HashMap<String, usize> = HashMap::default();
    let mut out = Compiled::default();
    let mut add = |out: &mut Compiled, pattern: String, r: VariantRef| {
        let idx = *table.entry(pattern).or_insert_with_key(|p| {
            out.patterns.push(p.clone());
            out.refs.push(Vec::new());
            out.patterns.len() - 1
        });
        let refs = &mut out.refs[idx];
        match refs.iter_mut().find(|x| x.entity == r.entity && x.cue == r.cue) {
            Some(x) => {
                x.kind = x.kind.min(r.kind);
                x.langs |= r.langs;
            }
            None => refs.push(r),
        }
    };
    // A name another entity lists only behind a cue (`شیراک [cue:province]`)
    // leaves the variant free: the two never compete for the same mention.
    let collides = |variant: &str, entity: u32| -> bool {
        explicit
            .get(variant)
            .is_some_and(|v| v.iter().any(|e| e.entity != entity && e.cue.is_none()))
    };

    for (i, r) in records.iter().enumerate() {
        let entity = i as u32;
        let letters = matches!(r.kind, EntityType::Person | EntityType::Gpe);
        for name in &r.names {
            let folded = fold_name(&name.surface);
            let cue = name.cue.as_deref().and_then(|c| cues.class_index(c));
            let lang = name.lang.bit();
            add(
                &mut out,
                folded.clone(),
                VariantRef {
                    entity,
                    kind: VariantKind::Explicit,
                    cue,
                    langs: lang,
                },
            );
            // (variant, orthography): spacing variants keep the name's own;
            // Arabic-writer spellings are Arabic.
            let mut derived: Vec<(String, u8)> = space_variants(&folded).into_iter().map(|v| (v, lang)).collect();
            // A surname with a space before its compound ending, or without
            // a long vowel; an Arabic nationality in all its forms.
            if r.kind == EntityType::Person {
                if let Some((head, last)) = folded.rsplit_once(' ') {
                    derived.extend(
                        surname_alternatives(last, affixes)
                            .into_iter()
                            .map(|alt| (format!("{head} {alt}"), lang)),
                    );
                }
            }
            if r.kind == EntityType::Norp && name.lang == Lang::Ar {
                derived.extend(nisba_forms(&folded, affixes).into_iter().map(|v| (v, lang)));
            }
            // A ZWNJ in a name also stands for a space (`احمدی‌نژاد` is
            // often typed `احمدی نژاد`).
            if name.surface.contains('\u{200C}') {
                derived.push((fold_name(&name.surface.replace('\u{200C}', " ")), lang));
            }
            if letters {
                let base: Vec<String> = std::iter::once(folded.clone())
                    .chain(derived.iter().map(|(v, _)| v.clone()))
                    .collect();
                for v in base {
                    // A spelling an Arabic-alphabet writer might use that
                    // is a common word (گینه → کینه "hatred") is dropped.
                    for l in letter_variants(&v) {
                        if !l.contains(' ') && frequent.contains(&l, None) {
                            out.dropped.push((r.id.clone(), l));
                        } else {
                            derived.push((l, Lang::Ar.bit()));
                        }
                    }
                }
            }
            let mut elided = Vec::new();
            for v in derived.iter().map(|(v, _)| v).chain(std::iter::once(&folded)) {
                if let Some(rest) = v.strip_prefix("ال") {
                    if rest.chars().count() >= 2 {
                        elided.push((format!("ل{rest}"), Lang::Ar.bit()));
                    }
                }
            }
            for (variants, kind) in [(derived, VariantKind::Derived), (elided, VariantKind::ElidedArticle)] {
                for (v, langs) in variants {
                    if v == folded {
                        continue;
                    }
                    if collides(&v, entity) {
                        out.dropped.push((r.id.clone(), v));
                        continue;
                    }
                    add(&mut out, v, VariantRef { entity, kind, cue, langs });
                }
            }
            // A person's surname alone.
            if r.kind == EntityType::Person && !r.nopartial && name.cue.is_none() {
                if let Some((head, last)) = folded.rsplit_once(' ') {
                    // A two-word surname (`نصر الله`, `آل ثانی`, `بن سلمان`):
                    // the last word alone is no surname.
                    let before_last = head.rsplit(' ').next().unwrap_or(head);
                    let two_words = head.contains(' ') || affixes.surname_lead.iter().any(|l| l == before_last);
                    let last = if two_words
                        && (affixes.surname_tail.iter().any(|t| t == last) || affixes.surname_lead.iter().any(|l| l == before_last))
                    {
                        &folded[folded.len() - last.len() - 1 - before_last.len()..]
                    } else {
                        last
                    };
                    let mut partials = vec![(last.to_string(), lang)];
                    partials.extend(surname_alternatives(last, affixes).into_iter().map(|alt| (alt, lang)));
                    // A Persian compound surname of two words after a first
                    // name (`اکبر هاشمی رفسنجانی` → `هاشمی رفسنجانی`): when
                    // the word before the last is nobody's first name.
                    if head.contains(' ') && !last.contains(' ') && !first_words.contains(before_last) {
                        partials.push((folded[folded.len() - last.len() - 1 - before_last.len()..].to_string(), lang));
                    }
                    // A surname joined by a ZWNJ, typed with a space.
                    let written = name.surface.trim().rsplit(' ').next().unwrap_or("");
                    if written.contains('\u{200C}') {
                        partials.push((fold_name(&written.replace('\u{200C}', " ")), lang));
                    }
                    partials.extend(letter_variants(last).into_iter().map(|v| (v, Lang::Ar.bit())));
                    for (p, langs) in partials {
                        if p.chars().count() < 3 || affixes.stop_partial.contains(&p) {
                            continue;
                        }
                        // A surname that is a common word (ظریف, باور)
                        // names the person only where the full name stands
                        // in the same text, even when the person is `known`.
                        let kind = if frequent.contains(&p, None) {
                            VariantKind::PartialCommon
                        } else {
                            VariantKind::Partial
                        };
                        if collides(&p, entity) {
                            out.dropped.push((r.id.clone(), p));
                            continue;
                        }
                        add(
                            &mut out,
                            p,
                            VariantRef {
                                entity,
                                kind,
                                cue: None,
                                langs,
                            },
                        );
                    }
                }
            }
        }
    }
    // The surname of a head of state or government, a foreign minister or
    // a secretary-general since 2000 names them alone when it names no one
    // and nothing else (`ماكرون`, `ستارمر`): it links like a `known` one.
    for refs in out.refs.iter_mut() {
        if let [r] = refs.as_mut_slice() {
            if r.kind == VariantKind::Partial && holds_top_office_since(&records[r.entity as usize], TOP_OFFICE_SINCE) {
                r.kind = VariantKind::PartialKnown;
            }
        }
    }
    out.records = records;
    Ok(out)
}

/// Offices whose holders are named by surname alone in the news.
const TOP_OFFICES: &[&str] = &[
    "president",
    "prime_minister",
    "foreign_minister",
    "chancellor",
    "king",
    "emir",
    "supreme_leader",
    "secretary_general",
    "head_of_state",
    "crown_prince",
];
/// The year from which a top office makes its holder's surname enough.
const TOP_OFFICE_SINCE: u32 = 2000;

fn holds_top_office_since(r: &Record, year: u32) -> bool {
    r.kind == EntityType::Person
        && r.roles.iter().any(|role| {
            TOP_OFFICES.contains(&role.role.as_str())
                && role
                    .to
                    .as_deref()
                    .is_none_or(|to| to.get(..4).and_then(|y| y.parse::<u32>().ok()).is_some_and(|y| y >= year))
        })
}

/// Other spellings of a surname (folded): with a space before a compound
/// ending (`علیاف` → `علی اف`), and without one long vowel `ا` standing
/// between two consonants (`بیراموف` → `بیرموف`), for surnames of six
/// letters or more.
pub(crate) fn surname_alternatives(last: &str, affixes: &Affixes) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = last.chars().collect();
    for suffix in &affixes.surname_suffix {
        if let Some(stem) = last.strip_suffix(suffix.as_str()) {
            if stem.chars().count() >= 2 {
                out.push(format!("{stem} {suffix}"));
            }
        }
    }
    if chars.len() >= 6 {
        let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ی');
        for i in 1..chars.len() - 1 {
            if chars[i] == 'ا' && !vowel(chars[i - 1]) && !vowel(chars[i + 1]) {
                let mut v = chars.clone();
                v.remove(i);
                out.push(v.into_iter().collect());
            }
        }
    }
    out.retain(|v| v != last);
    out
}

/// The forms of an Arabic nationality adjective written in its `ي` form
/// (folded `ی`): with and without the article, and each nisba ending
/// (`الارمنی` → `ارمنی`, `الارمنیه`, `ارمنیون`, `الارمنیین` …).
pub(crate) fn nisba_forms(name: &str, affixes: &Affixes) -> Vec<String> {
    let Some(stem) = name.strip_suffix('ی') else {
        return Vec::new();
    };
    if stem.contains(' ') {
        return Vec::new();
    }
    let bare = stem.strip_prefix("ال").unwrap_or(stem);
    if bare.chars().count() < 3 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for article in ["", "ال"] {
        out.push(format!("{article}{bare}ی"));
        for ending in &affixes.nisba_ending {
            out.push(format!("{article}{bare}ی{ending}"));
        }
    }
    out.retain(|v| v != name);
    out
}

fn lang_column(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "fa",
        Lang::Ar => "ar",
        Lang::Latin => "latin",
    }
}

/// Folds a name as text is folded, trimmed.
pub(crate) fn fold_name(name: &str) -> String {
    normalize(name).as_str().trim().to_string()
}

/// Every way of writing the spaces inside `name` as a space or nothing
/// (ZWNJ folds to nothing), the name itself excluded. With more than four
/// spaces, only each single space dropped and all dropped.
pub(crate) fn space_variants(name: &str) -> Vec<String> {
    let parts: Vec<&str> = name.split(' ').collect();
    let gaps = parts.len() - 1;
    let mut out = Vec::new();
    if gaps == 0 {
        return out;
    }
    let join = |mask: u32| {
        let mut s = String::with_capacity(name.len());
        for (i, p) in parts.iter().enumerate() {
            if i > 0 && mask & (1 << (i - 1)) == 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    };
    if gaps <= MAX_SPACE_SUBSETS_SPACES {
        for mask in 1..(1u32 << gaps) {
            out.push(join(mask));
        }
    } else {
        for i in 0..gaps {
            out.push(join(1 << i));
        }
        out.push(join((1u32 << gaps) - 1));
    }
    out
}

/// The spellings an Arabic-alphabet writer uses for the Persian letters of
/// `name` (پ→ب, چ→ج, ژ→ج/ز, گ→ج/غ/ک), the name itself excluded.
pub(crate) fn letter_variants(name: &str) -> Vec<String> {
    fn options(c: char) -> &'static [char] {
        match c {
            'پ' => &['ب'],
            'چ' => &['ج'],
            'ژ' => &['ج', 'ز'],
            'گ' => &['ج', 'غ', 'ک'],
            _ => &[],
        }
    }
    if !name.chars().any(|c| !options(c).is_empty()) {
        return Vec::new();
    }
    let mut acc = vec![String::new()];
    for c in name.chars() {
        let opts = options(c);
        if opts.is_empty() {
            for s in &mut acc {
                s.push(c);
            }
            continue;
        }
        let mut next = Vec::with_capacity(acc.len() * (opts.len() + 1));
        for s in &acc {
            for &o in std::iter::once(&c).chain(opts) {
                if next.len() >= MAX_LETTER_VARIANTS {
                    break;
                }
                let mut t = s.clone();
                t.push(o);
                next.push(t);
            }
        }
        acc = next;
    }
    acc.retain(|v| v != name);
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_variants_cover_every_subset() {
        let v = space_variants("قره باغ کوهستانی");
        assert_eq!(v, vec!["قرهباغ کوهستانی", "قره باغکوهستانی", "قرهباغکوهستانی"]);
        assert!(space_variants("باکو").is_empty());
    }

    #[test]
    fn letter_variants_follow_arabic_writers() {
        assert_eq!(letter_variants("پاشینیان"), vec!["باشینیان"]);
        assert_eq!(letter_variants("لاچین"), vec!["لاجین"]);
        let g = letter_variants("گرجستان");
        assert_eq!(g, vec!["جرجستان", "غرجستان", "کرجستان"]);
        assert!(letter_variants("باکو").is_empty());
    }

    #[test]
    fn roles_parse_and_order() {
        let r = parse_role("foreign_minister@armenia:2021-08..").unwrap();
        assert_eq!(r.from.as_deref(), Some("2021-08"));
        assert_eq!(r.to, None);
        assert!(matches!(parse_role("x@y:2021..2020"), Err(Detail::RoleDatesOrder(_))));
        assert!(matches!(parse_role("x@y:2021-13.."), Err(Detail::BadDate(_))));
        assert!(matches!(parse_role("x:2021.."), Err(Detail::BadRole(_))));
    }

    #[test]
    fn ids_are_snake_case() {
        assert!(check_id("nagorno_karabakh").is_ok());
        assert!(check_id("Nagorno").is_err());
        assert!(check_id("a__b").is_err());
        assert!(check_id("_a").is_err());
    }
}
