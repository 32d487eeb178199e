"""Hypothesis strategies shared by the tests: names in several scripts, and evasions."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from hypothesis import strategies as st

# Letters of the scripts names on sanctions lists are written in.
LATIN = "abcdefghijklmnopqrstuvwxyzéèëïöüçšžčł"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюя"
GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
HANGUL = "김정은박지성이민호"

words = st.one_of(
    st.text(alphabet=LATIN, min_size=1, max_size=12),
    st.text(alphabet=CYRILLIC, min_size=1, max_size=12),
    st.text(alphabet=GREEK, min_size=1, max_size=10),
    st.text(alphabet=ARABIC, min_size=1, max_size=8),
    st.text(alphabet=HANGUL, min_size=1, max_size=3),
)
# Names of one to four words in one script or mixed.
names = st.lists(words, min_size=1, max_size=4).map(" ".join)
latin_names = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10), min_size=1, max_size=4
).map(" ".join)

# Invisible characters an evader may insert: zero-width space and joiners, soft hyphen,
# word joiner, bidi marks, BOM.
INVISIBLE = "\u200b\u200c\u200d\u00ad\u2060\u200e\u200f\u202a\u202c\ufeff"
PUNCTUATION = ".,;:-_/()[]\"'!?"


# --- Evasions of real list names (tests/test_evasion.py, benchmarks/bench_evasion.py) ---
#
# Each evasion is a plain function ``(name, rng) -> str`` so that the benchmark can apply
# it with a seeded ``random.Random`` and the tests with Hypothesis' ``st.randoms()``. The
# look-alike tables below are written independently of the library's confusables table:
# they list what a person sees, not what the library knows.

Evasion = Callable[[str, random.Random], str]

# Cyrillic letters that look like Latin ones (lower and upper case).
CYRILLIC_LOOKALIKES = {
    "a": "а", "c": "с", "d": "ԁ", "e": "е", "h": "һ", "i": "і", "j": "ј", "o": "о",
    "p": "р", "s": "ѕ", "x": "х", "y": "у", "A": "А", "B": "В", "C": "С", "E": "Е",
    "H": "Н", "I": "І", "J": "Ј", "K": "К", "M": "М", "O": "О", "P": "Р", "S": "Ѕ",
    "T": "Т", "X": "Х", "Y": "У",
}  # fmt: skip
# Greek letters that look like Latin ones.
GREEK_LOOKALIKES = {
    "i": "ι", "k": "κ", "o": "ο", "u": "υ", "v": "ν", "A": "Α", "B": "Β", "E": "Ε",
    "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο", "P": "Ρ", "T": "Τ",
    "X": "Χ", "Y": "Υ", "Z": "Ζ",
}  # fmt: skip
# Other Latin letters (IPA, small capitals, dotless i, long s, kra) that look like plain ones.
LATIN_LOOKALIKES = {
    "a": "ɑ", "c": "ᴄ", "g": "ɡ", "i": "ı", "k": "ĸ", "l": "ℓ", "o": "ᴏ", "s": "ſ",
    "u": "ᴜ", "v": "ᴠ", "w": "ᴡ", "y": "ʏ", "z": "ᴢ",
}  # fmt: skip
# Digits written for letters ("l33t").
DIGIT_LOOKALIKES = {
    "o": "0", "O": "0", "i": "1", "I": "1", "l": "1", "e": "3", "E": "3", "a": "4",
    "A": "4", "s": "5", "S": "5", "t": "7", "T": "7", "B": "8", "g": "9",
}  # fmt: skip
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e\u034f"
SOFT_HYPHEN = "\u00ad"
_LETTER_RUN = re.compile("[A-Za-z]+")
# Directional marks, embeddings, overrides and isolates (LRM, RLM, ALM, LRE..RLO, LRI..PDI).
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Combining marks of the Latin, Cyrillic and Greek scripts and their extensions ("Zalgo").
COMBINING_MARKS = [chr(c) for c in (*range(0x0300, 0x0370), *range(0x1DC0, 0x1DD0))]
# Mathematical alphanumeric alphabets without holes: (capital A, small a).
MATH_ALPHABETS = ((0x1D400, 0x1D41A), (0x1D468, 0x1D482), (0x1D5A0, 0x1D5BA), (0x1D670, 0x1D68A))


def _substitute(name: str, rng: random.Random, table: dict[str, str], *, whole: bool) -> str:
    """Replace letters found in ``table``: all of them, or a minority of each word.

    A minority keeps each run of letters mostly Latin (the usual mixed-script trick);
    ``whole`` writes every letter that has a look-alike.
    """

    def one_run(match: re.Match[str]) -> str:
        run = match.group(0)
        spots = [i for i, c in enumerate(run) if c in table]
        rng.shuffle(spots)
        if not whole:
            spots = spots[: (len(run) - 1) // 2]
        chars = list(run)
        for i in spots:
            chars[i] = table[chars[i]]
        return "".join(chars)

    return _LETTER_RUN.sub(one_run, name)


def _sprinkle(name: str, rng: random.Random, pool: str | Sequence[str]) -> str:
    """Insert one to three characters of ``pool`` after each of a random set of letters."""
    chars = []
    for c in name:
        chars.append(c)
        if c.isalpha() and rng.random() < 0.5:
            chars.extend(rng.choice(pool) for _ in range(rng.randint(1, 3)))
    return "".join(chars)


def _spell_out(name: str, rng: random.Random, separator: str) -> str:
    """Write the longest word letter by letter ("P u t i n", "P.u.t.i.n")."""
    words = name.split(" ")
    plain = [i for i, w in enumerate(words) if w.isalpha()]
    if not plain:
        return name
    i = max(plain, key=lambda k: len(words[k]))
    words[i] = separator.join(words[i])
    return " ".join(words)


def _math_letters(name: str, rng: random.Random) -> str:
    capital, small = rng.choice(MATH_ALPHABETS)
    return "".join(
        chr(capital + ord(c) - 65)
        if "A" <= c <= "Z"
        else chr(small + ord(c) - 97)
        if "a" <= c <= "z"
        else c
        for c in name
    )


def _full_width(name: str, rng: random.Random) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in name)


def _double_letters(name: str, rng: random.Random) -> str:
    """Double one or two letters of words of four letters or more ("Puttin")."""
    chars = list(name)
    spots = [i for i, c in enumerate(chars) if c.isalpha()]
    for i in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 2))), reverse=True):
        chars.insert(i, chars[i])
    return "".join(chars)


def _swap_names(name: str, rng: random.Random) -> str:
    """Put the last word first: "Sergei SHOIGU" -> "SHOIGU Sergei"."""
    words = name.split(" ")
    return " ".join([words[-1], *words[:-1]])


EVASIONS: dict[str, Evasion] = {
    "cyrillic homoglyphs": lambda n, r: _substitute(n, r, CYRILLIC_LOOKALIKES, whole=False),
    "cyrillic homoglyphs, whole words": lambda n, r: _substitute(
        n, r, CYRILLIC_LOOKALIKES, whole=True
    ),
    "greek homoglyphs": lambda n, r: _substitute(n, r, GREEK_LOOKALIKES, whole=False),
    "latin look-alikes": lambda n, r: _substitute(n, r, LATIN_LOOKALIKES, whole=True),
    "digits for letters": lambda n, r: _substitute(n, r, DIGIT_LOOKALIKES, whole=False),
    "zero-width characters": lambda n, r: _sprinkle(n, r, ZERO_WIDTH),
    "soft hyphens": lambda n, r: _sprinkle(n, r, SOFT_HYPHEN),
    "bidi controls": lambda n, r: _sprinkle(n, r, BIDI_CONTROLS),
    "full-width letters": _full_width,
    "mathematical letters": _math_letters,
    "stacked combining marks": lambda n, r: _sprinkle(n, r, COMBINING_MARKS),
    "letter spacing": lambda n, r: _spell_out(n, r, " "),
    "letter dotting": lambda n, r: _spell_out(n, r, "."),
    "doubled letters": _double_letters,
    "swapped given and family names": _swap_names,
}
# Evasions that only make sense for a person's name.
PERSON_EVASIONS = frozenset({"swapped given and family names"})
