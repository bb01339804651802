//! The per-document analysis, built once and read by every stage: the
//! text, its fold with the map back to original offsets, and the word
//! starts of the fold (where names and trigger words may begin).

use crate::gazetteer::Affixes;
use crate::normalize::Normalized;

/// One document, analysed once.
#[derive(Debug, Clone)]
pub(crate) struct Analysis<'t> {
    /// The original text: every span points into it.
    pub(crate) text: &'t str,
    /// The fold of `text`, with its offset map.
    pub(crate) norm: Normalized,
    /// Byte offsets into the fold where a word starts, or where a word
    /// starts after a joined Arabic proclitic (`crate::edges::word_starts`).
    pub(crate) starts: Vec<usize>,
}

impl<'t> Analysis<'t> {
    pub(crate) fn new(text: &'t str, affixes: &Affixes) -> Analysis<'t> {
        let norm = crate::normalize::normalize(text);
        let starts = crate::edges::word_starts(norm.as_str(), affixes);
        Analysis { text, norm, starts }
    }
}
