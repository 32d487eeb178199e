"""OFAC's legacy CSV files: the SDN list and the Consolidated (non-SDN) list.

Each list is four headerless CSV files, published by the US Treasury's Office of Foreign
Assets Control (https://ofac.treasury.gov/sanctions-list-service):

* ``sdn.csv`` / ``cons_prim.csv``: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
  Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
* ``alt.csv`` / ``cons_alt.csv``: ent_num, alt_num, alt_type (aka, fka, nka), alt_name,
  alt_remarks;
* ``add.csv`` / ``cons_add.csv``: ent_num, add_num, address, city/state/postal code,
  country, add_remarks;
* ``sdn_comments.csv`` / ``cons_comments.csv``: ent_num, the rest of a Remarks field too
  long for ``sdn.csv``.

``-0-`` marks an empty cell, the bytes are cp1252 with CRLF line ends, and the file ends
with a DOS end-of-file byte (0x1A). A header row (as third-party copies add) is skipped.
Give the loader the main file or its directory; the other three are found beside it and
are optional.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, check_size, unique
from sanctionmatch.lists._io import csv_rows, decode_lines
from sanctionmatch.lists.ofac_remarks import parse_remarks
from sanctionmatch.model import (
    AIRCRAFT,
    AKA,
    FKA,
    ORGANIZATION,
    PERSON,
    PRIMARY,
    VESSEL,
    Entity,
    Identifier,
    Name,
    SourceRef,
)

NULL = "-0-"
PUBLISHER = "US Treasury, Office of Foreign Assets Control (OFAC)"
# main file -> (list name, alt file, add file, comments file)
FILE_SETS = {
    "sdn.csv": ("OFAC SDN", "alt.csv", "add.csv", "sdn_comments.csv"),
    "cons_prim.csv": ("OFAC Consolidated", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"),
}
AUXILIARY = {aux: main for main, files in FILE_SETS.items() for aux in files[1:]}
MAIN_COLUMNS = (
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
)
SCHEMAS = {"individual": PERSON, "vessel": VESSEL, "aircraft": AIRCRAFT, "": ORGANIZATION}
ALIAS_KINDS = {"aka": AKA, "fka": FKA, "nka": AKA}


def _cell(value: str) -> str:
    value = value.strip()
    return "" if value == NULL else value


def find_file(directory: Path, name: str) -> Path | None:
    """Return the file called ``name`` in ``directory``, matching case-insensitively."""
    exact = directory / name
    if exact.is_file():
        return exact
    if directory.is_dir():
        for candidate in directory.iterdir():
            if candidate.name.lower() == name and candidate.is_file():
                return candidate
    return None


def main_files(path: Path) -> list[Path]:
    """Return the main files (sdn.csv, cons_prim.csv) that ``path`` stands for."""
    if path.is_dir():
        return [p for name in FILE_SETS if (p := find_file(path, name)) is not None]
    name = path.name.lower()
    if name in AUXILIARY:
        main = find_file(path.parent, AUXILIARY[name])
        return [main] if main is not None else []
    return [path]


def sniff(path: Path, head: bytes) -> bool:
    """Recognise an OFAC legacy CSV by its file name or its first row's shape."""
    if path.is_dir():
        return bool(main_files(path))
    name = path.name.lower()
    if name in FILE_SETS or name in AUXILIARY:
        return True
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return first[:1].isdigit() and b',"' in first and first.count(b",") >= 11 and b"-0-" in head


def _rows(path: Path, ctx: LoadContext, width: int) -> Iterator[tuple[int, list[str]]]:
    ctx.files.append(path)
    with path.open("rb") as stream:
        for line, row in csv_rows(
            decode_lines(stream, ctx, path=path, fallback="cp1252"), ctx, path=path
        ):
            if line == 1 and row and row[0].strip().lower() == "ent_num":
                continue  # a header row added by a third-party re-serialisation
            if len(row) < width:
                ctx.reject(
                    ctx.error(
                        f"expected {width} columns, found {len(row)}",
                        path=path,
                        line=line,
                        record=row[0].strip() or None,
                    )
                )
                continue
            ent_num = row[0].strip()
            if not ent_num.isdigit():
                ctx.reject(
                    ctx.error(
                        f"ent_num {ent_num[:40]!r} is not a number",
                        path=path,
                        line=line,
                        field="ent_num",
                    )
                )
                continue
            yield line, row


def _side_tables(
    main: Path, ctx: LoadContext
) -> tuple[dict[str, list[Name]], dict[str, list[tuple[str, str]]], dict[str, str]]:
    list_name, alt_name, add_name, comments_name = FILE_SETS[main.name.lower()]
    aliases: dict[str, list[Name]] = defaultdict(list)
    addresses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    comments: dict[str, str] = {}
    if (alt := find_file(main.parent, alt_name)) is not None:
        for line, row in _rows(alt, ctx, 4):
            kind = ALIAS_KINDS.get(_cell(row[2]).lower().strip("."), AKA)
            try:
                value = check_name(
                    _cell(row[3]), ctx, record=row[0], field="alt_name", line=line, path=alt
                )
            except ListFormatError as error:
                ctx.reject(error)
                continue
            aliases[row[0].strip()].append(Name(value, kind=kind, source=list_name))
    if (add := find_file(main.parent, add_name)) is not None:
        for _line, row in _rows(add, ctx, 5):
            parts = [_cell(c) for c in row[2:5]]
            address = ", ".join(p for p in parts if p)
            addresses[row[0].strip()].append((address, parts[2]))
    if (extra := find_file(main.parent, comments_name)) is not None:
        for _line, row in _rows(extra, ctx, 2):
            comments[row[0].strip()] = comments.get(row[0].strip(), "") + _cell(row[1])
    return aliases, addresses, comments


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the entities of an OFAC legacy CSV list (SDN or Consolidated).

    Args:
        path: ``sdn.csv``, ``cons_prim.csv``, one of their sibling files, or their directory.
        ctx: the load.
    """
    mains = main_files(path)
    if not mains:
        raise ctx.error("no sdn.csv or cons_prim.csv found here")
    ctx.publisher = PUBLISHER
    ctx.list_name = " + ".join(FILE_SETS[m.name.lower()][0] for m in mains)
    for main in mains:
        yield from _parse_main(main, ctx)


def _parse_main(main: Path, ctx: LoadContext) -> Iterator[Entity]:
    list_name = FILE_SETS.get(main.name.lower(), ("OFAC SDN",))[0]
    if main.name.lower() in FILE_SETS:
        aliases, addresses, comments = _side_tables(main, ctx)
    else:  # a renamed main file: no siblings to find
        aliases, addresses, comments = {}, {}, {}
    for line, row in _rows(main, ctx, len(MAIN_COLUMNS)):
        try:
            yield _entity(row, list_name, aliases, addresses, comments, ctx, main, line)
        except ListFormatError as error:
            ctx.reject(error)


def _entity(
    row: list[str],
    list_name: str,
    aliases: dict[str, list[Name]],
    addresses: dict[str, list[tuple[str, str]]],
    comments: dict[str, str],
    ctx: LoadContext,
    main: Path,
    line: int,
) -> Entity:
    cells = dict(zip(MAIN_COLUMNS, (_cell(c) for c in row), strict=False))
    ent_num = cells["ent_num"]
    kind = cells["SDN_Type"].lower()
    if kind not in SCHEMAS:
        raise ctx.error(
            f"unknown SDN_Type {kind[:40]!r}",
            path=main,
            line=line,
            record=ent_num,
            field="SDN_Type",
        )
    name = check_name(
        cells["SDN_Name"], ctx, record=ent_num, field="SDN_Name", line=line, path=main
    )
    remarks = check_size(
        cells["Remarks"] + comments.get(ent_num, ""),
        ctx,
        record=ent_num,
        field="Remarks",
        line=line,
        path=main,
    )
    facts = parse_remarks(remarks, source=list_name)
    names = [Name(name, kind=PRIMARY, source=list_name), *aliases.get(ent_num, ()), *facts.names]
    identifiers = list(facts.identifiers)
    properties = list(facts.properties)
    countries = [country for _address, country in addresses.get(ent_num, ())]
    if cells["Call_Sign"]:
        identifiers.append(Identifier("Call Sign", cells["Call_Sign"]))
    if cells["Vess_flag"]:
        countries.append(cells["Vess_flag"])
    for column, label in (
        ("Vess_type", "Vessel Type"),
        ("Tonnage", "Tonnage"),
        ("GRT", "Gross Registered Tonnage"),
        ("Vess_flag", "Vessel Flag"),
        ("Vess_owner", "Vessel Owner"),
    ):
        if cells[column]:
            properties.append((label, cells[column]))
    programs = [p.strip(" []") for p in cells["Program"].split("] [")]
    return Entity(
        id=f"ofac-{ent_num}",
        schema=SCHEMAS[kind],
        names=list(dict.fromkeys(names)),
        birth_dates=unique(facts.birth_dates),
        birth_places=unique(facts.birth_places),
        nationalities=unique(facts.nationalities),
        countries=unique(countries),
        identifiers=tuple(dict.fromkeys(identifiers)),
        addresses=unique([address for address, _country in addresses.get(ent_num, ())]),
        programs=unique(programs),
        gender=facts.gender,
        remarks=remarks or None,
        sources=[SourceRef(list_name, ent_num)],
        titles=unique([cells["Title"]]),
        linked_to=unique(facts.linked_to),
        properties=tuple(dict.fromkeys(properties)),
    )


FORMAT = ListFormat(
    name="ofac_csv",
    title="OFAC legacy CSV (sdn.csv or cons_prim.csv with their alt, add and comments files)",
    sniff=sniff,
    parse=parse,
)
