"""The crate's fold, in Python, for the generators under tools/.

The same as src/normalize.rs (`namyab fold` prints it); tests/cli.rs checks
that the two agree on every name of the gazetteers. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata


def _fold_char(c: str) -> str:
    if c in "يىئ":
        return "ی"
    if c in "كڪ":
        return "ک"
    if c in "ةۀەھ":
        return "ه"
    if c in "أإآٱ":
        return "ا"
    if c == "ؤ":
        return "و"
    o = ord(c)
    if 0x064B <= o <= 0x065F or o == 0x0670 or o == 0x0640:
        return ""
    if c in "\u200c\u200d\u200e\u200f\u061c\ufeff" or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069:
        return ""
    if "۰" <= c <= "۹":
        return chr(ord("0") + o - ord("۰"))
    if "٠" <= c <= "٩":
        return chr(ord("0") + o - ord("٠"))
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFE:
        return "".join(_fold_char(d) for d in unicodedata.normalize("NFKC", c))
    if c.isspace():
        return " "
    return c.lower()


def fold(name: str) -> str:
    """Folds a name (cue marker already removed) as the crate does."""
    out = "".join(_fold_char(c) for c in name)
    return re.sub(r" +", " ", out).strip()


def surface(name: str) -> str:
    """A cell name without its `[cue:…]` marker."""
    i = name.find("[")
    return (name[:i] if i >= 0 else name).strip()


