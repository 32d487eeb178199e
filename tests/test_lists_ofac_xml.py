"""Tests for the OFAC enhanced XML loader (real excerpt of CONS_ENHANCED)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from sanctionmatch.lists import detect_format, load_list

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
ZIP = FIXTURES / "ofac_cons_enhanced.zip"


def test_zip_loads() -> None:
    """The .zip is read directly; the publication date is dataAsOf."""
    loaded = load_list(ZIP)
    assert detect_format(ZIP) == "ofac_xml"
    assert loaded.metadata.published == "2025-01-10"
    assert loaded.metadata.name == "OFAC Consolidated List"
    assert len(loaded) == 23


def test_xml_and_zip_agree(tmp_path: Path) -> None:
    """The unzipped XML gives the same entities as the zip."""
    with zipfile.ZipFile(ZIP) as archive:
        archive.extractall(tmp_path)
    xml = tmp_path / "CONS_ENHANCED.XML"
    assert detect_format(xml) == "ofac_xml"
    assert list(load_list(xml)) == list(load_list(ZIP))


def test_entity_details() -> None:
    """Names, birth dates, programs and non-Latin translations are read."""
    by_id = {e.id: e for e in load_list(ZIP)}
    shanti = by_id["ofac-9641"]
    assert shanti.names[0].value == "AL-SHANTI, Jamileh Abdullah"
    assert shanti.birth_dates == ("1955",)
    assert shanti.birth_places == ("Jabalia Camp",)
    assert shanti.programs == ("NS-PLC",)
    assert shanti.sources[0].list == "OFAC Consolidated"
    langs = {n.lang for e in by_id.values() for n in e.names}
    assert "Cyrl" in langs
