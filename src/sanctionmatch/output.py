"""Turning results into a table, json, jsonl or csv, with the lists' provenance.

Every machine-readable output starts with a header naming the sanctionmatch version, the
threshold and the list files screened against (name, sha256, publication date), so that
a result can be traced back to the exact data that produced it. csv has no header
object, so those fields are repeated on every row (:data:`PROVENANCE_COLUMNS`). The
schema is described in ``docs/cli.md``; :data:`OUTPUT_VERSION` changes with it.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from typing import Any, TextIO

from sanctionmatch.model import Explanation, Match, Mention, SanctionsList
from sanctionmatch.screen import ScreenResult
from sanctionmatch.version import __version__

OUTPUT_VERSION = 1  # bumped only when a field of the json/jsonl/csv output changes meaning
FORMATS = ("table", "json", "jsonl", "csv")
CONTEXT = 40  # characters of text shown on each side of a mention
SHOWN = 3  # matches shown per mention or record in a table
MATCH_COLUMNS = (
    *("rank", "score", "entity_id", "schema", "caption"),
    *("matched_name", "programs", "sources"),
)
PROVENANCE_COLUMNS = ("list_files", "list_sha256", "list_published", "sanctionmatch_version")
# The csv columns of each command, before MATCH_COLUMNS where there are matches.
LOOKUP_COLUMNS = ("query", "schema", "birth_date", "country", *MATCH_COLUMNS)
SCAN_COLUMNS = ("file", "line", "column", "start", "end", "surface", "context", *MATCH_COLUMNS)
SCREEN_COLUMNS = ("row", "line", "id", "query", *MATCH_COLUMNS)
EXPLAIN_COLUMNS = ("query", "candidate", "score", "schema", "hit")
LISTS_COLUMNS = ("name", "format", "publisher", "list_name", "published", "size", "sha256")
# The table heading of screen, aligned with the lines of screen_result().
SCREEN_TITLE = f"{'ROW':>6}  {'ID':<12}  {'QUERY':<30}  SCORE  {'ENTITY':<14}  MATCHED NAME"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def provenance(lists: SanctionsList) -> dict[str, Any]:
    """The ``lists`` block of every output: what was screened against, file by file.

    Args:
        lists: the loaded lists.

    Returns:
        Plain data: publisher, name, publication date, counts and the source files.
    """
    meta = lists.metadata
    return {
        "publisher": meta.publisher,
        "name": meta.name,
        "published": meta.published,
        "entities": len(lists),
        "counts": dict(meta.counts),
        "skipped": meta.skipped,
        "files": [
            {
                "name": f.name,
                "sha256": f.sha256,
                "size": f.size,
                "format": f.format,
                "publisher": f.publisher,
                "list_name": f.list_name,
                "published": f.published,
            }
            for f in meta.files
        ],
    }


def explanation_dict(why: Explanation) -> dict[str, Any]:
    """An explanation as plain data: the aligned token pairs and the penalties.

    Args:
        why: a score's explanation.

    Returns:
        ``{"pairs": [...], "penalties": [...]}`` with numbers rounded to 4 places.
    """
    return {
        "pairs": [
            {
                "query": p.query,
                "candidate": p.candidate,
                "similarity": round(p.similarity, 4),
                "weight": round(p.weight, 4),
                "form": p.form,
            }
            for p in why.pairs
        ],
        "penalties": [{"reason": p.reason, "amount": round(p.amount, 4)} for p in why.penalties],
    }


def match_dict(match: Match) -> dict[str, Any]:
    """A match as plain data (the ``matches[]`` items of the json/jsonl output).

    Args:
        match: a match from the matcher, the scanner or screen().

    Returns:
        The entity's id, schema, caption, programs and sources, the score and its
        explanation.
    """
    entity = match.entity
    return {
        "entity_id": entity.id,
        "schema": entity.schema,
        "caption": entity.caption,
        "matched_name": match.name,
        "score": round(match.score, 4),
        "programs": list(entity.programs),
        "birth_dates": list(entity.birth_dates),
        "countries": list(dict.fromkeys((*entity.countries, *entity.nationalities))),
        "sources": [{"list": s.list, "id": s.id} for s in entity.sources],
        "explanation": explanation_dict(match.explanation),
    }


def match_rows(matches: Sequence[Match]) -> list[list[str]]:
    """The csv cells of each match (:data:`MATCH_COLUMNS`); one empty row for no match.

    Args:
        matches: the matches of one query, mention or record, best first.

    Returns:
        One row per match, ranked from 1, so that a query without a match still has a row.
    """
    if not matches:
        return [[""] * len(MATCH_COLUMNS)]
    return [
        [
            str(rank),
            f"{m.score:.4f}",
            m.entity.id,
            m.entity.schema,
            m.entity.caption,
            m.name,
            ";".join(m.entity.programs),
            ";".join(f"{s.list}:{s.id}" for s in m.entity.sources),
        ]
        for rank, m in enumerate(matches, 1)
    ]


def _sources(match: Match) -> str:
    """The lists a match's entity is on, comma separated, for a table cell."""
    lists = dict.fromkeys(s.list for s in match.entity.sources)
    return ", ".join(lists) or "-"


def _cut(text: str, width: int) -> str:
    """``text`` shortened to ``width`` characters, ending in ``…`` when it was cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Align rows under headers, two spaces apart (the last column is not padded).

    Args:
        headers: the column titles.
        rows: the cells, as many per row as there are headers.

    Returns:
        The table's lines, without a final newline.
    """
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]
    lines = []
    for row in (headers, *rows):
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def header(
    command: str, lists: SanctionsList | None, threshold: float | None, **extra: Any
) -> dict[str, Any]:
    """The header of a json/jsonl output: versions, command, threshold and provenance.

    Args:
        command: the command's name.
        lists: the lists screened against, if the command loads any.
        threshold: the threshold in force, if the command has one.
        extra: further fields, such as the input's name.

    Returns:
        The header fields, in output order.
    """
    return {
        "output_version": OUTPUT_VERSION,
        "sanctionmatch_version": __version__,
        "command": command,
        "threshold": threshold,
        "lists": provenance(lists) if lists is not None else None,
        **extra,
    }


def footer(lists: SanctionsList) -> str:
    """The last line of a table: how many entities of which lists, and our version."""
    meta = lists.metadata
    published = f", published {meta.published}" if meta.published else ""
    return f"[{len(lists)} entities of {meta.name}{published}; sanctionmatch {__version__}]"


def snippet(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The text around ``text[start:end]`` on one line, with ``…`` where it was cut.

    Args:
        text: the whole text.
        start: where the mention starts.
        end: where it ends.
        width: characters kept on each side.

    Returns:
        The mention with its context, whitespace runs squashed to one space.
    """
    left, right = max(0, start - width), min(len(text), end + width)
    shown = re.sub(r"\s+", " ", text[left:right]).strip()
    return ("…" if left > 0 else "") + shown + ("…" if right < len(text) else "")


def mention_result(
    mention: Mention, text: str, label: str, threshold: float
) -> tuple[dict[str, Any], list[list[str]], str]:
    """One mention found by the scanner, as a json item, csv rows and table text.

    Args:
        mention: the mention, with every candidate the scanner ranked for it.
        text: the text it was found in.
        label: the file's name.
        threshold: the lowest score shown.

    Returns:
        What :meth:`Writer.add` takes.
    """
    # The scanner ranks every candidate of a span; only those at the threshold are hits.
    hits = [m for m in mention.matches if m.score >= threshold]
    line = text.count("\n", 0, mention.start) + 1
    column = mention.start - (text.rfind("\n", 0, mention.start) + 1) + 1
    context = snippet(text, mention.start, mention.end)
    item: dict[str, Any] = {"file": label, "line": line, "column": column}
    item |= {"start": mention.start, "end": mention.end, "surface": mention.surface}
    item |= {"context": context, "matches": [match_dict(m) for m in hits]}
    lines = [f"{label}:{line}:{column}  {mention.surface}", f"    {context}"]
    lines += [
        f"    {m.score:.3f}  {m.entity.id}  {m.entity.schema}  {m.name}  [{_sources(m)}]"
        for m in hits[:SHOWN]
    ]
    cells = [label, str(line), str(column), str(mention.start), str(mention.end)]
    cells += [mention.surface, context]
    return item, [[*cells, *row] for row in match_rows(hits)], "\n".join(lines)


def lookup_result(
    query: dict[str, Any], matches: Sequence[Match], threshold: float
) -> tuple[dict[str, Any], list[list[str]], str]:
    """One name looked up, as a json item, csv rows and table text.

    Args:
        query: the name as ``query`` and the ``schema``, ``birth_date`` and ``country``
            given with it (``None`` when not given).
        matches: its matches, best first.
        threshold: the lowest score shown.

    Returns:
        What :meth:`Writer.add` takes.
    """
    name = query["query"]
    text = f"{len(matches)} match(es) for {name!r} at or above {threshold:.2f}"
    table = [
        [f"{m.score:.3f}", m.entity.id, m.entity.schema, _cut(m.name, 40), _sources(m)]
        for m in matches
    ]
    if table:
        text += "\n" + render_table(("SCORE", "ENTITY", "SCHEMA", "MATCHED NAME", "LISTS"), table)
    cells = [name, *(query[k] or "" for k in ("schema", "birth_date", "country"))]
    item = {**query, "hit": bool(matches), "matches": [match_dict(m) for m in matches]}
    return item, [[*cells, *row] for row in match_rows(matches)], text


def screen_result(
    row: int, line: int, result: ScreenResult
) -> tuple[dict[str, Any], list[list[str]], str]:
    """One screened record, as a json item, csv rows and table text (under SCREEN_TITLE).

    Args:
        row: the record's number, from 1.
        line: the input line it starts on.
        result: what screen() found for it.

    Returns:
        What :meth:`Writer.add` takes.
    """
    matches = result.matches
    item = {"row": row, "line": line, "id": result.id, "query": result.query}
    item |= {"hit": bool(matches), "matches": [match_dict(m) for m in matches]}
    cells = [str(row), str(line), str(result.id), result.query]
    text = "\n".join(
        f"{row:>6}  {_cut(str(result.id), 12):<12}  {_cut(result.query, 30):<30}  "
        f"{m.score:.3f}  {m.entity.id:<14}  {m.name}"
        for m in matches[:SHOWN]
    )
    return item, [[*cells, *r] for r in match_rows(matches)], text


def explain_result(
    why: Explanation, threshold: float
) -> tuple[dict[str, Any], list[list[str]], str]:
    """A comparison of two names, as a json item, csv rows and table text.

    Args:
        why: the score and its explanation.
        threshold: the score at which the pair counts as a hit.

    Returns:
        What :meth:`Writer.add` takes.
    """
    hit = why.score >= threshold
    item = {"query": why.query, "candidate": why.candidate, "score": round(why.score, 4)}
    item |= {"schema": why.schema, "hit": hit, **explanation_dict(why)}
    verdict = f"{'HIT' if hit else 'no hit'} (threshold {threshold:.2f})"
    row = [why.query, why.candidate, f"{why.score:.4f}", why.schema or "", str(hit).lower()]
    return item, [row], f"{why}\n{verdict}"


def lists_result(
    lists: SanctionsList, origin: str, key: str
) -> tuple[dict[str, Any], list[list[str]], str]:
    """The loaded lists, file by file, as a json item, csv rows and table text.

    Args:
        lists: the loaded lists.
        origin: where they were loaded from (``"memory"``, ``"disk"`` or ``"built"``).
        key: the cache key they hash to.

    Returns:
        What :meth:`Writer.add` takes; the csv rows follow :data:`LISTS_COLUMNS`.
    """
    info = provenance(lists)
    counts = ", ".join(f"{k} {v}" for k, v in info["counts"].items())
    text = (
        f"sanctionmatch {__version__}\nlist:       {info['name']}\n"
        f"publisher:  {info['publisher']}\npublished:  {info['published'] or '-'}\n"
        f"entities:   {info['entities']} ({counts})\n"
        f"loaded:     {origin} (cache key {key[:16]})\n\n"
    )
    shown = ("name", "format", "list_name", "published", "size", "sha256")
    rows = [[str(f[c]) if f[c] is not None else "-" for c in shown] for f in info["files"]]
    text += render_table(("FILE", "FORMAT", "LIST", "PUBLISHED", "SIZE", "SHA256"), rows)
    cells = [[str(f[c] if f[c] is not None else "") for c in LISTS_COLUMNS] for f in info["files"]]
    return info, cells, text


class Writer:
    """Writes one command's results as a table, json, jsonl or csv, streaming.

    json is one object, ``{...header, "results": [...], "summary": {...}}``; jsonl is a
    ``{"type": "header"}`` line, one ``{"type": "result"}`` line per result and a
    ``{"type": "summary"}`` line; csv is one row per (result, match) with the list
    provenance repeated on every row.
    """

    def __init__(
        self, stream: TextIO, fmt: str, header: dict[str, Any], columns: Sequence[str]
    ) -> None:
        self.stream, self.fmt, self.header = stream, fmt, header
        self._first = True
        self._csv = csv.writer(stream, lineterminator="\n") if fmt == "csv" else None
        self._columns = columns
        files = (header.get("lists") or {}).get("files", [])
        self._provenance = [
            ";".join(f["name"] for f in files),
            ";".join(f["sha256"] for f in files),
            ";".join(f["published"] or "" for f in files),
            __version__,
        ]

    def begin(self, text: str = "") -> None:
        """Write the header (json, jsonl), the column names (csv) or ``text`` (table)."""
        if self.fmt == "json":
            self.stream.write(_json(self.header)[:-1] + ', "results": [')
        elif self.fmt == "jsonl":
            self.stream.write(_json({"type": "header", **self.header}) + "\n")
        elif self._csv is not None:
            self._csv.writerow([*self._columns, *PROVENANCE_COLUMNS])
        elif text:
            self.stream.write(text + "\n")

    def add(self, item: dict[str, Any], rows: Sequence[Sequence[str]], text: str) -> None:
        """Write one result: ``item`` (json, jsonl), ``rows`` (csv) or ``text`` (table)."""
        if self.fmt == "json":
            self.stream.write(("\n" if self._first else ",\n") + _json(item))
        elif self.fmt == "jsonl":
            self.stream.write(_json({"type": "result", **item}) + "\n")
        elif self._csv is not None:
            self._csv.writerows([*row, *self._provenance] for row in rows)
        elif text:
            self.stream.write(text + "\n")
        self._first = False

    def end(self, summary: dict[str, Any], text: str = "") -> None:
        """Write the summary (json, jsonl) or ``text`` (table); csv has no summary."""
        if self.fmt == "json":
            self.stream.write(f'\n], "summary": {_json(summary)}}}\n')
        elif self.fmt == "jsonl":
            self.stream.write(_json({"type": "summary", **summary}) + "\n")
        elif self.fmt == "table" and text:
            self.stream.write(text + "\n")
