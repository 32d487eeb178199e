"""Tests for sanctionmatch.index: keys, candidate retrieval and its ranking."""

from __future__ import annotations

import heapq
import pickle
from array import array
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionmatch.index import (
    COMMON,
    MEMO_NEAR_SIZE,
    SKELETON,
    NameIndex,
    _estimate,
    _partition,
    build_index,
    name_keys,
    query_keys,
)
from sanctionmatch.matcher import sample_matcher
from sanctionmatch.names import tokenize_name
from sanctionmatch.weights import TokenWeights

NAMES = [
    ("KIM, Jong Un", "Person"),
    ("PUTIN, Vladimir Vladimirovich", "Person"),
    ("SHOIGU, Sergey Kuzhugetovich", "Person"),
    ("BIN LADEN, Usama", "Person"),
    ("Mohammed Ali Hassan", "Person"),
    ("Mohammed Ali", "Person"),
    ("People's Liberation Army", "Organization"),
    ("JSC ARGUMENT", "Organization"),
    ("NPP GURAMI ELEKTRONIKS", "Organization"),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    forms = [tokenize_name(name, schema) for name, schema in NAMES]
    weights = TokenWeights.from_forms([t.form for t in f.tokens] for f in forms)
    return build_index(forms, weights=weights)


def top(index: NameIndex, query: str, schema: str | None = None) -> str:
    found = index.candidates(tokenize_name(query, schema), limit=3)
    assert found, query
    return index.forms[found[0][1]].normalized


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Vladimir Putin", "vladimir vladimirovich putin"),
        ("Vladimir Poutine", "vladimir vladimirovich putin"),  # French spelling
        ("Wladimir Putn", "vladimir vladimirovich putin"),  # two typos
        ("Сергей Шойгу", "sergey kuzhugetovich shoigu"),  # Cyrillic
        ("Kim Jongun", "jong un kim"),  # glued
        ("Kim Jong-Un", "jong un kim"),
        ("Osama bin Ladin", "usama bin laden"),  # vowels differ
        ("JSCARGUMENT", "argument"),  # glued to the legal form
        ("NPP gouramielektroniks", "npp gurami elektroniks"),  # glued and respelled
    ],
    ids=str,
)
def test_finds_variants(index: NameIndex, query: str, expected: str) -> None:
    """Typos, transliterations and glued tokens still reach the list name."""
    assert top(index, query) == expected


def test_acronym(index: NameIndex) -> None:
    """An organisation written as its initials meets the full name."""
    assert top(index, "PLA", "Organization") == "peoples liberation army"


def test_ranks_closer_names_first(index: NameIndex) -> None:
    """The name that leaves less unmatched ranks first."""
    assert top(index, "Mohammed Ali") == "mohammed ali"
    assert top(index, "Mohammed Ali Hassan") == "mohammed ali hassan"


def test_estimates_are_ordered(index: NameIndex) -> None:
    """Candidates come best estimate first, each at most once."""
    found = index.candidates(tokenize_name("Mohammed Ali"), limit=10)
    estimates = [e for e, _ in found]
    assert estimates == sorted(estimates, reverse=True)
    assert len({i for _, i in found}) == len(found)


def test_limit_and_allowed(index: NameIndex) -> None:
    """``limit`` caps the candidates and ``allowed`` filters them."""
    query = tokenize_name("Mohammed Ali")
    assert len(index.candidates(query, limit=1)) == 1
    allowed = bytes(0 if f.normalized == "mohammed ali" else 1 for f in index.forms)
    ids = [i for _, i in index.candidates(query, limit=10, allowed=allowed)]
    assert all(index.forms[i].normalized != "mohammed ali" for i in ids)


@pytest.mark.parametrize("query", ["", "  ", "...", "Zyxwvut Qqqq"], ids=repr)
def test_nothing_found(index: NameIndex, query: str) -> None:
    """A name without letters, or unlike any list name, has no candidates."""
    assert index.candidates(tokenize_name(query)) == []


def test_one_typo_shares_a_key() -> None:
    """Two tokens one edit apart share a deletion key."""
    a = tokenize_name("Mkrtychev").tokens[0]
    b = tokenize_name("Mkrtichev").tokens[0]
    assert {k for k, _ in query_keys(a)} & {k for k, _ in query_keys(b)}


def test_a_word_with_no_key_in_the_list_looks_up_its_ends() -> None:
    """A word two edits from a list word shares no key with it ("Mutebuzi", "Mutebutsi"):
    it looks up the list words that begin or end as it does."""
    listed = ["MUTEBUTSI, Jules", "YOUNES", "ALIS", "ELSA"]  # OFAC names "Jules" meets
    forms = [tokenize_name(name, "Person") for name in listed]
    weights = TokenWeights.from_forms([t.form for t in f.tokens] for f in forms)
    assert top(build_index(forms, weights=weights), "MUTEBUZI, Jules") == "jules mutebutsi"


def test_glued_keys() -> None:
    """A list name is indexed under each two adjacent tokens run together."""
    assert "+jongun" in name_keys(tokenize_name("Kim Jong Un"))


def test_ids_of_unknown_key(index: NameIndex) -> None:
    """An unknown key has no names."""
    assert list(index.ids("=no such key")) == []


def test_pickles(index: NameIndex) -> None:
    """The index survives pickling and answers the same."""
    copy = pickle.loads(pickle.dumps(index))
    query = tokenize_name("Vladimir Poutine")
    assert copy.candidates(query) == index.candidates(query)


def test_common_tokens_are_remembered_not_pickled() -> None:
    """Candidate sets of common query tokens are kept across queries, and left out of pickles."""
    index = sample_matcher().index
    query = tokenize_name("Al Mohammad Kim")
    index._memo.clear()
    first = index.candidates(query)
    remembered = dict(index._memo)
    assert index.candidates(query) == first
    copy = pickle.loads(pickle.dumps(index))
    assert copy._memo == {}
    assert copy.candidates(query) == first
    assert remembered
    assert all(len(near) >= MEMO_NEAR_SIZE for _, near in remembered.values())


def _naive_top(
    evidence: list[tuple[float, set[int], set[int]]],
    totals: list[float],
    total_query: float,
    limit: int,
    allowed: bytes | None,
    *,
    common: int,
    universe: set[int] | None,
) -> list[tuple[float, int]]:
    """The ranking _partition and _top compute, name by name: every name estimated."""
    found: dict[int, float] = {} if universe is None else dict.fromkeys(universe, 0.0)
    for weight, close, near in evidence:
        if universe is not None or (len(near) > common and found):
            near, close = near & found.keys(), close & found.keys()
        for i in near:
            found[i] = found.get(i, 0.0) + weight * SKELETON
        for i in close:
            found[i] += weight * (1.0 - SKELETON)
    estimates = [
        (_estimate(matched, totals[i], total_query), -i)
        for i, matched in found.items()
        if allowed is None or allowed[i]
    ]
    return heapq.nlargest(limit, estimates)


_IDS = st.sets(st.integers(0, 59), max_size=40)


@given(
    tokens=st.lists(
        st.tuples(st.sampled_from([0.1, 0.5, 1.0, 2.5]), _IDS, _IDS), min_size=1, max_size=5
    ),
    totals=st.lists(st.sampled_from([0.5, 1.0, 1.5, 3.0, 4.2]), min_size=60, max_size=60),
    limit=st.integers(1, 12),
    banned=st.sets(st.integers(0, 59), max_size=10),
    common=st.sampled_from([4, COMMON]),
    universe=st.none() | _IDS,
)
@settings(max_examples=300, deadline=None)
def test_top_equals_estimating_every_name(
    tokens: list[tuple[float, set[int], set[int]]],
    totals: list[float],
    limit: int,
    banned: set[int],
    common: int,
    universe: set[int] | None,
) -> None:
    """Grouping names by evidence and stopping early ranks as estimating them all would.

    Ties (many names share an estimate) go to the lower id either way. A common token
    (``common``) only adds to names found already; with a ``universe``, every token does.
    """
    evidence = [(w, close & near, near | close) for w, close, near in tokens]
    evidence.sort(key=lambda e: len(e[2]))
    index = NameIndex((), {}, array("i"), array("i"), array("d", totals), TokenWeights({}))
    total_query = sum(w for w, _, _ in evidence)
    allowed = bytes(i not in banned for i in range(60))
    expected = _naive_top(
        evidence, totals, total_query, limit, allowed, common=common, universe=universe
    )
    with mock.patch("sanctionmatch.index.COMMON", common):
        parts = _partition(evidence, universe)
    assert index._top(parts, total_query, limit, allowed) == expected


def test_two_arabic_words_meet_one_list_word() -> None:
    """Arabic writes نصر الله apart; the list writes "Nasrallah" as one word."""
    names = [("NASRALLAH, Hasan", "Person"), ("NASR, Ali", "Person"), ("HASAN, Nasir", "Person")]
    forms = [tokenize_name(name, schema) for name, schema in names]
    weights = TokenWeights.from_forms([t.form for t in f.tokens] for f in forms)
    index = build_index(forms, weights=weights)
    found = index.candidates(tokenize_name("حسن نصر الله"), limit=3)
    assert index.forms[found[0][1]].normalized == "hasan nasrallah"
