"""Merging the entries of several lists that designate the same subject.

The same person is often on OFAC's, the UN's, the EU's and the UK's list. Merging keeps
one entity with every name (each still carrying its :attr:`~sanctionmatch.model.Name.source`)
and every :class:`~sanctionmatch.model.SourceRef`. It is deliberately conservative; two
entries are merged only on:

* an explicit cross-reference: the same (list, id), or a "UN Reference Number"
  identifier on a national list naming a UN entry;
* the same schema and the same name once compared loosely (transliterated to ASCII,
  case, punctuation and word order ignored, from primary names and good aliases only),
  *and* for persons a compatible birth date (one a prefix of the other, e.g. ``1955`` and
  ``1955-05-21``), or, when one side has no birth date, a name of three words or more;
* for persons, the same full birth date and one name's words all within the other's
  (``GERASIMOV, Valery`` and ``Valery Vasilevich GERASIMOV``, both born 1955-09-08).

A name shared by two entries of one list is ambiguous and merges nothing, and a merged
group never holds two different entries of the same list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from unidecode import unidecode

from sanctionmatch.model import PERSON, WEAK, Entity

# The entity of the first list in this order gives the merged entity its id.
LIST_PRIORITY = ("OFAC SDN", "OFAC Consolidated", "UN SC", "EU", "UK")
_NON_WORD = re.compile(r"[^a-z0-9]+")
T = TypeVar("T")


def merge_key(name: str) -> str:
    """Return the loose comparison form of a name: ASCII words, lower case, sorted."""
    words = _NON_WORD.sub(" ", unidecode(name).lower()).split()
    return " ".join(sorted(words))


def _dates_compatible(a: Entity, b: Entity) -> bool:
    return any(x.startswith(y) or y.startswith(x) for x in a.birth_dates for y in b.birth_dates)


def _lists(entity: Entity) -> dict[str, str]:
    return {ref.list: ref.id for ref in entity.sources}


class _Groups:
    """Union-find over entity indices that refuses to join two entries of one list."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.parent = list(range(len(entities)))
        self.members: dict[int, dict[str, str]] = {i: _lists(e) for i, e in enumerate(entities)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        lists_a, lists_b = self.members[a], self.members[b]
        if any(lists_a[k] != lists_b[k] for k in lists_a.keys() & lists_b.keys()):
            return False
        self.parent[b] = a
        lists_a.update(lists_b)
        del self.members[b]
        return True


def _name_keys(entity: Entity) -> set[str]:
    return {merge_key(n.value) for n in entity.names if n.kind != WEAK} - {""}


def merge_entities(entities: Iterable[Entity]) -> list[Entity]:
    """Merge the entries that designate the same subject (see the module docstring).

    Args:
        entities: entities from one or more lists.

    Returns:
        the merged entities, in the order of each group's first entry.
    """
    items = list(entities)
    groups = _Groups(items)
    by_ref: dict[tuple[str, str], int] = {}
    for i, entity in enumerate(items):
        for ref in entity.sources:
            if (ref.list, ref.id) in by_ref:
                groups.union(by_ref[(ref.list, ref.id)], i)
            by_ref.setdefault((ref.list, ref.id), i)
    for i, entity in enumerate(items):
        for ident in entity.identifiers:
            if ident.type == "UN Reference Number" and ("UN SC", ident.value) in by_ref:
                groups.union(by_ref[("UN SC", ident.value)], i)
    _merge_by_name(items, groups)
    _merge_by_birth_date(items, groups)
    merged: dict[int, list[Entity]] = defaultdict(list)
    for i, entity in enumerate(items):
        merged[groups.find(i)].append(entity)
    return [combine(group) for group in merged.values()]


def _merge_by_name(items: list[Entity], groups: _Groups) -> None:
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, entity in enumerate(items):
        for key in _name_keys(entity):
            index[(entity.schema, key)].append(i)
    for (schema, key), found in index.items():
        per_list: dict[str, set[str]] = defaultdict(set)
        for i in found:
            for ref in items[i].sources:
                per_list[ref.list].add(ref.id)
        if len(per_list) < 2 or any(len(ids) > 1 for ids in per_list.values()):
            continue  # one list only, or ambiguous within a list
        for a_pos, a in enumerate(found):
            for b in found[a_pos + 1 :]:
                if schema != PERSON or _person_compatible(items[a], items[b], key):
                    groups.union(a, b)


def _merge_by_birth_date(items: list[Entity], groups: _Groups) -> None:
    """Join persons born the same full date whose names are one within the other."""
    by_date: dict[str, list[int]] = defaultdict(list)
    for i, entity in enumerate(items):
        if entity.schema == PERSON:
            for date in entity.birth_dates:
                if len(date) == 10:
                    by_date[date].append(i)
    for found in by_date.values():
        for a_pos, a in enumerate(found):
            keys_a = [set(k.split()) for k in _name_keys(items[a])]
            for b in found[a_pos + 1 :]:
                keys_b = [set(k.split()) for k in _name_keys(items[b])]
                if any(
                    min(len(x), len(y)) >= 2 and (x <= y or y <= x) for x in keys_a for y in keys_b
                ):
                    groups.union(a, b)


def _person_compatible(a: Entity, b: Entity, key: str) -> bool:
    if a.birth_dates and b.birth_dates:
        return _dates_compatible(a, b)
    return len(key.split()) >= 3


def _rank(entity: Entity) -> int:
    lists = [ref.list for ref in entity.sources]
    return min(
        (LIST_PRIORITY.index(x) for x in lists if x in LIST_PRIORITY), default=len(LIST_PRIORITY)
    )


def _union(values: Iterable[Iterable[T]]) -> list[T]:
    return list(dict.fromkeys(v for group in values for v in group))


def combine(group: Sequence[Entity]) -> Entity:
    """Combine the entries of one subject into one entity, keeping every name and source."""
    if len(group) == 1:
        return group[0]
    ordered = sorted(group, key=_rank)
    lead = ordered[0]
    listed = sorted(e.listed_on for e in ordered if e.listed_on)
    remarks = list(dict.fromkeys(e.remarks for e in ordered if e.remarks))
    return Entity(
        id=lead.id,
        schema=lead.schema,
        names=_union(e.names for e in ordered),
        birth_dates=_union(e.birth_dates for e in ordered),
        birth_places=_union(e.birth_places for e in ordered),
        nationalities=_union(e.nationalities for e in ordered),
        countries=_union(e.countries for e in ordered),
        identifiers=_union(e.identifiers for e in ordered),
        addresses=_union(e.addresses for e in ordered),
        programs=_union(e.programs for e in ordered),
        gender=next((e.gender for e in ordered if e.gender), None),
        listed_on=listed[0] if listed else None,
        remarks="\n".join(r for r in remarks if r) or None,
        sources=_union(e.sources for e in ordered),
        titles=_union(e.titles for e in ordered),
        linked_to=_union(e.linked_to for e in ordered),
        properties=_union(e.properties for e in ordered),
    )
