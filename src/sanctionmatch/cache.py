"""A cache of loaded lists and built matchers, keyed by the content of the list files.

Loading the full official lists and building their :class:`~sanctionmatch.matcher.Matcher`
takes far longer than reading back the result, so :func:`load_matcher` keeps the result
on disk (and, for the life of the process, in memory) and reuses it while the list files
are unchanged.

How an entry is found and trusted:

* **The key is a content hash**: the sha256 of each list file given (of each file in a
  directory given), the ``format``/``lenient`` options and the library version. A file
  name never enters the key, so another file of the same name cannot hit an entry.
* **Side files are checked**: a list may read files beside the one given (OFAC's
  ``alt.csv``, ``add.csv``, ...). Each entry records the sha256 of every file the load
  read and is used only while all of them still match.
* **Only files the cache wrote are unpickled**: the file name derives from the key, and
  each file starts with an HMAC-SHA256 of its key and payload under a random secret kept in
  the cache directory (created on first use, mode 0600). The HMAC is verified before
  anything is unpickled, and the unpickler accepts only the classes a matcher is made of.
  On POSIX an entry or secret that another user owns or can write is ignored.
* **Writes are atomic** (a temporary file, then :func:`os.replace`), and the oldest
  entries beyond :data:`MAX_ENTRIES` are removed.

The cache directory is ``$SANCTIONMATCH_CACHE`` if set, else ``$XDG_CACHE_HOME/sanctionmatch``
(``~/.cache/sanctionmatch``; ``~/Library/Caches/sanctionmatch`` on macOS,
``%LOCALAPPDATA%\\sanctionmatch\\Cache`` on Windows). A cache that cannot be read or
written is skipped, never an error: it only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import logging
import os
import pickle
import secrets
import sys
import tempfile
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import IO, Any

from attrs import frozen

from sanctionmatch.collector import collector_paused
from sanctionmatch.lists import load_list, load_sample
from sanctionmatch.lists.sample import SAMPLE_FILE
from sanctionmatch.matcher import Matcher
from sanctionmatch.model import ListMetadata, SanctionsList
from sanctionmatch.version import __version__

# Bumped whenever the pickled records change shape (a NameForm field, the index layout)
# or list names are read differently (the name tables, latinization), so that a
# development build never unpickles an entry written by an older one.
CACHE_FORMAT = 25

log = logging.getLogger(__name__)

StrPath = str | os.PathLike[str]
MAGIC = b"sanctionmatch-cache 1\n"
SECRET_FILE = "secret.key"
SUFFIX = ".pickle"
MAX_ENTRIES = 8  # entries kept on disk; the least recently written go first
MAX_MEMORY = 4  # loaded lists kept in this process
_CHUNK = 1 << 20

# The globals a pickled (key, files, metadata, matcher) payload may name.
_ALLOWED_BUILTINS = frozenset({"set", "frozenset", "dict", "list", "tuple", "bytes", "bytearray"})
_ALLOWED_OTHERS = frozenset({("array", "array"), ("array", "_array_reconstructor")})


@frozen
class Loaded:
    """A loaded list and its matcher, with where they came from.

    Attributes:
        lists: the entities and their metadata (source files with sha256, publisher...).
        matcher: the matcher built over ``lists``.
        key: the cache key (hex sha256) the content hashes to.
        origin: ``"memory"``, ``"disk"`` or ``"built"``.
    """

    lists: SanctionsList
    matcher: Matcher
    key: str
    origin: str


def default_cache_dir() -> Path:
    """Return the cache directory: ``$SANCTIONMATCH_CACHE`` or the platform's user cache."""
    given = os.environ.get("SANCTIONMATCH_CACHE")
    if given:
        return Path(given).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "sanctionmatch" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "sanctionmatch"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sanctionmatch"


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of a file's content, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _members(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.is_file() and not p.name.startswith("."))


def content_key(
    paths: Sequence[StrPath], *, format: str | None = None, lenient: bool = False
) -> tuple[str, dict[Path, str]]:
    """Hash the content of list files (or directories) into a cache key.

    Returns:
        the hex key and the sha256 of every file hashed, by resolved path.

    Raises:
        FileNotFoundError: a path does not exist.
    """
    key = hashlib.sha256(
        f"sanctionmatch {__version__} {CACHE_FORMAT}\0{format}\0{lenient}".encode()
    )
    hashed: dict[Path, str] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise FileNotFoundError(f"no such list file or directory: {path}")
        if path.is_dir():
            key.update(b"\0dir")
            for member in _members(path):
                # A directory's members are read by name (sdn.csv, alt.csv), so the name
                # is part of what the directory holds.
                digest = hashed.setdefault(member.resolve(), sha256_file(member))
                key.update(f"\0{member.name}\0{digest}".encode())
        else:
            digest = hashed.setdefault(path.resolve(), sha256_file(path))
            key.update(f"\0file\0{digest}".encode())
    return key.hexdigest(), hashed


def _sample_key() -> str:
    data = files("sanctionmatch").joinpath("data", SAMPLE_FILE).read_bytes()
    head = f"sanctionmatch {__version__} {CACHE_FORMAT}\0sample\0".encode()
    return hashlib.sha256(head + data).hexdigest()


def _dependencies(
    paths: Sequence[StrPath], metadata: ListMetadata, hashed: dict[Path, str]
) -> tuple[tuple[str, str], ...] | None:
    """Locate every file the load read, as (path, sha256); None if one cannot be found."""
    found: list[tuple[str, str]] = []
    for source in metadata.files:
        places = []
        for given in paths:
            path = Path(given)
            folder = path if path.is_dir() else path.parent
            places.append((folder / source.name).resolve())
        for place in places:
            if place.is_file():
                digest = hashed.get(place) or sha256_file(place)
                if digest == source.sha256:
                    found.append((str(place), digest))
                    break
        else:
            return None
    return tuple(found)


def _unchanged(dependencies: tuple[tuple[str, str], ...]) -> bool:
    for name, digest in dependencies:
        path = Path(name)
        try:
            if sha256_file(path) != digest:
                return False
        except OSError:
            return False
    return True


class _Unpickler(pickle.Unpickler):
    """Unpickle only sanctionmatch's own records and the few builtins they use."""

    def find_class(self, module: str, name: str) -> Any:
        allowed = (
            module.startswith("sanctionmatch.")
            or (module == "builtins" and name in _ALLOWED_BUILTINS)
            or (module, name) in _ALLOWED_OTHERS
        )
        if not allowed:
            raise pickle.UnpicklingError(f"refusing to unpickle {module}.{name}")
        return super().find_class(module, name)


class _MacWriter(io.RawIOBase):
    """A binary sink that writes through to a file and feeds an HMAC."""

    def __init__(self, stream: IO[bytes], mac: hmac.HMAC) -> None:
        self._stream, self._mac = stream, mac

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data)
        self._mac.update(view)
        self._stream.write(view)
        return view.nbytes


class DiskCache:
    """The on-disk store: one HMAC-signed pickle per key.

    Args:
        directory: where entries live; created (mode 0700) on first write.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path_for(self, key: str) -> Path:
        """The entry file for a key: derived from the key and the library version only."""
        version = "".join(c if c.isalnum() or c in ".-" else "_" for c in __version__)
        return self.directory / f"{key}-{version}{SUFFIX}"

    def _trusted(self, path: Path) -> bool:
        """Whether a file is ours to read: owned by us, writable by no one else (POSIX)."""
        if not hasattr(os, "getuid"):
            return True
        info = path.stat()
        return info.st_uid == os.getuid() and not info.st_mode & 0o022

    def _secret(self, *, create: bool) -> bytes | None:
        path = self.directory / SECRET_FILE
        if create and not path.exists():
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            with contextlib.suppress(FileExistsError):
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as stream:
                    stream.write(secrets.token_bytes(32))
        if not path.is_file() or not self._trusted(path):
            return None
        secret = path.read_bytes()
        return secret if len(secret) == 32 else None

    def read(self, key: str) -> Any:
        """Return the payload stored under ``key``, or None when absent or not verified."""
        path = self.path_for(key)
        try:
            if not path.is_file() or not self._trusted(path):
                return None
            secret = self._secret(create=False)
            if secret is None:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        head = len(MAGIC) + 32
        if not data.startswith(MAGIC) or len(data) < head:
            return None
        mac = hmac.new(secret, key.encode(), hashlib.sha256)
        mac.update(memoryview(data)[head:])
        if not hmac.compare_digest(mac.digest(), data[len(MAGIC) : head]):
            log.warning("cache entry %s failed verification; ignoring it", path)
            return None
        try:
            with collector_paused():
                return _Unpickler(io.BytesIO(memoryview(data)[head:])).load()
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def write(self, key: str, payload: Any) -> None:
        """Store ``payload`` under ``key`` atomically; failures are logged and ignored."""
        try:
            secret = self._secret(create=True)
            if secret is None:
                return
            target = self.path_for(key)
            fd, temp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=SUFFIX)
            try:
                with os.fdopen(fd, "wb") as stream:
                    stream.write(MAGIC + bytes(32))
                    mac = hmac.new(secret, key.encode(), hashlib.sha256)
                    with io.BufferedWriter(_MacWriter(stream, mac), _CHUNK) as sink:
                        pickle.dump(payload, sink, protocol=pickle.HIGHEST_PROTOCOL)
                    stream.seek(len(MAGIC))
                    stream.write(mac.digest())
                os.replace(temp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
            self.prune()
        except OSError as exc:
            log.warning("could not write the cache in %s: %s", self.directory, exc)

    def prune(self, keep: int = MAX_ENTRIES) -> None:
        """Remove all but the ``keep`` most recently written entries."""
        entries = sorted(
            self.directory.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in entries[keep:]:
            if not old.name.startswith(".tmp-"):
                with contextlib.suppress(OSError):
                    old.unlink()

    def clear(self) -> int:
        """Remove every entry (and the secret); return how many entries were removed."""
        removed = 0
        for entry in self.directory.glob(f"*{SUFFIX}"):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
        with contextlib.suppress(OSError):
            (self.directory / SECRET_FILE).unlink()
        return removed


# Lists loaded by this process: key -> (files read with their sha256, loaded list).
_MEMORY: dict[str, tuple[tuple[tuple[str, str], ...], Loaded]] = {}


def load_matcher(
    paths: Sequence[StrPath] = (),
    *,
    format: str | None = None,
    lenient: bool = False,
    cache_dir: StrPath | None = None,
    use_cache: bool = True,
) -> Loaded:
    """Load lists and build their matcher, reusing a cached copy while the files are unchanged.

    Args:
        paths: list files or directories (see :func:`~sanctionmatch.lists.load_list`);
            none means the bundled sample.
        format: force one format for every path.
        lenient: skip records that cannot be parsed (see ``load_list``).
        cache_dir: the cache directory; by default :func:`default_cache_dir`.
        use_cache: False to neither read nor write any cache.

    Returns:
        the list, its matcher, the content key and where the result came from.

    Raises:
        FileNotFoundError: a path does not exist.
        ListFormatError: a file is malformed or in no supported format.
    """
    if paths:
        key, hashed = content_key(paths, format=format, lenient=lenient)
    else:
        key, hashed = _sample_key(), {}
    if not use_cache:
        return _build(paths, format, lenient, key)
    remembered = _MEMORY.get(key)
    if remembered is not None and _unchanged(remembered[0]):
        return Loaded(remembered[1].lists, remembered[1].matcher, key, "memory")
    disk = DiskCache(Path(cache_dir) if cache_dir is not None else default_cache_dir())
    payload = disk.read(key)
    loaded = _from_payload(payload, key) if payload is not None else None
    if loaded is None:
        loaded = _build(paths, format, lenient, key)
        dependencies = _dependencies(paths, loaded.lists.metadata, hashed) if paths else ()
        if dependencies is None:
            return loaded  # a file the load read could not be found again: do not cache
        disk.write(key, (key, dependencies, loaded.lists.metadata, loaded.matcher))
    else:
        dependencies = payload[1]
    _remember(key, dependencies, loaded)
    return loaded


def _from_payload(payload: Any, key: str) -> Loaded | None:
    try:
        stored_key, dependencies, metadata, matcher = payload
    except (TypeError, ValueError):
        return None
    if stored_key != key or not isinstance(matcher, Matcher) or not _unchanged(dependencies):
        return None
    return Loaded(SanctionsList(matcher.entities, metadata), matcher, key, "disk")


def _build(paths: Sequence[StrPath], format: str | None, lenient: bool, key: str) -> Loaded:
    lists = load_list(*paths, format=format, lenient=lenient) if paths else load_sample()
    return Loaded(lists, Matcher(lists), key, "built")


def _remember(key: str, dependencies: tuple[tuple[str, str], ...], loaded: Loaded) -> None:
    _MEMORY.pop(key, None)
    _MEMORY[key] = (dependencies, loaded)
    while len(_MEMORY) > MAX_MEMORY:
        del _MEMORY[next(iter(_MEMORY))]


def forget() -> None:
    """Drop the lists this process keeps in memory (the reset hook, for tests)."""
    _MEMORY.clear()
