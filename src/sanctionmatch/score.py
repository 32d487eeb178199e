"""Pairwise name scoring: :func:`compare` and :func:`explain`.

Two names are compared token by token. Each query token is aligned with at most one
candidate token (best pairs first); a pair's similarity is the best evidence among the
tokens' forms: identical latin text, identical cross-convention comparable form, identical
consonant skeleton (abjad scripts), an initial, or an edit-distance similarity; in an
organisation's name, two generic words of one concept in two languages ("bendrovė",
"company") pair as a translation (:mod:`sanctionmatch.translations`), and one word with
other endings ("Uljanovský", "Ulyanovsk") as an inflection; person names left
unpaired may pair as a nickname and its full name ("Bob", "Robert"). Adjacent
tokens glued on one side ("Jongun", "JSCARGUMENT") are split to meet the other side.

The score is the weighted share of aligned evidence::

    score = sum(sim * w for pairs) / (sum(w + KAPPA * (1 - sim) * w for pairs)
                                      + QUERY_EXTRA * unmatched query weight
                                      + CONFLICT * conflicting weight
                                      + CANDIDATE_EXTRA * other unmatched candidate weight)

A token's weight says how much agreeing on it means: a rare family name more than "Kim" or
"Mohammed" (see :mod:`sanctionmatch.weights`), a particle, initial or generic organisation
word little, a legal form nothing. Unmatched tokens on both sides are a conflict ("Sergey
Ivanovich Lavrov" vs "Sergey Viktorovich Lavrov") and cost far more than a token present
on one side only (a missing middle name or patronymic), except in a query written in
syllables (Hangul, Han), where a syllable the other name lacks belongs to another given
name and costs SYLLABLE_EXTRA instead of QUERY_EXTRA.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterator

import jellyfish

from sanctionmatch.comparable import comparable_form, consonant_letters, russian_reading
from sanctionmatch.legal_forms import ANY_KIND, legal_form_families
from sanctionmatch.model import Explanation, Penalty, TokenPair
from sanctionmatch.names import (
    DESCRIPTOR,
    DIN_ARTICLES,
    GENERIC,
    INITIAL,
    NAME,
    NUMBER,
    ORGANIZATION,
    PARTICLE,
    PATRONYMIC,
    QUALIFIER,
    STOP,
    NameForm,
    Token,
    abjad_consonants,
    din_written_apart,
    family_syllable,
    office_titles,
    token_skeleton,
    tokenize_name,
)
from sanctionmatch.text import quoted_apart, readings
from sanctionmatch.translations import are_translations
from sanctionmatch.variants import are_nicknames, are_variants
from sanctionmatch.weights import TokenWeights, default_weights

DEFAULT_THRESHOLD = 0.72
"""Scores at or above this are alerts: the names are taken to be the same subject."""

# How much each role's token counts, before its rarity.
ROLE_WEIGHT = {
    NAME: 1.0,
    PATRONYMIC: 0.6,
    NUMBER: 0.8,
    GENERIC: 0.3,
    DESCRIPTOR: 0.15,
    QUALIFIER: 0.3,
    INITIAL: 0.3,
    PARTICLE: 0.15,
    STOP: 0.0,
}
SHORT = 0.1  # extra cost of an edit in a token of four letters or fewer
MULTI_EDIT = 1.5  # cost of each edit, relative to a lone one, when there are several
MIN_PAIR = 0.6  # token pairs less similar than this are not aligned
KAPPA = 0.5  # how much a fuzzy pair's dissimilarity costs on top of its lost evidence
QUERY_EXTRA = 0.3  # cost of a query token with no counterpart, per unit of weight
# ... by what the list entry is: a word added to an organisation's or a vessel's name makes
# another name ("Gazprom Neft", "Azize Sakarya" against the vessel SAKARYA).
QUERY_EXTRA_OF = {"Person": QUERY_EXTRA, "Organization": 0.6}
SYLLABLE_EXTRA = 2.0  # ... of a syllable of a name written in Hangul or Han characters
SYLLABLE_LETTERS = 7  # the longest latinized syllable ("ppyeong"); longer is a whole name
CANDIDATE_EXTRA = {"Person": 0.3, ORGANIZATION: 0.6}  # ... of a list token with none
CONFLICT = 2.0  # cost of tokens unmatched on both sides, per unit of the smaller weight
QUALIFIERS_DIFFER = 1.0  # cost of each pair of parenthesized qualifiers that differ
LEGAL_FORM_CONFLICT = 0.03  # two legal forms of one family ("OAO" vs "JSC")
LEGAL_FAMILY_CONFLICT = 0.3  # two legal forms of different families ("AG" vs "GmbH")
DESCRIPTION = 0.3  # the most the words describing an organisation weigh, left unmatched
GLUED_MIN = 0.9  # similarity at which a glued token is taken for its parts
SINGLE = 0.9  # factor on a one-word person name matched against a longer one
ABBREVIATION = 0.8  # "Comm" for "Communication", "Int'l" for "International"
TRANSLATION = 0.9  # "bendrovė" for "company": one generic word in two languages
INFLECTED = 0.85  # "Uljanovský" for "Ulyanovsk": one word with another ending
MIN_STEM = 5  # letters two inflected forms of a word share at the start, at least
MAX_ENDING = 4  # letters of an inflection's ending, at most
TITLED_FAMILY = 0.5  # factor on the cost of given names a titled family name leaves unsaid
TRUNCATED = 0.9  # "JUARE" for "JUAREZ" at the end of a name cut at a field width
NICKNAME = 0.87  # "Bob" for "Robert": a known nickname, weaker than a spelling variant
ACRONYM = 0.8  # "PLA" for "People's Liberation Army": weak evidence, just above the threshold
INITIALS_ONLY = 0.5  # the most a match on initials alone can score
SWAPPED_SYLLABLES = 0.6  # the most when a given name's syllables come in the other order
RUSSIAN_READING = 0.9  # at most, for a Belarusian or Ukrainian spelling and the Russian one
SHORT_SKELETON = 0.8  # an abjad token agreeing with another on fewer than 3 consonants
SYLLABIC = frozenset({"Hangul", "Han", "Kana"})  # scripts compared as written, too
_CLOSED_SYLLABLES = frozenset({"Hangul", "Han"})  # names of a few syllables of a closed set
# The Revised Romanization of Korean against McCune-Reischauer's (as the lists write it):
# initial b, d, g, j are p, t, k, ch; eo and eu are o and u. 변 is byeon and Pyon.
_MCCUNE = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        ("^b", "p"),
        ("^d", "t"),
        ("^g", "k"),
        ("^j", "ch"),
        ("eo", "o"),
        ("eu", "u"),
    )
)
VARIANT_SYLLABLE = 0.9  # a Korean syllable in the other romanization (byeon, Pyon)


@functools.lru_cache(maxsize=1 << 12)  # syllables: a few thousand at most
def _mccune(text: str) -> str:
    """A Revised Romanization syllable as McCune-Reischauer writes it, without marks."""
    for pattern, replacement in _MCCUNE:
        text = pattern.sub(replacement, text)
    return text


_CONSONANTS_ONLY = frozenset({"vowels", "skeleton"})  # pairings by consonants alone
# Pairings by likeness of letters (a reading is one too: Hungarian gy, Latvian -s).
_LIKENESS = frozenset({"fuzzy", "russian reading", *_CONSONANTS_ONLY})
_LINEAGE = frozenset({"bin", "ibn", "ben", "bint", "binti", "ould"})  # "son/daughter of"

MEMO_PAIRS = 1 << 16


@functools.lru_cache(maxsize=MEMO_PAIRS)
def token_similarity(a: Token, b: Token) -> tuple[float, str]:
    """Return how similar two tokens are, in [0, 1], and which form agreed.

    Similarities below ``MIN_PAIR`` only say the tokens do not pair; they may be given as 0.
    """
    if a.text == b.text:
        return 1.0, "exact"
    if a.role == NUMBER or b.role == NUMBER:
        return 0.0, "number"
    if len(a.text) == 1 or len(b.text) == 1:
        one = a if len(a.text) == 1 else b
        # A letter that is a word ("a", "and") abbreviates nothing.
        if a.text[0] == b.text[0] and not one.abjad and STOP not in (a.role, b.role):
            return 0.9, "initial"
        # One consonant left of an Arabic or Hebrew word is not an initial (עם is "m").
        return 0.0, "initial"
    if a.form == b.form:
        return 0.95, "comparable"
    if are_variants(a.form, b.form):
        return 0.9, "variant"
    if a.abjad or b.abjad:
        # Arabic and Hebrew script write consonants only: compare those.
        sa, sb = abjad_consonants(a), abjad_consonants(b)
        # Two consonants are a weak likeness between words of four letters or more
        # (هانيه "hnyh" and Khan, پور "pwr" and Jaber): a root mostly has three. A short
        # name has few by nature (علي and Ali).
        short = min(len(sa), len(sb)) < 3 and max(len(a.text), len(b.text)) >= 4
        weight = SHORT_SKELETON if short else 0.9
        if a.abjad != b.abjad and not _abjad_writes(a, b):
            return _edit_similarity(a.form, b.form), "fuzzy"
        if sa == sb and len(sa) >= 2:
            return weight, "skeleton"
        return max(_edit_similarity(a.form, b.form), weight * _edit_similarity(sa, sb)), "fuzzy"
    if a.skel == b.skel and min(len(a.text), len(b.text)) >= 4 and _vowel_variant(a, b):
        # Same consonants, a vowel written otherwise: Usama/Osama, Ladin/Laden, Poetin/Putin.
        # The skeleton also merges p/b and v/f, which may cost less as an edit.
        return max((0.85, "vowels"), (_edit_similarity(a.form, b.form), "fuzzy"))
    a_ru, b_ru = russian_reading(a.text), russian_reading(b.text)
    if a_ru != a.text or b_ru != b.text:
        # Belarusian writes ў (u, w) for the Russian в of -ов (Naumau is Naumov),
        # Ukrainian h for г (Dovhopolov is Dolgopolov), Lithuanian adds -as (Putinas),
        # Hungarian writes ч as cs (see comparable.russian_reading). Read both as
        # Russian too; the better counts. Read so, the letters must agree: a likeness of
        # consonants alone ("vowels") would meet other names ("Perkin", "Boyarkin").
        sim, how = token_similarity(_reading(a, a_ru), _reading(b, b_ru))
        if sim >= MIN_PAIR and how not in _CONSONANTS_ONLY:
            return max((min(sim, RUSSIAN_READING), "russian reading"), _spelled(a, b))
    return _spelled(a, b)


def _reading(token: Token, text: str) -> Token:
    """A token read otherwise: the same token, or one built for the new spelling."""
    if text == token.text:
        return token
    form = comparable_form(text)
    return Token(text, form, token_skeleton(text, form, token.abjad), token.role, token.abjad)


def _spelled(a: Token, b: Token) -> tuple[float, str]:
    """How similar two tokens are by their letters alone (the end of token_similarity)."""
    longest, gap = max(len(a.form), len(b.form)), abs(len(a.form) - len(b.form))
    if gap > 1 and 1.0 - MULTI_EDIT * gap / longest < MIN_PAIR:
        # Too different in length to pair whatever the letters: skip the edit distance.
        return 0.0, "fuzzy"
    sim = _edit_similarity(a.form, b.form)
    if (
        sim < 1.0 - 1.0 / len(a.text)
        and abs(len(a.text) - len(b.text)) <= 1
        and jellyfish.damerau_levenshtein_distance(a.text, b.text) == 1
    ):
        # A typo is made in the written word: the comparable forms may hide it ("Appel"
        # and "Apple" lose their final e differently), so one edit as written counts as one.
        sim = _edit_similarity(a.text, b.text)
    return sim, "fuzzy"


_VOWELS = "aeiou"


_LABIALS = ("w", "v", "f", "b")  # the letters an abjad may write a Latin v or w with


def _abjad_writes(a: Token, b: Token) -> bool:
    """Whether an abjad token writes what a Latin one spells as consonants.

    The consonant skeletons leave out و and ی, which write vowels as well as consonants.
    But a Latin v or w needs a letter written for it, و or ف (Hebrew ו or ב): موسوی
    (mwswy) is Musavi, اسرا (sr) is not Severa (דוד "dvd" is David). And a final ی/ي is
    mostly the suffix -i, or the long a of موسی (Musa), that a Latin spelling ends with a
    vowel: حمیدی (hmydy) is Hamidi, not Hamad; محمدی is Mohammadi, not Mohammed.
    """
    latin, written = (b, a) if a.abjad else (a, b)
    if latin.form.count("v") > sum(map(written.text.count, _LABIALS)):
        return False
    ends = len(written.text) >= 3 and written.text.endswith("y")
    return not ends or latin.form[-1] in "iyae"


# Consonants that transliterations and typos swap for each other: they cost half an edit,
# as does a vowel for a vowel.
_KIN = ("mn", "bp", "dt", "kg", "sz", "lr", "fv", "Ss", "Sc", "Jz", "kh", "sc")
_HALF = frozenset(
    [(x, y) for x in _VOWELS for y in _VOWELS if x != y]
    + [(k[0], k[1]) for k in _KIN]
    + [(k[1], k[0]) for k in _KIN]
)


# Letters joined by the half-cost pairs above, each group written as one letter: the
# plain distance between two tokens so written is a lower bound of the weighted one.
_KIN_GROUPS = str.maketrans(
    {x: g[0] for g in ("aeiou", "mn", "bp", "dt", "kgh", "szScJ", "lr", "fv") for x in g}
)
_HALF_OF = {x: frozenset(y for z, y in _HALF if z == x) for x, _ in _HALF}
_NO_HALF: frozenset[str] = frozenset()


def _weighted_distance(a: str, b: str, limit: float) -> float:
    """Edit distance where a vowel for a vowel, or a kindred consonant, costs half.

    Returns infinity once every path costs more than ``limit``: the caller only needs
    the exact distance up to it.
    """
    previous = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, start=1):
        half = _HALF_OF.get(x, _NO_HALF)
        left = float(i)
        current = [left]
        lowest = left
        # previous holds one more cell than b has letters: the diagonal of the last.
        for diagonal, up, y in zip(previous, previous[1:], b, strict=False):
            if x != y:
                diagonal += 0.5 if y in half else 1.0
            up += 1.0
            left += 1.0
            if up < left:
                left = up
            if diagonal < left:
                left = diagonal
            current.append(left)
            if left < lowest:
                lowest = left
        if lowest > limit:
            return math.inf  # the row minimum never falls: the distance exceeds the limit
        previous = current
    return previous[-1]


_VOWEL_GROUPS = re.compile(r"[aeiou]+")


@functools.lru_cache(maxsize=MEMO_PAIRS)
def _vowel_slots(form: str) -> tuple[int, ...]:
    """After how many consonants each vowel group stands ("usama": 0, 1, 2).

    A doubled consonant counts once, as in the skeleton ("hassan", "hasan": 1, 2).
    """
    slots: list[int] = []
    consonants = 0
    previous = ""
    for letter in form:
        if letter in _VOWELS:
            if not previous or previous not in _VOWELS:
                slots.append(consonants)
        elif letter != previous:
            consonants += 1
        previous = letter
    return tuple(slots)


def _vowel_variant(a: Token, b: Token) -> bool:
    """Whether two tokens with one consonant skeleton differ in few vowel groups.

    One group may differ ("usama"/"osama"), two in names of four consonants or more
    ("mohamed"/"muhamad"); "putin"/"piton" or "times"/"tamas" are other names. The
    vowels must stand between the same consonants: a vowel written otherwise is a
    spelling, one moved or added is another name ("Diana"/"Adan", "Kala"/"Akli").
    """
    va: list[str] = _VOWEL_GROUPS.findall(a.form)
    vb: list[str] = _VOWEL_GROUPS.findall(b.form)
    if len(va) != len(vb) or len(a.skel) < 2 or _vowel_slots(a.form) != _vowel_slots(b.form):
        return False
    differ = sum(x != y for x, y in zip(va, vb, strict=True))
    return differ <= (2 if len(a.skel) >= 4 else 1)


def _edit_similarity(a: str, b: str, *, per_edit: float = 1.0, weighted: bool = True) -> float:
    longest = max(len(a), len(b))
    distance: float = jellyfish.damerau_levenshtein_distance(a, b)
    if distance == 0:
        return 1.0
    if distance == 1 and weighted and len(a) == len(b):
        # One substitution: half an edit if kindred (Mkrtychev/Mkrtycev, s for š).
        x, y = next((x, y) for x, y in zip(a, b, strict=True) if x != y)
        if (x, y) in _HALF:
            distance = 0.5
    # One edit in a short token changes the name: "Kim"/"Kin", "Ante"/"Ande". A single
    # edit is how typos and most spelling variants differ; each further edit costs more,
    # as names that differ in a block of letters are different names (Castro/Castillo).
    short = SHORT if longest <= 4 else 0.0
    # The weighted distance is at least half the plain one: skip it where even that
    # could not make a pair.
    if weighted and distance > 1 and 1.0 - MULTI_EDIT * distance / (2 * longest) >= MIN_PAIR:
        # Past this distance the tokens do not pair (the similarity is below MIN_PAIR),
        # with a lone edit's cost up to a distance of 1 and the dearer one beyond.
        lone = (1.0 - MIN_PAIR - short) * longest / per_edit
        limit = max(min(1.0, lone), lone / MULTI_EDIT)
        kin_a, kin_b = a.translate(_KIN_GROUPS), b.translate(_KIN_GROUPS)
        if jellyfish.levenshtein_distance(kin_a, kin_b) <= limit:
            distance = min(distance, _weighted_distance(a, b, limit))
    cost = per_edit * (distance if distance <= 1 else MULTI_EDIT * distance)
    return max(0.0, 1.0 - cost / longest - short)


def _weight(token: Token, weights: TokenWeights) -> float:
    return ROLE_WEIGHT[token.role] * (weights.rarity(token.form) if token.role == NAME else 1.0)


@functools.lru_cache(maxsize=MEMO_PAIRS)
def _merged(left: Token, right: Token) -> Token:
    """Two adjacent tokens run together into one."""
    text = left.text + right.text
    form = comparable_form(text)
    abjad = left.abjad or right.abjad
    return Token(text, form, token_skeleton(text, form, abjad), NAME, abjad)


_UNCOUNTED = frozenset({GENERIC, STOP})  # words an organisation's name adds or drops freely


def _words(tokens: tuple[Token, ...]) -> int:
    """The words that could be halves of a word split in two: not initials, not generic.

    Generic words come and go between two names of one body ("INTERALIMENT OFFSHORE
    COMPANY" and "INTER ALIMENT"): counting them would hide the split in the other.
    """
    return sum(len(t.text) > 1 and t.role not in _UNCOUNTED for t in tokens)


def _glued_din(tokens: list[Token], i: int, other: tuple[Token, ...]) -> tuple[Token, int] | None:
    """ "Badr al-Din" or "al-Din" at ``tokens[i]`` as one word, if ``other`` writes it so.

    The spelling run together that is most like a token of ``other`` (see
    :func:`~sanctionmatch.names.din_written_apart`), and how many tokens it takes.
    """
    apart = din_written_apart(tokens, i)
    if apart is None:
        return None
    best, best_sim = None, GLUED_MIN
    for text in apart[0]:
        form = comparable_form(text)
        merged = Token(text, form, token_skeleton(text, form, False), NAME, False)
        sim = max((token_similarity(merged, t)[0] for t in other if len(t.text) >= 4), default=0)
        if sim >= best_sim:
            best, best_sim = merged, sim
    return None if best is None else (best, apart[1])


def _glue(side: tuple[Token, ...], other: tuple[Token, ...]) -> tuple[Token, ...]:
    """Merge adjacent tokens of ``side`` whose concatenation is a token of ``other``."""
    out = list(side)
    written = {t.form for t in other}
    i = 0
    while i < len(out) - 1:
        if out[i].abjad and out[i].text == "al":
            i += 1  # the Arabic article, split off as written (الروسي is "al rwsy")
            continue
        # The article of "Badr al-Din" here or next: a set lookup spares the call.
        article = out[i].text in DIN_ARTICLES or out[i + 1].text in DIN_ARTICLES
        din = _glued_din(out, i, other) if article else None
        if din is not None:
            out[i : i + din[1]] = [din[0]]
            i += 1
            continue
        merged = _merged(out[i], out[i + 1])
        if min(len(out[i].text), len(out[i + 1].text)) == 1 and merged.form in (
            out[i].form,
            out[i + 1].form,
        ):
            # "M MAHAR" runs to "mmahar", whose doubled letter reads "mahar": the
            # initial would vanish into the word it stands next to.
            i += 1
            continue
        if out[i].form in written and out[i + 1].form in written:
            # Both halves are words of the other name already: "W AND G ARQUITECTOS" has
            # no "garquitectos" when the other writes "W&G ARQUITECTOS".
            i += 1
            continue
        halves: bool | None = None  # each half writes a consonant (asked of abjad pairs only)
        for target in other:
            if len(target.text) < 4:
                continue
            abjad = merged.abjad or target.abjad
            if not abjad and abs(len(target.form) - len(merged.form)) > 2:
                continue
            if abjad:
                # Against Arabic or Hebrew script each half must write a consonant: "Yo
                # Jong" is no جونغ (jwng) though "yojong" has its consonants.
                if halves is None:
                    halves = all(consonant_letters(t.text) for t in out[i : i + 2])
                if not halves:
                    continue
            if (
                merged.abjad
                and abs(consonant_letters(merged.text) - consonant_letters(target.text)) > 1
            ):
                continue  # the skeleton merges doubled letters: "sysy dydar" is no Sadra
            if token_similarity(merged, target)[0] >= GLUED_MIN:
                out[i : i + 2] = [merged]
                break
        else:
            i += 1
    return tuple(out)


def _prepare_pair(a: str, b: str, schema: str | None) -> tuple[NameForm, NameForm]:
    qa, qb = tokenize_name(a, schema), tokenize_name(b, schema)
    if schema is None and qa.schema != qb.schema:
        # One side reads as an organisation ("JSC ARGUMENT"): read both as one.
        qa, qb = tokenize_name(a, ORGANIZATION), tokenize_name(b, ORGANIZATION)
    return qa, qb


def _prepared_readings(a: str, b: str, schema: str | None) -> Iterator[tuple[NameForm, NameForm]]:
    """Both names prepared, in each way screening reads them (see text.other_readings)."""
    yield _prepare_pair(a, b, schema)  # first: it checks the arguments
    pairs = list(itertools.product(readings(a), readings(b)))
    for read_a, read_b in pairs:
        if (read_a, read_b) != (a, b):
            yield _prepare_pair(read_a, read_b, schema)
    if schema is None and (quoted_apart(a) or quoted_apart(b)):
        # Words in quotes and others: a name proper, if it is an organisation's.
        for read_a, read_b in pairs:
            yield _prepare_pair(read_a, read_b, ORGANIZATION)


def explain(
    a: str, b: str, *, schema: str | None = None, weights: TokenWeights | None = None
) -> Explanation:
    """Compare two names and say why they score what they do.

    Args:
        a: the query name.
        b: the candidate (list) name.
        schema: "Person", "Organization" (or a synonym such as "Company"), or None to
            decide from the names.
        weights: token rarity weights; the built-in default reflects sanctions lists.

    Returns:
        An :class:`~sanctionmatch.model.Explanation` with the aligned token pairs, each
        pair's similarity and the form that agreed, and every penalty.
    """
    weights = weights or default_weights()
    explanations = (
        explain_forms(qa, qb, weights=weights, query=a, candidate=b)
        for qa, qb in _prepared_readings(a, b, schema)
    )
    return max(explanations, key=lambda e: e.score)


def compare(a: str, b: str, *, schema: str | None = None) -> float:
    """Return how likely two names denote the same subject, in [0, 1].

    Args:
        a: the query name.
        b: the candidate (list) name.
        schema: "Person", "Organization" (or a synonym such as "Company"), or None.

    Returns:
        The score; :data:`DEFAULT_THRESHOLD` separates alerts from non-alerts.
    """
    weights = default_weights()
    return max(score_forms(qa, qb, weights=weights) for qa, qb in _prepared_readings(a, b, schema))


def explain_forms(
    qa: NameForm,
    qb: NameForm,
    *,
    weights: TokenWeights,
    query: str | None = None,
    candidate: str | None = None,
) -> Explanation:
    """Score two prepared names and say why (see :func:`explain`)."""
    steps: list[TokenPair] = []
    penalties: list[Penalty] = []
    score = _evaluate(qa, qb, weights, steps, penalties)
    q_label = qa.normalized if query is None else query
    c_label = qb.normalized if candidate is None else candidate
    return Explanation(q_label, c_label, score, steps, penalties, qa.schema)


def score_forms(qa: NameForm, qb: NameForm, *, weights: TokenWeights) -> float:
    """Score two prepared names: :func:`explain_forms` without the explanation, faster."""
    return _evaluate(qa, qb, weights, None, None)


def _evaluate(
    qa: NameForm,
    qb: NameForm,
    weights: TokenWeights,
    steps: list[TokenPair] | None,
    penalties: list[Penalty] | None,
) -> float:
    """The scoring itself; fills ``steps`` and ``penalties`` when they are lists."""
    # A split word leaves two words: a side with fewer words cannot hold one. With as
    # many words, it may still miss one the other has ("Anatoly Kozlo vsky" and "Anatoly
    # Ivanovich Kozlovsky"). Initials do not count: they are not halves.
    q_words, c_words = _words(qa.tokens), _words(qb.tokens)
    qt = qa.tokens if q_words < c_words else _glue(qa.tokens, qb.tokens)
    ct = qb.tokens if c_words < q_words else _glue(qb.tokens, qa.tokens)
    if not qt or not ct:
        # No latin tokens: letters of a script latinization does not know, or none at all.
        same = bool(qa.letters) and qa.letters == qb.letters
        if penalties is not None and not same:
            penalties.append(Penalty("a name has no letters to compare", 0.0))
        return 1.0 if same else 0.0
    if qa.schema == ORGANIZATION and _acronym(qt, ct) is not None:
        if steps is not None:
            steps.append(TokenPair(qa.normalized, qb.normalized, ACRONYM, 1.0, "acronym"))
        return ACRONYM
    pairs, q_left, c_left = _align(
        qt,
        ct,
        split=_lineage_split(qt, ct),
        org=qa.schema == ORGANIZATION,
        translate=ORGANIZATION in (qa.schema, qb.schema),
        cut=(qa.cut, qb.cut) if qa.cut or qb.cut else None,
        scripts=(qa.script, qb.script),
    )
    if qa.schema != ORGANIZATION:
        pairs, q_left, c_left = _pair_nicknames(qt, ct, pairs, q_left, c_left)
    q_weights = [_weight(t, weights) for t in qt]
    c_weights = [_weight(t, weights) for t in ct]
    num = den = 0.0
    for i, j, sim, how in pairs:
        w = (q_weights[i] + c_weights[j]) / 2
        num += sim * w
        den += w + KAPPA * (1.0 - sim) * w
        if steps is not None:
            steps.append(TokenPair(qt[i].text, ct[j].text, sim, w, how))
    wq, q_specific, q_named, q_qualified = _leftover(qt, q_weights, q_left)
    wc, c_specific, _, c_qualified = _leftover(ct, c_weights, c_left)
    # Generic words left over on both sides ("Grupp Wagner", "PMC Wagner") describe the
    # body in other words; they do not conflict.
    conflict = min(q_specific, c_specific)
    # Qualifiers in parentheses on both sides that do not pair tell two branches apart:
    # "Bank of China (Hong Kong)" is not "Bank of China (Australia)".
    rivals = min(q_qualified, c_qualified)
    # A list token's absence costs by what the list entry is: an organisation's words
    # ("7th of Tir") matter more than a person's, whatever the query looks like.
    extra_c = CANDIDATE_EXTRA.get(qb.schema, 0.3)
    # "President Erdoğan", "Putyin elnök": an office and a family name are how the news
    # names a person in full; the given names the list adds are unsaid, not missing.
    # A courtesy title says nothing of who is meant ("Mr Smith").
    titled = (
        qa.schema != ORGANIZATION
        and len(qt) == 1 < len(ct)
        and any(t in office_titles() for t in qa.titles)
    )
    if titled and pairs:
        extra_c *= TITLED_FAMILY
    # In a name written in syllables (Hangul, Han) every syllable is part of a given or
    # family name: one the other name lacks is a different name, not an omitted one. But
    # the first syllable is the family name, which aliases often leave out (김금철 and
    # "Kum-Chol"), and a longer token is a foreign name written whole (블라디미로비치).
    # A name written in the Western order ("美珠 陳") begins with a given name's syllable,
    # and its family name at the end is charged too: sparing it, a given name alone
    # ("Xin Hong", a vessel) met every family name (more alerts on unlisted names).
    if qa.script in SYLLABIC:
        first = 1 if family_syllable(qa.letters, len(qt)) == 0 else 0  # first syllable charged
        syllables = sum(
            q_weights[i] for i in q_left if i >= first and len(qt[i].text) <= SYLLABLE_LETTERS
        )
        den += SYLLABLE_EXTRA * syllables + QUERY_EXTRA * (wq - syllables)
    else:
        # Only name words: a number or a generic word added is not another name.
        extra_q = QUERY_EXTRA_OF.get(qb.schema, QUERY_EXTRA)
        den += QUERY_EXTRA * (wq - q_named) + extra_q * q_named
    den += CONFLICT * conflict + extra_c * (wc - conflict) + QUALIFIERS_DIFFER * rivals
    if steps is not None:
        steps.extend(_unmatched(qt, q_weights, q_left, query=True))
        steps.extend(_unmatched(ct, c_weights, c_left, query=False))
    notes: list[tuple[str, float]] = []
    if conflict > 0:
        notes.append(("tokens unmatched on both sides conflict", -conflict))
    if rivals:
        notes.append(("the names are qualified otherwise (a place or branch)", -QUALIFIERS_DIFFER))
    score = num / den if den > 0 else (1.0 if qa.normalized == qb.normalized else 0.0)
    initials_only = all(qt[i].role == INITIAL or ct[j].role == INITIAL for i, j, _, _ in pairs)
    identical = not q_left and not c_left and all(sim == 1.0 for _, _, sim, _ in pairs)
    if pairs and initials_only and not identical and score > INITIALS_ONLY:
        notes.append(("only initials agree", INITIALS_ONLY - score))
        score = INITIALS_ONLY
    substantive = [i for i, j, _, _ in pairs if qt[i].role == NAME]
    lone = (len(qt) == 1) != (len(ct) == 1)
    if len(substantive) == 1 and lone and qa.schema != ORGANIZATION and not titled:
        # One name alone ("Putin", "Mkrtychev") against a full name, or a full name
        # against a one-word list name ("John Kirby" and the alias "John"): likely, not
        # certain.
        notes.append(("a single name against a full name", score * (SINGLE - 1)))
        score *= SINGLE
    syllabic = {qa.script, qb.script} & _CLOSED_SYLLABLES
    if syllabic and score > SWAPPED_SYLLABLES and _syllables_swapped(qt, ct, pairs):
        # 광수 김 (Gwang-su Kim) is not KIM Su Gwang: a given name read the other way
        # round is another given name.
        notes.append(("a given name's syllables in the other order", SWAPPED_SYLLABLES - score))
        score = SWAPPED_SYLLABLES
    respaced = len(qa.written) != len(qb.written) and len(qa.joined) >= 4
    joined = _edit_similarity(qa.joined, qb.joined, weighted=False) if respaced else 0.0
    if joined >= GLUED_MIN and joined > score:
        # Spacing differs but the letters agree: "1142021 corp", "vanderbilt corp".
        notes.append(("names agree with spaces removed", joined - score))
        score = joined
    if qa.script == qb.script and qa.script in SYLLABIC and qa.letters != qb.letters:
        # Latinization merges distinct syllables (정/종 -> jeong/jong): compare as written.
        as_written = _edit_similarity(qa.letters, qb.letters, per_edit=1.5, weighted=False)
        if as_written < score:
            notes.append((f"{qa.script} characters differ", as_written - score))
            score = as_written
    legal = _legal_form_penalty(qa.legal_forms, qb.legal_forms)
    if legal:
        notes.append(("legal forms differ", -legal))
        score -= legal
    if penalties is not None:
        penalties.extend(Penalty(reason, amount) for reason, amount in notes)
    return min(1.0, max(0.0, score))


def _syllables_swapped(
    qt: tuple[Token, ...], ct: tuple[Token, ...], pairs: list[tuple[int, int, float, str]]
) -> bool:
    """Whether two syllables side by side in one name pair the other way round in the other.

    Only in names of three syllables or more: in two, the family name and the given name
    trade places by convention ("Kim Su", "Su Kim"), and a family name moved from one end
    to the other ("Jong Un Kim", "Kim Jong Un") never reverses two neighbours.
    """
    if len(qt) < 3 or len(ct) < 3:
        return False
    partner = {
        i: j
        for i, j, _, _ in pairs
        if len(qt[i].text) <= SYLLABLE_LETTERS and len(ct[j].text) <= SYLLABLE_LETTERS
    }
    return any(partner.get(i + 1) == j - 1 for i, j in partner.items())


def _pair_nicknames(
    qt: tuple[Token, ...],
    ct: tuple[Token, ...],
    pairs: list[tuple[int, int, float, str]],
    q_left: list[int],
    c_left: list[int],
) -> tuple[list[tuple[int, int, float, str]], list[int], list[int]]:
    """Pair a person's names left unpaired that are a nickname and its full name.

    Only names nothing closer paired meet this way ("Bob Kowalczyk" and "Robert Kowalczyk"), so a
    nickname never takes a token from a better match.
    """
    pairs, q_rest, c_rest = list(pairs), list(q_left), list(c_left)
    for i in q_left:
        for j in c_rest:
            if qt[i].role == ct[j].role == NAME and are_nicknames(qt[i].form, ct[j].form):
                pairs.append((i, j, NICKNAME, "nickname"))
                q_rest.remove(i)
                c_rest.remove(j)
                break
    return pairs, q_rest, c_rest


def _is_abbreviation(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long`` by dropping letters: "grp" group, "intl".

    An abbreviation begins the word ("comm", "tech") or keeps its first and last letters
    ("grp", "intl", "mfg"): three letters that merely occur in order in a long word are
    chance ("ina" in "interseas", "isi" in "incorporatedsterling").
    """
    if len(short) < 3 or len(long) < len(short) + 2 or short[0] != long[0]:
        return False
    if long.startswith(short):
        return True
    rest = iter(long)
    return short[-1] == long[-1] and all(char in rest for char in short)


_ENDING = re.compile(r"[aeiouy]*(?:[cSjhklmnstvz][aeiouy]*){0,2}")


def _inflected(a: str, b: str) -> bool:
    """Whether two comparable forms are one word with other endings ("ulianovski", "ulianovsk").

    The EU writes an organisation's name in each of its languages, and they decline and
    derive the words of names: the Czech adjective of a city (Uljanovský) or the Bulgarian
    article (Filipinite). The words must share :data:`MIN_STEM` letters at the start and
    differ only in endings of :data:`MAX_ENDING` letters with two consonants at most.
    """
    stem = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    if stem < MIN_STEM or a == b:
        return False
    ends = (a[stem:], b[stem:])
    return all(len(end) <= MAX_ENDING and _ENDING.fullmatch(end) for end in ends)


def _acronym(qt: tuple[Token, ...], ct: tuple[Token, ...]) -> tuple[int, int] | None:
    """Find a one-word side that spells the initials of the other ("PLA" and "People's ...")."""
    for one, many, flip in ((qt, ct, False), (ct, qt, True)):
        if len(one) == 1 and 3 <= len(one[0].text) <= 6 and len(many) >= 2:
            initials = "".join(t.text[0] for t in many if t.role != STOP)
            if one[0].text == initials:
                return (len(many), 0) if flip else (0, len(many))
    return None


def _legal_form_penalty(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """What two organisations' legal forms say against them being one."""
    if not a or not b or set(a) & set(b):
        return 0.0
    families = legal_form_families()
    # "Co." (or "y Cía.") may be any kind: the other forms beside it say which.
    kinds_a = {families.get(f) for f in a} - {ANY_KIND}
    kinds_b = {families.get(f) for f in b} - {ANY_KIND}
    if not kinds_a or not kinds_b or kinds_a & kinds_b:
        return LEGAL_FORM_CONFLICT  # OAO and JSC: one kind of company, written two ways
    return LEGAL_FAMILY_CONFLICT  # AG and GmbH: different companies


def _lineage_split(qt: tuple[Token, ...], ct: tuple[Token, ...]) -> tuple[int, int] | None:
    """Where "bin"/"ibn" splits both names, if it does: the token index on each side.

    In "SALMAN BIN MUHAMMAD" the tokens before "bin" name the person and those after
    name the father: they must not pair across it with "MUHAMMAD BIN SALMAN".
    """
    qi = next((i for i, t in enumerate(qt) if t.text in _LINEAGE), None)
    ci = next((j for j, t in enumerate(ct) if t.text in _LINEAGE), None)
    if qi is None or ci is None or qi == 0 or ci == 0:
        return None  # "bin Salman Mohammed": no one is named before the "bin"
    return qi, ci


def _leftover(
    tokens: tuple[Token, ...], weights: list[float], left: list[int]
) -> tuple[float, float, float, int]:
    """The unmatched tokens' weight: all, all but generic words, name words; qualifiers.

    In "all", the words of a description count :data:`DESCRIPTION` at most together;
    "all but generic words" leaves them out too.
    """
    total = specific = named = described = 0.0
    qualified = 0
    for i in left:
        weight, role = weights[i], tokens[i].role
        if role == DESCRIPTOR:
            described += weight
            continue
        total += weight
        if role != GENERIC:
            specific += weight
            if role == NAME:
                named += weight
            elif role == QUALIFIER:
                qualified += 1
    # A description is one thing, in however many words a language writes it.
    return total + min(described, DESCRIPTION), specific, named, qualified


def _unmatched(
    tokens: tuple[Token, ...], weights: list[float], left: list[int], *, query: bool
) -> Iterator[TokenPair]:
    """The explanation's steps for unmatched tokens, each with the weight it counts for.

    The words of a description share :data:`DESCRIPTION` between them (see _leftover).
    """
    described = sum(weights[i] for i in left if tokens[i].role == DESCRIPTOR)
    share = min(1.0, DESCRIPTION / described) if described else 1.0
    for i in left:
        weight, how = weights[i], "unmatched"
        if tokens[i].role == DESCRIPTOR:
            weight, how = weight * share, "description"
        text = tokens[i].text
        yield TokenPair(text if query else None, None if query else text, 0.0, weight, how)


def _begins(cut: tuple[str, str], query: str, candidate: str) -> bool:
    """Whether a word cut short on one side begins the other side's word."""
    if cut[0] == query and len(candidate) > len(query):
        return candidate.startswith(query)
    if cut[1] == candidate and len(query) > len(candidate):
        return query.startswith(candidate)
    return False


def _align(
    qt: tuple[Token, ...],
    ct: tuple[Token, ...],
    *,
    split: tuple[int, int] | None = None,
    org: bool = False,
    translate: bool = False,
    cut: tuple[str, str] | None = None,
    scripts: tuple[str, str] = ("Latin", "Latin"),
) -> tuple[list[tuple[int, int, float, str]], list[int], list[int]]:
    """Pair query and candidate tokens, most similar first, each token used once.

    ``cut`` holds each side's last word if the name may have been cut short after it
    (``NameForm.cut``): such a word pairs with a word of the other side it begins.
    ``scripts`` are the scripts the two names are written in. Against Hangul or Han:

    * a token beginning with j never pairs with one beginning with y: the Revised
      Romanization's j (ㅈ) and pinyin's j (杰 jie) are no y, though the comparable forms,
      made for German and Slavic spellings, read both as i (정 jeong is not 용 yong);
    * syllables pair only as written, by comparable form or as known variants (and a
      Hangul one in Korean's other romanization: byeon, Pyon), not by a likeness of
      letters: a name is a few syllables from a closed set, and one letter more or less
      is another syllable (정/명, jeong/myong). Kana are left out: they write foreign
      names whole (バラク is "baraku", Barack).
    """
    korean = (scripts[0] == "Hangul") != (scripts[1] == "Hangul")
    j_not_y = korean or (scripts[0] == "Han") != (scripts[1] == "Han")
    syllabic = bool(set(scripts) & _CLOSED_SYLLABLES)
    scored = []
    for i, q in enumerate(qt):
        for j, c in enumerate(ct):
            if split is not None and (i < split[0]) != (j < split[1]):
                continue
            if j_not_y and q.text[0] != c.text[0] and {q.text[0], c.text[0]} == {"j", "y"}:
                continue
            sim, how = token_similarity(q, c)
            if syllabic and how in _LIKENESS and min(len(q.text), len(c.text)) <= SYLLABLE_LETTERS:
                if not korean or _mccune(q.text) != _mccune(c.text):
                    continue
                sim, how = VARIANT_SYLLABLE, "romanization"
            if (
                org
                and sim < MIN_PAIR
                and (_is_abbreviation(q.text, c.text) or _is_abbreviation(c.text, q.text))
            ):
                sim, how = ABBREVIATION, "abbreviation"
            if org and sim < INFLECTED and _inflected(q.form, c.form):
                sim, how = INFLECTED, "inflected"
            if translate and sim < TRANSLATION and are_translations(q.form, c.form):
                sim, how = TRANSLATION, "translation"
            if cut is not None and sim < TRUNCATED and _begins(cut, q.text, c.text):
                sim, how = TRUNCATED, "cut short"
            if sim >= MIN_PAIR:
                scored.append((sim, -abs(i - j), i, j, how))
    scored.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs = []
    for sim, _, i, j, how in scored:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            pairs.append((i, j, sim, how))
    q_left = [i for i in range(len(qt)) if i not in used_q]
    c_left = [j for j in range(len(ct)) if j not in used_c]
    return pairs, q_left, c_left
