"""The vocabulary of a list's names that scanning looks for in running text.

A :class:`Vocabulary` holds the distinctive words of a matcher's list names (and their
one-letter deletions, so that a typo still hits), the generic organisation words that may
extend a phrase, and the forms by which one word alone may name an entity: a listed
person's family name (:func:`family_forms`), an organisation's one distinctive word.
:func:`vocabulary_of` builds it once per matcher and keeps it.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from sanctionmatch.collector import collector_paused
from sanctionmatch.comparable import comparable_form, russian_reading
from sanctionmatch.memo import register
from sanctionmatch.model import PERSON, Match
from sanctionmatch.names import (
    GENERIC,
    NAME,
    NAME_WORDS,
    NameForm,
    din_run_name,
    tokenize_name,
)
from sanctionmatch.shortlist import LOOKED_UP, single_names
from sanctionmatch.variants import variant_groups
from sanctionmatch.words import Word

if TYPE_CHECKING:
    from sanctionmatch.matcher import Matcher

MIN_FUZZY = 5  # letters a word needs before a one-edit variant of it counts as a hit
MIN_STEM = 4  # letters a declined word keeps without its ending, at least
MEMO_BASES = 1 << 16  # declined words of text remembered, per list
# Case endings Slavic languages put on names in running text (latinized), longest first,
# each with what the nominative adds to the stem: the possessive adjective of Czech and
# Slovak (Wagnerova, -ovu, -ovy, -ové, -ovou, -ovej), the dative (Putinovi, Putinowi),
# the instrumental (Putinem, Putinom, Путиным; Zakharovoi and Zacharovou of Zakharova),
# and the genitive and dative (Putina, Путину), which a typo's tolerance finds in a full
# name but which must read exactly for a family name alone to be resolved.
_DECLENSIONS = (
    *((ending, "") for ending in ("ovou", "ovej", "ovi", "owi", "ova", "ovu", "ovy", "ove")),
    *((ending, "a") for ending in ("oi", "oj", "oy", "ou")),
    *((ending, "") for ending in ("em", "om", "ym", "im", "a", "u")),
)


def deletions(form: str) -> set[str]:
    """The forms one letter shorter than ``form`` (for matching a typo both ways)."""
    return {form[:i] + form[i + 1 :] for i in range(len(form))}


@frozen
class Vocabulary:
    """The distinctive words of a list's names, for finding where a name may start.

    ``exact`` holds comparable forms of given and family names, patronymics and the
    distinctive words of organisation names; ``near`` maps each one-letter deletion of
    the longer ones back to them, so that one typo still hits. ``generic`` holds the
    generic organisation words, which may extend a span but not start one.
    """

    exact: frozenset[str]
    near: dict[str, frozenset[str]]
    generic: frozenset[str]
    # The forms a word alone may name an entity by (see _lone_word_ok): a listed
    # person's family name, an organisation's one distinctive word ("~group" for the
    # variant groups of the latter); each with the ids of the list names it may name.
    alone: Mapping[str, frozenset[int]] = attrs.field(factory=dict)
    # The ids of the list names with one name word (see sanctionmatch.shortlist).
    singles: frozenset[int] = frozenset()
    # Whether parts are screened against their shortlists (False: full retrieval, always).
    shortlists: bool = True
    # The matches of the parts of spans screened so far, by surface and threshold: the
    # same names and capitalised words recur from document to document.
    screened: dict[tuple[str, bool, float], tuple[Match, ...]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    # The nominatives of declined words of text read so far (see base_of).
    bases: dict[str, str | None] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    # The list names with words of given consonants, for words of Arabic or Hebrew script.
    consonant_names: dict[tuple[str, ...], frozenset[int]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        register(self)  # reset_caches() empties the memos

    def clear_memos(self) -> None:
        """Forget the parts screened and the declined words read (see reset_caches)."""
        self.screened.clear()
        self.bases.clear()
        self.consonant_names.clear()

    @classmethod
    def from_forms(
        cls, forms: Iterable[NameForm], *, alone: Mapping[str, frozenset[int]] | None = None
    ) -> Vocabulary:
        """Build the vocabulary of prepared list names.

        Args:
            forms: the prepared list names.
            alone: the forms by which one word alone may name an entity, with the ids
                of the names it may name (see :func:`lone_forms`).
        """
        forms = tuple(forms)
        exact: set[str] = set()
        generic: set[str] = set()
        for form in forms:
            for token in form.tokens:
                if token.role in LOOKED_UP and not token.text.isdigit():
                    exact.add(token.form)
                    if (name := din_run_name(token.text)) is not None:
                        # "Nasreddine" may be written "Nasr al-Din" in text.
                        exact.update((comparable_form(name), "din"))
                elif token.role == GENERIC:
                    generic.add(token.text)
        near: dict[str, set[str]] = {}
        for word in exact:
            if len(word) >= MIN_FUZZY:
                for key in deletions(word):
                    near.setdefault(key, set()).add(word)
        near_sets = {k: frozenset(v) for k, v in near.items()}
        singles = single_names(forms)
        alone = {} if alone is None else alone
        return cls(frozenset(exact), near_sets, frozenset(generic), alone, singles)

    def may_stand_alone(self, word: Word) -> bool:
        """Whether a word alone may name a listed entity (else it is not screened alone)."""
        return any(key in self.alone for key in _alone_keys(word))

    def named_by(self, word: Word) -> set[int]:
        """The ids of the list names a word alone may name (see :func:`lone_forms`)."""
        return set().union(*(self.alone.get(key, ()) for key in _alone_keys(word)))

    def base_of(self, word: Word) -> str | None:
        """The list word a declined word of text stands for ("Putinem" for Putin), or None.

        Slavic languages decline names in running text: the instrumental (s Putinem,
        с Путиным, z Władimirem), the dative (Putinovi, Putinowi), a possessive adjective
        (Wagnerova skupina), a woman's instrumental (Zakharovoi, Zacharovou), the
        genitive and the dative (Putina, Путину). A word that is no list word but drops
        such an ending to one is read as that word.
        """
        latin = word.latin
        if word.common:
            return None
        known = self.bases.get(latin, ...)
        if known is not ...:
            return known
        base = None
        if not any(f in self.exact for f in word.forms):
            for ending, added in _DECLENSIONS:
                stem = latin.removesuffix(ending)
                if stem == latin or len(stem) < MIN_STEM or " " in stem:
                    continue
                # Read as Russian too: Polish "Siergiejem" is Siergiej, Sergej.
                for nominative in dict.fromkeys((stem + added, russian_reading(stem + added))):
                    if comparable_form(nominative) in self.exact:
                        base = nominative
                        break
                if base is not None:
                    break
        if len(self.bases) >= MEMO_BASES:
            self.bases.clear()
        self.bases[latin] = base
        return base

    def lists(self, word: Word) -> bool:
        """Whether a word is written in the list's names, common word or not ("Company")."""
        if word.consonants:
            return word.paired  # Arabic or Hebrew script (see hits)
        return word.latin in self.generic or any(f in self.exact for f in word.forms)

    def hits(self, word: Word) -> bool:
        """Whether a word may be part of a listed name (exactly or within one edit)."""
        if word.common:
            return False
        if word.consonants:
            # Arabic or Hebrew script: most words have the consonants of some list word;
            # two adjacent ones of one list name are a hit (see abjad.pair_consonants).
            return word.paired
        for form in word.forms:
            if form in self.exact:
                return True
            if len(form) >= MIN_FUZZY:
                if form in self.near:
                    return True
                if any(k in self.near or k in self.exact for k in deletions(form)):
                    return True
        return False


def _alone_keys(word: Word) -> set[str]:
    """A word's forms and variant groups ("~group"), as :func:`lone_forms` keys them."""
    return {*word.forms, *(f"~{group}" for f in word.forms for group in variant_groups(f))}


def lone_forms(matcher: Matcher) -> dict[str, frozenset[int]]:
    """The forms by which one word alone may name an entity of a matcher's list.

    A superset of what :func:`_lone_word_ok` accepts, known before screening: a listed
    person's family name (:func:`family_forms`), and the distinctive word of an
    organisation name with one ("Wagner" of "Wagner Group"), with its variant groups.

    Returns:
        Each form, with the ids of the prepared list names it may name.
    """
    out: dict[str, set[int]] = {}
    for i, (form, owners) in enumerate(zip(matcher.index.forms, matcher.owners, strict=True)):
        named = [t for t in form.tokens if t.role in NAME_WORDS]
        keys: set[str] = set()
        for number, value in owners:
            if matcher.entities[number].schema == PERSON:
                if "," in value or any(w.isupper() and len(w) > 1 for w in value.split()):
                    keys.update(family_forms(value))
                elif named:
                    keys.add(named[-1].form)  # the last name word, as family_forms reads it
            elif len({t.text for t in named}) == 1:
                keys.add(named[0].form)
                keys.update(f"~{group}" for group in variant_groups(named[0].form))
        for key in keys:
            out.setdefault(key, set()).add(i)
    return {key: frozenset(ids) for key, ids in out.items()}


@functools.lru_cache(maxsize=1 << 12)
def family_forms(name: str) -> frozenset[str]:
    """The comparable forms of a listed person's family name.

    The part before the comma in list order ("SHOIGU, Sergei"), else the words written in
    capitals in a mixed-case name ("Sergei Kuzhugetovich SHOIGU"), else the last word.
    """
    if "," in name:
        return frozenset(t.form for t in tokenize_name(name.split(",")[0], "Person").tokens)
    words = name.split()
    capitals = [w for w in words if w.isupper() and len(w) > 1]
    if capitals and len(capitals) < len(words):
        return frozenset(t.form for w in capitals for t in tokenize_name(w, "Person").tokens)
    tokens = [t for t in tokenize_name(name, "Person").tokens if t.role == NAME]
    return frozenset({tokens[-1].form}) if tokens else frozenset()


_VOCABULARIES: weakref.WeakKeyDictionary[Matcher, Vocabulary] = weakref.WeakKeyDictionary()
_VOCABULARY_LOCK = threading.Lock()


def vocabulary_of(matcher: Matcher) -> Vocabulary:
    """The scanning vocabulary of a matcher's list, built on first use and kept."""
    with _VOCABULARY_LOCK:
        vocabulary = _VOCABULARIES.get(matcher)
        if vocabulary is None:
            with collector_paused():  # many small acyclic objects (see collector)
                alone = lone_forms(matcher)
                vocabulary = Vocabulary.from_forms(matcher.index.forms, alone=alone)
            _VOCABULARIES[matcher] = vocabulary
        return vocabulary
