"""namyab.Extractor: custom gazetteers, errors, many texts at once."""

import pickle
import random
import sys
import threading
from pathlib import Path

import pytest

import namyab
from helpers import check_spans, found

FORUM = "id\ttype\tfa\tar\ncaucasus_dialogue_forum\tORG\tکانون گفتگوی قفقاز\tمنتدى حوار القوقاز\n"
TEXT = "وشارك منتدى حوار القوقاز في اجتماع بباكو"


@pytest.fixture
def forum(tmp_path):
    path = tmp_path / "forum.tsv"
    path.write_text(FORUM, encoding="utf-8")
    return path


def test_default_extractor_is_the_one_extract_uses():
    ex = namyab.Extractor()
    assert ex.extract(TEXT) == namyab.extract(TEXT)
    assert ex.entity_count > 1000
    assert repr(ex).startswith("<namyab.Extractor: ")


def test_custom_gazetteer_extends_defaults(forum):
    # without it the words are not a name; the region inside it is
    assert found(TEXT, namyab.extract(TEXT)) == [
        ("LOC", "caucasus", "القوقاز", 17, 24),
        ("GPE", "baku", "باكو", 36, 40),
    ]
    ex = namyab.Extractor(gazetteers=[forum])
    x = ex.extract(TEXT)
    assert found(TEXT, x) == [
        ("ORG", "caucasus_dialogue_forum", "منتدى حوار القوقاز", 6, 24),
        ("GPE", "baku", "باكو", 36, 40),  # after the joined ب, and from the defaults
    ]
    check_spans(TEXT, x["entities"])
    assert ex.entity_count == namyab.Extractor().entity_count + 1
    persian = "نشست کانون گفتگوی قفقاز در ایروان"
    assert found(persian, ex.extract(persian))[0] == ("ORG", "caucasus_dialogue_forum", "کانون گفتگوی قفقاز", 5, 23)


def test_custom_gazetteer_alone(forum):
    ex = namyab.Extractor(gazetteers=[str(forum)], defaults=False)
    assert ex.entity_count == 1
    assert found(TEXT, ex.extract(TEXT)) == [("ORG", "caucasus_dialogue_forum", "منتدى حوار القوقاز", 6, 24)]


@pytest.mark.parametrize(
    "body, line, column, value, message",
    [
        (
            "id\ttype\tfa\nforum\tPLANET\tزحل\n",
            2,
            "type",
            "PLANET",
            "column `type`: unknown entity type `PLANET` (expected PERSON, GPE, LOC, ORG, FAC, NORP or EVENT)",
        ),
        (
            "# a comment\nid\ttype\tfa\nforum_a\tORG\tالف\nForum B\tORG\tب\n",
            4,
            "id",
            "Forum B",
            "column `id`: id `Forum B` is not snake case ASCII (a-z, 0-9 and single `_`)",
        ),
        ("id\ttype\tfa\tcolour\n", 1, None, "colour", "unknown column `colour`"),
        ("id\ttype\tfa\nforum\tORG\n", 2, None, None, "2 cells where the header has 3"),
    ],
)
def test_gazetteer_error(tmp_path, body, line, column, value, message):
    path = tmp_path / "mine.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(namyab.GazetteerError) as info:
        namyab.Extractor(gazetteers=[path])
    err = info.value
    assert isinstance(err, ValueError)
    assert (err.file, err.line, err.column, err.value) == (str(path), line, column, value)
    assert str(err) == f"{path}:{line}: {message}"
    # attributes survive pickling (multiprocessing sends exceptions so)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is namyab.GazetteerError
    assert (str(back), back.file, back.line, back.column, back.value) == (str(err), err.file, line, column, value)


def test_duplicate_id_across_files(tmp_path, forum):
    again = tmp_path / "again.tsv"
    again.write_text("id\ttype\tar\ncaucasus_dialogue_forum\tORG\tمنتدى القوقاز\n", encoding="utf-8")
    with pytest.raises(namyab.GazetteerError) as info:
        namyab.Extractor(gazetteers=[forum, again], defaults=False)
    assert (info.value.file, info.value.line, info.value.value) == (str(again), 2, "caucasus_dialogue_forum")
    assert f"first defined at {forum}:2" in str(info.value)


def test_unreadable_paths_are_os_errors(tmp_path):
    missing = tmp_path / "missing.tsv"
    with pytest.raises(FileNotFoundError) as info:
        namyab.Extractor(gazetteers=[missing])
    assert info.value.filename == str(missing)
    with pytest.raises(IsADirectoryError):
        namyab.Extractor(gazetteers=[tmp_path])
    with pytest.raises(TypeError):
        namyab.Extractor(gazetteers=str(missing))  # a list of paths, not one


def test_not_utf8_is_a_gazetteer_error(tmp_path):
    path = tmp_path / "latin1.tsv"
    path.write_bytes("id\ttype\tlatin\nforum\tORG\tForum caf\xe9\n".encode("latin-1"))
    with pytest.raises(namyab.GazetteerError) as info:
        namyab.Extractor(gazetteers=[path])
    assert (info.value.file, info.value.line, info.value.value) == (str(path), None, None)
    assert "not valid UTF-8 (first bad byte at offset 33)" in str(info.value)


TEXTS = [
    "التقى الرئيس الروسي فلاديمير بوتين بنظيره التركي رجب طيب أردوغان في سوتشي.",
    "",
    "عباس عراقچی در تهران با هاکان فیدان دیدار کرد.",
    "نص بلا أسماء",
    "أعلنت الدوحة أنها ستستضيف محادثات بين أرمينيا وأذربيجان.",
    TEXT,
] * 7


@pytest.mark.parametrize("jobs", [0, 1, 2, 3, 100])
def test_extract_many_in_order_and_equal(forum, jobs):
    ex = namyab.Extractor(gazetteers=[forum])
    one_by_one = [ex.extract(t) for t in TEXTS]
    assert len({len(x["entities"]) for x in one_by_one}) > 2  # the texts differ
    assert ex.extract_many(TEXTS, jobs=jobs) == one_by_one
    assert ex.extract_many(iter(TEXTS), jobs=jobs) == one_by_one  # any iterable
    assert ex.extract_many([], jobs=jobs) == []


def test_extract_many_arguments():
    ex = namyab.Extractor()
    with pytest.raises(ValueError, match="jobs must be 0"):
        ex.extract_many(TEXTS, jobs=-1)
    with pytest.raises(TypeError, match="not one str"):
        ex.extract_many("one text")
    with pytest.raises(TypeError):
        ex.extract_many(["text", 3])


def ran_during(call):
    """Whether another Python thread ran while `call()` was running.

    The switch interval is made huge, so the interpreter never takes the
    GIL from the calling thread on its own: the other thread, woken right
    before the call, can run only if the call releases the GIL, or after
    the call has returned and the caller waits for it. It records which of
    the two it was. No timing is involved, so a loaded machine cannot make
    this pass or fail."""
    returned, seen = [False], []
    woken = threading.Event()

    def other():
        woken.wait()
        seen.append(not returned[0])

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        thread = threading.Thread(target=other)
        thread.start()
        woken.set()
        call()
        returned[0] = True
        thread.join()
    finally:
        sys.setswitchinterval(old)
    return seen[0]


def test_gil_released():
    ex = namyab.Extractor()
    long_text = " ".join(TEXTS) * 100  # about 0.5 MB of news-like text
    assert ran_during(lambda: ex.extract_many([long_text] * 4, jobs=2))
    assert ran_during(lambda: ex.extract(long_text * 2))


def test_gil_test_can_tell():
    # a builtin that keeps the GIL throughout: sorting floats
    floats = [random.random() for _ in range(1_000_000)]
    assert not ran_during(lambda: sorted(floats))
