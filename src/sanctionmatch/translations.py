"""Translations of the generic words of organisation names across languages.

The EU publishes an organisation's names in two dozen languages, and any of them may be
the one a query uses: "Dijla naftos bendrovė" (Lithuanian) is "Dijla Petroleum Company",
"Γραφείο 39" (Greek) is "Office 39". No spelling rule turns "bendrovė" into "company".
The table ``data/org_translations.tsv`` lists, per concept (company, plant, brigade,
ministry, ...), its words in the EU languages, Russian, Ukrainian and Belarusian, and common
Arabic and Persian transliterations, latinized as the tokenizer writes them. It is
hand-written from knowledge of the languages and checked against the words of the EU
list's organisation names. Words are compared as comparable forms, like name variants
(:mod:`sanctionmatch.variants`).

A concept of class "generic" says what kind of body a name is (company, group,
institute): its words, as written, are generic words of organisation names, like those of
``data/org_words.tsv``. A "specific" concept tells bodies apart (oil is not trading), so
its words keep a name word's role and only pair with their translations.
"""

from __future__ import annotations

import functools

from sanctionmatch.comparable import comparable_form
from sanctionmatch.tables import read_table
from sanctionmatch.variants import in_one_group, index_groups


@functools.cache
def _concepts() -> dict[str, frozenset[int]]:
    """The numbers of the concepts each comparable form names (a word may name two)."""
    rows = read_table("org_translations.tsv", columns=3)
    return index_groups([comparable_form(word) for word in words.split()] for _, _, words in rows)


def translation_groups(form: str) -> frozenset[int]:
    """The numbers of the concepts a comparable form is a word for (empty if none)."""
    return _concepts().get(form, frozenset())


def are_translations(a: str, b: str) -> bool:
    """Return whether two comparable forms are words for one concept ("naftos", "petroleum")."""
    return in_one_group(_concepts(), a, b)


@functools.cache
def _generic_words() -> frozenset[str]:
    rows = read_table("org_translations.tsv", columns=3)
    return frozenset(word for _, cls, words in rows if cls == "generic" for word in words.split())


def is_generic_word(text: str) -> bool:
    """Return whether a latinized word, as written, names a kind of body ("bendrove")."""
    return text in _generic_words()
