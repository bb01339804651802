//! Gazetteer files: parsing, validation, and the variants the loader derives.
//!
//! The file format is described in `gazetteers/README.md`. This module turns
//! files into [`Record`]s, checks them as a whole (unique ids, resolvable
//! references, name clashes), and compiles them into a table of folded
//! patterns, each pointing at the entities it names ([`Compiled`]).
//!
//! - [`tsv`]: the one reader of every data file of the crate, entity files
//!   and the others (`cues.tsv`, `dates.tsv`, `titles.tsv` …), each with
//!   its columns ([`DataFile`]);
//! - [`entities`]: the rows of an entity file as [`Record`]s (ids, types,
//!   names, flags, dated offices);
//! - [`cues`] and [`affixes`]: `cues.tsv` and `affixes.tsv`;
//! - [`variants`]: the spellings derived from a name (spacing, the letters
//!   of Arabic-alphabet writers, surnames, nationality forms);
//! - [`compile`](mod@compile): the checks over all records and the pattern
//!   table.

mod affixes;
mod compile;
mod cues;
mod entities;
mod tsv;
mod variants;

pub(crate) use affixes::{Affixes, DEFAULT_AFFIXES};
pub(crate) use compile::{compile, Compiled, VariantKind, VariantRef};
pub(crate) use cues::{CuePosition, Cues, DEFAULT_CUES};
pub(crate) use entities::{check_id, parse_entities, parse_name, Lang, Name, Origin, Record, Role, DEFAULT_FILES};
pub(crate) use tsv::{DataFile, Tsv};
pub(crate) use variants::{fold_name, space_variants};
