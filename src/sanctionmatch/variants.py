"""Known spelling variants of given names and surnames across languages and scripts.

Vladimir, Volodymyr and Uladzimir, or Mykola and Nikolai, are one name in Russian,
Ukrainian and Belarusian; no spelling rule turns one into the other. The table
``data/name_variants.tsv`` lists such groups as comparable forms (see
``scripts/build_name_tables.py`` for how it is derived from Wikidata name groups).
``data/korean_syllables.tsv`` adds the romanizations of Korean surnames and syllables
(박 Bak, Park, Pak; 이 I, Lee, Ri, Yi), which are too short for the derived table.
"""

from __future__ import annotations

import functools

from sanctionmatch.comparable import comparable_form
from sanctionmatch.tables import read_table


@functools.cache
def _groups() -> dict[str, frozenset[int]]:
    lines = [line.split() for (line,) in read_table("name_variants.tsv", columns=1)]
    for (spellings,) in read_table("korean_syllables.tsv", columns=1):
        lines.append([comparable_form(s.replace("'", "")) for s in spellings.split()])
    groups: dict[str, set[int]] = {}
    for number, forms in enumerate(lines):
        for form in forms:
            groups.setdefault(form, set()).add(number)
    return {form: frozenset(ids) for form, ids in groups.items()}


def variant_groups(form: str) -> frozenset[int]:
    """The numbers of the variant groups a comparable form belongs to (empty if none)."""
    return _groups().get(form, frozenset())


def are_variants(a: str, b: str) -> bool:
    """Return whether two comparable forms are spellings of one name in the table."""
    groups = _groups()
    ga = groups.get(a)
    return ga is not None and not ga.isdisjoint(groups.get(b, ()))
