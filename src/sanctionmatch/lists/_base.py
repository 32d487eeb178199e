"""What every loader shares: the state of one load and the shape of a format.

A loader is a generator, ``parse(path, ctx) -> Iterator[Entity]``: it streams records
and never builds an index. It reports a bad record through :meth:`LoadContext.reject`,
which raises a :class:`~sanctionmatch.errors.ListFormatError` in a strict load and records
the problem and moves on in a lenient one, so nothing is ever dropped silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from attrs import define, field, frozen

from sanctionmatch.errors import ListFormatError
from sanctionmatch.model import Entity

log = logging.getLogger("sanctionmatch.lists")

# Limits that turn a hostile or corrupt file into a clear error instead of a memory spike.
MAX_NAME_CHARS = 1_000  # the longest real list name is about 300 characters
MAX_FIELD_CHARS = 100_000  # remarks and statements of reasons run to a few thousand
MAX_LINE_BYTES = 4_000_000  # one physical line of a CSV or JSON-lines file
MAX_UNZIPPED_BYTES = 1_000_000_000  # a zip member bigger than this is treated as a bomb


@define
class LoadContext:
    """The mutable state of loading one file: what it says about itself and what was skipped.

    Attributes:
        path: the file (or directory) the caller gave.
        lenient: skip and record bad records instead of raising.
        files: every file actually read (sibling files included), for the audit metadata.
        problems: ``(where, reason)`` for each skipped record.
        publisher, list_name, published: what the file says about itself.
    """

    path: Path
    lenient: bool = False
    files: list[Path] = field(factory=list)
    problems: list[tuple[str, str]] = field(factory=list)
    publisher: str | None = None
    list_name: str | None = None
    published: str | None = None

    @property
    def label(self) -> str:
        return str(self.path)

    def error(
        self,
        reason: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> ListFormatError:
        """Build an error located in this load's file (or in ``path``, a sibling file)."""
        where = str(path) if path is not None else self.label
        return ListFormatError(reason, path=where, line=line, record=record, field=field)

    def reject(self, error: ListFormatError) -> None:
        """Raise ``error``, or in a lenient load record it and carry on with the next record."""
        if not self.lenient:
            raise error
        self.problems.append((error.where, error.reason))
        log.warning("skipped a record: %s", error)

    def omit(self, error: ListFormatError) -> None:
        """Record an entry the file itself leaves unusable (e.g. listed without a name).

        Unlike :meth:`reject` this never raises: the file is as published, and refusing it
        would refuse the official list. The entry is counted and reported all the same.
        """
        self.problems.append((error.where, error.reason))
        log.warning("left out an entry: %s", error)


Parser = Callable[[Path, LoadContext], Iterator[Entity]]
Sniffer = Callable[[Path, bytes], bool]


@frozen
class ListFormat:
    """One supported list format.

    Attributes:
        name: the ``format=`` value of :func:`~sanctionmatch.lists.load_list`.
        title: what the format is, for error messages and documentation.
        sniff: ``sniff(path, head)`` says whether a file whose first bytes are ``head``
            is in this format (for a zip, ``head`` lists the member names).
        parse: the streaming loader.
    """

    name: str
    title: str
    sniff: Sniffer
    parse: Parser


def check_name(
    value: str,
    ctx: LoadContext,
    *,
    record: str,
    field: str,
    line: int | None = None,
    path: Path | None = None,
) -> str:
    """Return ``value`` stripped, or raise if it is empty or absurdly long."""
    value = " ".join(value.split())
    if not value:
        raise ctx.error("empty name", path=path, line=line, record=record, field=field)
    if len(value) > MAX_NAME_CHARS:
        raise ctx.error(
            f"name of {len(value)} characters (limit {MAX_NAME_CHARS})",
            path=path,
            line=line,
            record=record,
            field=field,
        )
    return value


def check_size(
    value: str,
    ctx: LoadContext,
    *,
    record: str,
    field: str,
    line: int | None = None,
    path: Path | None = None,
) -> str:
    """Return ``value``, or raise if it is longer than any real list field."""
    if len(value) > MAX_FIELD_CHARS:
        raise ctx.error(
            f"field of {len(value)} characters (limit {MAX_FIELD_CHARS})",
            path=path,
            line=line,
            record=record,
            field=field,
        )
    return value


def unique(values: list[str]) -> tuple[str, ...]:
    """Drop empty and repeated values, keeping the first occurrence's order."""
    return tuple(dict.fromkeys(v for v in values if v))
