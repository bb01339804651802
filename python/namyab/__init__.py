"""namyab: named entities, events and relations in Persian and Arabic news.

    >>> import namyab
    >>> text = "وعقد باشينيان وعلييف اجتماعاً في بروكسل"
    >>> [(e["type"], e["id"], text[e["char_start"]:e["char_end"]])
    ...  for e in namyab.extract(text)["entities"]]
    [('PERSON', 'nikol_pashinyan', 'باشينيان'), ('PERSON', 'ilham_aliyev', 'علييف'), ('GPE', 'brussels', 'بروكسل')]

Every result is a dict shaped exactly like the JSON that ``namyab extract``
prints for one document: ``entities``, ``relations`` and ``events``, with
byte offsets (``start``, ``end``, into the UTF-8 text) and char offsets
(``char_start``, ``char_end``, for slicing the Python string).

The spaCy component (``pip install namyab[spacy]``) registers itself as
``nlp.add_pipe("namyab")``; see ``namyab.spacy``.
"""

from ._error import GazetteerError
from ._namyab import Extractor, __version__, extract
from .types import (
    Argument,
    Entity,
    EntityType,
    Event,
    EventKind,
    Evidence,
    Extraction,
    Member,
    Modality,
    Relation,
    Role,
    Span,
    Status,
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
