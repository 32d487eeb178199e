"""Splitting running text into words, with their offsets and comparable forms.

:func:`split_words` finds the words of a text in any script, keeping each word's
character offsets into the original text, its latin reading and the comparable forms
of its parts, whether it is capitalised, and whether its line mixes upper and lower case
(in text that is all capitals or all lower case, capitalisation says nothing). French
and Italian elision (l', d', qu') and English possessives ('s) are not part of a word;
runs of single letters ("V.l.a.d.i.m.i.r", "P u t i n") are one word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from attrs import frozen

from sanctionmatch.comparable import comparable_form, russian_reading
from sanctionmatch.names import din_run_name, split_abd_run, token_skeleton
from sanctionmatch.tables import read_table
from sanctionmatch.text import (
    ABJADS,
    DIACRITIC_CHARS,
    INVISIBLE_CHARS,
    dominant_script,
    fold_text,
    latin_reading,
    latinize,
    other_readings,
    script_of,
)


def _mark_ranges() -> str:
    """The combining marks of the BMP (Unicode categories Mn and Mc) as a regex class.

    Python's ``\\w`` leaves them out, and the vowel signs and viramas of Indic and Thai
    script are such marks: without them "ममता" was cut into "ममत" (read "mmt", an
    organisation's acronym) and "आच" "र" "य".
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x0300, 0x10000):
        if unicodedata.category(chr(code)) in ("Mn", "Mc"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(
        re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges
    )


# A word: letters, digits, combining marks and invisible characters (an evader's
# zero-width space inside "Ser\u200bgei" does not split it), with inner apostrophes.
_INSIDE = f"\\w{INVISIBLE_CHARS}{DIACRITIC_CHARS}{_mark_ranges()}"
_WORD = re.compile(f"[^\\W_](?:[{_INSIDE}]|['’](?=[^\\W_]))*")
# Elided articles and pronouns before an apostrophe: l'Ukraine, d'Achot, qu'Achot.
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|dell|nell|all|sull)['’]", re.I)
_POSSESSIVE = re.compile(r"['’]s$", re.I)


@frozen
class Word:
    """One word of a text: where it is, and the comparable forms of its parts."""

    start: int
    end: int
    surface: str
    latin: str  # the word latinized, lower case
    forms: tuple[str, ...]
    capitalised: bool
    cased: bool  # its line mixes upper and lower case, so capitals mark names
    gap: str  # the text between the previous word and this one
    common: bool = False  # a common word of its language (see is_common_word)
    consonants: tuple[str, ...] = ()  # written in Arabic or Hebrew script: the skeletons
    declined: bool = False  # ``latin`` is the nominative of a declined word (Putinem)
    paired: bool = False  # its consonants and a neighbour's are two words of a list name

    @property
    def caseless(self) -> bool:
        """Whether the word is written in a script without case (Arabic, Hangul, Han)."""
        first = self.surface[0]
        return first.isalpha() and not (first.isupper() or first.islower())

    @property
    def whole_name(self) -> bool:
        """Whether the word is a name of several syllables written as one (김정은)."""
        return script_of(self.surface[0]) == "Hangul" and " " in self.latin

    @property
    def joined(self) -> bool:
        """Whether a hyphen joins this word to the previous one ("Jong-un")."""
        return self.gap in ("-", "‐", "‑")


# The script each language of the common words table writes in (Latin when not listed).
_SCRIPT_OF_LANGUAGE = {
    "ar": "Arabic", "be": "Cyrillic", "bg": "Cyrillic", "el": "Greek", "fa": "Arabic",
    "he": "Hebrew", "ko": "Hangul", "ru": "Cyrillic", "uk": "Cyrillic",
}  # fmt: skip


@functools.cache
def _common_words() -> dict[str, frozenset[str]]:
    """Latinized common words by the script their languages write them in."""
    by_script: dict[str, set[str]] = {}
    for word, languages in read_table("common_words.tsv", columns=2):
        for code in languages.split(","):
            script = _SCRIPT_OF_LANGUAGE.get(code.strip(), "Latin")
            by_script.setdefault(script, set()).add(word)
    return {script: frozenset(words) for script, words in by_script.items()}


def is_common_word(surface: str, latin: str) -> bool:
    """Whether a word of text is a common word of a language written in its script.

    Compared as written ("Jin" is not the common "in") and within the word's script: the
    Cyrillic "Ин" (a Korean syllable) latinizes to "in" but is not the English word.
    """
    script = script_of(surface[0]) if surface else "Other"
    return latin in _common_words().get(script, frozenset())


def _line_casing(text: str) -> list[tuple[int, bool, bool]]:
    """For each line: its end offset, whether it mixes upper and lower case, and whether
    most of its letters are Latin."""
    out = []
    position = 0
    for line in text.splitlines(keepends=True):
        position += len(line)
        letters = [c for c in line if c.isalpha() and (c.isupper() or c.islower())]
        lower = sum(c.islower() for c in letters)
        mixed = 0 < lower < len(letters) and lower / len(letters) > 0.3
        latin = 2 * sum(c.isascii() for c in letters) > len(letters)
        out.append((position, mixed, latin))
    return out


# What may stand between two words of one name: a space or two, or a hyphen. An
# apostrophe may end a word: transliterations write the Arabic ʿayn and hamza so ("SHO'A'
# AVIATION", "Raja' Ahmad").
_NAME_GAP = re.compile(r"['’ʼ]?[ \u00a0]{1,2}|[-‐‑]")
# A line break inside a paragraph, where text is wrapped at a fixed width.
_WRAP = re.compile(r"[ \u00a0]?\r?\n[ \u00a0]?")


def adjacent(words: Sequence[Word], right: int) -> bool:
    """Whether a word continues the phrase of the word before it.

    Only spaces or a hyphen may stand between them, the full stop of an initial
    ("Frederick W. Kagan"), or one line break after a capitalised word: text wrapped
    at a fixed width breaks names ("Sergueï" at the end of a line, "Choïgou" opening
    the next). Punctuation, blank lines and a line break after a lower-case word
    (a slug or a sentence's end) end a name.
    """
    word = words[right]
    if _NAME_GAP.fullmatch(word.gap):
        return True
    if _WRAP.fullmatch(word.gap):
        return words[right - 1].capitalised
    return word.gap == ". " and len(words[right - 1].surface) == 1


def split_words(text: str) -> list[Word]:
    """Split a text into words with their offsets, elision and possessives removed.

    Runs of three or more single letters ("V.l.a.d.i.m.i.r", "P u t i n") become one word.
    """
    raw: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        surface = match.group(0)
        elided = _ELISION.match(surface)
        if elided and len(surface) > elided.end():
            start += elided.end()
            surface = surface[elided.end() :]
        possessive = _POSSESSIVE.search(surface)
        if possessive and len(surface) > 3:
            end -= len(possessive.group(0))
            surface = surface[: -len(possessive.group(0))]
        raw.append((start, end, surface))
    casing = _line_casing(text)
    words: list[Word] = []
    line = 0
    previous_end = 0
    for start, end, surface in _join_letter_runs(text, raw):
        while line < len(casing) - 1 and casing[line][0] <= start:
            line += 1
        # In a line mostly of Latin letters, a word of Cyrillic or Greek look-alikes is
        # read as Latin in disguise ("Fауеz аl-Аѕі", "ЅМЕ ВАNК"), and as written too.
        among_latin = casing[line][2] and not surface.isascii()
        latin, forms, consonants = _word_forms(surface, among_latin=among_latin)
        if forms:
            # Scripts without case (Arabic, Hangul, Han) count as capitalised, and so does
            # a word opening with a digit written for a letter ("0leg").
            first = surface[0]
            capitalised = first.isupper() or (first.isalpha() and not first.islower())
            capitalised = capitalised or (first.isdigit() and latin[:1].isalpha())
            gap = text[previous_end:start] if words else ""
            common = is_common_word(surface, latin)
            cased = casing[line][1]
            words.append(
                Word(start, end, surface, latin, forms, capitalised, cased, gap, common, consonants)
            )
        previous_end = end
    return words


@functools.lru_cache(maxsize=1 << 16)
def _word_forms(
    surface: str, *, among_latin: bool = False
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A word's latin text, its parts' comparable forms and consonants (memoized).

    The consonant skeletons are those of a word of Arabic or Hebrew script, else none.
    ``among_latin``: the word stands in a line mostly of Latin letters; a word of
    look-alikes is then read as Latin first (see latin_reading). Words recur from text
    to text: the memo saves their latinization.
    """
    latin = _latin_of(surface)
    alternatives = list(other_readings(surface))
    disguised = latin_reading(surface, among_latin=True) if among_latin else None
    if disguised is not None:
        alternatives.append(surface)  # the word as written, in its own script
        latin = _latin_of(disguised)
    forms = tuple(comparable_form(p) for p in latin.split())
    # A Russian name as another language writes it ("Putinas", "Poetin", "Putyin") is
    # also a list word's: list names are mostly in English transliteration.
    forms += tuple(
        reading
        for p in latin.split()
        if (reading := comparable_form(russian_reading(p))) not in forms
    )
    # A word mixing scripts may be meant either way; "Šojgu" is also "Shojgu".
    other_parts = [p for a in alternatives for p in _latin_of(a).split()]
    forms += tuple(comparable_form(p) for p in other_parts)
    parts = latin.split() + other_parts
    # A list may write "Badreddine" and "Abdurrahman" apart, "Badr al-Din" and "Abd
    # al-Rahman": the name in the word is a list word then.
    forms += tuple(comparable_form(n) for p in parts if (n := din_run_name(p)))
    forms += tuple(comparable_form(w) for p in parts for w in split_abd_run(p)[2:])
    consonants: tuple[str, ...] = ()
    if not surface.isascii() and dominant_script(surface) in ABJADS:
        consonants = tuple(token_skeleton(p, comparable_form(p), True) for p in latin.split())
    return latin, forms, consonants


def _latin_of(surface: str) -> str:
    latin = latinize(fold_text(surface)).lower()
    latin = re.sub(r"[^a-z0-9]+", " ", latin.replace("'", "")).strip()
    if "." in surface or " " in surface:  # a letter run: its letters make one word
        latin = latin.replace(" ", "")
    return latin


def _join_letter_runs(text: str, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for item in [*raw, (len(text) + 2, len(text) + 2, "")]:
        single = len(item[2]) == 1 and item[2].isalpha()
        # One separator character throughout a run: "V.l.a.d" and "P u t i n", but the
        # space in "V.l.a.d.i.m.i.r P.u.t.i.n" ends the first run.
        gap = text[run[-1][1] : item[0]] if run else ""
        same = len(run) < 2 or gap == text[run[0][1] : run[1][0]]
        if single and (not run or (len(gap) == 1 and same)):
            run.append(item)
            continue
        if len(run) >= 3:
            out.append((run[0][0], run[-1][1], text[run[0][0] : run[-1][1]]))
        else:
            out.extend(run)
        run = [item] if single else []
        if not single and item[2]:
            out.append(item)
    if len(run) >= 3:
        out.append((run[0][0], run[-1][1], text[run[0][0] : run[-1][1]]))
    else:
        out.extend(r for r in run if r[2])
    return out
