"""Tests for sanctionmatch.memo: one hook empties every memo of the package."""

from __future__ import annotations

import sys

import sanctionmatch
from sanctionmatch import compare, reset_caches, sample_matcher, scan
from sanctionmatch.score import token_similarity
from sanctionmatch.vocabulary import vocabulary_of


def _bounded_memos() -> list[object]:
    """Every bounded lru_cache of the package's imported modules."""
    memos = []
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("sanctionmatch."):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if callable(info) and info().maxsize is not None:
                memos.append(value)
    return memos


def test_reset_empties_function_and_list_memos() -> None:
    """After use every memo holds something; after the reset none does."""
    matcher = sample_matcher()
    compare("Sergueï Choïgou", "SHOIGU, Sergei")
    scan("Le ministre Sergueï Choïgou et Mohammed Ali ont parlé.")
    matcher.match("Mohammad Ali")
    vocabulary = vocabulary_of(matcher)
    assert token_similarity.cache_info().currsize > 0
    assert vocabulary.screened
    assert len(_bounded_memos()) >= 10  # the scorer's, the normalizer's, the index's ...
    reset_caches()
    assert all(m.cache_info().currsize == 0 for m in _bounded_memos())  # type: ignore[attr-defined]
    assert not vocabulary.screened
    assert not vocabulary.bases
    assert not matcher.index._memo


def test_answers_are_the_same_after_a_reset() -> None:
    """A memo only saves work: the results do not change."""
    text = "Le ministre Sergueï Choïgou a rencontré Kim Jong-un."
    before = [(m.start, m.end, m.matches[0].entity.id) for m in scan(text)]
    score = compare("Vladimir Poutine", "PUTIN, Vladimir Vladimirovich")
    reset_caches()
    assert [(m.start, m.end, m.matches[0].entity.id) for m in scan(text)] == before
    assert compare("Vladimir Poutine", "PUTIN, Vladimir Vladimirovich") == score


def test_public() -> None:
    """The hook is part of the public API."""
    assert "reset_caches" in sanctionmatch.__all__
