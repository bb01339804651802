"""namyab.types describes the results exactly: every required key present,
no key it does not name, literal values among those it lists. When the
crate's output types change, this fails until the TypedDicts follow."""

import typing

import pytest

import namyab
from helpers import REPO

from namyab import types as T


def check(value, shape, where):
    origin = typing.get_origin(shape)
    if origin is typing.Literal:
        assert value in typing.get_args(shape), (where, value)
    elif origin is typing.Union:  # Optional[X]: None, or an X
        arms = [a for a in typing.get_args(shape) if a is not type(None)]
        assert len(arms) == 1, shape
        if value is not None:
            check(value, arms[0], where)
    elif origin is list:
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            check(item, typing.get_args(shape)[0], f"{where}[{i}]")
    elif isinstance(shape, type) and issubclass(shape, dict):  # a TypedDict
        assert isinstance(value, dict), where
        keys = set(value)
        assert shape.__required_keys__ <= keys, (where, shape.__name__, shape.__required_keys__ - keys)
        assert keys <= shape.__required_keys__ | shape.__optional_keys__, (where, shape.__name__, keys)
        hints = typing.get_type_hints(shape)
        for key in keys:
            check(value[key], hints[key], f"{where}.{key}")
    else:
        assert isinstance(value, shape), (where, value, shape)


def texts():
    yield "التقى الرئيس الروسي فلاديمير بوتين بنظيره التركي رجب طيب أردوغان في سوتشي يوم الأربعاء."
    yield "أعلنت وزارة الخارجية القطرية أن الدوحة ستستضيف في 12 مارس 2025 محادثات بين أرمينيا وأذربيجان."
    for path in sorted((REPO / "seeds").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", list(texts()))
def test_results_match_the_types(text):
    check(namyab.extract(text), T.Extraction, "x")


def test_the_check_can_fail():
    x = namyab.extract("وعقد باشينيان وعلييف اجتماعاً في بروكسل")
    x["entities"][0]["colour"] = "red"
    with pytest.raises(AssertionError):
        check(x, T.Extraction, "x")
    del x["entities"][0]["colour"]
    x["entities"][0]["type"] = "PLANET"
    with pytest.raises(AssertionError):
        check(x, T.Extraction, "x")


def test_every_kind_of_record_was_seen():
    """The texts above hold every optional key the types name, so none is
    checked only in theory."""
    seen = set()

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                seen.add(f"{path}.{k}")
                walk(v, f"{path}.{k}")
        elif isinstance(value, list):
            for v in value:
                walk(v, path)

    for text in texts():
        walk(namyab.extract(text), "x")
    for key in [
        "x.entities.affiliation",
        "x.entities.metonym_of",
        "x.entities.value",
        "x.relations.participants",
        "x.relations.parties",
        "x.relations.mediators",
        "x.relations.modality",
        "x.relations.participants.mention_id",
        "x.events.members.role",
        "x.events.modality",
        "x.relations.place.id",
        "x.relations.date.value",
    ]:
        assert key in seen, key
