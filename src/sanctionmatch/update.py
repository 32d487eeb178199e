"""Downloading the official lists from their publishers: :func:`update`.

Each source in :data:`SOURCES` is one list as its publisher publishes it: one file, or
for OFAC's legacy CSV a set of four. A source is fetched into a staging directory beside
its destination, checked, and only then moved into place:

1. every file is downloaded whole: an HTTP error, a refused connection, a timeout, or a
   body shorter than its ``Content-Length`` fails the source;
2. the files must load with :func:`~sanctionmatch.lists.load_list` (in the source's
   format) and hold at least the source's minimum number of entities, and at least half
   as many as the file they replace (a list does not halve overnight; a broken export
   does);
3. each file replaces its predecessor with :func:`os.replace`, after the predecessor is
   kept as ``NAME.prev``; a file whose content did not change is left alone.

A failed source therefore never touches the files already in place, and the other
sources are still updated.

The layout under the destination directory (each path is what ``--list`` takes)::

    ofac_sdn/            sdn.csv, alt.csv, add.csv, sdn_comments.csv
    ofac_cons/           cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv
    sdn_enhanced.zip     OFAC SDN, enhanced XML (zipped)
    cons_enhanced.zip    OFAC Consolidated, enhanced XML (zipped)
    un_consolidated.xml  UN Security Council Consolidated List
    eu_fsf.xml           EU Financial Sanctions Files, XML v1.1
    uk_sanctions_list.csv  UK Sanctions List (FCDO)

Load the OFAC CSV sets *or* the enhanced XML files, not both: they hold the same entries
under the same ids.

A mirror laid out like the destination directory can stand in for the publishers:
pass its URL as ``base_url`` (``--base-url``, or ``$SANCTIONMATCH_UPDATE_BASE``), and each
file is fetched from ``BASE/RELATIVE_PATH``.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from attrs import frozen

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists import load_list
from sanctionmatch.version import __version__

OFAC = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
TIMEOUT = 120.0  # seconds without data before a download fails
MAX_BYTES = 2 << 30  # a download larger than this is refused (2 GiB)
MIN_KEPT = 0.5  # a new list must keep at least this share of the old one's entities
USER_AGENT = f"sanctionmatch/{__version__} (list update; Python urllib)"
_CHUNK = 1 << 16


@frozen
class RemoteFile:
    """One published file: its official URL and its path under the destination."""

    url: str
    path: str


@frozen
class Source:
    """One list as its publisher publishes it.

    Attributes:
        name: the short name used on the command line (``ofac_sdn``).
        title: what the list is, for people.
        format: the :func:`~sanctionmatch.lists.load_list` format name.
        files: the files; the first is the one to load (the others sit beside it).
        min_entities: the fewest entities a sound copy holds.
    """

    name: str
    title: str
    format: str
    files: tuple[RemoteFile, ...]
    min_entities: int

    @property
    def list_path(self) -> str:
        """The path to pass to ``load_list``, relative to the destination."""
        first = self.files[0].path
        return first.rsplit("/", 1)[0] if "/" in first else first


def _ofac_csv(name: str, title: str, stems: Sequence[str], minimum: int) -> Source:
    files = tuple(RemoteFile(f"{OFAC}{s.upper()}.CSV", f"{name}/{s}.csv") for s in stems)
    return Source(name, title, "ofac_csv", files, minimum)


# The official download URLs: the one place they are written down.
SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        _ofac_csv("ofac_sdn", "OFAC SDN list (CSV)", ("sdn", "alt", "add", "sdn_comments"), 5000),
        _ofac_csv(
            "ofac_cons",
            "OFAC Consolidated (non-SDN) list (CSV)",
            ("cons_prim", "cons_alt", "cons_add", "cons_comments"),
            100,
        ),
        Source(
            "ofac_sdn_xml",
            "OFAC SDN list (enhanced XML)",
            "ofac_xml",
            (RemoteFile(f"{OFAC}SDN_ENHANCED.ZIP", "sdn_enhanced.zip"),),
            5000,
        ),
        Source(
            "ofac_cons_xml",
            "OFAC Consolidated list (enhanced XML)",
            "ofac_xml",
            (RemoteFile(f"{OFAC}CONS_ENHANCED.ZIP", "cons_enhanced.zip"),),
            100,
        ),
        Source(
            "un",
            "UN Security Council Consolidated List",
            "un_xml",
            (
                RemoteFile(
                    "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                    "un_consolidated.xml",
                ),
            ),
            500,
        ),
        Source(
            "eu",
            "EU Financial Sanctions Files (XML 1.1)",
            "eu_xml",
            (
                RemoteFile(
                    "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
                    "xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
                    "eu_fsf.xml",
                ),
            ),
            1000,
        ),
        Source(
            "uk",
            "UK Sanctions List (FCDO)",
            "uk_csv",
            (
                RemoteFile(
                    "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv",
                    "uk_sanctions_list.csv",
                ),
            ),
            1000,
        ),
    )
}


class UpdateError(Exception):
    """A source could not be downloaded or failed its checks; nothing was replaced."""


@frozen
class UpdateResult:
    """What happened to one source.

    Attributes:
        source: the source's name.
        status: ``"updated"``, ``"unchanged"`` or ``"failed"``.
        entities: the entities the new copy holds (None when it failed).
        message: why it failed, or what was written.
        path: the path to load, under the destination.
    """

    source: str
    status: str
    entities: int | None
    message: str
    path: Path


def _fetch(url: str, target: Path, *, timeout: float) -> None:
    """Download ``url`` into ``target`` in full, or raise :class:`UpdateError`."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, target.open("wb") as out:
            expected = response.headers.get("Content-Length")
            received = 0
            while chunk := response.read(_CHUNK):
                received += len(chunk)
                if received > MAX_BYTES:
                    raise UpdateError(f"{url}: larger than {MAX_BYTES} bytes; refused")
                out.write(chunk)
    except urllib.error.HTTPError as exc:
        raise UpdateError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise UpdateError(f"{url}: {exc.reason}") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:  # timeouts, resets, cut
        # bodies (IncompleteRead), malformed URLs
        raise UpdateError(f"{url}: {exc!r}") from None
    if expected is not None and expected.isdigit() and received != int(expected):
        raise UpdateError(f"{url}: truncated: received {received} of {expected} bytes")
    if received == 0:
        raise UpdateError(f"{url}: empty response")


def _count(path: Path, format: str) -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # skipped records are judged by the count
        return len(load_list(path, format=format, lenient=True))


def _same(a: Path, b: Path) -> bool:
    def digest(path: Path) -> bytes:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").digest()

    return a.is_file() and b.is_file() and digest(a) == digest(b)


def _install(staged: Path, target: Path) -> None:
    """Move a checked file into place, keeping the file it replaces as ``NAME.prev``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        prev = target.with_name(target.name + ".prev")
        temp = target.with_name(f".{target.name}.prev.tmp")
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        try:
            os.link(target, temp)  # the target stays in place throughout
        except OSError:
            shutil.copy2(target, temp)
        os.replace(temp, prev)
    os.replace(staged, target)


def update_source(
    source: Source,
    directory: Path,
    *,
    base_url: str | None = None,
    min_entities: int | None = None,
    timeout: float = TIMEOUT,
) -> UpdateResult:
    """Download, check and install one source (see the module docstring).

    Returns:
        the result; a failure is reported in it, never raised.
    """
    destination = directory / source.list_path
    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".update-{source.name}-", dir=directory))
    try:
        for remote in source.files:
            url = remote.url if base_url is None else f"{base_url.rstrip('/')}/{remote.path}"
            staged = staging / remote.path
            staged.parent.mkdir(parents=True, exist_ok=True)
            _fetch(url, staged, timeout=timeout)
        count = _check(source, staging, destination, min_entities)
        changed = [r for r in source.files if not _same(staging / r.path, directory / r.path)]
        for remote in changed:
            _install(staging / remote.path, directory / remote.path)
    except OSError as exc:  # the destination cannot be written
        return UpdateResult(source.name, "failed", None, f"{source.name}: {exc}", destination)
    except UpdateError as exc:
        return UpdateResult(source.name, "failed", None, str(exc), destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if not changed:
        return UpdateResult(source.name, "unchanged", count, "no change", destination)
    names = ", ".join(r.path for r in changed)
    return UpdateResult(source.name, "updated", count, f"wrote {names}", destination)


def _check(source: Source, staging: Path, destination: Path, min_entities: int | None) -> int:
    """Load the staged copy; raise :class:`UpdateError` unless it is sound."""
    try:
        count = _count(staging / source.list_path, source.format)
    except (ListFormatError, OSError) as exc:
        raise UpdateError(f"{source.name}: the download does not load: {exc}") from None
    minimum = source.min_entities if min_entities is None else min_entities
    if count < minimum:
        raise UpdateError(f"{source.name}: only {count} entities (expected at least {minimum})")
    if destination.exists():
        try:
            before = _count(destination, source.format)
        except (ListFormatError, OSError):
            before = 0  # the copy in place is itself broken: any sound copy is better
        if count < before * MIN_KEPT:
            raise UpdateError(
                f"{source.name}: only {count} entities where the current copy has {before}"
            )
    return count


def update(
    directory: str | os.PathLike[str],
    *,
    sources: Iterable[str] | None = None,
    base_url: str | None = None,
    min_entities: int | None = None,
    timeout: float = TIMEOUT,
) -> list[UpdateResult]:
    """Download the official lists into ``directory``, each one checked before it replaces
    the copy in place.

    Args:
        directory: the destination (created if missing).
        sources: names from :data:`SOURCES`; all of them by default.
        base_url: fetch from a mirror laid out like ``directory`` instead of the
            publishers; by default ``$SANCTIONMATCH_UPDATE_BASE`` if set.
        min_entities: override every source's minimum entity count.
        timeout: seconds without data before a download fails.

    Returns:
        one :class:`UpdateResult` per source, in order.

    Raises:
        KeyError: an unknown source name.
    """
    names = list(SOURCES) if sources is None else list(sources)
    unknown = [n for n in names if n not in SOURCES]
    if unknown:
        raise KeyError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(SOURCES)}")
    if base_url is None:
        base_url = os.environ.get("SANCTIONMATCH_UPDATE_BASE") or None
    target = Path(directory)
    return [
        update_source(
            SOURCES[n], target, base_url=base_url, min_entities=min_entities, timeout=timeout
        )
        for n in names
    ]
