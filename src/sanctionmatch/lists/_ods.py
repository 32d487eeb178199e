"""Reading the rows of an OpenDocument spreadsheet (.ods) with the standard library.

An .ods file is a zip whose ``content.xml`` holds the sheets as ``table:table-row`` and
``table:table-cell`` elements (OASIS OpenDocument 1.3, part 3, section 9). Repeated cells
and rows are compressed with ``table:number-columns-repeated`` and
``table:number-rows-repeated``; spreadsheet programs pad a sheet with one huge repeated empty
row and cell, which must never be expanded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from sanctionmatch.lists._base import LoadContext
from sanctionmatch.lists._io import iter_xml, local_name, open_member

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
MAX_REPEAT = 1_000  # a non-empty cell repeated more often than this is padding gone wrong


def _cell_text(cell: ET.Element) -> str:
    """Return a cell's text: its paragraphs joined by newlines, ``text:s`` as spaces."""
    paragraphs = []
    for para in cell.iter(f"{{{TEXT}}}p"):
        pieces: list[str] = []
        _collect(para, pieces)
        paragraphs.append("".join(pieces))
    if paragraphs:
        return "\n".join(paragraphs)
    return cell.get(f"{{{OFFICE}}}value") or cell.get(f"{{{OFFICE}}}date-value") or ""


def _collect(elem: ET.Element, pieces: list[str]) -> None:
    if elem.text:
        pieces.append(elem.text)
    for sub in elem:
        name = local_name(sub.tag)
        if name == "s":
            pieces.append(" " * int(sub.get(f"{{{TEXT}}}c", "1") or 1))
        elif name == "tab":
            pieces.append("\t")
        elif name == "line-break":
            pieces.append("\n")
        else:
            _collect(sub, pieces)
        if sub.tail:
            pieces.append(sub.tail)


def iter_ods_rows(path: Path, ctx: LoadContext) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(row number, cells)`` for each non-empty row of the first sheet of an .ods file."""
    number = 0
    sheets = 0
    with open_member(path, ctx, ("content.xml",)) as stream:
        for _event, elem in iter_xml(
            stream, ctx, path=path, records=frozenset({"table-row", "table"})
        ):
            if _event == "root":
                continue
            if local_name(elem.tag) == "table":
                sheets += 1
                continue
            if sheets:
                continue  # only the first sheet holds the list
            repeat = int(elem.get(f"{{{TABLE}}}number-rows-repeated", "1") or 1)
            cells = _row_cells(elem, ctx, path, number + 1)
            number += repeat
            if any(c.strip() for c in cells):
                for _ in range(min(repeat, MAX_REPEAT)):
                    yield number, cells


def _row_cells(row: ET.Element, ctx: LoadContext, path: Path, number: int) -> list[str]:
    cells: list[str] = []
    pending_empty = 0
    for cell in row:
        if local_name(cell.tag) not in ("table-cell", "covered-table-cell"):
            continue
        repeat = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1") or 1)
        text = _cell_text(cell)
        if not text.strip():
            pending_empty += repeat  # padding: only materialised if a value follows
            continue
        if repeat > MAX_REPEAT:
            raise ctx.error(f"a cell repeated {repeat} times", path=path, line=number)
        cells.extend([""] * pending_empty)
        pending_empty = 0
        cells.extend([text] * repeat)
    return cells
