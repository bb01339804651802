"""Fixtures shared by the namyab tests."""

import os

import pytest


@pytest.fixture
def require_spacy():
    """spaCy, which the CI installs (`NAMYAB_REQUIRE_SPACY=1` there: a missing
    spaCy fails); elsewhere the spaCy tests are skipped without it."""
    if os.environ.get("NAMYAB_REQUIRE_SPACY"):
        import spacy
    else:
        spacy = pytest.importorskip("spacy")
    return spacy
