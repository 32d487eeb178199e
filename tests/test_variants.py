"""Tests for sanctionmatch.variants: spelling variants and nicknames of names."""

from __future__ import annotations

import pytest

from sanctionmatch.comparable import comparable_form
from sanctionmatch.tables import read_table
from sanctionmatch.variants import are_nicknames, are_variants


def _nicknames(a: str, b: str) -> bool:
    return are_nicknames(comparable_form(a), comparable_form(b))


@pytest.mark.parametrize(
    ("nickname", "full"), [("ned", "edmund"), ("bob", "robert"), ("peggy", "margaret")]
)
def test_a_nickname_pairs_with_its_full_name(nickname: str, full: str) -> None:
    """A nickname and its full name are paired, whichever side each is on."""
    assert _nicknames(nickname, full)
    assert _nicknames(full, nickname)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("edmund", "edward"),  # two names that share the nickname Ned
        ("peggy", "maggie"),  # two nicknames of one name
        ("al", "albert"),  # too short to say which name it is
        ("ali", "alistair"),  # a common list name of its own
        ("bob", "roberta"),
    ],
)
def test_other_pairs_are_not_nicknames(a: str, b: str) -> None:
    """Only a nickname and its own full name are paired."""
    assert not _nicknames(a, b)


def test_spelling_variants_meet() -> None:
    """Spellings of one name in the variant table meet."""
    assert are_variants(comparable_form("vladimir"), comparable_form("volodymyr"))


def test_nickname_table_is_normalized() -> None:
    """Full names are sorted and unique; every name is lower-case ASCII letters."""
    rows = list(read_table("nicknames.tsv", columns=2))
    fulls = [full for full, _ in rows]
    assert fulls == sorted(set(fulls))
    for full, nicknames in rows:
        for name in [full, *nicknames.split()]:
            assert name.isascii() and name.isalpha() and name.islower(), name
        assert nicknames.split() == sorted(set(nicknames.split())), full


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ryhoravich", "grigorievich"),  # Belarusian and Russian, of Ryhor and Grigory
        ("grigorjevitj", "hryhorovych"),  # Swedish and Ukrainian
        ("siarheevich", "sergeevich"),
        ("leanidauna", "leonidovna"),  # the Belarusian feminine -auna
        ("uladzimiravich", "vladimirovich"),
    ],
)
def test_patronymics_of_variant_names_are_variants(a: str, b: str) -> None:
    """Patronymics made from spellings of one given name are spellings of one patronymic."""
    assert are_variants(comparable_form(a), comparable_form(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ryhoravich", "grigory"),  # a patronymic is not the given name it is made from
        ("ivanovich", "petrovich"),
        ("igorevich", "grigorievich"),
        ("andreevich", "andreevna"),  # a son's and a daughter's
        ("andrijevic", "andreyevna"),  # a South Slavic surname made so, and a daughter's
    ],
)
def test_other_patronymics_are_not_variants(a: str, b: str) -> None:
    assert not are_variants(comparable_form(a), comparable_form(b))
