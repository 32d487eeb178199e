"""Tests for the UN Security Council consolidated.xml loader (real excerpt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionmatch.lists import load_list
from sanctionmatch.model import AKA, PRIMARY, WEAK, Entity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"


@pytest.fixture(scope="module")
def un() -> dict[str, Entity]:
    return {e.id: e for e in load_list(FIXTURES / "un_consolidated.xml")}


def test_metadata() -> None:
    """The publication date comes from the root's dateGenerated."""
    meta = load_list(FIXTURES / "un_consolidated.xml").metadata
    assert meta.published == "2026-02-27"
    assert meta.publisher == "United Nations Security Council"
    assert meta.counts == {"Organization": 5, "Person": 12}


def test_between_dates_and_aliases(un: dict[str, Entity]) -> None:
    """A BETWEEN birth date becomes each year; a Good alias is an a.k.a."""
    kim = un["un-KPi.066"]
    assert kim.birth_dates == ("1967", "1968", "1969")
    assert [(n.value, n.kind) for n in kim.names] == [
        ("KIM JONG SIK", PRIMARY),
        ("Kim Cho’ng-sik", AKA),
    ]
    assert kim.programs == ("DPRK",)
    assert kim.listed_on == "2017-12-22"
    assert kim.sources[0].list == "UN SC"


def test_original_script_and_low_quality(un: dict[str, Entity]) -> None:
    """NAME_ORIGINAL_SCRIPT is kept with its script; Low quality aliases are weak."""
    scripts = {n.lang for e in un.values() for n in e.names if n.lang}
    assert {"Arab", "Cyrl"} <= scripts
    assert any(n.kind == WEAK for e in un.values() for n in e.names)


def test_approximate_date_keeps_the_year(un: dict[str, Entity]) -> None:
    """An APPROXIMATELY date is only trusted to its year."""
    assert all(len(d) in (4, 7, 10) for e in un.values() for d in e.birth_dates)
    assert any(e.birth_dates and len(e.birth_dates[0]) == 4 for e in un.values())


def test_entities_and_documents(un: dict[str, Entity]) -> None:
    """ENTITY records are organisations; documents become identifiers."""
    assert un["un-KPe.054"].schema == "Organization"
    assert any(e.identifiers for e in un.values() if e.schema == "Person")
