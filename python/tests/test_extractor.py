"""namyab.Extractor: custom gazetteers, errors, many texts at once."""

import pickle
import random
import threading
import time
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


class Ticker:
    """A thread that records the time every millisecond or so. Python code
    runs only with the GIL, so while a call holds the GIL the ticker records
    nothing: at most one switch interval (5 ms) of ticks at its start."""

    def __enter__(self):
        self.ticks, self.stop = [], threading.Event()
        self.thread = threading.Thread(target=self.run)
        self.thread.start()
        time.sleep(0.02)
        return self

    def run(self):
        while not self.stop.is_set():
            self.ticks.append(time.perf_counter())
            time.sleep(0.001)

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def between(self, t0, t1):
        return sum(t0 < t < t1 for t in self.ticks)


def ticks_after_input(call, items):
    """Ticks recorded from when `call` has read the last of `items` (given
    as a generator) to when it returns, and that time."""
    done = []

    def texts():
        yield from items
        done.append(time.perf_counter())

    with Ticker() as ticker:
        call(texts())
        t1 = time.perf_counter()
    return ticker.between(done[0], t1), t1 - done[0]


def test_gil_released():
    ex = namyab.Extractor()
    long_text = " ".join(TEXTS) * 100  # about 0.5 MB of news-like text
    ticks, took = ticks_after_input(lambda texts: ex.extract_many(texts, jobs=2), [long_text] * 6)
    assert took > 0.1 and ticks >= 20, (ticks, took)
    with Ticker() as ticker:
        t0 = time.perf_counter()
        ex.extract(long_text * 3)
        t1 = time.perf_counter()
    assert t1 - t0 > 0.1 and ticker.between(t0 + 0.02, t1) >= 20, (ticker.between(t0, t1), t1 - t0)


def test_gil_test_can_tell():
    # a builtin that keeps the GIL after reading its input: sorting floats
    ticks, took = ticks_after_input(sorted, [random.random() for _ in range(2_000_000)])
    assert took > 0.1 and ticks <= 5, (ticks, took)
