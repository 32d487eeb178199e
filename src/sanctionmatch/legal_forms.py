"""Legal forms of organisations: find them in a name and set them aside.

``data/legal_forms.tsv`` lists legal-form phrases in many languages ("aktiengesellschaft",
"részvénytársaság", "ООО" as "ooo") with a canonical abbreviation and a family: "Daimler
AG" and "Daimler Aktiengesellschaft" are one company, and two forms of one family (OAO,
JSC) differ less than forms of two families (AG, GmbH). Phrases are matched by the
comparable forms of their words (:func:`~sanctionmatch.comparable.comparable_form`);
a short one-word form ("ad", "rt", "sia") is also a word of names, so it counts only
as written and only at either end of a name.
"""

from __future__ import annotations

import functools
import re

from sanctionmatch.comparable import comparable_form
from sanctionmatch.tables import read_table

MIN_CUT = 4  # letters a word cut short keeps, at least
SHORT_FORM = 3  # letters of a one-word legal form that counts only at either end of a name


@functools.cache
def _legal_forms() -> tuple[dict[tuple[str, ...], str], int]:
    """Legal-form phrases keyed by the comparable forms of their words, and the longest."""
    phrases: dict[tuple[str, ...], str] = {}
    for phrase, canonical, _ in read_table("legal_forms.tsv", columns=3):
        phrases[tuple(comparable_form(w) for w in phrase.split())] = canonical
    return phrases, max(len(k) for k in phrases)


@functools.cache
def _short_legal_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The one-word legal forms of :data:`SHORT_FORM` letters or less, and their forms.

    Their comparable forms are met by words of names ("du" and "doo", "syah" and "sia"):
    a short form is one only as written, or in consonants spelt otherwise (see
    :func:`_abbreviates`).
    """
    short = frozenset(
        phrase
        for (phrase,) in read_table("legal_forms.tsv", columns=1)
        if " " not in phrase and _is_short(phrase)
    )
    return short, frozenset(comparable_form(phrase) for phrase in short)


@functools.cache
def _cut_legal_forms() -> dict[tuple[str, ...], str]:
    """Legal-form phrases with their last word cut short ("joint stock compan").

    Keyed by the comparable forms of the whole words and the cut word as written: the
    comparable form of a cut word need not begin the whole word's ("kompan", "kompani").
    """
    cut: dict[tuple[str, ...], str] = {}
    for phrase, canonical, _ in read_table("legal_forms.tsv", columns=3):
        *whole, last = phrase.split()
        for end in range(MIN_CUT, len(last)):
            cut[(*(comparable_form(w) for w in whole), last[:end])] = canonical
    return cut


ANY_KIND = "any"  # the family of a legal form that names no kind of company ("Co.")


@functools.cache
def legal_form_families() -> dict[str, str]:
    """Map each canonical legal form to its family ("stock", "limited", ...)."""
    return {canonical: family for _, canonical, family in read_table("legal_forms.tsv", columns=3)}


def split_legal_forms(
    tokens: list[tuple[str, bool]],
) -> tuple[list[tuple[str, bool]], list[str]]:
    """Set a name's legal forms aside: the words kept, and the canonical forms found.

    Args:
        tokens: the name's latinized words, each with whether an abjad wrote it.

    Returns:
        The words that are not legal forms, and the canonical legal forms, in order.
    """
    phrases, longest = _legal_forms()
    short, short_forms = _short_legal_forms()
    if len(tokens) > 2 and len(tokens[-1][0]) == len(tokens[-2][0]) == 1:
        # "S.A.", "N.V.": a two-letter legal form written with dots ends the name. (Three
        # letters or more are joined already: "L.L.C.") Not elsewhere: "John S. A. Smith".
        dotted = tokens[-2][0] + tokens[-1][0]
        if (comparable_form(dotted),) in phrases:
            tokens = [*tokens[:-2], (dotted, tokens[-1][1])]
    # Legal forms are written in Latin letters (FZE, SAL too): a word of Arabic or Hebrew
    # script is none, though its consonants may spell one (للقاء, "llq", is no LLC).
    forms = ["" if abjad else comparable_form(t) for t, abjad in tokens]
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            canonical = phrases.get(tuple(forms[i : i + size]))
            if size == 1 and forms[i] in short_forms and not _abbreviates(tokens[i][0], short):
                canonical = None  # "du" and "doo" compare alike; "DU Yurong" is a name
            # A lone legal form is the name itself ("AO"), not a suffix to set aside.
            if canonical is not None and size < len(tokens):
                spans.append((i, i + size, canonical))
                i += size
                break
        else:
            i += 1
    spans = _edge_spans(spans, tokens)
    inside = {k for start, end, _ in spans for k in range(start, end)}
    kept = [t for k, t in enumerate(tokens) if k not in inside]
    return kept, [canonical for _, _, canonical in spans]


def _edge_spans(
    spans: list[tuple[int, int, str]], tokens: list[tuple[str, bool]]
) -> list[tuple[int, int, str]]:
    """Keep the legal forms found where they can stand in a name.

    A phrase of several words or a long word is a legal form anywhere ("Société par
    actions KOMZ", "Gazprom Aktiengesellschaft Moskau"). A short one, one word of
    :data:`SHORT_FORM` letters or less, is also a word of names ("Izz ad-Din", "RT-Komplekt"):
    it is one only in the run of legal forms that begins or ends the name ("SIA Baltic",
    "Alpha Pte Ltd", "Almaz-Antey Rt."), and never when it would leave no other word.
    """
    edge: set[int] = set()  # where the forms of the two runs start
    at = 0
    for start, end, _ in spans:  # the run that begins the name
        if start != at:
            break
        edge.add(start)
        at = end
    at = len(tokens)
    for start, end, _ in reversed(spans):  # the run that ends it
        if end != at:
            break
        edge.add(start)
        at = start
    kept = [s for s in spans if s[0] in edge or s[1] - s[0] > 1 or not _is_short(tokens[s[0]][0])]
    if sum(end - start for start, end, _ in kept) >= len(tokens):
        return []
    return kept


def _abbreviates(word: str, short: frozenset[str]) -> bool:
    """Whether a word is a short legal form: as written, or in consonants otherwise spelt.

    "LLK" and "JSK" are LLC and JSC respelt; a word with a vowel that only compares alike
    ("du" and "doo", "syah" and "sia") is a name.
    """
    return word in short or not _VOWEL.search(word)


_VOWEL = re.compile(r"[aeiouy]")


def _is_short(word: str) -> bool:
    """Whether a one-word legal form is short enough to be a word of names too."""
    return len(word) <= SHORT_FORM


def split_cut_legal_form(
    tokens: list[tuple[str, bool]],
) -> tuple[list[tuple[str, bool]], list[str]]:
    """Set aside a legal form cut short at the end of a long name (``NameForm.cut``)."""
    cut = _cut_legal_forms()
    for size in range(min(len(tokens) - 1, _legal_forms()[1]), 0, -1):
        *whole, last = tokens[-size:]
        canonical = cut.get((*(comparable_form(t) for t, _ in whole), last[0]))
        if canonical is not None:
            return tokens[:-size], [canonical]
    return tokens, []
