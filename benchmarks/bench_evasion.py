"""Recall of match() and scan() under evasion of real list names.

Samples N persons and organisations of the bundled sample list whose primary name is
written in Latin letters (two words or more), applies each evasion of
``tests/strategies.py`` (``EVASIONS``) to the primary name with a seeded random source,
and counts how often the entity is still the top hit (ties at the top score count) at
DEFAULT_THRESHOLD:

* ``match``: ``sample_matcher().match(evaded)``;
* ``scan``: ``scan()`` of the evaded name inside a sentence ("On Tuesday, NAME met
  investors in Geneva, officials said."), the entity being the top match of a mention.

The ``none`` row applies no evasion: the ceiling the other rows are measured against.

usage: python benchmarks/bench_evasion.py [--n N] [--seed SEED] [--examples K]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.strategies, where the evasions are defined

from sanctionmatch import DEFAULT_THRESHOLD, Entity, load_sample, sample_matcher, scan  # noqa: E402
from tests.strategies import EVASIONS, PERSON_EVASIONS, Evasion  # noqa: E402

SENTENCE = "On Tuesday, {} met investors in Geneva, officials said."
LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]*[A-Za-z.]")


def latin_primary(entity: Entity) -> str | None:
    """The entity's first primary name written in ASCII Latin letters, of two words or more."""
    if entity.schema not in ("Person", "Organization"):
        return None
    for name in entity.names:
        if name.kind == "primary" and LATIN_NAME.fullmatch(name.value) and " " in name.value:
            return name.value
    return None


def population() -> list[tuple[str, str, str]]:
    """(entity id, Latin primary name, schema) for every eligible sample entity, in order."""
    out = []
    for entity in load_sample():
        name = latin_primary(entity)
        if name is not None:
            out.append((entity.id, name, entity.schema))
    return out


def found_by_match(name: str, entity_id: str) -> bool:
    """Whether the entity is the top hit (ties included) of match(name)."""
    hits = sample_matcher().match(name, threshold=DEFAULT_THRESHOLD)
    return bool(hits) and any(h.entity.id == entity_id and h.score == hits[0].score for h in hits)


def found_by_scan(name: str, entity_id: str) -> bool:
    """Whether a mention in a sentence around ``name`` has the entity as its top match."""
    for mention in scan(SENTENCE.format(name), threshold=DEFAULT_THRESHOLD):
        top = mention.matches[0].score
        if any(m.entity.id == entity_id and m.score == top for m in mention.matches):
            return True
    return False


def measure(
    evasion: Evasion | None, sample: Sequence[tuple[str, str, str]], seed: int, examples: int
) -> tuple[int, int, list[str]]:
    """Count the sample's names found by match and by scan after ``evasion``."""
    rng = random.Random(seed)
    by_match = by_scan = 0
    missed: list[str] = []
    for entity_id, name, _ in sample:
        evaded = name if evasion is None else evasion(name, rng)
        hit_match = found_by_match(evaded, entity_id)
        hit_scan = found_by_scan(evaded, entity_id)
        by_match += hit_match
        by_scan += hit_scan
        if not (hit_match and hit_scan) and len(missed) < examples:
            where = "/".join(w for w, ok in (("match", hit_match), ("scan", hit_scan)) if not ok)
            missed.append(f"{name!r} -> {evaded!r} (missed by {where})")
    return by_match, by_scan, missed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="entities sampled (default 300)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--examples", type=int, default=3, help="misses shown per evasion")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    everyone = population()
    sample = random.Random(args.seed).sample(everyone, min(args.n, len(everyone)))
    sample_matcher()
    print(
        f"{len(sample)} of {len(everyone)} sample entities with a Latin primary name; "
        f"threshold {DEFAULT_THRESHOLD}; seed {args.seed}\n"
    )
    rows: list[tuple[str, Evasion | None]] = [("none", None), *EVASIONS.items()]
    width = max(len(label) for label, _ in rows)
    print(f"{'evasion':<{width}}  {'names':>5}  {'match':>7}  {'scan':>7}")
    print(f"{'-' * width}  {'-' * 5}  {'-' * 7}  {'-' * 7}")
    notes: list[str] = []
    for label, evasion in rows:
        chosen = [s for s in sample if label not in PERSON_EVASIONS or s[2] == "Person"]
        by_match, by_scan, missed = measure(evasion, chosen, args.seed, args.examples)
        n = len(chosen)
        print(f"{label:<{width}}  {n:>5}  {by_match / n:>7.1%}  {by_scan / n:>7.1%}", flush=True)
        notes.extend(f"  {label}: {m}" for m in missed)
    if notes:
        print("\nexamples of misses:")
        print("\n".join(notes))
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
