"""Batch screening: :func:`screen` streams many records through a :class:`Matcher`.

Records are names or dicts (``name``, and optionally ``id``, ``schema``, ``birth_date``,
``country``). Results come back as a generator of :class:`ScreenResult`, in input order,
so millions of records stream through in constant memory. With ``jobs=N`` the records go
in chunks to ``N`` worker processes; each worker receives the prepared matcher once (it
pickles with its index, no rebuild) and sends back compact hits, which this process turns
into :class:`~sanctionmatch.model.Match` records: the results are identical to a serial
run.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from attrs import field, frozen

from sanctionmatch.matcher import Matcher, RawMatch, parse_date, sample_matcher
from sanctionmatch.model import Explanation, Match
from sanctionmatch.names import resolve_schema

CHUNK = 256  # records sent to a worker at once
AHEAD = 4  # chunks in flight per worker: keeps workers busy, bounds memory
_FIELDS = ("name", "id", "schema", "birth_date", "country")


def _matches(values: Iterable[Match]) -> tuple[Match, ...]:
    return tuple(values)


@frozen
class ScreenResult:
    """The matches of one screened record.

    Attributes:
        id: the record's ``id``, or its 0-based position when it has none.
        query: the name as given.
        matches: the hits, best first (empty when the name is on no list).
    """

    id: object
    query: str
    matches: tuple[Match, ...] = field(converter=_matches)


@frozen
class Query:
    """One validated record: what :meth:`Matcher.match` is asked."""

    id: object
    name: str
    schema: str | None = None
    birth_date: str | None = None
    country: str | None = None


def read_record(record: str | Mapping[str, Any], number: int) -> Query:
    """Validate one input record.

    Raises:
        TypeError: the record or one of its fields has the wrong type (names the record
            and the field).
        ValueError: the record has no name.
    """
    if isinstance(record, str):
        return Query(number, record)
    if not isinstance(record, Mapping):
        raise TypeError(f"record {number}: expected a name or a dict, not {type(record).__name__}")
    where = f"record {number}" + (f" (id {record['id']!r})" if "id" in record else "")
    if record.get("name") is None:
        raise ValueError(f"{where}: missing field 'name'")
    for key in (*_FIELDS[2:], "name"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{where}, field {key!r}: expected a str, not {type(value).__name__}")
    try:
        resolve_schema(record.get("schema"))
    except ValueError as exc:
        raise ValueError(f"{where}, field 'schema': {exc}") from None
    if record.get("birth_date") is not None and parse_date(record["birth_date"]) is None:
        raise ValueError(f"{where}, field 'birth_date': unreadable date {record['birth_date']!r}")
    return Query(
        record.get("id", number),
        record["name"],
        record.get("schema"),
        record.get("birth_date"),
        record.get("country"),
    )


Found = list[list[tuple[RawMatch, Explanation]]]  # per record, its explained hits


def _run(matcher: Matcher, queries: list[Query], limit: int, threshold: float | None) -> Found:
    """Screen a chunk: compact hits with their explanations, cheap to send between processes."""
    found = []
    for q in queries:
        hits = matcher.match_raw(
            q.name,
            schema=q.schema,
            birth_date=q.birth_date,
            country=q.country,
            limit=limit,
            threshold=threshold,
        )
        found.append([(hit, matcher.explain(hit)) for hit in hits])
    return found


_WORKER: dict[str, Matcher] = {}


def _init_worker(matcher: Matcher) -> None:
    _WORKER["matcher"] = matcher


def _run_in_worker(queries: list[Query], limit: int, threshold: float | None) -> Found:
    return _run(_WORKER["matcher"], queries, limit, threshold)


def _chunks(records: Iterable[str | Mapping[str, Any]], size: int) -> Iterator[list[Query]]:
    """Validate records and group them; a bad record ends the stream after what came before."""
    chunk: list[Query] = []
    for number, record in enumerate(records):
        try:
            chunk.append(read_record(record, number))
        except (TypeError, ValueError):
            if chunk:
                yield chunk
            raise
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def screen(
    records: Iterable[str | Mapping[str, Any]],
    *,
    matcher: Matcher | None = None,
    threshold: float | None = None,
    limit: int = 10,
    jobs: int = 1,
    chunk_size: int = CHUNK,
) -> Iterator[ScreenResult]:
    """Screen records one by one, yielding a :class:`ScreenResult` for each, in order.

    Args:
        records: names, or dicts with ``name`` and optionally ``id``, ``schema``,
            ``birth_date``, ``country``.
        matcher: the list to screen against; by default the bundled sample list, which
            is for trying things out only.
        threshold: as in :meth:`Matcher.match`.
        limit: the most matches per record.
        jobs: worker processes; 1 screens in this process.
        chunk_size: records per worker task.

    Raises:
        TypeError, ValueError: a record is malformed; raised when the stream reaches it,
            after the results of every record before it.
    """
    if matcher is None:
        matcher = sample_matcher()
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    chunks = _chunks(records, chunk_size)
    if jobs == 1:
        batches: Iterator[tuple[list[Query], Found]] = (
            (chunk, _run(matcher, chunk, limit, threshold)) for chunk in chunks
        )
    else:
        batches = _parallel(matcher, chunks, limit, threshold, jobs)
    for chunk, found in batches:
        for query, hits in zip(chunk, found, strict=True):
            yield ScreenResult(query.id, query.name, [matcher.to_match(h, e) for h, e in hits])


def _parallel(
    matcher: Matcher,
    chunks: Iterator[list[Query]],
    limit: int,
    threshold: float | None,
    jobs: int,
) -> Iterator[tuple[list[Query], Found]]:
    """Run chunks in worker processes, a bounded number ahead, yielding them in order."""
    pending: deque[tuple[list[Query], Future[Found]]] = deque()
    error: Exception | None = None
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(matcher,)) as pool:
        while True:
            if error is None:
                try:
                    for chunk in itertools.islice(chunks, jobs * AHEAD - len(pending)):
                        pending.append(
                            (chunk, pool.submit(_run_in_worker, chunk, limit, threshold))
                        )
                except (TypeError, ValueError) as exc:
                    error = exc  # yield what came before the bad record first
            if not pending:
                break
            chunk, future = pending.popleft()
            yield chunk, future.result()
    if error is not None:
        raise error
