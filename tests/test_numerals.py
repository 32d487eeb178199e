"""Tests for sanctionmatch.numerals: number words and ordinals read as digits."""

from __future__ import annotations

import pytest

from sanctionmatch.numerals import number_value, read_numbers


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["division", "twenty", "seven"], ["division", "27"]),
        (["division", "twenty", "7"], ["division", "27"]),
        (["fourty", "two"], ["42"]),
        (["third", "regiment"], ["3", "regiment"]),
        (["3rd", "regiment"], ["3", "regiment"]),
        (["twenty", "first", "century"], ["21", "century"]),
        (["quarante", "deux"], ["42"]),
        (["sieben", "zwerge"], ["7", "zwerge"]),
        (["tres", "rios"], ["3", "rios"]),
        (["seven", "twenty"], ["7", "20"]),
        (["twenty", "thirty"], ["20", "30"]),
    ],
    ids=str,
)
def test_number_words_become_digits(words: list[str], expected: list[str]) -> None:
    """Cardinals, ordinals and tens-units compounds are read as one number each."""
    assert read_numbers(words) == expected


def test_digits_stay_as_written() -> None:
    """Plain digits are not rewritten: "007" stays apart from "7"."""
    assert read_numbers(["agent", "007"]) == ["agent", "007"]


@pytest.mark.parametrize("word", ["forth", "un", "elf", "once", "premier", "firsts", "st"])
def test_other_words_are_not_numbers(word: str) -> None:
    """Look-alikes and words left out of the table for their other meanings stay words."""
    assert number_value(word) is None
    assert read_numbers([word]) == [word]
