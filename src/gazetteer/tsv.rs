//! The one reader of the crate's data files: every file of `gazetteers/`,
//! and a user's entity files, is read here into [`Row`]s, and the parsers
//! only interpret cells.
//!
//! - UTF-8 text, one row per line, cells separated by one TAB; a trailing
//!   `\r` is dropped and every cell is trimmed.
//! - A blank line, or one whose first non-blank character is `#`, is
//!   skipped; line numbers still count it.
//! - Each [`DataFile`] knows its columns: a row with another number of
//!   cells is an error naming the file, the line and both counts. An entity
//!   file names its columns in a header line ([`Tsv::header`]);
//!   `frequent.tsv` has a header line that must name the columns the reader
//!   knows for it.
//! - In the files that take one form per line (`titles.tsv`,
//!   `triggers.tsv`, `languages.tsv`), a cell holding `|` is an error naming
//!   the column and the value.
//!
//! An error about a cell's value is made by the parser with [`Row::error`],
//! which names the file and the line.

use crate::error::{Detail, Error};

/// The data files the crate reads, each with its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DataFile {
    /// An entity file (`places.tsv`, `people.tsv`, a user's file): its
    /// header line names its columns.
    Entities,
    /// `cues.tsv`: `class`, `position`, `phrase`.
    Cues,
    /// `affixes.tsv`: `kind`, `form`.
    Affixes,
    /// `dates.tsv`: `kind`, `value`, `forms` (separated by `|`).
    Dates,
    /// `titles.tsv`: `kind`, `form`, one form per line.
    Titles,
    /// `triggers.tsv`: `kind`, `value`, `form`, one form per line.
    Triggers,
    /// `languages.tsv`: `lang`, `word`, one word per line.
    Languages,
    /// `frequent.tsv`: `lang`, `word`, `zipf`, `kind`, after a header line
    /// naming them.
    Frequent,
}

impl DataFile {
    /// The file's name, for errors about the shape of its rows.
    pub(crate) fn name(self) -> &'static str {
        match self {
            DataFile::Entities => "an entity file",
            DataFile::Cues => "cues.tsv",
            DataFile::Affixes => "affixes.tsv",
            DataFile::Dates => "dates.tsv",
            DataFile::Titles => "titles.tsv",
            DataFile::Triggers => "triggers.tsv",
            DataFile::Languages => "languages.tsv",
            DataFile::Frequent => "frequent.tsv",
        }
    }

    /// The columns of a row, in order; none for entity files, whose header
    /// line names them.
    pub(crate) fn columns(self) -> &'static [&'static str] {
        match self {
            DataFile::Entities => &[],
            DataFile::Cues => &["class", "position", "phrase"],
            DataFile::Affixes => &["kind", "form"],
            DataFile::Dates => &["kind", "value", "forms"],
            DataFile::Titles => &["kind", "form"],
            DataFile::Triggers => &["kind", "value", "form"],
            DataFile::Languages => &["lang", "word"],
            DataFile::Frequent => &["lang", "word", "zipf", "kind"],
        }
    }

    /// Whether the first data line is a header naming the columns.
    fn has_header(self) -> bool {
        matches!(self, DataFile::Entities | DataFile::Frequent)
    }

    /// Whether a row holds one form: then no cell may hold `|`.
    fn one_form_per_line(self) -> bool {
        matches!(self, DataFile::Titles | DataFile::Triggers | DataFile::Languages)
    }
}

/// One row of a data file: its line and its cells, trimmed, as many as the
/// file has columns.
#[derive(Debug)]
pub(crate) struct Row<'f, 't> {
    file: &'f str,
    /// The 1-based line number.
    pub line: usize,
    /// The cells, trimmed.
    pub cells: Vec<&'t str>,
}

impl Row<'_, '_> {
    /// An error about the cell of `column` of this row, naming the file and
    /// the line.
    pub(crate) fn error(&self, column: &str, detail: Detail) -> Error {
        Error::new(self.file, Some(self.line), Some(column), detail)
    }

    /// An error about this row as a whole, naming the file and the line.
    pub(crate) fn row_error(&self, detail: Detail) -> Error {
        Error::new(self.file, Some(self.line), None, detail)
    }
}

/// The rows of one data file, in order; an iterator of [`Row`]s or the
/// first error.
#[derive(Debug)]
pub(crate) struct Tsv<'f, 't> {
    file: &'f str,
    kind: DataFile,
    lines: std::iter::Enumerate<std::str::Split<'t, char>>,
    /// The number of cells of a row: the kind's columns, or the header's.
    width: usize,
    /// Whether the header line, where there is one, has been read.
    header_read: bool,
}

impl<'f, 't> Tsv<'f, 't> {
    /// A reader of `text`, the contents of the file named `file` (as errors
    /// name it), of kind `kind`.
    pub(crate) fn new(file: &'f str, text: &'t str, kind: DataFile) -> Tsv<'f, 't> {
        Tsv {
            file,
            kind,
            lines: text.split('\n').enumerate(),
            width: kind.columns().len(),
            header_read: !kind.has_header(),
        }
    }

    /// The next line that is neither blank nor a comment: its 1-based
    /// number and its text, without a trailing `\r`.
    fn next_line(&mut self) -> Option<(usize, &'t str)> {
        self.lines.by_ref().find_map(|(i, line)| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                None
            } else {
                Some((i + 1, line))
            }
        })
    }

    /// Reads the header line, the first data line: its number and its
    /// cells, trimmed. The rows after it must have as many cells. An error
    /// when there is no data line, or when the kind knows its columns and
    /// the header names others.
    pub(crate) fn header(&mut self) -> Result<(usize, Vec<&'t str>), Error> {
        let (n, line) = self
            .next_line()
            .ok_or_else(|| Error::new(self.file, None, None, Detail::NoHeader))?;
        self.header_read = true;
        let cells: Vec<&'t str> = line.split('\t').map(str::trim).collect();
        let known = self.kind.columns();
        if !known.is_empty() && cells != known {
            return Err(Error::new(
                self.file,
                Some(n),
                None,
                Detail::Malformed(format!(
                    "header `{}` (expected `{}` in {})",
                    cells.join(" "),
                    known.join(" "),
                    self.kind.name()
                )),
            ));
        }
        self.width = cells.len();
        Ok((n, cells))
    }

    /// The row of line `n`: its cells checked against the columns.
    fn row(&self, n: usize, line: &'t str) -> Result<Row<'f, 't>, Error> {
        let cells: Vec<&'t str> = line.split('\t').map(str::trim).collect();
        let row = Row {
            file: self.file,
            line: n,
            cells,
        };
        let found = row.cells.len();
        if found != self.width {
            let detail = match self.kind {
                DataFile::Entities => Detail::CellCount {
                    found,
                    expected: self.width,
                },
                kind => Detail::RowCells {
                    found,
                    expected: self.width,
                    file: kind.name(),
                    columns: kind.columns().join(", "),
                },
            };
            return Err(row.row_error(detail));
        }
        if self.kind.one_form_per_line() {
            if let Some((cell, column)) = row.cells.iter().zip(self.kind.columns()).find(|(cell, _)| cell.contains('|')) {
                return Err(row.error(column, Detail::SeveralForms(cell.to_string())));
            }
        }
        Ok(row)
    }
}

impl<'f, 't> Iterator for Tsv<'f, 't> {
    type Item = Result<Row<'f, 't>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.header_read {
            if let Err(e) = self.header() {
                return Some(Err(e));
            }
        }
        let (n, line) = self.next_line()?;
        Some(self.row(n, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, kind: DataFile) -> Result<Vec<(usize, Vec<&str>)>, String> {
        Tsv::new("f.tsv", text, kind)
            .map(|r| r.map(|r| (r.line, r.cells)))
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())
    }

    #[test]
    fn comments_and_blank_lines_are_skipped_and_cells_trimmed() {
        let text = "# a comment\n\n  # indented comment\nbefore\t وزیر \r\n \t \nstop\tنظیر\n";
        assert_eq!(
            rows(text, DataFile::Titles).unwrap(),
            vec![(4, vec!["before", "وزیر"]), (6, vec!["stop", "نظیر"])]
        );
    }

    #[test]
    fn rows_have_the_columns_of_their_file() {
        assert_eq!(
            rows("# x\nproclitic1\tو\textra\n", DataFile::Affixes).unwrap_err(),
            "f.tsv:2: 3 cells where a row of affixes.tsv has 2 (kind, form)"
        );
        assert_eq!(
            rows("month_solar\t1\n", DataFile::Dates).unwrap_err(),
            "f.tsv:1: 2 cells where a row of dates.tsv has 3 (kind, value, forms)"
        );
        // an entity file: as many cells as its header names
        assert_eq!(
            rows("id\ttype\tfa\nbaku\tGPE\n", DataFile::Entities).unwrap_err(),
            "f.tsv:2: 2 cells where the header has 3"
        );
        let mut tsv = Tsv::new("f.tsv", "# x\nid\ttype\tfa\nbaku\tGPE\tباکو\n", DataFile::Entities);
        assert_eq!(tsv.header().unwrap(), (2, vec!["id", "type", "fa"]));
        assert_eq!(tsv.next().unwrap().unwrap().cells, vec!["baku", "GPE", "باکو"]);
        assert!(tsv.next().is_none());
        assert_eq!(
            rows("# only a comment\n", DataFile::Entities).unwrap_err(),
            "f.tsv: no header line (expected a line naming the columns, such as `id\\ttype\\tfa\\tar`)"
        );
    }

    #[test]
    fn a_known_header_must_name_the_known_columns() {
        let ok = "# generated\nlang\tword\tzipf\tkind\nfa\tکه\t7.1\tword\n";
        assert_eq!(rows(ok, DataFile::Frequent).unwrap(), vec![(3, vec!["fa", "که", "7.1", "word"])]);
        assert_eq!(
            rows("lang\tword\tkind\nfa\tکه\tword\n", DataFile::Frequent).unwrap_err(),
            "f.tsv:1: malformed line: header `lang word kind` (expected `lang word zipf kind` in frequent.tsv)"
        );
        assert_eq!(
            rows("fa\tکه\t7.1\tword\n", DataFile::Frequent).unwrap_err(),
            "f.tsv:1: malformed line: header `fa که 7.1 word` (expected `lang word zipf kind` in frequent.tsv)"
        );
    }

    #[test]
    fn one_form_per_line_files_reject_a_bar_and_others_keep_it() {
        assert_eq!(
            rows("stop\tنظیر|همتای\n", DataFile::Titles).unwrap_err(),
            "f.tsv:1: column `form`: `نظیر|همتای` holds `|`: this file takes one form per line"
        );
        assert_eq!(
            rows("planned\t-|near\tخواهد\n", DataFile::Triggers).unwrap_err(),
            "f.tsv:1: column `value`: `-|near` holds `|`: this file takes one form per line"
        );
        assert_eq!(
            rows("fa|ar\tاست\n", DataFile::Languages).unwrap_err(),
            "f.tsv:1: column `lang`: `fa|ar` holds `|`: this file takes one form per line"
        );
        assert_eq!(
            rows("weekday\t1\tشنبه|السبت\n", DataFile::Dates).unwrap(),
            vec![(1, vec!["weekday", "1", "شنبه|السبت"])]
        );
    }
}
