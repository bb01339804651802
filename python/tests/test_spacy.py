"""The spaCy component: aligned doc.ents with ids, the rest in doc._.namyab."""

import json
import subprocess
import sys
from importlib.metadata import entry_points

import pytest

import namyab
from helpers import REPO

ARABIC = "استقبل أردوغان في أنقرة نظيره الأذربيجاني إلهام علييف وبحثا العلاقات بين باكو وتركيا."


@pytest.fixture
def nlp_for(require_spacy):
    def make(lang, **config):
        nlp = require_spacy.blank(lang)
        nlp.add_pipe("namyab", config=config)
        return nlp

    return make


def ents(doc):
    return [(e.text, e.label_, e.kb_id_, e.start_char, e.end_char) for e in doc.ents]


def test_entry_point_registered(require_spacy):
    eps = entry_points()
    group = eps.select(group="spacy_factories") if hasattr(eps, "select") else eps.get("spacy_factories", [])  # 3.9
    [ep] = [ep for ep in group if ep.name == "namyab"]
    assert ep.value == "namyab.spacy:make_namyab"
    # a fresh interpreter that never imports namyab finds the component
    code = (
        "import spacy, sys\n"
        "assert 'namyab' not in sys.modules\n"
        "nlp = spacy.blank('ar'); nlp.add_pipe('namyab')\n"
        "print([(e.text, e.kb_id_) for e in nlp('وعقد باشينيان وعلييف اجتماعاً').ents])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[('باشينيان', 'nikol_pashinyan'), ('علييف', 'ilham_aliyev')]"


def test_joined_proclitic_is_split_off(nlp_for, require_spacy):
    # the blank tokenizer keeps وتركيا and وبحثا whole
    plain = [t.text for t in require_spacy.blank("ar").make_doc(ARABIC)]
    assert "وتركيا" in plain
    doc = nlp_for("ar")(ARABIC)
    assert doc.text == ARABIC
    assert "".join(t.text_with_ws for t in doc) == ARABIC
    assert ents(doc) == [
        ("أردوغان", "PERSON", "recep_tayyip_erdogan", 7, 14),
        ("أنقرة", "GPE", "ankara", 18, 23),
        ("الأذربيجاني", "NORP", "", 30, 41),
        ("إلهام علييف", "PERSON", "ilham_aliyev", 42, 53),
        ("باكو", "GPE", "baku", 73, 77),
        ("تركيا", "GPE", "turkey", 79, 84),
    ]
    turkey = doc.ents[-1]
    assert [t.text for t in doc[turkey.start - 1 : turkey.end + 1]] == ["و", "تركيا", "."]
    assert doc[turkey.start - 1].whitespace_ == ""  # و and تركيا stay joined in the text
    # only tokens an entity cuts are split
    assert [t.text for t in doc].count("وبحثا") == 1
    assert doc._.namyab == namyab.extract(ARABIC)
    [r] = doc._.namyab["relations"]
    assert [a["id"] for a in r["participants"]] == ["recep_tayyip_erdogan", "ilham_aliyev"]
    trigger = doc.char_span(r["trigger"]["char_start"], r["trigger"]["char_end"])
    assert trigger is not None and trigger.text == "استقبل"


def test_entity_ending_inside_a_token(nlp_for):
    text = "گروهی از فعالان ارمنی‌ها در ایروان با کاخ سفید تماس گرفتند."
    doc = nlp_for("fa")(text)
    assert ents(doc) == [
        ("ارمنی", "NORP", "", 16, 21),
        ("ایروان", "GPE", "yerevan", 28, 34),
        ("کاخ سفید", "FAC", "white_house", 38, 46),
    ]
    norp = doc.ents[0]
    assert doc[norp.end].text == "\u200cها"  # the plural suffix, ZWNJ and all
    assert "".join(t.text_with_ws for t in doc) == text


def gold_documents():
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((REPO / "seeds/gold").glob("*.json"))]
    assert len(golds) == 5
    return [pytest.param(gold, id=gold["doc"]) for gold in golds]


@pytest.mark.parametrize("gold", gold_documents())
def test_seed_articles_align(nlp_for, require_spacy, gold):
    text = (REPO / "seeds" / gold["doc"]).read_text(encoding="utf-8")
    doc = nlp_for(gold["lang"])(text)
    assert doc.text == text
    got = {(e.start_char, e.end_char): (e.label_, e.kb_id_) for e in doc.ents}
    # every entity namyab found is a doc.ents entry, none lost to alignment
    found = namyab.extract(text)["entities"]
    assert len(doc.ents) == len(found)
    assert [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents] == [
        (e["char_start"], e["char_end"], e["type"], e["id"] or "") for e in found
    ]
    # every gold entity is one, with its type and id
    for g in gold["entities"]:
        if g["optional"]:
            continue
        assert text[g["start"] : g["end"]] == g["text"]
        assert got.get((g["start"], g["end"])) == (g["type"], g["id"] or ""), g
    # and every gold span, optional ones too, falls on token boundaries
    for g in gold["entities"]:
        span = doc.char_span(g["start"], g["end"])
        assert span is not None and span.text == g["text"], g


def test_seeds_need_the_split(require_spacy):
    """Without the component's split, gold spans of the seeds do not align:
    the test above would pass for nothing if they all did."""
    unaligned = 0
    for path in sorted((REPO / "seeds/gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = require_spacy.blank(gold["lang"]).make_doc((REPO / "seeds" / gold["doc"]).read_text(encoding="utf-8"))
        unaligned += sum(doc.char_span(g["start"], g["end"]) is None for g in gold["entities"])
    assert unaligned > 10


def test_pipe_equals_call(nlp_for):
    nlp = nlp_for("ar", jobs=2)
    texts = [ARABIC, "", "وعقد باشينيان وعلييف اجتماعاً في بروكسل", "نص بلا أسماء"] * 3
    piped = list(nlp.pipe(texts, batch_size=5))
    called = [nlp(t) for t in texts]
    assert [ents(d) for d in piped] == [ents(d) for d in called]
    assert [[t.text for t in d] for d in piped] == [[t.text for t in d] for d in called]
    assert [d._.namyab for d in piped] == [namyab.extract(t) for t in texts]


def test_config_gazetteers(nlp_for, tmp_path):
    path = tmp_path / "forum.tsv"
    path.write_text("id\ttype\tar\ncaucasus_dialogue_forum\tORG\tمنتدى حوار القوقاز\n", encoding="utf-8")
    nlp = nlp_for("ar", gazetteers=[str(path)], defaults=False)
    doc = nlp("وشارك منتدى حوار القوقاز في اجتماع بباكو")
    assert ents(doc) == [("منتدى حوار القوقاز", "ORG", "caucasus_dialogue_forum", 6, 24)]
    assert nlp.get_pipe_meta("namyab").assigns[0] == "doc.ents"


def test_replaces_earlier_entities(nlp_for, require_spacy):
    nlp = require_spacy.blank("ar")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "MISC", "pattern": "اجتماعاً"}])
    nlp.add_pipe("namyab")
    doc = nlp("وعقد باشينيان وعلييف اجتماعاً")
    assert [(e.text, e.label_) for e in doc.ents] == [("باشينيان", "PERSON"), ("علييف", "PERSON")]
