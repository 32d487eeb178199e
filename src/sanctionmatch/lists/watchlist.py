"""Your own watchlist, as a UTF-8 CSV with a header row or as JSON lines.

Columns (CSV) or keys (JSON lines); only ``id`` and ``name`` are required::

    id, schema, name, aliases, weak_aliases, birth_date, countries, nationalities,
    programs, identifiers, gender, listed_on, remarks

``schema`` is Person (the default), Organization, Vessel, Aircraft or Other. In CSV a cell
with several values separates them with ``;``; in JSON lines the value may also be a list.
``identifiers`` are ``TYPE:VALUE`` pairs (``Passport:BD3843329``). Ids are used as they are,
so keep them unique across the lists you load together.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, check_size, unique
from sanctionmatch.lists._dates import parse_text_date
from sanctionmatch.lists._io import headed_rows
from sanctionmatch.lists.ftm import json_lines
from sanctionmatch.lists.ftm_csv import split_values
from sanctionmatch.model import (
    AKA,
    PERSON,
    PRIMARY,
    SCHEMAS,
    WEAK,
    Entity,
    Identifier,
    Name,
    SourceRef,
)

LIST_NAME = "watchlist"
COLUMNS = (
    "id",
    "schema",
    "name",
    "aliases",
    "weak_aliases",
    "birth_date",
    "countries",
    "nationalities",
    "programs",
    "identifiers",
    "gender",
    "listed_on",
    "remarks",
)
REQUIRED = ("id", "name")


def sniff(path: Path, head: bytes) -> bool:
    """Recognise a watchlist: a CSV header with id and name, or JSON lines with both keys."""
    first = head.lstrip(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0].strip()
    if first.startswith(b"{"):
        return b'"id"' in first and b'"name"' in first
    header = [c.strip().strip('"') for c in first.decode("utf-8", "replace").split(",")]
    return "id" in header and "name" in header


def _values(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if isinstance(v, str | int) and str(v).strip()]
    if isinstance(value, str | int):
        return split_values(str(value))
    return []


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the entries of a watchlist CSV or JSON-lines file."""
    ctx.list_name = f"watchlist {path.name}"
    with path.open("rb") as stream:
        is_json = stream.read(64).lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"{")
    rows: Iterator[tuple[int, Any]] = (
        json_lines(path, ctx) if is_json else headed_rows(path, ctx, REQUIRED)
    )
    for line, row in rows:
        try:
            if not isinstance(row, dict):
                raise ctx.error("a line is not a JSON object", line=line)
            yield _entity(row, ctx, line)
        except ListFormatError as error:
            ctx.reject(error)


def _entity(row: dict[str, Any], ctx: LoadContext, line: int) -> Entity:
    entity_id = str(row.get("id") or "").strip()
    if not entity_id:
        raise ctx.error("empty id", line=line, field="id")
    schema = str(row.get("schema") or PERSON).strip()
    if schema not in SCHEMAS:
        raise ctx.error(
            f"unknown schema {schema[:40]!r}", line=line, record=entity_id, field="schema"
        )
    name = row.get("name")
    if not isinstance(name, str):
        raise ctx.error("missing name", line=line, record=entity_id, field="name")
    names = [
        Name(
            check_name(name, ctx, record=entity_id, field="name", line=line),
            kind=PRIMARY,
            source=LIST_NAME,
        )
    ]
    for column, kind in (("aliases", AKA), ("weak_aliases", WEAK)):
        for alias in _values(row.get(column)):
            names.append(
                Name(
                    check_name(alias, ctx, record=entity_id, field=column, line=line),
                    kind=kind,
                    source=LIST_NAME,
                )
            )
    identifiers = []
    for pair in _values(row.get("identifiers")):
        kind, _, value = pair.partition(":")
        if not value.strip():
            raise ctx.error(
                f"identifier {pair[:40]!r} is not TYPE:VALUE",
                line=line,
                record=entity_id,
                field="identifiers",
            )
        identifiers.append(Identifier(kind.strip(), value.strip()))
    dates = _values(row.get("birth_date"))
    parsed = [parse_text_date(d) for d in dates]
    if any(not p for p in parsed):
        raise ctx.error(
            f"unreadable birth_date {dates[parsed.index('')][:40]!r}",
            line=line,
            record=entity_id,
            field="birth_date",
        )
    remarks = row.get("remarks")
    return Entity(
        id=entity_id,
        schema=schema,
        names=list(dict.fromkeys(names)),
        birth_dates=unique(parsed),
        nationalities=unique(_values(row.get("nationalities"))),
        countries=unique(_values(row.get("countries"))),
        identifiers=identifiers,
        programs=unique(_values(row.get("programs"))),
        gender=str(row.get("gender") or "").strip() or None,
        listed_on=str(row.get("listed_on") or "").strip() or None,
        remarks=check_size(remarks, ctx, record=entity_id, field="remarks", line=line)
        if isinstance(remarks, str) and remarks
        else None,
        sources=[SourceRef(LIST_NAME, entity_id)],
    )


FORMAT = ListFormat(
    name="watchlist",
    title="your own watchlist: CSV or JSON lines with id, name, aliases, birth_date, ...",
    sniff=sniff,
    parse=parse,
)
