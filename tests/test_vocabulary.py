"""Tests for sanctionmatch.vocabulary: the list words scanning looks for in text."""

from __future__ import annotations

import pytest

from sanctionmatch.matcher import Matcher
from sanctionmatch.model import Entity
from sanctionmatch.vocabulary import Vocabulary, vocabulary_of
from sanctionmatch.words import split_words


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    names = ["PUTIN, Vladimir", "ZAKHAROVA, Maria", "Anna PUTINOVA", "SHOIGU, Sergej"]
    return vocabulary_of(Matcher([Entity(id="e", schema="Person", names=names)]))


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("Putinem", "putin"),  # Czech, Polish instrumental
        ("Путиным", "putin"),  # Russian instrumental
        ("Putinovi", "putin"),  # Czech dative
        ("Zakharovoi", "zakharova"),  # a woman's instrumental: the nominative adds -a
        ("Putinova", None),  # a list word itself (Anna PUTINOVA) is read as written
        ("Problémem", None),  # what is left is no list word
        ("Putem", None),  # too short a stem to say
        ("Putina", "putin"),  # genitive
        ("Путину", "putin"),  # dative
        ("Siergiejem", "sergej"),  # Polish instrumental of Siergiej, read as Russian
    ],
)
def test_base_of_a_declined_word(vocabulary: Vocabulary, word: str, base: str | None) -> None:
    assert vocabulary.base_of(split_words(word)[0]) == base
