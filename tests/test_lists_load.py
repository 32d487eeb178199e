"""Tests for load_list: format detection, metadata, and malformed or hostile files."""

from __future__ import annotations

import gzip
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionmatch.errors import ListFormatError, UnknownFormatError, UnsafeXMLError
from sanctionmatch.lists import FORMATS, detect_format, load_list, parse_list
from sanctionmatch.version import __version__

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
DETECTED = [
    ("ofac_sdn", "ofac_csv"),
    ("ofac_sdn/alt.csv", "ofac_csv"),
    ("ofac_cons/cons_prim.csv", "ofac_csv"),
    ("ofac_cons_enhanced.zip", "ofac_xml"),
    ("un_consolidated.xml", "un_xml"),
    ("uk_fcdo_summary.csv", "uk_csv"),
    ("uk_fcdo_summary.ods", "uk_csv"),
    ("uk_full_layout.csv", "uk_csv"),
    ("uk_covyr", "uk_covyr"),
    ("uk_covyr/subjects.csv", "uk_covyr"),
    ("eu_fsf.xml", "eu_xml"),
    ("eu_sanctions_excerpt.json", "eu_json"),
    ("ftm_entities.ftm.json", "ftm"),
    ("ftm_entities.delta.json", "ftm"),
    ("ftm_targets.simple.csv", "ftm_csv"),
    ("watchlist.csv", "watchlist"),
    ("watchlist.jsonl", "watchlist"),
]


@pytest.mark.parametrize(("name", "fmt"), DETECTED, ids=str)
def test_detect_format(name: str, fmt: str) -> None:
    """Every fixture's format is recognised from its content and name."""
    assert detect_format(FIXTURES / name) == fmt


def test_unknown_format_lists_the_formats(tmp_path: Path) -> None:
    """A file in no known format raises UnknownFormatError naming every format."""
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(UnknownFormatError) as info:
        load_list(path)
    assert str(path) in str(info.value)
    for name in FORMATS:
        assert name in str(info.value)
    with pytest.raises(UnknownFormatError, match="unknown format 'nope'"):
        load_list(FIXTURES / "watchlist.csv", format="nope")


def test_several_files_metadata() -> None:
    """Several lists load together; the metadata names each file with its hash."""
    loaded = load_list(
        FIXTURES / "ofac_sdn", FIXTURES / "un_consolidated.xml", FIXTURES / "eu_fsf.xml"
    )
    meta = loaded.metadata
    assert meta.library_version == __version__
    assert sum(meta.counts.values()) == len(loaded) == 143 + 17 + 3
    by_name = {f.name: f for f in meta.files}
    un = by_name["un_consolidated.xml"]
    assert un.format == "un_xml" and un.published == "2026-02-27"
    assert un.size == (FIXTURES / "un_consolidated.xml").stat().st_size
    assert by_name["sdn.csv"].publisher == "US Treasury, Office of Foreign Assets Control (OFAC)"
    assert "United Nations Security Council" in meta.publisher
    assert meta.published is None  # the files disagree
    assert meta.skipped == 0


def test_same_list_twice_is_a_duplicate() -> None:
    """Loading one list twice (CSV and a copy) reports duplicate ids; lenient skips them."""
    with pytest.raises(ListFormatError, match="duplicate entity id") as info:
        load_list(FIXTURES / "ofac_cons", FIXTURES / "ofac_cons_enhanced.zip")
    assert info.value.field == "id"
    with pytest.warns(UserWarning, match="skipped"):
        loaded = load_list(
            FIXTURES / "ofac_cons", FIXTURES / "ofac_cons_enhanced.zip", lenient=True
        )
    assert loaded.metadata.skipped > 0


def test_side_file_alone_is_an_error(tmp_path: Path) -> None:
    """An OFAC alt.csv without its sdn.csv says what is missing."""
    shutil.copy(FIXTURES / "ofac_sdn" / "alt.csv", tmp_path / "alt.csv")
    with pytest.raises(ListFormatError, match=r"sdn\.csv is not beside it"):
        load_list(tmp_path / "alt.csv")


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / Path(name).name
    shutil.copy(FIXTURES / name, target)
    return target


def test_empty_file(tmp_path: Path) -> None:
    """An empty file is a clear error naming the file."""
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(ListFormatError, match="empty file") as info:
        load_list(path)
    assert info.value.path == str(path)


def test_truncated_xml_names_the_line(tmp_path: Path) -> None:
    """A truncated XML file fails with the file and line, not a parser traceback."""
    path = tmp_path / "consolidated.xml"
    data = (FIXTURES / "un_consolidated.xml").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ListFormatError, match="bad XML") as info:
        list(parse_list(path))
    assert info.value.path == str(path) and info.value.line is not None


@pytest.mark.parametrize(
    "payload",
    [
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n'
        b"<CONSOLIDATED_LIST><INDIVIDUALS/>&lol2;</CONSOLIDATED_LIST>",
        b'<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b"<CONSOLIDATED_LIST>&xxe;</CONSOLIDATED_LIST>",
        b'<!DOCTYPE export SYSTEM "http://example.org/x.dtd"><export xmlns="http://eu.europa.ec/fpi/fsd/export"/>',
    ],
    ids=["billion-laughs", "external-entity", "external-dtd"],
)
def test_xml_declarations_are_refused(tmp_path: Path, payload: bytes) -> None:
    """DOCTYPE and ENTITY declarations are refused before parsing."""
    path = tmp_path / "list.xml"
    path.write_bytes(payload)
    fmt = "eu_xml" if b"<export" in payload else "un_xml"
    with pytest.raises(UnsafeXMLError, match="DOCTYPE") as info:
        load_list(path, format=fmt)
    assert info.value.line is not None


def test_undefined_entity_is_a_format_error(tmp_path: Path) -> None:
    """An entity reference without a declaration is an ordinary XML error."""
    path = tmp_path / "list.xml"
    path.write_bytes(b"<CONSOLIDATED_LIST><INDIVIDUALS>&lol;</INDIVIDUALS></CONSOLIDATED_LIST>")
    with pytest.raises(ListFormatError, match="undefined entity"):
        load_list(path)


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    """A UTF-8 format with a Latin-1 byte fails naming the line."""
    path = _copy(tmp_path, "uk_full_layout.csv")
    path.write_bytes(path.read_bytes().replace(b"Sergey", b"Serg\xe9y"))
    with pytest.raises(ListFormatError, match="not valid UTF-8") as info:
        load_list(path)
    assert info.value.line == 4


def test_utf16_is_refused(tmp_path: Path) -> None:
    """A UTF-16 file is refused with a hint."""
    path = tmp_path / "watchlist.csv"
    path.write_bytes((FIXTURES / "watchlist.csv").read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(ListFormatError, match="UTF-16"):
        load_list(path, format="watchlist")


def test_missing_required_column(tmp_path: Path) -> None:
    """A header without a required column names that column."""
    path = tmp_path / "watchlist.csv"
    path.write_text("id,schema,label\nx1,Person,Someone\n", encoding="utf-8")
    with pytest.raises(ListFormatError, match="missing required column") as info:
        load_list(path, format="watchlist")
    assert info.value.field == "name" and info.value.line == 1


def test_bom_and_mixed_line_endings_load_the_same(tmp_path: Path) -> None:
    """A UTF-8 BOM and a mix of CRLF, LF and CR line ends change nothing."""
    original = (FIXTURES / "watchlist.csv").read_bytes()
    lines = original.replace(b"\r\n", b"\n").split(b"\n")
    mixed = b"\xef\xbb\xbf" + lines[0] + b"\r\n" + lines[1] + b"\r" + b"\n".join(lines[2:])
    path = tmp_path / "watchlist.csv"
    path.write_bytes(mixed)
    assert list(load_list(path)) == list(load_list(FIXTURES / "watchlist.csv"))


def test_absurd_field_size(tmp_path: Path) -> None:
    """A name far longer than any real one fails naming the record and field."""
    path = tmp_path / "watchlist.csv"
    path.write_text(f"id,name\nx1,{'A' * 5000}\n", encoding="utf-8")
    with pytest.raises(ListFormatError, match="name of 5000 characters") as info:
        load_list(path)
    assert (info.value.line, info.value.record, info.value.field) == (2, "x1", "name")
    path.write_text(f'id,name\nx1,"{"A" * 200_000}"\n', encoding="utf-8")
    with pytest.raises(ListFormatError, match="field larger than field limit"):
        load_list(path)


def test_bad_ofac_row_names_file_line_and_field(tmp_path: Path) -> None:
    """A bad SDN_Type names sdn.csv, its line, the ent_num and the column."""
    for f in (FIXTURES / "ofac_sdn").iterdir():
        shutil.copy(f, tmp_path / f.name)
    sdn = tmp_path / "sdn.csv"
    sdn.write_bytes(
        sdn.read_bytes().replace(
            b'"SHOIGU, Sergei Kuzhugetovich","individual"',
            b'"SHOIGU, Sergei Kuzhugetovich","person"',
        )
    )
    with pytest.raises(ListFormatError) as info:
        load_list(tmp_path)
    err = info.value
    assert err.path == str(sdn) and err.record == "35173" and err.field == "SDN_Type"
    assert err.line is not None and f"line {err.line}" in str(err)


def test_lenient_counts_and_reports_skips(tmp_path: Path) -> None:
    """lenient=True skips bad records, counts them, reports why, and warns."""
    path = tmp_path / "watchlist.csv"
    path.write_text(
        "id,name,schema\nx1,Good Name,Person\nx2,,Person\nx3,Other,Planet\nx4,Fine,Organization\n",
        encoding="utf-8",
    )
    with pytest.raises(ListFormatError, match="empty name"):
        load_list(path)
    with pytest.warns(UserWarning, match="2 record"):
        loaded = load_list(path, lenient=True)
    assert [e.id for e in loaded] == ["x1", "x4"]
    assert loaded.metadata.skipped == 2
    reasons = dict(loaded.metadata.problems)
    assert reasons[f"{path}, line 3, record x2, field 'name'"] == "empty name"
    assert reasons[f"{path}, line 4, record x3, field 'schema'"] == "unknown schema 'Planet'"


def test_damaged_zip(tmp_path: Path) -> None:
    """A corrupt zip is a format error, not a zipfile traceback."""
    path = tmp_path / "CONS_ENHANCED.ZIP"
    data = (FIXTURES / "ofac_cons_enhanced.zip").read_bytes()
    path.write_bytes(data[:200] + b"\x00" * 50 + data[250:])
    with pytest.raises(ListFormatError):
        load_list(path, format="ofac_xml")


def test_zip_without_xml(tmp_path: Path) -> None:
    """A zip that holds no XML says so."""
    path = tmp_path / "list.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    with pytest.raises(ListFormatError, match=r"holds no \.xml"):
        load_list(path, format="un_xml")


def test_gzip_is_not_a_list(tmp_path: Path) -> None:
    """Compressed bytes in a CSV-named file are refused, not mis-read."""
    path = tmp_path / "sdn.csv"
    path.write_bytes(gzip.compress(b'36,"X",-0- ,"CUBA"\r\n'))
    with pytest.raises(ListFormatError):
        load_list(path)


# Hypothesis: any bytes fed to any loader raise only the documented errors.
SEED_FILES = {
    "ofac_csv": "ofac_sdn/sdn.csv",
    "ofac_xml": "ofac_cons_enhanced.zip",
    "un_xml": "un_consolidated.xml",
    "uk_csv": "uk_full_layout.csv",
    "uk_covyr": "uk_covyr/subject_names.csv",
    "eu_xml": "eu_fsf.xml",
    "eu_json": "eu_sanctions_excerpt.json",
    "ftm": "ftm_entities.ftm.json",
    "ftm_csv": "ftm_targets.simple.csv",
    "watchlist": "watchlist.csv",
}


def _mutations(fmt: str) -> st.SearchStrategy[bytes]:
    seed = (FIXTURES / SEED_FILES[fmt]).read_bytes()[:4000]
    cut = st.integers(0, len(seed)).map(lambda n: seed[:n])
    spliced = st.tuples(st.integers(0, len(seed)), st.binary(max_size=40)).map(
        lambda t: seed[: t[0]] + t[1] + seed[t[0] + len(t[1]) :]
    )
    text = st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass"))
    return st.one_of(st.binary(max_size=300), text, cut, spliced)


@pytest.mark.parametrize("fmt", sorted(SEED_FILES))
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_fuzz_raises_only_documented_errors(tmp_path: Path, fmt: str, data: st.DataObject) -> None:
    """Random, truncated or spliced input gives entities or a ListFormatError, nothing else."""
    payload = data.draw(_mutations(fmt))
    folder = tmp_path / fmt
    folder.mkdir(exist_ok=True)
    name = Path(SEED_FILES[fmt]).name
    if fmt == "uk_covyr":
        shutil.copy(FIXTURES / "uk_covyr" / "subjects.csv", folder / "subjects.csv")
    path = folder / name
    path.write_bytes(payload)
    for kwargs in ({"format": fmt}, {"format": fmt, "lenient": True}, {}):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the skip warnings of a lenient load
                load_list(path, **kwargs)
        except ListFormatError:
            pass  # UnknownFormatError and UnsafeXMLError are ListFormatErrors too
