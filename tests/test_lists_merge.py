"""Tests for merging the entries of several lists."""

from __future__ import annotations

from sanctionmatch.lists import merge_entities
from sanctionmatch.lists.merge import merge_key
from sanctionmatch.model import Entity, Identifier, Name, SourceRef


def person(list_name: str, uid: str, name: str, *dates: str) -> Entity:
    return Entity(
        id=f"{list_name}-{uid}",
        schema="Person",
        names=[Name(name, source=list_name)],
        birth_dates=dates,
        sources=[SourceRef(list_name, uid)],
    )


def test_merge_key_ignores_script_case_and_order() -> None:
    """The loose key transliterates, drops punctuation and sorts the words."""
    assert merge_key("SHOIGU, Sergei") == merge_key("Сергей Шойгу") == "sergei shoigu"


def test_same_name_and_compatible_date_merge() -> None:
    """Same name and a compatible birth date: one entity with both sources and names."""
    merged = merge_entities(
        [
            person("OFAC SDN", "1", "SHOIGU, Sergei", "1955-05-21"),
            person("EU", "2", "Sergei Shoigu", "1955"),
        ]
    )
    assert len(merged) == 1
    assert merged[0].id == "OFAC SDN-1"
    assert [n.source for n in merged[0].names] == ["OFAC SDN", "EU"]


def test_conflicting_dates_do_not_merge() -> None:
    """Namesakes born on different dates stay apart."""
    merged = merge_entities(
        [person("OFAC SDN", "1", "KIM Il", "1960"), person("UN SC", "2", "Kim Il", "1971-02-01")]
    )
    assert len(merged) == 2


def test_short_name_without_date_does_not_merge() -> None:
    """A two-word name with no date on one side is too weak to merge on."""
    merged = merge_entities(
        [
            person("OFAC SDN", "1", "MKRTYCHEV, Ashot", "1966-05-07"),
            person("UK", "2", "MKRTYCHEV Ashot"),
        ]
    )
    assert len(merged) == 2


def test_same_list_never_merges() -> None:
    """Two entries of one list are two designations, however alike."""
    merged = merge_entities(
        [person("UK", "1", "PESKOV Dmitry"), person("UK", "2", "PESKOV Dmitry")]
    )
    assert len(merged) == 2


def test_un_cross_reference() -> None:
    """A national entry citing a UN reference number joins that UN entry."""
    un = person("UN SC", "KPi.066", "KIM JONG SIK")
    eu = Entity(
        id="eu-1",
        schema="Person",
        names=["Kim Cho'ng-sik"],
        identifiers=[Identifier("UN Reference Number", "KPi.066")],
        sources=[SourceRef("EU", "1")],
    )
    merged = merge_entities([eu, un])
    assert len(merged) == 1 and merged[0].id == "UN SC-KPi.066"
