"""Build ``fixtures/list_alias_pairs.csv``, a labelled benchmark for ``compare``, from real lists.

Match rows pair a listed entity's primary name with one of its other names on the same
list (another spelling, language or script: the EU list gives names in many languages,
OFAC gives a.k.a.'s). No-match rows pair the names of two different entities of one list
that share a name token (relatives, namesakes, organisations with a common word): the
hard negatives screening meets. Pairs whose names are identical after normalization, and
entities whose birth dates agree (possibly one subject listed twice), are left out.

usage: python scripts/build_pair_fixture.py EU_JSON OFAC_SDN_CSV [--per-source N]
"""

from __future__ import annotations

import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

from sanctionmatch.lists import load_list
from sanctionmatch.model import Entity
from sanctionmatch.names import NAME, normalize_name, tokenize_name

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "list_alias_pairs.csv"
SEED = 20261123


def positives(entities: list[Entity], source: str, rng: random.Random, n: int) -> list[list[str]]:
    rows = []
    for e in entities:
        if e.schema not in ("Person", "Organization"):
            continue
        primary = e.caption
        others = [x.value for x in e.names if x.value != primary and x.kind != "weak"]
        others = [o for o in others if normalize_name(o) != normalize_name(primary)]
        if others:
            rows.append([rng.choice(others), primary, e.schema, "match", f"{source} {e.id}"])
    rng.shuffle(rows)
    return rows[:n]


def negatives(entities: list[Entity], source: str, rng: random.Random, n: int) -> list[list[str]]:
    by_token: dict[tuple[str, str], list[Entity]] = defaultdict(list)
    for e in entities:
        if e.schema not in ("Person", "Organization"):
            continue
        for t in tokenize_name(e.caption, e.schema).tokens:
            if t.role == NAME and len(t.form) >= 4:
                by_token[(e.schema, t.form)].append(e)
    rows = []
    for (schema, _), group in by_token.items():
        if not 2 <= len(group) <= 20:
            continue  # a token this common pairs unrelated names
        a, b = rng.sample(group, 2)
        if a.id == b.id or normalize_name(a.caption) == normalize_name(b.caption):
            continue
        if set(a.birth_dates) & set(b.birth_dates):
            continue
        rows.append([a.caption, b.caption, schema, "nomatch", f"{source} {a.id} {b.id}"])
    rng.shuffle(rows)
    return rows[:n]


def main(argv: list[str]) -> int:
    per_source = 150
    if "--per-source" in argv:
        i = argv.index("--per-source")
        per_source = int(argv[i + 1])
        del argv[i : i + 2]
    rng = random.Random(SEED)
    rows: list[list[str]] = []
    for path, source in zip(argv, ("EU", "OFAC SDN"), strict=False):
        entities = list(load_list(path))
        rows += positives(entities, source, rng, per_source)
        rows += negatives(entities, source, rng, per_source)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["a", "b", "schema", "expect", "source"])
        writer.writerows(rows)
    print(f"{len(rows)} pairs written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
