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
            "Jong Un" meets "Jongun"; and "Badr al-Din" as lists run it together
            ("Badreddine", see :func:`din_runs`);
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
from collections.abc import Iterable, Iterator, Mapping, Sequence

from attrs import field, fields, frozen

from sanctionmatch.comparable import comparable_form, russian_reading, skeleton
from sanctionmatch.memo import register
from sanctionmatch.names import (
    NAME,
    ORGANIZATION,
    STOP,
    NameForm,
    Token,
    abjad_consonants,
    din_written_apart,
)
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
MIN_HALF = 3  # letters of each of two Arabic or Hebrew words a list word may write as one
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


def glued_keys(left: Token, right: Token) -> tuple[str, ...]:
    """The keys of a list word that two adjacent query words may write together.

    "Kim Jong Un" meets "Kim Jongun", and Arabic writes some names as two words that
    lists write as one: نصر الله (nsr llh) is Nasrallah; their consonants meet. A short
    word's consonants would glue to too many names ("jwng wn", Yangon).
    """
    glued = "=" + comparable_form(left.text + right.text)
    consonants = glued_consonants(left.text, right.text) if left.abjad and right.abjad else None
    return (glued,) if consonants is None else (glued, consonants)


def glued_consonants(left: str, right: str) -> str | None:
    """The ``&`` key two latinized words of Arabic or Hebrew script meet run together.

    None when a word is shorter than :data:`MIN_HALF`: its few consonants would glue to
    too many names.
    """
    if min(len(left), len(right)) < MIN_HALF:
        return None
    return "&" + skeleton(comparable_form(left + right), abjad=True)


def din_runs(tokens: Sequence[Token]) -> Iterator[tuple[int, int, set[str]]]:
    """Where a name writes "Badr al-Din" or "al-Din" apart, and the forms run together.

    Yields the position, the number of tokens and the comparable forms of the spellings
    a list may run them together in ("Badreddine"; see
    :func:`~sanctionmatch.names.din_written_apart`): a query token so written meets the
    list name under its ``+glued`` keys, a list token under its ``=form``.
    """
    for i in range(len(tokens) - 1):
        apart = din_written_apart(tokens, i)
        if apart is not None:
            yield i, apart[1], {comparable_form(text) for text in apart[0]}


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
    keys.update("+" + run for _, _, runs in din_runs(form.tokens) for run in runs)
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

    def __attrs_post_init__(self) -> None:
        register(self)  # reset_caches() empties the memo

    def __getstate__(self) -> dict[str, object]:
        """Pickle the index without its memo (see :mod:`pickle`)."""
        return {f.name: getattr(self, f.name) for f in fields(NameIndex) if f.init}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_memo", {})
        register(self)

    def clear_memos(self) -> None:
        """Forget the candidate sets of common query tokens (see memo.reset_caches)."""
        self._memo.clear()

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
        ranked = self._rank(_partition(evidence), total_query, limit, allowed)
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
        universe = set(ids)
        if not universe:
            return []
        evidence, total_query = self._evidence(query, known)
        parts = _partition(evidence, universe)
        ranked = self._top(parts, total_query, limit, None)
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
            for key in glued_keys(a, b):
                per_token.setdefault(key, (wa + wb, ((key, GLUED),)))
        for i, taken, runs in din_runs(query.tokens):
            keys = tuple(("=" + run, GLUED) for run in sorted(runs))
            per_token.setdefault(keys[0][0], (sum(weights[i : i + taken]), keys))
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
        if len(token.form) < MIN_PART or keys[0][0] in self.slots:
            return keys
        if len(token.form) >= LONG or not any(key in self.slots for key, _ in keys):
            # A long word may be several run together; a word no key of which is a list
            # word's may still be one two edits away ("Mutebuzi", "Mutebutsi"): it looks
            # up the list words that begin or end as it does.
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
        parts: list[tuple[float, set[int]]],
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
        if not parts:
            return []
        cut = max(matched for matched, _ in parts) * STRONG
        best = self._top([p for p in parts if p[0] >= cut], total_query, 1, allowed)
        # An estimate is at most m / (m + QUERY_EXTRA * (total - m)): solve for m.
        floor = (best[0][0] if best else 0.0) - MARGIN
        if floor > 0.0:
            low = QUERY_EXTRA * total_query * floor / (1.0 - floor + QUERY_EXTRA * floor)
        else:
            low = 0.0
        low = min(low, cut)  # the strong ones always count
        return self._top([p for p in parts if p[0] >= low], total_query, limit, allowed)

    def _top(
        self,
        parts: list[tuple[float, set[int]]],
        total_query: float,
        limit: int,
        allowed: bytes | None,
    ) -> list[tuple[float, int]]:
        """The best ``limit`` (estimate, -id) pairs of names grouped by evidence, best first.

        An estimate falls as a name's weight grows (more is left unmatched): each group's
        best is its lightest name. Groups are visited from the best bound down, each
        group's names from the lightest up, and the visit stops once nothing left could
        place (the threshold algorithm). Ties go to the lower id, as in a full sort.
        """
        totals = self.totals
        weight_of = totals.__getitem__
        bounded = sorted(
            ((_estimate(m, min(map(weight_of, ids)), total_query), m, ids) for m, ids in parts),
            key=lambda b: b[0],
            reverse=True,
        )
        heap: list[tuple[float, int]] = []
        for bound, matched, ids in bounded:
            if len(heap) >= limit and bound < heap[0][0]:
                break
            for i in sorted(sorted(ids), key=weight_of):
                if allowed is not None and not allowed[i]:
                    continue
                pair = (_estimate(matched, totals[i], total_query), -i)
                if len(heap) < limit:
                    heapq.heappush(heap, pair)
                elif pair > heap[0]:
                    heapq.heapreplace(heap, pair)
                elif pair[0] < heap[0][0]:
                    break  # the rest of the group is heavier: no better
        return sorted(heap, reverse=True)


def _estimate(matched: float, total: float, total_query: float) -> float:
    """Estimate a name's full score from the query weight it agrees with.

    Args:
        matched: the query weight the name's tokens agree with.
        total: the name's summed token weight.
        total_query: the query's summed token weight.
    """
    if matched > total_query:
        matched = total_query  # two kinds of evidence for one token
    left_q = total_query - matched
    left_c = total - matched
    if left_c < 0.0:
        left_c = 0.0
    if left_q < left_c:
        den = matched + (QUERY_EXTRA + CONFLICT) * left_q + _EXTRA * (left_c - left_q)
    else:
        den = matched + QUERY_EXTRA * left_q + CONFLICT * left_c
    return matched / den


_EXTRA = CANDIDATE_EXTRA["Person"]


def _partition(
    evidence: list[tuple[float, set[int], set[int]]], universe: set[int] | None = None
) -> list[tuple[float, set[int]]]:
    """Group names by the query weight they agree with, with set operations.

    Each token's evidence splits every group in three: the names it found closely, those
    it found at all, and the rest. A common token (more than :data:`COMMON` names) only
    splits the groups found already; so does every token when ``universe`` is given.

    Args:
        evidence: per query token, its weight, the ids that agree closely, and all found.
        universe: the only names to group, or None for all that the evidence finds.

    Returns:
        (agreeing query weight, ids) pairs; the weight of a name is the sum, token by
        token, of ``weight * SKELETON`` if found and ``weight * (1 - SKELETON)`` more if
        found closely.
    """
    fixed = universe is not None
    parts: list[tuple[float, set[int]]] = [(0.0, universe)] if universe else []
    seen: set[int] = set() if universe is None else universe
    for weight, close, near in evidence:
        fuzzy, sure = weight * SKELETON, weight * (1.0 - SKELETON)
        refined: list[tuple[float, set[int]]] = []
        for matched, ids in parts:
            inside = ids & near
            if not inside:
                refined.append((matched, ids))
                continue
            if len(inside) < len(ids):
                refined.append((matched, ids - inside))
            _split(refined, matched + fuzzy, sure, inside, close)
        if not fixed and not (len(near) > COMMON and seen):
            new = near - seen
            if new:
                seen = seen | new
                _split(refined, 0.0 + fuzzy, sure, new, close)
        parts = refined
    return parts


def _split(
    out: list[tuple[float, set[int]]], matched: float, sure: float, ids: set[int], close: set[int]
) -> None:
    """Add ``ids`` to ``out`` as two groups: those in ``close`` earn ``sure`` more."""
    closely = ids & close
    if closely:
        out.append((matched + sure, closely))
    if len(closely) < len(ids):
        out.append((matched, ids - closely))


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
