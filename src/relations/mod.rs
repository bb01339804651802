//! The relation layer: events (meetings, calls, talks, visits, summits,
//! signings, joint press conferences, mediation) and the `met-with` and
//! `mediated-by` relations derived from them.
//!
//! It reads one per-document analysis ([`doc::Doc`]) that the extractor
//! builds once: the text and its fold, the entities with their folded spans,
//! and the trigger words of `gazetteers/triggers.tsv` found from the same
//! word starts as names. Nothing here folds or matches again.
//!
//! Stages, one module each:
//!
//! 1. [`segment`]: sentences, and the word tests the passes share;
//! 2. [`frames`]: per clause, the passes of [`scope`] (venues, announcers,
//!    topics, sidelines, what a reporting verb reports), [`roles`]
//!    (mediators, hosts), [`participants`] (event mentions and who took
//!    part), [`mention`] (a mention's place, whether it refers back) and
//!    [`status`] (status and modality from each event's own words) make
//!    one frame per event mention;
//! 3. [`merge`]: mentions of one event across the document become one
//!    frame;
//! 4. [`pairs`]: the public [`Event`]s, and the [`Relation`]s derived from
//!    them by the gold conventions.

mod doc;
mod frames;
mod lexicon;
mod mention;
mod merge;
mod pairs;
mod participants;
mod roles;
mod scope;
mod segment;
mod status;
mod types;

pub(crate) use doc::Doc;
pub(crate) use lexicon::{Lexicon, DEFAULT_TRIGGERS};
pub use types::{Argument, Event, EventKind, Evidence, Member, Modality, Relation, RelationType, Role, Status};

/// The events and relations of a document.
pub(crate) fn extract(doc: &Doc<'_>) -> (Vec<Event>, Vec<Relation>) {
    if doc.entities.len() < 2 || !doc.words.iter().any(|w| w.kind.is_event()) {
        return (Vec::new(), Vec::new());
    }
    let mut builder = frames::Builder::new(doc);
    for (n, s) in segment::sentences(doc.text).into_iter().enumerate() {
        builder.sentence(n, s);
    }
    let mut frames = builder.frames;
    merge::merge(&mut frames);
    pairs::derive(doc, &frames)
}
