#!/usr/bin/env python3
"""Loads namyab's `--format spacy|conll|brat|html` output back and checks it
against the JSON output of the same documents. Run by tests/formats.rs:

    formats_check.py spacy DOCS JSONL OUTPUT
    formats_check.py conll DOCS JSONL OUTPUT
    formats_check.py brat  DOCS JSONL OUTPUT      (standard output, `# NAME` headers)
    formats_check.py brat-dir DOCS JSONL DIR     (--out DIR)
    formats_check.py html  DOCS JSONL DOM         (Chromium's --dump-dom of the page)

DOCS is a JSONL file of the documents (`{"id", "text"}`, in order), JSONL
namyab's `--format jsonl` output for them. With NAMYAB_BRAT_SERVER set to
a brat checkout's `server/src`, `brat-dir` also runs brat's own parser and
verifier over the directory. Exit 0 when every check holds,
1 with a message when one fails, 77 when a needed package (spaCy) is
missing.
"""

import json
import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path


def fail(msg):
    print(f"formats_check: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def load(docs_path, jsonl_path):
    docs = [json.loads(l) for l in Path(docs_path).read_text(encoding="utf-8").splitlines() if l.strip()]
    outs = [json.loads(l) for l in Path(jsonl_path).read_text(encoding="utf-8").splitlines() if l.strip()]
    check(len(docs) == len(outs), f"{len(docs)} documents but {len(outs)} JSON outputs")
    return docs, outs


def entities(out):
    """(char_start, char_end, type, id or None, text) of each entity."""
    return [(e["char_start"], e["char_end"], e["type"], e["id"], e["text"]) for e in out["entities"]]


def spacy_check(docs, outs, path):
    try:
        import spacy
        from spacy.tokens import Doc
    except ImportError:
        print("formats_check: spaCy is not installed: skipping the spaCy check (pip install spacy)", file=sys.stderr)
        sys.exit(77)
    nlp = spacy.blank("xx")
    lines = [l for l in Path(path).read_text(encoding="utf-8").splitlines() if l.strip()]
    check(len(lines) == len(docs), f"{len(lines)} spaCy documents for {len(docs)} inputs")
    for d, out, line in zip(docs, outs, lines):
        obj = json.loads(line)
        doc = Doc(nlp.vocab).from_json(obj, validate=True)
        check(doc.text == d["text"], f"{d['id']}: text differs")
        want = entities(out)
        got = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        check(got == [(s, e, t, x) for s, e, t, _, x in want], f"{d['id']}: ents {got} != {want}")
        kb = [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans["namyab"]]
        check(kb == [(s, e, t, i or "") for s, e, t, i, _ in want], f"{d['id']}: kb_ids {kb}")
        # the kb_ids carry over to doc.ents through the span group
        doc.ents = list(doc.spans["namyab"])
        check([e.kb_id_ for e in doc.ents] == [i or "" for *_, i, _ in want], f"{d['id']}: ents' kb_id")
        check(obj["namyab"]["relations"] == out["relations"], f"{d['id']}: relations differ")
        check(obj["namyab"]["events"] == out["events"], f"{d['id']}: events differ")
        check(obj["namyab"].get("id", obj["namyab"].get("file")) == d["id"], f"{d['id']}: id or file differs")
        for s in doc.sents:
            for e in doc.ents:
                check(e.end <= s.start or e.start >= s.end or (s.start <= e.start and e.end <= s.end),
                      f"{d['id']}: a sentence ends inside {e.text!r}")
    print(f"spacy: {len(lines)} documents loaded with Doc.from_json (spaCy {spacy.__version__}), entities and kb_ids equal")


def conll_check(docs, outs, path):
    blocks = []
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if line.startswith("# newdoc id = "):
            blocks.append({"id": line[len("# newdoc id = "):], "sents": [[]]})
        elif line == "":
            if blocks and blocks[-1]["sents"][-1]:
                blocks[-1]["sents"].append([])
        else:
            check(blocks, f"a token line before any `# newdoc`: {line!r}")
            cols = line.split("\t")
            check(len(cols) == 5, f"not five columns: {line!r}")
            blocks[-1]["sents"][-1].append(cols)
    check(len(blocks) == len(docs), f"{len(blocks)} CoNLL documents for {len(docs)} inputs")
    n_ents = 0
    for d, out, b in zip(docs, outs, blocks):
        text = d["text"]
        check(b["id"] == str(d["id"]), f"document id {b['id']!r} != {d['id']!r}")
        sents = [s for s in b["sents"] if s]
        found, pos = [], 0
        for sent in sents:
            cur = None
            for tok, start, end, kb, tag in sent:
                start, end = int(start), int(end)
                check(text[start:end] == tok, f"{d['id']}: token {tok!r} != text[{start}:{end}] {text[start:end]!r}")
                check(start >= pos and not text[pos:start].strip(), f"{d['id']}: text {text[pos:start]!r} before {tok!r} is in no token")
                pos = end
                if tag.startswith("B-"):
                    cur = [start, end, tag[2:], None if kb == "_" else kb]
                    found.append(cur)
                elif tag.startswith("I-"):
                    check(cur is not None and cur[2] == tag[2:], f"{d['id']}: {tag} of {tok!r} follows no B-{tag[2:]}")
                    check(cur[3] == (None if kb == "_" else kb), f"{d['id']}: id of {tok!r} changes inside a mention")
                    cur[1] = end
                else:
                    check(tag == "O" and kb == "_", f"{d['id']}: bad tag {tag!r} or id {kb!r} for {tok!r}")
                    cur = None
            # a mention never runs into the next sentence
        check(not text[pos:].strip(), f"{d['id']}: text after the last token: {text[pos:]!r}")
        want = entities(out)
        got = [(s, e, t, i, text[s:e]) for s, e, t, i in found]
        check(got == want, f"{d['id']}: CoNLL mentions {got} != {want}")
        n_ents += len(want)
    print(f"conll: {len(blocks)} documents, {n_ents} mentions each a B/I token run with exactly its text")


def read_ann(ann, text, where):
    """Checks one .ann against its text by brat's standoff rules; returns the
    (start, end, type, text) of its T lines of entity types and the notes."""
    ids, tb, notes = set(), {}, {}
    entity_types = {"PERSON", "GPE", "LOC", "ORG", "FAC", "NORP", "DATE", "EVENT"}
    refs = []
    for line in ann.split("\n"):
        if not line:
            continue
        fields = line.split("\t")
        check(len(fields) >= 2, f"{where}: not a brat line: {line!r}")
        ident = fields[0]
        check(re.fullmatch(r"([A-Za-z]+|#[A-Za-z]*)[0-9]+", ident), f"{where}: bad id {ident!r}")
        check(ident not in ids, f"{where}: id {ident} twice")
        ids.add(ident)
        kind = ident[0]
        if kind == "T":
            check(len(fields) == 3, f"{where}: T line needs three fields: {line!r}")
            ty, start, end = fields[1].split(" ")
            start, end = int(start), int(end)
            check(0 <= start <= end <= len(text), f"{where}: {ident} offsets out of the text")
            check(text[start:end] == fields[2], f"{where}: {ident} text {fields[2]!r} != text[{start}:{end}] {text[start:end]!r}")
            tb[ident] = (start, end, ty, fields[2])
        elif kind == "R":
            ty, a1, a2 = fields[1].split(" ")
            check(a1.startswith("Arg1:") and a2.startswith("Arg2:"), f"{where}: R args {line!r}")
            check(a1[5:] != a2[5:], f"{where}: identical R args {line!r}")
            refs += [a1[5:], a2[5:]]
        elif kind == "E":
            parts = fields[1].split(" ")
            ty, trig = parts[0].split(":")
            refs.append(trig)
            roles = set()
            for p in parts[1:]:
                role, t = p.split(":")
                check(role not in roles, f"{where}: role {role} twice in {ident}")
                roles.add(role)
                refs.append(t)
            refs.append(("trigger", trig, ty))
        elif kind == "A":
            name, target, value = fields[1].split(" ")
            refs.append(target)
        elif kind == "#":
            what, target = fields[1].split(" ")
            check(what == "AnnotatorNotes" and len(fields) == 3, f"{where}: note {line!r}")
            refs.append(target)
            notes[target] = fields[2]
        else:
            fail(f"{where}: unknown line {line!r}")
    for r in refs:
        if isinstance(r, tuple):
            _, trig, ty = r
            check(tb[trig][2] == ty, f"{where}: trigger {trig} is not of type {ty}")
        else:
            check(r in ids, f"{where}: {r} refers to nothing")
    ents = sorted((v for v in tb.values() if v[2] in entity_types))
    return ents, notes, tb


def brat_compare(d, out, ann, text, where):
    ents, notes, tb = read_ann(ann, text, where)
    want = sorted({(e["text"], e["type"]) for e in out["entities"]})
    got = sorted({(t, ty) for _, _, ty, t in ents})
    check(set(want) <= set(got), f"{where}: entities {want} not all in T lines {got}")
    ids = {e["id"] for e in out["entities"] if e["id"]}
    check(ids <= {n.split(" ")[0] for n in notes.values()}, f"{where}: ids missing from the notes")
    return len(ents)


def brat_check(docs, outs, path):
    blocks = []
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if line.startswith("# "):
            blocks.append([line[2:], []])
        elif line:
            check(blocks, f"a line before any header: {line!r}")
            blocks[-1][1].append(line)
    check(len(blocks) == len(docs), f"{len(blocks)} brat documents for {len(docs)} inputs")
    n = 0
    for d, out, (name, lines) in zip(docs, outs, blocks):
        check(name == str(d["id"]), f"header {name!r} != {d['id']!r}")
        # brat reads the .txt with universal newlines
        text = d["text"].replace("\r\n", "\n").replace("\r", "\n")
        n += brat_compare(d, out, "\n".join(lines) + "\n", text, name)
    print(f"brat: {len(blocks)} documents, {n} T lines of mentions, every offset and text consistent")


def brat_dir_check(docs, outs, path):
    d_ = Path(path)
    check((d_ / "annotation.conf").is_file(), "no annotation.conf")
    anns = sorted(d_.glob("*.ann"))
    check(len(anns) == len(docs), f"{len(anns)} .ann files for {len(docs)} inputs")
    n = 0
    for d, out in zip(docs, outs):
        stem = re.sub(r"[^\w.-]", "_", str(d["id"])).lstrip(".") or "document"
        txt, ann = d_ / f"{stem}.txt", d_ / f"{stem}.ann"
        check(txt.is_file() and ann.is_file(), f"no {stem}.txt and {stem}.ann")
        check(txt.read_bytes() == d["text"].encode("utf-8"), f"{stem}.txt is not the text")
        with open(txt, encoding="utf-8") as f:  # universal newlines, as brat
            text = f.read()
        n += brat_compare(d, out, ann.read_text(encoding="utf-8"), text, stem)
    print(f"brat --out: {len(anns)} .txt/.ann pairs, {n} T lines of mentions, every offset and text consistent")
    brat_server_check(d_)


def brat_server_check(d_):
    """With NAMYAB_BRAT_SERVER set to a checkout's `server/src`, also reads
    the directory with brat's own parser and verifier (not run by CI: brat
    is no package)."""
    src = os.environ.get("NAMYAB_BRAT_SERVER")
    if not src:
        return
    sys.path.insert(0, src)
    import importlib.util

    if importlib.util.find_spec("config") is None:  # a bare checkout: the settings brat's modules read
        import types

        sys.modules["config"] = types.SimpleNamespace(BASE_DIR="/", DATA_DIR=str(d_.resolve()), WORK_DIR=str(d_.resolve()), DEBUG=False)
    import annotation
    import projectconfig

    def open_textfile(filename, mode="r"):
        # brat asks for universal newlines with mode 'rU', which Python 3.11 refuses
        return open(filename, mode.replace("U", ""), encoding="utf8", errors="strict", newline=None)

    annotation.open_textfile = projectconfig.open_textfile = open_textfile
    from verify_annotations import verify_annotation

    conf = projectconfig.ProjectConfiguration(str(d_.resolve()))
    check(conf.get_event_types()[0] == "meeting", "brat did not read annotation.conf")
    n = 0
    for ann in sorted(d_.glob("*.ann")):
        doc = annotation.TextAnnotations(str(ann)[:-4], read_only=True)
        check(not doc.failed_lines, f"{ann}: brat could not parse lines {doc.failed_lines}")
        issues = [str(i) for i in verify_annotation(doc, conf)]
        check(not issues, f"{ann}: brat's verifier: {issues[:3]}")
        n += 1
    print(f"brat --out: {n} documents read by brat's own parser and verifier, no issue")


class Page(HTMLParser):
    """What a reader sees: the html element's attributes, each article, and
    each mention's text and title in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root, self.articles, self.stack, self.external = {}, [], [], []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.root = a
        if tag == "script":
            self.scripts += 1
        for k in ("src", "href"):
            if k in a and not a[k].startswith("#"):
                self.external.append(a[k])
        if tag == "article":
            self.articles.append({"attrs": a, "marks": [], "h2": "", "text_marks": 0})
        cls = (a.get("class") or "").split()
        if tag == "mark" and "ent" in cls and self.articles:
            self.articles[-1]["marks"].append({"type": cls[1], "title": a.get("title", ""), "text": "", "in_text": "text" in [s[1] for s in self.stack]})
        self.stack.append((tag, cls[0] if cls else ""))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if any(t == "mark" and c == "ent" for t, c in self.stack) and self.articles:
            self.articles[-1]["marks"][-1]["text"] += data
        if any(t == "h2" for t, _ in self.stack) and self.articles:
            self.articles[-1]["h2"] += data


def html_check(docs, outs, path):
    p = Page()
    p.feed(Path(path).read_text(encoding="utf-8"))
    check(p.root.get("dir") == "rtl", f"<html> is not dir=rtl: {p.root}")
    check(p.root.get("lang") in ("fa", "ar"), f"<html> lang: {p.root}")
    check(p.scripts == 0 and not p.external, f"scripts or external resources: {p.external}")
    check(len(p.articles) == len(docs), f"{len(p.articles)} articles for {len(docs)} documents")
    n = 0
    for d, out, art in zip(docs, outs, p.articles):
        check(art["attrs"].get("dir") == "rtl", f"{d['id']}: article not rtl")
        check(art["h2"] == str(d["id"]), f"heading {art['h2']!r} != {d['id']!r}")
        in_text = [m for m in art["marks"] if m["in_text"]]
        want = [(e["type"], e["text"], e["id"]) for e in out["entities"]]
        got = [(m["type"], m["text"], m["title"]) for m in in_text]
        check(len(got) == len(want), f"{d['id']}: {len(got)} marked mentions for {len(want)}")
        for (ty, text, i), (gty, gtext, title) in zip(want, got):
            check((ty, text) == (gty, gtext), f"{d['id']}: marked {gty} {gtext!r}, want {ty} {text!r}")
            check(title.startswith(ty) and (i is None or i in title), f"{d['id']}: title {title!r} lacks {ty} {i}")
        n += len(want)
    print(f"html: dir=rtl, {len(p.articles)} articles, {n} mentions marked with their type and id in the title, nothing external")


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    kind, docs, jsonl, out = sys.argv[1:]
    docs, outs = load(docs, jsonl)
    {"spacy": spacy_check, "conll": conll_check, "brat": brat_check, "brat-dir": brat_dir_check, "html": html_check}[kind](docs, outs, out)


if __name__ == "__main__":
    main()
