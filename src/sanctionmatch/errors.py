"""The exceptions sanctionmatch raises on purpose.

Everything derives from :class:`SanctionmatchError`, so a caller can catch the library's
own errors without catching programming mistakes. A list file that cannot be read raises
:class:`ListFormatError`, which is also a :class:`ValueError` and names the file, the line
or record, and the field at fault::

    ListFormatError: sdn.csv, line 12, record 35173, field 'SDN_Name': empty name
"""

from __future__ import annotations

from collections.abc import Sequence


class SanctionmatchError(Exception):
    """The base class of every error sanctionmatch raises on purpose."""


class ListFormatError(SanctionmatchError, ValueError):
    """A list file is malformed, truncated, unsafe, or not in the expected format.

    Attributes:
        reason: what is wrong, without the location.
        path: the file, as given by the caller (``None`` when unknown).
        line: the 1-based line number in the file, where the format has lines.
        record: the record number or id (``"35173"``, ``"#12"``).
        field: the column, element or property at fault.
    """

    def __init__(
        self,
        reason: str,
        *,
        path: str | None = None,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        self.reason = reason
        self.path = path
        self.line = line
        self.record = record
        self.field = field
        super().__init__(self._message())

    @property
    def where(self) -> str:
        """The location alone: ``"sdn.csv, line 12, record 35173, field 'SDN_Name'"``."""
        parts = []
        if self.path is not None:
            parts.append(self.path)
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.record is not None:
            parts.append(f"record {self.record}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts) if parts else "<unknown location>"

    def _message(self) -> str:
        return f"{self.where}: {self.reason}"

    def __reduce__(self) -> tuple[object, ...]:  # keep the keywords when pickled
        return (_rebuild, (type(self), self.reason, self.path, self.line, self.record, self.field))


def _rebuild(
    cls: type[ListFormatError],
    reason: str,
    path: str | None,
    line: int | None,
    record: str | None,
    field: str | None,
) -> ListFormatError:
    return cls(reason, path=path, line=line, record=record, field=field)


class UnsafeXMLError(ListFormatError):
    """An XML list file declares a DOCTYPE or entities, which no sanctions list needs.

    Rejecting every declaration is what keeps entity-expansion ("billion laughs") and
    external-entity attacks out, with the standard library parser alone.
    """


class UnknownFormatError(ListFormatError):
    """A file is in none of the supported list formats; the message lists them."""

    def __init__(self, reason: str, *, path: str | None = None, formats: Sequence[str] = ()):
        self.formats = tuple(formats)
        if self.formats:
            reason = f"{reason}; supported formats: {', '.join(self.formats)}"
        super().__init__(reason, path=path)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unknown, (self.reason, self.path, self.formats))


def _rebuild_unknown(reason: str, path: str | None, formats: Sequence[str]) -> UnknownFormatError:
    error = UnknownFormatError(reason, path=path)
    error.formats = tuple(formats)
    return error
