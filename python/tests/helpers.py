"""Helpers shared by the namyab tests.

The sentences in these tests were written for them; they quote no article.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def check_spans(text, items):
    """Every mention's offsets point at its text: chars into the str, bytes
    into its UTF-8 encoding."""
    data = text.encode("utf-8")
    for e in items:
        assert text[e["char_start"] : e["char_end"]] == e["text"], e
        assert data[e["start"] : e["end"]].decode("utf-8") == e["text"], e


def found(text, x):
    """(type, id, the text at the char span, char_start, char_end) per entity."""
    return [(e["type"], e["id"], text[e["char_start"] : e["char_end"]], e["char_start"], e["char_end"]) for e in x["entities"]]
