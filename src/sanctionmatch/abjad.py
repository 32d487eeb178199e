"""Names in text written in Arabic or Hebrew script, which has no capitals.

Latin and Cyrillic text marks names with capitals; Arabic, Persian and Hebrew have none,
and write a Latin name by its consonants (بوتين, "btn", is Putin), as they write most
ordinary words: almost every word has the consonants of some list word. So a word alone
says little, and :mod:`sanctionmatch.scan` reads such text by pairs:
:func:`pair_consonants` marks two adjacent words whose consonants are two words of one
list name (فلاديمير بوتين, Vladimir Putin), or that one list word writes together (نصر الله,
Nasrallah); the marked words are name words of the text. A match found so must have a
word agreeing by three consonants at least (:func:`by_three_consonants`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from sanctionmatch.comparable import consonant_letters
from sanctionmatch.index import glued_consonants
from sanctionmatch.model import Match
from sanctionmatch.names import NAME_WORDS, abjad_consonants
from sanctionmatch.vocabulary import Vocabulary, deletions
from sanctionmatch.words import Word, adjacent

if TYPE_CHECKING:
    from sanctionmatch.matcher import Matcher

MEMO_CONSONANTS = 1 << 14  # consonant skeletons of words whose list names are kept, per list
MIN_CONSONANTS = 2  # consonants of a word that may name a list word
MIN_FUZZY_CONSONANTS = 4  # ... this many, and it may have one consonant more
MIN_STRONG = 3  # consonants of the word that carries a match
STRONG_PAIR = 0.85  # ... and its similarity with the list word


def pair_consonants(words: list[Word], matcher: Matcher, vocabulary: Vocabulary) -> list[Word]:
    """Mark the adjacent words of Arabic or Hebrew script that write two words of a list name.

    Such a script writes a Latin name by its consonants (بوتين "btn" for Putin), and so
    do most of its ordinary words: a word alone says little. Two adjacent words whose
    consonants are those of two words of one list name (فلاديمير بوتين, Vladimir Putin;
    كيم جونغ, Kim Jong) may be that name, and are screened as name words. A skeleton of
    four consonants or more may have one more than the list word's (ف writes the v of
    Vladimir: "fldmr", "ldmr").
    """
    marked: set[int] = set()
    for k in range(1, len(words)):
        left, right = words[k - 1], words[k]
        if not (left.consonants and right.consonants) or left.consonants == right.consonants:
            continue
        if not adjacent(words, k):
            continue
        named = _named_by_consonants(matcher, vocabulary, left)
        shared = named & _named_by_consonants(matcher, vocabulary, right)
        glued = glued_consonants(left.latin.split()[-1], right.latin.split()[0])
        if glued is not None:
            # نصر الله: one list word, Nasrallah; its names are the pair's.
            shared |= frozenset(matcher.index.ids(glued))
        if not shared:
            continue
        marked.update((k - 1, k))
        for other, gap in ((k - 2, k - 1), (k + 1, k + 1)):
            beside = 0 <= other < len(words) and adjacent(words, gap)
            if beside and _goes_on(words[other], shared, matcher, vocabulary):
                marked.add(other)
    return [attrs.evolve(w, paired=True) if k in marked else w for k, w in enumerate(words)]


def _goes_on(word: Word, names: frozenset[int], matcher: Matcher, vocabulary: Vocabulary) -> bool:
    """Whether a word next to a pair is a word of one of the pair's list names.

    A word of one consonant ("أون", "n", the Un of Kim Jong Un) would meet any name
    alone; next to a pair, it must be a word of one of the pair's names. So must the
    given name before a pair written as one list word (حسن before نصر الله).
    """
    if not word.consonants:
        return False
    if len(word.consonants) == 1 and len(word.consonants[0]) == 1:
        return _one_consonant_of(word, names, matcher)
    return not names.isdisjoint(_named_by_consonants(matcher, vocabulary, word))


_ARTICLES = frozenset({"al", "el"})  # the Arabic article, whose one consonant is in most names


def _one_consonant_of(word: Word, names: frozenset[int], matcher: Matcher) -> bool:
    """Whether a word of one consonant is a word of one of some list names."""
    if len(word.consonants) != 1 or len(word.consonants[0]) != 1:
        return False
    forms = matcher.index.forms
    return any(
        t.role in NAME_WORDS
        and t.text not in _ARTICLES
        and abjad_consonants(t) == word.consonants[0]
        for i in names
        for t in forms[i].tokens
    )


def _named_by_consonants(matcher: Matcher, vocabulary: Vocabulary, word: Word) -> frozenset[int]:
    """The ids of the list names with a word of this word's consonants (see above)."""
    memo = vocabulary.consonant_names
    known = memo.get(word.consonants)
    if known is None:
        keys = {c for c in word.consonants if len(c) >= MIN_CONSONANTS}
        keys |= {d for c in keys if len(c) >= MIN_FUZZY_CONSONANTS for d in deletions(c)}
        known = frozenset().union(*(matcher.index.ids("&" + key) for key in keys))
        if len(memo) >= MEMO_CONSONANTS:
            memo.clear()
        memo[word.consonants] = known
    return known


def by_three_consonants(match: Match) -> bool:
    """Whether a word of Arabic or Hebrew script agrees with the list name by three consonants.

    Two consonants meet too many names: أعلن وزير ("announced, minister": "ln", "zr")
    is no "Elena Zhirova", though each word's consonants are a list word's.
    """
    return any(
        p.query is not None
        and p.similarity >= STRONG_PAIR
        and consonant_letters(p.query) >= MIN_STRONG
        for p in match.explanation.pairs
    )
