"""Malformed list files, loader by loader: a clear error or a counted skip, never a drop.

``tests/test_lists_load.py`` covers one example of each kind of damage (mostly on the
watchlist and UN formats); this module runs each kind against every loader: empty and
blank files, a byte-order mark, mixed line endings, a wrong encoding, UTF-16, truncation,
a record repeated under one id, a missing required column and an absurd field. Damaged
files are built from the fixtures under ``fixtures/lists/``; ``fixtures/malformed/`` holds
a few hand-written ones.
"""

from __future__ import annotations

import json
import re
import shutil
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from attrs import frozen
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionmatch import ListFormatError, load_list, scan
from sanctionmatch.lists import parse_list

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "fixtures" / "lists"
MALFORMED = ROOT / "fixtures" / "malformed"


@frozen
class Case:
    """A loader's fixture: what to copy, which file to damage, and a name inside it."""

    source: str  # a file or directory under fixtures/lists
    main: str  # the file to damage, relative to the copy
    needle: bytes  # bytes of a name in ``main``, on a data line
    lines: bool  # a line-oriented format (CSV, JSON lines), so errors carry a line
    header: str | None = None  # a required column of a headed CSV


CASES = {
    "ofac_csv": Case("ofac_sdn", "sdn.csv", b"SHOIGU", lines=True),
    "ofac_xml": Case("CONS_ENHANCED.XML", "CONS_ENHANCED.XML", b"<formattedFullName>", False),
    "un_xml": Case("un_consolidated.xml", "un_consolidated.xml", b"KIM", lines=False),
    "uk_csv": Case("uk_full_layout.csv", "uk_full_layout.csv", b"SHOIGU", True, "Unique ID"),
    "uk_csv_summary": Case("uk_fcdo_summary.csv", "uk_fcdo_summary.csv", b"SHOIGU", True),
    "uk_covyr": Case("uk_covyr", "subject_names.csv", b"Haji Alim", True, "full_name"),
    "eu_xml": Case("eu_fsf.xml", "eu_fsf.xml", b"PUTIN", lines=False),
    "eu_json": Case("eu_sanctions_excerpt.json", "eu_sanctions_excerpt.json", b"Saddam", False),
    "ftm": Case("ftm_entities.ftm.json", "ftm_entities.ftm.json", b"Vitalij Kuz", lines=True),
    "ftm_csv": Case("ftm_targets.simple.csv", "ftm_targets.simple.csv", b"KUZMENKO", True, "name"),
    "watchlist": Case("watchlist.csv", "watchlist.csv", b"Jane Example", True, "name"),
    "watchlist_jsonl": Case("watchlist.jsonl", "watchlist.jsonl", b"John Example", True),
}
FORMAT = {"uk_csv_summary": "uk_csv", "watchlist_jsonl": "watchlist"}


def _fmt(case: str) -> str:
    return FORMAT.get(case, case)


def _copy(tmp_path: Path, case: str) -> tuple[Path, Path]:
    """Copy a case's fixture into ``tmp_path``: (path to load, file to damage)."""
    spec = CASES[case]
    target = tmp_path / case
    target.mkdir()
    if case == "ofac_xml":  # the enhanced XML itself, out of its zip
        with zipfile.ZipFile(LISTS / "ofac_cons_enhanced.zip") as archive:
            (target / spec.main).write_bytes(archive.read(spec.main))
        return target / spec.main, target / spec.main
    source = LISTS / spec.source
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
        return target, target / spec.main
    shutil.copy(source, target / spec.main)
    return target / spec.main, target / spec.main


def _load(path: Path, case: str, **kwargs: bool) -> tuple[list[tuple[str, tuple[str, ...]]], int]:
    """Load and reduce to (id, names) and the skip count: what harmless changes keep."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the UK summary leaves out one nameless entry
        loaded = load_list(path, format=_fmt(case), **kwargs)
    return [(e.id, tuple(n.value for n in e.names)) for e in loaded], loaded.metadata.skipped


def _error(path: Path, case: str, **kwargs: bool) -> ListFormatError:
    with pytest.raises(ListFormatError) as info, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_list(path, format=_fmt(case), **kwargs)
    return info.value


ALL = sorted(CASES)
TEXT_LINES = [c for c in ALL if CASES[c].lines]


@pytest.mark.parametrize("case", ALL)
@pytest.mark.parametrize("content", [b"", b"\n \r\n\t\n", b"\xef\xbb\xbf"], ids=repr)
def test_empty_or_blank_file(tmp_path: Path, case: str, content: bytes) -> None:
    """An empty, blank or BOM-only file is an error naming the file, not an empty list."""
    path, main = _copy(tmp_path, case)
    main.write_bytes(content)
    err = _error(path, case)
    assert err.path is not None and Path(err.path).name in (main.name, path.name)


@pytest.mark.parametrize("case", ALL)
def test_byte_order_mark_changes_nothing(tmp_path: Path, case: str) -> None:
    """A UTF-8 byte-order mark before the content loads the same entities."""
    path, main = _copy(tmp_path, case)
    before = _load(path, case)
    main.write_bytes(b"\xef\xbb\xbf" + main.read_bytes())
    assert _load(path, case) == before


@pytest.mark.parametrize("case", ALL)
def test_mixed_line_endings_change_nothing(tmp_path: Path, case: str) -> None:
    """CRLF, LF and lone CR line ends, mixed in one file, load the same entities."""
    path, main = _copy(tmp_path, case)
    before = _load(path, case)
    lines = re.split(rb"\r\n|\n", main.read_bytes())
    ends = [b"\r\n", b"\n", b"\r"]
    mixed = b"".join(line + ends[i % 3] for i, line in enumerate(lines[:-1])) + lines[-1]
    main.write_bytes(mixed)
    assert _load(path, case) == before


@pytest.mark.parametrize("case", ALL)
def test_latin1_byte_in_a_name(tmp_path: Path, case: str) -> None:
    """A stray Latin-1 byte in a name is an error naming file and line (OFAC: cp1252)."""
    path, main = _copy(tmp_path, case)
    data = main.read_bytes()
    at = data.index(CASES[case].needle) + 1
    main.write_bytes(data[:at] + b"\xe9" + data[at:])
    if case == "ofac_csv":  # OFAC's legacy files are cp1252 in places: decoded, not refused
        assert any("\u00e9" in n for _, names in _load(path, case)[0] for n in names)
        return
    err = _error(path, case)
    assert err.path is not None and Path(err.path).name == main.name
    if CASES[case].lines or case.endswith("xml"):
        assert err.line == data[:at].count(b"\n") + 1
    assert re.search("UTF-8|not well-formed|invalid token", err.reason), err.reason


@pytest.mark.parametrize("case", ALL)
def test_utf16_is_refused(tmp_path: Path, case: str) -> None:
    """A file saved as UTF-16 is refused with a hint, whatever its format."""
    path, main = _copy(tmp_path, case)
    main.write_bytes(main.read_bytes().decode("utf-8-sig").encode("utf-16"))
    err = _error(path, case)
    assert "UTF-16" in err.reason or "UTF-8" in err.reason, err.reason


@pytest.mark.parametrize("case", [c for c in ALL if not CASES[c].lines])
def test_truncated_document(tmp_path: Path, case: str) -> None:
    """An XML or JSON document cut short is an error naming the file (and line for XML)."""
    path, main = _copy(tmp_path, case)
    data = main.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 10):
        main.write_bytes(data[:cut])
        err = _error(path, case)
        assert err.path is not None and Path(err.path).name == main.name
        assert re.search("XML|JSON", err.reason), err.reason
        if case.endswith("xml"):
            assert err.line is not None


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c) for c in TEXT_LINES],
)
def test_truncated_lines_lose_no_record_silently(tmp_path: Path, case: str) -> None:
    """A line-oriented file cut inside a record loads what is whole, and says so.

    The record cut in half is either refused (strict) or counted as skipped (lenient):
    never loaded as if it were whole.
    """
    path, main = _copy(tmp_path, case)
    data = main.read_bytes()
    at = data.index(CASES[case].needle) + 3  # inside a name on a data line
    main.write_bytes(data[:at])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            loaded = load_list(path, format=_fmt(case), lenient=True)
        except ListFormatError:
            return
    cut_name = data[data.rfind(b"\n", 0, at) + 1 : at].decode("utf-8", "replace")
    assert loaded.metadata.skipped >= 1, f"a record cut at {cut_name!r} was loaded whole"


def _duplicate(case: str, data: bytes) -> bytes:
    """Repeat one record (same id) in a file."""
    if case in ("un_xml", "ofac_xml", "eu_xml"):
        tag = {"un_xml": b"INDIVIDUAL", "ofac_xml": b"entity", "eu_xml": b"sanctionEntity"}[case]
        start = data.index(b"<" + tag + (b">" if case == "un_xml" else b" "))
        end = data.index(b"</" + tag + b">", start) + len(tag) + 3
        return data[:end] + b"\n" + data[start:end] + data[end:]
    if case == "eu_json":
        document = json.loads(data)
        document["data"].insert(1, document["data"][0])
        return json.dumps(document, ensure_ascii=False).encode()
    lines = data.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if CASES[case].needle in line)
    return b"".join([*lines[: at + 1], lines[at], *lines[at + 1 :]])


# Formats where one id legitimately spans several rows (one row per name) are not here.
ONE_RECORD_PER_ID = [c for c in ALL if c not in ("uk_csv", "uk_csv_summary", "uk_covyr")]


@pytest.mark.parametrize("case", ONE_RECORD_PER_ID)
def test_duplicate_id_in_one_file(tmp_path: Path, case: str) -> None:
    """A record repeated under its id is an error on field 'id'; lenient counts one skip."""
    path, main = _copy(tmp_path, case)
    before, skipped = _load(path, case)
    main.write_bytes(_duplicate(case, main.read_bytes()))
    err = _error(path, case)
    assert err.field == "id" and err.record is not None, str(err)
    with pytest.warns(UserWarning, match=f"{skipped + 1} record"):
        loaded = load_list(path, format=_fmt(case), lenient=True)
    assert loaded.metadata.skipped == skipped + 1
    assert [(e.id, tuple(n.value for n in e.names)) for e in loaded] == before


@pytest.mark.parametrize("case", [c for c in ALL if CASES[c].header])
def test_missing_required_column(tmp_path: Path, case: str) -> None:
    """A header without a required column names that column and the header's line."""
    path, main = _copy(tmp_path, case)
    data = main.read_bytes()
    column = CASES[case].header
    assert column is not None
    lines = data.split(b"\n")
    at = next(i for i, line in enumerate(lines) if column.encode() in line)
    lines[at] = lines[at].replace(column.encode(), b"renamed", 1)
    main.write_bytes(b"\n".join(lines))
    err = _error(path, case)
    assert err.field == column and err.line == at + 1, str(err)
    assert Path(err.path or "").name == main.name


@pytest.mark.parametrize("case", ALL)
def test_absurd_name(tmp_path: Path, case: str) -> None:
    """A 5,000-character name is refused naming its record and field; lenient counts it."""
    path, main = _copy(tmp_path, case)
    before, skipped = _load(path, case)
    data = main.read_bytes()
    needle = CASES[case].needle
    if case == "ofac_xml":  # the element holds the name
        start = data.index(needle) + len(needle)
        end = data.index(b"<", start)
        data = data[:start] + b"A" * 5000 + data[end:]
    else:
        data = data.replace(needle, b"A" * 5000, 1)
    main.write_bytes(data)
    err = _error(path, case)
    assert "5" in err.reason and "characters" in err.reason, str(err)
    assert err.record is not None and err.field is not None, str(err)
    with pytest.warns(UserWarning, match="skipped"):
        loaded = load_list(path, format=_fmt(case), lenient=True)
    assert loaded.metadata.skipped >= skipped + 1
    assert len(loaded) + loaded.metadata.skipped >= len(before) + skipped


@pytest.mark.parametrize("case", TEXT_LINES)
def test_absurd_line(tmp_path: Path, case: str) -> None:
    """A physical line of 5 MB is refused naming the line, before it is parsed."""
    path, main = _copy(tmp_path, case)
    data = main.read_bytes()
    at = data.index(CASES[case].needle)
    main.write_bytes(data[:at] + b"x" * 5_000_000 + data[at:])
    err = _error(path, case)
    assert "longer than" in err.reason or "field limit" in err.reason, str(err)
    assert err.line == data[:at].count(b"\n") + 1


@pytest.mark.parametrize(
    "name",
    [pytest.param(p.name, id=p.name) for p in sorted(MALFORMED.glob("*")) if p.name != "README.md"],
)
def test_hand_written_malformed_files(name: str) -> None:
    """Each file in fixtures/malformed/ is refused with a located ListFormatError."""
    with pytest.raises(ListFormatError) as info:
        load_list(MALFORMED / name)
    assert info.value.path is not None and name in info.value.path


def test_unterminated_quote_does_not_swallow_records(tmp_path: Path) -> None:
    """A quote left open in one row does not turn the rows after it into its name."""
    path = tmp_path / "watchlist.csv"
    path.write_text('id,name\nx1,"Alice\nx2,Bob\nx3,Carol\n', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            loaded = load_list(path, lenient=True)
        except ListFormatError:
            return
    assert loaded.metadata.skipped >= 1 or [e.id for e in loaded] == ["x1", "x2", "x3"]


@pytest.mark.parametrize(
    ("fmt", "content"),
    [
        ("ftm_csv", "id,schema,name,aliases,first_seen\nx1,Person\nx2,Person,Bob Example,,\n"),
        (
            "uk_covyr",
            "name_id,unique_id,name_type,alias_strength,full_name,name_6\n00000,AFG0001\n",
        ),
    ],
    ids=["ftm_csv", "uk_covyr"],
)
def test_short_row_is_a_located_error(tmp_path: Path, fmt: str, content: str) -> None:
    """A row with fewer cells than the header is refused naming its line, or skipped."""
    if fmt == "uk_covyr":
        shutil.copytree(LISTS / "uk_covyr", tmp_path, dirs_exist_ok=True)
        path = tmp_path / "subject_names.csv"
    else:
        path = tmp_path / "targets.simple.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ListFormatError) as info:
        load_list(path, format=fmt)
    assert info.value.line == 2, str(info.value)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loaded = load_list(path, format=fmt, lenient=True)
    assert loaded.metadata.skipped >= 1


# --- Fuzzing: line-level damage (the byte-level fuzz is in test_lists_load.py) ---


def _line_damage(data: bytes) -> st.SearchStrategy[bytes]:
    lines = data.splitlines(keepends=True)[:60]
    n = len(lines)
    junk = st.one_of(
        st.binary(max_size=80),
        st.text(max_size=80).map(lambda s: s.encode("utf-8", "surrogatepass")),
        st.sampled_from([b'"', b",,,,,,", b"{", b"<", b"</x>", b"\x1a", b"\r", b"null\n"]),
    )
    ops: list[Callable[[list[bytes], int, bytes], list[bytes]]] = [
        lambda ls, i, j: ls[:i] + ls[i + 1 :],  # drop a line
        lambda ls, i, j: [*ls[: i + 1], ls[i], *ls[i + 1 :]],  # repeat a line
        lambda ls, i, j: [*ls[:i], j, *ls[i + 1 :]],  # replace a line
        lambda ls, i, j: [*ls[:i], ls[i][: len(ls[i]) // 2] + j, *ls[i + 1 :]],  # cut a line
    ]
    step = st.tuples(st.sampled_from(ops), st.integers(0, max(n - 1, 0)), junk)

    def apply(steps: list[tuple[Callable[..., list[bytes]], int, bytes]]) -> bytes:
        out = list(lines)
        for op, i, j in steps:
            if out:
                out = op(out, min(i, len(out) - 1), j)
        return b"".join(out)

    return st.lists(step, min_size=1, max_size=4).map(apply)


FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("case", ALL)
@FUZZ
@given(data=st.data())
def test_fuzz_lines_raise_only_documented_errors(
    tmp_path_factory: pytest.TempPathFactory, case: str, data: st.DataObject
) -> None:
    """Dropped, repeated, replaced or cut lines give entities or a located ListFormatError."""
    path, main = _copy(tmp_path_factory.mktemp("fuzz"), case)
    main.write_bytes(data.draw(_line_damage(main.read_bytes())))
    for lenient in (False, True):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                loaded = load_list(path, format=_fmt(case), lenient=lenient)
                streamed = list(parse_list(path, format=_fmt(case), lenient=lenient))
        except ListFormatError as err:
            assert err.path is not None, str(err)
            continue
        assert len(loaded) <= len(streamed)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400))
def test_fuzz_scan_any_text(text: str) -> None:
    """scan() takes any text: mentions lie inside it, in order, with their own surface."""
    previous = 0
    for mention in scan(text):
        assert previous <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.surface
        previous = mention.end


@pytest.mark.parametrize("value", [None, b"Putin", 42, ["Putin"], 3.5])
def test_scan_refuses_non_text(value: object) -> None:
    """scan() of anything but a str is a TypeError."""
    with pytest.raises(TypeError):
        scan(value)  # type: ignore[arg-type]
