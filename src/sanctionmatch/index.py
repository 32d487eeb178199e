"""Candidate retrieval: find the few list names worth scoring in full.

Scoring a query against every one of ~60,000 list names takes seconds; a :class:`NameIndex`
narrows them to a few dozen. It is built once from the prepared list names
(:class:`~sanctionmatch.names.NameForm`, one per distinct name) and holds posting lists:
for every key, the ids of the names that have it. Each token of a name gives keys that
mirror the ways :func:`~sanctionmatch.score.token_similarity` lets two tokens agree:

``=form``   the cross-convention comparable form ("SoiGu" for Shoigu, Choïgou, Schoigu);
``~group``  a group of known spelling variants (Vladimir, Volodymyr, Uladzimir);
``*concept`` a generic word of an organisation's name in any language (company,
            bendrovė, társaság); only organisations' names are indexed under it;
``#skel``   the consonant skeleton of a token of four letters or more (Usama/Osama),
            and of its Russian reading (comparable.russian_reading: Naumau/Naumov,
            Putinas/Putin);
``&skel``   the abjad skeleton, which a token written in Arabic or Hebrew script meets
            (``%skel`` holds only such tokens, for queries written in other scripts);
``-del``    the form with one letter deleted, and the form itself (a symmetric deletion
            neighbourhood, as in SymSpell): two tokens one typo apart share a key;
``+glued``  two adjacent tokens run together, so "Kim Jongun" meets "Kim Jong Un" and
            "Jong Un" meets "Jongun";
``^pre``, ``$suf``  the first and last five letters, which a long query token that is no
            list token looks up: it may be several glued ("GLOBALrelef Foundation");
``@abbr``   an organisation's initials ("People's Liberation Army" under "pla"), or a
            one-word name that may be initials ("PLA").

A query is looked up with the same keys. Each candidate collects, per query token, the
token's weight times how close its best key is; tokens are visited from the rarest up and
a very common token ("al", "mohamed") only adds to candidates already found. Candidates
are then ranked by an estimate of the full score built on the scorer's own formula (found
evidence against the weight left unmatched on both sides), and the best ``limit`` ids are
returned for full scoring. The candidate sets of common query tokens are kept across
queries (a bounded memo, left out of pickles). Parsing (the loaders) and indexing
(:func:`build_index`) are separate steps.
"""

from __future__ import annotations

import functools
import heapq
import itertools
from array import array
from collections.abc import Iterable, Mapping, Sequence

from attrs import field, fields, frozen

from sanctionmatch.comparable import comparable_form, russian_reading, skeleton
from sanctionmatch.names import NAME, ORGANIZATION, STOP, NameForm, Token, abjad_consonants
from sanctionmatch.score import CANDIDATE_EXTRA, CONFLICT, QUERY_EXTRA, ROLE_WEIGHT
from sanctionmatch.translations import translation_groups
from sanctionmatch.variants import variant_groups
from sanctionmatch.weights import TokenWeights

MEMO_KEYS = 1 << 16  # distinct query tokens whose keys are kept
MEMO_NEAR = 1 << 11  # common query tokens whose candidate sets are kept, per index
MEMO_NEAR_SIZE = 200  # ... a token is common when this many names are near it
MIN_FUZZY = 4  # shorter tokens get no deletion keys: one edit in them changes the name
MIN_PART = 5  # tokens this long are indexed by their first and last letters, too
LONG = 9  # a query token this long that is no list token may be several glued
COMMON = 400  # a token found in more names than this only adds to candidates found already
# How much a key says the tokens agree, roughly the similarity the scorer will give them.
EXACT, VARIANT, GLUED, SKELETON, ONE_EDIT = 1.0, 0.9, 0.9, 0.85, 0.8
ACRONYM = 0.85
PART = 0.6
STRONG = 0.6  # candidates with this share of the best evidence are always estimated
MARGIN = 0.4  # how far a full score may rise above its estimate, at worst (p99.9)


def _common_keys(token: Token) -> dict[str, float]:
    """The keys a list token is indexed under and a query token looks up alike."""
    form = token.form
    keys = {"=" + form: EXACT}
    if token.role == STOP or len(form) < 2 or form.isdigit():
        return keys
    for group in sorted(variant_groups(form)):
        keys[f"~{group}"] = VARIANT
    if len(token.text) >= MIN_FUZZY and len(skeleton(form)) >= 2:
        keys["#" + skeleton(form)] = SKELETON  # Usama/Osama: min 4 letters, as the scorer
        reading = russian_reading(token.text)
        if reading != token.text:  # Naumau meets Naumov, as the scorer reads it
            keys.setdefault("#" + skeleton(comparable_form(reading)), SKELETON)
    if len(form) >= MIN_FUZZY - 1:
        keys.setdefault("-" + form, EXACT)  # meets a list token with one letter more
    if len(form) >= MIN_FUZZY:
        for i in range(len(form)):
            keys.setdefault("-" + form[:i] + form[i + 1 :], ONE_EDIT)
    return keys


@functools.lru_cache(maxsize=MEMO_KEYS)
def token_keys(token: Token) -> tuple[str, ...]:
    """Return the keys a list token is indexed under."""
    keys = list(_common_keys(token))
    skel = abjad_consonants(token)
    if len(skel) >= 2 and token.role != STOP and not token.form.isdigit():
        # Arabic and Hebrew script write no short vowels: a token written in one meets
        # any token with its consonants ("&"), any other token only abjad ones ("%").
        keys.append("&" + skel)
        if token.abjad:
            keys.append("%" + skel)
    if len(token.form) >= MIN_PART:
        keys.extend(("^" + token.form[:MIN_PART], "$" + token.form[-MIN_PART:]))
    return tuple(keys)


@functools.lru_cache(maxsize=MEMO_KEYS)
def query_keys(token: Token) -> tuple[tuple[str, float], ...]:
    """Return the keys a query token looks up, each with how closely it ties two tokens."""
    keys = _common_keys(token)
    skel = abjad_consonants(token)
    if len(skel) >= 2 and token.role != STOP and not token.form.isdigit():
        keys[("&" if token.abjad else "%") + skel] = VARIANT
    keys["+" + token.text] = GLUED
    keys.setdefault("+" + token.form, GLUED)
    for concept in sorted(translation_groups(token.form)):
        keys[f"*{concept}"] = VARIANT  # meets organisations' names only (see name_keys)
    return tuple(keys.items())


def _part_keys(token: Token) -> tuple[tuple[str, float], ...]:
    """Keys for a long query token that is no list token: maybe several glued together.

    "GLOBALrelef" begins like "global", "sViktarhenadzevich" ends like "henadzevich".
    """
    form = token.form
    return (("^" + form[:MIN_PART], PART), ("$" + form[-MIN_PART:], PART))


def _glued(tokens: Sequence[Token]) -> set[str]:
    """Each two adjacent tokens run together, as written and as comparable forms."""
    pairs = itertools.pairwise(tokens)
    return {glued for a, b in pairs for glued in (a.text + b.text, a.form + b.form)}


def _acronyms(form: NameForm, *, query: bool = False) -> list[str]:
    """The acronym keys of a name.

    A one-word name ("PLA") is indexed under "@1pla" and a longer name under its initials
    ("@npla" for "People's Liberation Army"); a query looks up the other kind.
    """
    tokens = form.tokens
    if (query and form.schema != ORGANIZATION) or not tokens:
        return []  # the scorer reads acronyms in organisation queries only
    if len(tokens) == 1:
        text = tokens[0].text
        return [("@n" if query else "@1") + text] if 2 <= len(text) <= 6 else []
    initials = "".join(t.text[0] for t in tokens if t.role != STOP)
    return [("@1" if query else "@n") + initials] if 2 <= len(initials) <= 6 else []


def name_keys(form: NameForm) -> set[str]:
    """Return every key a list name is indexed under."""
    keys = {key for token in form.tokens for key in token_keys(token)}
    keys.update("+" + glued for glued in _glued(form.tokens))
    keys.update(_acronyms(form))
    if form.schema == ORGANIZATION:
        # The scorer pairs translated generic words in organisations' names only.
        keys.update(f"*{c}" for token in form.tokens for c in translation_groups(token.form))
    return keys


def token_weight(token: Token, weights: TokenWeights) -> float:
    """How much agreeing on a token counts: the scorer's role weight times rarity."""
    rarity = weights.rarity(token.form) if token.role == NAME else 1.0
    return ROLE_WEIGHT[token.role] * rarity


_EMPTY: array[int] = array("i")


@frozen
class NameIndex:
    """Posting lists over prepared list names; build one with :func:`build_index`.

    Attributes:
        forms: the prepared names; a name's id is its position here.
        slots: the number of each key; the ids of the names indexed under key number
            ``k`` are ``flat[starts[k]:starts[k + 1]]`` (one flat array pickles fast).
        totals: each name's summed token weight, to estimate what it leaves unmatched.
        weights: the token rarity weights the totals were computed with.
    """

    forms: tuple[NameForm, ...]
    slots: dict[str, int]
    starts: array[int]
    flat: array[int]
    totals: array[float]
    weights: TokenWeights
    # The ids near each common query token, kept across queries (see _near).
    _memo: dict[tuple[tuple[str, float], ...], tuple[set[int], set[int]]] = field(
        factory=dict, init=False, eq=False, repr=False
    )

    def __getstate__(self) -> dict[str, object]:
        """Pickle the index without its memo (see :mod:`pickle`)."""
        return {f.name: getattr(self, f.name) for f in fields(NameIndex) if f.init}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_memo", {})

    def __len__(self) -> int:
        return len(self.forms)

    def ids(self, key: str) -> array[int]:
        """Return the ids of the names indexed under ``key``, ascending."""
        slot = self.slots.get(key)
        if slot is None:
            return _EMPTY
        return self.flat[self.starts[slot] : self.starts[slot + 1]]

    def candidates(
        self,
        query: NameForm,
        *,
        limit: int = 40,
        allowed: bytes | None = None,
    ) -> list[tuple[float, int]]:
        """Return the names most likely to score best against the query.

        Args:
            query: the query, prepared like the list names.
            limit: how many names to return at most.
            allowed: per name id, non-zero where it may be returned (schema filtering).

        Returns:
            (estimated score, name id) pairs, the most promising first. The estimate
            is rough: a name scores up to about :data:`MARGIN` more in full.
        """
        evidence, total_query = self._evidence(query)
        found: dict[int, float] = {}
        for weight, close, near in evidence:
            if len(near) > COMMON and found:
                near = near.intersection(found)
                close = close.intersection(found)
            fuzzy, sure = weight * SKELETON, weight * (1.0 - SKELETON)
            for i in near:
                found[i] = found.get(i, 0.0) + fuzzy
            for i in close:
                found[i] += sure
        ranked = self._rank(found, total_query, limit, allowed)
        return [(estimate, -i) for estimate, i in ranked]

    def rank(
        self,
        query: NameForm,
        ids: Iterable[int],
        *,
        limit: int,
        known: Mapping[str, tuple[set[int], set[int]]] | None = None,
    ) -> list[tuple[float, int]]:
        """Rank some names for a query by their estimates, as :meth:`candidates` would.

        For callers that narrowed the names themselves (see :mod:`sanctionmatch.shortlist`).

        Args:
            query: the query, prepared like the list names.
            ids: the names to rank.
            limit: how many names to return at most.
            known: :meth:`agreeing` of some query tokens, by form, looked up already.

        Returns:
            (estimated score, name id) pairs, the most promising first.
        """
        found = dict.fromkeys(ids, 0.0)
        if not found:
            return []
        evidence, total_query = self._evidence(query, known)
        for weight, close, near in evidence:
            fuzzy, sure = weight * SKELETON, weight * (1.0 - SKELETON)
            for i in found:
                if i in near:
                    found[i] += fuzzy + (sure if i in close else 0.0)
        ranked = heapq.nlargest(limit, self.estimate(found.items(), total_query))
        return [(estimate, -i) for estimate, i in ranked]

    def _evidence(
        self, query: NameForm, known: Mapping[str, tuple[set[int], set[int]]] | None = None
    ) -> tuple[list[tuple[float, set[int], set[int]]], float]:
        """Per distinct query token: its weight, the ids that agree closely, and all found.

        Also returns the query's summed token weight. ``known`` holds :meth:`agreeing`
        of some tokens, by form, when the caller looked them up already.
        """
        weights = [token_weight(token, self.weights) for token in query.tokens]
        per_token: dict[str, tuple[float, tuple[tuple[str, float], ...]]] = {}
        for token, weight in zip(query.tokens, weights, strict=True):
            if weight > 0.0:
                # A token written twice ("Swe Swe Aung") counts twice.
                seen = per_token.get(token.form)
                total = weight + (0.0 if seen is None else seen[0])
                per_token[token.form] = (total, self._keys(token))
        pairs = zip(query.tokens, query.tokens[1:], weights, weights[1:], strict=False)
        for a, b, wa, wb in pairs:
            key = "=" + comparable_form(a.text + b.text)
            per_token.setdefault(key, (wa + wb, ((key, GLUED),)))
        for acronym in _acronyms(query, query=True):
            # The scorer gives an acronym a fixed score, whatever the rest.
            per_token.setdefault(acronym, (sum(weights), ((acronym, ACRONYM),)))
        evidence = []
        for form, (weight, keys) in per_token.items():
            close, near = known[form] if known and form in known else self._near(keys)
            if near:
                evidence.append((weight, close, near))
        # The rarest evidence first, so that common tokens meet a non-empty candidate set.
        evidence.sort(key=lambda e: len(e[2]))
        return evidence, sum(weights)

    def _keys(self, token: Token) -> tuple[tuple[str, float], ...]:
        """The keys a query token looks up in this index."""
        keys = query_keys(token)
        if len(token.form) >= LONG and keys[0][0] not in self.slots:
            keys += _part_keys(token)
        return keys

    def agreeing(self, token: Token) -> tuple[set[int], set[int]]:
        """The ids of the names with a token that agrees with ``token``: closely, and at all.

        Closely: by comparable form, spelling variant, abjad skeleton or gluing (keys
        worth :data:`VARIANT` or more); at all: by any key, a one-letter deletion or a
        consonant skeleton too. The sets may be shared: callers must not change them.
        """
        return self._near(self._keys(token))

    def _near(self, keys: tuple[tuple[str, float], ...]) -> tuple[set[int], set[int]]:
        """The ids under a query token's keys: those that agree closely, and all.

        A common token's sets are large and recur from query to query ("mohammad",
        "trading"): they are kept, up to MEMO_NEAR tokens (the memo is then emptied).
        The sets are shared: callers must not change them.
        """
        known = self._memo.get(keys)
        if known is not None:
            return known
        lists = [(self.ids(key), close) for key, close in keys]
        near = set().union(*(ids for ids, _ in lists))
        close = set().union(*(ids for ids, c in lists if c >= VARIANT)) if near else near
        if len(near) >= MEMO_NEAR_SIZE:
            if len(self._memo) >= MEMO_NEAR:
                self._memo.clear()
            self._memo[keys] = (close, near)
        return close, near

    def _rank(
        self,
        found: dict[int, float],
        total_query: float,
        limit: int,
        allowed: bytes | None,
    ) -> list[tuple[float, int]]:
        """Order candidates by an estimate of the full score and keep the best.

        The estimate is the scorer's formula with the found evidence as the aligned
        weight and the rest of each side's weight as unmatched (see
        :mod:`sanctionmatch.score`). Candidates with much less evidence than the best are
        estimated only if they could come within :data:`MARGIN` of the best estimate.
        """
        if not found:
            return []
        cut = max(found.values()) * STRONG
        scored = self.estimate(((i, m) for i, m in found.items() if m >= cut), total_query, allowed)
        best = max(scored)[0] if scored else 0.0
        # An estimate is at most m / (m + QUERY_EXTRA * (total - m)): solve for m.
        floor = best - MARGIN
        if floor > 0.0:
            low = QUERY_EXTRA * total_query * floor / (1.0 - floor + QUERY_EXTRA * floor)
        else:
            low = 0.0
        weak = ((i, m) for i, m in found.items() if low <= m < cut)
        scored.extend(self.estimate(weak, total_query, allowed))
        return heapq.nlargest(limit, scored)

    def estimate(
        self,
        found: Iterable[tuple[int, float]],
        total_query: float,
        allowed: bytes | None = None,
    ) -> list[tuple[float, int]]:
        """Estimate the full scores of names from the query weight they agree with.

        Args:
            found: (name id, agreeing query weight) pairs.
            total_query: the query's summed token weight.
            allowed: per name id, non-zero where it may be returned.

        Returns:
            (estimate, -id) pairs of the allowed names.
        """
        totals = self.totals
        extra = CANDIDATE_EXTRA["Person"]
        both = QUERY_EXTRA + CONFLICT
        scored: list[tuple[float, int]] = []
        append = scored.append
        for i, matched in found:
            if allowed is not None and not allowed[i]:
                continue
            if matched > total_query:
                matched = total_query  # two kinds of evidence for one token
            left_q = total_query - matched
            left_c = totals[i] - matched
            if left_c < 0.0:
                left_c = 0.0
            if left_q < left_c:
                den = matched + both * left_q + extra * (left_c - left_q)
            else:
                den = matched + QUERY_EXTRA * left_q + CONFLICT * left_c
            append((matched / den, -i))
        return scored


def build_index(forms: Iterable[NameForm], *, weights: TokenWeights) -> NameIndex:
    """Index prepared list names for :meth:`NameIndex.candidates`.

    Args:
        forms: the list names, each prepared once with
            :func:`~sanctionmatch.names.tokenize_name`; ids follow their order.
        weights: token rarity weights, usually learned from the same list.

    Returns:
        The index, immutable and safe to share between threads and to pickle.
    """
    forms = tuple(forms)
    postings: dict[str, list[int]] = {}
    totals = array("d")
    for i, form in enumerate(forms):
        for key in name_keys(form):
            ids = postings.get(key)
            if ids is None:
                postings[key] = [i]
            else:
                ids.append(i)
        totals.append(sum(token_weight(t, weights) for t in form.tokens))
    slots = dict(zip(postings, itertools.count()))
    starts = array("i", itertools.accumulate(map(len, postings.values()), initial=0))
    flat = array("i", itertools.chain.from_iterable(postings.values()))
    return NameIndex(forms, slots, starts, flat, totals, weights)
