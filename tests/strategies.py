"""Hypothesis strategies shared by the tests: names in several scripts, and evasions."""

from __future__ import annotations

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
