//! Relations between entities: the types of the output.
//!
//! The rule layer that fills them (`met-with`, `mediated-by`) builds on the
//! entity pipeline; until it lands, [`Extraction::relations`](crate::Extraction)
//! is always empty, and the types below fix the shape it will have.

use crate::output::{Entity, Span};
use serde::Serialize;

/// The kind of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum RelationType {
    /// Two or more participants met, talked by phone, or held talks.
    #[serde(rename = "met-with")]
    MetWith,
    /// A third party mediated, brokered, hosted or sponsored talks or an
    /// agreement between parties.
    #[serde(rename = "mediated-by")]
    MediatedBy,
}

/// Whether a relation took place or is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It took place.
    Occurred,
    /// It is announced, intended or offered.
    Planned,
}

/// How a meeting took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// By telephone.
    Phone,
    /// Face to face.
    InPerson,
    /// The text does not say.
    Unspecified,
}

/// A relation between entity mentions, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// `met-with` or `mediated-by`.
    #[serde(rename = "type")]
    pub relation_type: RelationType,
    /// For `met-with`: the participants.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Entity>,
    /// For `mediated-by`: the parties between whom a third party mediated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Entity>,
    /// For `mediated-by`: the mediators.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mediators: Vec<Entity>,
    /// Whether it took place or is planned.
    pub status: Status,
    /// For `met-with`: how the meeting took place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// The CAMEO event code (040 consult, 041 telephone, 042/043 visit/host,
    /// 046 negotiate, 045 mediate).
    pub cameo: &'static str,
    /// The trigger word or phrase.
    pub trigger: Span,
    /// The sentence that states the relation.
    pub sentence: Span,
    /// Where the same clause says it took place.
    pub place: Option<Entity>,
    /// When the same clause says it took place.
    pub date: Option<Entity>,
}
