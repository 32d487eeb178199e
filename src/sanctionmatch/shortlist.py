"""Shortlists for scanning text: the few list names a phrase of text may match.

Scanning news text screens every phrase that looks like a name, and most are names of
people on no list ("Maria Gonzalez"). Full retrieval (:meth:`NameIndex.candidates
<sanctionmatch.index.NameIndex.candidates>`) gathers every list name that shares one
word with the phrase, hundreds for a common given name, to score a dozen and find none.

A phrase of two or more name words reaches the alert threshold, all but always, only
against a list name that agrees with two of its words, or against a list name with one
name word (an alias "PUTIN", "Wagner Group") that agrees closely with one: a name word
of the phrase that the list name lacks costs, and one more on the list side conflicts
and costs much more (see :mod:`sanctionmatch.score`). "Agrees" is read through the
index's own keys (comparable forms, spelling variants, skeletons, one-letter deletions,
two words glued). So the shortlist of a phrase is the names two of its words find, the
one-word names one of its words finds closely, and the names one word of the list
writes two of the phrase's words in ("Jongun"). A phrase with one name word among
titles or generic words ("группа Вагнера") has all the names that word finds.

The shortlist is ranked as the index ranks candidates (:meth:`NameIndex.rank
<sanctionmatch.index.NameIndex.rank>`) and the
best :data:`MAX_SHORTLIST` are scored in full. When it is very long (a phrase of common
words: "Abu Ali"), :func:`shortlist` returns None and the phrase is screened by full
retrieval. ``python benchmarks/bench_scan.py --check`` counts the mentions both ways
find alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from sanctionmatch.index import NameIndex, din_runs, glued_keys
from sanctionmatch.names import NAME_WORDS, PATRONYMIC, NameForm

LOOKED_UP = NAME_WORDS | {PATRONYMIC}  # the roles of the words a phrase is looked up by
MAX_SHORTLIST = 24  # list names proposed for full scoring at most
MAX_RANKED = 4000  # a phrase finding more names than this is screened in full


def single_names(forms: Iterable[NameForm]) -> frozenset[int]:
    """The ids of the prepared list names with one distinct name word, or none."""
    return frozenset(
        i
        for i, form in enumerate(forms)
        if len({t.form for t in form.tokens if t.role in NAME_WORDS}) <= 1
    )


def shortlist(
    index: NameIndex, form: NameForm, singles: frozenset[int], *, cap: int = MAX_SHORTLIST
) -> list[tuple[float, int]] | None:
    """The list names a phrase of text may match (see the module docstring).

    Args:
        index: the list's name index.
        form: the phrase, prepared with :func:`~sanctionmatch.names.tokenize_name`.
        singles: the ids of the list names with one name word (:func:`single_names`).
        cap: how many names to return at most.

    Returns:
        (estimated score, name id) pairs, the most promising first, as
        :meth:`NameIndex.candidates <sanctionmatch.index.NameIndex.candidates>` gives
        them; or None when the phrase has no name word or too many names to rank
        cheaply: then screen it in full.
    """
    words = {t.form: t for t in form.tokens if t.role in LOOKED_UP}
    if not words:
        return None
    agreeing = {key: index.agreeing(token) for key, token in words.items()}
    if len(words) == 1:
        # A lone word must agree closely (see the module docstring); a word among
        # others that are no names ("группа Вагнера") may agree as the index finds.
        close, near = next(iter(agreeing.values()))
        found = close if len(form.tokens) == 1 else near
    else:
        found = set()
        for (_, a), (_, b) in itertools.combinations(agreeing.values(), 2):
            found |= a & b
        for close, _ in agreeing.values():
            found |= close & singles
        tokens = [t for t in form.tokens if t.role in LOOKED_UP]
        for left, right in itertools.pairwise(tokens):
            # "Jong Un" and the list's "Jongun": two words of the phrase in one list word.
            for key in glued_keys(left, right):
                found.update(index.ids(key))
        for _, _, runs in din_runs(form.tokens):
            for run in runs:  # "Badr al-Din" and the list's "Badreddine"
                found.update(index.ids("=" + run))
    if len(found) > MAX_RANKED:
        return None
    return index.rank(form, found, limit=cap, known=agreeing)
