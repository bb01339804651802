//! Entity files: their rows as [`Record`]s (ids, types, names with cue
//! markers, flags, affiliations and dated offices), each cell checked as it
//! is read. Checks over all files together (unique ids, references, name
//! clashes) are [`compile`](fn@super::compile)'s.

use super::tsv::{DataFile, Tsv};
use crate::error::{Detail, Error};
use crate::output::EntityType;

/// The default gazetteer files, compiled into the crate.
pub(crate) const DEFAULT_FILES: &[(&str, &str)] = &[
    ("gazetteers/places.tsv", include_str!("../../gazetteers/places.tsv")),
    ("gazetteers/people.tsv", include_str!("../../gazetteers/people.tsv")),
    ("gazetteers/organizations.tsv", include_str!("../../gazetteers/organizations.tsv")),
    ("gazetteers/nationalities.tsv", include_str!("../../gazetteers/nationalities.tsv")),
];

/// Where a record came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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

impl Lang {
    /// The bit of this language in [`VariantRef::langs`](super::VariantRef::langs).
    pub(crate) fn bit(self) -> u8 {
        match self {
            Lang::Fa => 1,
            Lang::Ar => 2,
            Lang::Latin => 4,
        }
    }
}

/// The header name of the column a name of `lang` is written in.
pub(super) fn lang_column(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "fa",
        Lang::Ar => "ar",
        Lang::Latin => "latin",
    }
}

/// The columns an entity file may have.
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

/// Parses one entity file.
pub(crate) fn parse_entities(file: &str, text: &str) -> Result<Vec<Record>, Error> {
    let mut rows = Tsv::new(file, text, DataFile::Entities);
    let (header_line, header) = rows.header()?;
    let mut cols: Vec<&str> = Vec::new();
    for name in header {
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
    for row in rows {
        let row = row?;
        let n = row.line;
        let err = |col: &str, d: Detail| row.error(col, d);
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
        for (&col, &cell) in cols.iter().zip(&row.cells) {
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
            return Err(row.row_error(Detail::NoNames(rec.id)));
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

#[cfg(test)]
mod tests {
    use super::*;

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
