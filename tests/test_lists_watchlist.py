"""Tests for the user's own watchlist format (CSV and JSON lines)."""

from __future__ import annotations

from pathlib import Path

from sanctionmatch.lists import detect_format, load_list
from sanctionmatch.model import AKA, WEAK, Identifier

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"


def test_csv() -> None:
    """CSV: ;-separated lists, TYPE:VALUE identifiers, schema per row."""
    path = FIXTURES / "watchlist.csv"
    assert detect_format(path) == "watchlist"
    by_id = {e.id: e for e in load_list(path)}
    jane = by_id["wl-001"]
    assert [(n.value, n.kind) for n in jane.names][1:] == [
        ("J. Example", AKA),
        ("Jane Q. Example", AKA),
    ]
    assert jane.birth_dates == ("1970-03-01",)
    assert jane.identifiers == (Identifier("Passport", "X0000001"),)
    assert by_id["wl-002"].names[-1].kind == WEAK
    assert by_id["wl-003"].schema == "Vessel"


def test_jsonl() -> None:
    """JSON lines: lists or ;-strings, Person by default."""
    path = FIXTURES / "watchlist.jsonl"
    assert detect_format(path) == "watchlist"
    by_id = {e.id: e for e in load_list(path)}
    assert by_id["wl-101"].schema == "Person"
    assert by_id["wl-101"].birth_dates == ("1965",)
    assert [n.value for n in by_id["wl-102"].names] == [
        "Примерная Компания",
        "Primernaya Kompaniya",
        "Example Company",
    ]
    assert by_id["wl-102"].identifiers == (Identifier("Tax ID No.", "0000000000"),)
