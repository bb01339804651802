#!/usr/bin/env python3
"""Generates the bench corpus `benches/corpus/news.jsonl`.

Sources: the five seed articles (`seeds/*.txt`), the 26 written articles
(`tests/cases/articles.json`) and the 98 relation cases
(`tests/cases/relations.json`). Every text is split into paragraphs; each
corpus article takes one language's pool (Persian or Arabic, alternating) and
draws 3 to 12 paragraphs from it with a seeded PRNG, joined by blank lines.
Articles are added until the corpus holds at least `--bytes` bytes of text
(default 1.3 MB). The same inputs give the same bytes.

Output: one JSON object per line, `{"id": "fa-00001", "text": "…"}`, the
input format of `namyab extract --jobs N`.

Run from any directory: `python3 tools/gen_corpus.py`.
"""
import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs(text):
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]


def seed_lang(text):
    # Persian-only letters say Persian; otherwise Arabic.
    return "fa" if any(c in text for c in "پچژگی") else "ar"


def pools():
    pool = {"fa": [], "ar": []}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pool[seed_lang(text)].extend(paragraphs(text))
    for name in ("articles.json", "relations.json"):
        for case in json.loads((ROOT / "tests/cases" / name).read_text(encoding="utf-8")):
            pool[case["lang"]].extend(paragraphs(case["text"]))
    return pool


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bytes", type=int, default=1_300_000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--output", type=Path, default=ROOT / "benches/corpus/news.jsonl")
    args = ap.parse_args()
    pool = pools()
    rng = random.Random(args.seed)
    total, n, lines = 0, 0, []
    while total < args.bytes:
        lang = "fa" if n % 2 == 0 else "ar"
        n += 1
        k = rng.randint(3, 12)
        text = "\n\n".join(rng.choice(pool[lang]) for _ in range(k)) + "\n"
        total += len(text.encode("utf-8"))
        lines.append(json.dumps({"id": f"{lang}-{n:05d}", "text": text}, ensure_ascii=False))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.output}: {n} articles, {total} bytes of text "
          f"({len(pool['fa'])} fa and {len(pool['ar'])} ar paragraphs to draw from)")


if __name__ == "__main__":
    main()
