"""Tests for sanctionmatch.abjad: names in text of Arabic or Hebrew script."""

from __future__ import annotations

from sanctionmatch import Entity, Matcher, sample_matcher
from sanctionmatch.abjad import by_three_consonants, pair_consonants
from sanctionmatch.vocabulary import vocabulary_of
from sanctionmatch.words import split_words


def _paired(text: str, matcher: Matcher) -> list[str]:
    words = pair_consonants(split_words(text), matcher, vocabulary_of(matcher))
    return [w.surface for w in words if w.paired]


def test_two_words_of_one_list_name_are_paired() -> None:
    """Putin's two names are marked; the words around them, on their own, are not."""
    paired = _paired("التقى الرئيس الروسي فلاديمير بوتين يوم الثلاثاء", sample_matcher())
    assert {"فلاديمير", "بوتين"} <= set(paired)
    assert "الثلاثاء" not in paired


def test_a_word_of_one_consonant_goes_on_a_pair() -> None:
    """أون (the Un of Kim Jong Un) has one consonant: it joins the pair before it."""
    assert _paired("الزعيم كيم جونغ أون في", sample_matcher())[-3:] == ["كيم", "جونغ", "أون"]


def test_two_words_one_list_word_writes_together_are_paired() -> None:
    """نصر الله is Nasrallah: run together, its consonants are the list word's."""
    matcher = Matcher([Entity(id="n", schema="Person", names=["NASRALLAH, Hasan"])])
    assert _paired("قال حسن نصر الله أمس", matcher) == ["حسن", "نصر", "الله"]


def test_latin_words_are_never_paired() -> None:
    """Pairing is for scripts without capitals: Latin text keeps its own rules."""
    assert _paired("Vladimir Putin met Kim Jong Un", sample_matcher()) == []


def test_a_match_needs_a_word_of_three_consonants() -> None:
    """أعلن وزير ("announced, minister") meets Elena Zhirova by two consonants a word."""
    matcher = Matcher([Entity(id="z", schema="Person", names=["ZHIROVA, Elena"])])
    weak = matcher.match("أعلن وزير", threshold=0)
    assert weak and not by_three_consonants(weak[0])
    strong = sample_matcher().match("فلاديمير بوتين")
    assert strong and by_three_consonants(strong[0])
