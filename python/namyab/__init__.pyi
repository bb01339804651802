# Type stubs for namyab. The result types mirror the JSON that
# `namyab extract` prints for one document (src/output.rs and
# src/relations/types.rs of the crate); keys marked NotRequired are left out
# when empty, as in the JSON.

import os
from typing import Iterable, List, Literal, Optional, Sequence, Union

from typing_extensions import NotRequired, TypedDict

__version__: str

EntityType = Literal["PERSON", "GPE", "LOC", "ORG", "FAC", "NORP", "DATE", "EVENT"]
Status = Literal["occurred", "planned"]
Modality = Literal["phone", "in_person", "unspecified"]
EventKind = Literal[
    "meeting", "call", "talks", "negotiation", "visit", "summit", "signing", "press_conference", "mediation"
]
Role = Literal["participant", "host", "mediator", "announcer"]

class Span(TypedDict):
    """A half-open range: bytes of the UTF-8 text, and chars of the str."""

    start: int
    end: int
    char_start: int
    char_end: int

class Entity(TypedDict):
    """One mention; ``text[char_start:char_end] == entity["text"]``."""

    id: Optional[str]
    type: EntityType
    text: str
    start: int
    end: int
    char_start: int
    char_end: int
    affiliation: NotRequired[str]
    metonym_of: NotRequired[str]
    value: NotRequired[str]

class Argument(TypedDict):
    """A participant, party or mediator: the mention, with the id it counts as."""

    id: Optional[str]
    type: EntityType
    text: str
    start: int
    end: int
    char_start: int
    char_end: int
    mention_id: NotRequired[str]

class Member(Argument):
    role: Role

class Evidence(TypedDict):
    trigger: Span
    sentence: Span

class Relation(TypedDict):
    """A ``met-with`` pair (``participants``) or a ``mediated-by`` record
    (``parties`` and ``mediators``), derived from ``events[event]``."""

    type: Literal["met-with", "mediated-by"]
    participants: NotRequired[List[Argument]]
    parties: NotRequired[List[Argument]]
    mediators: NotRequired[List[Argument]]
    status: Status
    modality: NotRequired[Modality]
    cameo: str
    trigger: Span
    sentence: Span
    place: Optional[Entity]
    date: Optional[Entity]
    evidence: List[Evidence]
    event: int

class Event(TypedDict):
    kind: EventKind
    members: List[Member]
    status: Status
    modality: NotRequired[Modality]
    cameo: str
    trigger: Span
    sentence: Span
    place: Optional[Entity]
    date: Optional[Entity]
    evidence: List[Evidence]

class Extraction(TypedDict):
    """Everything found in one text."""

    entities: List[Entity]
    relations: List[Relation]
    events: List[Event]

class GazetteerError(ValueError):
    """A gazetteer file holds something the loader rejects; ``str(err)`` is
    namyab's message, naming the file, line, column and value at fault."""

    message: str
    file: str
    line: Optional[int]
    column: Optional[str]
    value: Optional[str]
    def __init__(
        self,
        message: str,
        file: str,
        line: Optional[int] = ...,
        column: Optional[str] = ...,
        value: Optional[str] = ...,
    ) -> None: ...

def extract(text: str) -> Extraction:
    """Extracts from ``text`` with the default gazetteers (the extractor is
    built once, on first use, and shared)."""

class Extractor:
    """An extractor over the default gazetteers (unless ``defaults=False``)
    and the given gazetteer files (TSV, format in the crate's
    ``gazetteers/README.md``).

    Raises ``OSError`` (``FileNotFoundError``, ...) for a path that cannot be
    opened, and ``GazetteerError`` for a file the loader rejects.
    ``Extractor()`` shares the default extractor instead of building another.
    """

    def __init__(
        self,
        gazetteers: Sequence[Union[str, os.PathLike[str]]] = ...,
        defaults: bool = True,
    ) -> None: ...
    def extract(self, text: str) -> Extraction:
        """Extracts from one text, with the GIL released."""
    def extract_many(self, texts: Iterable[str], jobs: int = 0) -> List[Extraction]:
        """Extracts from every text on ``jobs`` threads (0: one per core),
        with the GIL released; results in input order."""
    @property
    def entity_count(self) -> int: ...
    @property
    def variant_count(self) -> int: ...
