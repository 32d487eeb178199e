"""Tests for sanctionmatch.words: running text split into words with offsets."""

from __future__ import annotations

from sanctionmatch.words import split_words


def test_split_words_keeps_offsets() -> None:
    """Words keep offsets into the original text, and hyphen joins are marked."""
    text = "le Sommet Xi-Poutine et Kim Jong-un."
    words = split_words(text)
    assert [(w.surface, w.joined) for w in words] == [
        ("le", False),
        ("Sommet", False),
        ("Xi", False),
        ("Poutine", True),
        ("et", False),
        ("Kim", False),
        ("Jong", False),
        ("un", True),
    ]
    assert all(text[w.start : w.end] == w.surface for w in words)


def test_vowel_signs_and_viramas_stay_inside_words() -> None:
    """Indic and Thai words keep their combining marks (vowel signs, viramas)."""
    assert [w.surface for w in split_words("ममता आचार्य, สิริรัตน์ เกศรา")] == [
        "ममता",
        "आचार्य",
        "สิริรัตน์",
        "เกศรา",
    ]
