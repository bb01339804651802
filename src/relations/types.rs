//! The relation layer's output types: events (n-ary, with roles) and the
//! relations (pairs) derived from them.

use crate::output::{optional_field, Entity, EntityType, Span};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The kind of a relation.
///
/// ```
/// use namyab::RelationType;
/// let x = namyab::extract("جرت محادثات بين أذربيجان وأرمينيا بوساطة روسيا في موسكو.");
/// let kinds: Vec<RelationType> = x.relations.iter().map(|r| r.relation_type).collect();
/// assert_eq!(kinds, [RelationType::MetWith, RelationType::MediatedBy]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub enum RelationType {
    /// Two or more participants met, talked by phone, or held talks.
    #[serde(rename = "met-with")]
    MetWith,
    /// A third party mediated, brokered, hosted or sponsored talks or an
    /// agreement between parties.
    #[serde(rename = "mediated-by")]
    MediatedBy,
}

impl RelationType {
    /// The name users know it by: `met-with` or `mediated-by`.
    ///
    /// ```
    /// let text = "عراقچی و فیدان با میانجیگری قطر در دوحه گفتگو کردند.";
    /// let x = namyab::extract(text);
    /// let kinds: Vec<&str> = x.relations.iter().map(|r| r.relation_type.as_str()).collect();
    /// assert_eq!(kinds, ["met-with", "mediated-by"]);
    /// assert_eq!(&text[x.relations[1].trigger.range()], "با میانجیگری");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::MetWith => "met-with",
            RelationType::MediatedBy => "mediated-by",
        }
    }
}

/// Whether a relation took place or is planned.
///
/// ```
/// use namyab::Status;
/// let text = "قرار است عراقچی هفته آینده به مسکو سفر کند و با لاوروف دیدار کند.";
/// let x = namyab::extract(text);
/// assert_eq!(x.events[0].status, Status::Planned);
/// assert_eq!(x.relations[0].status, Status::Planned);
/// assert_eq!(&text[x.events[0].trigger.range()], "سفر");
/// let x = namyab::extract("عراقچی و لاوروف در مسکو دیدار کردند.");
/// assert_eq!(x.relations[0].status, Status::Occurred);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It took place.
    Occurred,
    /// It is announced, intended or offered.
    Planned,
}

impl Status {
    /// The name used in the JSON output: `occurred` or `planned`.
    ///
    /// ```
    /// let x = namyab::extract("قرار است لاوروف و بایراموف هفته آینده در باکو دیدار کنند.");
    /// assert_eq!(x.relations[0].status.as_str(), "planned");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
        }
    }
}

/// How a meeting took place.
///
/// ```
/// use namyab::Modality;
/// let text = "أجرى عباس عراقجي اتصالاً هاتفياً مع سيرغي لافروف يوم الأحد.";
/// let x = namyab::extract(text);
/// assert_eq!(x.relations[0].modality, Some(Modality::Phone));
/// assert_eq!(&text[x.relations[0].trigger.range()], "اتصالاً هاتفياً");
/// assert_eq!(x.relations[0].trigger.range(), 31..60);
/// let x = namyab::extract("عراقچی و لاوروف در مسکو دیدار کردند.");
/// assert_eq!(x.relations[0].modality, Some(Modality::InPerson));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// By telephone.
    Phone,
    /// Face to face.
    InPerson,
    /// The text does not say.
    Unspecified,
}

impl Modality {
    /// The name used in the JSON output: `phone`, `in_person` or
    /// `unspecified`.
    ///
    /// ```
    /// let x = namyab::extract("لاوروف و بایراموف تلفنی گفتگو کردند.");
    /// assert_eq!(x.relations[0].modality.map(|m| m.as_str()), Some("phone"));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Phone => "phone",
            Modality::InPerson => "in_person",
            Modality::Unspecified => "unspecified",
        }
    }
}

/// A relation argument: the entity mention it rests on. A capital standing
/// for its state (`باکو` for Azerbaijan) carries the state's id, and the
/// capital's in `mention_id`; a person named in no gazetteer has no id and is
/// known by the text (as `score.py` compares such arguments).
///
/// ```
/// let text = "باکو و ایروان در ژنو مذاکره کردند.";
/// let x = namyab::extract(text);
/// let baku = &x.relations[0].participants[0];
/// assert_eq!(baku.id.as_deref(), Some("azerbaijan"));
/// assert_eq!(baku.mention_id.as_deref(), Some("baku"));
/// assert_eq!(baku.entity_type, namyab::EntityType::Gpe);
/// assert_eq!((baku.text.as_str(), &text[baku.span.range()]), ("باکو", "باکو"));
/// let yerevan = &x.relations[0].participants[1];
/// assert_eq!((yerevan.id.as_deref(), yerevan.mention_id.as_deref()), (Some("armenia"), Some("yerevan")));
/// assert_eq!((yerevan.span.start, yerevan.span.char_start), (12, 7));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Argument {
    /// The entity id the relation is about, `None` for a person named in no
    /// gazetteer.
    pub id: Option<Arc<str>>,
    /// The type of the mention.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// The mention as it stands in the text.
    pub text: String,
    /// Where the mention stands.
    #[serde(flatten)]
    pub span: Span,
    /// The mention's own id where it differs from `id` (a capital).
    pub mention_id: Option<Arc<str>>,
}

impl Argument {
    /// The argument's fields, in the order of its JSON object; a member
    /// writes them after its role.
    fn serialize_fields<S: SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field("id", &self.id)?;
        st.serialize_field("type", &self.entity_type)?;
        st.serialize_field("text", &self.text)?;
        self.span.serialize_fields(st)?;
        optional_field(st, "mention_id", &self.mention_id)
    }

    fn field_count(&self) -> usize {
        7 + usize::from(self.mention_id.is_some())
    }
}

// By hand, not derived with `#[serde(flatten)]` of the span (see `Entity`):
// the same JSON without a map per argument.
impl Serialize for Argument {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Argument", self.field_count())?;
        self.serialize_fields(&mut st)?;
        st.end()
    }
}

/// Where the text states a relation: the trigger and its sentence.
///
/// ```
/// let text = "عراقچی و فیدان روز دوشنبه در آنکارا دیدار کردند. دو وزیر در این دیدار درباره قفقاز گفتگو کردند.";
/// let x = namyab::extract(text);
/// // one meeting, stated twice
/// assert_eq!(x.relations.len(), 1);
/// let evidence = &x.relations[0].evidence;
/// let stated: Vec<(&str, std::ops::Range<usize>)> = evidence.iter().map(|e| (&text[e.trigger.range()], e.sentence.range())).collect();
/// assert_eq!(stated, [("دیدار کردند", 0..87), ("دیدار", 87..171)]);
/// assert_eq!(&text[evidence[0].sentence.range()], "عراقچی و فیدان روز دوشنبه در آنکارا دیدار کردند.");
/// assert_eq!((evidence[1].sentence.char_start, evidence[1].sentence.char_end), (48, 95));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// The trigger word or phrase.
    pub trigger: Span,
    /// The sentence.
    pub sentence: Span,
}

/// A relation between entity mentions, with its evidence.
///
/// ```
/// let text = "وعقد باشينيان وعلييف اجتماعاً في بروكسل برعاية رئيس المجلس الأوروبي شارل ميشال.";
/// let x = namyab::extract(text);
/// let kinds: Vec<&str> = x.relations.iter().map(|r| r.relation_type.as_str()).collect();
/// // the two leaders met; Michel, who sponsored the meeting, met each of
/// // them; and he mediated between them
/// assert_eq!(kinds, ["met-with", "met-with", "met-with", "mediated-by"]);
/// let met = &x.relations[0];
/// let who: Vec<&str> = met.participants.iter().filter_map(|a| a.id.as_deref()).collect();
/// assert_eq!(who, ["nikol_pashinyan", "ilham_aliyev"]);
/// assert_eq!(met.modality, Some(namyab::Modality::InPerson));
/// assert_eq!(&text[met.trigger.range()], "اجتماعاً");
/// assert_eq!(met.place.as_ref().map(|p| p.text.as_str()), Some("بروكسل"));
/// let mediation = &x.relations[3];
/// assert_eq!(mediation.mediators[0].id.as_deref(), Some("charles_michel"));
/// assert_eq!(mediation.cameo, "045");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Relation {
    /// `met-with` or `mediated-by`.
    #[serde(rename = "type")]
    pub relation_type: RelationType,
    /// For `met-with`: the participants.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Argument>,
    /// For `mediated-by`: the parties between whom a third party mediated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Argument>,
    /// For `mediated-by`: the mediators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mediators: Vec<Argument>,
    /// Whether it took place or is planned.
    pub status: Status,
    /// For `met-with`: how the meeting took place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// The CAMEO event code: 040 consult (meeting), 041 telephone, 043 host,
    /// 045 mediate, 046 negotiate.
    #[serde(deserialize_with = "cameo_code")]
    pub cameo: Cameo,
    /// The trigger of the first statement.
    pub trigger: Span,
    /// The sentence of the first statement.
    pub sentence: Span,
    /// Where the first statement's sentence says it took place.
    pub place: Option<Entity>,
    /// When the first statement's sentence says it took place.
    pub date: Option<Entity>,
    /// Every statement of the same relation in the document.
    pub evidence: Vec<Evidence>,
    /// The index in [`Extraction::events`](crate::Extraction::events) of
    /// the event this relation was derived from (the first, when several
    /// events give the same relation).
    pub event: usize,
}

/// What kind of event an event mention reports, from its trigger word.
///
/// ```
/// use namyab::EventKind;
/// let kind = |text: &str| namyab::extract(text).events[0].kind;
/// assert_eq!(kind("أجرى عباس عراقجي اتصالاً هاتفياً مع سيرغي لافروف."), EventKind::Call);
/// assert_eq!(kind("باکو و ایروان در ژنو مذاکره کردند."), EventKind::Negotiation);
/// assert_eq!(kind("قرار است عراقچی به مسکو سفر کند و با لاوروف دیدار کند."), EventKind::Visit);
/// let text = "التقى السيسي وأردوغان في قمة مجموعة العشرين في نيودلهي يوم 9 سبتمبر 2023.";
/// let summit = &namyab::extract(text).events[0];
/// assert_eq!(summit.kind, EventKind::Summit);
/// assert_eq!(summit.date.as_ref().and_then(|d| d.value.as_deref()), Some("2023-09-09"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A meeting or reception (`دیدار`, `لقاء`, `استقبل`).
    Meeting,
    /// A telephone call (`تماس تلفنی`, `اتصال هاتفي`).
    Call,
    /// Talks, consultations or an exchange of views (`گفتگو`, `محادثات`).
    Talks,
    /// Negotiations (`مذاکرات`, `مفاوضات`).
    Negotiation,
    /// A visit (`زيارة`).
    Visit,
    /// A summit or multilateral session (`اجلاس`, `قمة`).
    Summit,
    /// A document signed together (`امضا کردند`, `وقع الجانبان`).
    Signing,
    /// A joint press conference (`نشست خبری مشترک`, `مؤتمر صحفي مشترك`).
    PressConference,
    /// Mediation named with no meeting word of its own (`الوساطة بين`).
    Mediation,
}

impl EventKind {
    /// The name used in the JSON output: `meeting`, `call`, `talks`, …
    ///
    /// ```
    /// assert_eq!(namyab::EventKind::PressConference.as_str(), "press_conference");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Call => "call",
            EventKind::Talks => "talks",
            EventKind::Negotiation => "negotiation",
            EventKind::Visit => "visit",
            EventKind::Summit => "summit",
            EventKind::Signing => "signing",
            EventKind::PressConference => "press_conference",
            EventKind::Mediation => "mediation",
        }
    }
}

/// What a mention does in an event.
///
/// ```
/// use namyab::Role;
/// let text = "به گفته لاوروف، عراقچی و فیدان در آنکارا دیدار کردند.";
/// let x = namyab::extract(text);
/// let roles: Vec<(Role, &str)> = x.events[0].members.iter().map(|m| (m.role, &text[m.argument.span.range()])).collect();
/// // Lavrov reported the meeting; he was not in it
/// assert_eq!(roles, [(Role::Participant, "عراقچی"), (Role::Participant, "فیدان"), (Role::Announcer, "لاوروف")]);
/// assert_eq!(x.relations.len(), 1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Takes part: met, talked, signed.
    Participant,
    /// Receives the others and takes part (`X میزبان A و B بود`).
    Host,
    /// Mediates, sponsors or hosts talks between the participants without
    /// being a side (`با میانجیگری`, `برعاية`).
    Mediator,
    /// Named only as the one who announced, reported or commented on the
    /// event (`به گفته`, `كشف … أن`): never a participant.
    Announcer,
}

impl Role {
    /// The name used in the JSON output: `participant`, `host`, `mediator`
    /// or `announcer`.
    ///
    /// ```
    /// // the host of talks between others mediates them
    /// let x = namyab::extract("وزیر خارجه ترکیه میزبان لاوروف و بایراموف در آنتالیا بود.");
    /// let roles: Vec<&str> = x.events[0].members.iter().map(|m| m.role.as_str()).collect();
    /// assert_eq!(roles, ["participant", "participant", "mediator"]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Participant => "participant",
            Role::Host => "host",
            Role::Mediator => "mediator",
            Role::Announcer => "announcer",
        }
    }
}

/// A mention with its role in an event.
///
/// ```
/// use namyab::Role;
/// let text = "جرت محادثات بين أذربيجان وأرمينيا بوساطة روسيا في موسكو.";
/// let x = namyab::extract(text);
/// let russia = &x.events[0].members[2];
/// assert_eq!(russia.role, Role::Mediator);
/// assert_eq!(russia.argument.id.as_deref(), Some("russia"));
/// assert_eq!(&text[russia.argument.span.range()], "روسيا");
/// assert_eq!(russia.argument.span, namyab::Span { start: 76, end: 86, char_start: 41, char_end: 46 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// What the mention does in the event.
    pub role: Role,
    /// The mention.
    #[serde(flatten)]
    pub argument: Argument,
}

// The role, then the argument's fields in the same object.
impl Serialize for Member {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Member", 1 + self.argument.field_count())?;
        st.serialize_field("role", &self.role)?;
        self.argument.serialize_fields(&mut st)?;
        st.end()
    }
}

/// One event a document reports — a meeting, call, round of talks, visit,
/// summit, signing or joint press conference — with everyone in it and
/// their roles. Mentions of the same event across the document (`the
/// meeting`, `خلال الاتصال` in a later sentence) are merged into one event
/// and share its status and modality; [`Relation`]s are the pairs derived
/// from events.
///
/// ```
/// use namyab::{EventKind, Role, Status};
/// let text = "نیکول پاشینیان در گفت‌وگوی تلفنی با امانوئل مکرون درباره دیدار اخیر خود با الهام علیف توضیح داد.";
/// let x = namyab::extract(text);
/// // two events: the call, and the meeting it was about
/// assert_eq!(x.events.len(), 2);
/// let call = &x.events[0];
/// assert_eq!((call.kind, call.status), (EventKind::Call, Status::Occurred));
/// assert_eq!(&text[call.trigger.range()], "گفت‌وگوی تلفنی");
/// let who: Vec<(Role, &str)> = call.members.iter().map(|m| (m.role, &text[m.argument.span.range()])).collect();
/// assert_eq!(who, [(Role::Participant, "نیکول پاشینیان"), (Role::Participant, "امانوئل مکرون")]);
/// let meeting = &x.events[1];
/// assert_eq!(meeting.kind, EventKind::Meeting);
/// let ids: Vec<&str> = meeting.members.iter().filter_map(|m| m.argument.id.as_deref()).collect();
/// assert_eq!(ids, ["nikol_pashinyan", "ilham_aliyev"]);
/// // Macron was on the phone, not at the meeting: no Macron–Aliyev pair
/// assert_eq!(x.relations.len(), 2);
/// assert_eq!(x.relations[1].event, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// What kind of event.
    pub kind: EventKind,
    /// Everyone in it, participants first, each with a role.
    pub members: Vec<Member>,
    /// Whether it took place or is planned.
    pub status: Status,
    /// How it took place, when it is a meeting of its participants
    /// (`None` for a mediation named with no meeting word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// The CAMEO event code of its strongest trigger: 040 consult, 041
    /// telephone, 042 visit, 043 host, 045 mediate, 046 negotiate, 057 sign.
    #[serde(deserialize_with = "cameo_code")]
    pub cameo: Cameo,
    /// The trigger of its first mention.
    pub trigger: Span,
    /// The sentence of its first mention.
    pub sentence: Span,
    /// Where the text says it took place.
    pub place: Option<Entity>,
    /// When the text says it took place.
    pub date: Option<Entity>,
    /// Every mention of it in the document.
    pub evidence: Vec<Evidence>,
}

/// A CAMEO code, `&'static str`: spelt as an alias so that serde's derive
/// reads it with `cameo_code` rather than borrowing from the input.
type Cameo = &'static str;

/// The CAMEO codes the crate writes; reading one back gives the same
/// `&'static str`.
const CAMEO_CODES: &[&str] = &["040", "041", "042", "043", "045", "046", "057"];

fn cameo_code<'de, D: serde::Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    CAMEO_CODES
        .iter()
        .find(|c| **c == code)
        .copied()
        .ok_or_else(|| serde::de::Error::custom(format!("unknown CAMEO code `{code}`; namyab writes {}", CAMEO_CODES.join(", "))))
}
