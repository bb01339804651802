"""namyab.extract: entities, relations and events as the JSON output has them."""

import doctest
import json
import os
import shutil
import subprocess

import pytest

import namyab
from helpers import REPO, check_spans, found

ARABIC = (
    "التقى الرئيس الروسي فلاديمير بوتين بنظيره التركي رجب طيب أردوغان في سوتشي "
    "يوم الأربعاء، وبحث الجانبان العلاقات بين روسيا وتركيا."
)
PERSIAN = (
    "عباس عراقچی، وزیر امور خارجه ایران، روز سه‌شنبه در تهران با هاکان فیدان دیدار کرد "
    "و دو طرف درباره روابط ایران و ترکیه گفت‌وگو کردند."
)
MEDIATION = "أعلنت وزارة الخارجية القطرية أن الدوحة ستستضيف في 12 مارس 2025 محادثات بين أرمينيا وأذربيجان."


def test_arabic_entities_and_offsets():
    x = namyab.extract(ARABIC)
    assert found(ARABIC, x) == [
        ("NORP", None, "الروسي", 13, 19),
        ("PERSON", "vladimir_putin", "فلاديمير بوتين", 20, 34),
        ("NORP", None, "التركي", 42, 48),
        ("PERSON", "recep_tayyip_erdogan", "رجب طيب أردوغان", 49, 64),
        ("GPE", "sochi", "سوتشي", 68, 73),
        ("DATE", None, "الأربعاء", 78, 86),
        ("GPE", "russia", "روسيا", 115, 120),
        ("GPE", "turkey", "تركيا", 122, 127),
    ]
    check_spans(ARABIC, x["entities"])
    # the joined conjunction of وتركيا stays outside the span
    turkey = x["entities"][-1]
    assert ARABIC[turkey["char_start"] - 1] == "و"
    # bytes and chars differ: Arabic letters are two bytes each
    assert (turkey["start"], turkey["end"]) == (225, 235)
    assert x["entities"][1]["affiliation"] == "russia"


def test_arabic_meeting():
    x = namyab.extract(ARABIC)
    [r] = x["relations"]
    assert r["type"] == "met-with"
    assert [a["id"] for a in r["participants"]] == ["vladimir_putin", "recep_tayyip_erdogan"]
    assert (r["status"], r["modality"]) == ("occurred", "in_person")
    assert ARABIC[r["trigger"]["char_start"] : r["trigger"]["char_end"]] == "التقى"
    assert r["place"]["id"] == "sochi"
    assert r["date"]["text"] == "الأربعاء"
    check_spans(ARABIC, r["participants"])
    [ev] = x["events"]
    assert ev["kind"] == "meeting"
    assert r["event"] == 0


def test_persian_entities_keep_zwnj_and_offsets():
    x = namyab.extract(PERSIAN)
    assert found(PERSIAN, x) == [
        ("PERSON", "abbas_araghchi", "عباس عراقچی", 0, 11),
        ("GPE", "iran", "ایران", 29, 34),
        ("DATE", None, "سه\u200cشنبه", 40, 47),
        ("GPE", "tehran", "تهران", 51, 56),
        ("PERSON", "hakan_fidan", "هاکان فیدان", 60, 71),
        ("GPE", "iran", "ایران", 104, 109),
        ("GPE", "turkey", "ترکیه", 112, 117),
    ]
    check_spans(PERSIAN, x["entities"])
    met = [r for r in x["relations"] if r["type"] == "met-with"]
    assert [[a["id"] for a in r["participants"]] for r in met] == [["abbas_araghchi", "hakan_fidan"]]
    assert PERSIAN[met[0]["trigger"]["char_start"] : met[0]["trigger"]["char_end"]] == "دیدار کرد"


def test_mediation_and_date_value():
    x = namyab.extract(MEDIATION)
    date = next(e for e in x["entities"] if e["type"] == "DATE")
    assert (date["text"], date["value"]) == ("12 مارس 2025", "2025-03-12")
    [m] = [r for r in x["relations"] if r["type"] == "mediated-by"]
    assert [a["id"] for a in m["parties"]] == ["armenia", "azerbaijan"]
    # the capital stands for its state; the mention keeps its own id
    assert [(a["id"], a.get("mention_id"), a["text"]) for a in m["mediators"]] == [("qatar", "doha", "الدوحة")]
    assert m["status"] == "planned"
    assert "participants" not in m  # left out when empty, as in the JSON
    check_spans(MEDIATION, m["parties"] + m["mediators"])


def test_shape_and_empty_text():
    assert namyab.extract("") == {"entities": [], "relations": [], "events": []}
    x = namyab.extract(ARABIC)
    assert list(x) == ["entities", "relations", "events"]
    assert list(x["entities"][0]) == ["id", "type", "text", "start", "end", "char_start", "char_end", "affiliation"]
    assert x["entities"][0]["affiliation"] == "russia"  # the NORP's state
    assert "affiliation" not in x["entities"][5]  # the DATE: left out, as in the JSON
    # plain Python data: it round-trips through json
    assert json.loads(json.dumps(x)) == x


def test_same_as_command_line(tmp_path):
    """The dict is the JSON `namyab extract FILE` prints, without its `file`
    key. CI sets NAMYAB_BIN; elsewhere the test looks for a release build."""
    binary = os.environ.get("NAMYAB_BIN") or shutil.which("namyab") or str(REPO / "target/release/namyab")
    if not os.path.exists(binary):
        if os.environ.get("NAMYAB_BIN"):
            pytest.fail(f"NAMYAB_BIN={binary} does not exist")
        pytest.skip("no namyab binary (cargo build --release, or set NAMYAB_BIN)")
    texts = [ARABIC, PERSIAN, MEDIATION] + [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        out = json.loads(subprocess.run([binary, "extract", str(path)], check=True, capture_output=True).stdout)
        assert out.pop("file") == str(path)
        assert out == namyab.extract(text), path


def test_bad_argument_types():
    with pytest.raises(TypeError):
        namyab.extract(b"bytes")
    with pytest.raises(TypeError):
        namyab.extract(None)


def test_module_docstring_example():
    failures, tried = doctest.testmod(namyab, verbose=False)
    assert tried > 0 and failures == 0
