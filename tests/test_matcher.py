"""Tests for sanctionmatch.matcher and sanctionmatch.screen, against the bundled sample."""

from __future__ import annotations

import csv
import functools
import pickle
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionmatch.lists import load_sample
from sanctionmatch.matcher import (
    COUNTRY_CONFLICTS,
    DATE_CONFLICTS,
    Matcher,
    country_evidence,
    country_key,
    date_evidence,
    parse_date,
)
from sanctionmatch.model import AIRCRAFT, PERSON, VESSEL, Entity, Match
from sanctionmatch.score import DEFAULT_THRESHOLD
from sanctionmatch.screen import ScreenResult, screen

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "matcher"


def rows(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_sample())


def summary(matches: list[Match]) -> list[tuple[str, float, str]]:
    return [(m.entity.id, m.score, m.name) for m in matches]


@pytest.mark.parametrize("row", rows("queries.csv"), ids=lambda r: f"{r['query']}-{r['schema']}")
def test_labelled_queries(matcher: Matcher, row: dict[str, str]) -> None:
    """Each labelled query finds its entity first, or nothing."""
    found = matcher.match(
        row["query"],
        schema=row["schema"] or None,
        birth_date=row["birth_date"] or None,
        country=row["country"] or None,
    )
    if row["expect"]:
        assert found and found[0].entity.id == row["expect"]
    else:
        assert found == []


def test_match_record(matcher: Matcher) -> None:
    """A match carries the entity, score, best list name, normalized query and why."""
    (match,) = matcher.match("Vladimir Poutine", limit=1)
    assert match.entity.id == "ofac-35096"
    assert match.name == "PUTIN, Vladimir"
    assert match.query == "vladimir poutine"
    assert match.explanation.score == match.score
    assert match.explanation.candidate == "PUTIN, Vladimir"
    assert match.explanation.pairs


def test_ranked_and_unique(matcher: Matcher) -> None:
    """Matches come best first and each entity once."""
    found = matcher.match("Kim Jong", threshold=0, limit=10)
    assert len(found) == 10
    scores = [m.score for m in found]
    assert scores == sorted(scores, reverse=True)
    assert len({m.entity.id for m in found}) == len(found)


def test_thresholds(matcher: Matcher) -> None:
    """None means DEFAULT_THRESHOLD; 0 returns the best candidates whatever their score."""
    assert all(m.score >= DEFAULT_THRESHOLD for m in matcher.match("Kim Jong"))
    assert matcher.match("Peter Schmidt") == []
    assert matcher.match("Peter Schmidt", threshold=0, limit=3)
    assert len(matcher.match("Kim Jong", threshold=0, limit=3)) == 3
    assert all(m.score == 1.0 for m in matcher.match("Kim Jong Un", threshold=1.0))


def penalties(match: Match) -> list[float]:
    return [
        p.amount
        for p in match.explanation.penalties
        if "birth" in p.reason or "country" in p.reason
    ]


@pytest.mark.parametrize(
    ("birth_date", "effect"),
    [
        ("1952-10-07", 0.05),
        ("1952-10", 0.03),
        ("1952", 0.02),
        ("1953", -0.05),  # a year off
        ("1952-03-01", -0.05),  # same year, another day
        ("1970", DATE_CONFLICTS),
        ("1970-05-21", DATE_CONFLICTS),
    ],
    ids=str,
)
def test_birth_date(matcher: Matcher, birth_date: str, effect: float) -> None:
    """A birth date that agrees raises the score a little, one that conflicts lowers it."""
    plain = matcher.match("Vladimir Putin", threshold=0, limit=1)[0]
    (dated,) = matcher.match("Vladimir Putin", birth_date=birth_date, threshold=0, limit=1)
    assert dated.entity == plain.entity
    assert penalties(dated) == [effect]
    assert dated.score == pytest.approx(min(1.0, max(0.0, plain.score + effect)))


def test_birth_date_unknown_on_list(matcher: Matcher) -> None:
    """An entity without birth dates is not adjusted."""
    (match,) = matcher.match("HALTI", birth_date="1970", limit=1)
    assert penalties(match) == [] and match.score == 1.0


@pytest.mark.parametrize(
    ("country", "effect"),
    [("Russia", []), ("Russian Federation", []), ("France", [COUNTRY_CONFLICTS]), ("RU", [])],
    ids=str,
)
def test_country(matcher: Matcher, country: str, effect: list[float]) -> None:
    """A country none of the entity's countries names lowers the score."""
    (match,) = matcher.match("Vladimir Putin", country=country, threshold=0, limit=1)
    assert penalties(match) == effect


def test_evidence_keeps_scores_in_range(matcher: Matcher) -> None:
    """Adjusted scores stay in [0, 1]."""
    agree = matcher.match("Kim Jong Un", birth_date="1984-01-08", limit=1)
    assert agree[0].score == 1.0
    for m in matcher.match("Kim Jong", birth_date="1900", country="Peru", threshold=0, limit=20):
        assert 0.0 <= m.score <= 1.0


def test_schema_filters(matcher: Matcher) -> None:
    """A Person query never hits a vessel or aircraft; an Organization one never a person."""
    for name in ("HALTI", "EX-301", "ARK III"):
        hits = matcher.match(name, schema="Person", threshold=0)
        assert all(m.entity.schema not in (VESSEL, AIRCRAFT) for m in hits)
    hits = matcher.match("Kim Jong Un", schema="Organization", threshold=0)
    assert hits and all(m.entity.schema != PERSON for m in hits)
    assert matcher.match("HALTI", schema="Vessel")[0].entity.schema == VESSEL


def test_bad_input(matcher: Matcher) -> None:
    """A name that is not a str is a TypeError; a name without letters finds nothing."""
    with pytest.raises(TypeError):
        matcher.match(123)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="schema"):
        matcher.match("Putin", schema="Planet")
    with pytest.raises(ValueError, match="birth date"):
        matcher.match("Putin", birth_date="yesterday")
    for name in ("", "   ", "...", "-- / --"):
        assert matcher.match(name, threshold=0) == []
    with pytest.raises(TypeError):
        Matcher(["not an entity"])  # type: ignore[list-item]


def test_from_entities() -> None:
    """A Matcher takes any iterable of entities."""
    entities = [
        Entity(id="a", schema="Person", names=["Jane Doe"], birth_dates=["1970"]),
        Entity(id="b", schema="Vessel", names=["JANE DOE"]),
    ]
    matcher = Matcher(iter(entities))
    assert [m.entity.id for m in matcher.match("Jane Doe")] == ["a", "b"]
    assert [m.entity.id for m in matcher.match("Jane Doe", schema="Person")] == ["a"]


def test_carons_meet_both_ways() -> None:
    """A name with č, š, ž meets its English spelling and the same name typed without marks."""
    listed = Matcher([Entity(id="a", schema="Person", names=["Nikolaj Rogaščuk"])])
    for query in ("Nikolai ROGASHCHUK", "Nikolaj Rogascuk", "Nikolaj Rogaščuk"):
        assert [m.entity.id for m in listed.match(query)] == ["a"], query
    english = Matcher([Entity(id="b", schema="Person", names=["Nikolai ROGASHCHUK"])])
    found = english.match("Nikolaj Rogaščuk")
    assert [m.entity.id for m in found] == ["b"]
    assert found[0].score == english.brute_force("Nikolaj Rogaščuk")[0]  # type: ignore[index]


def test_pickle_round_trip(matcher: Matcher) -> None:
    """A Matcher pickles with its index and answers the same (speed: bench_match.py)."""
    copy = pickle.loads(pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL))
    for row in rows("queries.csv")[:8]:
        assert summary(copy.match(row["query"])) == summary(matcher.match(row["query"]))


def test_threads(matcher: Matcher) -> None:
    """Several threads sharing one Matcher get the serial results."""
    queries = [r["query"] for r in rows("altered_names.csv")[:40]]
    serial = [summary(matcher.match(q, threshold=0)) for q in queries]
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(lambda q: summary(matcher.match(q, threshold=0)), queries))
    assert threaded == serial


def test_brute_force_agreement() -> None:
    """The index's top hit scores what scoring every list name would find."""
    entities = list(load_sample())[::8]
    matcher = Matcher(entities)
    agree = alerts = alerts_agree = 0
    queries = rows("altered_names.csv")
    for row in queries:
        found = matcher.match_raw(row["query"], threshold=0, limit=1)
        brute = matcher.brute_force(row["query"])
        assert brute is not None
        same = abs((found[0].score if found else 0.0) - brute[0]) < 1e-9
        agree += same
        if brute[0] >= DEFAULT_THRESHOLD:
            alerts += 1
            alerts_agree += same
    assert alerts_agree == alerts  # every alert brute force raises, the index raises
    assert agree / len(queries) >= 0.97


@functools.cache
def small_matcher() -> Matcher:
    return Matcher(list(load_sample())[::20])


@given(st.text(max_size=40))
@settings(max_examples=60, deadline=None)
def test_any_text(text: str) -> None:
    """Any text screens without error, with scores in [0, 1]."""
    for m in small_matcher().match(text, threshold=0, limit=3):
        assert 0.0 <= m.score <= 1.0


# Evidence rules as functions.


@pytest.mark.parametrize(
    ("text", "date"),
    [("1955", (1955, 0, 0)), ("1955-05", (1955, 5, 0)), ("1955-05-21", (1955, 5, 21)), ("x", None)],
    ids=str,
)
def test_parse_date(text: str, date: tuple[int, int, int] | None) -> None:
    """Partial ISO dates read as (year, month, day) with 0 for unknown parts."""
    assert parse_date(text) == date


def test_date_evidence() -> None:
    """Dates compare on the parts both give; any listed date may agree."""
    assert date_evidence((1955, 0, 0), []) is None
    agree = date_evidence((1955, 5, 21), [(1960, 0, 0), (1955, 5, 0)])
    assert agree is not None and agree.amount == 0.03


def test_country_key() -> None:
    """Country names reduce to their distinctive words; codes stay codes."""
    assert country_key("Korea, North") & country_key("Democratic People's Republic of Korea")
    assert country_key("Iran (Islamic Republic of)") == country_key("Iran")
    assert not country_key("Iraq") & country_key("Iran")
    assert country_key("ru") == frozenset({"RU"})
    assert country_evidence(country_key("RU"), [country_key("Russia")]) is None


# Batch screening.

RECORDS: list[object] = [
    "Vladimir Poutine",
    {"name": "Sergei Shoigu", "id": "row-2", "birth_date": "1955"},
    {"name": "HALTI", "schema": "Person"},
    {"name": "Kim Jongun", "country": "Korea, North"},
    "Peter Schmidt",
]


def flatten(
    results: Iterator[ScreenResult],
) -> list[tuple[object, str, list[tuple[str, float, str]]]]:
    return [(r.id, r.query, summary(list(r.matches))) for r in results]


def test_screen(matcher: Matcher) -> None:
    """screen streams one result per record, in order, carrying ids."""
    results = flatten(screen(RECORDS, matcher=matcher))  # type: ignore[arg-type]
    assert [r[0] for r in results] == [0, "row-2", 2, 3, 4]
    assert results[0][2][0][0] == "ofac-35096"
    assert results[2][2] == [] and results[4][2] == []


def test_screen_parallel_identical(matcher: Matcher) -> None:
    """jobs=2 gives exactly the serial results."""
    records = RECORDS + [r["query"] for r in rows("altered_names.csv")[:30]]
    serial = flatten(screen(records, matcher=matcher, threshold=0))  # type: ignore[arg-type]
    parallel = flatten(screen(records, matcher=matcher, threshold=0, jobs=2, chunk_size=7))  # type: ignore[arg-type]
    assert parallel == serial


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x1"}, r"record 2 \(id 'x1'\): missing field 'name'"),
        ({"name": 5}, r"record 2, field 'name'"),
        ({"name": "A", "birth_date": 1970}, r"record 2, field 'birth_date'"),
        ({"name": "A", "schema": "Planet"}, r"record 2, field 'schema'"),
        (42, r"record 2: expected a name or a dict"),
    ],
    ids=str,
)
@pytest.mark.parametrize("jobs", [1, 2])
def test_screen_bad_record(matcher: Matcher, record: object, message: str, jobs: int) -> None:
    """A bad record raises naming its number, id and field, after the records before it."""
    results = screen(["Vladimir Putin", "Sergei Shoigu", record, "Kim"], matcher=matcher, jobs=jobs)  # type: ignore[list-item]
    assert next(results).query == "Vladimir Putin"
    assert next(results).query == "Sergei Shoigu"
    with pytest.raises((TypeError, ValueError), match=message):
        next(results)


def test_a_name_with_a_quoted_part_is_read_both_ways() -> None:
    """Quotes hold an organisation's name proper or a person's nickname; a query without a
    schema is screened both ways, and the explanation is of the reading that scored."""
    matcher = Matcher(
        [
            Entity(id="sobol", schema="Organization", names=["Russische gemeenschap “Sobol”"]),
            Entity(id="putin", schema="Person", names=["PUTIN, Vladimir"]),
        ]
    )
    for query, expected in [
        ("Ruské společenství „Sobol“", "sobol"),  # read as a person's name by its words
        ("Vladimir Putin “the tsar”", "putin"),  # an organisation's by "the"; also unquoted
    ]:
        hits = matcher.match(query)
        assert [hit.entity.id for hit in hits] == [expected], query
        assert hits[0].explanation.score == pytest.approx(hits[0].score), query
    assert matcher.match("Ruské společenství „Sobol“")[0].explanation.schema == "Organization"
