"""Screening and scanning Spark DataFrames: the ``sanctionmatch[spark]`` extra.

:func:`screen_dataframe` screens a DataFrame of records (a name column, and optionally
id, schema, birth date and country columns) and :func:`scan_dataframe` a DataFrame of
documents (id, text). Both return a DataFrame of hits, one row per match, with the
list's provenance (its name, publication date, and each source file's name, sha256 and
publication date) on every row, so that a result table stands alone in an audit.

The :class:`~sanctionmatch.matcher.Matcher` is built once on the driver and sent to the
executors as a broadcast variable: each executor fetches it once, and each Python worker
unpickles it once and keeps it for every task it runs. Records travel in Arrow batches
(``mapInArrow``), not row by row through a Python UDF. Each record is screened with
:meth:`~sanctionmatch.matcher.Matcher.match_raw` and each document with
:func:`~sanctionmatch.scan.scan`, so the hits are those of :func:`~sanctionmatch.screen`
and :func:`~sanctionmatch.scan.scan` on the same input; the explanations are left out.

Executors need sanctionmatch installed in their Python environment, as any library a
Spark job imports. Spark Connect sessions have no broadcast variables and are not
supported.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from typing import Any, TypeAlias

try:
    import pyarrow as pa
    from pyspark import Broadcast
    from pyspark.sql import Column, DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql.types import (
        ArrayType,
        DataType,
        DoubleType,
        IntegerType,
        LongType,
        StringType,
        StructField,
        StructType,
    )
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        f"sanctionmatch.spark needs PySpark and PyArrow ({exc.name} is missing); "
        "install them with: pip install 'sanctionmatch[spark]'"
    ) from exc

from sanctionmatch.lists import load_list
from sanctionmatch.matcher import Matcher, RawMatch
from sanctionmatch.model import Entity, ListMetadata, SanctionsList
from sanctionmatch.scan import scan

StrPath: TypeAlias = str | os.PathLike[str]
Source: TypeAlias = Matcher | SanctionsList | StrPath | Sequence[StrPath]

# The columns every hit carries after its record's or document's own: Spark and Arrow types.
_HIT_COLUMNS = (
    ("rank", IntegerType(), pa.int32()),
    ("entity_id", StringType(), pa.string()),
    ("entity_schema", StringType(), pa.string()),
    ("entity_name", StringType(), pa.string()),
    ("matched_name", StringType(), pa.string()),
    ("score", DoubleType(), pa.float64()),
    ("lists", ArrayType(StringType()), pa.list_(pa.string())),
)
_FIELDS = ("schema", "birth_date", "country")  # the optional record fields, as screen names them


def screen_dataframe(
    records: DataFrame,
    source: Source,
    *,
    metadata: ListMetadata | None = None,
    name_column: str = "name",
    id_column: str | None = "id",
    schema_column: str | None = None,
    birth_date_column: str | None = None,
    country_column: str | None = None,
    threshold: float | None = None,
    limit: int = 10,
) -> DataFrame:
    """Screen every record of a DataFrame against a list.

    Optional fields that are null or blank are left out of the query, as the command
    line does; a record whose name is null has no hits.

    Args:
        records: the records; the name, schema and country columns hold strings, the
            birth date column strings (``"1970"``, ``"1970-05-21"``) or dates.
        source: a Matcher, a SanctionsList, or list file paths for
            :func:`~sanctionmatch.lists.load_list`.
        metadata: the provenance of a Matcher source (a SanctionsList carries its own).
        name_column, id_column, schema_column, birth_date_column, country_column: the
            columns to read; None leaves a field out. Without an id column each record is
            numbered with ``monotonically_increasing_id()``.
        threshold: as in :meth:`~sanctionmatch.matcher.Matcher.match`.
        limit: the most matches per record.

    Returns:
        A DataFrame with one row per hit: ``record_id`` (typed as the id column),
        ``query``, ``rank`` (1 for the best), ``entity_id``, ``entity_schema``,
        ``entity_name``, ``matched_name``, ``score``, ``lists`` (the lists naming the
        entity), then ``list_name``, ``list_published`` and ``source_files``.

    Raises:
        ValueError: a named column is missing, or has the wrong type. When the job runs,
            a record with an unknown schema or an unreadable birth date fails it, with
            the record's id in the message.
    """
    types = dict(records.dtypes)
    if id_column is None:
        record_id: Column = F.monotonically_increasing_id()
    else:
        record_id = F.col(_check(types, id_column, None))
    fields = (schema_column, birth_date_column, country_column)
    selected = records.select(
        record_id.alias("record_id"),
        F.col(_check(types, name_column, ("string",))).alias("name"),
        *(_optional(types, column, key) for column, key in zip(fields, _FIELDS, strict=True)),
    )
    id_type: DataType = LongType() if id_column is None else records.schema[id_column].dataType
    schema = _schema(("record_id", id_type), ("query", StringType()))
    matcher, provenance = _prepare(source, metadata)
    shared = records.sparkSession.sparkContext.broadcast(matcher)
    run = functools.partial(_screen_batches, shared, threshold=threshold, limit=limit)
    return _with_provenance(selected.mapInArrow(run, schema), provenance)


def scan_dataframe(
    documents: DataFrame,
    source: Source,
    *,
    metadata: ListMetadata | None = None,
    id_column: str = "id",
    text_column: str = "text",
    threshold: float | None = None,
) -> DataFrame:
    """Find the listed people and organisations every document of a DataFrame mentions.

    Args:
        documents: the documents, with an id column and a string text column.
        source, metadata: as in :func:`screen_dataframe`.
        id_column, text_column: the columns to read.
        threshold: as in :func:`~sanctionmatch.scan.scan`.

    Returns:
        A DataFrame with one row per match of each mention: ``document_id`` (typed as the
        id column), ``start`` and ``end`` (character offsets), ``surface``, then the hit
        and provenance columns of :func:`screen_dataframe`.

    Raises:
        ValueError: a named column is missing, or has the wrong type.
    """
    types = dict(documents.dtypes)
    selected = documents.select(
        F.col(_check(types, id_column, None)).alias("document_id"),
        F.col(_check(types, text_column, ("string",))).alias("text"),
    )
    schema = _schema(
        ("document_id", documents.schema[id_column].dataType),
        ("start", IntegerType()),
        ("end", IntegerType()),
        ("surface", StringType()),
    )
    matcher, provenance = _prepare(source, metadata)
    shared = documents.sparkSession.sparkContext.broadcast(matcher)
    run = functools.partial(_scan_batches, shared, threshold=threshold)
    return _with_provenance(selected.mapInArrow(run, schema), provenance)


def _schema(*first: tuple[str, DataType]) -> StructType:
    """The output schema: a record's or document's own columns, then the hit columns."""
    columns = [*first, *((name, kind) for name, kind, _ in _HIT_COLUMNS)]
    return StructType([StructField(name, kind) for name, kind in columns])


def _check(types: dict[str, str], column: str, allowed: tuple[str, ...] | None) -> str:
    """Return ``column`` if the DataFrame has it with an ``allowed`` type (None: any)."""
    if column not in types:
        raise ValueError(f"no column {column!r}; the columns are {', '.join(types)}")
    if allowed is not None and types[column] not in allowed:
        raise ValueError(f"column {column!r} is {types[column]}, not {' or '.join(allowed)}")
    return column


def _optional(types: dict[str, str], column: str | None, key: str) -> Column:
    """An optional string field, blank as null; dates are written as ISO strings."""
    if column is None:
        return F.lit(None).cast(StringType()).alias(key)
    allowed = ("string", "date") if key == "birth_date" else ("string",)
    value = F.trim(F.col(_check(types, column, allowed)).cast(StringType()))
    return F.when(value != "", value).alias(key)


def _prepare(source: Source, metadata: ListMetadata | None) -> tuple[Matcher, ListMetadata | None]:
    """Build the matcher of a source, and find its provenance."""
    if isinstance(source, Matcher):
        return source, metadata
    if not isinstance(source, SanctionsList):
        paths = [source] if isinstance(source, str | os.PathLike) else list(source)
        source = load_list(*paths)
    return Matcher(source), source.metadata if metadata is None else metadata


def _with_provenance(hits: DataFrame, metadata: ListMetadata | None) -> DataFrame:
    """Add the list's provenance as constant columns (Spark adds them; Python never sees them)."""
    files = [] if metadata is None else list(metadata.files)
    return hits.select(
        "*",
        _text(None if metadata is None else metadata.name).alias("list_name"),
        _text(None if metadata is None else metadata.published).alias("list_published"),
        F.array(
            *(
                F.struct(
                    _text(f.name).alias("name"),
                    _text(f.sha256).alias("sha256"),
                    _text(f.published).alias("published"),
                )
                for f in files
            )
        )
        .cast("array<struct<name:string,sha256:string,published:string>>")
        .alias("source_files"),
    )


def _text(value: str | None) -> Column:
    return F.lit(value).cast(StringType())


# What runs on the executors: a batch of rows in, a batch of hits out.


class _Hits:
    """The hit columns of one output batch, filled row by row."""

    def __init__(self) -> None:
        self.rows: list[int] = []  # the input row of each hit
        self.columns: tuple[list[Any], ...] = tuple([] for _ in _HIT_COLUMNS)

    def add(self, row: int, rank: int, entity: Entity, name: str, score: float) -> None:
        self.rows.append(row)
        lists = list(dict.fromkeys(ref.list for ref in entity.sources))
        values = (rank, entity.id, entity.schema, entity.caption, name, score, lists)
        for column, value in zip(self.columns, values, strict=True):
            column.append(value)

    def arrays(self) -> list[Any]:
        types = [kind for _, _, kind in _HIT_COLUMNS]
        return [pa.array(c, t) for c, t in zip(self.columns, types, strict=True)]


def _screen_batches(
    shared: Broadcast[Matcher],
    batches: Iterator[Any],
    *,
    threshold: float | None,
    limit: int,
) -> Iterator[Any]:
    """Screen Arrow batches of (record_id, name, schema, birth_date, country)."""
    matcher = shared.value
    for batch in batches:
        records = batch.to_pylist()
        hits = _Hits()
        queries: list[str] = []
        for row, record in enumerate(records):
            if record["name"] is None:
                continue
            try:
                found = matcher.match_raw(
                    record["name"],
                    **{key: record[key] for key in _FIELDS},
                    limit=limit,
                    threshold=threshold,
                )
            except ValueError as exc:
                raise ValueError(f"record {record['record_id']!r}: {exc}") from exc
            for rank, hit in enumerate(found, 1):
                _add_raw(hits, matcher, row, rank, hit)
                queries.append(record["name"])
        if hits.rows:
            taken = batch.column("record_id").take(pa.array(hits.rows, pa.int64()))
            columns = [taken, pa.array(queries, pa.string()), *hits.arrays()]
            yield pa.RecordBatch.from_arrays(columns, names=_names("record_id", "query"))


def _add_raw(hits: _Hits, matcher: Matcher, row: int, rank: int, hit: RawMatch) -> None:
    name = matcher.owners_name(hit.form, hit.entity)
    hits.add(row, rank, matcher.entities[hit.entity], name, hit.score)


def _scan_batches(
    shared: Broadcast[Matcher], batches: Iterator[Any], *, threshold: float | None
) -> Iterator[Any]:
    """Scan Arrow batches of (document_id, text)."""
    matcher = shared.value
    for batch in batches:
        hits = _Hits()
        spans: tuple[list[int], list[int], list[str]] = ([], [], [])
        for row, text in enumerate(batch.column("text").to_pylist()):
            if text is None:
                continue
            for mention in scan(text, matcher=matcher, threshold=threshold):
                for rank, match in enumerate(mention.matches, 1):
                    hits.add(row, rank, match.entity, match.name, match.score)
                    spans[0].append(mention.start)
                    spans[1].append(mention.end)
                    spans[2].append(mention.surface)
        if hits.rows:
            taken = batch.column("document_id").take(pa.array(hits.rows, pa.int64()))
            where = [pa.array(spans[0], pa.int32()), pa.array(spans[1], pa.int32())]
            columns = [taken, *where, pa.array(spans[2], pa.string()), *hits.arrays()]
            names = _names("document_id", "start", "end", "surface")
            yield pa.RecordBatch.from_arrays(columns, names=names)


def _names(*first: str) -> list[str]:
    return [*first, *(name for name, _, _ in _HIT_COLUMNS)]
