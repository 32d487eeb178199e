"""Throughput of screen_dataframe() on Spark local mode against screen(jobs=N).

usage: python benchmarks/bench_spark.py [LIST_FILE ...] [--negatives NEGATIVES.csv]
           [--records 100000] [--jobs 2] [--partitions 8] [--seed 7]

Builds the records once: list names altered the way a query written elsewhere differs
(a typo, a spelling change, tokens reordered, glued or dropped; see bench_match.py), and
two in five names that are on no list: from ``--negatives`` (a CSV with a ``full_name``
column) when given, else first names and family names paired at random. Lists are the
bundled sample when no list file is given.

Then screens them twice and prints rows/s: with ``screen(jobs=N)`` in worker processes,
and with ``screen_dataframe`` on a ``local[N]`` Spark session reading the records from
Parquet, repartitioned, and writing the hits to Parquet. Spark's session start is timed
apart. Both runs must find the same number of hits. ``screen`` also explains every hit,
which ``screen_dataframe`` does not; the serial ``match_raw`` rate shows that part.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_match import alias_queries, negative_queries

from sanctionmatch.lists import load_list, load_sample
from sanctionmatch.matcher import Matcher
from sanctionmatch.screen import screen

FIRST = (
    "Anna", "Brian", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
    "Karin", "Luis", "Maria", "Nikhil", "Olga", "Pedro", "Quentin", "Rosa", "Sanjay", "Tomas",
)  # fmt: skip
FAMILY = (
    "Andersen", "Baptiste", "Coelho", "Dubois", "Eriksson", "Fontaine", "Gallagher", "Horvath",
    "Iglesias", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Pereira",
    "Quintero", "Rasmussen", "Schneider", "Tanaka", "Urquhart", "Vermeulen", "Whitfield",
)  # fmt: skip


def records(
    matcher: Matcher, n: int, negatives: str | None, rng: random.Random
) -> list[tuple[str, str]]:
    """``n`` (id, name) pairs: altered list names and two in five unlisted names."""
    n_neg = n * 2 // 5
    listed = [q for q, _ in alias_queries(matcher.entities, n - n_neg, rng)]
    if negatives is None:
        unlisted = [f"{rng.choice(FIRST)} {rng.choice(FAMILY)}" for _ in range(n_neg)]
    else:
        rows = negative_queries(negatives, n_neg, rng)
        unlisted = [rows[i % len(rows)]["name"] for i in range(n_neg)]
    names = listed + unlisted
    rng.shuffle(names)
    return [(f"r{i}", name) for i, name in enumerate(names)]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lists", nargs="*")
    parser.add_argument("--negatives")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    source = load_list(*args.lists) if args.lists else load_sample()
    matcher = Matcher(source)
    rows = records(matcher, args.records, args.negatives, random.Random(args.seed))
    print(f"{len(source)} entities; {len(rows)} records")

    start = time.perf_counter()
    for name in (n for _, n in rows[:5000]):
        matcher.match_raw(name)
    print(f"match_raw, serial: {5000 / (time.perf_counter() - start):.0f} rows/s (5000 rows)")

    start = time.perf_counter()
    found = sum(
        len(r.matches)
        for r in screen(({"id": i, "name": n} for i, n in rows), matcher=matcher, jobs=args.jobs)
    )
    elapsed = time.perf_counter() - start
    print(
        f"screen(jobs={args.jobs}): {len(rows) / elapsed:.0f} rows/s "
        f"({elapsed:.1f} s, {found} hits)"
    )

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter
    from pyspark.sql import SparkSession

    from sanctionmatch.spark import screen_dataframe

    start = time.perf_counter()
    spark = (
        SparkSession.builder.master(f"local[{args.jobs}]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"Spark {spark.version} session started in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        given, hits = Path(tmp, "records"), Path(tmp, "hits")
        spark.createDataFrame(rows, "id string, name string").write.parquet(str(given))
        for run in (1, 2):
            start = time.perf_counter()
            frame = spark.read.parquet(str(given)).repartition(args.partitions)
            screen_dataframe(frame, matcher).write.mode("overwrite").parquet(str(hits))
            elapsed = time.perf_counter() - start
            count = spark.read.parquet(str(hits)).count()
            print(
                f"screen_dataframe on local[{args.jobs}], run {run}: "
                f"{len(rows) / elapsed:.0f} rows/s ({elapsed:.1f} s, {count} hits)"
            )
            if count != found:
                print(f"  hit counts differ: {count} on Spark, {found} with screen()")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
