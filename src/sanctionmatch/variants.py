"""Known spelling variants of given names and surnames across languages and scripts.

Vladimir, Volodymyr and Uladzimir, or Mykola and Nikolai, are one name in Russian,
Ukrainian and Belarusian; no spelling rule turns one into the other. The table
``data/name_variants.tsv`` lists such groups as comparable forms (see
``scripts/build_name_tables.py`` for how it is derived from Wikidata name groups).
"""

from __future__ import annotations

import functools

from sanctionmatch.tables import read_table


@functools.cache
def _groups() -> dict[str, frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for number, (line,) in enumerate(read_table("name_variants.tsv", columns=1)):
        for form in line.split():
            groups.setdefault(form, set()).add(number)
    return {form: frozenset(ids) for form, ids in groups.items()}


def are_variants(a: str, b: str) -> bool:
    """Return whether two comparable forms are spellings of one name in the table."""
    groups = _groups()
    ga = groups.get(a)
    return ga is not None and not ga.isdisjoint(groups.get(b, ()))
