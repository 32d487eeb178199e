"""Tests for sanctionmatch.wade_giles: Wade-Giles names read as pinyin."""

from __future__ import annotations

import re

import pytest

from sanctionmatch import normalize_name
from sanctionmatch.tables import read_table
from sanctionmatch.wade_giles import is_wade_giles, pinyin_syllable, read_wade_giles


def test_rules_show_their_examples() -> None:
    """Every rule compiles, and its examples ("Wade-Giles ~ pinyin") convert."""
    for pattern, _, example in read_table("wade_giles.tsv", columns=3):
        re.compile(pattern)
        for pair in example.split(";"):
            wade_giles, pinyin = (w.strip().lower() for w in pair.split("~"))
            assert pinyin_syllable(wade_giles) == pinyin, (pattern, pair)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("teng hsiao ping", "deng xiao bing"),  # aspiration marks lost: p'ing reads bing
        ("chiang ching kuo", "jiang jing guo"),
        ("li hsien nien", "li xian nian"),
        ("hsieh chang ting", "xie zhang ding"),
    ],
    ids=str,
)
def test_wade_giles_names_become_pinyin(words: str, expected: str) -> None:
    """A name in Wade-Giles is rewritten syllable by syllable."""
    assert " ".join(read_wade_giles(words.split())) == expected


@pytest.mark.parametrize(
    "words",
    [
        "kim chol su",  # Korean: "kim", "chol" are no Chinese syllables
        "han jang su",  # every word a syllable, but none only Wade-Giles writes
        "tsubasa oda",  # Japanese: "tsubasa" is not one syllable
        "chiang kai shek",  # Cantonese "shek": not all Wade-Giles
        "hsiao",  # one word says too little
    ],
)
def test_other_names_stay_as_written(words: str) -> None:
    """Names that are not all Wade-Giles, with a syllable only it writes, are left alone."""
    assert not is_wade_giles(words.split())
    assert read_wade_giles(words.split()) == words.split()


def test_person_names_are_read_as_pinyin() -> None:
    """normalize_name writes a Wade-Giles person name in pinyin, hyphens as spaces."""
    assert normalize_name("Li Hsien-nien") == "li xian nian"
