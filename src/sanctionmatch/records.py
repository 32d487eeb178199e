"""Reading the input of batch screening: CSV or JSON-lines records, streamed.

Input is decoded line by line so that a bad byte is reported with its line and byte
offset rather than as a bare :class:`UnicodeDecodeError`. CSV needs a header row; its
delimiter is guessed from that row. Columns are picked by role (``name``, ``id``,
``birth_date``, ``country``, ``schema``): the column given on the command line, else
the first of :data:`DEFAULT_COLUMNS` present. :func:`read_records` yields each record
as the dict that :func:`sanctionmatch.screen` reads.

Every problem raises :class:`InputError`, whose message names the file and where in it.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import json
import sys
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

# Column names tried, case-insensitively, when a column is not given.
DEFAULT_COLUMNS = {
    "name": ("name", "full_name", "fullname"),
    "id": ("id",),
    "birth_date": ("birth_date", "birthdate", "dob", "date_of_birth"),
    "country": ("country", "nationality"),
    "schema": ("schema",),
}
# The command-line option that names each role's column, quoted in error messages.
COLUMN_OPTIONS = {role: f"--{role.replace('_', '-')}-column" for role in DEFAULT_COLUMNS}
# Delimiters a CSV header row is tried with, most frequent first.
DELIMITERS = ",;\t|"


class InputError(Exception):
    """Input that cannot be read; the message names the file and the line or byte offset.

    Deliberately not a :class:`ValueError`: :func:`sanctionmatch.screen` defers a
    ``ValueError`` from its records until earlier results are out (with ``jobs > 1``),
    whereas an unreadable file should stop the run where it is.
    """


def open_binary(name: str) -> tuple[BinaryIO, int | None, str]:
    """Open an input file for reading bytes.

    Args:
        name: a file path, or ``-`` for stdin.

    Returns:
        The stream, its size in bytes (``None`` for stdin) and a label for messages.
    """
    if name == "-":
        return sys.stdin.buffer, None, "<stdin>"
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot open: {exc.strerror}") from None
    return stream, path.stat().st_size, name


def read_text(name: str) -> tuple[str, str]:
    """Read a whole text file as UTF-8 (a BOM is dropped), naming the offset of bad bytes.

    Args:
        name: a file path, or ``-`` for stdin.

    Returns:
        The text and the file's label for messages.
    """
    stream, _, label = open_binary(name)
    try:
        data = stream.read()
    finally:
        if name != "-":
            stream.close()
    try:
        return data.decode("utf-8-sig"), label
    except UnicodeDecodeError as exc:
        start = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line = data.count(b"\n", 0, start) + 1
        raise InputError(
            f"{label}: line {line}, byte offset {start}: cannot decode "
            f"{data[start : start + exc.end - exc.start]!r} as UTF-8"
        ) from None


def input_kind(name: str, head: bytes) -> str:
    """Tell CSV from JSON lines: by the file's extension, else by its first bytes.

    Args:
        name: the file name (``-`` for stdin has no extension).
        head: the first bytes of the file, if they could be peeked at.

    Returns:
        ``"csv"`` or ``"jsonl"``.
    """
    suffix = Path(name).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    return "jsonl" if head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{") else "csv"


def read_records(
    stream: BinaryIO,
    label: str,
    *,
    kind: str,
    columns: Mapping[str, str | None],
    encoding: str = "utf-8",
    at: list[int] | None = None,
    starts: deque[int] | None = None,
) -> Iterator[dict[str, Any]]:
    """Read the records of a CSV or JSON-lines stream, as they are asked for.

    The first record is read at once, so that a missing or unknown column is reported
    before the caller has written anything.

    Args:
        stream: the input, in binary so that errors can name byte offsets.
        label: the file's name in messages.
        kind: ``"csv"`` (with a header row) or ``"jsonl"``; see :func:`input_kind`.
        columns: the column asked for per role; a role left out or ``None`` gets the
            first of its :data:`DEFAULT_COLUMNS` present.
        encoding: the input's encoding; a UTF-8 BOM is dropped.
        at: if given, ``at[0]`` follows the number of bytes read (for a progress bar).
        starts: if given, receives each record's first line number as it is read.

    Returns:
        One dict per record, in the shape :func:`sanctionmatch.screen` reads.
    """
    lines = _decoded_lines(stream, label, encoding, [0] if at is None else at)
    if starts is None:
        starts = deque(maxlen=0)  # keeps nothing: no caller to pop the line numbers
    reader = _csv_records if kind == "csv" else _jsonl_records
    found = reader(lines, columns, label, starts)
    first = next(found, None)
    return found if first is None else itertools.chain([first], found)


def _decoded_lines(stream: BinaryIO, label: str, encoding: str, at: list[int]) -> Iterator[str]:
    """Decode a binary stream line by line, naming the line and byte offset of bad bytes.

    ``at[0]`` follows the byte offset read so far (for a progress bar).
    """
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    for number, raw in enumerate(stream, 1):
        start = 0
        if number == 1 and codecs.lookup(encoding).name == "utf-8":
            start = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
        try:
            text = decoder.decode(raw[start:])
        except UnicodeDecodeError as exc:
            bad = raw[start + exc.start : start + exc.end]
            raise InputError(
                f"{label}: line {number}, byte offset {offset + start + exc.start}: "
                f"cannot decode {bad!r} as {encoding} (see --encoding)"
            ) from None
        offset += len(raw)
        at[0] = offset
        yield text
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise InputError(
            f"{label}: byte offset {offset}: the input ends inside a character"
        ) from None


def _pick(available: Sequence[str], given: str | None, role: str, label: str) -> str | None:
    """Choose the column for a role: the one given (which must exist) or a default name."""
    if given is not None:
        if given in available:
            return given
        folded = {a.casefold(): a for a in available}
        if given.casefold() in folded:
            return folded[given.casefold()]
        raise InputError(
            f"{label}: unknown column {given!r} ({COLUMN_OPTIONS[role]}); "
            f"available: {', '.join(available)}"
        )
    folded = {a.strip().casefold(): a for a in available}
    for candidate in DEFAULT_COLUMNS[role]:
        if candidate in folded:
            return folded[candidate]
    if role == "name":
        raise InputError(
            f"{label}: no name column; pass --name-column, available: {', '.join(available)}"
        )
    return None


def _columns(
    available: Sequence[str], given: Mapping[str, str | None], label: str
) -> dict[str, str | None]:
    """Choose the column of every role; ``given`` maps a role to the column asked for."""
    return {role: _pick(available, given.get(role), role, label) for role in DEFAULT_COLUMNS}


def _record(
    row: Mapping[str, Any], columns: Mapping[str, str | None], number: int
) -> dict[str, Any]:
    """The record screen() reads: stripped strings, the row number when there is no id."""
    record: dict[str, Any] = {"id": number}
    for role, column in columns.items():
        if column is None:
            continue
        value = row.get(column)
        if isinstance(value, str):
            value = value.strip() or None
        elif isinstance(value, int | float) and role != "name":
            value = str(value)
        if role == "id":
            record["id"] = number if value is None else value
        elif value is not None:
            record[role] = value
    record.setdefault("name", "")
    return record


def _csv_records(
    lines: Iterator[str], given: Mapping[str, str | None], label: str, starts: deque[int]
) -> Iterator[dict[str, Any]]:
    """Read CSV records (header row first); ``starts`` receives each record's first line."""
    first = next(lines, None)
    if first is None:
        return
    # The delimiter is the most frequent of the usual ones in the header row.
    delimiter = max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    try:
        header = [c.strip() for c in next(reader)]
        columns = _columns(header, given, label)
        number = 0
        while True:
            start = reader.line_num + 1
            cells = next(reader, None)
            if cells is None:
                return
            if not any(c.strip() for c in cells):
                continue
            number += 1
            starts.append(start)
            yield _record(dict(zip(header, cells, strict=False)), columns, number)
    except csv.Error as exc:
        raise InputError(f"{label}: line {reader.line_num}: malformed CSV: {exc}") from None


def _jsonl_records(
    lines: Iterator[str], given: Mapping[str, str | None], label: str, starts: deque[int]
) -> Iterator[dict[str, Any]]:
    """Read JSON-lines records; ``starts`` receives each record's line number."""
    columns: dict[str, str | None] | None = None
    number = 0
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{label}: line {line_no}: invalid JSON: {exc.msg}") from None
        if not isinstance(row, dict):
            raise InputError(f"{label}: line {line_no}: expected a JSON object")
        if columns is None:
            columns = _columns(list(row), given, label)
        name_column = columns["name"]
        if name_column not in row:
            raise InputError(
                f"{label}: line {line_no}: no {name_column!r} key; keys: {', '.join(row)}"
            )
        number += 1
        starts.append(line_no)
        yield _record(row, columns, number)
