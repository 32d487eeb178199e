"""Determinism: the same input gives the same output across runs, processes and threads.

Python randomises string hashing per process (``PYTHONHASHSEED``), which changes the
iteration order of sets and of dicts built from them. Nothing the library returns may
depend on it: the results of ``match``, ``scan`` and ``screen`` are compared as JSON
between processes with different seeds, between repeated runs, between several threads
sharing one :class:`~sanctionmatch.Matcher`, and between serial and parallel screening.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from sanctionmatch import Matcher, load_list, scan, screen
from sanctionmatch.model import Match, Mention

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "fixtures" / "lists"
ARTICLES = ROOT / "fixtures" / "articles"
QUERIES = [
    "Vladimir Putin",
    "PUTIN, Vladimir Vladimirovich",
    "Sergei Shoigu",
    "Сергей Шойгу",
    "Kim Jong Un",
    "김정은",
    "KIM JONG SIK",
    "Wagner Group",
    "Mohammed",
    "Kim",
    "Gerasimov Valery",
    "Lazarus",
    "Example Person",
]


def _match_json(match: Match) -> dict[str, Any]:
    return {
        "id": match.entity.id,
        "score": match.score.hex(),  # exact, not rounded
        "name": match.name,
        "pairs": [
            [p.query, p.candidate, p.similarity.hex(), p.weight, p.form]
            for p in match.explanation.pairs
        ],
        "penalties": [[p.reason, p.amount] for p in match.explanation.penalties],
    }


def _mention_json(mention: Mention) -> dict[str, Any]:
    return {
        "span": [mention.start, mention.end],
        "matches": [_match_json(m) for m in mention.matches],
    }


def fixture_matcher() -> Matcher:
    """A matcher over a few fixture lists: quick to build in a subprocess."""
    return Matcher(
        load_list(LISTS / "ofac_sdn", LISTS / "un_consolidated.xml", LISTS / "eu_fsf.xml")
    )


def outputs(matcher: Matcher) -> dict[str, Any]:
    """Everything compared: match results of the queries and scan results of the articles."""
    articles = sorted(ARTICLES.glob("*.txt"))
    return {
        "match": {q: [_match_json(m) for m in matcher.match(q, threshold=0.3)] for q in QUERIES},
        "scan": {
            p.name: [_mention_json(m) for m in scan(p.read_text(encoding="utf-8"), matcher=matcher)]
            for p in articles
        },
    }


CHILD = """
import json, sys
sys.path.insert(0, {root!r})
from tests.test_determinism import fixture_matcher, outputs
print(json.dumps(outputs(fixture_matcher()), sort_keys=True))
"""


def _run_with_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT))],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_same_output_under_different_hash_seeds() -> None:
    """Two processes with different PYTHONHASHSEED give identical JSON."""
    seeds = ["0", "2654435761"]
    with ThreadPoolExecutor(len(seeds)) as pool:
        first, second = pool.map(_run_with_seed, seeds)
    assert json.loads(first)["match"]["Vladimir Putin"], "the run found nothing to compare"
    assert first == second


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return fixture_matcher()


def test_same_output_when_repeated(matcher: Matcher) -> None:
    """Running the same queries twice in one process gives the same results."""
    assert outputs(matcher) == outputs(matcher)


def test_threads_sharing_one_matcher(matcher: Matcher) -> None:
    """Several threads using one Matcher at once get what a single thread gets."""
    expected = outputs(matcher)
    fresh = fixture_matcher()  # its scan vocabulary is built by the racing threads
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda _: outputs(fresh), range(12)))
    assert all(r == expected for r in results)


def test_parallel_screen_equals_serial(matcher: Matcher) -> None:
    """screen(jobs=2) yields exactly what screen(jobs=1) yields, in the same order."""
    records = [{"id": f"r{i}", "name": q} for i, q in enumerate(QUERIES * 3)]

    def run(jobs: int) -> list[Any]:
        return [
            [r.id, r.query, [_match_json(m) for m in r.matches]]
            for r in screen(records, matcher=matcher, jobs=jobs, chunk_size=5)
        ]

    assert run(2) == run(1)
