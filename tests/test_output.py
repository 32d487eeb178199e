"""Writing results: one match as json and csv, each carrying the lists' provenance."""

from __future__ import annotations

import csv
import io
import json

from sanctionmatch.model import (
    Entity,
    Explanation,
    ListMetadata,
    Match,
    Name,
    SanctionsList,
    SourceFile,
    SourceRef,
)
from sanctionmatch.output import (
    LOOKUP_COLUMNS,
    PROVENANCE_COLUMNS,
    Writer,
    header,
    lookup_result,
)
from sanctionmatch.version import __version__

ENTITY = Entity(
    id="ofac-1",
    schema="Person",
    names=[Name("KIM, Jong Un")],
    programs=["DPRK3"],
    sources=[SourceRef("OFAC SDN", "1")],
)
LISTS = SanctionsList(
    entities=[ENTITY],
    metadata=ListMetadata(
        publisher="OFAC",
        name="SDN",
        files=[SourceFile("sdn.csv", "ab" * 32, 10, published="2025-01-02")],
    ),
)
MATCH = Match(ENTITY, 0.91234, "KIM, Jong Un", "kim jong un", Explanation("a", "b", 0.91234))
QUERY = {"query": "Kim Jong Un", "schema": None, "birth_date": None, "country": "KP"}


def write(fmt: str) -> str:
    stream = io.StringIO()
    writer = Writer(stream, fmt, header("lookup", LISTS, 0.7), LOOKUP_COLUMNS)
    writer.begin()
    writer.add(*lookup_result(QUERY, [MATCH], 0.7))
    writer.end({"queries": 1, "hits": 1})
    return stream.getvalue()


def test_json_has_header_provenance_result_and_summary() -> None:
    """json is one object: versions and list files, then the results, then the summary."""
    doc = json.loads(write("json"))
    assert doc["output_version"] == 1 and doc["sanctionmatch_version"] == __version__
    assert doc["lists"]["files"][0]["sha256"] == "ab" * 32
    (result,) = doc["results"]
    assert result["hit"] is True and result["country"] == "KP"
    assert result["matches"][0]["score"] == 0.9123
    assert result["matches"][0]["sources"] == [{"list": "OFAC SDN", "id": "1"}]
    assert doc["summary"] == {"queries": 1, "hits": 1}


def test_csv_repeats_provenance_on_every_row() -> None:
    """csv has one row per match, ending in the list files, their sha256 and our version."""
    header_row, row = list(csv.reader(io.StringIO(write("csv"))))
    assert header_row == [*LOOKUP_COLUMNS, *PROVENANCE_COLUMNS]
    cells = dict(zip(header_row, row, strict=True))
    assert cells["query"] == "Kim Jong Un" and cells["score"] == "0.9123"
    assert cells["sources"] == "OFAC SDN:1" and cells["list_files"] == "sdn.csv"
    assert cells["list_sha256"] == "ab" * 32 and cells["list_published"] == "2025-01-02"
    assert cells["sanctionmatch_version"] == __version__
