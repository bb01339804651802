#!/usr/bin/env python3
"""Generate gazetteers/frequent.tsv: the frequent common words of Persian and
Arabic, the words that are not names.

Run from anywhere:

    pip install -r tools/requirements.txt && python3 tools/gen_frequent.py

Reads
  wordfreq (pinned in tools/requirements.txt): its word lists for `fa` and
      `ar` (https://github.com/rspeer/wordfreq, built from Wikipedia,
      subtitles, news, web text and social media), every word with a Zipf
      frequency of at least ZIPF_MIN (once in a million words is Zipf 3).
  tools/frequent_names.tsv: frequent words a person reviewed and found to be
      names first (ایران, تهران, پوتین, المغرب as a country ...). They are
      marked `name`, so a gazetteer may list them with no cue.
Writes
  gazetteers/frequent.tsv (deterministic): `lang <TAB> word <TAB> zipf <TAB>
  kind`, the word folded as the crate folds text, one line per (lang, folded
  word), the highest Zipf kept; kind is `word` for a common word and `name`
  for a name first (from tools/frequent_names.tsv): the crate needs the
  frequency of names too, to tell `والعراق` (a name with a clitic, less
  frequent than the name) from `باكرا` (a word more frequent than the name
  `اكرا` inside it); `both` for a name first that is also a common word
  (tools/frequent_ambiguous.tsv: Persian مصر "insistent", قطر "diameter").

`--review` prints, instead, the single-word names of the gazetteers (and the
surnames the loader derives from people's names) that the list of their own
column's language holds and that carry no `[cue:…]`: each is either a common word (give it
a cue, or drop it) or a name first (add it to tools/frequent_names.tsv).
`tests/gazetteer.rs` fails on any of them.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fold import fold, surface  # noqa: E402  (the crate's fold, shared)

try:
    import wordfreq
except ImportError:  # pragma: no cover
    sys.exit("gen_frequent.py needs wordfreq: pip install -r tools/requirements.txt")

ROOT = Path(__file__).resolve().parent.parent
NAMES = ROOT / "tools" / "frequent_names.tsv"
AMBIGUOUS = ROOT / "tools" / "frequent_ambiguous.tsv"
OUTPUT = ROOT / "gazetteers" / "frequent.tsv"
GAZETTEERS = ["places.tsv", "people.tsv", "organizations.tsv", "nationalities.tsv"]
WORDFREQ_VERSION = "3.1.1"
ZIPF_MIN = 3.0
LANGS = ("fa", "ar")
ARABIC_WORD = re.compile(r"^[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06D5\u06FA-\u06FF]+$")


def read_names(path: Path = NAMES) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "lang":
            continue
        if len(cells) < 2 or cells[0] not in LANGS:
            sys.exit(f"{path}:{n}: expected `lang<TAB>word<TAB>note` with lang fa or ar, got {line!r}")
        out[cells[0]].add(fold(cells[1]))
    return out


def frequent() -> dict[str, dict[str, float]]:
    """Every frequent Arabic-script word of each language, folded, names
    included, with its highest Zipf frequency."""
    import importlib.metadata

    have = importlib.metadata.version("wordfreq")
    if have != WORDFREQ_VERSION:
        sys.exit(f"wordfreq {have} installed, {WORDFREQ_VERSION} pinned: pip install -r tools/requirements.txt")
    out: dict[str, dict[str, float]] = {}
    for lang in LANGS:
        words: dict[str, float] = {}
        for word in wordfreq.iter_wordlist(lang):
            z = wordfreq.zipf_frequency(word, lang)
            if z < ZIPF_MIN:
                break
            f = fold(word)
            # checked after the fold, which drops ZWNJ (`رسانه‌های`)
            if not ARABIC_WORD.match(f):
                continue
            if len(f) < 2:
                continue
            words[f] = max(words.get(f, 0.0), z)
        out[lang] = words
    return out


def gazetteer_names() -> list[tuple[str, str, str, str]]:
    """(file, id, column language, folded name) of every single-word name
    with no cue."""
    out = []
    for file in GAZETTEERS:
        header = None
        for line in (ROOT / "gazetteers" / file).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            for col in LANGS:
                for name in filter(None, (row.get(col) or "").split("|")):
                    if "[cue:" in name:
                        continue
                    f = fold(surface(name))
                    if " " not in f:
                        out.append((file, row["id"], col, f))
                    elif row.get("type") == "PERSON" and "nopartial" not in (row.get("flags") or ""):
                        # the surname the loader derives
                        out.append((file, row["id"], col, f.rsplit(" ", 1)[1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--review", action="store_true", help="print gazetteer names the list holds, and write nothing")
    args = ap.parse_args()
    names = read_names()
    every = frequent()
    # the common words: names first left out
    words = {lang: {w: z for w, z in every[lang].items() if w not in names[lang]} for lang in LANGS}
    if args.review:
        seen = set()
        for file, id_, lang, name in gazetteer_names():
            if name in words[lang] and (lang, name, id_) not in seen:
                seen.add((lang, name, id_))
                print(f"{lang}\t{name}\t{words[lang][name]:.1f}\t{id_}\t{file}")
        return
    lines = [
        "# GENERATED by tools/gen_frequent.py. Do not edit: edit tools/frequent_names.tsv and rerun",
        "#   pip install -r tools/requirements.txt && python3 tools/gen_frequent.py",
        f"# source: wordfreq {WORDFREQ_VERSION} (https://github.com/rspeer/wordfreq), lists fa and ar,",
        f"# words of Zipf frequency >= {ZIPF_MIN} in Arabic script, folded as the crate folds text,",
        "# kind: `word`, a common word; `name`, a name first (tools/frequent_names.tsv);",
        "# `both`, a name first that is also a common word (tools/frequent_ambiguous.tsv).",
        "lang\tword\tzipf\tkind",
    ]
    both = read_names(AMBIGUOUS)
    for lang in LANGS:
        missing = both[lang] - names[lang]
        if missing:
            sys.exit(f"{AMBIGUOUS}: {sorted(missing)} ({lang}) must also be in {NAMES}")
        for w in sorted(every[lang]):
            kind = ("both" if w in both[lang] else "name") if w in names[lang] else "word"
            lines.append(f"{lang}\t{w}\t{every[lang][w]:.1f}\t{kind}")
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: common words " + ", ".join(f"{lang} {len(words[lang])}" for lang in LANGS))


if __name__ == "__main__":
    main()
