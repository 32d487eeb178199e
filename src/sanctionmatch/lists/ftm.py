"""OpenSanctions FollowTheMoney (FtM) entities, as JSON lines.

Each line of an ``entities.ftm.json`` export is one entity
(https://followthemoney.tech/explorer/)::

    {"id": "NK-...", "schema": "Person", "properties": {"name": [...], "alias": [...],
     "birthDate": ["1955-05-21"], "nationality": ["ru"], ...}, "datasets": ["eu_fsf"]}

A delta file wraps each entity in an operation, ``{"op": "ADD" | "MOD" | "DEL",
"entity": {...}}``; the loader applies the operations in order and yields the entities
left at the end (a DEL removes one). Only subject schemas are loaded (Person,
Organization, Company, LegalEntity, PublicBody, Vessel, Airplane); Sanction, Address and
other linking entities are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, check_size, unique
from sanctionmatch.lists._dates import parse_text_date
from sanctionmatch.lists._io import decode_lines
from sanctionmatch.model import (
    AIRCRAFT,
    AKA,
    FKA,
    ORGANIZATION,
    PERSON,
    PRIMARY,
    VESSEL,
    WEAK,
    Entity,
    Identifier,
    Name,
    SourceRef,
)

LIST_NAME = "OpenSanctions"
PUBLISHER = "OpenSanctions"
SCHEMAS = {
    "Person": PERSON,
    "Organization": ORGANIZATION,
    "Company": ORGANIZATION,
    "LegalEntity": ORGANIZATION,
    "PublicBody": ORGANIZATION,
    "Vessel": VESSEL,
    "Airplane": AIRCRAFT,
}
NAME_PROPS = (("name", PRIMARY), ("alias", AKA), ("previousName", FKA), ("weakAlias", WEAK))
ID_PROPS = (
    "idNumber",
    "passportNumber",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "leiCode",
    "swiftBic",
    "imoNumber",
    "mmsi",
    "callSign",
    "registrationNumber",
)
OPS = ("ADD", "MOD", "DEL")


def sniff(path: Path, head: bytes) -> bool:
    """Recognise FtM JSON lines by an entity's ``schema`` and ``properties``, or a delta ``op``."""
    first = head.lstrip(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
    if not first.startswith(b"{"):
        return False
    return (b'"schema"' in first and b'"properties"' in first) or (
        b'"op"' in first and b'"entity"' in first
    )


def json_lines(path: Path, ctx: LoadContext) -> Iterator[tuple[int, Any]]:
    """Yield ``(line number, value)`` for each non-blank line of a JSON-lines file."""
    ctx.files.append(path)
    with path.open("rb") as stream:
        for number, line in enumerate(decode_lines(stream, ctx, path=path), 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                ctx.reject(
                    ctx.error(f"bad JSON: {exc.msg} (column {exc.colno})", path=path, line=number)
                )
            except RecursionError:
                ctx.reject(ctx.error("bad JSON: nested too deeply", path=path, line=number))


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the subject entities of an FtM JSON-lines file (entities or delta)."""
    ctx.publisher, ctx.list_name = PUBLISHER, "OpenSanctions FollowTheMoney export"
    delta: dict[str, Entity | None] | None = None
    for number, item in json_lines(path, ctx):
        try:
            if not isinstance(item, dict):
                raise ctx.error("a line is not a JSON object", line=number)
            if "op" in item:
                if delta is None:
                    delta = {}
                _apply(delta, item, ctx, number)
                continue
            entity = _entity(item, ctx, number)
        except ListFormatError as error:
            ctx.reject(error)
            continue
        if entity is not None:
            yield entity
    if delta is not None:
        yield from (e for e in delta.values() if e is not None)


def _apply(
    delta: dict[str, Entity | None], item: dict[str, Any], ctx: LoadContext, line: int
) -> None:
    op = item.get("op")
    data = item.get("entity")
    if op not in OPS:
        raise ctx.error(f"unknown delta op {str(op)[:20]!r}", line=line, field="op")
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise ctx.error("delta without an entity id", line=line, field="entity")
    if op == "DEL":
        delta.pop(data["id"], None)
        return
    entity = _entity(data, ctx, line)
    if entity is not None:
        delta.pop(entity.id, None)  # keep the order of the latest change
        delta[entity.id] = entity


def _values(props: dict[str, Any], name: str) -> list[str]:
    value = props.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def _entity(item: dict[str, Any], ctx: LoadContext, line: int) -> Entity | None:
    entity_id, schema = item.get("id"), item.get("schema")
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise ctx.error("entity without an id", line=line, field="id")
    if not isinstance(schema, str):
        raise ctx.error("entity without a schema", line=line, record=entity_id, field="schema")
    if schema not in SCHEMAS or item.get("target") is False:
        return None
    props = item.get("properties")
    if not isinstance(props, dict):
        raise ctx.error(
            "properties is not an object", line=line, record=entity_id, field="properties"
        )
    names = [
        Name(
            check_name(v, ctx, record=entity_id, field=prop, line=line), kind=kind, source=LIST_NAME
        )
        for prop, kind in NAME_PROPS
        for v in _values(props, prop)
    ]
    if not names:
        caption = item.get("caption")
        if isinstance(caption, str) and caption.strip():
            names.append(
                Name(
                    check_name(caption, ctx, record=entity_id, field="caption", line=line),
                    source=LIST_NAME,
                )
            )
        else:
            raise ctx.error("entity without a name", line=line, record=entity_id, field="name")
    notes = "\n".join(_values(props, "notes"))
    datasets = item.get("datasets")
    if not isinstance(datasets, list):
        datasets = []
    return Entity(
        id=entity_id.strip(),
        schema=SCHEMAS[schema],
        names=list(dict.fromkeys(names)),
        birth_dates=unique([parse_text_date(d) for d in _values(props, "birthDate")]),
        birth_places=unique(_values(props, "birthPlace")),
        nationalities=unique(_values(props, "nationality") + _values(props, "citizenship")),
        countries=unique(
            _values(props, "country") + _values(props, "jurisdiction") + _values(props, "flag")
        ),
        identifiers=tuple(
            dict.fromkeys(Identifier(prop, v) for prop in ID_PROPS for v in _values(props, prop))
        ),
        addresses=unique(_values(props, "address")),
        programs=unique(_values(props, "program") + _values(props, "programId")),
        gender=next(iter(_values(props, "gender")), None),
        listed_on=(_values(props, "createdAt") or [""])[0][:10] or None,
        remarks=check_size(notes, ctx, record=entity_id, field="notes", line=line) or None,
        sources=[SourceRef(LIST_NAME, entity_id.strip())],
        titles=unique(_values(props, "position") + _values(props, "title")),
        properties=[("dataset", d) for d in datasets if isinstance(d, str)],
    )


FORMAT = ListFormat(
    name="ftm",
    title="OpenSanctions FollowTheMoney JSON lines (entities, or a delta with ADD/MOD/DEL)",
    sniff=sniff,
    parse=parse,
)
