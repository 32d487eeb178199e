"""A third-party JSON extract of the EU Financial Sanctions Files (format ``eu_json``).

The jaesu74/SP repository on GitHub converts the EU's FSF XML into one JSON document::

    {"meta": {"source": "eu", "count": 5307, "timestamp": "2025-04-15T10:16:49"},
     "data": [{"id": "EU-135219", "name": "Сергей Кужугетович ШОЙГУ",
               "type": "INDIVIDUAL", "country": "", "programs": [],
               "details": {"aliases": ["Sergei Kuzhugetovich SHOIGU", ...],
                           "birthDate": "1955-05-21", "nationalities": [], ...}}]}

``id`` is "EU-" plus the FSF logicalId, ``name`` one of the FSF name aliases (often the
Cyrillic or Greek one) and ``aliases`` the others, without their language. The document
is one JSON value, so it is read whole (a few MB), unlike the streaming XML loaders.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import MAX_LINE_BYTES, ListFormat, LoadContext, check_name, unique
from sanctionmatch.lists._dates import parse_text_date
from sanctionmatch.lists._io import UTF8_BOM
from sanctionmatch.model import AKA, ORGANIZATION, PERSON, PRIMARY, Entity, Name, SourceRef

LIST_NAME = "EU"
PUBLISHER = "European Commission (DG FISMA)"
TITLE = "EU Financial Sanctions Files (third-party JSON extract)"
SCHEMAS = {
    "INDIVIDUAL": PERSON,
    "PERSON": PERSON,
    "ENTITY": ORGANIZATION,
    "ENTERPRISE": ORGANIZATION,
}
MAX_JSON_BYTES = 50 * MAX_LINE_BYTES


def sniff(path: Path, head: bytes) -> bool:
    """Recognise the extract by its ``meta`` block and ``EU-`` ids."""
    start = head.lstrip(UTF8_BOM).lstrip()
    return start.startswith(b"{") and b'"meta"' in head and b'"EU-' in head


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the entities of the EU JSON extract."""
    ctx.publisher, ctx.list_name = PUBLISHER, TITLE
    ctx.files.append(path)
    with path.open("rb") as stream:
        raw = stream.read(MAX_JSON_BYTES + 1)
    if len(raw) > MAX_JSON_BYTES:
        raise ctx.error(f"JSON document larger than {MAX_JSON_BYTES} bytes")
    if not raw.strip():
        raise ctx.error("empty file")
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ctx.error(f"not valid UTF-8 (byte offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ctx.error(f"bad JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from None
    except RecursionError:
        raise ctx.error("bad JSON: nested too deeply") from None
    del raw
    if not isinstance(document, dict) or not isinstance(document.get("data"), list):
        raise ctx.error('expected an object with a "data" list', field="data")
    meta = document.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("timestamp"), str):
        ctx.published = meta["timestamp"][:10] or None
    for number, item in enumerate(document["data"], 1):
        try:
            yield _entity(item, ctx, number)
        except ListFormatError as error:
            ctx.reject(error)


def _entity(item: Any, ctx: LoadContext, number: int) -> Entity:
    if not isinstance(item, dict):
        raise ctx.error("an entry is not an object", record=f"#{number}")
    raw_id = item.get("id")
    if not isinstance(raw_id, str) or not raw_id.strip():
        raise ctx.error("missing id", record=f"#{number}", field="id")
    logical_id = raw_id.strip().removeprefix("EU-")
    kind = item.get("type")
    if not isinstance(kind, str) or kind.upper() not in SCHEMAS:
        raise ctx.error(f"unknown type {str(kind)[:40]!r}", record=raw_id, field="type")
    name = item.get("name")
    if not isinstance(name, str):
        raise ctx.error("missing name", record=raw_id, field="name")
    names = [
        Name(check_name(name, ctx, record=raw_id, field="name"), kind=PRIMARY, source=LIST_NAME)
    ]
    details = item.get("details") if isinstance(item.get("details"), dict) else {}
    assert isinstance(details, dict)
    for alias in _strings(details.get("aliases")):
        names.append(
            Name(check_name(alias, ctx, record=raw_id, field="aliases"), kind=AKA, source=LIST_NAME)
        )
    birth = details.get("birthDate")
    return Entity(
        id=f"eu-{logical_id}",
        schema=SCHEMAS[kind.upper()],
        names=list(dict.fromkeys(names)),
        birth_dates=unique([parse_text_date(b) for b in _strings(birth)]),
        nationalities=unique(_strings(details.get("nationalities"))),
        countries=unique(_strings(item.get("country"))),
        addresses=unique(_strings(details.get("addresses"))),
        programs=unique(_strings(item.get("programs"))),
        sources=[SourceRef(LIST_NAME, logical_id)],
    )


FORMAT = ListFormat(
    name="eu_json",
    title="EU Financial Sanctions Files, third-party JSON extract (eu_sanctions.json)",
    sniff=sniff,
    parse=parse,
)
