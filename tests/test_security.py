"""Security: no code runs from data, the list cache cannot be poisoned, XML is parsed safely.

* No ``eval``/``exec``, no unpickling outside the HMAC-verified list cache, no shell: the
  package's own source is checked with :mod:`ast` (it works on an installed wheel too).
* A pickle passed as a list file is refused as a list, never unpickled.
* The cache is keyed by content: a list file whose content changes under the same name,
  size and modification time is loaded afresh.
* Every XML loader (UN, EU, OFAC enhanced plain and zipped, the UK ODS spreadsheet)
  refuses entity-expansion ("billion laughs") and external-entity documents with
  :class:`~sanctionmatch.errors.UnsafeXMLError`, and no external file is read.
"""

from __future__ import annotations

import ast
import os
import pickle
import shutil
import zipfile
from pathlib import Path

import pytest

import sanctionmatch
from sanctionmatch import ListFormatError, UnsafeXMLError, load_list
from sanctionmatch.cache import forget, load_matcher

PACKAGE = Path(sanctionmatch.__file__).resolve().parent
LISTS = Path(__file__).resolve().parent.parent / "fixtures" / "lists"

# Calls that run code or commands from data. The only allowed one is the cache's
# restricted unpickler, which reads only entries the cache signed itself.
DANGEROUS = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "pickle.load",
    "pickle.loads",
    "pickle.Unpickler",
    "marshal.load",
    "marshal.loads",
    "shelve.open",
    "os.system",
    "os.popen",
    "subprocess.run",
    "subprocess.Popen",
    "subprocess.call",
    "subprocess.check_output",
    "yaml.load",
    "_Unpickler",
}
ALLOWED = {("cache.py", "_Unpickler")}


def _called_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                names.add(f"{func.value.id}.{func.attr}")
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
                inner = func.value.func
                if isinstance(inner, ast.Name):  # _Unpickler(stream).load()
                    names.add(inner.id)
        elif isinstance(node, ast.ClassDef):
            for base in node.bases:
                if isinstance(base, ast.Attribute) and isinstance(base.value, ast.Name):
                    names.add(f"{base.value.id}.{base.attr}")
    return names


def test_no_code_execution_from_data_in_the_source() -> None:
    """No eval, exec, shell or unpickling anywhere but the cache's verified unpickler."""
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found |= {(path.name, name) for name in _called_names(tree) & DANGEROUS}
    # cache.py subclasses pickle.Unpickler to restrict it: that is the allowed use.
    assert found - {("cache.py", "pickle.Unpickler")} == ALLOWED


class _Payload:
    """An object that touches a marker file when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("name", ["list.pickle", "sdn.csv", "entities.ftm.json", "list.xml"])
def test_a_pickle_given_as_a_list_is_refused(tmp_path: Path, name: str) -> None:
    """A pickle passed as a list file is not a list, and is never unpickled."""
    marker = tmp_path / "pwned"
    path = tmp_path / name
    path.write_bytes(pickle.dumps(_Payload(marker)))
    with pytest.raises(ListFormatError):
        load_list(path)
    forget()
    with pytest.raises(ListFormatError):
        load_matcher([path], cache_dir=tmp_path / "cache")
    assert not marker.exists()


def test_cache_is_not_fooled_by_a_swapped_file(tmp_path: Path) -> None:
    """New content under the same name, size and mtime is loaded afresh, not from cache."""
    path = tmp_path / "watchlist.csv"
    path.write_text("id,name\nwl-1,Alexander Example\n", encoding="utf-8")
    stamp = path.stat()
    first = load_matcher([path], cache_dir=tmp_path / "cache")
    assert [e.names[0].value for e in first.lists] == ["Alexander Example"]
    path.write_text("id,name\nwl-1,Maximilian Sample\n", encoding="utf-8")  # same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size
    for _ in range(2):  # from memory, then (after forget) from disk
        again = load_matcher([path], cache_dir=tmp_path / "cache")
        assert [e.names[0].value for e in again.lists] == ["Maximilian Sample"]
        assert again.matcher.match("Maximilian Sample")
        assert not again.matcher.match("Alexander Example")
        forget()


def test_cache_entry_of_another_file_is_not_used(tmp_path: Path) -> None:
    """Two different lists of the same name in two folders never share an entry."""
    a, b = tmp_path / "a" / "watchlist.csv", tmp_path / "b" / "watchlist.csv"
    for path, name in ((a, "Alexander Example"), (b, "Maximilian Sample")):
        path.parent.mkdir()
        path.write_text(f"id,name\nwl-1,{name}\n", encoding="utf-8")
    first = load_matcher([a], cache_dir=tmp_path / "cache")
    forget()
    second = load_matcher([b], cache_dir=tmp_path / "cache")
    assert first.key != second.key
    assert [e.names[0].value for e in second.lists] == ["Maximilian Sample"]


# --- XML ---

SECRET = "TOP-SECRET-MARKER-7f3a"


def _attacks(tmp_path: Path, root: str) -> dict[str, bytes]:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    laughs = "".join(
        f'<!ENTITY l{i} "{"".join(f"&l{i - 1};" for _ in range(10))}">' for i in range(1, 10)
    )
    open_tag, close_tag = f"<{root}>", f"</{root.split()[0]}>"
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    return {
        "billion-laughs": (
            f'{head}<!DOCTYPE r [<!ENTITY l0 "lol">{laughs}]>\n{open_tag}&l9;{close_tag}'
        ).encode(),
        "external-entity": (
            f'{head}<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n{open_tag}&x;{close_tag}'
        ).encode(),
        "parameter-entity": (
            f'{head}<!DOCTYPE r [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>\n'
            f"{open_tag}{close_tag}"
        ).encode(),
        "external-dtd": (
            f'{head}<!DOCTYPE r SYSTEM "{secret.as_uri()}">\n{open_tag}{close_tag}'
        ).encode(),
        "after-bom-and-comment": (
            "\ufeff"
            + head
            + '<!-- a comment --><?pi x?>\n<!DOCTYPE r [<!ENTITY a "b">]>'
            + f"{open_tag}&a;{close_tag}"
        ).encode(),
    }


ROOTS = {
    "un_xml": "CONSOLIDATED_LIST",
    "eu_xml": 'export xmlns="http://eu.europa.ec/fpi/fsd/export"',
    "ofac_xml": "sanctionsData",
    "ofac_xml_zip": "sanctionsData",
    "uk_ods": "office:document-content "
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
}
ATTACKS = ["billion-laughs", "external-entity", "parameter-entity", "external-dtd"]


def _write(tmp_path: Path, loader: str, payload: bytes) -> tuple[Path, str]:
    if loader == "ofac_xml_zip":
        path = tmp_path / "CONS_ENHANCED.ZIP"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("CONS_ENHANCED.XML", payload)
        return path, "ofac_xml"
    if loader == "uk_ods":
        path = tmp_path / "UK_Sanctions_List.ods"
        shutil.copy(LISTS / "uk_fcdo_summary.ods", path)
        with (
            zipfile.ZipFile(LISTS / "uk_fcdo_summary.ods") as source,
            zipfile.ZipFile(path, "w") as target,
        ):
            for info in source.infolist():
                data = payload if info.filename == "content.xml" else source.read(info)
                target.writestr(info, data)
        return path, "uk_csv"
    path = tmp_path / f"{loader}.xml"
    path.write_bytes(payload)
    return path, loader


@pytest.mark.parametrize("attack", [*ATTACKS, "after-bom-and-comment"])
@pytest.mark.parametrize("loader", sorted(ROOTS))
def test_xml_attacks_are_refused(tmp_path: Path, loader: str, attack: str) -> None:
    """Entity expansion and external entities are refused before parsing, in every loader."""
    payload = _attacks(tmp_path, ROOTS[loader])[attack]
    path, fmt = _write(tmp_path, loader, payload)
    for kwargs in ({"format": fmt}, {"format": fmt, "lenient": True}):
        with pytest.raises(UnsafeXMLError, match="DOCTYPE") as info:
            load_list(path, **kwargs)
        assert SECRET not in str(info.value)
    with pytest.raises(ListFormatError):  # detected as a format, or refused as unknown
        load_list(path)


def test_xml_after_a_long_prolog_is_still_checked(tmp_path: Path) -> None:
    """A DOCTYPE pushed past the first read by a long comment is still refused."""
    comment = "<!--" + "x" * 200_000 + "-->"
    payload = (
        '<?xml version="1.0"?>' + comment + '<!DOCTYPE r [<!ENTITY a "b">]>'
        "<CONSOLIDATED_LIST>&a;</CONSOLIDATED_LIST>"
    ).encode()
    path = tmp_path / "consolidated.xml"
    path.write_bytes(payload)
    with pytest.raises(UnsafeXMLError):
        load_list(path, format="un_xml")


def test_zip_bomb_member_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A zip member larger than the unzip limit is refused by its declared size."""
    from sanctionmatch.lists import _io

    monkeypatch.setattr(_io, "MAX_UNZIPPED_BYTES", 1_000)
    path = tmp_path / "CONS_ENHANCED.ZIP"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("CONS_ENHANCED.XML", b"<sanctionsData>" + b" " * 100_000)
    with pytest.raises(ListFormatError, match="zip member of"):
        load_list(path, format="ofac_xml")
