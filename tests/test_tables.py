"""Hygiene of the rule tables shipped as package data: sorted, unique, normalized."""

from __future__ import annotations

import re

import pytest

from sanctionmatch import normalize_name
from sanctionmatch.comparable import comparable_form, russian_reading
from sanctionmatch.tables import read_table

WORD_LISTS = [
    "titles.tsv",
    "particles.tsv",
    "org_words.tsv",
    "legal_forms.tsv",
    "common_words.tsv",
    "number_words.tsv",
    "ordinary_names.tsv",
]


@pytest.mark.parametrize(
    "name",
    [
        *WORD_LISTS,
        "confusables.tsv",
        "token_counts.tsv",
        "korean_syllables.tsv",
        "korean_cyrillic.tsv",
        "east_slavic_names.tsv",
        "abbreviated_names.tsv",
        "family_syllables.tsv",
    ],
)
def test_keyed_tables_are_sorted_and_unique(name: str) -> None:
    """Keyed tables list each key once, in sorted order."""
    keys = [row[0] for row in read_table(name, columns=1)]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_tables_are_already_normalized(name: str) -> None:
    """Entries are written as the normalizer writes them, so lookups cannot miss."""
    for (key,) in read_table(name, columns=1):
        assert normalize_name(key) == key, key


def test_comparable_rules_compile_and_are_unique() -> None:
    """Each cross-convention rule is a valid pattern, listed once."""
    patterns = [p for p, _ in read_table("comparable.tsv", columns=2)]
    assert len(patterns) == len(set(patterns))
    for pattern in patterns:
        re.compile(pattern)


def test_comparable_rules_show_their_examples() -> None:
    """Every rule's example pair ("A ~ B") meets in the comparable form."""
    for pattern, _, _, example in read_table("comparable.tsv", columns=4):
        first = example.split(";")[0]
        if "~" not in first or "(" in first:
            continue
        a, b = (w.strip().lower() for w in first.split("~"))
        forms = {comparable_form(normalize_name(w)) for w in (a, b)}
        assert len(forms) == 1, (pattern, example, forms)


def test_russian_readings_compile_and_show_their_examples() -> None:
    """Every reading rule is a valid pattern, listed once, and reads its examples."""
    rows = list(read_table("russian_readings.tsv", columns=4))
    assert len({pattern for pattern, *_ in rows}) == len(rows)
    for pattern, _, _, example in rows:
        re.compile(pattern)
        for pair in example.split(";"):
            read, russian = (normalize_name(w.strip()) for w in pair.split("~"))
            forms = {comparable_form(russian_reading(read)), comparable_form(russian)}
            assert len(forms) == 1, (pattern, pair, forms)


def test_variant_groups_are_sorted_unique_comparable_forms() -> None:
    """Each variant group lists distinct comparable forms in sorted order."""
    groups = [line.split() for (line,) in read_table("name_variants.tsv", columns=1)]
    assert groups
    for group in groups:
        assert group == sorted(set(group)), group
        assert len(group) >= 2


def test_org_translations_are_sorted_unique_and_normalized() -> None:
    """Concepts are listed once, in order; each lists distinct normalized words, sorted."""
    rows = list(read_table("org_translations.tsv", columns=4))
    concepts = [concept for concept, _, _, _ in rows]
    assert concepts == sorted(set(concepts))
    for concept, cls, words, languages in rows:
        assert cls in {"generic", "specific"}, concept
        forms = words.split(" ")
        assert forms == sorted(set(forms)), concept
        assert len(forms) >= 2 and languages, concept
        for word in forms:
            assert normalize_name(word) == word, (concept, word)
