"""Reading batch-screening input: CSV and JSON lines, columns, and errors that say where."""

from __future__ import annotations

import io
from collections import deque

import pytest

from sanctionmatch.records import InputError, input_kind, read_records


def test_csv_with_bom_semicolons_and_blank_rows() -> None:
    """A BOM is dropped, ``;`` is detected, columns match case-insensitively, ids default."""
    data = "\ufeffName;Country;ID\nKim Jong Un;KP;k-1\n\n Jane Doe ; ;\n".encode()
    starts: deque[int] = deque()
    found = read_records(io.BytesIO(data), "in.csv", kind="csv", columns={}, starts=starts)
    assert list(found) == [
        {"id": "k-1", "name": "Kim Jong Un", "country": "KP"},
        {"id": 2, "name": "Jane Doe"},
    ]
    assert list(starts) == [2, 4]


def test_unknown_column_is_reported_before_any_record_is_asked_for() -> None:
    """An unknown column names the file, the option and the columns there are."""
    data = b"\xef\xbb\xbfname,dob\nKim Jong Un,1984\n"
    with pytest.raises(InputError) as caught:
        read_records(io.BytesIO(data), "in.csv", kind="csv", columns={"country": "nation"})
    assert str(caught.value) == (
        "in.csv: unknown column 'nation' (--country-column); available: name, dob"
    )


def test_undecodable_bytes_name_line_and_byte_offset() -> None:
    """A bad byte is reported with its line and offset in the file, not a traceback."""
    data = b'{"name": "Kim"}\n{"name": "\xff"}\n'
    found = read_records(io.BytesIO(data), "in.jsonl", kind="jsonl", columns={})
    assert next(found) == {"id": 1, "name": "Kim"}
    with pytest.raises(InputError, match=r"in.jsonl: line 2, byte offset 26: cannot decode"):
        next(found)


def test_input_kind_from_extension_then_content() -> None:
    """The extension decides; without one, a leading ``{`` means JSON lines."""
    assert input_kind("names.ndjson", b"name\n") == "jsonl"
    assert input_kind("names.txt", b"{") == "csv"
    assert input_kind("-", b'\xef\xbb\xbf \n{"name": "x"}') == "jsonl"
    assert input_kind("-", b"name\n") == "csv"
