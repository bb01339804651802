#!/usr/bin/env python3
"""Generate gazetteers/places.tsv from tools/places_overlay.tsv and CLDR.

Run from anywhere:

    pip install -r tools/requirements.txt && python3 tools/gen_places.py

Reads
  tools/places_overlay.tsv        hand rows and every decision a person makes
  gazetteers/people.tsv           \
  gazetteers/organizations.tsv     } names that CLDR may not take
  gazetteers/nationalities.tsv    /
  CLDR through babel (pinned in tools/requirements.txt): territory names and
  time-zone exemplar cities in Persian (fa) and Arabic (ar).
Writes
  gazetteers/places.tsv (deterministic: same inputs, same bytes).

Merging rules
  * Every id and every name of the overlay's hand rows is kept exactly; CLDR
    names are only appended (source becomes `hand+cldr`).
  * A CLDR name is added to an entity only if, folded the way the crate folds
    text, it is not already a name of another entity (places, people,
    organisations, nationalities), not on the overlay's skip list, and not
    wanted by two generated entities at once.
  * A city whose id is a state's id is never emitted; an entity left with no
    name is not emitted.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

try:
    import babel
    from babel import Locale
    from babel.core import get_global
except ImportError:  # pragma: no cover
    sys.exit("gen_places.py needs babel: pip install -r tools/requirements.txt")

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = ROOT / "tools" / "places_overlay.tsv"
OUTPUT = ROOT / "gazetteers" / "places.tsv"
OTHER_FILES = ["people.tsv", "organizations.tsv", "nationalities.tsv"]
BABEL_VERSION = "2.18.0"

COLUMNS = ["id", "type", "fa", "ar", "latin", "affiliation", "metonym_of", "source"]
LANGS = ("fa", "ar")


# --------------------------------------------------------------------------
# Folding: tools/fold.py, the same as src/normalize.rs (tests/cli.rs checks
# that the two agree on every gazetteer name).

from fold import fold, surface  # noqa: E402


# --------------------------------------------------------------------------
# Ids.

# Letters NFKD does not split into a base letter and a mark.
ID_LETTERS = str.maketrans({"ı": "i", "ə": "e", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ð": "d", "þ": "th"})


def make_id(title: str) -> str:
    """The id rule of the gold guidelines: Latin diacritics folded to their
    base letter (NFKD with the combining marks dropped; ı → i, ø → o,
    ß → ss, æ → ae), lower-cased, every run of other characters one `_`, no
    `_` at either end (`Asunción` → `asuncion`)."""
    folded = unicodedata.normalize("NFKD", title.lower().translate(ID_LETTERS))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")


def english_id(name: str) -> str:
    """An id from a CLDR English name: `&` is `and`, `St.` is `Saint`."""
    name = name.replace("&", " and ")
    name = re.sub(r"\bSt\.\s*", "Saint ", name)
    return make_id(name)


# --------------------------------------------------------------------------
# Cleaning CLDR names.

HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
FA_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
AR_LETTERS = {"ی": "ي", "ک": "ك", "پ": "ب", "چ": "تش", "ژ": "ج", "گ": "غ", "ۀ": "ة"}


def clean(name: str, lang: str) -> list[str]:
    """CLDR's spelling -> names as a news text writes them."""
    name = unicodedata.normalize("NFC", name)
    name = re.split(r"[،,]", name)[0]  # "X، منطقهٔ ویژهٔ اداری چین" -> "X"
    name = re.sub(r"\s*\([^)]*\)", "", name)  # parenthetical qualifiers
    name = HARAKAT.sub("", name)  # harakat, hamza above (هٔ -> ه), tatweel
    # ZWNJ and hyphens become spaces: the loader derives the joined spelling
    # from a space, not the spaced one from a joined spelling.
    name = re.sub("[\u200c\u200d\u2010\u2011\u2013-]", " ", name)
    if lang == "fa":
        name = name.translate(FA_LETTERS)
    else:
        name = "".join(AR_LETTERS.get(c, c) for c in name)
    name = re.sub(r"\s+", " ", name).strip()
    if not name or any(c in name for c in "|[]\t"):
        return []
    return [name]


def fix_letters(name: str, lang: str) -> str:
    if lang == "fa":
        return name.translate(FA_LETTERS)
    return "".join(AR_LETTERS.get(c, c) for c in name)


# --------------------------------------------------------------------------
# Reading files.

def data_lines(path: Path):
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield n, line


def read_overlay(path: Path) -> dict[str, list[dict[str, str]]]:
    sections: dict[str, list[dict[str, str]]] = {}
    current = None
    header = None
    for n, line in data_lines(path):
        if line.startswith("@"):
            current = line[1:].strip()
            if current in sections:
                sys.exit(f"{path}:{n}: section @{current} twice")
            sections[current] = []
            header = None
            continue
        if current is None:
            sys.exit(f"{path}:{n}: data before the first @section")
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            sys.exit(f"{path}:{n}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        row = {h: c.strip() for h, c in zip(header, cells)}
        row["_line"] = str(n)
        sections[current].append(row)
    return sections


def read_entity_file(path: Path) -> list[dict[str, str]]:
    rows = []
    header = None
    for _, line in data_lines(path):
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        rows.append({h: c.strip() for h, c in zip(header, cells)})
    return rows


# --------------------------------------------------------------------------


class Entity:
    def __init__(self, row: dict[str, str], hand: bool):
        self.id = row["id"]
        self.type = row.get("type", "GPE")
        self.cells = {c: row.get(c, "") for c in COLUMNS}
        self.hand = hand
        self.added: dict[str, list[str]] = {"fa": [], "ar": []}

    def names(self) -> list[str]:
        out = []
        for col in ("fa", "ar", "latin"):
            out += [surface(n) for n in self.cells[col].split("|") if n.strip()]
        for lang in LANGS:
            out += self.added[lang]
        return out

    def own(self, lang: str) -> set[str]:
        """Folded names that a CLDR name in `lang` would repeat: the names
        of the same column, and every name behind a cue (so an uncued copy
        never undoes a cue). An uncued name of the other column is listed
        again in this one: `باکو` / `باكو`."""
        out = set()
        for col in ("fa", "ar", "latin"):
            for n in self.cells[col].split("|"):
                if n.strip() and (col == lang or "[" in n):
                    out.add(fold(surface(n)))
        out |= {fold(n) for n in self.added[lang]}
        return out

    def row(self) -> list[str]:
        cells = dict(self.cells)
        for lang in LANGS:
            if self.added[lang]:
                cells[lang] = "|".join(([cells[lang]] if cells[lang] else []) + self.added[lang])
        if self.hand:
            cells["source"] = "hand+cldr" if any(self.added.values()) else (cells["source"] or "hand")
        else:
            cells["source"] = "cldr"
        return [cells[c] for c in COLUMNS]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--verbose", "-v", action="store_true", help="log every skipped name")
    args = ap.parse_args()

    if babel.__version__ != BABEL_VERSION:
        print(f"warning: babel {babel.__version__}, pinned {BABEL_VERSION}: output may differ", file=sys.stderr)

    def log(msg: str) -> None:
        if args.verbose:
            print(msg, file=sys.stderr)

    ov = read_overlay(OVERLAY)
    for s in ("territories", "regions", "zones", "capitals", "name_fixes", "skip_names", "entities"):
        if s not in ov:
            sys.exit(f"{OVERLAY}: section @{s} missing")

    # Hand rows.
    entities: dict[str, Entity] = {}
    for row in ov["entities"]:
        if row["id"] in entities:
            sys.exit(f"{OVERLAY}:{row['_line']}: duplicate id {row['id']}")
        entities[row["id"]] = Entity(row, hand=True)

    # Names and ids of the other files.
    other_ids: set[str] = set()
    other_names: dict[str, set[str]] = {}
    for fname in OTHER_FILES:
        for row in read_entity_file(ROOT / "gazetteers" / fname):
            other_ids.add(row["id"])
            for col in ("fa", "ar", "latin"):
                for n in row.get(col, "").split("|"):
                    if surface(n):
                        other_names.setdefault(fold(surface(n)), set()).add(row["id"])

    fixes = {(r["lang"], unicodedata.normalize("NFC", r["cldr"])): [n for n in r["names"].split("|") if n.strip()] for r in ov["name_fixes"]}
    skip_names = {fold(fix_letters(r["name"], r["lang"])) for r in ov["skip_names"]}

    def cldr_names(raw: str | None, lang: str) -> list[str]:
        if not raw:
            return []
        raw = unicodedata.normalize("NFC", raw)
        if (lang, raw) in fixes:
            out = []
            for n in fixes[(lang, raw)]:
                out += clean(n, lang)
            return out
        return clean(raw, lang)

    # Candidates: (entity id, lang, name), in a fixed order.
    candidates: list[tuple[str, str, str]] = []
    new_entities: dict[str, Entity] = {}

    def target(eid: str, etype: str, affiliation: str = "") -> Entity:
        if eid in entities:
            return entities[eid]
        if eid not in new_entities:
            new_entities[eid] = Entity({"id": eid, "type": etype, "affiliation": affiliation}, hand=False)
        return new_entities[eid]

    fa, ar, en = Locale("fa"), Locale("ar"), Locale("en")
    locales = {"fa": fa, "ar": ar}

    # (a) ISO 3166 territories.
    terr_over = {r["code"]: r for r in ov["territories"]}
    code_to_id: dict[str, str] = {}
    for code in sorted(en.territories):
        if not re.fullmatch(r"[A-Z]{2}", code):
            continue
        o = terr_over.get(code, {})
        eid = o.get("id") or english_id(en.territories[code])
        if eid == "-":
            continue
        etype = o.get("type") or "GPE"
        if eid in other_ids:
            log(f"territory {code}: id {eid} is taken in another file, skipped")
            continue
        code_to_id[code] = eid
        e = target(eid, etype, o.get("affiliation", ""))
        for lang in LANGS:
            for n in cldr_names(locales[lang].territories.get(code), lang):
                candidates.append((e.id, lang, n))
    state_ids = set(code_to_id.values())

    # Macro-regions, as LOC.
    for r in ov["regions"]:
        if r["id"] == "-":
            continue
        e = target(r["id"], "LOC")
        for lang in LANGS:
            for n in cldr_names(locales[lang].territories.get(r["code"]), lang):
                candidates.append((e.id, lang, n))

    n_state_candidates = len(candidates)

    # (b) Cities: time-zone exemplar cities.
    zone_terr = get_global("zone_territories")
    aliases = get_global("zone_aliases")
    zone_over = {r["tz"]: r["id"] for r in ov["zones"]}
    capitals = {r["id"]: r["state"] for r in ov["capitals"]}
    def all_type(eid: str) -> str:
        return (entities.get(eid) or new_entities[eid]).type

    zones = sorted(set(fa.time_zones) | set(ar.time_zones) | set(zone_terr))
    city_ids: set[str] = set()
    for tz in zones:
        canon = aliases.get(tz, tz)
        if tz.startswith("Etc/") or zone_over.get(tz) == "-" or zone_over.get(canon) == "-":
            continue
        code = zone_terr.get(canon)
        if code not in code_to_id:
            continue
        state = code_to_id[code]
        if all_type(state) != "GPE":
            continue  # Antarctic stations
        en_city = (en.time_zones.get(tz) or {}).get("city") or (en.time_zones.get(canon) or {}).get("city")
        en_city = en_city or canon.rsplit("/", 1)[-1].replace("_", " ")
        eid = zone_over.get(tz) or zone_over.get(canon) or make_id(en_city)
        raw = {lang: (locales[lang].time_zones.get(tz) or {}).get("city") for lang in LANGS}
        if not any(raw.values()):
            continue  # the names sit under the zone's alias
        if eid in state_ids:
            log(f"zone {tz}: {eid} is a state, skipped")
            continue
        if eid in other_ids:
            log(f"zone {tz}: id {eid} is taken in another file, skipped")
            continue
        if eid in entities and entities[eid].type != "GPE":
            log(f"zone {tz}: {eid} is a hand {entities[eid].type} row, skipped")
            continue
        e = target(eid, "GPE", state)
        city_ids.add(eid)
        if not e.hand and eid in capitals:
            e.cells["metonym_of"] = capitals[eid]
        for lang in LANGS:
            for n in cldr_names(raw[lang], lang):
                candidates.append((e.id, lang, n))

    # Every explicit name already in use, folded -> ids.
    taken: dict[str, set[str]] = {k: set(v) for k, v in other_names.items()}
    for e in entities.values():
        for n in e.names():
            taken.setdefault(fold(n), set()).add(e.id)

    # Territories and regions first, then cities: a city named like its
    # country (Comoro, St. Lucia, Macao) loses the name to the country.
    all_entities = {**entities, **new_entities}
    skipped = 0
    for batch in (candidates[:n_state_candidates], candidates[n_state_candidates:]):
        wanted: dict[str, set[str]] = {}
        for eid, _, n in batch:
            wanted.setdefault(fold(n), set()).add(eid)
        accepted = []
        for eid, lang, n in batch:
            f = fold(n)
            e = all_entities[eid]
            if not f or f in e.own(lang):
                continue  # the entity has it already (or has it behind a cue)
            reason = None
            if f in skip_names:
                reason = "on the skip list"
            elif taken.get(f, set()) - {eid}:
                reason = "names " + ",".join(sorted(taken[f] - {eid}))
            elif len(wanted[f]) > 1:
                reason = "wanted by " + ",".join(sorted(wanted[f]))
            if reason:
                skipped += 1
                log(f"{eid}: {lang} {n}: {reason}")
                continue
            e.added[lang].append(n)
            accepted.append((f, eid))
        for f, eid in accepted:
            taken.setdefault(f, set()).add(eid)

    # Emit.
    rows = []
    for e in all_entities.values():
        if not e.names():
            log(f"{e.id}: no name left, not emitted")
            continue
        for ref in ("affiliation", "metonym_of"):
            v = e.cells[ref]
            if v and v not in all_entities and v not in other_ids:
                sys.exit(f"{e.id}: {ref} {v} is no known id")
        rows.append(e.row())
    rows.sort(key=lambda r: (r[1], r[0]))

    out = [
        "# GENERATED by tools/gen_places.py from tools/places_overlay.tsv and CLDR",
        f"# (babel {babel.__version__}). Do not edit: edit the overlay and rerun",
        "#   pip install -r tools/requirements.txt && python3 tools/gen_places.py",
        "# source: hand = overlay row; cldr = generated; hand+cldr = overlay row",
        "# with names appended from CLDR.",
        "\t".join(COLUMNS),
    ]
    out += ["\t".join(r) for r in rows]
    args.output.write_text("\n".join(out) + "\n", encoding="utf-8")

    # Summary.
    from collections import Counter

    by = Counter((r[1], r[7]) for r in rows)
    emitted = {r[0] for r in rows}
    states = sum(1 for i in state_ids if i in emitted)
    hand_cities = sum(1 for r in rows if r[7] != "cldr" and r[1] == "GPE" and r[0] not in state_ids and r[5])
    gen_cities = sum(1 for r in rows if r[7] == "cldr" and r[0] in city_ids)
    print(f"wrote {args.output.relative_to(ROOT)}: {len(rows)} rows", file=sys.stderr)
    for (t, s), c in sorted(by.items()):
        print(f"  {t:4} {s:10} {c}", file=sys.stderr)
    print(f"  states/territories {states}; cities from CLDR {gen_cities}; "
          f"hand sub-state GPE rows {hand_cities}; CLDR names skipped {skipped}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
