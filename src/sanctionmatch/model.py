"""The records shared by every part of sanctionmatch.

An :class:`Entity` is one listed subject (person, organisation, vessel, ...) with all its
names and facts; a :class:`SanctionsList` is the entities of one or more loaded list files
plus the metadata an auditor asks for (publisher, publication date, sha256 of each source
file). :class:`Match` and :class:`Mention` are what screening returns; both carry the
explanation of their score.

Every record is an attrs frozen class: hashable, comparable, and safe to share between
threads and to pickle to worker processes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
from attrs import field, frozen

# The schemas an entity can have. Loaders map every source's own vocabulary onto these.
PERSON = "Person"
ORGANIZATION = "Organization"
VESSEL = "Vessel"
AIRCRAFT = "Aircraft"
OTHER = "Other"
SCHEMAS = (PERSON, ORGANIZATION, VESSEL, AIRCRAFT, OTHER)

# The kinds of name an entity carries, from the strongest to the weakest evidence.
PRIMARY = "primary"
AKA = "aka"  # also known as: a good-quality alias
FKA = "fka"  # formerly known as
WEAK = "weak"  # a low-quality alias (OFAC's quoted weak a.k.a., UN "Low" quality)
NAME_KINDS = (PRIMARY, AKA, FKA, WEAK)


@frozen
class Name:
    """One name of an entity.

    Attributes:
        value: the name as written in the source, e.g. ``"SHOIGU, Sergei Kuzhugetovich"``.
        kind: one of :data:`NAME_KINDS`.
        lang: a language or script tag where the source gives one (``"ru"``, ``"Cyrl"``).
        source: the list this name came from (``"OFAC SDN"``), kept when lists are merged.
    """

    value: str
    kind: str = PRIMARY
    lang: str | None = None
    source: str | None = None

    @classmethod
    def coerce(cls, value: Name | str) -> Name:
        """Return ``value`` as a Name; a plain string becomes a primary name."""
        if isinstance(value, Name):
            return value
        if isinstance(value, str):
            return cls(value)
        raise TypeError(f"a name must be a str or Name, not {type(value).__name__}")


@frozen
class Identifier:
    """An identifying document or number: passport, national id, registration, IMO, ..."""

    type: str
    value: str
    country: str | None = None


@frozen
class SourceRef:
    """Where an entity is listed: the list's name and the entity's id on that list."""

    list: str
    id: str


def _names(values: Iterable[Name | str]) -> tuple[Name, ...]:
    if isinstance(values, str):
        raise TypeError("names must be a list of names, not a single str")
    return tuple(Name.coerce(v) for v in values)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        return (values,)
    return tuple(values)


def _pairs(values: Iterable[Iterable[str]]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for pair in values:
        label, value = pair
        pairs.append((label, value))
    return tuple(pairs)


# Typed stand-ins for ``converter=tuple``, which mypy's attrs plugin cannot type.
def _identifiers(values: Iterable[Identifier]) -> tuple[Identifier, ...]:
    return tuple(values)


def _source_refs(values: Iterable[SourceRef]) -> tuple[SourceRef, ...]:
    return tuple(values)


def _source_files(values: Iterable[SourceFile]) -> tuple[SourceFile, ...]:
    return tuple(values)


def _entities(values: Iterable[Entity]) -> tuple[Entity, ...]:
    return tuple(values)


def _schema(value: str) -> str:
    if value not in SCHEMAS:
        raise ValueError(f"unknown schema {value!r}; expected one of {', '.join(SCHEMAS)}")
    return value


@frozen
class Entity:
    """One listed subject.

    ``Entity(id="x", schema="Person", names=["Jane Doe", "J. Doe"])`` works with plain
    strings, each taken as a primary name; pass :class:`Name` records to say more.

    Birth dates are ISO strings, possibly partial: ``"1955"``, ``"1955-05"`` or
    ``"1955-05-21"``. Countries are as the source writes them (ISO codes where the source
    gives codes).
    """

    id: str
    schema: str = field(converter=_schema)
    names: tuple[Name, ...] = field(converter=_names)
    birth_dates: tuple[str, ...] = field(default=(), converter=_strings)
    birth_places: tuple[str, ...] = field(default=(), converter=_strings)
    nationalities: tuple[str, ...] = field(default=(), converter=_strings)
    countries: tuple[str, ...] = field(default=(), converter=_strings)
    identifiers: tuple[Identifier, ...] = field(default=(), converter=_identifiers)
    addresses: tuple[str, ...] = field(default=(), converter=_strings)
    programs: tuple[str, ...] = field(default=(), converter=_strings)
    gender: str | None = None
    listed_on: str | None = None
    remarks: str | None = None
    sources: tuple[SourceRef, ...] = field(default=(), converter=_source_refs)
    # Added by the list loaders: positions and titles ("President of the Russian Federation"),
    # the names of listed subjects the source links this one to ("Linked To: ..."), and the
    # source's other facts as (label, value) pairs (vessel type, website, ...).
    titles: tuple[str, ...] = field(default=(), converter=_strings)
    linked_to: tuple[str, ...] = field(default=(), converter=_strings)
    properties: tuple[tuple[str, str], ...] = field(default=(), converter=_pairs)

    @property
    def caption(self) -> str:
        """The entity's display name: its first primary name, else its first name."""
        for name in self.names:
            if name.kind == PRIMARY:
                return name.value
        return self.names[0].value if self.names else self.id

    def to_dict(self) -> dict[str, Any]:
        """Return the entity as plain JSON-serialisable data."""
        return attrs.asdict(self, recurse=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        """Build an entity from :meth:`to_dict` output (the inverse of :meth:`to_dict`)."""
        return cls(
            id=data["id"],
            schema=data["schema"],
            names=[Name(**n) if isinstance(n, Mapping) else n for n in data["names"]],
            birth_dates=data.get("birth_dates", ()),
            birth_places=data.get("birth_places", ()),
            nationalities=data.get("nationalities", ()),
            countries=data.get("countries", ()),
            identifiers=[Identifier(**i) for i in data.get("identifiers", ())],
            addresses=data.get("addresses", ()),
            programs=data.get("programs", ()),
            gender=data.get("gender"),
            listed_on=data.get("listed_on"),
            remarks=data.get("remarks"),
            sources=[SourceRef(**s) for s in data.get("sources", ())],
            titles=data.get("titles", ()),
            linked_to=data.get("linked_to", ()),
            properties=data.get("properties", ()),
        )


@frozen
class SourceFile:
    """One file a list was loaded from, with its content hash for audit trails."""

    name: str
    sha256: str
    size: int
    # Added by the list loaders: what the file is, as far as the file itself says.
    format: str | None = None
    publisher: str | None = None
    list_name: str | None = None
    published: str | None = None


@frozen
class ListMetadata:
    """What a loaded list is: who published it, when, and from which exact files."""

    publisher: str
    name: str
    published: str | None = None
    files: tuple[SourceFile, ...] = field(default=(), converter=_source_files)
    library_version: str | None = None
    counts: Mapping[str, int] = field(factory=dict)
    skipped: int = 0  # records a lenient load could not parse (see the loader's report)
    # Added by the list loaders: one (where, reason) pair per skipped record.
    problems: tuple[tuple[str, str], ...] = field(default=(), converter=_pairs)


@frozen
class SanctionsList:
    """The entities of one or more list files, with their metadata.

    Iterating yields the entities; ``len()`` counts them.
    """

    entities: tuple[Entity, ...] = field(converter=_entities)
    metadata: ListMetadata

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)


@frozen
class TokenPair:
    """One step of a name comparison: a query token aligned with a candidate token.

    ``query`` or ``candidate`` is None for a token left unmatched on that side.
    ``form`` says which representation agreed (``"exact"``, ``"comparable"``,
    ``"phonetic"``, ``"fuzzy"``, ``"initial"``, ``"glued"``), or for an unmatched token
    ``"unmatched"``, or ``"description"`` for a word describing an organisation around
    its quoted name (:data:`~sanctionmatch.names.DESCRIPTOR`).
    """

    query: str | None
    candidate: str | None
    similarity: float
    weight: float
    form: str


@frozen
class Penalty:
    """A deduction from (negative ``amount``) or addition to a score, with its reason."""

    reason: str
    amount: float


def _token_pairs(values: Iterable[TokenPair]) -> tuple[TokenPair, ...]:
    return tuple(values)


def _penalties(values: Iterable[Penalty]) -> tuple[Penalty, ...]:
    return tuple(values)


@frozen
class Explanation:
    """Why two names scored what they did."""

    query: str
    candidate: str
    score: float
    pairs: tuple[TokenPair, ...] = field(default=(), converter=_token_pairs)
    penalties: tuple[Penalty, ...] = field(default=(), converter=_penalties)
    schema: str | None = None

    def __str__(self) -> str:
        lines = [f"{self.query!r} ~ {self.candidate!r}: {self.score:.3f}"]
        for p in self.pairs:
            q = p.query if p.query is not None else "-"
            c = p.candidate if p.candidate is not None else "-"
            lines.append(f"  {q:<18} {c:<18} {p.similarity:.2f} x{p.weight:.2f} ({p.form})")
        for pen in self.penalties:
            lines.append(f"  {pen.amount:+.3f} {pen.reason}")
        return "\n".join(lines)


@frozen
class Match:
    """A list entity found for a query, with the score and why."""

    entity: Entity
    score: float
    name: str  # the list name that scored best
    query: str  # the normalized query
    explanation: Explanation


def _matches(values: Iterable[Match]) -> tuple[Match, ...]:
    return tuple(values)


@frozen
class Mention:
    """A span of free text that names a listed entity.

    ``start``/``end`` are character offsets into the original text (``text[start:end]``
    equals ``surface``).
    """

    start: int
    end: int
    surface: str
    matches: tuple[Match, ...] = field(converter=_matches)
