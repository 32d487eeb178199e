"""Build ``src/sanctionmatch/data/nicknames.tsv`` from the carltonnorthern nicknames data.

The source is ``names.csv`` of the ``nicknames`` package (https://github.com/carltonnorthern/
nicknames, on PyPI as ``nicknames``): a hand-curated list of English given names and their
nicknames (Margaret: Maggie, Meg, Peggy), © Carlton Northern and contributors, under the
Apache License 2.0. Its rows read ``name1,has_nickname,name2``.

Only the pairs that cannot pair unrelated people are kept:

- nicknames of three letters or more ("Al" and "Ed" stand for a dozen names each);
- nicknames that are not common names on the sanctions lists in their own right, by the
  built-in rarity weights (Ali, Kim, Lee, Van).

usage: python scripts/build_nicknames.py NAMES_CSV
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from sanctionmatch.comparable import comparable_form
from sanctionmatch.weights import default_weights

DATA = Path(__file__).resolve().parent.parent / "src" / "sanctionmatch" / "data"
MIN_LENGTH = 3

HEADER = """\
# Nicknames of English given names: full name<TAB>its nicknames, separated by spaces.
# Lower-case ASCII as normalize_name writes them. A nickname pairs with its full name only.
# Derived by scripts/build_nicknames.py from names.csv of the nicknames data
# (https://github.com/carltonnorthern/nicknames), (c) Carlton Northern and contributors,
# Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0); filtered: nicknames of
# fewer than 3 letters and nicknames that are common names on the sanctions lists in their
# own right (Ali, Kim, Lee) are left out.
# Example: margaret	maggie meg peggy
"""


def nickname_table(path: str) -> dict[str, list[str]]:
    """Read the source pairs and keep those that cannot pair unrelated people."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["relationship"] == "has_nickname"]
    weights = default_weights()
    table: dict[str, set[str]] = {}
    for row in rows:
        full, nick = row["name1"], row["name2"]
        if len(nick) < MIN_LENGTH or not nick.isalpha():
            continue
        if weights.rarity(comparable_form(nick)) < 1.0:
            continue  # a common list name of its own: Ali, Kim, Lee
        if comparable_form(nick) != comparable_form(full):
            table.setdefault(full, set()).add(nick)
    return {full: sorted(nicks) for full, nicks in sorted(table.items())}


def main(argv: list[str]) -> int:
    (path,) = argv
    table = nickname_table(path)
    with (DATA / "nicknames.tsv").open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for full, nicks in table.items():
            out.write(f"{full}\t{' '.join(nicks)}\n")
    print(f"{len(table)} names; {sum(len(n) for n in table.values())} nicknames")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
