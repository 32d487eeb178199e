"""Tests for sanctionmatch.korean: Korean names written in Cyrillic."""

from __future__ import annotations

import re

import pytest

from sanctionmatch import compare
from sanctionmatch.korean import korean_reading
from sanctionmatch.tables import read_table
from sanctionmatch.text import other_readings


def test_table_shows_its_examples() -> None:
    """Each example name ("Ким Чен Ын (Kim Jong Un)") reads as its romanization."""
    examples = [e for *_, e in read_table("korean_cyrillic.tsv", columns=5) if e]
    assert examples
    for example in examples:
        found = re.fullmatch(r"(.+) \((.+)\)", example)
        assert found is not None, example
        assert korean_reading(found[1]) == found[2], example


def test_table_kinds_and_spellings() -> None:
    """Each syllable is a family or a given name and spelled in lower-case Latin letters."""
    for cyrillic, latin, kind in read_table("korean_cyrillic.tsv", columns=3):
        assert kind in ("family", "given"), cyrillic
        assert re.fullmatch("[a-z]+", latin), cyrillic
        assert cyrillic == cyrillic.lower()


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Ким Чен Ын", "KIM, Jong Un"),
        ("Ким Чен-Ын", "KIM Jong Un"),
        ("КИМ ЧЕН ЫН", "KIM Jong Un"),
        ("Ким Ё Чжон", "KIM Yo Jong"),
        ("Чхве Рён Хэ", "CHOE Ryong Hae"),
        ("Ли Пён Чхоль", "RI Pyong Chol"),
    ],
    ids=str,
)
def test_korean_names_in_cyrillic_meet_the_lists(name: str, listed: str) -> None:
    """Read as the lists romanize them, the names meet their listed spelling."""
    assert compare(name, listed) >= 0.9
    assert compare(name, "KIM Won Hong") < 0.72  # another person of the same family


@pytest.mark.parametrize(
    "name",
    [
        "Сергей Шойгу",  # Russian
        "Ким",  # a family name alone
        "Чен Ын",  # no family name
        "Ким Чен Ын Петрович",  # a word that is no Korean syllable
        "Ким Ким Ким Ким Ким",  # too many syllables
        "Kim Jong Un",  # not Cyrillic
    ],
)
def test_other_names_have_no_korean_reading(name: str) -> None:
    """Only a name made of two to four Korean syllables, one a family name, reads so."""
    assert korean_reading(name) is None


def test_the_reading_is_one_of_the_other_readings() -> None:
    """Screening tries the reading as well as the name as written."""
    assert "Kim Jong Un" in other_readings("Ким Чен Ын")
