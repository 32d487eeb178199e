"""Loading sanctions lists: one module per file format, and one entry point.

:func:`load_list` reads one or more files (or directories), detects each one's format from
its content and name, and returns a :class:`~sanctionmatch.model.SanctionsList` whose
metadata records every file read, with its sha256, for an audit trail. :func:`parse_list`
is the streaming form: a generator of entities from one file.

Supported formats (the ``format=`` names):

=============  ==============================================================
``ofac_csv``   OFAC legacy CSV: sdn.csv or cons_prim.csv with their side files
``ofac_xml``   OFAC enhanced XML (SDN_ENHANCED / CONS_ENHANCED, .xml or .zip)
``un_xml``     UN Security Council consolidated.xml
``uk_csv``     UK Sanctions List (FCDO) CSV or ODS, full or summary layout
``uk_covyr``   UK list as normalised subjects / subject_names / subject_dobs CSV
``eu_xml``     EU Financial Sanctions Files XML (v1.1)
``eu_json``    third-party JSON extract of the EU list
``ftm``        OpenSanctions FollowTheMoney JSON lines, entities or delta
``ftm_csv``    OpenSanctions targets.simple.csv
``watchlist``  your own list: the documented CSV or JSON-lines layout
=============  ==============================================================
"""

from __future__ import annotations

import os
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from sanctionmatch.errors import ListFormatError, UnknownFormatError
from sanctionmatch.lists import (
    eu,
    eu_json,
    ftm,
    ftm_csv,
    ofac,
    ofac_xml,
    uk,
    uk_covyr,
    un,
    watchlist,
)
from sanctionmatch.lists._base import ListFormat, LoadContext
from sanctionmatch.lists._io import read_head, sha256_file
from sanctionmatch.lists.merge import merge_entities
from sanctionmatch.lists.sample import load_sample
from sanctionmatch.model import Entity, ListMetadata, SanctionsList, SourceFile
from sanctionmatch.version import __version__

# Detection order matters: specific signatures first, the loosest layouts last.
FORMATS: dict[str, ListFormat] = {
    f.name: f
    for f in (
        ofac_xml.FORMAT,
        un.FORMAT,
        eu.FORMAT,
        uk_covyr.FORMAT,
        ofac.FORMAT,
        uk.FORMAT,
        eu_json.FORMAT,
        ftm.FORMAT,
        ftm_csv.FORMAT,
        watchlist.FORMAT,
    )
}
StrPath = str | os.PathLike[str]

# Errors a parser may hit on hostile input that are not yet a ListFormatError.
_UNEXPECTED = (
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    RecursionError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,
)


def detect_format(path: StrPath) -> str:
    """Return the format name of a list file or directory.

    Raises:
        UnknownFormatError: the content matches no supported format.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no such list file or directory: {path}")
    head = b"" if path.is_dir() else read_head(path)
    if not path.is_dir() and not head.strip():
        raise ListFormatError("empty file", path=str(path))
    for fmt in FORMATS.values():
        if fmt.sniff(path, head):
            return fmt.name
    raise UnknownFormatError(
        "not a recognised sanctions list file", path=str(path), formats=list(FORMATS)
    )


def _format(path: Path, name: str | None) -> ListFormat:
    if name is None:
        return FORMATS[detect_format(path)]
    if name not in FORMATS:
        raise UnknownFormatError(f"unknown format {name!r}", path=str(path), formats=list(FORMATS))
    return FORMATS[name]


def parse_list(
    path: StrPath,
    *,
    format: str | None = None,
    lenient: bool = False,
    context: LoadContext | None = None,
) -> Iterator[Entity]:
    """Stream the entities of one list file (or directory), without building the list.

    Args:
        path: the file or directory.
        format: one of :data:`FORMATS`; detected from the content when omitted.
        lenient: skip records that cannot be parsed, recording each in ``context.problems``.
        context: a :class:`LoadContext` to receive the file's metadata and problems.

    Raises:
        ListFormatError: the file (or, unless lenient, a record) is malformed.
    """
    path = Path(path)
    fmt = _format(path, format)
    ctx = context if context is not None else LoadContext(path, lenient=lenient)
    count = 0
    try:
        for entity in fmt.parse(path, ctx):
            count += 1
            yield entity
    except ListFormatError:
        raise
    except _UNEXPECTED as exc:  # hostile input that slipped past a parser's own checks
        raise ListFormatError(f"unreadable {fmt.name} file: {exc!r}"[:500], path=str(path)) from exc
    if count == 0 and not ctx.problems:
        # No sanctions list is empty: an empty file is a failed download or a wrong path.
        raise ListFormatError(f"no entries in this {fmt.name} file", path=str(path))


def _units(paths: Iterable[StrPath], format: str | None) -> list[tuple[Path, str]]:
    """Resolve the paths to (file, format) pairs, folding OFAC side files into their list."""
    units: dict[Path, str] = {}
    for given in paths:
        path = Path(given)
        name = _format(path, format).name
        if name == "ofac_csv" and path.is_file() and path.name.lower() in ofac.AUXILIARY:
            mains = ofac.main_files(path)
            if not mains:
                raise ListFormatError(
                    f"an OFAC side file; {ofac.AUXILIARY[path.name.lower()]} is not beside it",
                    path=str(path),
                )
            path = mains[0]
        if name == "uk_covyr" and path.is_file():
            path = path.parent
        units.setdefault(path.resolve(), name)
    return list(units.items())


def load_list(*paths: StrPath, format: str | None = None, lenient: bool = False) -> SanctionsList:
    """Load one or more list files into a :class:`~sanctionmatch.model.SanctionsList`.

    Args:
        paths: files or directories; each may be in a different format.
        format: force one format for every path instead of detecting it.
        lenient: skip (and report) records that cannot be parsed instead of raising.

    Returns:
        the entities of all files, with metadata naming each file and its sha256.

    Raises:
        ListFormatError: a file is malformed (naming file, line or record, and field).
        UnknownFormatError: a file is in no supported format (the message lists them).
    """
    if not paths:
        raise TypeError("load_list() needs at least one path")
    entities: list[Entity] = []
    seen: dict[str, str] = {}
    files: list[SourceFile] = []
    contexts: list[LoadContext] = []
    for path, name in _units(paths, format):
        ctx = LoadContext(path, lenient=lenient)
        contexts.append(ctx)
        for entity in parse_list(path, format=name, context=ctx):
            if entity.id in seen:
                ctx.reject(
                    ListFormatError(
                        f"duplicate entity id (first seen in {seen[entity.id]})",
                        path=str(path),
                        record=entity.id,
                        field="id",
                    )
                )
                continue
            seen[entity.id] = str(path)
            entities.append(entity)
        for file in dict.fromkeys(ctx.files):
            digest, size = sha256_file(file)
            files.append(
                SourceFile(
                    name=file.name,
                    sha256=digest,
                    size=size,
                    format=name,
                    publisher=ctx.publisher,
                    list_name=ctx.list_name,
                    published=ctx.published,
                )
            )
    problems = [p for ctx in contexts for p in ctx.problems]
    if problems:
        warnings.warn(
            f"{len(problems)} record(s) were skipped or left out; see metadata.problems",
            stacklevel=2,
        )
    published = {c.published for c in contexts}
    metadata = ListMetadata(
        publisher="; ".join(dict.fromkeys(c.publisher for c in contexts if c.publisher))
        or "unknown",
        name="; ".join(dict.fromkeys(c.list_name for c in contexts if c.list_name)) or "unknown",
        published=published.pop() if len(published) == 1 else None,
        files=files,
        library_version=__version__,
        counts=dict(sorted(Counter(e.schema for e in entities).items())),
        skipped=len(problems),
        problems=problems,
    )
    return SanctionsList(entities=entities, metadata=metadata)


__all__ = [
    "FORMATS",
    "ListFormat",
    "LoadContext",
    "detect_format",
    "load_list",
    "load_sample",
    "merge_entities",
    "parse_list",
]
