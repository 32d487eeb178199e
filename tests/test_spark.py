"""Tests for sanctionmatch.spark: DataFrames screened and scanned as screen() and scan() do.

Spark runs in local mode (``local[2]``), one session for the module. Without PySpark or
without Java the Spark tests are skipped, saying which is missing.
"""

from __future__ import annotations

import importlib
import os
import pickle
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sanctionmatch import Matcher, SanctionsList, load_sample, scan, screen

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
WATCHLIST = ROOT / "fixtures" / "lists" / "watchlist.csv"
# Names on no list: people the seed articles name, and invented ones.
UNLISTED = [
    "John Kirby", "Janet Yellen", "Antony Blinken", "Lloyd Austin", "Emmanuel Macron",
    "Marie Dupont", "Jean-Pierre Martin", "Acme Widgets GmbH", "Olga Petrova Smirnova",
    "Nordic Fisheries AS", "Li Wei", "Carlos Alberto Gomez",
]  # fmt: skip
HIT_COLUMNS = ("rank", "entity_id", "matched_name", "score")
# PySpark warns at every Arrow call when pandas 3 is installed; mapInArrow does not use pandas.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(len(name))
    if not name[i].isalpha():
        return name
    return name[:i] + rng.choice("aeiourstn") + name[i + 1 :]


def _records(sample: SanctionsList, n: int = 200) -> list[dict[str, Any]]:
    """Listed names, a third with a typo, some with the entity's birth date or a wrong one."""
    rng = random.Random(8)
    records: list[dict[str, Any]] = []
    for number in range(n - len(UNLISTED) - 2):
        entity = rng.choice(sample.entities)
        name = rng.choice(entity.names).value
        record: dict[str, Any] = {"id": f"r{number}", "name": name}
        if number % 3 == 0:
            record["name"] = _typo(name, rng)
        if entity.birth_dates and number % 4 == 0:
            record["birth_date"] = entity.birth_dates[0][:4]
        elif number % 7 == 0:
            record["birth_date"] = "1931-02-03"
        if number % 5 == 0:
            record["country"] = rng.choice(("Russia", "Iran", "France", "KP"))
        if number % 6 == 0:
            record["schema"] = "Person" if entity.schema == "Person" else "Organization"
        records.append(record)
    records += [{"id": f"u{i}", "name": name} for i, name in enumerate(UNLISTED)]
    return [*records, {"id": "blank", "name": ""}, {"id": "null", "name": None}]


def _frame(spark: Any, records: list[dict[str, Any]]) -> Any:
    fields = ("id", "name", "schema", "birth_date", "country")
    rows = [tuple(r.get(f) for f in fields) for r in records]
    return spark.createDataFrame(rows, ", ".join(f"{f} string" for f in fields)).repartition(3)


def _screened(records: list[dict[str, Any]], matcher: Matcher) -> set[tuple[Any, ...]]:
    """What screen() finds, as (record id, query, rank, entity id, matched name, score)."""
    valid = [r for r in records if r["name"] is not None]
    return {
        (result.id, result.query, rank, m.entity.id, m.name, m.score)
        for result in screen(valid, matcher=matcher)
        for rank, m in enumerate(result.matches, 1)
    }


def _java_missing() -> str | None:
    java = Path(os.environ["JAVA_HOME"], "bin", "java") if "JAVA_HOME" in os.environ else None
    found = str(java) if java is not None and java.exists() else shutil.which("java")
    if found is None:
        return "Java is not installed (PySpark needs a JVM; set JAVA_HOME or put java on PATH)"
    done = subprocess.run([found, "-version"], capture_output=True, check=False)
    return None if done.returncode == 0 else f"{found} -version failed"


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="PySpark is not installed: sanctionmatch[spark]")
    pytest.importorskip("pyarrow", reason="PyArrow is not installed: sanctionmatch[spark]")
    missing = _java_missing()
    if missing is not None:
        pytest.skip(missing)
    from pyspark.sql import SparkSession

    # Workers run this interpreter, which has sanctionmatch, not whatever python3 is on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("sanctionmatch-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def sample() -> SanctionsList:
    return load_sample()


@pytest.fixture(scope="module")
def matcher(sample: SanctionsList) -> Matcher:
    return Matcher(sample)


def test_core_package_does_not_import_pyspark() -> None:
    """``import sanctionmatch`` loads neither PySpark nor PyArrow."""
    code = (
        "import sys, sanctionmatch\n"
        "loaded = {m.split('.')[0] for m in sys.modules} & {'pyspark', 'pyarrow', 'py4j'}\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without PySpark, importing sanctionmatch.spark says to install sanctionmatch[spark]."""
    monkeypatch.setitem(sys.modules, "pyspark", None)  # None makes the import fail
    monkeypatch.delitem(sys.modules, "sanctionmatch.spark", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'sanctionmatch\[spark\]'"):
        importlib.import_module("sanctionmatch.spark")


def test_screen_dataframe_finds_what_screen_finds(
    spark: Any, sample: SanctionsList, matcher: Matcher
) -> None:
    """200 records with typos, dates, countries and schemas: the same hits, ranks and scores."""
    from sanctionmatch.spark import screen_dataframe

    records = _records(sample)
    hits = screen_dataframe(
        _frame(spark, records),
        matcher,
        schema_column="schema",
        birth_date_column="birth_date",
        country_column="country",
    )
    rows = hits.select("record_id", "query", *HIT_COLUMNS).collect()
    expected = _screened(records, matcher)
    assert len(rows) == len(expected) > 150
    assert {tuple(row) for row in rows} == expected
    assert not [r for r in rows if r.record_id.startswith("u")], "an unlisted name hit"


def test_screen_dataframe_reports_entity_and_provenance(spark: Any, sample: SanctionsList) -> None:
    """Each hit names its entity and lists, and carries the list's name and source files."""
    from sanctionmatch.spark import screen_dataframe

    frame = spark.createDataFrame([(7, "Vladimir Putin")], "id int, name string")
    (hit,) = screen_dataframe(frame, sample, limit=1).collect()
    assert (hit.record_id, hit.entity_id, hit.entity_schema) == (7, "ofac-35096", "Person")
    assert hit.entity_name == "PUTIN, Vladimir Vladimirovich"
    assert hit.lists == ["OFAC SDN", "EU", "UK"]
    assert hit.list_name == sample.metadata.name
    files = [(f.name, f.sha256, f.published) for f in sample.metadata.files]
    assert [tuple(f) for f in hit.source_files] == files


def test_screen_dataframe_reads_list_files(spark: Any) -> None:
    """List file paths are loaded on the driver; the hits name the file and its sha256."""
    from sanctionmatch.lists import load_list
    from sanctionmatch.spark import screen_dataframe

    frame = spark.createDataFrame([("Jane Example",), ("Nobody Atall",)], "full_name string")
    hits = screen_dataframe(frame, WATCHLIST, name_column="full_name", id_column=None).collect()
    assert [(h.query, h.entity_id) for h in hits] == [("Jane Example", "wl-001")]
    (file,) = load_list(WATCHLIST).metadata.files
    assert [tuple(f) for f in hits[0].source_files] == [(file.name, file.sha256, file.published)]


def test_screen_dataframe_without_metadata_has_empty_provenance(
    spark: Any, matcher: Matcher
) -> None:
    """A Matcher alone says nothing about its files: the provenance columns are empty."""
    from sanctionmatch.spark import screen_dataframe

    frame = spark.createDataFrame([("a", "Vladimir Putin")], "id string, name string")
    (hit,) = screen_dataframe(frame, matcher, limit=1).collect()
    assert (hit.list_name, hit.list_published, hit.source_files) == (None, None, [])


def test_screen_dataframe_ships_the_matcher_once(
    spark: Any, matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The matcher is broadcast once; the function sent with every task does not hold it."""
    from pyspark import SparkContext

    from sanctionmatch.spark import screen_dataframe

    frame = spark.createDataFrame([("x", "y")], "id string, name string")
    frames = type(frame)  # the classic DataFrame class, a subclass of pyspark.sql.DataFrame
    broadcasts: list[object] = []
    functions: list[object] = []
    broadcast, map_in_arrow = SparkContext.broadcast, frames.mapInArrow

    def spy_broadcast(self: Any, value: object) -> Any:
        broadcasts.append(value)
        return broadcast(self, value)

    def spy_map(self: Any, function: Any, schema: Any, *args: Any, **kwargs: Any) -> Any:
        functions.append(function)
        return map_in_arrow(self, function, schema, *args, **kwargs)

    monkeypatch.setattr(SparkContext, "broadcast", spy_broadcast)
    monkeypatch.setattr(frames, "mapInArrow", spy_map)
    screen_dataframe(frame, matcher)
    assert broadcasts == [matcher]
    shipped = importlib.import_module("pyspark.cloudpickle").dumps(functions[0])  # as Spark does
    assert len(shipped) < 10_000 < len(pickle.dumps(matcher))


def test_screen_dataframe_checks_columns(spark: Any, matcher: Matcher) -> None:
    """A missing or mistyped column is refused before any job runs."""
    from sanctionmatch.spark import screen_dataframe

    frame = spark.createDataFrame([("a", "b", 1)], "id string, name string, dob int")
    with pytest.raises(ValueError, match="no column 'country'; the columns are id, name, dob"):
        screen_dataframe(frame, matcher, country_column="country")
    with pytest.raises(ValueError, match="column 'dob' is int, not string or date"):
        screen_dataframe(frame, matcher, birth_date_column="dob")


def test_screen_dataframe_names_a_bad_record(spark: Any, matcher: Matcher) -> None:
    """An unreadable birth date fails the job with the record's id, as screen() refuses it."""
    from sanctionmatch.spark import screen_dataframe

    frame = spark.createDataFrame(
        [("r-17", "Vladimir Putin", "May")], "id string, name string, dob string"
    )
    with pytest.raises(Exception, match=r"record 'r-17': unreadable birth date 'May'"):
        screen_dataframe(frame, matcher, birth_date_column="dob").collect()


def test_scan_dataframe_finds_what_scan_finds(spark: Any, matcher: Matcher) -> None:
    """The seed articles: the same mentions, offsets, matches and scores as scan()."""
    from sanctionmatch.spark import scan_dataframe

    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    frame = spark.createDataFrame(list(enumerate(texts)), "id long, text string").repartition(2)
    columns = ("document_id", "start", "end", "surface", *HIT_COLUMNS)
    rows = scan_dataframe(frame, matcher).select(*columns).collect()
    expected = {
        (number, m.start, m.end, m.surface, rank, match.entity.id, match.name, match.score)
        for number, text in enumerate(texts)
        for m in scan(text, matcher=matcher)
        for rank, match in enumerate(m.matches, 1)
    }
    assert len(rows) == len(expected) > 20
    assert {tuple(row) for row in rows} == expected
