#!/usr/bin/env python3
"""General-news check (issue 11): how often is what namyab finds a name at all?

Purpose
    namyab is tuned on its own seeds.  This tool measures it on public,
    hand-annotated NER corpora it was never tuned on:

    * type-agnostic precision: a predicted span counts as correct when it
      overlaps any gold span of ANY label (the corpora's label sets differ
      from ours, so the type is not asked to agree); also reported for our
      name types only (DATE predictions left out);
    * PERSON recall: the share of gold person spans overlapped by a
      predicted PERSON ("people found at least 15% of the time");
    * gold-span recall: the share of gold spans overlapped by any prediction.

Sources (third-party text: it NEVER enters the repository)
    ar  Wojood sample, SinaLab/ArabicNER data/{train,val,test}.txt (MIT
        LICENSE in that repository; the full corpus is only given on
        request).  CoNLL-like: token, then one BIO tag per nesting level,
        outer first; `$#$` is a marker token (dropped).  Mixes MSA and
        dialect and several domains; segments are reported as a whole and
        split into "msa_looking" / "dialect_looking" by a small list of
        dialect words, and "marked" (segments carrying `$#$`: article
        paragraphs in this sample).
    fa  PEYMA (Shahshahani et al. 2018, news; "free for research purposes"),
        as copied into overfit-ir/persian-twitter-ner
        ner_data/peyma/{train,dev,test}.txt (that repository: MIT).  One
        `token|TAG` per line, tags B_ORG/I_ORG, B_PER, B_LOC, B_DAT, B_TIM,
        B_MON, B_PCT.  Only the PEYMA files of that repository are read.
    ARMAN and ANERcorp are deliberately NOT used (kept for an independent
    check).

    Each corpus is read with git from a pinned commit of a local mirror,
    /work/.mirror/OWNER+REPO/repo (root overridable by NAMYAB_MIRROR_ROOT;
    a git dir per corpus by NAMYAB_WOJOOD_GIT / NAMYAB_PEYMA_GIT; the commit
    by NAMYAB_WOJOOD_COMMIT / NAMYAB_PEYMA_COMMIT).  Without a mirror the
    repository is cloned into target/general_news_cache/ (git-ignored).

How to run (from anywhere; paths default relative to the repository)
    python3 tools/general_news.py prepare [--out DIR]
        writes DIR/ar.jsonl, DIR/fa.jsonl and DIR/manifest.json
        (default DIR: target/general_news/).  A record is a group of
        consecutive segments (sentences) of one file, up to ~2,000
        characters, tokens joined by a space, segments by a newline:
        {"id", "lang", "split", "subset", "text", "segments",
         "spans": [{"start", "end", "label"}]}  (UTF-8 byte offsets,
        half-open, into "text"; label as the corpus writes it, "_" -> "-").
    python3 tools/general_news.py score [--bin target/release/namyab]
            [--dir target/general_news] [--errors FILE] [--missed FILE]
            [--json]
        runs `namyab extract --input jsonl --format jsonl --jobs 0` over
        every record and prints the numbers per language (and subset).
        --json prints them as one JSON object (schema below) instead.
        --errors FILE writes every false positive (a prediction overlapping
        no gold span), grouped by predicted string, most frequent first,
        with type, id and 40 characters of context; --missed FILE writes
        the gold person spans no PERSON overlapped.  FILE ending in .json
        gets JSON, anything else text.  These files quote the corpora, so
        they must be written outside the repository (or in an ignored
        directory such as target/): anything else is refused.

JSON schema (score --json), schema 1
    {"schema": 1, "binary": str, "binary_version": str|null, "dir": str,
     "languages": {LANG: METRICS + {"subsets": {NAME: METRICS}}}}
    METRICS = {"records", "gold_spans", "predictions", "predictions_names",
      "correct_any", "precision_any", "correct_names", "precision_names",
      "precision_names_strict", "annotated_types", "predictions_annotated",
      "precision_annotated", "typed_precision",
      "person_gold", "person_found", "person_recall",
      "gold_found", "gold_recall", "gold_ours", "gold_ours_found",
      "gold_ours_recall", "offset_mismatches", "missing_records",
      "by_pred_type": {TYPE: {"n", "correct", "precision"}},
      "by_gold_label": {LABEL: {"n", "found", "recall", "found_typed"}}}
    precision_names: non-DATE predictions overlapping any gold span;
    precision_names_strict: non-DATE predictions overlapping a gold span
    labelled as a name (person, organisation, place, nationality, event);
    precision_annotated: predictions of the types the corpus annotates at
    all ("annotated_types"; PEYMA has no NORP or EVENT label), any gold;
    typed_precision: predictions overlapping a gold span of a compatible
    label (PERSON~PERS/PER, GPE/LOC/FAC~GPE/LOC/FAC, DATE~DATE/DAT/TIME...).
    A ratio with an empty denominator is null.

Exit status: 0 done; 2 an error (message on stderr); 3 (score) some
prediction's text is not text[start:end], or a record got no answer.

Standard library only (python3.11).
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(REPO_ROOT, "target", "general_news")
DEFAULT_BIN = os.path.join(REPO_ROOT, "target", "release", "namyab")
CACHE_DIR = os.path.join(REPO_ROOT, "target", "general_news_cache")
MIRROR_ROOT = os.environ.get("NAMYAB_MIRROR_ROOT", "/work/.mirror")
MAX_CHARS = 2000  # a record's text, unless one segment alone is longer
CONTEXT = 40  # characters either side of a false positive

SOURCES = {
    "ar": {
        "corpus": "Wojood (sample)",
        "repo": "SinaLab/ArabicNER",
        "commit": "ef3a7f4e806a2d909b9107d757c5f65545ae83dc",
        "files": [("train", "data/train.txt"), ("val", "data/val.txt"), ("test", "data/test.txt")],
        "format": "wojood",
        "git_env": "NAMYAB_WOJOOD_GIT",
        "commit_env": "NAMYAB_WOJOOD_COMMIT",
        "licence": "repository LICENSE: MIT (Copyright (c) 2021, Mohammed Khalilia); "
        "the README says the full Wojood corpus is available upon request",
    },
    "fa": {
        "corpus": "PEYMA",
        "repo": "overfit-ir/persian-twitter-ner",
        "commit": "c0207a9fb53cb765a3086aae6c3ed48efd6a01f2",
        "files": [
            ("train", "ner_data/peyma/train.txt"),
            ("dev", "ner_data/peyma/dev.txt"),
            ("test", "ner_data/peyma/test.txt"),
        ],
        "format": "peyma",
        "git_env": "NAMYAB_PEYMA_GIT",
        "commit_env": "NAMYAB_PEYMA_COMMIT",
        "licence": "repository LICENSE: MIT (Copyright (c) 2020 overfit.ir); PEYMA itself "
        "(Shahshahani et al. 2018, arXiv:1801.09936) is distributed free for research purposes",
    },
}

# Gold labels (both corpora, "_" read as "-") that name a person.
PERSON_LABELS = {"PERS", "PER"}
# Gold labels that are names in our sense (for precision_names_strict).
NAME_LABELS = {"PERS", "PER", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
# Our type -> gold labels that agree with it (typed_precision, by_gold_label).
COMPATIBLE = {
    "PERSON": {"PERS", "PER"},
    "ORG": {"ORG"},
    "GPE": {"GPE", "LOC", "FAC"},
    "LOC": {"GPE", "LOC", "FAC"},
    "FAC": {"GPE", "LOC", "FAC"},
    "NORP": {"NORP"},
    "EVENT": {"EVENT"},
    "DATE": {"DATE", "DAT", "TIME", "TIM"},
}
# Gold labels whose kind we extract at all (gold_ours_recall).
OUR_GOLD_LABELS = set().union(*COMPATIBLE.values()) - {"TIME", "TIM"}

# Words that, in this sample, mark a dialect (mostly Levantine) segment.
# Deliberately few and unambiguous: يعني, والله, من... are MSA too.
DIALECT_WORDS = set(
    """ليش هيك شو بدي بدك بدو بدها بدنا بدهم مش مشان منشان هلق هلأ كتير منيح
    منيحة اشي إشي هاد هادا هادي هاي هيدا هيدي هيدول انو إنو اللي إللي اللى يلي
    ليه عشان علشان كده كدة ازاي إزاي فين وين لسا لسه بس كمان زي زى هوه هيه احنا
    إحنا انتو إنتو هدول مين ايش إيش شلون شنو تبع تبعي تبعو ياريت يلا هسا هسه
    ولك بصير بيصير مبارح امبارح بكرا بكرة""".split()
)
MARK = "$#$"


class Fail(Exception):
    """An error the user can act on; printed without a traceback."""


# ---------------------------------------------------------------- sources


def run_git(args, git_dir=None, check=True):
    cmd = ["git"] + (["--git-dir", git_dir] if git_dir else []) + args
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise Fail("git is not installed; it is needed to read the corpora from their mirror")
    if check and p.returncode != 0:
        raise Fail("`%s` failed: %s" % (" ".join(cmd), p.stderr.decode("utf-8", "replace").strip()))
    return p


def has_commit(git_dir, commit):
    if not os.path.isdir(git_dir):
        return False
    return run_git(["cat-file", "-e", commit + "^{commit}"], git_dir, check=False).returncode == 0


def locate(lang):
    """(git dir, commit) holding the pinned commit of lang's source."""
    src = SOURCES[lang]
    commit = os.environ.get(src["commit_env"]) or src["commit"]
    forced = os.environ.get(src["git_env"])
    if forced:
        if not has_commit(forced, commit):
            raise Fail(
                "%s=%s is not a git dir holding commit %s (set %s to use another commit)"
                % (src["git_env"], forced, commit, src["commit_env"])
            )
        return forced, commit
    slug = src["repo"].replace("/", "+")
    tried = []
    for cand in (
        os.path.join(MIRROR_ROOT, slug, "repo"),
        os.path.join(MIRROR_ROOT, slug),
        os.path.join(CACHE_DIR, slug + ".git"),
    ):
        tried.append(cand)
        if has_commit(cand, commit):
            return cand, commit
    # No mirror: clone (shallow, bare) into the cache, then fetch the commit.
    dest = os.path.join(CACHE_DIR, slug + ".git")
    url = "https://github.com/%s" % src["repo"]
    print("general_news: no mirror of %s; cloning %s into %s" % (src["repo"], url, dest), file=sys.stderr)
    os.makedirs(CACHE_DIR, exist_ok=True)
    if not os.path.isdir(dest):
        p = run_git(["clone", "--bare", "--depth", "1", url, dest], check=False)
        if p.returncode != 0:
            shutil.rmtree(dest, ignore_errors=True)
            raise Fail(
                "cannot read %s at %s: no mirror (looked in %s) and `git clone %s` failed: %s\n"
                "Point %s at a git dir holding that commit."
                % (src["repo"], commit, ", ".join(tried), url,
                   p.stderr.decode("utf-8", "replace").strip(), src["git_env"])
            )
    if not has_commit(dest, commit):
        run_git(["fetch", "--depth", "1", "origin", commit], dest, check=False)
    if not has_commit(dest, commit):
        raise Fail(
            "%s was cloned into %s but commit %s cannot be had (set %s to the commit to use)"
            % (src["repo"], dest, commit, src["commit_env"])
        )
    return dest, commit


def read_blob(git_dir, commit, path):
    p = run_git(["show", "%s:%s" % (commit, path)], git_dir, check=False)
    if p.returncode != 0:
        raise Fail("%s has no %s at %s" % (git_dir, path, commit))
    blob = run_git(["rev-parse", "%s:%s" % (commit, path)], git_dir).stdout.decode().strip()
    try:
        text = p.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Fail("%s at %s is not UTF-8: %s" % (path, commit, e))
    return text, blob, hashlib.sha256(p.stdout).hexdigest()


# ---------------------------------------------------------------- parsing


def parse_wojood(text):
    """-> segments [(tokens, tags per token, marked)], tags outer first."""
    segs, toks, tags, marked = [], [], [], False
    for n, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts:
            if toks or marked:
                segs.append((toks, tags, marked))
            toks, tags, marked = [], [], False
            continue
        if len(parts) < 2:
            raise Fail("Wojood line %d has a token but no tag: %r" % (n, line))
        if parts[0] == MARK:
            marked = True
            continue
        toks.append(parts[0])
        tags.append([t for t in parts[1:] if t != "O"])
    if toks or marked:
        segs.append((toks, tags, marked))
    return [s for s in segs if s[0]]


def parse_peyma(text):
    segs, toks, tags = [], [], []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            if toks:
                segs.append((toks, tags, False))
            toks, tags = [], []
            continue
        if "|" not in line:
            raise Fail("PEYMA line %d is not token|TAG: %r" % (n, line))
        tok, tag = line.rsplit("|", 1)
        tok, tag = tok.strip(), tag.strip().replace("_", "-")
        if not tok:
            continue
        toks.append(" ".join(tok.split()))
        tags.append([] if tag == "O" else [tag])
    if toks:
        segs.append((toks, tags, False))
    return segs


def decode(tags):
    """Nested BIO -> sorted unique (first token, end token, label).

    Each token lists its tags outer first.  For each label, its tags on a
    token are levels: an I- at level j continues the span open at level j
    (if every level above also continued), anything else opens a new one.
    """
    spans = set()
    labels = sorted({t.split("-", 1)[1] for tt in tags for t in tt if "-" in t})
    for label in labels:
        stack = []  # start token of each open span of this label, outer first
        for k, tt in enumerate(tags + [[]]):
            mine = [t for t in tt if "-" in t and t.split("-", 1)[1] == label]
            new = []
            for j, t in enumerate(mine):
                cont = t.startswith("I-") and j < len(stack) and new == stack[:j]
                new.append(stack[j] if cont else k)
            for j, s in enumerate(stack):
                if j >= len(new) or new[j] != s:
                    spans.add((s, k, label))
            stack = new
    return sorted(spans)


def dialect_looking(tokens):
    for t in tokens:
        if t in DIALECT_WORDS or (t[:1] == "و" and t[1:] in DIALECT_WORDS):
            return True
    return False


def build_records(lang, split, segs):
    """Group consecutive segments of one kind into records of <= MAX_CHARS."""
    units = []
    for toks, tags, marked in segs:
        if lang == "ar":
            subset = ["dialect_looking" if dialect_looking(toks) else "msa_looking"]
            if marked:
                subset.append("marked")
        else:
            subset = []
        units.append((toks, decode(tags), subset))
    records, cur = [], []

    def flush():
        if not cur:
            return
        pieces, spans, pos = [], [], 0
        for i, (toks, tspans, _) in enumerate(cur):
            if i:
                pieces.append("\n")
                pos += 1
            starts, ends = [], []
            for j, t in enumerate(toks):
                if j:
                    pieces.append(" ")
                    pos += 1
                starts.append(pos)
                pieces.append(t)
                pos += len(t.encode("utf-8"))
                ends.append(pos)
            for a, b, label in tspans:
                spans.append({"start": starts[a], "end": ends[b - 1], "label": label})
        text = "".join(pieces)
        assert len(text.encode("utf-8")) == pos
        records.append(
            {
                "id": "%s-%s-%05d" % (lang, split, len(records)),
                "lang": lang,
                "split": split,
                "subset": cur[0][2],
                "text": text,
                "segments": len(cur),
                "spans": spans,
            }
        )
        cur.clear()

    size = 0
    for u in units:
        n = sum(len(t) for t in u[0]) + len(u[0]) - 1
        if cur and (u[2] != cur[0][2] or size + 1 + n > MAX_CHARS):
            flush()
            size = 0
        size += n + (1 if cur else 0)
        cur.append(u)
    flush()
    return records


# ---------------------------------------------------------------- guards


def check_outside_repo(path, what):
    """Refuse to put corpus text where git would pick it up."""
    real = os.path.realpath(path)
    root = os.path.realpath(REPO_ROOT)
    if real != root and not real.startswith(root + os.sep):
        return
    rel = os.path.relpath(real, root)
    p = subprocess.run(
        ["git", "-C", root, "check-ignore", "-q", "--no-index", rel],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if p.returncode == 0:
        return
    raise Fail(
        "%s %s is inside the repository and not git-ignored: third-party text never enters "
        "the repository. Write it outside (e.g. /work/notes/) or under target/." % (what, path)
    )


# ---------------------------------------------------------------- prepare


def cmd_prepare(args):
    out = args.out
    check_outside_repo(out, "--out")
    manifest = {"schema": 1, "generated_by": "tools/general_news.py", "max_chars": MAX_CHARS, "languages": {}}
    outputs = {}
    for lang, src in SOURCES.items():
        git_dir, commit = locate(lang)
        records, files = [], []
        parse = parse_wojood if src["format"] == "wojood" else parse_peyma
        for split, path in src["files"]:
            text, blob, sha = read_blob(git_dir, commit, path)
            segs = parse(text)
            recs = build_records(lang, split, segs)
            files.append(
                {
                    "split": split,
                    "path": path,
                    "blob": blob,
                    "sha256": sha,
                    "segments": len(segs),
                    "tokens": sum(len(s[0]) for s in segs),
                    "records": len(recs),
                }
            )
            records.extend(recs)
        labels = Counter(s["label"] for r in records for s in r["spans"])
        subsets = defaultdict(lambda: {"records": 0, "segments": 0, "gold_spans": 0})
        for r in records:
            for name in r["subset"]:
                subsets[name]["records"] += 1
                subsets[name]["segments"] += r["segments"]
                subsets[name]["gold_spans"] += len(r["spans"])
        manifest["languages"][lang] = {
            "corpus": src["corpus"],
            "repo": src["repo"],
            "url": "https://github.com/%s" % src["repo"],
            "commit": commit,
            "licence": src["licence"],
            "read_from": git_dir,
            "files": files,
            "records": len(records),
            "segments": sum(f["segments"] for f in files),
            "tokens": sum(f["tokens"] for f in files),
            "chars": sum(len(r["text"]) for r in records),
            "gold_spans": sum(labels.values()),
            "gold_by_label": dict(sorted(labels.items())),
            "subsets": dict(sorted(subsets.items())),
        }
        outputs[lang] = records
    os.makedirs(out, exist_ok=True)
    for lang, records in outputs.items():
        tmp = os.path.join(out, lang + ".jsonl.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        os.replace(tmp, os.path.join(out, lang + ".jsonl"))
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for lang, m in manifest["languages"].items():
        print(
            "%s: %s %s@%s: %d records, %d segments, %d tokens, %d gold spans -> %s"
            % (lang, m["corpus"], m["repo"], m["commit"][:12], m["records"], m["segments"],
               m["tokens"], m["gold_spans"], os.path.join(out, lang + ".jsonl"))
        )
    return 0


# ---------------------------------------------------------------- score


def load(dirpath):
    mpath = os.path.join(dirpath, "manifest.json")
    if not os.path.exists(mpath):
        raise Fail("%s is missing: run `python3 tools/general_news.py prepare --out %s` first" % (mpath, dirpath))
    with open(mpath, encoding="utf-8") as f:
        manifest = json.load(f)
    data = {}
    for lang in manifest["languages"]:
        path = os.path.join(dirpath, lang + ".jsonl")
        if not os.path.exists(path):
            raise Fail("%s is missing: run prepare again" % path)
        with open(path, encoding="utf-8") as f:
            data[lang] = [json.loads(line) for line in f if line.strip()]
    return manifest, data


def extract(binary, records):
    """Run namyab over records -> {record id: [entity]} (one batch)."""
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        raise Fail("no namyab binary at %s: build it with `cargo build --release` or pass --bin" % binary)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for r in records:
            f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        name = f.name
    try:
        cmd = [binary, "extract", "--input", "jsonl", "--format", "jsonl", "--jobs", "0", name]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    finally:
        os.unlink(name)
    if p.returncode != 0:
        raise Fail("`%s` exited %d: %s" % (" ".join(cmd), p.returncode, p.stderr.decode("utf-8", "replace")[-2000:]))
    out = {}
    for n, line in enumerate(p.stdout.decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as e:
            raise Fail("namyab output line %d is not JSON: %s" % (n, e))
        out[doc.get("id")] = doc.get("entities", [])
    return out


def version(binary):
    try:
        p = subprocess.run([binary, "--version"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return p.stdout.decode("utf-8", "replace").strip() or None
    except OSError:
        return None


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def ratio(a, b):
    return round(a / b, 4) if b else None


def context(text_b, start, end):
    left = text_b[:start].decode("utf-8", "replace")[-CONTEXT:]
    mid = text_b[start:end].decode("utf-8", "replace")
    right = text_b[end:].decode("utf-8", "replace")[:CONTEXT]
    return " ".join(("%s«%s»%s" % (left, mid, right)).split("\n")).replace("\r", " ")


def score_records(records, preds, annotated):
    """Metrics over records; also the false positives and missed persons.

    annotated: our types the corpus annotates at all (some gold label of the
    corpus is compatible with it); the others are left out of
    precision_annotated (PEYMA has no nationality or event label).
    """
    m = Counter()
    by_pred = defaultdict(Counter)
    by_gold = defaultdict(Counter)
    fps, missed = [], []
    for r in records:
        text_b = r["text"].encode("utf-8")
        gold = r["spans"]
        ents = preds.get(r["id"])
        m["records"] += 1
        if ents is None:
            m["missing_records"] += 1
            ents = []
        m["gold_spans"] += len(gold)
        for e in ents:
            s, t, typ = e["start"], e["end"], e["type"]
            if text_b[s:t].decode("utf-8", "replace") != e.get("text"):
                m["offset_mismatches"] += 1
            hit = [g for g in gold if overlaps(s, t, g["start"], g["end"])]
            ok = bool(hit)
            m["predictions"] += 1
            m["correct_any"] += ok
            by_pred[typ]["n"] += 1
            by_pred[typ]["correct"] += ok
            if any(g["label"] in COMPATIBLE.get(typ, ()) for g in hit):
                m["typed_correct"] += 1
            if typ in annotated:
                m["predictions_annotated"] += 1
                m["correct_annotated"] += ok
            if typ != "DATE":
                m["predictions_names"] += 1
                m["correct_names"] += ok
                m["correct_names_strict"] += any(g["label"] in NAME_LABELS for g in hit)
            if not ok:
                fps.append({"record": r["id"], "text": e.get("text"), "type": typ, "id": e.get("id"),
                            "start": s, "end": t, "context": context(text_b, s, t)})
        for g in gold:
            lab = g["label"]
            hit = [e for e in ents if overlaps(g["start"], g["end"], e["start"], e["end"])]
            by_gold[lab]["n"] += 1
            by_gold[lab]["found"] += bool(hit)
            by_gold[lab]["found_typed"] += any(lab in COMPATIBLE.get(e["type"], ()) for e in hit)
            m["gold_found"] += bool(hit)
            if lab in OUR_GOLD_LABELS:
                m["gold_ours"] += 1
                m["gold_ours_found"] += bool(hit)
            if lab in PERSON_LABELS:
                m["person_gold"] += 1
                if any(e["type"] == "PERSON" for e in hit):
                    m["person_found"] += 1
                else:
                    missed.append({"record": r["id"], "text": text_b[g["start"]:g["end"]].decode("utf-8"),
                                   "label": lab, "got": [[e["type"], e.get("id")] for e in hit],
                                   "start": g["start"], "end": g["end"],
                                   "context": context(text_b, g["start"], g["end"])})
    res = {k: m[k] for k in ("records", "gold_spans", "predictions", "predictions_names", "correct_any",
                             "correct_names")}
    res["precision_any"] = ratio(m["correct_any"], m["predictions"])
    res["precision_names"] = ratio(m["correct_names"], m["predictions_names"])
    res["precision_names_strict"] = ratio(m["correct_names_strict"], m["predictions_names"])
    res["annotated_types"] = sorted(annotated)
    res["predictions_annotated"] = m["predictions_annotated"]
    res["precision_annotated"] = ratio(m["correct_annotated"], m["predictions_annotated"])
    res["typed_precision"] = ratio(m["typed_correct"], m["predictions"])
    res["person_gold"] = m["person_gold"]
    res["person_found"] = m["person_found"]
    res["person_recall"] = ratio(m["person_found"], m["person_gold"])
    res["gold_found"] = m["gold_found"]
    res["gold_recall"] = ratio(m["gold_found"], m["gold_spans"])
    res["gold_ours"] = m["gold_ours"]
    res["gold_ours_found"] = m["gold_ours_found"]
    res["gold_ours_recall"] = ratio(m["gold_ours_found"], m["gold_ours"])
    res["offset_mismatches"] = m["offset_mismatches"]
    res["missing_records"] = m["missing_records"]
    res["by_pred_type"] = {
        k: {"n": v["n"], "correct": v["correct"], "precision": ratio(v["correct"], v["n"])}
        for k, v in sorted(by_pred.items())
    }
    res["by_gold_label"] = {
        k: {"n": v["n"], "found": v["found"], "recall": ratio(v["found"], v["n"]),
            "found_typed": v["found_typed"]}
        for k, v in sorted(by_gold.items())
    }
    return res, fps, missed


def group(items, key="text"):
    groups = defaultdict(list)
    for it in items:
        groups[it[key]].append(it)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0] or ""))


def write_listing(path, per_lang, kind):
    """kind: 'fp' (false positives) or 'missed' (gold persons not found)."""
    if path.endswith(".json"):
        out = {}
        for lang, items in per_lang.items():
            out[lang] = [
                {"text": text, "count": len(its),
                 "types": dict(Counter(i.get("type") or i.get("label") for i in its).most_common()),
                 "ids": dict(Counter(str(i.get("id")) for i in its).most_common()) if kind == "fp" else None,
                 "occurrences": its}
                for text, its in group(items)
            ]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")
        return
    with open(path, "w", encoding="utf-8") as f:
        title = "False positives (predictions overlapping no gold span)" if kind == "fp" else \
            "Gold person spans no PERSON prediction overlapped"
        f.write("# %s, grouped by string, most frequent first\n" % title)
        for lang, items in per_lang.items():
            f.write("\n## %s: %d in %d strings\n" % (lang, len(items), len(group(items))))
            for text, its in group(items):
                if kind == "fp":
                    types = Counter(i["type"] for i in its).most_common()
                    ids = Counter(str(i["id"]) for i in its).most_common()
                    f.write("\n%d\t%s\t%s\t%s\n" % (len(its), text, " ".join("%s:%d" % t for t in types),
                                                    " ".join("%s:%d" % t for t in ids)))
                    for i in its:
                        f.write("    %s\t%s\t%s\t%s\n" % (i["record"], i["type"], i["id"], i["context"]))
                else:
                    f.write("\n%d\t%s\n" % (len(its), text))
                    for i in its:
                        got = ",".join("%s/%s" % tuple(g) for g in i["got"]) or "-"
                        f.write("    %s\tgot:%s\t%s\n" % (i["record"], got, i["context"]))


def fmt(v):
    return "-" if v is None else ("%.1f%%" % (100 * v))


def print_human(result, manifest):
    for lang, res in result["languages"].items():
        m = manifest["languages"][lang]
        print("== %s: %s (%s@%s), %d records" % (lang, m["corpus"], m["repo"], m["commit"][:12], res["records"]))
        rows = [("all", res)] + list(res.get("subsets", {}).items())
        print("  %-16s %7s %7s %8s %8s %9s %8s %8s %-15s %8s %8s" % (
            "subset", "records", "preds", "P(any)", "P(names)", "P(strict)", "P(annot)", "P(typed)", "PERSON R",
            "R(gold)", "R(ours)"))
        for name, r in rows:
            print("  %-16s %7d %7d %8s %8s %9s %8s %8s %-15s %8s %8s" % (
                name, r["records"], r["predictions"], fmt(r["precision_any"]), fmt(r["precision_names"]),
                fmt(r["precision_names_strict"]), fmt(r["precision_annotated"]), fmt(r["typed_precision"]),
                "%s %d/%d" % (fmt(r["person_recall"]), r["person_found"], r["person_gold"]),
                fmt(r["gold_recall"]), fmt(r["gold_ours_recall"])))
        print("  by predicted type: " + ", ".join(
            "%s %d (%s)" % (k, v["n"], fmt(v["precision"])) for k, v in res["by_pred_type"].items()))
        print("  gold found: " + ", ".join(
            "%s %d/%d" % (k, v["found"], v["n"]) for k, v in res["by_gold_label"].items()))
        if res["offset_mismatches"] or res["missing_records"]:
            print("  WARNING: %d predictions whose text is not text[start:end], %d records without output"
                  % (res["offset_mismatches"], res["missing_records"]))


def cmd_score(args):
    if args.errors:
        check_outside_repo(args.errors, "--errors")
    if args.missed:
        check_outside_repo(args.missed, "--missed")
    manifest, data = load(args.dir)
    result = {"schema": 1, "binary": args.bin, "binary_version": version(args.bin), "dir": args.dir,
              "languages": {}}
    all_fps, all_missed = {}, {}
    for lang, records in data.items():
        preds = extract(args.bin, records)
        labels = {s["label"] for r in records for s in r["spans"]}
        annotated = {t for t, compat in COMPATIBLE.items() if compat & labels}
        res, fps, missed = score_records(records, preds, annotated)
        names = sorted({n for r in records for n in r.get("subset", [])})
        if names:
            res["subsets"] = {n: score_records([r for r in records if n in r["subset"]], preds, annotated)[0] for n in names}
        result["languages"][lang] = res
        all_fps[lang], all_missed[lang] = fps, missed
    if args.errors:
        write_listing(args.errors, all_fps, "fp")
    if args.missed:
        write_listing(args.missed, all_missed, "missed")
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_human(result, manifest)
    bad = [l for l, r in result["languages"].items() if r["offset_mismatches"] or r["missing_records"]]
    return 3 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the head of this file for sources and the JSON schema.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare", help="read the corpora from their mirrors, write JSONL + manifest")
    p.add_argument("--out", default=DEFAULT_DIR, help="output dir (default %(default)s)")
    s = sub.add_parser("score", help="run namyab over the prepared records and score it")
    s.add_argument("--bin", default=DEFAULT_BIN, help="namyab binary (default %(default)s)")
    s.add_argument("--dir", default=DEFAULT_DIR, help="prepared dir (default %(default)s)")
    s.add_argument("--errors", metavar="FILE", help="write every false positive here (outside the repository)")
    s.add_argument("--missed", metavar="FILE", help="write every missed gold person here (outside the repository)")
    s.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = ap.parse_args(argv)
    try:
        return cmd_prepare(args) if args.cmd == "prepare" else cmd_score(args)
    except Fail as e:
        print("general_news: error: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
