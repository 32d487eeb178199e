"""OpenSanctions' ``targets.simple.csv`` export.

One row per target, with the columns ``id, schema, name, aliases, birth_date, countries,
addresses, identifiers, sanctions, phones, emails, dataset, first_seen, last_seen,
last_change``; a cell with several values separates them with ``;``
(https://www.opensanctions.org/docs/bulk/csv/).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, unique
from sanctionmatch.lists._dates import parse_text_date
from sanctionmatch.lists._io import headed_rows
from sanctionmatch.lists.ftm import LIST_NAME, PUBLISHER, SCHEMAS
from sanctionmatch.model import AKA, PRIMARY, Entity, Identifier, Name, SourceRef

COLUMNS = (
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "countries",
    "addresses",
    "identifiers",
    "sanctions",
    "phones",
    "emails",
    "dataset",
    "first_seen",
    "last_seen",
    "last_change",
)
REQUIRED = ("id", "schema", "name")


def sniff(path: Path, head: bytes) -> bool:
    """Recognise the export by its header row."""
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].strip().decode("utf-8", "replace")
    header = [c.strip().strip('"') for c in first.split(",")]
    return header[:3] == ["id", "schema", "name"] and "first_seen" in header


def split_values(cell: str) -> list[str]:
    """Split a ``;``-separated cell into its stripped, non-empty values."""
    return [v.strip() for v in cell.split(";") if v.strip()]


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the targets of a ``targets.simple.csv`` file."""
    ctx.publisher, ctx.list_name = PUBLISHER, "OpenSanctions targets.simple.csv"
    for line, row in headed_rows(path, ctx, REQUIRED):
        try:
            yield _entity(row, ctx, line)
        except ListFormatError as error:
            ctx.reject(error)


def _entity(row: dict[str, str], ctx: LoadContext, line: int) -> Entity:
    entity_id = row["id"]
    if not entity_id:
        raise ctx.error("empty id", line=line, field="id")
    if row["schema"] not in SCHEMAS:
        raise ctx.error(
            f"unknown schema {row['schema'][:40]!r}", line=line, record=entity_id, field="schema"
        )
    names = [
        Name(
            check_name(row["name"], ctx, record=entity_id, field="name", line=line),
            kind=PRIMARY,
            source=LIST_NAME,
        )
    ]
    for alias in split_values(row.get("aliases", "")):
        names.append(
            Name(
                check_name(alias, ctx, record=entity_id, field="aliases", line=line),
                kind=AKA,
                source=LIST_NAME,
            )
        )
    properties = [
        (column, v)
        for column in ("phones", "emails", "dataset")
        for v in split_values(row.get(column, ""))
    ]
    return Entity(
        id=entity_id,
        schema=SCHEMAS[row["schema"]],
        names=list(dict.fromkeys(names)),
        birth_dates=unique([parse_text_date(d) for d in split_values(row.get("birth_date", ""))]),
        countries=unique(split_values(row.get("countries", ""))),
        identifiers=[
            Identifier("Identifier", v) for v in unique(split_values(row.get("identifiers", "")))
        ],
        addresses=unique(split_values(row.get("addresses", ""))),
        programs=unique(split_values(row.get("sanctions", ""))),
        listed_on=row.get("first_seen", "")[:10] or None,
        sources=[SourceRef(LIST_NAME, entity_id)],
        properties=properties,
    )


FORMAT = ListFormat(
    name="ftm_csv",
    title="OpenSanctions targets.simple.csv",
    sniff=sniff,
    parse=parse,
)
