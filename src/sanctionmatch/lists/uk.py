"""The UK Sanctions List, published by the FCDO as CSV and ODS.

See https://www.gov.uk/government/publications/the-uk-sanctions-list. Two layouts are read,
from a .csv or the .ods spreadsheet (the first sheet):

* the **full** layout: a ``Report Date: 29-Apr-2026`` line, then a header and one row per
  name of each designation: ``Unique ID``, ``OFSI Group ID``, ``UN Reference Number``,
  ``Name 6`` (surname or entity name) and ``Name 1`` .. ``Name 5``, ``Name type``
  (Primary Name, Primary Name Variation, Alias), ``Alias strength``, ``Title``,
  ``Name non-latin script``, ``Regime Name``, the type column (``Individual, Entity, Ship``
  or ``Designation Type``), ``Date Designated``, ``D.O.B``, ``Nationality(/ies)``,
  passport and national identifier numbers, ``Position``, ``Gender``, town and country of
  birth, six address lines, and the ship columns (``IMO number``, flag, type, tonnage...);
* the 8-column **summary** export: ``Unique ID``, ``OFSI Group ID``, ``Name``,
  ``Regime Name``, ``Type``, ``Designation source``, ``Date Designated``,
  ``Sanctions Imposed`` (primary names only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, check_size, unique
from sanctionmatch.lists._dates import parse_dmy_numeric, parse_text_date
from sanctionmatch.lists._io import csv_rows, decode_lines
from sanctionmatch.lists._ods import iter_ods_rows
from sanctionmatch.lists._script import guess_script
from sanctionmatch.model import (
    AKA,
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

LIST_NAME = "UK"
PUBLISHER = "UK Foreign, Commonwealth & Development Office (FCDO)"
TITLE = "UK Sanctions List"
SCHEMAS = {"individual": PERSON, "entity": ORGANIZATION, "ship": VESSEL}
SUMMARY_COLUMNS = ("Unique ID", "Name", "Regime Name", "Type")
FULL_COLUMNS = ("Unique ID", "Name 6", "Name type")
TYPE_COLUMNS = ("Individual, Entity, Ship", "Designation Type", "Type", "Group Type")
NAME_COLUMNS = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
ADDRESS_COLUMNS = (
    *(f"Address Line {i}" for i in range(1, 7)),
    "Address Postal Code",
    "Address Country",
)
# (column, identifier type) for the full layout.
IDENTIFIER_COLUMNS = (
    ("Passport number", "Passport"),
    ("National Identifier number", "National ID"),
    ("Business registration number (s)", "Registration Number"),
    ("IMO number", "IMO"),
    ("Hull identification number (HIN)", "Hull Identification Number"),
    ("OFSI Group ID", "OFSI Group ID"),
    ("UN Reference Number", "UN Reference Number"),
)
PROPERTY_COLUMNS = (
    "Sanctions Imposed",
    "Designation source",
    "Type of entity",
    "Parent company",
    "Subsidiaries",
    "Type of ship",
    "Tonnage of ship",
    "Length of ship",
    "Year Built",
    "Current owner/operator (s)",
    "Previous owner/operator (s)",
    "Previous flags",
    "Website",
    "Email address",
    "Phone number",
    "UK Statement of Reasons",
)
# Multi-valued cells: "(1) 01/01/1960 (2) 02/02/1961", or values split by "|" or ";".
_MULTI = re.compile(r"\(\d+\)|\||;")
_REPORT_DATE = re.compile(r"Report Date:\s*(?P<date>[\w /-]+)", re.I)


def sniff(path: Path, head: bytes) -> bool:
    """Recognise the UK list by its header (CSV) or by being an .ods spreadsheet."""
    if path.suffix.lower() == ".ods" or b"opendocument.spreadsheet" in head:
        return True
    if head.startswith(b"PK\x03\x04\n") and b"content.xml" in head:
        return True
    first_lines = head.lstrip(b"\xef\xbb\xbf")[:4096]
    return b"Unique ID" in first_lines and (
        b"Regime Name" in first_lines or b"Name 6" in first_lines
    )


def _split(value: str) -> list[str]:
    return [v.strip() for v in _MULTI.split(value) if v.strip()]


def _table(path: Path, ctx: LoadContext) -> Iterator[tuple[int, list[str]]]:
    ctx.files.append(path)
    with path.open("rb") as stream:
        is_zip = stream.read(4) == b"PK\x03\x04"
    if is_zip:
        yield from iter_ods_rows(path, ctx)
        return
    with path.open("rb") as stream:
        yield from csv_rows(decode_lines(stream, ctx, path=path), ctx, path=path)


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the designations of a UK Sanctions List CSV or ODS file (either layout)."""
    ctx.publisher, ctx.list_name = PUBLISHER, TITLE
    rows = _table(path, ctx)
    header: list[str] | None = None
    header_line = 0
    for line, row in rows:
        first = row[0].strip() if row else ""
        match = _REPORT_DATE.match(first)
        if match:
            ctx.published = parse_text_date(match["date"].replace("-", " ")) or parse_dmy_numeric(
                match["date"]
            )
            continue
        header, header_line = [c.strip() for c in row], line
        break
    if header is None:
        raise ctx.error("empty file: no header row")
    if all(c in header for c in FULL_COLUMNS):
        yield from _parse_full(header, rows, ctx)
    elif all(c in header for c in SUMMARY_COLUMNS):
        yield from _parse_summary(header, rows, ctx)
    else:
        wanted = FULL_COLUMNS if "Name 6" in header else SUMMARY_COLUMNS
        missing = [c for c in wanted if c not in header]
        raise ctx.error(
            f"missing required column(s): {', '.join(missing)}",
            line=header_line,
            field=missing[0],
        )


def _records(
    header: list[str], rows: Iterable[tuple[int, list[str]]]
) -> Iterator[tuple[int, dict[str, str]]]:
    for line, row in rows:
        yield line, {h: v.strip() for h, v in zip(header, row, strict=False) if h and v.strip()}


def _schema(record: dict[str, str], ctx: LoadContext, line: int, uid: str) -> str:
    for column in TYPE_COLUMNS:
        if column in record:
            kind = record[column].lower()
            if kind not in SCHEMAS:
                raise ctx.error(f"unknown type {kind[:40]!r}", line=line, record=uid, field=column)
            return SCHEMAS[kind]
    raise ctx.error("no designation type", line=line, record=uid, field=TYPE_COLUMNS[0])


def _parse_summary(
    header: list[str], rows: Iterable[tuple[int, list[str]]], ctx: LoadContext
) -> Iterator[Entity]:
    for line, record in _records(header, rows):
        uid = record.get("Unique ID", "")
        try:
            if not uid:
                raise ctx.error("empty Unique ID", line=line, field="Unique ID")
            if not record.get("Name"):
                # The summary export leaves some names (those in non-Latin script) blank.
                ctx.omit(ctx.error("no name in this export", line=line, record=uid, field="Name"))
                continue
            name = check_name(record.get("Name", ""), ctx, record=uid, field="Name", line=line)
            yield Entity(
                id=f"uk-{uid}",
                schema=_schema(record, ctx, line, uid),
                names=[Name(name, kind=PRIMARY, source=LIST_NAME)],
                programs=unique([record.get("Regime Name", "")]),
                listed_on=parse_dmy_numeric(record.get("Date Designated", "")) or None,
                identifiers=_identifiers(record),
                sources=[SourceRef(LIST_NAME, uid)],
                properties=_properties(record),
            )
        except ListFormatError as error:
            ctx.reject(error)


def _identifiers(record: dict[str, str]) -> list[Identifier]:
    found = []
    for column, kind in IDENTIFIER_COLUMNS:
        for value in _split(record.get(column, "")):
            if kind == "IMO":
                value = re.sub(r"^IMO\s*", "", value, flags=re.I)
            found.append(Identifier(kind, value))
    return list(dict.fromkeys(found))


def _properties(record: dict[str, str]) -> list[tuple[str, str]]:
    return [(column, record[column]) for column in PROPERTY_COLUMNS if column in record]


def _parse_full(
    header: list[str], rows: Iterable[tuple[int, list[str]]], ctx: LoadContext
) -> Iterator[Entity]:
    # One row per name: gather each designation's rows (they need not be adjacent).
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for line, record in _records(header, rows):
        uid = record.get("Unique ID", "")
        if not uid:
            ctx.reject(ctx.error("empty Unique ID", line=line, field="Unique ID"))
            continue
        groups.setdefault(uid, []).append((line, record))
    for uid, group in groups.items():
        try:
            yield _full_entity(uid, group, ctx)
        except ListFormatError as error:
            ctx.reject(error)


def _full_entity(uid: str, group: list[tuple[int, dict[str, str]]], ctx: LoadContext) -> Entity:
    names: list[Name] = []
    merged: dict[str, list[str]] = {}
    for line, record in group:
        parts = [record.get(c, "") for c in NAME_COLUMNS]
        if any(parts):
            value = check_name(
                " ".join(p for p in parts if p), ctx, record=uid, field="Name 6", line=line
            )
            name_type = record.get("Name type", "").lower()
            strength = record.get("Alias strength", "").lower()
            kind = PRIMARY if name_type == "primary name" else WEAK if "low" in strength else AKA
            names.append(Name(value, kind=kind, source=LIST_NAME))
        script = record.get("Name non-latin script", "")
        if script:
            script = check_name(script, ctx, record=uid, field="Name non-latin script", line=line)
            lang = record.get("Non-latin script language") or guess_script(script)
            names.append(Name(script, kind=AKA, lang=lang, source=LIST_NAME))
        for column, value in record.items():
            check_size(value, ctx, record=uid, field=column, line=line)
            merged.setdefault(column, []).append(value)
    first_line, first = group[0]
    if not any(n.kind == PRIMARY for n in names) and names:
        names[0] = Name(names[0].value, kind=PRIMARY, source=LIST_NAME)
    if not names:
        raise ctx.error("no name", line=first_line, record=uid, field="Name 6")

    def values(column: str) -> list[str]:
        return [v for cell in dict.fromkeys(merged.get(column, [])) for v in _split(cell)]

    addresses, countries = [], []
    for _line, record in group:
        address = ", ".join(record[c] for c in ADDRESS_COLUMNS if c in record)
        if address:
            addresses.append(address)
            countries.append(record.get("Address Country", ""))
    places = [
        ", ".join(p for p in (r.get("Town of birth", ""), r.get("Country of birth", "")) if p)
        for _line, r in group
    ]
    first_values = {column: values[0] for column, values in merged.items()}
    return Entity(
        id=f"uk-{uid}",
        schema=_schema(first, ctx, first_line, uid),
        names=list(dict.fromkeys(names)),
        birth_dates=unique([parse_dmy_numeric(d) for d in values("D.O.B")]),
        birth_places=unique(places),
        nationalities=unique(values("Nationality(/ies)")),
        countries=unique(countries + values("Current believed flag of ship")),
        identifiers=_identifiers({c: " | ".join(dict.fromkeys(v)) for c, v in merged.items()}),
        addresses=unique(addresses),
        programs=unique(values("Regime Name")),
        gender=first.get("Gender"),
        listed_on=parse_dmy_numeric(first.get("Date Designated", "")) or None,
        remarks=first.get("Other Information"),
        sources=[SourceRef(LIST_NAME, uid)],
        titles=unique(values("Position") + values("Title")),
        properties=_properties(first_values),
    )


FORMAT = ListFormat(
    name="uk_csv",
    title="UK Sanctions List (FCDO) CSV or ODS, full or 8-column summary layout",
    sniff=sniff,
    parse=parse,
)
