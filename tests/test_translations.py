"""Tests for sanctionmatch.translations: generic organisation words across languages."""

from __future__ import annotations

import pytest

from sanctionmatch import compare, explain
from sanctionmatch.comparable import comparable_form
from sanctionmatch.names import GENERIC, NAME, tokenize_name
from sanctionmatch.translations import are_translations, is_generic_word, translation_groups


def _translations(a: str, b: str) -> bool:
    return are_translations(comparable_form(a), comparable_form(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("bendrove", "company"),  # Lithuanian
        ("naftos", "petroleum"),  # Lithuanian genitive
        ("grapheio", "office"),  # Greek, as the tokenizer latinizes it
        ("zavod", "plant"),  # Russian
        ("gyar", "factory"),  # Hungarian
        ("brigaad", "brigade"),  # Estonian
        ("jednotka", "unit"),  # Czech, Slovak
        ("dvizhenie", "mouvement"),  # Russian, French
    ],
)
def test_translations_of_one_concept_pair(a: str, b: str) -> None:
    """Two words for one concept are translations, whichever side each is on."""
    assert _translations(a, b)
    assert _translations(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("naftos", "trading"), ("bank", "plant"), ("brigade", "battalion"), ("gaz", "oil")],
)
def test_words_of_two_concepts_do_not_pair(a: str, b: str) -> None:
    """Generic words of different concepts are not translations of each other."""
    assert not _translations(a, b)


def test_an_unknown_word_has_no_concept() -> None:
    """A word the table does not list belongs to no concept."""
    assert translation_groups(comparable_form("putin")) == frozenset()
    assert not _translations("putin", "putin")


def test_translations_pair_in_organisation_names() -> None:
    """In an organisation's name, a translated generic word pairs as a translation."""
    explanation = explain("Dijla naftos bendrovė", "Dijla Petroleum Company", schema="Organization")
    assert [p.form for p in explanation.pairs].count("translation") == 2


def test_translations_do_not_touch_person_names() -> None:
    """Person names never pair by translation: "Zavod" and "Plant" stay two surnames."""
    explanation = explain("Anna Zavod", "Anna Plant", schema="Person")
    assert all(p.form != "translation" for p in explanation.pairs)
    assert compare("Anna Zavod", "Anna Plant", schema="Person") < 0.72


def test_generic_concepts_make_generic_words() -> None:
    """A word for a kind of body is generic; a word that tells bodies apart is not."""
    assert is_generic_word("bendrove")
    assert is_generic_word("tarsasag")
    assert not is_generic_word("naftos")  # oil: a business, not a kind of body
    assert not is_generic_word("brigada")  # a brigade is not a battalion


def test_a_generic_translation_weighs_little_in_organisation_names_only() -> None:
    """In an organisation's name "bendrovė" is generic; in a person's it is a name."""
    org = tokenize_name("Dijla naftos bendrovė", "Organization")
    assert [t.role for t in org.tokens] == [NAME, NAME, GENERIC]
    assert tokenize_name("Jonas Bendrove", "Person").tokens[1].role == NAME


def test_a_generic_translation_reads_as_an_organisation() -> None:
    """Without a schema, a name with a foreign word for company is an organisation's."""
    assert tokenize_name("Spoločnosť Poisk-IT").schema == "Organization"


def test_management_in_russian_transliteration_and_the_eu_languages() -> None:
    """A management company is one in any language: menedzhment, upravliaiushchaia, valdymo."""
    assert are_translations(comparable_form("menedzhment"), comparable_form("management"))
    assert are_translations(comparable_form("upravlyayushchaya"), comparable_form("managing"))
    assert are_translations(comparable_form("valdymo"), comparable_form("verwaltung"))
    assert not are_translations(comparable_form("menedzhment"), comparable_form("trading"))


def test_turkish_company_makes_an_organisation() -> None:
    """Turkish "şirketi" is "company": "... Anonim Şirketi" names an organisation, schema or not."""
    assert is_generic_word("sirketi")
    assert tokenize_name("TICARET ANONIM SIRKETI AKTAU").schema == "Organization"


def test_regional_in_the_eu_languages() -> None:
    """Regional is "piirkondlik", "regionální", "alueelliset": one concept, still specific."""
    assert are_translations(comparable_form("piirkondlik"), comparable_form("regionalni"))
    assert are_translations(comparable_form("alueelliset"), comparable_form("regional"))
    assert not is_generic_word("regioninis")
