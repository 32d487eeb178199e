"""Screening one name against a whole list: :class:`Matcher`.

A Matcher prepares every list name once (:func:`~sanctionmatch.names.tokenize_name`
under its entity's schema: a Person's names as a person, every other schema's as an
organisation), learns token rarity from the list (each token counted once per entity),
and builds a :class:`~sanctionmatch.index.NameIndex`. :meth:`Matcher.match` reads the
query once (as the schema given, or as the name itself suggests), scores the names the
index proposes with :func:`~sanctionmatch.score.score_forms` in the order of their
estimates, stopping once the rest cannot place, keeps each entity's best name, weighs
the secondary evidence, and explains only the hits it returns.

Secondary evidence, each adjustment shown as a
:class:`~sanctionmatch.model.Penalty` in the match's explanation:

* **Schema** filters and is not scored: a Person query never hits a Vessel or an
  Aircraft, and an Organization query never hits a Person. Without a schema every
  entity can hit.
* **Birth date** (``"1970"``, ``"1970-05"``, ``"1970-05-21"`` or a :class:`datetime.date`)
  against the entity's birth dates, each compared on the parts both give. One that
  agrees raises the score by 0.02 (year), 0.03 (year and month) or 0.05 (full date).
  Otherwise a date in the same year or one year off lowers it by 0.05, and a date
  further off by 0.15. Entities without birth dates are not adjusted.
* **Weak aliases** (OFAC's quoted a.k.a.'s, UN "Low" quality names) lower the score
  by 0.15 when the best-agreeing name of an entity is one: "John" or "Abu Ali" alone
  says little about who is meant.
* **Country** against the entity's countries and nationalities: when none of them
  names the query's country, the score drops by 0.05. Country names are compared by
  their distinctive words ("Russia" meets "Russian Federation", "Korea, North" meets
  "Democratic People's Republic of Korea"); a two- or three-letter code only meets the
  same code, and never counts against an entity.

Scores stay in [0, 1]; the threshold applies to the adjusted score.
"""

from __future__ import annotations

import datetime
import functools
import heapq
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from attrs import frozen

from sanctionmatch.collector import collector_paused
from sanctionmatch.index import MARGIN, NameIndex, build_index
from sanctionmatch.model import (
    AIRCRAFT,
    PERSON,
    VESSEL,
    WEAK,
    Entity,
    Explanation,
    Match,
    Mention,
    Penalty,
)
from sanctionmatch.names import ORGANIZATION, NameForm, resolve_schema, tokenize_name
from sanctionmatch.score import DEFAULT_THRESHOLD, explain_forms, score_forms
from sanctionmatch.text import marked_reading, other_readings, quoted_apart, readings
from sanctionmatch.weights import TokenWeights

CANDIDATES = 30  # list names proposed for full scoring per query, at most (or 3 x limit)
MIN_SCORED = 4  # list names scored in full before the estimates may cut the rest
DATE_AGREES = {1: 0.02, 2: 0.03, 3: 0.05}  # by the number of date parts both sides give
DATE_CLOSE = -0.05  # same year but another month or day, or one year off
DATE_CONFLICTS = -0.15
COUNTRY_CONFLICTS = -0.05
# A weak alias (OFAC's quoted a.k.a., UN "Low" quality) is a nickname or a fragment
# ("John", "Abu Ali"): agreeing with it alone says less than agreeing with a real name.
WEAK_ALIAS = Penalty("the list gives this name only as a weak alias", -0.15)

# Which entity schemas a query of each kind may hit.
_SCHEMA_BITS = {PERSON: 1, "Organization": 2, VESSEL: 4, AIRCRAFT: 8, "Other": 16}
_ALLOWED = {None: 31, PERSON: 31 & ~(4 | 8), ORGANIZATION: 31 & ~1}

Date = tuple[int, int, int]  # year, month, day; 0 where unknown
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_date(value: str | datetime.date) -> Date | None:
    """Read a possibly partial ISO date ("1970", "1970-05", "1970-05-21"); None if unreadable."""
    if isinstance(value, datetime.date):
        return value.year, value.month, value.day
    match = _DATE.search(value)
    if match is None:
        return None
    month = int(match[2] or 0)
    day = int(match[3] or 0) if 1 <= month <= 12 else 0
    return int(match[1]), month if 1 <= month <= 12 else 0, day if 1 <= day <= 31 else 0


def date_evidence(query: Date, listed: Iterable[Date]) -> Penalty | None:
    """Return how a query's birth date bears on an entity with the ``listed`` dates."""
    listed = list(listed)
    if not listed:
        return None
    best = None
    for date in listed:
        shared = [(q, d) for q, d in zip(query, date, strict=True) if q and d]
        if all(q == d for q, d in shared) and (best is None or len(shared) > best):
            best = len(shared)
    if best is not None:
        return Penalty(f"birth date agrees ({_show(query)})", DATE_AGREES[best])
    shown = ", ".join(_show(d) for d in listed[:3])
    if any(abs(query[0] - d[0]) <= 1 for d in listed):
        return Penalty(f"birth date {_show(query)} is close to the listed {shown}", DATE_CLOSE)
    return Penalty(f"birth date {_show(query)} conflicts with the listed {shown}", DATE_CONFLICTS)


def _show(date: Date) -> str:
    return "-".join(f"{part:02d}" for part in date if part)


# Words that say what kind of state a country is, not which one.
_COUNTRY_NOISE = frozenset(
    {"the", "of", "and", "republic", "democratic", "people", "peoples", "islamic"}
    | {"federation", "federal", "arab", "socialist", "plurinational", "bolivarian", "state"}
)
_COUNTRY_CODE = re.compile(r"[A-Za-z]{2,3}")


def country_key(value: str) -> frozenset[str]:
    """Reduce a country name to the stems of its distinctive words ("russia" -> {"russ"})."""
    value = value.strip()
    if _COUNTRY_CODE.fullmatch(value):
        return frozenset({value.upper()})
    words = re.findall(r"[a-z]+", value.casefold().replace("'", ""))
    return frozenset(w[:4] for w in words if w not in _COUNTRY_NOISE)


def country_evidence(query: frozenset[str], listed: Iterable[frozenset[str]]) -> Penalty | None:
    """Return a penalty when none of an entity's countries names the query's country."""
    listed = [c for c in listed if c]
    codes = len(query) == 1 and next(iter(query)).isupper()
    if codes:
        listed = [c for c in listed if len(c) == 1 and next(iter(c)).isupper()]
    if not query or not listed or any(query & c for c in listed):
        return None
    return Penalty("country differs from the listed countries", COUNTRY_CONFLICTS)


@frozen
class _Facts:
    """An entity's secondary evidence, prepared once."""

    schema: int
    dates: tuple[Date, ...]
    countries: tuple[frozenset[str], ...]
    weak: frozenset[str]  # names the source gives only as weak, low-quality aliases


def _facts(entity: Entity) -> _Facts:
    dates = (parse_date(d) for d in entity.birth_dates)
    places = {country_key(c) for c in (*entity.countries, *entity.nationalities)}
    strong = {n.value for n in entity.names if n.kind != WEAK}
    return _Facts(
        _SCHEMA_BITS[entity.schema],
        tuple(d for d in dates if d is not None),
        tuple(sorted(places, key=sorted)),
        frozenset(n.value for n in entity.names if n.kind == WEAK and n.value not in strong),
    )


class Matcher:
    """Screen names against a list, built once and shared.

    Immutable after construction: safe to share between threads, and it pickles with its
    prepared index, so worker processes need not rebuild it.

    Args:
        source: a :class:`~sanctionmatch.model.SanctionsList` or any iterable of
            :class:`~sanctionmatch.model.Entity`.
        weights: token rarity weights; by default learned from the list itself, counting
            each token once per entity.
    """

    def __init__(self, source: Iterable[Entity], *, weights: TokenWeights | None = None) -> None:
        # Millions of small acyclic objects: the cyclic collector would walk them again
        # and again (see sanctionmatch.collector).
        with collector_paused():
            entities = tuple(source)
            for number, entity in enumerate(entities):
                if not isinstance(entity, Entity):
                    raise TypeError(f"entity {number} is a {type(entity).__name__}, not an Entity")
            ids: dict[NameForm, int] = {}
            owners: list[list[tuple[int, str]]] = []
            entity_forms: list[set[str]] = []
            for number, entity in enumerate(entities):
                schema = PERSON if entity.schema == PERSON else ORGANIZATION
                tokens: set[str] = set()
                for name in entity.names:
                    # A name with č, š, ž is also indexed as English transliteration
                    # writes them (Rogaščuk, Rogashchuk): see text.marked_reading.
                    marked = marked_reading(name.value)
                    for value in (name.value,) if marked is None else (name.value, marked):
                        form = tokenize_name(value, schema)
                        if not form.tokens:
                            continue
                        tokens.update(t.form for t in form.tokens)
                        i = ids.setdefault(form, len(ids))
                        if i == len(owners):
                            owners.append([])
                        if all(e != number for e, _ in owners[i]):
                            owners[i].append((number, name.value))
                entity_forms.append(tokens)
            if weights is None:
                weights = TokenWeights.from_forms(entity_forms)
            self.entities = entities
            self.index: NameIndex = build_index(ids, weights=weights)
            self.owners = tuple(tuple(o) for o in owners)
            self.facts = tuple(_facts(e) for e in entities)
            masks = [0] * len(owners)
            for i, owned in enumerate(self.owners):
                for number, _ in owned:
                    masks[i] |= self.facts[number].schema
            self._allowed = {
                kind: bytes(1 if mask & bits else 0 for mask in masks)
                for kind, bits in _ALLOWED.items()
            }

    @property
    def weights(self) -> TokenWeights:
        """The token rarity weights names are scored with."""
        return self.index.weights

    def __len__(self) -> int:
        return len(self.entities)

    def match(
        self,
        name: str,
        *,
        schema: str | None = None,
        birth_date: str | datetime.date | None = None,
        country: str | None = None,
        limit: int = 10,
        threshold: float | None = None,
    ) -> list[Match]:
        """Find the listed entities a name may denote, best first.

        Args:
            name: the name to screen, in any script or convention.
            schema: "Person", "Organization" (or a synonym such as "Company"), or None.
            birth_date: a possibly partial ISO date or a :class:`datetime.date`.
            country: a country name or code.
            limit: the most matches to return.
            threshold: the lowest score returned; None means
                :data:`~sanctionmatch.score.DEFAULT_THRESHOLD`, 0 the best candidates
                whatever their score.

        Returns:
            Matches ranked by score, each entity at most once, with its explanation.

        Raises:
            TypeError: ``name`` is not a str.
            ValueError: an unknown schema or an unreadable birth date.
        """
        found = self.match_raw(
            name,
            schema=schema,
            birth_date=birth_date,
            country=country,
            limit=limit,
            threshold=threshold,
        )
        return [self.to_match(hit) for hit in found]

    def match_raw(
        self,
        name: str,
        *,
        schema: str | None = None,
        birth_date: str | datetime.date | None = None,
        country: str | None = None,
        limit: int = 10,
        threshold: float | None = None,
    ) -> list[RawMatch]:
        """:meth:`match`, returning entity numbers instead of entities (compact to pickle)."""
        if not isinstance(name, str):
            raise TypeError(f"a name must be a str, not {type(name).__name__}")
        kind = resolve_schema(schema)
        date = _query_date(birth_date)
        place = None if country is None else country_key(_check_str(country, "country"))
        query = tokenize_name(name, kind)
        if not query.tokens:
            return []
        cutoff = DEFAULT_THRESHOLD if threshold is None else threshold
        # A name below the cutoff may still reach it with an agreeing birth date.
        bonus = max(DATE_AGREES.values()) if date is not None else 0.0
        found = self._best_entities(query, kind, limit, cutoff - bonus)
        readings: dict[int, tuple[str, str | None]] = {
            number: (name, kind) for number, _, _ in found
        }
        for alternative, read_as in _other_ways(name, kind, query):
            other = tokenize_name(alternative, read_as)
            best = {number: (score, form) for number, score, form in found}
            for number, score, form_id in self._best_entities(other, kind, limit, cutoff - bonus):
                if number not in best or score > best[number][0]:
                    best[number] = (score, form_id)
                    readings[number] = (alternative, read_as)
            found = [(number, score, form) for number, (score, form) in best.items()]
        return self._weigh(found, readings, kind, date, place, cutoff, limit)

    def match_shortlist(
        self,
        name: str,
        proposed: Sequence[tuple[float, int]],
        *,
        limit: int = 10,
        threshold: float,
    ) -> list[Match]:
        """:meth:`match` without schema, date or country, against some list names only.

        For callers that narrowed the list themselves (see :mod:`sanctionmatch.shortlist`).

        Args:
            name: the name to screen.
            proposed: (estimated score, name id) pairs, best first: the names to score.
            limit: the most matches to return.
            threshold: the lowest score returned.
        """
        query = tokenize_name(name, None)
        if not query.tokens:
            return []
        found = self._score_proposed(query, proposed, limit, threshold)
        readings: dict[int, tuple[str, str | None]] = {
            number: (name, None) for number, _, _ in found
        }
        hits = self._weigh(found, readings, None, None, None, threshold, limit)
        return [self.to_match(hit) for hit in hits]

    def _weigh(
        self,
        found: list[tuple[int, float, int]],
        readings: dict[int, tuple[str, str | None]],
        kind: str | None,
        date: Date | None,
        place: frozenset[str] | None,
        cutoff: float,
        limit: int,
    ) -> list[RawMatch]:
        """Weigh the secondary evidence of scored entities; keep the best ``limit``."""
        allowed_bits = _ALLOWED[kind]
        hits = []
        for number, score, form_id in found:
            facts = self.facts[number]
            if not facts.schema & allowed_bits:
                continue
            notes: list[Penalty | None] = []
            if facts.weak and self.owners_name(form_id, number) in facts.weak:
                notes.append(WEAK_ALIAS)
            if date is not None:
                notes.append(date_evidence(date, facts.dates))
            if place is not None:
                notes.append(country_evidence(place, facts.countries))
            penalties = tuple(p for p in notes if p is not None)
            final = min(1.0, max(0.0, score + sum(p.amount for p in penalties)))
            if final >= cutoff:
                query, read_as = readings[number]
                hits.append(RawMatch(number, final, form_id, query, read_as, penalties))
        hits.sort(key=lambda h: (-h.score, h.entity))
        return hits[:limit]

    def _best_entities(
        self, query: NameForm, kind: str | None, limit: int, cutoff: float
    ) -> list[tuple[int, float, int]]:
        """Score the index's candidates and keep each entity's best name.

        Candidates are scored in the order of their estimates; once ``limit`` names
        scored at least ``cutoff``, the rest are skipped when even a full score
        :data:`~sanctionmatch.index.MARGIN` above their estimate could not place them.
        """
        proposed = self.index.candidates(
            query, limit=max(CANDIDATES, 3 * limit), allowed=self._allowed[kind]
        )
        return self._score_proposed(query, proposed, limit, cutoff)

    def _score_proposed(
        self,
        query: NameForm,
        proposed: Sequence[tuple[float, int]],
        limit: int,
        cutoff: float,
    ) -> list[tuple[int, float, int]]:
        """Score proposed names in order until the rest cannot place (see _best_entities)."""
        index, weights = self.index, self.index.weights
        best: dict[int, tuple[float, int]] = {}
        top: list[float] = []  # the best ``limit`` scores so far, a min-heap
        for scored, (estimate, i) in enumerate(proposed):
            if scored >= MIN_SCORED:
                kth = top[0] if len(top) >= limit else 0.0
                if estimate + MARGIN < max(cutoff, kth):
                    break
            score = score_forms(query, index.forms[i], weights=weights)
            if len(top) < limit:
                heapq.heappush(top, score)
            elif score > top[0]:
                heapq.heapreplace(top, score)
            for number, _ in self.owners[i]:
                known = best.get(number)
                if known is None or score > known[0]:
                    best[number] = (score, i)
        return [(number, score, i) for number, (score, i) in best.items()]

    def explain(self, hit: RawMatch) -> Explanation:
        """Explain a raw hit: the name comparison, then the secondary evidence."""
        query = tokenize_name(hit.query, hit.schema)
        explanation = explain_forms(
            query,
            self.index.forms[hit.form],
            weights=self.weights,
            query=hit.query,
            candidate=self._listed(hit),
        )
        return attrs.evolve(
            explanation,
            score=hit.score,
            penalties=(*explanation.penalties, *hit.penalties),
        )

    def to_match(self, hit: RawMatch, explanation: Explanation | None = None) -> Match:
        """Build the full :class:`~sanctionmatch.model.Match` of a raw hit, explained."""
        if explanation is None:
            explanation = self.explain(hit)
        query = tokenize_name(hit.query, hit.schema).normalized
        return Match(self.entities[hit.entity], hit.score, self._listed(hit), query, explanation)

    def _listed(self, hit: RawMatch) -> str:
        """The list name as written that a hit matched."""
        return self.owners_name(hit.form, hit.entity)

    def owners_name(self, form: int, entity: int) -> str:
        """The list name, as written, by which ``entity`` holds prepared name ``form``."""
        return next(value for number, value in self.owners[form] if number == entity)

    def scan(self, text: str, *, threshold: float | None = None) -> list[Mention]:
        """Find the listed entities a text mentions (see :mod:`sanctionmatch.scan`).

        Args:
            text: the text, in any language and script.
            threshold: the lowest score reported; None means DEFAULT_THRESHOLD.

        Returns:
            Non-overlapping mentions in text order, with offsets and ranked matches.
        """
        from sanctionmatch.scan import scan

        return scan(text, matcher=self, threshold=threshold)

    def brute_force(self, name: str, *, schema: str | None = None) -> tuple[float, int] | None:
        """Score ``name`` against every list name: the best (score, entity number), or None.

        The reference the index is checked against (name scores, in each reading of the
        name, and the weak-alias rule; no dates, countries or schema filter); slow, for
        tests and benchmarks.
        """
        kind = resolve_schema(schema)
        first = tokenize_name(name, kind)
        queries = [first, *(tokenize_name(t, s) for t, s in _other_ways(name, kind, first))]
        per_entity: dict[int, tuple[float, str]] = {}
        for i, candidate in enumerate(self.index.forms):
            score = max(score_forms(q, candidate, weights=self.weights) for q in queries)
            for number, value in self.owners[i]:
                known = per_entity.get(number)
                if known is None or score > known[0]:
                    per_entity[number] = (score, value)
        best = None
        for number, (score, value) in per_entity.items():
            if value in self.facts[number].weak:
                score = min(1.0, max(0.0, score + WEAK_ALIAS.amount))
            if best is None or score > best[0]:
                best = (score, number)
        return best


@frozen
class RawMatch:
    """A hit before it is explained: entity number, adjusted score, name id, evidence."""

    entity: int
    score: float
    form: int
    query: str
    schema: str | None  # the schema the query was read as, None to decide from the name
    penalties: tuple[Penalty, ...]


def _other_ways(name: str, kind: str | None, first: NameForm) -> list[tuple[str, str | None]]:
    """Each (text, schema) a name is screened as besides ``first``, its first reading.

    Its other readings (:func:`~sanctionmatch.text.other_readings`): words mixing scripts
    ("МОНАММАD") read as Latin, "Šojgu" as English writes č, š, ž, and so on. And a
    schema-less name read as a person's, with words in quotes and others besides, is
    read as an organisation's too, each way: the quoted words may be its name proper.
    """
    ways = [(alternative, kind) for alternative in other_readings(name)]
    if kind is None and first.schema == PERSON and quoted_apart(name):
        ways.extend((read, ORGANIZATION) for read in readings(name))
    return ways


def _check_str(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a str, not {type(value).__name__}")
    return value


def _query_date(value: str | datetime.date | None) -> Date | None:
    if value is None:
        return None
    if not isinstance(value, datetime.date):
        _check_str(value, "birth_date")
    date = parse_date(value)
    if date is None:
        raise ValueError(
            f"unreadable birth date {value!r}; expected e.g. 1970, 1970-05, 1970-05-21"
        )
    return date


@functools.cache
def sample_matcher() -> Matcher:
    """A Matcher over the bundled sample list, built once per process."""
    from sanctionmatch.lists import load_sample

    return Matcher(load_sample())
