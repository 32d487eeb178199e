"""A small guess at the writing system of a name, for the ``lang`` tag of a Name.

Only used where a source marks a name as being in its "original script" without saying
which one (UN ``NAME_ORIGINAL_SCRIPT``, UK "Name non-latin script"). The tag is an ISO
15924 code of the first non-Latin letter, e.g. ``"Cyrl"`` for ``"Сергей"``.
"""

from __future__ import annotations

import unicodedata

# Unicode character-name prefix -> ISO 15924 script code.
_SCRIPTS = {
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "CJK": "Hani",
    "HANGUL": "Hang",
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "THAI": "Thai",
    "DEVANAGARI": "Deva",
    "BENGALI": "Beng",
    "ETHIOPIC": "Ethi",
    "MYANMAR": "Mymr",
    "KHMER": "Khmr",
    "TAMIL": "Taml",
}


def guess_script(text: str) -> str | None:
    """Return the ISO 15924 code of the first non-Latin letter of ``text``, if any."""
    for char in text:
        if not char.isalpha() or char.isascii():
            continue
        name = unicodedata.name(char, "")
        word = name.split(" ", 1)[0]
        if word in _SCRIPTS:
            return _SCRIPTS[word]
    return None
