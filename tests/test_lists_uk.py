"""Tests for the UK Sanctions List loaders: FCDO CSV/ODS (both layouts) and covyr files."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sanctionmatch.lists import detect_format, load_list
from sanctionmatch.model import AKA, PRIMARY, WEAK

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"


def test_summary_csv() -> None:
    """The 8-column export loads primary names, regimes, types and designation dates."""
    with pytest.warns(UserWarning, match="1 record"):
        loaded = load_list(FIXTURES / "uk_fcdo_summary.csv")
    by_id = {e.id: e for e in loaded}
    shoigu = by_id["uk-RUS0689"]
    assert shoigu.names[0].value == "SHOIGU Sergei Kuzhugetovich"
    assert shoigu.programs == ("Russia",)
    assert shoigu.listed_on == "2022-03-15"
    assert by_id["uk-RUS1090"].schema == "Organization"
    assert any(e.schema == "Vessel" for e in loaded)


def test_blank_name_is_reported_not_dropped(caplog: pytest.LogCaptureFixture) -> None:
    """The export leaves BEL0174's name blank: the entry is left out and reported."""
    with caplog.at_level(logging.WARNING), pytest.warns(UserWarning):
        loaded = load_list(FIXTURES / "uk_fcdo_summary.csv")
    assert loaded.metadata.skipped == 1
    where, reason = loaded.metadata.problems[0]
    assert "BEL0174" in where and "'Name'" in where
    assert reason == "no name in this export"
    assert "BEL0174" in caplog.text


def test_ods_matches_csv() -> None:
    """The ODS (parsed with the standard library) gives the same entries as the CSV."""
    assert detect_format(FIXTURES / "uk_fcdo_summary.ods") == "uk_csv"
    with pytest.warns(UserWarning):
        ods = {e.id: e for e in load_list(FIXTURES / "uk_fcdo_summary.ods")}
        csv = {e.id: e for e in load_list(FIXTURES / "uk_fcdo_summary.csv")}
    assert len(ods) == 30
    for uid, entity in ods.items():
        assert csv[uid] == entity


def test_full_layout() -> None:
    """The full layout: one row per name, grouped by Unique ID, with the Report Date."""
    loaded = load_list(FIXTURES / "uk_full_layout.csv")
    assert loaded.metadata.published == "2026-04-29"
    by_id = {e.id: e for e in loaded}
    shoigu = by_id["uk-RUS0689"]
    assert [(n.value, n.kind) for n in shoigu.names] == [
        ("Sergei Kuzhugetovich SHOIGU", PRIMARY),
        ("Сергей Кужугетович ШОЙГУ", AKA),
        ("Sergey SHOIGU", AKA),
    ]
    assert shoigu.birth_dates == ("1955-05-21",)
    assert shoigu.titles == ("Minister of Defence of the Russian Federation",)
    kim = by_id["uk-DPR0041"]
    assert kim.birth_dates == ("1969-12-25", "1963-01-27")
    assert kim.names[1].kind == WEAK  # Alias strength: Low quality
    assert by_id["uk-DPR0075"].schema == "Vessel"


def test_covyr_files() -> None:
    """The normalised three-file copy loads from its directory or any of its files."""
    by_dir = load_list(FIXTURES / "uk_covyr")
    assert list(by_dir) == list(load_list(FIXTURES / "uk_covyr" / "subject_names.csv"))
    wagner = next(e for e in by_dir if e.id == "uk-RUS1090")
    assert {n.value for n in wagner.names} >= {"Wagner Group", "PMC Wagner", "ChVK Vagner"}
    kim = next(e for e in by_dir if e.id == "uk-DPR0041")
    assert kim.birth_dates == ("1969-12-25", "1963-01-27")
