//! The crate's one error type.

use std::fmt;
use std::path::PathBuf;

/// An error building an [`Extractor`](crate::Extractor): a gazetteer file
/// that cannot be read or holds a value the loader rejects.
///
/// The message names the file, the line (1-based), the column where it
/// applies, and the value at fault. Nothing is half-loaded: a failed
/// [`build`](crate::ExtractorBuilder::build) leaves no extractor behind.
///
/// ```
/// let err = namyab::Extractor::builder()
///     .add_gazetteer_str("mine.tsv", "id\ttype\tfa\nfoo\tPLANET\tزحل\n")
///     .build()
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "mine.tsv:2: column `type`: unknown entity type `PLANET` (expected PERSON, GPE, LOC, ORG, FAC, NORP or EVENT)"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[error("{}{}", .0.location, .0.detail)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    location: Location,
    detail: Detail,
}

#[derive(Debug)]
struct Location {
    file: String,
    line: Option<usize>,
    column: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        if let Some(column) = &self.column {
            write!(f, "column `{column}`: ")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum Detail {
    #[error("cannot read the file: {0}")]
    Io(#[source] std::io::Error),
    #[error("the file is not valid UTF-8 (first bad byte at offset {0})")]
    NotUtf8(usize),
    #[error("no header line (expected a line naming the columns, such as `id\\ttype\\tfa\\tar`)")]
    NoHeader,
    #[error("unknown column `{0}`")]
    UnknownColumn(String),
    #[error("column `{0}` appears twice in the header")]
    DuplicateColumn(String),
    #[error("the header lacks the required column `{0}`")]
    MissingColumn(&'static str),
    #[error("the header names no name column (`fa`, `ar` or `latin`)")]
    NoNameColumn,
    #[error("{found} cells where the header has {expected}")]
    CellCount { found: usize, expected: usize },
    #[error("{found} cells where a row of {file} has {expected} ({columns})")]
    RowCells {
        found: usize,
        expected: usize,
        file: &'static str,
        columns: String,
    },
    #[error("empty id")]
    EmptyId,
    #[error("id `{0}` is not snake case ASCII (a-z, 0-9 and single `_`)")]
    BadId(String),
    #[error("unknown entity type `{0}` (expected PERSON, GPE, LOC, ORG, FAC, NORP or EVENT)")]
    UnknownType(String),
    #[error("entity `{0}` has no name")]
    NoNames(String),
    #[error("empty name in `{0}` (two `|` with nothing between, or only a marker)")]
    EmptyName(String),
    #[error("name `{name}` folds to nothing")]
    NameFoldsToNothing { name: String },
    #[error("malformed marker in `{0}` (expected `NAME [cue:CLASS]`)")]
    BadMarker(String),
    #[error("unknown cue class `{class}` in `{name}` (classes are defined in cues.tsv)")]
    UnknownCueClass { class: String, name: String },
    #[error("unknown flag `{0}` (expected `known`, `nopartial` or `shared`)")]
    UnknownFlag(String),
    #[error("duplicate id `{id}` (first defined at {first})")]
    DuplicateId { id: String, first: String },
    #[error("`{value}` is not the id of any loaded entity")]
    UnresolvedId { value: String },
    #[error("name `{name}` of `{id}` is also a name of `{other}` ({other_at}), of the same type {kind}; mark one with [cue:CLASS]")]
    NameClash {
        name: String,
        id: String,
        other: String,
        other_at: String,
        kind: &'static str,
    },
    #[error("malformed role `{0}` (expected ROLE@ID:FROM..TO)")]
    BadRole(String),
    #[error("bad date `{0}` (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
    BadDate(String),
    #[error("role `{0}` ends before it starts")]
    RoleDatesOrder(String),
    #[error("form `{0}` is empty or folds to nothing")]
    EmptyForm(String),
    #[error("`{0}` holds `|`: this file takes one form per line")]
    SeveralForms(String),
    #[error("malformed line: {0}")]
    Malformed(String),
    #[error("invalid pattern: {0}")]
    Pattern(String),
}

impl Error {
    pub(crate) fn new(file: &str, line: Option<usize>, column: Option<&str>, detail: Detail) -> Error {
        Error(Box::new(Inner {
            location: Location {
                file: file.to_string(),
                line,
                column: column.map(str::to_string),
            },
            detail,
        }))
    }

    pub(crate) fn io(path: &std::path::Path, err: std::io::Error) -> Error {
        Error::new(&display_path(path), None, None, Detail::Io(err))
    }

    /// The file the error is about, as it was named to the builder.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("namyab-doc-error-file.tsv");
    /// std::fs::write(&path, "id\ttype\tfa\ncaspian_sea\tSEA\tدریای خزر\n").unwrap();
    /// let err = namyab::Extractor::builder().add_gazetteer_file(&path).build().unwrap_err();
    /// assert_eq!(err.file(), path.display().to_string());
    /// assert_eq!((err.line(), err.column()), (Some(2), Some("type")));
    /// // a string added to the builder is known by the name given with it
    /// let err = namyab::Extractor::builder()
    ///     .add_gazetteer_str("خزر.tsv", "id\ttype\tfa\ncaspian_sea\tSEA\tدریای خزر\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(err.file(), "خزر.tsv");
    /// std::fs::remove_file(&path).unwrap();
    /// ```
    pub fn file(&self) -> &str {
        &self.0.location.file
    }

    /// The 1-based line the error is about, where there is one.
    ///
    /// ```
    /// // comment lines count: the second `khazar` stands on line 4
    /// let tsv = "# دریاها\nid\ttype\tfa\tar\nkhazar\tLOC\tدریای خزر\tبحر الخزر\nkhazar\tLOC\tدریای کاسپین\tبحر قزوين\n";
    /// let err = namyab::Extractor::builder().add_gazetteer_str("seas.tsv", tsv).build().unwrap_err();
    /// assert_eq!(err.line(), Some(4));
    /// assert_eq!(err.to_string(), "seas.tsv:4: column `id`: duplicate id `khazar` (first defined at seas.tsv:3)");
    /// // a file that cannot be read has no line
    /// let missing = std::env::temp_dir().join("namyab-doc-no-such-dir").join("missing.tsv");
    /// let err = namyab::Extractor::builder().add_gazetteer_file(&missing).build().unwrap_err();
    /// assert_eq!((err.line(), err.column()), (None, None));
    /// ```
    pub fn line(&self) -> Option<usize> {
        self.0.location.line
    }

    /// The column (header name) the error is about, where there is one.
    ///
    /// ```
    /// // an affiliation must be the id of a loaded entity
    /// let tsv = "id\ttype\tfa\tar\taffiliation\nmikhail_ulyanov\tPERSON\tمیخائیل اولیانوف\tميخائيل أوليانوف\tussr\n";
    /// let err = namyab::Extractor::builder().add_gazetteer_str("people.tsv", tsv).build().unwrap_err();
    /// assert_eq!(err.column(), Some("affiliation"));
    /// assert_eq!((err.file(), err.line()), ("people.tsv", Some(2)));
    /// assert_eq!(err.to_string(), "people.tsv:2: column `affiliation`: `ussr` is not the id of any loaded entity");
    /// ```
    pub fn column(&self) -> Option<&str> {
        self.0.location.column.as_deref()
    }

    /// The value at fault (an id, a type, a name, a marker, a date…), where
    /// the error names one; `None` for errors about the file as a whole
    /// (unreadable, no header) or a line's shape.
    ///
    /// ```
    /// let err = namyab::Extractor::builder()
    ///     .add_gazetteer_str("mine.tsv", "id\ttype\tfa\nfoo\tPLANET\tزحل\n")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!((err.file(), err.line(), err.column()), ("mine.tsv", Some(2), Some("type")));
    /// assert_eq!(err.value(), Some("PLANET"));
    /// ```
    pub fn value(&self) -> Option<&str> {
        match &self.0.detail {
            Detail::UnknownColumn(v)
            | Detail::DuplicateColumn(v)
            | Detail::BadId(v)
            | Detail::UnknownType(v)
            | Detail::NoNames(v)
            | Detail::EmptyName(v)
            | Detail::BadMarker(v)
            | Detail::UnknownFlag(v)
            | Detail::BadRole(v)
            | Detail::BadDate(v)
            | Detail::RoleDatesOrder(v)
            | Detail::EmptyForm(v)
            | Detail::SeveralForms(v) => Some(v),
            Detail::MissingColumn(v) => Some(v),
            Detail::NameFoldsToNothing { name } | Detail::NameClash { name, .. } => Some(name),
            Detail::UnknownCueClass { class, .. } => Some(class),
            Detail::DuplicateId { id, .. } => Some(id),
            Detail::UnresolvedId { value } => Some(value),
            Detail::Io(_)
            | Detail::NotUtf8(_)
            | Detail::NoHeader
            | Detail::NoNameColumn
            | Detail::CellCount { .. }
            | Detail::RowCells { .. }
            | Detail::EmptyId
            | Detail::Malformed(_)
            | Detail::Pattern(_) => None,
        }
    }
}

pub(crate) fn display_path(path: &std::path::Path) -> String {
    PathBuf::from(path).display().to_string()
}
