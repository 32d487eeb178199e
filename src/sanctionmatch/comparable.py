"""Cross-convention comparable forms of latinized name tokens.

The same Russian, Arabic or Korean name reaches a sanctions list through different
transliteration conventions: Шойгу is "Shoigu" in English, "Choïgou" in French, "Schoigu"
in German and "Szojgu" in Polish. :func:`comparable_form` folds a latinized token through
the ordered rules in ``data/comparable.tsv`` so that these spellings meet ("SoiGu" for all
four), while a name's own consonants stay apart.

:func:`skeleton` goes further for tokens that came from an abjad (Arabic, Hebrew), whose
script does not write short vowels: only consonants are compared.

:func:`russian_reading` reads a Belarusian, Ukrainian, Lithuanian, Latvian, Czech, Polish
or Hungarian spelling of a Russian name as the Russian one.
"""

from __future__ import annotations

import functools
import re

from sanctionmatch.tables import read_table

MEMO_TOKENS = 1 << 16  # distinct tokens whose forms are kept


@functools.cache
def _rules() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """The rules in order, each with a letter it needs to match ("" when none is known)."""
    rules = []
    for pattern, replacement in read_table("comparable.tsv", columns=2):
        if replacement == "(empty)":
            replacement = ""
        # A rule that begins with a letter ("sch", "^g") cannot match a token without it:
        # testing for the letter is far cheaper than running the pattern.
        first = pattern.removeprefix("^")[:1]
        rules.append((first if first.isalpha() else "", re.compile(pattern), replacement))
    return tuple(rules)


@functools.lru_cache(maxsize=MEMO_TOKENS)
def comparable_form(token: str) -> str:
    """Return the cross-convention comparable form of a latinized lower-case token.

    >>> comparable_form("choigou") == comparable_form("shoigu") == comparable_form("schoigu")
    True
    """
    if token.isdigit():
        return token
    form = token
    for letter, pattern, replacement in _rules():
        if letter in form:  # always true for ""
            form = pattern.sub(replacement, form)
    return form or token


_VOWELS = re.compile(r"[aeiou]+")
# In Arabic and Hebrew script, و and ي (latinized w, y; comparable v, i) mostly write long
# vowels: "mhmwd" is Mahmoud.
_ABJAD_VOWELS = re.compile(r"[aeiouv]+")
# Sounds an abjad writes with one letter: Arabic has no p (ب) and no v (ف).
_ABJAD_MERGE = str.maketrans({"p": "b", "v": "f"})
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=MEMO_TOKENS)
def abjad_skeleton(text: str) -> str:
    """Return the consonants Arabic or Hebrew script would write for a latinized token.

    The skeleton (``abjad=True``) of its comparable form, but with j kept as the
    consonant it is in Arabic names (ج: Jamal, Javidan), where the comparable form reads
    it as the German or Polish j (i): "jamal" gives "Jml", as جمال does.
    """
    return skeleton(comparable_form(text.replace("j", "dj")), abjad=True)


def consonant_letters(text: str) -> int:
    """Letters of a latinized token that Arabic or Hebrew script writes as consonants.

    Doubled letters count twice, as written (عبد الله, "bdllh": 5); y and w, which
    also write vowels there, do not count.
    """
    return sum(c not in "aeiouyw" for c in text)


@functools.lru_cache(maxsize=MEMO_TOKENS)
def skeleton(form: str, *, abjad: bool = False) -> str:
    """Return the consonant skeleton of a comparable form.

    Vowels are dropped and doubled letters collapse, so spellings that differ only in
    vowels meet: "usama"/"osama", "muhamad"/"mohamed" and Arabic-script "mhmd" all give
    "sm" or "mhmd". For a token from an abjad (``abjad=True``) the letters that write
    long vowels are dropped too. Both sides fold p to b and v to f, as Arabic script does.
    """
    vowels = _ABJAD_VOWELS if abjad else _VOWELS
    bare = _DOUBLED.sub(r"\1", vowels.sub("", form).translate(_ABJAD_MERGE))
    return bare or form


MIN_READING = 5  # letters a token needs before it is read as Russian


@functools.cache
def _readings() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """The rules of ``data/russian_readings.tsv`` in order, and any rule's pattern.

    Few tokens meet a rule (one in thirty of the lists'): one search for any of them
    spares the rest the whole sequence.
    """
    rows = list(read_table("russian_readings.tsv", columns=2))
    rules = tuple(
        (re.compile(pattern), "" if replacement == "(empty)" else replacement)
        for pattern, replacement in rows
    )
    return re.compile("|".join(f"(?:{pattern})" for pattern, _ in rows)), rules


@functools.lru_cache(maxsize=MEMO_TOKENS)
def russian_reading(text: str) -> str:
    """Return a latinized token as Russian spells it, or itself if no rule reads it otherwise.

    Undoes how Belarusian, Ukrainian and the EU's languages write Russian names (the
    rules of ``data/russian_readings.tsv``): Lithuanian and Latvian endings, the Czech
    feminine -ová, Polish ie, Hungarian gy/ty/cs/zs, the Belarusian ц, дз and ў, and h
    for г in an East Slavic surname.

    >>> russian_reading("naumau"), russian_reading("putinas"), russian_reading("putin")
    ('naumav', 'putin', 'putin')
    >>> russian_reading("dovhopolov"), russian_reading("hall")
    ('dovgopolov', 'hall')
    """
    any_rule, rules = _readings()
    if len(text) < MIN_READING or any_rule.search(text) is None:
        return text
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text
