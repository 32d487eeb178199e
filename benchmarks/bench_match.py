"""Benchmark the screening engine on full lists: build, latency, batch, brute force, recall.

usage: python benchmarks/bench_match.py LIST_FILE [LIST_FILE ...]
           [--negatives NEGATIVES.csv [--all-unlisted]] [--alias-list FILE ...] [--queries 10000]
           [--brute 200] [--jobs 2] [--seed 7]

Reports:
- index build time and peak memory (resident set size) for all the given list files;
- per-query latency (p50, p99) and queries/s of ``Matcher.match`` on one core, over
  realistic queries: list names with a typo, a spelling change, tokens reordered, glued
  or dropped, and (with ``--negatives``, a CSV with a ``full_name`` column and optionally
  ``date_of_birth`` and ``nationality``) names that are on no list;
- batch names/s through ``screen`` (serial, and with ``--jobs`` worker processes);
- agreement of the top hit with brute force (every list name scored) on a subsample:
  the top scores whatever they are, and the top hits at DEFAULT_THRESHOLD;
- recall@1 on the altered list-name queries, and the alert rate on the unlisted names
  (also per script the names are written in; with ``--all-unlisted``, over every name of
  the ``--negatives`` file too);
- for each ``--alias-list`` file, the alias protocol: every non-primary name used as a
  query against an index of the primary names only, recall@1 at DEFAULT_THRESHOLD, and
  its ceiling: the share of queries that score DEFAULT_THRESHOLD against a primary name of
  their own entity at all (what a perfect index would reach with this scorer).
"""

from __future__ import annotations

import argparse
import csv
import logging
import pickle
import random
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

import attrs

from sanctionmatch.collector import collector_paused
from sanctionmatch.lists import load_list
from sanctionmatch.matcher import Matcher
from sanctionmatch.model import PERSON, PRIMARY, Entity
from sanctionmatch.names import ORGANIZATION, tokenize_name
from sanctionmatch.score import DEFAULT_THRESHOLD, score_forms
from sanctionmatch.screen import screen
from sanctionmatch.text import dominant_script, readings

# Spelling changes between transliteration conventions and languages.
RESPELL = [
    ("ov", "off"), ("sh", "sch"), ("y", "i"), ("ou", "u"), ("u", "ou"), ("kh", "h"),
    ("j", "dzh"), ("yu", "iu"), ("ya", "ia"), ("ee", "i"), ("c", "k"), ("ph", "f"),
    ("mohammed", "muhammad"), ("muhammad", "mohamed"), ("ei", "ey"), ("ai", "ay"),
    ("ie", "iye"), ("v", "w"), ("x", "ks"), ("q", "k"), ("dh", "d"), ("aa", "a"),
]  # fmt: skip
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    op = rng.choice("dist")
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "i":
        return word[:i] + rng.choice(LETTERS) + word[i:]
    if op == "s":
        return word[:i] + rng.choice(LETTERS) + word[i + 1 :]
    if i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def alter(name: str, rng: random.Random) -> str:
    """Change a list name the way a query written elsewhere differs from it."""
    words = name.replace(",", " ").split()
    for _ in range(rng.choice((1, 1, 2))):
        op = rng.choice(("typo", "typo", "respell", "respell", "order", "glue", "drop", "case"))
        long = [i for i, w in enumerate(words) if len(w) >= 4]
        if op == "typo" and long:
            i = rng.choice(long)
            words[i] = typo(words[i], rng)
        elif op == "respell":
            for old, new in rng.sample(RESPELL, len(RESPELL)):
                hits = [i for i, w in enumerate(words) if old in w.lower()]
                if hits:
                    i = rng.choice(hits)
                    words[i] = words[i].lower().replace(old, new, 1)
                    break
        elif op == "order" and len(words) >= 2:
            words = words[1:] + words[:1]
        elif op == "glue" and len(words) >= 3:
            i = rng.randrange(len(words) - 1)
            words[i : i + 2] = [words[i] + words[i + 1].lower()]
        elif op == "drop" and len(words) >= 3:
            del words[rng.randrange(1, len(words) - 1)]
        elif op == "case":
            words = [w.lower() if rng.random() < 0.5 else w.upper() for w in words]
    return " ".join(words)


def alias_queries(entities: Sequence[Entity], n: int, rng: random.Random) -> list[tuple[str, int]]:
    """``n`` altered list names, each with the number of the entity it came from."""
    out: list[tuple[str, int]] = []
    while len(out) < n:
        number = rng.randrange(len(entities))
        names = [nm.value for nm in entities[number].names if len(nm.value.split()) >= 2]
        if names:
            out.append((alter(rng.choice(names), rng), number))
    return out


def negative_queries(path: str, n: int, rng: random.Random) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("full_name")]
    rows = rng.sample(rows, min(n, len(rows)))
    return [
        {"name": r["full_name"], "birth_date": r.get("date_of_birth") or "",
         "country": r.get("nationality") or ""}
        for r in rows
    ]  # fmt: skip


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def load(paths: Sequence[str]) -> list[Entity]:
    # Entries listed on two of the lists under one id are skipped once and counted.
    logging.getLogger("sanctionmatch.lists").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cross-list duplicate ids are skipped and counted
        return list(load_list(*paths, lenient=True))


def _brute_one(args: tuple[Matcher, str]) -> tuple[float, float]:
    matcher, query = args
    top = matcher.match_raw(query, threshold=0, limit=1)
    brute = matcher.brute_force(query)
    return (top[0].score if top else 0.0), (brute[0] if brute else 0.0)


_BRUTE: dict[str, Matcher] = {}


def _init(matcher: Matcher) -> None:
    _BRUTE["m"] = matcher


def _brute_in_worker(query: str) -> tuple[float, float]:
    return _brute_one((_BRUTE["m"], query))


def brute_agreement(matcher: Matcher, queries: Sequence[str], jobs: int) -> None:
    start = time.perf_counter()
    with ProcessPoolExecutor(jobs, initializer=_init, initargs=(matcher,)) as pool:
        pairs = list(pool.map(_brute_in_worker, queries, chunksize=4))
    agree = [abs(a - b) < 1e-9 for a, b in pairs]
    alerts = [ok for ok, (_, b) in zip(agree, pairs, strict=True) if b >= DEFAULT_THRESHOLD]
    worse = sorted((b - a, q) for (a, b), q in zip(pairs, queries, strict=True) if b - a > 1e-9)
    print(
        f"brute force agreement: {sum(agree)}/{len(agree)} = {sum(agree) / len(agree):.4f} "
        f"(top score equal); where brute force alerts: {sum(alerts)}/{len(alerts)} = "
        f"{sum(alerts) / max(1, len(alerts)):.4f}  [{time.perf_counter() - start:.0f} s]"
    )
    # At the threshold, a query agrees when both give the same top score or neither
    # gives a hit (the index scores a subset of the names, so it never scores higher).
    hits = [
        ok or (a < DEFAULT_THRESHOLD and b < DEFAULT_THRESHOLD)
        for ok, (a, b) in zip(agree, pairs, strict=True)
    ]
    print(
        f"  top hits at DEFAULT_THRESHOLD agree (or neither has one): "
        f"{sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.4f}"
    )
    for gap, query in worse[-5:]:
        print(f"  missed by {gap:.3f}: {query!r}")


def recall(matcher: Matcher, queries: Sequence[tuple[str, int]]) -> float:
    """Share of queries whose source entity is (tied) top at DEFAULT_THRESHOLD."""
    hits = 0
    for query, number in queries:
        found = matcher.match_raw(query, limit=5)
        top = [h.entity for h in found if found and h.score == found[0].score]
        hits += number in top
    return hits / max(1, len(queries))


def alias_protocol(path: str) -> None:
    entities = load([path])
    primaries: list[Entity] = []
    queries: list[tuple[str, int]] = []
    for e in entities:
        names = [n for n in e.names if n.kind == PRIMARY]
        if not names:
            continue
        queries.extend((n.value, len(primaries)) for n in e.names if n.kind != PRIMARY)
        primaries.append(attrs.evolve(e, names=names))
    matcher = Matcher(primaries)
    start = time.perf_counter()
    score = recall(matcher, queries)
    people = [q for q in queries if primaries[q[1]].schema == PERSON]
    others = [q for q in queries if primaries[q[1]].schema != PERSON]
    print(
        f"alias protocol {path.rsplit('/', 1)[-1]}: {len(primaries)} entities, "
        f"{len(queries)} alias queries, recall@1 = {score:.3f} (people "
        f"{recall(matcher, people):.3f} of {len(people)}, others {recall(matcher, others):.3f} "
        f"of {len(others)}) [{time.perf_counter() - start:.0f} s]"
    )
    print(
        "  ceiling: alias queries that score DEFAULT_THRESHOLD against one of their own "
        f"entity's primary names, {reachable(matcher, primaries, queries):.3f} (people "
        f"{reachable(matcher, primaries, people):.3f}, others "
        f"{reachable(matcher, primaries, others):.3f}): the recall@1 of a perfect index"
    )


def reachable(
    matcher: Matcher, primaries: Sequence[Entity], queries: Sequence[tuple[str, int]]
) -> float:
    """Share of alias queries whose own entity scores DEFAULT_THRESHOLD by name alone.

    No ranking can do better with this scorer: the rest differ from every primary name of
    their entity (a translation, an acronym, a former name, another person's alias).
    """
    hits = 0
    for query, number in queries:
        schema = PERSON if primaries[number].schema == PERSON else ORGANIZATION
        # Each reading of each side, as the matcher reads them (see text.other_readings).
        forms = [tokenize_name(read, schema) for read in readings(query)]
        listed = [
            tokenize_name(read, schema)
            for name in primaries[number].names
            for read in readings(name.value)
        ]
        hits += any(
            score_forms(form, other, weights=matcher.weights) >= DEFAULT_THRESHOLD
            for form in forms
            for other in listed
        )
    return hits / max(1, len(queries))


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lists", nargs="+")
    parser.add_argument("--negatives")
    parser.add_argument(
        "--all-unlisted", action="store_true", help="also alert rate over every --negatives name"
    )
    parser.add_argument("--alias-list", action="append", default=[])
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--brute", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    base = rss_mb()
    entities = load(args.lists)
    loaded = rss_mb()
    start = time.perf_counter()
    matcher = Matcher(entities)
    build = time.perf_counter() - start
    names = sum(len(e.names) for e in entities)
    print(
        f"{len(entities)} entities, {names} names, {len(matcher.index)} distinct prepared names,"
        f" {len(matcher.index.slots)} keys"
    )
    print(
        f"index build {build:.2f} s; peak RSS {rss_mb():.0f} MB "
        f"(lists loaded {loaded:.0f} MB, interpreter {base:.0f} MB)"
    )
    start = time.perf_counter()
    blob = pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL)
    dumped = time.perf_counter() - start
    start = time.perf_counter()
    pickle.loads(blob)
    loaded_plain = time.perf_counter() - start
    start = time.perf_counter()
    with collector_paused():  # as the cache unpickles
        pickle.loads(blob)
    print(
        f"pickle {len(blob) / 1e6:.0f} MB: dumps {dumped:.2f} s, "
        f"loads {loaded_plain:.2f} s ({time.perf_counter() - start:.2f} s with the "
        "cyclic collector paused, as the cache loads it)"
    )

    n_neg = args.queries * 2 // 5 if args.negatives else 0
    aliases = alias_queries(entities, args.queries - n_neg, rng)
    negatives = negative_queries(args.negatives, n_neg, rng) if args.negatives else []
    mixed: list[str] = [q for q, _ in aliases] + [r["name"] for r in negatives]
    rng.shuffle(mixed)
    times = []
    for query in mixed:
        start = time.perf_counter()
        matcher.match(query)
        times.append(time.perf_counter() - start)
    print(
        f"{len(mixed)} queries ({len(aliases)} altered list names, {len(negatives)} unlisted): "
        f"{len(mixed) / sum(times):.0f} queries/s, p50 {percentile(times, 0.5) * 1e3:.2f} ms, "
        f"p99 {percentile(times, 0.99) * 1e3:.2f} ms, mean {statistics.mean(times) * 1e3:.2f} ms"
    )

    batch = [q for q, _ in alias_queries(entities, len(mixed), random.Random(args.seed + 1))]
    for jobs in sorted({1, args.jobs}):
        start = time.perf_counter()
        count = sum(1 for _ in screen(batch, matcher=matcher, jobs=jobs))
        elapsed = time.perf_counter() - start
        print(f"screen jobs={jobs}: {count / elapsed:.0f} names/s ({count} new names)")

    print(f"recall@1 on altered list names: {recall(matcher, aliases):.3f}")
    if negatives:
        alerted = [bool(matcher.match_raw(r["name"], limit=1)) for r in negatives]
        plain = sum(alerted)
        with_facts = sum(
            bool(
                matcher.match_raw(
                    r["name"],
                    birth_date=r["birth_date"] or None,
                    country=r["country"] or None,
                    limit=1,
                )
            )
            for r in negatives
        )
        print(
            f"alert rate on unlisted names: {plain / len(negatives):.4f} by name, "
            f"{with_facts / len(negatives):.4f} with birth date and nationality"
        )
        # By the script each name is written in: where false alerts come from.
        by_script: dict[str, list[bool]] = {}
        for row, alert in zip(negatives, alerted, strict=True):
            by_script.setdefault(dominant_script(row["name"]), []).append(alert)
        shares = sorted(by_script.items(), key=lambda kv: -len(kv[1]))
        print(
            "  by name, per script: "
            + ", ".join(f"{script} {sum(a)}/{len(a)}" for script, a in shares)
        )
    if args.brute:
        sample = rng.sample([q for q, _ in aliases], min(args.brute, len(aliases)))
        brute_agreement(matcher, sample, args.jobs)
    for path in args.alias_list:
        alias_protocol(path)
    if args.all_unlisted and args.negatives:
        everyone = negative_queries(args.negatives, sys.maxsize, random.Random(args.seed))
        alerts = sum(bool(matcher.match_raw(r["name"], limit=1)) for r in everyone)
        print(
            f"alert rate over all {len(everyone)} unlisted names: "
            f"{alerts / len(everyone):.4f} by name ({alerts})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
