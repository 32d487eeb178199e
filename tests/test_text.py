"""Tests for sanctionmatch.text: clean-up, confusables, latinization."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sanctionmatch.text import (
    clean_text,
    dequoted_reading,
    digit_reading,
    dominant_script,
    fold_confusables,
    greek_reading,
    latin_reading,
    latinize,
    marked_reading,
    other_readings,
    quoted_apart,
    readings,
    script_of,
)


def test_clean_text_removes_invisible_characters() -> None:
    """Zero-width, soft hyphen, bidi and BOM characters vanish."""
    assert clean_text("P\u200bu\u00adt\u202ai\ufeffn") == "putin"


def test_clean_text_folds_compatibility_forms() -> None:
    """Full-width and mathematical letters become plain letters."""
    assert clean_text("Ｐｕｔｉｎ") == "putin"
    assert clean_text("𝐏𝐮𝐭𝐢𝐧") == "putin"


def test_clean_text_turns_controls_into_spaces() -> None:
    """A tab or newline inside a name separates words; NUL does too."""
    assert clean_text("Vladimir\tPutin\x00X") == "vladimir putin x"


def test_clean_text_drops_lone_surrogates() -> None:
    """Unencodable lone surrogates are removed, not passed on."""
    assert clean_text("Put\ud800in") == "putin"


def test_clean_text_strips_stacked_combining_marks() -> None:
    """Zalgo-style stacked marks do not survive latinization."""
    assert latinize(clean_text("P\u0301\u0302\u0303u\u0308\u0308tin")) == "putin"


def test_fold_confusables_latin_word() -> None:
    """A Cyrillic look-alike in a Latin word becomes Latin."""
    assert fold_confusables("puтin") == "putin"


def test_fold_confusables_cyrillic_word() -> None:
    """A Latin look-alike in a Cyrillic word becomes Cyrillic."""
    assert fold_confusables("пyтин") == "путин"


def test_fold_confusables_digits_in_words() -> None:
    """Digits used as letters become letters; numbers stay numbers."""
    assert fold_confusables("v1adimir p0utin 11420") == "vladimir poutin 11420"


def test_fold_confusables_nine_for_g() -> None:
    """A 9 inside a word is the g it looks like."""
    assert fold_confusables("ser9ei 9eor9iev") == "sergei georgiev"


def test_fold_confusables_keeps_ordinal_digits() -> None:
    """Digits with an ordinal suffix are a number, not letters in disguise."""
    assert fold_confusables("1st 2nd 3rd 24th 1er") == "1st 2nd 3rd 24th 1er"


def test_fold_confusables_leaves_single_script_words() -> None:
    """Words in one script are left alone."""
    assert fold_confusables("путин putin") == "путин putin"


def test_latinize_hangul_syllables() -> None:
    """A Korean name's syllables become separate tokens."""
    assert latinize("김정은").split() == ["gim", "jeong", "eun"]
    assert latinize("이민호").split() == ["yi", "min", "ho"]


def test_latinize_long_hangul_word_drops_epenthetic_vowel() -> None:
    """블라디미르 (Vladimir) loses the vowel Korean inserts into consonant clusters.

    Its ㄹ + ㄹ is "ll", as the Revised Romanization writes it (the "l" of "Vl").
    """
    assert latinize("블라디미르").strip() == "blladimir"


def test_latinize_arabic_article() -> None:
    """The Arabic article is split off; Allah stays one word."""
    assert latinize("الراشد").split()[0] == "al"
    assert "al" not in latinize("الله").split()


def test_latinize_hebrew_geresh() -> None:
    """A geresh, or an apostrophe typed for one, makes ג j, ז zh and צ ch."""
    assert latinize(clean_text("צ'רצ'יל")) == "chrchyl"
    assert latinize(clean_text("צ׳רצ׳יל")) == "chrchyl"
    assert latinize(clean_text("ז'בוטינסקי")).startswith("zh")
    assert latinize(clean_text("ג'ורג'")) == "jvrj"
    assert latinize(clean_text("צבי")).lower() == "tsby"  # no geresh: ts


def test_latinize_indic_ca_as_ch() -> None:
    """The Indic letter ca is "ch", as English spellings write it, in every Indic script."""
    assert latinize("चौधरी") == "chaudhrii"
    assert latinize("মিচ") == latinize("मिच") == "mich"


def test_latinize_armenian_u() -> None:
    """Armenian ու, written with two letters, is one vowel u, in capitals too."""
    assert latinize("Սուրեն") == "Suren"
    assert latinize("ՈՒԿՐԱԻՆԱ").startswith("UKR")


def test_script_of() -> None:
    """Code points map to their coarse scripts."""
    assert [script_of(c) for c in "aжαا김金1"] == [
        "Latin",
        "Cyrillic",
        "Greek",
        "Arabic",
        "Hangul",
        "Han",
        "Digit",
    ]


def test_dominant_script() -> None:
    """The script of most letters wins; no letters means Latin."""
    assert dominant_script("Путин V") == "Cyrillic"
    assert dominant_script("123") == "Latin"


@given(st.text())
def test_latinize_is_ascii(text: str) -> None:
    """Latinization of any cleaned text is ASCII."""
    assert latinize(fold_confusables(clean_text(text))).isascii()


@given(st.text())
def test_clean_text_is_idempotent(text: str) -> None:
    """Cleaning twice changes nothing more."""
    once = clean_text(text)
    assert clean_text(once) == once


def test_latin_reading_of_look_alike_words() -> None:
    """Words of look-alikes in a name with Latin letters get a Latin reading."""
    assert latin_reading("МОНАММАD ЅАDІQ") == "MOHAMMAD SADIQ"
    assert latin_reading("ЅО'К МІN") == "SO'K MIN"  # the N is Latin, so ЅО'К is read too
    assert latin_reading("Vladimir Putin") is None
    assert latin_reading("Сергей Шойгу") is None  # no Latin letter: nothing to fold towards


def test_marked_reading_writes_carons_as_english_digraphs() -> None:
    """č, š, ž (and Romanian ș, ț) read as English transliteration writes them."""
    assert marked_reading("Nikolaj Rogaščuk") == "Nikolaj Rogashchuk"
    assert marked_reading("Sergej Šojgu") == "Sergej Shojgu"
    assert marked_reading("ŠOR, Ilan") == "SHOR, Ilan"  # capitals stay capitals
    assert marked_reading("Udalțov") == "Udaltsov"
    assert marked_reading("Ivan S\u030cor") == "Ivan Shor"  # a combining caron too
    assert marked_reading("Vladimir Putin") is None
    assert marked_reading("Recep Erdoğan") is None  # other marks are latinization's


def test_other_readings_are_distinct_and_only_when_they_differ() -> None:
    assert other_readings("Vladimir Putin") == ()
    assert other_readings("Rogaščuk") == ("Rogashchuk",)
    assert other_readings("МОНАММАD") == ("MOHAMMAD",)
    assert readings("Rogaščuk") == ("Rogaščuk", "Rogashchuk")


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Βλαντιμίρ Πούτιν", "Vladimir Poutin"),  # ντ is d and β is v in a foreign name
        ("Σεργκέι Σοϊγκού", "Sergei Soigou"),  # γκ is g
        ("ΝΤΜΙΤΡΙ ΠΕΣΚΟΦ", "DMITRI PESKOF"),  # φ is f, capitals stay capitals
        ("Αθήνα", None),  # no such letter: the name as latinized is the reading
        ("\u00b5\u03c0α", "ba"),  # the micro sign is a mu, ignoring case
        ("Vladimir Putin", None),
    ],
)
def test_greek_reading_writes_the_sounds_of_foreign_names(text: str, reading: str | None) -> None:
    """Greek writes d, b and g of foreign names as ντ, μπ and γκ."""
    assert greek_reading(text) == reading


@given(st.text())
@example("\u00b5\u03c0")  # the micro sign and pi: a Greek sound ignoring case only
def test_other_readings_of_any_text(text: str) -> None:
    """Every reading of any text is a string, and none is the text itself."""
    readings = other_readings(text)
    assert all(isinstance(r, str) and r != text for r in readings)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Kha11d Bas54m al-Zub41d1", "Khalid Bassam al-Zubaldi"),
        ("Su-gi1 K1m", "Su-gil Kim"),
        ("Abdu114h", "Abdullah"),
        ("V4s11ij", "Vasilij"),
    ],
)
def test_digit_reading_reads_each_1_by_its_neighbours(text: str, read: str) -> None:
    """A 1 after a vowel is l, after a consonant i, and an l's double before a vowel."""
    assert digit_reading(text) == read


def test_digit_reading_leaves_numbers_alone() -> None:
    """Numbers and ordinals are no disguise: "Fund 1", "1st Battalion" have no reading."""
    assert digit_reading("Fund 1") is None
    assert digit_reading("1st Battalion") is None
    assert digit_reading("Kim Jong Un") is None


def test_a_name_with_words_in_quotes_is_also_read_without_the_marks() -> None:
    """A nickname in quotes is no name proper: the name is also read with its marks gone."""
    assert dequoted_reading("Vladimir Putin “the tsar”") == "Vladimir Putin the tsar"
    assert dequoted_reading("»Sobol« orosz közösség") == "Sobol orosz közösség"
    assert "Vladimir Putin the tsar" in other_readings("Vladimir Putin “the tsar”")
    for name in ("“Le Tigre”", "Vladimir Putin", "O'Brien Holdings"):
        assert dequoted_reading(name) is None, name


def test_a_name_has_words_in_quotes_apart_from_others() -> None:
    """An organisation's name proper, or a person's nickname, with other words besides."""
    for name in (
        "Ruské společenství „Sobol“",
        "»Sobol« orosz közösség",
        "Ben-Zion “Bentzi” GOPSTEIN",
        "ЗАТ ＂Кремль＂",  # full-width marks fold to '"'
    ):
        assert quoted_apart(name), name
    for name in ("“Le Tigre”", "Ruské společenství „Sobol", "O'Brien Holdings"):
        assert not quoted_apart(name), name
