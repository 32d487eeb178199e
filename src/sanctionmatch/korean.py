"""Korean names written in Cyrillic, read as the lists romanize them.

Russian writes a Korean name syllable by syllable, in the Kontsevich system or in the
older conventions of the press: 김정은 is "Ким Чен Ын", 최룡해 "Чхве Рён Хэ". Latinized
letter by letter these meet nothing on the lists ("Kim Chen Yn" against "KIM Jong Un").
:func:`korean_reading` reads a Cyrillic name whose every word is a Korean syllable of
``data/korean_cyrillic.tsv``, with a family name first or last, in the North Korean
spelling the lists use ("Kim Jong Un"). A Russian name is not all such syllables and
stays as it is; the reading is one more way to read a name (see
:func:`sanctionmatch.text.other_readings`), never a replacement.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from sanctionmatch.tables import read_table

_WORD = re.compile(r"[^\W\d_]+")
# Ukrainian writes the Russian ы as и and the Russian и as і ("Кім Чен Ин" is "Ким Чен
# Ын"): a name with a letter only Ukrainian has is read in Russian letters first.
_UKRAINIAN = re.compile("[іїєґ]")
_AS_RUSSIAN = str.maketrans({"и": "ы", "і": "и", "ї": "йи", "є": "е", "ґ": "г"})
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# A Korean name has two to four syllables, each written as a word ("Ким Чен Ын"); a
# hyphen may join the given name's ("Ким Чен-Ын").
_SYLLABLES = (2, 4)


@functools.cache
def _syllables() -> tuple[dict[str, str], frozenset[str]]:
    """The table: Latin spelling by Cyrillic syllable, and the family-name syllables."""
    latin: dict[str, str] = {}
    family: set[str] = set()
    for cyrillic, spelling, kind in read_table("korean_cyrillic.tsv", columns=3):
        latin[cyrillic] = spelling
        if kind == "family":
            family.add(cyrillic)
    return latin, frozenset(family)


def korean_reading(text: str) -> str | None:
    """Read a Korean name written in Cyrillic as the lists romanize it.

    >>> korean_reading("Ким Чен Ын"), korean_reading("ЧХВЕ Рён Хэ")
    ('Kim Jong Un', 'CHOE Ryong Hae')
    >>> korean_reading("Кім Чен Ин")  # Ukrainian
    'Kim Jong Un'
    >>> korean_reading("Сергей Шойгу") is None
    True

    Returns:
        The name with each syllable in Latin letters (a word in capitals stays in
        capitals), or None unless every word is a Korean syllable, two to four of them,
        with a family name first or last.
    """
    if _CYRILLIC.search(text) is None:
        return None
    text = unicodedata.normalize("NFC", text)  # ё may come as е and a combining diaeresis
    words = [w.lower() for w in _WORD.findall(text)]
    if any(_UKRAINIAN.search(w) for w in words):
        words = [w.translate(_AS_RUSSIAN) for w in words]
    latin, family = _syllables()
    if not _SYLLABLES[0] <= len(words) <= _SYLLABLES[1] or not all(w in latin for w in words):
        return None
    if words[0] not in family and words[-1] not in family:
        return None

    spellings = iter(latin[w] for w in words)

    def read(match: re.Match[str]) -> str:
        spelling = next(spellings)
        word = match.group(0)
        return spelling.upper() if word.isupper() and len(word) > 1 else spelling.capitalize()

    return _WORD.sub(read, text)
