"""The command line: ``sanctionmatch lookup|scan|screen|explain|normalize|lists|update``.

This module only parses arguments, calls the library and hands what comes back to
:mod:`sanctionmatch.output`; batch input is read by :mod:`sanctionmatch.records`. See
``docs/cli.md`` for the commands, the output schema and the exit codes:

* 0: no hit; 1: at least one hit at or above the threshold; 2: a usage or data error,
  with a message on stderr naming the problem (130 when interrupted).

Lists come from ``--list`` (repeatable), else ``$SANCTIONMATCH_LISTS`` (``os.pathsep``
separated), else the bundled sample; loaded lists are cached (:mod:`sanctionmatch.cache`).
"""

from __future__ import annotations

import argparse
import codecs
import io
import os
import sys
import tempfile
import time
import warnings
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, NamedTuple, NoReturn, TextIO, TypeAlias

from sanctionmatch import output, records
from sanctionmatch.cache import Loaded, load_matcher
from sanctionmatch.errors import SanctionmatchError
from sanctionmatch.names import normalize_name
from sanctionmatch.scan import scan
from sanctionmatch.score import DEFAULT_THRESHOLD, explain
from sanctionmatch.screen import screen
from sanctionmatch.update import SOURCES, UpdateResult, update
from sanctionmatch.version import __version__

PROG = "sanctionmatch"
EXIT_OK, EXIT_HIT, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


class CLIError(Exception):
    """A usage or data error: its message goes to stderr and the exit code is 2."""


# ---------------------------------------------------------------------------- lists


def _list_paths(args: argparse.Namespace) -> list[str]:
    if args.lists:
        return list(args.lists)
    env = os.environ.get("SANCTIONMATCH_LISTS", "")
    return [p for p in env.split(os.pathsep) if p.strip()]


def _load(args: argparse.Namespace) -> Loaded:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # reported below, cached or not
        loaded = load_matcher(_list_paths(args), lenient=args.lenient, use_cache=not args.no_cache)
    skipped = loaded.lists.metadata.skipped
    if skipped:
        _warn(f"{skipped} list record(s) could not be read and were left out")
    return loaded


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def _threshold_in_force(args: argparse.Namespace) -> float:
    return DEFAULT_THRESHOLD if args.threshold is None else args.threshold


# ---------------------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on a terminal: rows, rows/s and, with a known size, ETA."""

    def __init__(self, stream: TextIO, total_bytes: int | None, at: list[int]) -> None:
        self.stream, self.total, self.at = stream, total_bytes, at
        self.start = self._last = time.monotonic()

    def update(self, rows: int) -> None:
        """Redraw the line, at most five times a second."""
        now = time.monotonic()
        if now - self._last < 0.2:
            return
        self._last = now
        rate = rows / max(now - self.start, 1e-9)
        line = f"{rows:,} rows  {rate:,.0f} rows/s"
        if self.total:
            done = min(self.at[0] / self.total, 1.0)
            eta = (now - self.start) * (1 - done) / done if done > 0 else 0.0
            line += f"  {done:4.0%}  ETA {int(eta // 60)}:{int(eta % 60):02d}"
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        """Erase the line."""
        self.stream.write("\r\x1b[K")
        self.stream.flush()


# ---------------------------------------------------------------------------- commands
# Each takes the parsed arguments and the stream results go to, and returns the exit code.


def cmd_lookup(args: argparse.Namespace, out: TextIO) -> int:
    """Screen one name."""
    loaded = _load(args)
    try:
        matches = loaded.matcher.match(
            args.name,
            schema=args.schema,
            birth_date=args.birth_date,
            country=args.country,
            limit=args.limit,
            threshold=args.threshold,
        )
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    threshold = _threshold_in_force(args)
    query = {"query": args.name, "schema": args.schema}
    query |= {"birth_date": args.birth_date, "country": args.country}
    head = output.header("lookup", loaded.lists, threshold)
    writer = output.Writer(out, args.format, head, output.LOOKUP_COLUMNS)
    writer.begin()
    writer.add(*output.lookup_result(query, matches, threshold))
    writer.end({"queries": 1, "hits": int(bool(matches))}, output.footer(loaded.lists))
    return EXIT_HIT if matches else EXIT_OK


def cmd_scan(args: argparse.Namespace, out: TextIO) -> int:
    """Find listed names in text files."""
    if args.files.count("-") > 1:
        raise CLIError("stdin ('-') can be read only once")
    texts = [records.read_text(name) for name in args.files]
    loaded = _load(args)
    threshold = _threshold_in_force(args)
    head = output.header("scan", loaded.lists, threshold, inputs=[label for _, label in texts])
    writer = output.Writer(out, args.format, head, output.SCAN_COLUMNS)
    writer.begin()
    total = 0
    for text, label in texts:
        try:
            mentions = scan(text, matcher=loaded.matcher, threshold=args.threshold)
        except ValueError as exc:
            raise CLIError(f"{label}: {exc}") from None
        for mention in mentions:
            writer.add(*output.mention_result(mention, text, label, threshold))
        total += len(mentions)
    text = f"{total} mention(s) at or above {threshold:.2f}\n{output.footer(loaded.lists)}"
    writer.end({"files": len(texts), "mentions": total}, text)
    return EXIT_HIT if total else EXIT_OK


def cmd_screen(args: argparse.Namespace, out: TextIO) -> int:
    """Screen every record of a CSV or JSON-lines file."""
    stream, size, label = records.open_binary(args.input)
    try:
        head = stream.peek(4096)[:4096] if isinstance(stream, io.BufferedReader) else b""
        kind = args.input_format or records.input_kind(args.input, head)
        loaded = _load(args)
        return _screen(args, out, stream, size, label, kind, loaded)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _screen(
    args: argparse.Namespace,
    out: TextIO,
    stream: BinaryIO,
    size: int | None,
    label: str,
    kind: str,
    loaded: Loaded,
) -> int:
    threshold = _threshold_in_force(args)
    head = output.header("screen", loaded.lists, threshold, input=label, input_format=kind)
    at = [0]  # bytes read so far, for the progress bar
    starts: deque[int] = deque()  # the first line of each record read but not yet written
    given = {role: getattr(args, f"{role}_column") for role in records.DEFAULT_COLUMNS}
    rows_in = records.read_records(
        stream, label, kind=kind, columns=given, encoding=args.encoding, at=at, starts=starts
    )
    progress = Progress(sys.stderr, size, at) if sys.stderr.isatty() else None
    started = time.monotonic()
    writer = output.Writer(out, args.format, head, output.SCREEN_COLUMNS)
    writer.begin(output.SCREEN_TITLE)
    try:
        rows, hits = _screen_all(args, rows_in, loaded, starts, writer, progress)
    except (TypeError, ValueError) as exc:  # a malformed record, named by screen()
        raise CLIError(f"{label}: {exc}") from None
    finally:
        if progress is not None:
            progress.close()
    seconds = time.monotonic() - started
    writer.end({"rows": rows, "hits": hits, "seconds": round(seconds, 3)})
    rate = rows / seconds if seconds > 0 else 0.0
    print(
        f"{PROG}: screened {rows:,} row(s), {hits:,} with a match at or above "
        f"{threshold:.2f}, in {seconds:.1f} s ({rate:,.0f} rows/s)",
        file=sys.stderr,
    )
    return EXIT_HIT if hits else EXIT_OK


def _screen_all(
    args: argparse.Namespace,
    rows_in: Iterator[dict[str, Any]],
    loaded: Loaded,
    starts: deque[int],
    writer: output.Writer,
    progress: Progress | None,
) -> tuple[int, int]:
    """Screen and write every record; return how many there were and how many hit."""
    rows = hits = 0
    results = screen(
        rows_in, matcher=loaded.matcher, threshold=args.threshold, limit=args.limit, jobs=args.jobs
    )
    for result in results:
        rows += 1
        hits += bool(result.matches)
        writer.add(*output.screen_result(rows, starts.popleft(), result))
        if progress is not None:
            progress.update(rows)
    return rows, hits


def cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    """Compare two names and show why they score."""
    why = explain(args.a, args.b, schema=args.schema)
    threshold = _threshold_in_force(args)
    head = output.header("explain", None, threshold)
    writer = output.Writer(out, args.format, head, output.EXPLAIN_COLUMNS)
    writer.begin()
    writer.add(*output.explain_result(why, threshold))
    hit = why.score >= threshold
    writer.end({"hits": int(hit)})
    return EXIT_HIT if hit else EXIT_OK


def cmd_normalize(args: argparse.Namespace, out: TextIO) -> int:
    """Print the normalized form of names."""
    head = output.header("normalize", None, None)
    writer = output.Writer(out, args.format, head, ("input", "normalized"))
    writer.begin()
    for name in args.names:
        normalized = normalize_name(name)
        writer.add({"input": name, "normalized": normalized}, [[name, normalized]], normalized)
    writer.end({"names": len(args.names)})
    return EXIT_OK


def cmd_lists(args: argparse.Namespace, out: TextIO) -> int:
    """Show what lists are loaded, with their sha256."""
    loaded = _load(args)
    head = output.header("lists", loaded.lists, None, cache=loaded.origin)
    writer = output.Writer(out, args.format, head, output.LISTS_COLUMNS)
    writer.begin()
    info, rows, text = output.lists_result(loaded.lists, loaded.origin, loaded.key)
    writer.add(info, rows, text)
    writer.end({"entities": info["entities"], "files": len(info["files"])})
    return EXIT_OK


def cmd_update(args: argparse.Namespace, out: TextIO) -> int:
    """Download the official lists."""
    results: list[UpdateResult] = update(
        args.dir,
        sources=args.sources or None,
        base_url=args.base_url,
        min_entities=args.min_entities,
        timeout=args.timeout,
    )
    columns = ("source", "status", "entities", "path", "message")
    head = output.header("update", None, None, dir=args.dir)
    writer = output.Writer(out, args.format, head, columns)
    writer.begin()
    rows = []
    for r in results:
        item = {"source": r.source, "status": r.status, "entities": r.entities}
        item |= {"path": str(r.path), "message": r.message}
        rows.append([r.source, r.status, str(r.entities or "-"), str(r.path), r.message])
        writer.add(item, [rows[-1]], "")
    failed = [r for r in results if r.status == "failed"]
    text = output.render_table(("SOURCE", "STATUS", "ENTITIES", "PATH", "MESSAGE"), rows)
    writer.end({"sources": len(results), "failed": len(failed)}, text)
    for r in failed:
        print(f"{PROG}: error: {r.source}: {r.message}", file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_OK


# ---------------------------------------------------------------------------- parser


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return number


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def _encoding(value: str) -> str:
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def main_parser() -> argparse.ArgumentParser:
    """Build the argument parser (exposed for documentation tools and tests)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Screen names and news text against sanctions lists.",
        epilog="Exit codes: 0 no hit, 1 at least one hit, 2 usage or data error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    p = _parents()
    # Added in the order --help lists them.
    for add in (_add_lookup, _add_scan, _add_screen, _add_explain, _add_lists, _add_update):
        add(commands, p)
    return parser


class _Parents(NamedTuple):
    """The option groups several commands share, as argparse parent parsers."""

    lists: argparse.ArgumentParser
    scoring: argparse.ArgumentParser
    limit: argparse.ArgumentParser
    schema: argparse.ArgumentParser
    output: argparse.ArgumentParser


def _parents() -> _Parents:
    parents = _Parents(*(argparse.ArgumentParser(add_help=False) for _ in _Parents._fields))
    parents.lists.add_argument(
        "--list",
        dest="lists",
        action="append",
        metavar="PATH",
        help="a list file or directory (repeatable); default $SANCTIONMATCH_LISTS, "
        "else the bundled sample",
    )
    parents.lists.add_argument(
        "--lenient", action="store_true", help="skip unreadable list records"
    )
    parents.lists.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the cache"
    )
    parents.scoring.add_argument(
        "--threshold",
        type=_threshold,
        metavar="T",
        help=f"lowest score reported, in [0, 1] (default {DEFAULT_THRESHOLD})",
    )
    parents.limit.add_argument(
        "--limit", type=_positive, default=10, metavar="N", help="matches per name"
    )
    parents.schema.add_argument(
        "--schema",
        type=str.lower,
        choices=("person", "organization", "organisation", "company"),
        help="read the name as a person's or an organisation's",
    )
    parents.output.add_argument(
        "--format", choices=output.FORMATS, default="table", help="output format (default: table)"
    )
    return parents


def _add_lookup(commands: Commands, p: _Parents) -> None:
    lookup = commands.add_parser(
        "lookup",
        parents=[p.lists, p.scoring, p.limit, p.schema, p.output],
        help="screen one name",
        description="Screen one name against the lists.",
    )
    lookup.add_argument("name", metavar="NAME")
    lookup.add_argument("--birth-date", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD")
    lookup.add_argument("--country", metavar="CC", help="a country name or code")
    lookup.set_defaults(run=cmd_lookup)


def _add_scan(commands: Commands, p: _Parents) -> None:
    scan_cmd = commands.add_parser(
        "scan",
        parents=[p.lists, p.scoring, p.output],
        help="find listed names in text files",
        description="Find mentions of listed people and organisations in UTF-8 text.",
    )
    scan_cmd.add_argument("files", nargs="+", metavar="FILE", help="text files; - for stdin")
    scan_cmd.set_defaults(run=cmd_scan)


def _add_screen(commands: Commands, p: _Parents) -> None:
    screen_cmd = commands.add_parser(
        "screen",
        parents=[p.lists, p.scoring, p.limit, p.output],
        help="screen a CSV or JSON-lines file of names",
        description="Screen every record of a CSV (with a header row) or JSON-lines file, "
        "streaming. Columns default to name, id, birth_date, country and schema when present.",
    )
    screen_cmd.add_argument("input", metavar="INPUT", help="the file; - for stdin")
    for option in records.COLUMN_OPTIONS.values():  # --name-column, --id-column...
        screen_cmd.add_argument(option, metavar="COLUMN")
    screen_cmd.add_argument(
        "--input-format", choices=("csv", "jsonl"), help="default: from the extension or content"
    )
    screen_cmd.add_argument("--encoding", type=_encoding, default="utf-8", help="default utf-8")
    screen_cmd.add_argument("--output", "-o", metavar="FILE", help="write results here")
    screen_cmd.add_argument("--jobs", type=_positive, default=1, metavar="N", help="processes")
    screen_cmd.set_defaults(run=cmd_screen)


def _add_explain(commands: Commands, p: _Parents) -> None:
    """Add ``explain`` and ``normalize``, the commands that need no list."""
    explain_cmd = commands.add_parser(
        "explain",
        parents=[p.scoring, p.schema, p.output],
        help="compare two names and show why they score",
        description="Compare two names and show the score breakdown.",
    )
    explain_cmd.add_argument("a", metavar="A", help="the query name")
    explain_cmd.add_argument("b", metavar="B", help="the list name")
    explain_cmd.set_defaults(run=cmd_explain)
    normalize = commands.add_parser(
        "normalize", parents=[p.output], help="print the normalized form of names"
    )
    normalize.add_argument("names", nargs="+", metavar="NAME")
    normalize.set_defaults(run=cmd_normalize)


def _add_lists(commands: Commands, p: _Parents) -> None:
    lists_cmd = commands.add_parser(
        "lists",
        parents=[p.lists, p.output],
        help="show what lists are loaded, with their sha256",
    )
    lists_cmd.set_defaults(run=cmd_lists)


def _add_update(commands: Commands, p: _Parents) -> None:
    update_cmd = commands.add_parser(
        "update",
        parents=[p.output],
        help="download the official lists",
        description="Download the official lists into DIR; a download that fails its "
        "checks never replaces the copy in place.",
    )
    update_cmd.add_argument("--dir", required=True, metavar="DIR")
    update_cmd.add_argument(
        "--source",
        dest="sources",
        action="append",
        choices=list(SOURCES),
        help="a list to download (repeatable; default all)",
    )
    update_cmd.add_argument(
        "--base-url", metavar="URL", help="a mirror (default $SANCTIONMATCH_UPDATE_BASE)"
    )
    update_cmd.add_argument("--min-entities", type=_positive, metavar="N")
    update_cmd.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS")
    update_cmd.set_defaults(run=cmd_update)


# ---------------------------------------------------------------------------- main


def _output_stream(args: argparse.Namespace) -> tuple[IO[str], str | None]:
    """Where results go: stdout, or a temporary file renamed to ``--output`` on success."""
    target = getattr(args, "output", None)
    if target is None or target == "-":
        return sys.stdout, None
    folder = Path(target).resolve().parent
    if not folder.is_dir():
        raise CLIError(f"{target}: no such directory {folder}")
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{Path(target).name}.", suffix=".tmp")
    return open(fd, "w", encoding="utf-8", newline=""), temp


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (see the module docstring)."""
    parser = main_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already reported
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    temp: str | None = None
    try:
        out, temp = _output_stream(args)
        try:
            code: int = args.run(args, out)
        finally:
            if temp is not None:
                out.close()
        if temp is not None:
            os.replace(temp, args.output)
            temp = None
        return code
    except (CLIError, records.InputError) as exc:
        return _fail(str(exc))
    except SanctionmatchError as exc:  # a list file that cannot be read
        return _fail(f"list file {exc}")
    except BrokenPipeError:
        raise  # the reader went away: entrypoint() ends quietly
    except FileNotFoundError as exc:
        return _fail(str(exc.args[0]) if len(exc.args) == 1 else f"{exc.filename}: no such file")
    except OSError as exc:
        return _fail(f"{exc.filename or ''}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def entrypoint() -> NoReturn:
    """The console script: run :func:`main` and exit with its code."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 141  # what a shell reports for SIGPIPE
    sys.exit(code)


if __name__ == "__main__":
    entrypoint()
