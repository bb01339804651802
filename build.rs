//! Compiles the default gazetteers (`gazetteers/*.tsv`) into the model
//! snapshot the crate includes, so that the default extractor loads in a
//! few milliseconds instead of compiling them (`src/snapshot.rs`).
//!
//! It includes the crate's own modules that compile the model, and runs
//! the same code the run-time path runs: the TSV files stay the only
//! source, and a snapshot can only differ from a run-time compile if these
//! modules do (the crate's tests compare the two).

// The included modules hold more than the snapshot needs.
#![allow(dead_code, unused_imports)]

#[path = "src/edges.rs"]
mod edges;
#[path = "src/error.rs"]
mod error;
#[path = "src/gazetteer/mod.rs"]
mod gazetteer;
#[path = "src/language.rs"]
mod language;
#[path = "src/matcher.rs"]
mod matcher;
#[path = "src/normalize.rs"]
mod normalize;
#[path = "src/output.rs"]
mod output;
/// `output.rs` names the relation types as `crate::Event` and
/// `crate::Relation`.
#[path = "src/relations/types.rs"]
mod relations;
#[path = "src/snapshot.rs"]
mod snapshot;

use normalize::Normalized;
use relations::{Event, Relation};

fn main() {
    for path in [
        "gazetteers",
        "src/edges.rs",
        "src/error.rs",
        "src/gazetteer",
        "src/language.rs",
        "src/matcher.rs",
        "src/normalize.rs",
        "src/output.rs",
        "src/relations/types.rs",
        "src/snapshot.rs",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let fail = |e: error::Error| -> ! { panic!("the default gazetteers do not compile: {e}") };
    let cues = gazetteer::Cues::parse(gazetteer::DEFAULT_CUES.0, gazetteer::DEFAULT_CUES.1).unwrap_or_else(|e| fail(e));
    let affixes = gazetteer::Affixes::parse(gazetteer::DEFAULT_AFFIXES.0, gazetteer::DEFAULT_AFFIXES.1).unwrap_or_else(|e| fail(e));
    let defaults = snapshot::Defaults::compile(&cues, &affixes).unwrap_or_else(|e| fail(e));
    let (bin, txt) = defaults.write();
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("model.bin"), bin).expect("write model.bin");
    std::fs::write(out.join("model.txt"), txt).expect("write model.txt");
}
