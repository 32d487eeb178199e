"""Shortlists for scanning: the list names a phrase of text may match."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from sanctionmatch import sample_matcher
from sanctionmatch.names import tokenize_name
from sanctionmatch.scan import scan_text
from sanctionmatch.shortlist import shortlist, single_names
from sanctionmatch.vocabulary import vocabulary_of

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted(
    [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "fixtures" / "articles").glob("*.txt")]
)


def _names(phrase: str) -> set[str]:
    """The list names on the shortlist of a phrase (None: screened in full)."""
    matcher = sample_matcher()
    found = shortlist(matcher.index, tokenize_name(phrase), vocabulary_of(matcher).singles)
    assert found is not None
    return {matcher.index.forms[i].normalized for _, i in found}


def test_two_agreeing_words_put_a_name_on_the_shortlist() -> None:
    assert "sergei kuzhugetovich shoigu" in _names("Sergueï Choïgou")


def test_a_name_on_no_list_has_an_empty_shortlist() -> None:
    assert _names("Janet Yellen") == set()


def test_a_one_word_list_name_meets_a_phrase_holding_its_word() -> None:
    """A generic word of the local language and the one distinctive word of the name."""
    assert any("wagner" in name for name in _names("группа Вагнера"))


def test_a_phrase_finding_too_many_names_is_screened_in_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past MAX_RANKED names, ranking them costs more than full retrieval."""
    matcher = sample_matcher()
    singles = vocabulary_of(matcher).singles
    phrase = tokenize_name("Kim Jong")
    found = shortlist(matcher.index, phrase, singles)
    assert found
    monkeypatch.setattr("sanctionmatch.shortlist.MAX_RANKED", 1)
    assert shortlist(matcher.index, phrase, singles) is None


def test_a_phrase_without_name_words_is_screened_in_full() -> None:
    matcher = sample_matcher()
    phrase = tokenize_name("Group Ltd", "Organization")
    assert shortlist(matcher.index, phrase, vocabulary_of(matcher).singles) is None


def test_single_names_counts_distinct_name_words() -> None:
    forms = [
        tokenize_name(n, "Organization") for n in ("Wagner Group", "Swe Swe", "Bank Melli Iran")
    ]
    assert single_names(forms) == frozenset({0, 1})


def test_the_index_ranks_a_shortlist_and_caps_it() -> None:
    matcher = sample_matcher()
    form = tokenize_name("Sergei Shoigu")
    ranked = matcher.index.rank(form, range(len(matcher.index)), limit=5)
    assert len(ranked) == 5
    assert [e for e, _ in ranked] == sorted((e for e, _ in ranked), reverse=True)
    assert "shoigu" in matcher.index.forms[ranked[0][1]].normalized


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_scan_finds_the_same_mentions_as_full_retrieval(article: Path) -> None:
    """On the articles, shortlists change nothing that scan() reports."""
    matcher = sample_matcher()
    text = article.read_text(encoding="utf-8")
    vocabulary = vocabulary_of(matcher)
    full = attrs.evolve(vocabulary, shortlists=False)
    with_shortlists = scan_text(matcher, text, vocabulary=vocabulary)
    without = scan_text(matcher, text, vocabulary=full)
    assert [(m.start, m.end, m.matches[0].entity.id) for m in with_shortlists] == [
        (m.start, m.end, m.matches[0].entity.id) for m in without
    ]
