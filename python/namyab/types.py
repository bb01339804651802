"""The shapes of namyab's results, for type checkers and readers.

``namyab.extract`` returns plain dicts and lists; these ``TypedDict``
classes describe them. They mirror the JSON that ``namyab extract`` prints
for one document (``src/output.rs`` and ``src/relations/types.rs`` of the
crate): keys that the JSON leaves out when empty are optional here.
"""

from typing import List, Literal, Optional, TypedDict

__all__ = [
    "Argument",
    "Entity",
    "EntityType",
    "Event",
    "EventKind",
    "Evidence",
    "Extraction",
    "Member",
    "Modality",
    "Relation",
    "Role",
    "Span",
    "Status",
]

EntityType = Literal["PERSON", "GPE", "LOC", "ORG", "FAC", "NORP", "DATE", "EVENT"]
Status = Literal["occurred", "planned"]
Modality = Literal["phone", "in_person", "unspecified"]
EventKind = Literal["meeting", "call", "talks", "negotiation", "visit", "summit", "signing", "press_conference", "mediation"]
Role = Literal["participant", "host", "mediator", "announcer"]


class Span(TypedDict):
    """A half-open range: bytes of the UTF-8 text, and chars of the str."""

    start: int
    end: int
    char_start: int
    char_end: int


class _Mention(TypedDict):
    id: Optional[str]
    type: EntityType
    text: str
    start: int
    end: int
    char_start: int
    char_end: int


class Entity(_Mention, total=False):
    """One mention; ``text[e["char_start"]:e["char_end"]] == e["text"]``.
    ``id`` is None for NORP, DATE and EVENT mentions."""

    affiliation: str
    metonym_of: str
    value: str


class Argument(_Mention, total=False):
    """A participant, party or mediator: the mention, with the id it counts
    as (a capital standing for its state: the state's id, its own in
    ``mention_id``)."""

    mention_id: str


class _MemberRole(TypedDict):
    role: Role


class Member(_MemberRole, Argument, total=False):
    """A member of an event: its role and the mention."""


class Evidence(TypedDict):
    trigger: Span
    sentence: Span


class _Statement(TypedDict):
    """The fields relations and events share."""

    status: Status
    cameo: str
    trigger: Span
    sentence: Span
    place: Optional[Entity]
    date: Optional[Entity]
    evidence: List[Evidence]


class _RelationBase(_Statement):
    type: Literal["met-with", "mediated-by"]
    event: int


class Relation(_RelationBase, total=False):
    """A ``met-with`` pair (``participants``) or a ``mediated-by`` record
    (``parties`` and ``mediators``), derived from ``events[event]``."""

    participants: List[Argument]
    parties: List[Argument]
    mediators: List[Argument]
    modality: Modality


class _EventBase(_Statement):
    kind: EventKind
    members: List[Member]


class Event(_EventBase, total=False):
    """A meeting, call, round of talks, visit, summit, signing, joint press
    conference or mediation, with everyone in it and their role."""

    modality: Modality


class Extraction(TypedDict):
    """Everything found in one text."""

    entities: List[Entity]
    relations: List[Relation]
    events: List[Event]
