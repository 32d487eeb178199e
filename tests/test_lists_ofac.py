"""Tests for the OFAC legacy CSV loader and its Remarks parser (real excerpts)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sanctionmatch.lists import load_list
from sanctionmatch.lists.ofac_remarks import parse_remarks
from sanctionmatch.model import AKA, PRIMARY, WEAK, Entity, Identifier

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
SDN = FIXTURES / "ofac_sdn"


@pytest.fixture(scope="module")
def sdn() -> dict[str, Entity]:
    return {e.id: e for e in load_list(SDN)}


def test_directory_finds_every_file() -> None:
    """A directory load reads sdn.csv and its three side files, each with a sha256."""
    loaded = load_list(SDN)
    names = sorted(f.name for f in loaded.metadata.files)
    assert names == ["add.csv", "alt.csv", "sdn.csv", "sdn_comments.csv"]
    assert all(len(f.sha256) == 64 and f.size > 0 for f in loaded.metadata.files)
    assert loaded.metadata.counts == {"Aircraft": 1, "Organization": 95, "Person": 42, "Vessel": 5}


@pytest.mark.parametrize("name", ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"])
def test_any_file_of_the_set_loads_the_list(name: str) -> None:
    """Passing sdn.csv or one of its side files loads the whole list once."""
    assert len(load_list(SDN / name)) == len(load_list(SDN))


def test_shoigu(sdn: dict[str, Entity]) -> None:
    """The primary name, alt.csv aliases and Remarks facts all land on the entity."""
    e = sdn["ofac-35173"]
    assert [(n.value, n.kind) for n in e.names] == [
        ("SHOIGU, Sergei Kuzhugetovich", PRIMARY),
        ("SHOIGU, Sergey", AKA),
        ("SHOYGU, Sergey Kuzhugetovich", AKA),
    ]
    assert e.birth_dates == ("1955-05-21",)
    assert e.birth_places == ("Chadan, Republic of Tyva, Russia",)
    assert e.gender == "Male"
    assert e.programs == ("RUSSIA-EO14024",)
    assert all(n.source == "OFAC SDN" for n in e.names)


def test_mkrtychev_passports(sdn: dict[str, Entity]) -> None:
    """Passports with country and expiry become identifiers; citizen is a nationality."""
    e = sdn["ofac-41736"]
    assert Identifier("Passport", "BD3843329", "Slovakia") in e.identifiers
    assert e.nationalities == ("Slovakia",)
    assert e.programs == ("DPRK",)


def test_kim_putin_wagner(sdn: dict[str, Entity]) -> None:
    """Titles, multi-programme cells and the '-0-' type (an organisation) are read."""
    assert sdn["ofac-20157"].titles == ("Chairman of the Workers' Party of Korea",)
    assert sdn["ofac-35096"].addresses[0] == "Kremlin, Moscow, Russia"
    wagner = sdn["ofac-22543"]
    assert wagner.schema == "Organization"
    assert wagner.programs == ("TCO", "UKRAINE-EO13660", "CAR", "RUSSIA-EO14024")
    assert "WAGNER GROUP" in [n.value for n in wagner.names]


def test_comments_continue_the_remarks(sdn: dict[str, Entity]) -> None:
    """sdn_comments.csv carries the end of a long Remarks field: its weak aliases count."""
    names = {n.value: n.kind for n in sdn["ofac-27307"].names}
    assert names["WHOIS HACKING TEAM"] == WEAK  # split across sdn.csv and sdn_comments.csv
    assert names["APPLEWORM"] == WEAK


def test_vessels_and_aircraft(sdn: dict[str, Entity]) -> None:
    """Vessel columns and the IMO number in Remarks are kept."""
    ebano = sdn["ofac-4243"]
    assert ebano.schema == "Vessel"
    assert Identifier("IMO", "7406784") in ebano.identifiers
    assert ("Vessel Type", "General Cargo") in ebano.properties
    assert sdn["ofac-15431"].schema == "Aircraft"


def test_consolidated_list() -> None:
    """The cons_* files load as the OFAC Consolidated list."""
    loaded = load_list(FIXTURES / "ofac_cons")
    assert loaded.metadata.name == "OFAC Consolidated"
    e = next(e for e in loaded if e.id == "ofac-9639")
    assert e.names[0].value == "HANIYA, Ismail Abdul Salah"
    assert e.birth_dates == ("1962",)
    assert e.sources[0].list == "OFAC Consolidated"


def test_cp1252_bytes(tmp_path: Path) -> None:
    """A cp1252 byte (as OFAC publishes accented names) decodes instead of failing."""
    for f in SDN.iterdir():
        shutil.copy(f, tmp_path / f.name)
    sdn_csv = tmp_path / "sdn.csv"
    data = sdn_csv.read_bytes().replace(b'"AEROCARIBBEAN AIRLINES"', b'"A\xc9ROCARIBBEAN AIRLINES"')
    sdn_csv.write_bytes(data)
    e = next(e for e in load_list(tmp_path) if e.id == "ofac-36")
    assert e.names[0].value == "AÉROCARIBBEAN AIRLINES"


@pytest.mark.parametrize(
    ("remarks", "dates"),
    [
        ("DOB 21 May 1955.", ("1955-05-21",)),
        ("DOB May 1955.", ("1955-05",)),
        ("DOB circa 1951.", ("1951",)),
        ("DOB 1960 to 1962.", ("1960", "1961", "1962")),
        ("DOB between 1960 and 1961.", ("1960", "1961")),
        ("DOB 01 Jan 1960 to 31 Dec 1961; alt. DOB 1970.", ("1960", "1961", "1970")),
    ],
    ids=str,
)
def test_remarks_dates(remarks: str, dates: tuple[str, ...]) -> None:
    """Full, partial, approximate and ranged birth dates become ISO dates."""
    assert tuple(parse_remarks(remarks).birth_dates) == dates


def test_remarks_fields() -> None:
    """Each labelled part of Remarks lands in its field."""
    facts = parse_remarks(
        "POB Baku, Azerbaijan; nationality Russia; alt. citizen Slovakia; Gender Female; "
        "National ID No. 216040 (Yemen); Tax ID No. 7702070139 (Russia); "
        "Vessel Registration Identification IMO 9187629; MMSI 572469210; "
        "a.k.a. 'THE CHESS PLAYER'; Linked To: HIZBALLAH; Website www.example.org."
    )
    assert facts.birth_places == ["Baku, Azerbaijan"]
    assert facts.nationalities == ["Russia", "Slovakia"]
    assert facts.gender == "Female"
    assert Identifier("National ID No.", "216040", "Yemen") in facts.identifiers
    assert Identifier("Tax ID No.", "7702070139", "Russia") in facts.identifiers
    assert Identifier("IMO", "9187629") in facts.identifiers
    assert Identifier("MMSI", "572469210") in facts.identifiers
    assert [(n.value, n.kind) for n in facts.names] == [("THE CHESS PLAYER", WEAK)]
    assert facts.linked_to == ["HIZBALLAH"]
    assert ("Website", "www.example.org") in facts.properties
