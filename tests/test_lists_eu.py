"""Tests for the EU loaders: the FSF XML (v1.1) and the third-party JSON extract."""

from __future__ import annotations

from pathlib import Path

from sanctionmatch.lists import detect_format, load_list
from sanctionmatch.model import AKA, PRIMARY, WEAK

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"


def test_json_extract() -> None:
    """The JSON extract keeps Cyrillic, Greek and Latin names of one entry together."""
    path = FIXTURES / "eu_sanctions_excerpt.json"
    assert detect_format(path) == "eu_json"
    loaded = load_list(path)
    assert loaded.metadata.published == "2025-04-15"
    shoigu = next(e for e in loaded if e.id == "eu-135219")
    assert shoigu.names[0] == shoigu.names[0].__class__("Сергей Кужугетович ШОЙГУ", source="EU")
    assert "Sergei Kuzhugetovich SHOIGU" in [n.value for n in shoigu.names]
    assert shoigu.birth_dates == ("1955-05-21",)
    assert shoigu.sources[0].id == "135219"


def test_fsf_xml() -> None:
    """FSF XML: names with their language, programme, citizenship and birth date."""
    path = FIXTURES / "eu_fsf.xml"
    assert detect_format(path) == "eu_xml"
    loaded = load_list(path)
    assert loaded.metadata.published == "2025-04-15"
    by_id = {e.id: e for e in loaded}
    putin = by_id["eu-135909"]
    assert [(n.value, n.kind, n.lang) for n in putin.names][:2] == [
        ("Vladimir Vladimirovich PUTIN", PRIMARY, None),
        ("Влади́мир Влади́мирович ПУ́ТИН", AKA, "ru"),
    ]
    assert putin.programs == ("UKR",)
    assert putin.birth_dates == ("1952-10-07",)
    assert putin.nationalities == ("RUSSIAN FEDERATION",)
    assert putin.gender == "Male"
    assert putin.titles == ("President of the Russian Federation",)
    wagner = by_id["eu-154669"]
    assert wagner.schema == "Organization"
    assert ("Wagnercentrum", WEAK) in [(n.value, n.kind) for n in wagner.names]
