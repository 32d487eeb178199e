"""Reading list files safely: text lines, CSV rows, XML records and zip members.

Every helper streams, so a large list is never held twice, and every failure becomes a
:class:`~sanctionmatch.errors.ListFormatError` that names the file and line.

Text: a UTF-8 byte-order mark is dropped, a UTF-16 one is refused, CRLF, LF and lone CR
line endings may be mixed, and a trailing DOS end-of-file byte (0x1A, as in OFAC's files)
is ignored. Legacy files may allow a cp1252 fallback, decided line by line.

XML: parsed with the standard library's expat through ``XMLPullParser``; a document whose
prolog declares a DOCTYPE (the only place entities can be declared) is refused before the
parser sees it, which shuts out entity-expansion and external-entity attacks.
"""

from __future__ import annotations

import csv
import hashlib
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast
from xml.etree import ElementTree as ET

from sanctionmatch.errors import ListFormatError, UnsafeXMLError
from sanctionmatch.lists._base import MAX_LINE_BYTES, MAX_UNZIPPED_BYTES, LoadContext

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
DOS_EOF = "\x1a"  # Ctrl-Z, the end-of-file marker OFAC still appends
XML_CHUNK = 1 << 16
MAX_PROLOG_BYTES = 1 << 20


def sha256_file(path: Path) -> tuple[str, int]:
    """Return the hex sha256 and the size in bytes of a file, reading it in chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def read_head(path: Path, size: int = 1 << 16) -> bytes:
    """Return the first bytes of a file, or for a zip its member names, one a line."""
    with path.open("rb") as stream:
        head = stream.read(size)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return head
        return b"PK\x03\x04\n" + "\n".join(names).encode("utf-8", "replace")
    return head


def decode_lines(
    stream: IO[bytes], ctx: LoadContext, *, path: Path, fallback: str | None = None
) -> Iterator[str]:
    """Yield the decoded lines of a byte stream, each ending with ``"\\n"`` (except maybe the last).

    Args:
        stream: the open binary file.
        ctx: the load, for error locations.
        path: the file the stream reads, for error messages.
        fallback: an encoding to try on a line that is not valid UTF-8 (``"cp1252"``).
    """
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise ctx.error(f"line longer than {MAX_LINE_BYTES} bytes", path=path, line=number)
        if number == 1:
            if raw.startswith(UTF16_BOMS):
                raise ctx.error("file is UTF-16 encoded; save it as UTF-8", path=path, line=1)
            if raw.startswith(UTF8_BOM):
                raw = raw[len(UTF8_BOM) :]
        if b"\x00" in raw:
            raise ctx.error("NUL byte: this is binary data, not text", path=path, line=number)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if fallback is None:
                raise ctx.error(
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})",
                    path=path,
                    line=number,
                ) from None
            try:
                text = raw.decode(fallback)
            except UnicodeDecodeError as exc2:
                raise ctx.error(
                    f"neither UTF-8 nor {fallback} "
                    f"(byte 0x{raw[exc2.start]:02x} at column {exc2.start + 1})",
                    path=path,
                    line=number,
                ) from None
        text = text.replace(DOS_EOF, "")
        # A lone CR is a line ending too (old Mac files, or a mix after hand edits).
        body = text.rstrip("\r\n")
        if "\r" in body:
            parts = body.split("\r")
            yield from (p + "\n" for p in parts[:-1])
            text = parts[-1] + text[len(body) :]
        yield text


def csv_rows(
    lines: Iterable[str], ctx: LoadContext, *, path: Path
) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, row)`` for each non-blank CSV row; csv errors name the line."""
    # strict: a quote left open is an error at the end of the file, not a cell that
    # swallows every row after it.
    reader = csv.reader(lines, strict=True)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ctx.error(f"bad CSV: {exc}", path=path, line=reader.line_num) from None
        if not any(cell.strip() for cell in row):
            continue
        yield reader.line_num, row


def headed_rows(
    path: Path, ctx: LoadContext, required: Iterable[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` dicts of a UTF-8 CSV with a header row.

    The required columns must be in the header. A row with more or fewer cells than the
    header (a file cut inside its last row, a stray delimiter) is rejected with its line:
    an error in a strict load, a counted skip in a lenient one.
    """
    ctx.files.append(path)
    with path.open("rb") as stream:
        header: list[str] | None = None
        for line, row in csv_rows(decode_lines(stream, ctx, path=path), ctx, path=path):
            if header is None:
                header = [c.strip() for c in row]
                missing = [c for c in required if c not in header]
                if missing:
                    raise ctx.error(
                        f"missing required column(s): {', '.join(missing)}",
                        path=path,
                        line=line,
                        field=missing[0],
                    )
                continue
            if len(row) != len(header):
                where = f"{len(row)} cells for {len(header)} columns"
                ctx.reject(ctx.error(where, path=path, line=line))
                continue
            yield line, {h: v.strip() for h, v in zip(header, row, strict=True)}
        if header is None:
            raise ctx.error("empty file: no header row", path=path)


@contextmanager
def open_member(path: Path, ctx: LoadContext, suffixes: tuple[str, ...]) -> Iterator[IO[bytes]]:
    """Open ``path``, or the first member of the zip ``path`` whose name ends with a suffix."""
    with path.open("rb") as stream:
        magic = stream.read(4)
    if magic != b"PK\x03\x04":
        with path.open("rb") as stream:
            yield stream
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ctx.error(f"damaged zip file: {exc}") from None
    with archive:
        members = [i for i in archive.infolist() if i.filename.lower().endswith(suffixes)]
        if not members:
            raise ctx.error(f"the zip holds no {' or '.join(suffixes)} file")
        info = members[0]
        if info.file_size > MAX_UNZIPPED_BYTES:
            raise ctx.error(f"zip member of {info.file_size} bytes", field=info.filename)
        try:
            with archive.open(info) as member:
                yield member
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
            raise ctx.error(f"damaged zip member: {exc}", field=info.filename) from None


def local_name(tag: str) -> str:
    """Return an XML tag without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


_PROLOG_SPACE = re.compile(rb"[ \t\r\n]*")


def _check_prolog(head: bytes, ctx: LoadContext, path: Path) -> bool:
    """Scan the XML prolog; return False if ``head`` ends before the root element starts."""
    if head.startswith(UTF16_BOMS) or head.startswith((b"<\x00", b"\x00<")):
        raise ctx.error("UTF-16 XML is not supported; save it as UTF-8", path=path, line=1)
    pos = len(UTF8_BOM) if head.startswith(UTF8_BOM) else 0
    while True:
        match = _PROLOG_SPACE.match(head, pos)
        pos = match.end() if match else pos
        if pos >= len(head):
            return False
        if head.startswith(b"<?", pos):
            end = head.find(b"?>", pos)
            if end < 0:
                return False
            pos = end + 2
        elif head.startswith(b"<!--", pos):
            end = head.find(b"-->", pos + 4)
            if end < 0:
                return False
            pos = end + 3
        elif head.startswith(b"<!", pos):
            raise UnsafeXMLError(
                "DOCTYPE and ENTITY declarations are not allowed in a list file",
                path=str(path),
                line=head.count(b"\n", 0, pos) + 1,
            )
        else:
            # The root element starts here (or garbage, which the parser reports); a lone
            # "<" at the end of the buffer needs more bytes to tell.
            return head[pos:] != b"<"


def iter_xml(
    stream: IO[bytes], ctx: LoadContext, *, path: Path, records: frozenset[str]
) -> Iterator[tuple[str, ET.Element]]:
    """Yield ``("root", root)`` once, then ``("record", element)`` per record element.

    A record's element is complete when yielded and is removed from the tree as soon as the
    caller asks for the next one, so memory stays flat however long the file is.

    Args:
        stream: the open binary XML.
        ctx: the load, for error locations.
        path: the file, for error messages.
        records: the local tag names of the record elements (``{"INDIVIDUAL", "ENTITY"}``).
    """
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    head = b""
    checked = False
    stack: list[ET.Element] = []
    try:
        while True:
            chunk = stream.read(XML_CHUNK)
            if not checked:
                head += chunk
                if _check_prolog(head, ctx, path):
                    checked = True
                    chunk = head
                elif not chunk or len(head) > MAX_PROLOG_BYTES:
                    if not head.strip():
                        raise ctx.error("empty file", path=path)
                    raise ctx.error("no XML root element found", path=path, line=1)
                else:
                    continue
            if not chunk:
                break
            parser.feed(chunk)
            for event, elem in cast("Iterator[tuple[str, object]]", parser.read_events()):
                if not isinstance(elem, ET.Element):
                    continue
                if event == "start":
                    if not stack:
                        yield "root", elem
                    stack.append(elem)
                    continue
                stack.pop()
                if local_name(elem.tag) in records:
                    yield "record", elem
                    if stack:
                        stack[-1].remove(elem)
        parser.close()
        for _item in parser.read_events():
            pass
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        reason = str(exc).split(": line")[0]
        if reason.startswith("no element found"):
            reason = "the XML ends early (truncated file?)"
        raise ListFormatError(f"bad XML: {reason}", path=str(path), line=line) from None


def text_of(elem: ET.Element | None) -> str:
    """Return an element's stripped text, or ``""`` for a missing or empty element."""
    if elem is None or elem.text is None:
        return ""
    return elem.text.strip()


def child(elem: ET.Element, name: str) -> ET.Element | None:
    """Return the first child whose local tag is ``name``."""
    for sub in elem:
        if local_name(sub.tag) == name:
            return sub
    return None


def children(elem: ET.Element, name: str) -> Iterator[ET.Element]:
    """Yield the children whose local tag is ``name``."""
    for sub in elem:
        if local_name(sub.tag) == name:
            yield sub


def child_text(elem: ET.Element, name: str) -> str:
    """Return the stripped text of the first child named ``name`` (``""`` if none)."""
    return text_of(child(elem, name))


def nested(elem: ET.Element | None, group: str, item: str) -> Iterator[ET.Element]:
    """Yield the ``item`` children of ``elem``'s ``group`` child (nothing if either is missing)."""
    if elem is None:
        return
    holder = child(elem, group)
    if holder is not None:
        yield from children(holder, item)
