//! The typed output: entities, spans and (in time) relations, all `Serialize`.

use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// The type of an entity, with the OntoNotes labels the gold data uses.
///
/// ```
/// use namyab::EntityType;
/// let text = "به گزارش خبرگزاری تاس، عراقچی و هیئت ایرانی در کاخ کرملین با پوتین دیدار کردند.";
/// let x = namyab::extract(text);
/// let found: Vec<(EntityType, &str)> = x.entities.iter().map(|e| (e.entity_type, &text[e.span.range()])).collect();
/// assert_eq!(found, [
///     (EntityType::Org, "تاس"),
///     (EntityType::Person, "عراقچی"),
///     (EntityType::Norp, "ایرانی"),
///     (EntityType::Fac, "کاخ کرملین"),
///     (EntityType::Person, "پوتین"),
/// ]);
/// // NORP mentions carry no id, but the state they name
/// assert_eq!((x.entities[2].id.as_deref(), x.entities[2].affiliation.as_deref()), (None, Some("iran")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
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
    ///
    /// ```
    /// let text = "التقى السيسي وأردوغان في نيودلهي";
    /// let x = namyab::extract(text);
    /// let labels: Vec<&str> = x.entities.iter().map(|e| e.entity_type.as_str()).collect();
    /// assert_eq!(labels, ["PERSON", "PERSON", "GPE"]);
    /// assert_eq!(namyab::EntityType::Norp.as_str(), "NORP");
    /// ```
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
///
/// ```
/// let text = "عراقچی و لاوروف در مسکو";
/// let x = namyab::extract(text);
/// let span = x.entities[1].span;
/// // each Persian letter is two bytes in UTF-8
/// assert_eq!(span, namyab::Span { start: 16, end: 28, char_start: 9, char_end: 15 });
/// assert_eq!(&text[span.start..span.end], "لاوروف");
/// let chars: String = text.chars().skip(span.char_start).take(span.char_end - span.char_start).collect();
/// assert_eq!(chars, "لاوروف");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
    ///
    /// ```
    /// // the mention as written, with its ZWNJ and harakat
    /// let text = "وصل عبّاس عراقجي إلى كرمان‌شاه";
    /// let x = namyab::extract(text);
    /// let found: Vec<&str> = x.entities.iter().map(|e| &text[e.span.range()]).collect();
    /// assert_eq!(found, ["عبّاس عراقجي", "كرمان‌شاه"]);
    /// assert_eq!(x.entities[0].span.range(), 7..30);
    /// ```
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Writes the four offsets as fields of the struct being serialized
    /// (where a derive would flatten the span).
    pub(crate) fn serialize_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("char_start", &self.char_start)?;
        st.serialize_field("char_end", &self.char_end)
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Entity {
    /// The canonical id (English Wikipedia title in snake case), or `None`
    /// for NORP, DATE and EVENT mentions. Ids, affiliations and metonyms
    /// are shared with the gazetteer, not copied for every mention.
    pub id: Option<Arc<str>>,
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
    pub affiliation: Option<Arc<str>>,
    /// The state a capital stands for when used for its government
    /// (`baku` → `azerbaijan`).
    pub metonym_of: Option<Arc<str>>,
    /// For DATE mentions, the date in ISO 8601 as far as the text says it
    /// (`2020-11-09`, `2022-10`, `1994`); `None` for weekdays and relative
    /// dates.
    pub value: Option<String>,
}

// Written by hand rather than derived: a derived `#[serde(flatten)]` of
// the span serializes every entity through a map, which was most of the
// JSON writer's time. The JSON is the same: `id`, `type`, `text`, the span's
// four offsets, then `affiliation`, `metonym_of` and `value` when present.
impl Serialize for Entity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let present = [&self.affiliation, &self.metonym_of].iter().filter(|o| o.is_some()).count() + usize::from(self.value.is_some());
        let mut st = s.serialize_struct("Entity", 7 + present)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("type", &self.entity_type)?;
        st.serialize_field("text", &self.text)?;
        self.span.serialize_fields(&mut st)?;
        optional_field(&mut st, "affiliation", &self.affiliation)?;
        optional_field(&mut st, "metonym_of", &self.metonym_of)?;
        optional_field(&mut st, "value", &self.value)?;
        st.end()
    }
}

/// Writes `key` when `value` is present, and skips it otherwise.
pub(crate) fn optional_field<S: SerializeStruct, T: Serialize>(st: &mut S, key: &'static str, value: &Option<T>) -> Result<(), S::Error> {
    match value {
        Some(v) => st.serialize_field(key, v),
        None => st.skip_field(key),
    }
}

/// Everything extracted from one text. It reads back from the JSON it
/// writes, and from each line of `namyab extract --format jsonl` (whose
/// `id` or `file` field is ignored), with no types of your own.
///
/// ```
/// let x = namyab::extract("دیدار لاوروف و بایراموف در باکو");
/// let line = format!(r#"{{"id": 7, {}"#, &serde_json::to_string(&x).unwrap()[1..]);
/// let back: namyab::Extraction = serde_json::from_str(&line).unwrap();
/// assert_eq!(back, x);
/// assert_eq!(back.entities[2].id.as_deref(), Some("baku"));
/// assert_eq!(back.relations[0].cameo, "040");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
