"""Numbers written as words or digits in organisation names.

A body numbered in its name is written both ways: "Division Twenty-Seven" and "Division
27", "Third Regiment" and "3rd Regiment", "Three Seas" and "3 Seas".
:func:`read_numbers` reads the number words of ``data/number_words.tsv`` (English, with
the common misspelling "fourty", and the basic French, German and Spanish ones) and
ordinal digits ("1st", "2nd", "3e") as plain digits, so that both spellings meet as one
number token. A tens word followed by a units word or digit is one number, as English,
French and German hyphenated or spaced compounds write it: "twenty-seven", "twenty seven"
and "twenty 7" are all 27.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from sanctionmatch.tables import read_table
from sanctionmatch.text import ORDINAL_DIGITS


@functools.cache
def _number_words() -> dict[str, tuple[int, bool]]:
    """Map each number word to its value and whether it is an ordinal."""
    return {
        word: (int(value), kind == "ordinal")
        for word, value, kind in read_table("number_words.tsv", columns=3)
    }


def number_value(word: str) -> int | None:
    """Return the number a latinized lower-case word or ordinal stands for, if it is one.

    >>> number_value("forty"), number_value("3rd"), number_value("forth")
    (40, 3, None)
    """
    if word.isdigit():
        return int(word)
    found = ORDINAL_DIGITS.fullmatch(word)
    if found is not None:
        return int(found.group(1))
    entry = _number_words().get(word)
    return None if entry is None else entry[0]


def _is_tens(word: str) -> bool:
    entry = _number_words().get(word)
    return entry is not None and not entry[1] and entry[0] >= 20 and entry[0] % 10 == 0


def read_numbers(words: Sequence[str]) -> list[str]:
    """Return the words with number words and ordinal digits read as digits.

    Args:
        words: latinized lower-case words in reading order.

    Returns:
        The words, each number word or ordinal as its digits, and a tens word followed by
        a units number (1 to 9) joined into one: ["forty", "four", "co"] -> ["44", "co"].
    """
    out: list[str] = []
    i = 0
    while i < len(words):
        value = number_value(words[i])
        if value is None or words[i].isdigit():
            # Digits stay as written ("007" is not "7") unless they end a compound.
            out.append(words[i])
            i += 1
            continue
        if _is_tens(words[i]) and i + 1 < len(words):
            unit = number_value(words[i + 1])
            if unit is not None and 1 <= unit <= 9:
                value += unit
                i += 1
        out.append(str(value))
        i += 1
    return out
