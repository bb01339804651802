# Type stubs for namyab's extension. The result types live in
# namyab/types.py (real classes, importable at run time).

import os
from typing import Iterable, List, Optional, Sequence, Union, final

from .types import (
    Argument as Argument,
    Entity as Entity,
    EntityType as EntityType,
    Event as Event,
    EventKind as EventKind,
    Evidence as Evidence,
    Extraction as Extraction,
    Member as Member,
    Modality as Modality,
    Relation as Relation,
    Role as Role,
    Span as Span,
    Status as Status,
)

__all__ = [
    "Argument",
    "Entity",
    "EntityType",
    "Event",
    "EventKind",
    "Evidence",
    "Extraction",
    "Extractor",
    "GazetteerError",
    "Member",
    "Modality",
    "Relation",
    "Role",
    "Span",
    "Status",
    "extract",
    "__version__",
]

__version__: str

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

@final
class Extractor:
    """An extractor over the default gazetteers (unless ``defaults=False``)
    and the given gazetteer files (TSV, format in the crate's
    ``gazetteers/README.md``).

    Raises ``OSError`` (``FileNotFoundError``, ...) for a path that cannot be
    opened, and ``GazetteerError`` for a file the loader rejects.
    ``Extractor()`` shares the default extractor instead of building another.
    """

    def __new__(
        cls,
        gazetteers: Sequence[Union[str, os.PathLike[str]]] = ...,
        defaults: bool = True,
    ) -> Extractor: ...
    def extract(self, text: str) -> Extraction:
        """Extracts from one text, with the GIL released."""
    def extract_many(self, texts: Iterable[str], jobs: int = 0) -> List[Extraction]:
        """Extracts from every text on ``jobs`` threads (0: one per core),
        with the GIL released; results in input order."""
    @property
    def entity_count(self) -> int: ...
    @property
    def variant_count(self) -> int: ...
