"""Tests for the bundled sample list and its seed-article names."""

from __future__ import annotations

import csv
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

from sanctionmatch.lists import load_sample
from sanctionmatch.model import Entity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def sample() -> dict[str, Entity]:
    return {e.id: e for e in load_sample()}


def test_size_and_spread(sample: dict[str, Entity]) -> None:
    """Over a thousand entries across schemas, lists, programmes and scripts, under 2 MB."""
    size = files("sanctionmatch").joinpath("data", "sample.jsonl.gz").read_bytes()
    assert len(size) < 2_000_000
    assert len(sample) >= 1_000
    schemas = Counter(e.schema for e in sample.values())
    assert {"Person", "Organization", "Vessel", "Aircraft"} <= set(schemas)
    lists = {ref.list for e in sample.values() for ref in e.sources}
    assert lists == {"OFAC SDN", "OFAC Consolidated", "UN SC", "EU", "UK"}
    programs = {p for e in sample.values() for p in e.programs}
    assert {"RUSSIA-EO14024", "DPRK", "SDGT"} <= programs
    assert any(p.startswith("IRAN") for p in programs)
    names = [n.value for e in sample.values() for n in e.names]
    for first, last in (("\u0400", "\u04ff"), ("\u0600", "\u06ff"), ("\u0370", "\u03ff")):
        assert any(any(first <= ch <= last for ch in name) for name in names), (first, last)


def test_metadata() -> None:
    """The sample names its source files with their hashes."""
    meta = load_sample().metadata
    assert len(meta.files) >= 10
    assert all(len(f.sha256) == 64 for f in meta.files)
    assert sum(meta.counts.values()) == len(load_sample())


def test_putin_is_merged_with_provenance(sample: dict[str, Entity]) -> None:
    """One Putin entity carries the OFAC, EU and UK names, each with its source."""
    putin = sample["ofac-35096"]
    assert {(s.list, s.id) for s in putin.sources} == {
        ("OFAC SDN", "35096"),
        ("EU", "135909"),
        ("UK", "RUS0251"),
    }
    sources = {n.value: n.source for n in putin.names}
    assert sources["PUTIN, Vladimir Vladimirovich"] == "OFAC SDN"
    assert sources["Влади́мир Влади́мирович ПУ́ТИН"] == "EU"
    assert sources["Vladimir Putin"] == "UK"


def test_relatives_and_lookalikes(sample: dict[str, Entity]) -> None:
    """Relatives and namesakes of the article subjects are in the sample too."""
    refs = {(r.list, r.id) for e in sample.values() for r in e.sources}
    for ref in (
        ("OFAC SDN", "38656"),  # SHOIGU, Irina Aleksandrovna
        ("OFAC SDN", "38657"),  # SHOIGU, Yuliya Sergeyevna
        ("OFAC SDN", "38658"),  # SHOIGU, Kseniya Sergeyevna
        ("OFAC SDN", "37347"),  # NECHAEV, Alexey Gennadievich
        ("EU", "140447"),  # GRIGOROV, Stepan Viktorovich
        ("UN SC", "KPi.066"),  # KIM JONG SIK
        ("UK", "RUS1424"),  # PUTIN Igor Alexandrovich
    ):
        assert ref in refs


SEEDS = list(csv.DictReader((FIXTURES / "seed_names.csv").open(encoding="utf-8")))


@pytest.mark.parametrize(
    "row", SEEDS, ids=lambda r: f"{r['article_file'][:3]}:{r['name_in_article']}"
)
def test_seed_names(row: dict[str, str], sample: dict[str, Entity]) -> None:
    """Every listed name of the seed articles has its entities in the sample."""
    ids = row["entity_ids"].split()
    assert (row["listed"] == "yes") == bool(ids)
    for entity_id in ids:
        assert entity_id in sample
