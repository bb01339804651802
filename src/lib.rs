//! # namyab (نام‌یاب, "name finder")
//!
//! Reads Persian and Arabic news and finds who and what is named: people,
//! states, cities, regions, organisations, news agencies, nationalities,
//! dates; each mention typed, linked to a canonical id, and placed by exact
//! offsets into the **original** text; and who **met with** whom and who
//! **mediated** between whom.
//!
//! ## Examples
//!
//! ```
//! let text = "«سرگئی لاوروف» وزیر امور خارجه روسیه و جیحون بایراموف روز دوشنبه تلفنی گفت و گو کردند.";
//! let x = namyab::extract(text);
//! let found: Vec<(&str, Option<&str>, &str)> = x
//!     .entities
//!     .iter()
//!     .map(|e| (e.entity_type.as_str(), e.id.as_deref(), &text[e.span.range()]))
//!     .collect();
//! assert_eq!(found, [
//!     ("PERSON", Some("sergey_lavrov"), "سرگئی لاوروف"),
//!     ("GPE", Some("russia"), "روسیه"),
//!     ("PERSON", Some("jeyhun_bayramov"), "جیحون بایراموف"),
//!     ("DATE", None, "دوشنبه"),
//! ]);
//! // byte offsets into the original text, and char offsets for the JSON
//! assert_eq!(x.entities[0].span.start, 2);
//! assert_eq!(x.entities[0].span.char_start, 1);
//! ```
//!
//! Relations carry their arguments, status, modality, CAMEO code and
//! evidence (see [`Relation`]):
//!
//! ```
//! let text = "سال گذشته باکو و ایروان با میانجیگری روسیه و اتحادیه اروپا گفتگو کردند.";
//! let x = namyab::extract(text);
//! let m = x.relations.iter().find(|r| r.relation_type == namyab::RelationType::MediatedBy).unwrap();
//! let parties: Vec<&str> = m.parties.iter().filter_map(|a| a.id.as_deref()).collect();
//! assert_eq!(parties, ["azerbaijan", "armenia"]); // the capitals stand for their states
//! assert_eq!(m.parties[0].mention_id.as_deref(), Some("baku"));
//! let mediators: Vec<&str> = m.mediators.iter().filter_map(|a| a.id.as_deref()).collect();
//! assert_eq!(mediators, ["russia", "european_union"]);
//! ```
//!
//! Relations are derived from **events**: one record per meeting, call,
//! round of talks, visit, summit, signing or joint press conference, with
//! everyone in it and their role, its status and modality, and every
//! mention of it in the document (see [`Event`]). An event reported inside
//! another (a meeting announced during a call, the talks a meeting
//! discussed) is an event of its own:
//!
//! ```
//! use namyab::{EventKind, Role, Status};
//! let text = "کایا کالاس در گفت‌وگوی تلفنی با جیحون بایراموف اطلاع داد که ماه آینده آرارات میرزویان را در بروکسل ملاقات خواهد کرد.";
//! let x = namyab::extract(text);
//! let events: Vec<(EventKind, Status, Vec<&str>)> = x
//!     .events
//!     .iter()
//!     .map(|e| (e.kind, e.status, e.members.iter().filter(|m| m.role == Role::Participant).filter_map(|m| m.argument.id.as_deref()).collect()))
//!     .collect();
//! assert_eq!(events, [
//!     (EventKind::Call, Status::Occurred, vec!["kaja_kallas", "jeyhun_bayramov"]),
//!     (EventKind::Meeting, Status::Planned, vec!["kaja_kallas", "ararat_mirzoyan"]),
//! ]);
//! // no Bayramov–Mirzoyan pair: they were never in one event
//! assert_eq!(x.relations.len(), 2);
//! ```
//!
//! ## Offsets
//!
//! Every [`Span`] is a half-open byte range into the text as given, on char
//! boundaries, so `&text[span.range()]` is the mention as written (with its
//! ZWNJ, harakat and Arabic letters intact), plus the same range in chars
//! (`char_start`, `char_end`) as Python and the gold files count. Attached
//! Arabic proclitics, Persian plural suffixes, descriptors and quotes stay
//! outside: `وعلييف` → `علييف`, `ارمنی‌ها` → `ارمنی`, `خبرگزاری «تاس»` → `تاس`.
//!
//! ## Normalization
//!
//! Matching runs on one context-free fold of the text, the same fold the
//! gazetteer names go through (see [`normalize`]):
//!
//! | input | folded to |
//! |---|---|
//! | `ي` `ى` `ئ` | `ی` |
//! | `ك` `ڪ` | `ک` |
//! | `ة` `ۀ` `ە` `ھ` | `ه` |
//! | `أ` `إ` `آ` `ٱ` | `ا` |
//! | `ؤ` | `و` |
//! | harakat and marks U+064B–U+065F, U+0670; tatweel U+0640 | removed |
//! | ZWNJ, ZWJ, bidi controls (U+200E/F, U+061C, U+202A–E, U+2066–9), BOM | removed |
//! | NBSP and every other Unicode space or line break | one space per run |
//! | Persian `۰`–`۹` and Arabic-Indic `٠`–`٩` digits | ASCII digits |
//! | Arabic presentation forms U+FB50–U+FDFF, U+FE70–U+FEFF | base letters (compatibility decomposition of those characters only) |
//! | Latin capitals | lower case |
//!
//! ## Gazetteers
//!
//! The default gazetteers (`gazetteers/*.tsv`, format in
//! `gazetteers/README.md`) are compiled in and built once, on first use.
//! [`Extractor::builder`] adds files, strings or single entries, and can
//! turn the defaults off; loading errors name the file, line, column and
//! value at fault.
//!
//! ## Performance
//!
//! Single thread, on the project's 2-core build machine, over the 1.3 MB
//! bench corpus (`cargo bench --bench extract`; `BENCHMARKS.md` has every
//! command and the history): the whole pipeline runs at about 11.5 MiB/s
//! (entities alone about 25 MiB/s); the fold at about 119 MiB/s; name
//! matching at about 74 MiB/s. The default gazetteers (5,702 entities,
//! 80,063 name variants) are compiled when the crate is built (`build.rs`),
//! so the default extractor loads in about 22 ms (a whole one-line run of
//! `namyab extract` takes about 37 ms); with gazetteers added, building
//! compiles them all at run time (a one-line run then takes about 95 ms).
//! An [`Extractor`] is shared across threads as is; `namyab extract --jobs
//! N` does that for whole corpora. Every stage is linear in the input,
//! hostile input included.
//!
//! ## Crate features
//!
//! - `cli` (default): the `namyab` command-line tool (`clap`, `serde_json`).
//!   Library users can turn it off with `default-features = false`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod analysis;
mod dates;
mod edges;
mod error;
mod extractor;
mod gazetteer;
mod language;
mod matcher;
mod model;
mod names;
mod normalize;
mod outlets;
mod output;
pub mod perturb;
mod relations;
mod resolve;
mod snapshot;

pub use error::Error;
pub use extractor::{EntityInfo, Extractor, ExtractorBuilder, GazetteerEntry, RoleInfo};
pub use normalize::{normalize, Normalized};
pub use output::{Entity, EntityType, Extraction, Span};
pub use relations::{Argument, Event, EventKind, Evidence, Member, Modality, Relation, RelationType, Role, Status};

use once_cell::sync::Lazy;

static DEFAULT: Lazy<Extractor> = Lazy::new(|| {
    Extractor::builder()
        .build()
        .expect("the default gazetteers compiled into namyab are valid (checked by its test suite)")
});

/// Extracts entities from `text` with the default gazetteers (built once,
/// on first use). Never panics; an empty text gives an empty result.
///
/// ```
/// let text = "وعقد باشينيان وعلييف اجتماعاً في بروكسل";
/// let x = namyab::extract(text);
/// let spans: Vec<&str> = x.entities.iter().map(|e| &text[e.span.range()]).collect();
/// assert_eq!(spans, ["باشينيان", "علييف", "بروكسل"]);
/// assert_eq!(x.entities[1].span.start, 28); // after the joined و
/// assert!(namyab::extract("").entities.is_empty());
/// ```
pub fn extract(text: &str) -> Extraction {
    DEFAULT.extract(text)
}

/// The extractor [`extract`] uses, built from the default gazetteers.
///
/// ```
/// let ex = namyab::default_extractor();
/// let text = "عراقچی و لاوروف روز سه‌شنبه در مسکو دیدار کردند.";
/// let x = ex.extract(text);
/// assert_eq!(x, namyab::extract(text));
/// let found: Vec<(&str, &str)> = x.entities.iter().map(|e| (e.entity_type.as_str(), &text[e.span.range()])).collect();
/// assert_eq!(found, [("PERSON", "عراقچی"), ("PERSON", "لاوروف"), ("DATE", "سه‌شنبه"), ("GPE", "مسکو")]);
/// assert_eq!(ex.entity("moscow").unwrap().metonym_of(), Some("russia"));
/// // built once: every call returns the same extractor
/// assert!(std::ptr::eq(ex, namyab::default_extractor()));
/// ```
pub fn default_extractor() -> &'static Extractor {
    &DEFAULT
}

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
