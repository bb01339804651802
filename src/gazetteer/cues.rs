//! `cues.tsv`: the phrases that license a `[cue:CLASS]` name, by class and
//! position.

use super::entities::check_id;
use super::tsv::{DataFile, Tsv};
use crate::error::{Detail, Error};
use crate::normalize::normalize;

/// The default cue phrases.
pub(crate) const DEFAULT_CUES: (&str, &str) = ("gazetteers/cues.tsv", include_str!("../../gazetteers/cues.tsv"));

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
    /// Reads `cues.tsv`: `class<TAB>position<TAB>phrase`, the phrase
    /// folded.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Cues, Error> {
        let mut cues = Cues::default();
        for row in Tsv::new(file, text, DataFile::Cues) {
            let row = row?;
            let cells = &row.cells;
            let position = match cells[1] {
                "before" => CuePosition::Before,
                "chain" => CuePosition::Chain,
                "dateline" => CuePosition::Dateline,
                other => {
                    return Err(row.error(
                        "position",
                        Detail::Malformed(format!("unknown cue position `{other}` (expected before, chain or dateline)")),
                    ))
                }
            };
            check_id(cells[0]).map_err(|d| row.error("class", d))?;
            let phrase = normalize(cells[2]).as_str().trim().to_string();
            if phrase.is_empty() {
                return Err(row.error("phrase", Detail::EmptyName(cells[2].to_string())));
            }
            let class = cues.class_index(cells[0]).unwrap_or_else(|| {
                cues.classes.push(cells[0].to_string());
                (cues.classes.len() - 1) as u16
            });
            cues.phrases.push((class, position, phrase));
        }
        Ok(cues)
    }

    /// The index of a cue class, if `cues.tsv` defines it.
    pub(crate) fn class_index(&self, class: &str) -> Option<u16> {
        self.classes.iter().position(|c| c == class).map(|i| i as u16)
    }
}
