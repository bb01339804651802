//! The typed output: entities, spans and (in time) relations, all `Serialize`.

use serde::Serialize;
use std::fmt;

/// The type of an entity, with the OntoNotes labels the gold data uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    /// A named person, full or partial name.
    #[serde(rename = "PERSON")]
    Person,
    /// A state, city, province or district.
    #[serde(rename = "GPE")]
    Gpe,
    /// A non-political region, continent or sea.
    #[serde(rename = "LOC")]
    Loc,
    /// A named organisation or news agency.
    #[serde(rename = "ORG")]
    Org,
    /// A named building or facility.
    #[serde(rename = "FAC")]
    Fac,
    /// A nationality or ethnic adjective or plural.
    #[serde(rename = "NORP")]
    Norp,
    /// A calendar date, month, year or weekday.
    #[serde(rename = "DATE")]
    Date,
    /// A named event.
    #[serde(rename = "EVENT")]
    Event,
}

impl EntityType {
    /// The label, as in the JSON output (`"PERSON"`, `"GPE"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Date => "DATE",
            EntityType::Event => "EVENT",
        }
    }

    /// Parses a label as written in gazetteer files (DATE is not one: dates
    /// are recognised by rule).
    pub(crate) fn from_label(s: &str) -> Option<EntityType> {
        Some(match s {
            "PERSON" => EntityType::Person,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            "ORG" => EntityType::Org,
            "FAC" => EntityType::Fac,
            "NORP" => EntityType::Norp,
            "EVENT" => EntityType::Event,
            _ => return None,
        })
    }

    /// Whether mentions of this type carry an id in the output (NORP, DATE
    /// and EVENT mentions do not, as the gold guidelines say).
    pub(crate) fn is_linked(self) -> bool {
        !matches!(self, EntityType::Norp | EntityType::Date | EntityType::Event)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a mention stands in the original text: a half-open byte range
/// (`start..end`, always on char boundaries, so `&text[start..end]` is the
/// mention) and the same range in Unicode scalar values (`char_start`,
/// `char_end`), as Python and the gold files count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Char offset of the first char.
    pub char_start: usize,
    /// Char offset one past the last char.
    pub char_end: usize,
}

impl Span {
    /// The byte range, for slicing the original text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// One entity mention found in a text.
///
/// ```
/// let text = "دیدار لاوروف و بایراموف";
/// let x = namyab::extract(text);
/// let e = &x.entities[0];
/// assert_eq!(e.id.as_deref(), Some("sergey_lavrov"));
/// assert_eq!(e.entity_type, namyab::EntityType::Person);
/// assert_eq!(&text[e.span.range()], "لاوروف");
/// assert_eq!(e.span.start, 11);
/// assert_eq!(e.span.char_start, 6);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The canonical id (English Wikipedia title in snake case), or `None`
    /// for NORP, DATE and EVENT mentions.
    pub id: Option<String>,
    /// The entity type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// The mention exactly as it stands in the original text.
    pub text: String,
    /// Where the mention stands in the original text.
    #[serde(flatten)]
    pub span: Span,
    /// The state or organisation the entity belongs to, from the gazetteer
    /// (for a NORP mention, the state whose nationality it names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// The state a capital stands for when used for its government
    /// (`baku` → `azerbaijan`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metonym_of: Option<String>,
    /// For DATE mentions, the date in ISO 8601 as far as the text says it
    /// (`2020-11-09`, `2022-10`, `1994`); `None` for weekdays and relative
    /// dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Everything extracted from one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// Entity mentions, sorted by start offset, never overlapping.
    pub entities: Vec<Entity>,
    /// Relations between entities (`met-with`, `mediated-by`), each
    /// derived from one of `events`.
    pub relations: Vec<crate::Relation>,
    /// Events (meetings, calls, talks, visits, summits, signings, joint
    /// press conferences, mediation) with all their members and roles.
    pub events: Vec<crate::Event>,
}
