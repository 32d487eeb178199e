"""The list cache: keyed by content, invalidated by any file change, never fooled."""

from __future__ import annotations

import os
import pickle
import shutil
import sys
from pathlib import Path

import pytest

from sanctionmatch import cache
from sanctionmatch.cache import MAGIC, DiskCache, content_key, default_cache_dir, load_matcher

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
UN = FIXTURES / "un_consolidated.xml"


@pytest.fixture(autouse=True)
def _fresh_memory() -> None:
    cache.forget()


@pytest.fixture
def ofac(tmp_path: Path) -> Path:
    """A private copy of the OFAC SDN fixture directory."""
    return Path(shutil.copytree(FIXTURES / "ofac_sdn", tmp_path / "ofac_sdn"))


class _Payload:
    """An object that runs code when unpickled: it must never be."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def test_key_is_content_not_name(tmp_path: Path) -> None:
    """Same bytes under another name share a key; other bytes under the same name do not."""
    a = tmp_path / "a" / "consolidated.xml"
    b = tmp_path / "b" / "other_name.xml"
    for path in (a, b):
        path.parent.mkdir()
        shutil.copy(UN, path)
    assert content_key([a])[0] == content_key([b])[0]
    key_before = content_key([a])[0]
    a.write_bytes(UN.read_bytes().replace(b"KIM", b"KYM", 1))
    assert content_key([a])[0] != key_before
    assert content_key([a], lenient=True)[0] != content_key([a])[0]


def test_built_then_read_from_disk(tmp_path: Path) -> None:
    """The second load in a new process reads the disk entry and gives the same list."""
    built = load_matcher([UN], cache_dir=tmp_path)
    cache.forget()
    again = load_matcher([UN], cache_dir=tmp_path)
    assert (built.origin, again.origin) == ("built", "disk")
    assert again.lists.entities == built.lists.entities
    assert again.lists.metadata == built.lists.metadata
    assert again.matcher.match("KIM JONG SIK")[0].entity.id.startswith("un-")
    assert load_matcher([UN], cache_dir=tmp_path).origin == "memory"


def test_side_file_change_invalidates(tmp_path: Path, ofac: Path) -> None:
    """Changing alt.csv, read beside the sdn.csv given, rebuilds the entry."""
    first = load_matcher([ofac / "sdn.csv"], cache_dir=tmp_path / "c")
    assert first.origin == "built"
    cache.forget()
    assert load_matcher([ofac / "sdn.csv"], cache_dir=tmp_path / "c").origin == "disk"
    lines = (ofac / "alt.csv").read_bytes().split(b"\n")
    (ofac / "alt.csv").write_bytes(b"\n".join(lines[:3] + lines[4:]))
    changed = load_matcher([ofac / "sdn.csv"], cache_dir=tmp_path / "c")
    assert changed.origin == "built"
    names = sum(len(e.names) for e in changed.lists)
    assert names == sum(len(e.names) for e in first.lists) - 1


def test_tampered_entry_is_not_unpickled(tmp_path: Path) -> None:
    """A foreign pickle under an entry's name fails the HMAC and never runs."""
    key, _ = content_key([UN])
    store = DiskCache(tmp_path)
    load_matcher([UN], cache_dir=tmp_path)
    cache.forget()
    marker = tmp_path / "pwned"
    forged = MAGIC + bytes(32) + pickle.dumps(_Payload(marker))
    store.path_for(key).write_bytes(forged)
    assert load_matcher([UN], cache_dir=tmp_path).origin == "built"
    assert not marker.exists()


def test_flipped_byte_is_rejected(tmp_path: Path) -> None:
    """Corruption anywhere in the payload is caught before unpickling."""
    key, _ = content_key([UN])
    load_matcher([UN], cache_dir=tmp_path)
    cache.forget()
    path = DiskCache(tmp_path).path_for(key)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert DiskCache(tmp_path).read(key) is None


def test_unpickler_refuses_foreign_classes_even_when_signed(tmp_path: Path) -> None:
    """An entry the cache signed still may not name classes outside sanctionmatch."""
    marker = tmp_path / "pwned"
    store = DiskCache(tmp_path / "c")
    store.write("k" * 64, _Payload(marker))
    assert store.read("k" * 64) is None
    assert not marker.exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_writable_by_others_is_ignored(tmp_path: Path) -> None:
    """An entry another user could have written is not trusted."""
    key, _ = content_key([UN])
    load_matcher([UN], cache_dir=tmp_path)
    cache.forget()
    path = DiskCache(tmp_path).path_for(key)
    path.chmod(0o666)
    assert DiskCache(tmp_path).read(key) is None


def test_entry_name_derives_from_key_and_version(tmp_path: Path) -> None:
    """The cache writes only files named by the key, and the secret, and prunes old ones."""
    store = DiskCache(tmp_path)
    for n in range(cache.MAX_ENTRIES + 2):
        store.write(f"{n:064x}", ("payload", n))
    entries = sorted(p.name for p in tmp_path.glob("*.pickle"))
    assert len(entries) == cache.MAX_ENTRIES
    assert all(len(name.split("-", 1)[0]) == 64 for name in entries)
    assert (tmp_path / "secret.key").stat().st_size == 32


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    """use_cache=False neither reads nor writes."""
    assert load_matcher([UN], cache_dir=tmp_path, use_cache=False).origin == "built"
    assert list(tmp_path.iterdir()) == []


def test_missing_path(tmp_path: Path) -> None:
    """A path that does not exist is named."""
    with pytest.raises(FileNotFoundError, match=r"nope\.xml"):
        load_matcher([tmp_path / "nope.xml"], cache_dir=tmp_path)


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """$SANCTIONMATCH_CACHE wins; otherwise the platform's user cache directory."""
    monkeypatch.setenv("SANCTIONMATCH_CACHE", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("SANCTIONMATCH_CACHE")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert default_cache_dir() == tmp_path / "xdg" / "sanctionmatch"
