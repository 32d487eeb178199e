"""Time compare() on two-to-four-token name pairs.

Prints the median and 90th percentile time per call in three settings:
- cold: every name and token pair seen for the first time (no memo hits);
- names prepared: both names already normalized (as a Matcher holds list names), token
  pairs new;
- warm: the same pairs again (every memo hit), the steady state of repeated screening.

usage: python benchmarks/bench_compare.py [PAIRS.jsonl|PAIRS.csv]
The default input is fixtures/name_pairs.csv (columns a, b, schema, expect).
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sanctionmatch
from sanctionmatch.names import tokenize_name
from sanctionmatch.score import score_forms, token_similarity
from sanctionmatch.weights import default_weights

ROOT = Path(__file__).resolve().parent.parent


def load_pairs(path: Path) -> list[tuple[str, str, str | None]]:
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    else:
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    pairs = []
    for row in rows:
        a, b = row.get("a"), row.get("b")
        if a and b and 2 <= len(a.split()) <= 4 and 2 <= len(b.split()) <= 4:
            pairs.append((a, b, row.get("schema") or None))
    return pairs


def timed(calls: list[Callable[[], object]]) -> list[float]:
    out = []
    for call in calls:
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p90 = times[int(len(times) * 0.9)]
    print(f"{label:<16} median {statistics.median(times) * 1e6:7.1f} us   p90 {p90 * 1e6:7.1f} us")


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT / "fixtures" / "name_pairs.csv"
    pairs = load_pairs(path)
    print(f"{len(pairs)} pairs of two to four tokens from {path.name}")
    sanctionmatch.compare("warm up", "the tables")  # load the rule tables once
    report(
        "cold",
        timed([lambda a=a, b=b, s=s: sanctionmatch.compare(a, b, schema=s) for a, b, s in pairs]),
    )
    weights = default_weights()
    token_similarity.cache_clear()
    prepared = [(tokenize_name(a, s), tokenize_name(b, s)) for a, b, s in pairs]
    report(
        "names prepared",
        timed([lambda qa=qa, qb=qb: score_forms(qa, qb, weights=weights) for qa, qb in prepared]),
    )
    report(
        "warm",
        timed([lambda a=a, b=b, s=s: sanctionmatch.compare(a, b, schema=s) for a, b, s in pairs]),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
