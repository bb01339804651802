"""namyab as a spaCy pipeline component.

Installed with ``pip install namyab[spacy]``, the component registers itself
through the ``spacy_factories`` entry point, so no import is needed::

    import spacy
    nlp = spacy.blank("ar")
    nlp.add_pipe("namyab")
    doc = nlp("وعقد باشينيان وعلييف اجتماعاً في بروكسل")
    [(ent.text, ent.label_, ent.kb_id_) for ent in doc.ents]
    # [('باشينيان', 'PERSON', 'nikol_pashinyan'), ('علييف', 'PERSON', 'ilham_aliyev'),
    #  ('بروكسل', 'GPE', 'brussels')]

What it does to each ``Doc``:

- splits a token wherever an entity starts or ends inside it (``وعلييف``
  becomes ``و`` + ``علييف``: the joined conjunction stays outside the
  entity), so that every entity falls on token boundaries; the text itself
  never changes, so every offset namyab gives still holds;
- sets ``doc.ents``: the label is namyab's type, ``kb_id_`` its id (empty
  for NORP, DATE and EVENT mentions, which carry none); entities set by
  earlier components are replaced;
- keeps the whole result in ``doc._.namyab``: the dict ``namyab.extract``
  returns, with its ``relations`` and ``events`` (their offsets are char
  offsets into ``doc.text``, as ``doc.char_span`` takes them).

Config: ``gazetteers`` (a list of paths) and ``defaults`` as for
``namyab.Extractor``; ``jobs``, the threads ``nlp.pipe`` uses per batch
(0: one per core).
"""

from bisect import bisect_right
from typing import Dict, Iterable, Iterator, List, Optional, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc, Token

from . import Extraction, Extractor

__all__ = ["NamyabComponent", "make_namyab"]

if not Doc.has_extension("namyab"):
    Doc.set_extension("namyab", default=None)


class NamyabComponent:
    """Sets ``doc.ents`` and ``doc._.namyab`` from namyab's extraction."""

    def __init__(self, extractor: Extractor, jobs: int = 0) -> None:
        self.extractor = extractor
        self.jobs = jobs

    def __call__(self, doc: Doc) -> Doc:
        return self._apply(doc, self.extractor.extract(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Extracts a batch of documents at once, on ``jobs`` threads."""
        batch: List[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._apply_batch(batch)
                batch = []
        if batch:
            yield from self._apply_batch(batch)

    def _apply_batch(self, docs: List[Doc]) -> Iterator[Doc]:
        results = self.extractor.extract_many([d.text for d in docs], jobs=self.jobs)
        for doc, result in zip(docs, results):
            yield self._apply(doc, result)

    @staticmethod
    def _apply(doc: Doc, result: Extraction) -> Doc:
        entities = result["entities"]
        split_at_entity_edges(doc, [(e["char_start"], e["char_end"]) for e in entities])
        spans = []
        for e in entities:
            span = doc.char_span(e["char_start"], e["char_end"], label=e["type"], kb_id=e["id"] or "")
            if span is None:  # cannot happen after the split; say so if it does
                raise RuntimeError(
                    f"namyab: entity {e['text']!r} at chars {e['char_start']}..{e['char_end']} "
                    "does not fall on token boundaries after splitting (please report it)"
                )
            spans.append(span)
        doc.ents = spans
        doc._.namyab = result
        return doc


def split_at_entity_edges(doc: Doc, ranges: Iterable[Tuple[int, int]]) -> None:
    """Splits every token of ``doc`` that an entity starts or ends inside,
    at those char offsets; the text and whitespace stay as they are."""
    cuts: Dict[int, List[int]] = {}
    starts = [t.idx for t in doc]
    for start, end in ranges:
        for at in (start, end):
            i = _token_at(doc, starts, at)
            if i is not None:
                cuts.setdefault(i, []).append(at - doc[i].idx)
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            token = doc[i]
            edges = [0] + sorted(set(offsets)) + [len(token.text)]
            orths = [token.text[a:b] for a, b in zip(edges, edges[1:])]
            # Each new piece hangs on the first (no parser has run yet; a
            # later parser sets its own heads).
            heads: List[Union[Token, Tuple[Token, int]]] = [(token, 0)] * len(orths)
            retokenizer.split(token, orths, heads=heads)


def _token_at(doc: Doc, starts: List[int], at: int) -> Optional[int]:
    """The index of the token that char offset ``at`` falls strictly inside
    (not at its first char), or None."""
    i = bisect_right(starts, at) - 1
    if i < 0:
        return None
    token = doc[i]
    if token.idx < at < token.idx + len(token.text):
        return i
    return None


@Language.factory(
    "namyab",
    default_config={"gazetteers": [], "defaults": True, "jobs": 0},
    assigns=["doc.ents", "doc._.namyab", "token.ent_iob", "token.ent_type"],
)
def make_namyab(nlp: Language, name: str, gazetteers: List[str], defaults: bool, jobs: int) -> NamyabComponent:
    """The factory behind ``nlp.add_pipe("namyab", config={...})``."""
    return NamyabComponent(Extractor(gazetteers=gazetteers, defaults=defaults), jobs=jobs)
