//! `affixes.tsv`: proclitics, suffixes, and the endings and leads of
//! surnames and nationality adjectives the variants are derived with.

use super::tsv::{DataFile, Tsv};
use crate::error::{Detail, Error};
use crate::normalize::normalize;

/// The default affix lists.
pub(crate) const DEFAULT_AFFIXES: (&str, &str) = ("gazetteers/affixes.tsv", include_str!("../../gazetteers/affixes.tsv"));

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
    /// Reads `affixes.tsv`: `kind<TAB>form`, the form folded; a proclitic
    /// is one letter.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Affixes, Error> {
        let mut a = Affixes::default();
        for row in Tsv::new(file, text, DataFile::Affixes) {
            let row = row?;
            let cells = &row.cells;
            let form = normalize(cells[1]).as_str().trim().to_string();
            if form.is_empty() {
                return Err(row.error("form", Detail::EmptyName(cells[1].to_string())));
            }
            let one_char = || {
                let mut chars = form.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(row.error("form", Detail::Malformed(format!("a proclitic is one letter, not `{form}`")))),
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
                other => return Err(row.error("kind", Detail::Malformed(format!("unknown affix kind `{other}`")))),
            }
        }
        Ok(a)
    }
}
