"""Known spelling variants of given names and surnames across languages and scripts.

Vladimir, Volodymyr and Uladzimir, or Mykola and Nikolai, are one name in Russian,
Ukrainian and Belarusian; no spelling rule turns one into the other. The table
``data/name_variants.tsv`` lists such groups as comparable forms (see
``scripts/build_name_tables.py`` for how it is derived from Wikidata name groups).
``data/korean_syllables.tsv`` adds the romanizations of Korean surnames and syllables
(박 Bak, Park, Pak; 이 I, Lee, Ri, Yi), which are too short for the derived table, and
``data/east_slavic_names.tsv`` the Russian, Ukrainian and Belarusian spellings of given
names it lacks (Igor, Ihor, Ihar; Olga, Olha, Volha), and ``data/abbreviated_names.tsv``
the abbreviations the lists write (Mohd, Mhd for Muhammad). Patronymics made from the
names of one group are variants too (Ryhoravich, Grigorievich), of the same gender only.

Nicknames are another relation: Ned is Edward (or Edmund), but Edward is not Edmund.
``data/nicknames.tsv`` pairs English given names with their nicknames; it is derived by
``scripts/build_nicknames.py`` from the hand-curated nicknames data of Carlton Northern and
contributors (https://github.com/carltonnorthern/nicknames, Apache License 2.0), without
nicknames of fewer than three letters or that are common list names of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from sanctionmatch.comparable import comparable_form
from sanctionmatch.tables import read_table

MEMO_GROUPS = 1 << 16  # comparable forms whose variant groups are kept
# Variant groups written by hand, of spellings rather than comparable forms.
_HAND_WRITTEN = ("korean_syllables.tsv", "east_slavic_names.tsv", "abbreviated_names.tsv")


@functools.cache
def _groups() -> dict[str, frozenset[int]]:
    lines = [line.split() for (line,) in read_table("name_variants.tsv", columns=1)]
    for table in _HAND_WRITTEN:
        for (spellings,) in read_table(table, columns=1):
            lines.append([comparable_form(s.replace("'", "")) for s in spellings.split()])
    return index_groups(lines)


def index_groups(groups: Iterable[Iterable[str]]) -> dict[str, frozenset[int]]:
    """Map each member of some groups to the numbers of the groups it is in (one may be in two)."""
    index: dict[str, set[int]] = {}
    for number, members in enumerate(groups):
        for member in members:
            index.setdefault(member, set()).add(number)
    return {member: frozenset(ids) for member, ids in index.items()}


def in_one_group(index: dict[str, frozenset[int]], a: str, b: str) -> bool:
    """Return whether two members share a group of an :func:`index_groups` index."""
    ga = index.get(a)
    return ga is not None and not ga.isdisjoint(index.get(b, ()))


# The suffix of an East Slavic patronymic, as comparable forms write it: Russian -ovich,
# -evich, -ievich and -ovna, -evna; Ukrainian -ovych, -ivna; Belarusian -avich, -auna,
# -euna (ch is S, y and j are i, doubled letters one: Sergeevich is "sergeviS").
_PATRONYMIC = re.compile(r"(?:i?[oea]viS|[oeai]vna|[ae]una)$")
MIN_STEM = 3  # letters of a given name's stem, at least, for its patronymics to meet


def _stem(form: str) -> str:
    """A given name without its final vowels, as its patronymic keeps it (Sergei, Serg-eevich)."""
    return form.rstrip("aeiou")


_NAME_ENDINGS = ("", *"aeiou", *(a + b for a in "aeiou" for b in "aeiou"))


@functools.lru_cache(maxsize=MEMO_GROUPS)
def variant_groups(form: str) -> frozenset[int]:
    """The numbers of the variant groups a comparable form belongs to (empty if none).

    A patronymic made from a given name of a group ("Ryhoravich" of Ryhor) is in that
    group's patronymic group of its gender, numbered ``-1 - 2 * group`` for a son's
    and ``-2 - 2 * group`` for a daughter's: it meets the patronymics of the group's
    other names ("Grigorievich", "Hryhorovych"), not the given names, and a son's does
    not meet a daughter's ("Andreevich" is not "Andreevna").
    """
    index = _groups()
    groups = index.get(form, frozenset())
    patronymic = _PATRONYMIC.search(form)
    if patronymic is not None:
        stem = _stem(form[: patronymic.start()])
        if len(stem) >= MIN_STEM:
            # The given names the stem may end: itself and with one or two vowels.
            of = [index.get(stem + ending, ()) for ending in _NAME_ENDINGS]
            gender = 1 if patronymic.group(0).endswith("S") else 2
            groups = groups | {-gender - 2 * group for ids in of for group in ids}
    return groups


def are_variants(a: str, b: str) -> bool:
    """Return whether two comparable forms are spellings of one name in the table."""
    return not variant_groups(a).isdisjoint(variant_groups(b))


@functools.cache
def _nicknames() -> frozenset[tuple[str, str]]:
    """(nickname, full name) pairs, as comparable forms."""
    pairs: set[tuple[str, str]] = set()
    for full, nicknames in read_table("nicknames.tsv", columns=2):
        pairs.update((comparable_form(nick), comparable_form(full)) for nick in nicknames.split())
    return frozenset(pairs)


def are_nicknames(a: str, b: str) -> bool:
    """Return whether one comparable form is a nickname of the other ("bob", "robert").

    Two nicknames of one name, or two names sharing a nickname, are not paired.
    """
    pairs = _nicknames()
    return (a, b) in pairs or (b, a) in pairs
