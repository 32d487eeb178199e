"""Chinese names in Wade-Giles read as pinyin.

Chinese names reached the lists, and the press, in two romanizations: Wade-Giles, the
standard before 1979 and still usual in Taiwan ("Chiang Ching-kuo", "Teng Hsiao-ping"),
and pinyin ("Jiang Jingguo", "Deng Xiaoping"). :func:`read_wade_giles` rewrites a name
whose every word is a Wade-Giles syllable, and that has a syllable only Wade-Giles writes
(hs-, ts-, tz-, chia-, -ieh, -ueh, -ih), syllable by syllable through the ordered rules of
``data/wade_giles.tsv``. Names that are not Wade-Giles (Korean "Kim Chol Su", Japanese
"Tsubasa") fail the test and stay as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from sanctionmatch.tables import read_table

# A Wade-Giles syllable without tone marks, apostrophes or umlauts: initial, then final.
_SYLLABLE = re.compile(
    r"(?:ch|hs|ts|tz|sh|ss|sz|[pmftnlkhjsyw])?"
    r"(?:a|ai|an|ang|ao|e|ei|en|eng|erh|i|ia|iang|iao|ieh|ien|ih|in|ing|iu|iung"
    r"|o|ou|u|ua|uai|uan|uang|ueh|ui|un|ung|uo)"
)
# Syllables no other romanization of Chinese, Korean or Japanese names writes.
_ONLY_WADE_GILES = re.compile(r"^(?:hs|ts|tz|ss|sz|chi[aeou])|(?:ieh|ueh|ih)$")


@functools.cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(pattern), replacement)
        for pattern, replacement in read_table("wade_giles.tsv", columns=2)
    )


def is_wade_giles(words: Sequence[str]) -> bool:
    """Return whether a name's words read as Wade-Giles: all syllables, one only Wade-Giles.

    >>> is_wade_giles(["teng", "hsiao", "ping"]), is_wade_giles(["kim", "chol", "su"])
    (True, False)
    """
    return (
        len(words) >= 2
        and all(_SYLLABLE.fullmatch(w) for w in words)
        and any(_ONLY_WADE_GILES.search(w) for w in words)
    )


def pinyin_syllable(syllable: str) -> str:
    """Return the pinyin of one Wade-Giles syllable (read unaspirated).

    >>> pinyin_syllable("hsiao"), pinyin_syllable("chung")
    ('xiao', 'zhong')
    """
    for pattern, replacement in _rules():
        syllable = pattern.sub(replacement, syllable)
    return syllable


def read_wade_giles(words: Sequence[str]) -> list[str]:
    """Return a name's words in pinyin if they are Wade-Giles, else as they are."""
    if not is_wade_giles(words):
        return list(words)
    return [pinyin_syllable(w) for w in words]
