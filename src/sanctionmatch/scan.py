"""Finding listed people and organisations in free text.

:func:`scan_text` walks a text once, word by word, keeping each word's character offsets.
A word whose comparable form (or a one-edit variant of it, for typos such as "Choïgu")
is a distinctive word of a list name starts a candidate span; the span grows over the
capitalised words around it ("Sergueï Choïgou", "Kim Jong-un"), over a stop word before
a list word ("Bank of America"), over the particles of a name before a capitalised word
("Bachar al-Assad", "Johan van der Berg") and, leftwards, over the generic organisation
words of the local language ("le groupe Wagner"). Every part of a span that starts on a
hit word, a generic word or a particle and ends on a hit word (or a generic word) is
screened against its shortlist (the list names two of its words agree with, see
:mod:`sanctionmatch.shortlist`), a lone word only if it can name an entity alone (a
family name, an organisation's one distinctive word), and the best non-overlapping parts
are kept. The matches of screened parts are remembered across documents, since names
recur from article to article.

Then the document is read as a whole: a lone word ("Mkrtychev", "Choïgou a demandé")
that names a family name of an entity found in full elsewhere in the same text is
resolved to that entity; a lone word that resolves to nothing keeps its own, lower score.

Words come from :mod:`sanctionmatch.words` (elision and possessives set aside), and the
distinctive words of the list from :mod:`sanctionmatch.vocabulary`. Hyphens join names
("Kim Jong-un") and split pairs ("Sommet Xi-Poutine") alike, since every part of a span
is tried. In text that is all capitals or all lower case, capitalisation says nothing and
every word may be part of a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from sanctionmatch.abjad import by_three_consonants, pair_consonants
from sanctionmatch.comparable import abjad_skeleton, comparable_form
from sanctionmatch.model import AIRCRAFT, PERSON, VESSEL, WEAK, Match, Mention, Penalty
from sanctionmatch.names import (
    NAME,
    NAME_WORDS,
    ORGANIZATION,
    particles,
    stop_words,
    titles,
    tokenize_name,
)
from sanctionmatch.score import DEFAULT_THRESHOLD
from sanctionmatch.shortlist import shortlist
from sanctionmatch.tables import read_table
from sanctionmatch.text import other_readings
from sanctionmatch.vocabulary import (
    MIN_FUZZY,
    Vocabulary,
    deletions,
    family_forms,
    vocabulary_of,
)
from sanctionmatch.weights import default_weights
from sanctionmatch.words import Word, adjacent, split_words

if TYPE_CHECKING:
    from sanctionmatch.matcher import Matcher

MAX_SPAN = 12  # words in a candidate span, at most
MAX_PART = 5  # words in a part of a span that is screened (and the whole span)
RESOLVED = 0.98  # a lone family name resolved in the document keeps this share of the score
DROPPED = 0.85  # factor on a part's score for each name word of its span it leaves out
PART_FLOOR = 0.5  # parts of a span are screened down to this score (or the threshold)
MAX_WORDS = 2_000_000  # words of one text; a longer one is refused, not truncated
LONE_SHORTLIST = 6  # list names a lone word is scored against: the fewest other words
# Rarity over the official lists (weights.default_weights) under which a list name's one
# name word is too common to name a person alone in text: Mohamed 0.66, Sergei 0.70,
# Aleksandr 0.71, Vladimir 0.74, Abdullah 0.79 (Said 0.82, Putin 1.0).
COMMON_NAME = 0.8
MEMO_PARTS = 1 << 14  # screened parts remembered across documents, per list
MIN_FAMILY_CONSONANTS = 3  # consonants of a family name a word of Arabic script names alone


_HYPHEN = "-‐‑"
_NUMBER = re.compile(r"\d+")


@functools.cache
def _ordinary_names() -> frozenset[str]:
    """Latinized one-word organisation names that are ordinary words ("phoenix")."""
    return frozenset(w for (w,) in read_table("ordinary_names.tsv", columns=1))


def _spans(words: Sequence[Word], vocabulary: Vocabulary) -> list[tuple[int, int]]:
    """Word index ranges [i, j) around hit words, grown over capitalised neighbours."""

    def name_like(k: int) -> bool:
        word = words[k]
        if word.joined:
            return True
        if word.caseless:
            # Without capitals to mark names (Arabic, Hangul), only words of the list's
            # names go on one.
            return vocabulary.hits(word) or vocabulary.lists(word)
        if word.cased and not word.capitalised:
            return False
        # A common word goes on a name only where capitals mark names, and only as a word
        # of the list's names or a generic one: "Siberian Service Company", "UNITED
        # SHIPBUILDING CORPORATION" in a sentence. In a line of capitals it ends one.
        return not word.common or (word.cased and vocabulary.lists(word))

    spans: list[tuple[int, int]] = []
    i = previous = 0
    while i < len(words):
        word = words[i]
        # In cased text a name starts with a capital; lower-case words never start one.
        if (word.cased and not word.capitalised) or not vocabulary.hits(word):
            i += 1
            continue
        start, end = i, i + 1
        while end < len(words) and end - start < MAX_SPAN and adjacent(words, end):
            if name_like(end):
                end += 1
            elif (
                bridged := _bridges(words, end, vocabulary)
            ) and end + bridged - start <= MAX_SPAN:
                end += bridged  # "Bank of America", "Bachar al-Assad", "van der Berg"
            else:
                break
        # Leftwards no further than the span before: spans never overlap (two spans
        # sharing "SERGEI SHOIGU" reported it twice).
        while start > previous and end - start < MAX_SPAN and adjacent(words, start):
            if not (name_like(start - 1) or words[start - 1].latin in vocabulary.generic):
                break  # leftwards, a generic word of any case: "le groupe Wagner"
            start -= 1
        spans.append((start, end))
        i = previous = end
    return spans


# Particles of people's names that are also words of running text more often than not:
# "y" and "e" are "and", "la" and "le" articles before any capitalised word.
_NOT_BRIDGES = frozenset({"d", "e", "y", "la", "le"})


@functools.cache
def _name_particles() -> frozenset[str]:
    """The particles that may join or open a name in running text ("al", "Abou", "van")."""
    return particles() - _NOT_BRIDGES


def _joins_only(word: Word) -> bool:
    """Whether a word of mixed-case text is a lower-case particle ("al", "van", "ben")."""
    return word.cased and not word.capitalised and word.latin in _name_particles()


@functools.cache
def _bridging_words() -> frozenset[str]:
    return stop_words() | _name_particles()


def _bridges(words: Sequence[Word], k: int, vocabulary: Vocabulary) -> int:
    """How many words from ``k`` join two parts of a name, with the word after; else 0.

    A stop word or a name's particle joins them: "of" in "Bank of America", "de" in
    "Banco Nacional de Cuba", "al" in "Bachar al-Assad", "ben" in "Oussama ben Laden",
    "van der" in "Johan van der Berg". The word after must be a list word, capitalised
    like the one before; after a name's particle, in mixed-case text, any capitalised
    word that is no common word: the text's name goes on ("Abdel Fattah al-Sissi"), and
    a part that leaves it out is charged for it.
    """
    if words[k].latin not in _bridging_words():
        return 0
    for after in range(k + 1, len(words)):
        word = words[after]
        if not adjacent(words, after):
            return 0
        if (word.capitalised or not word.cased) and vocabulary.hits(word):
            return after + 1 - k
        particle = any(w.latin in _name_particles() for w in words[k:after])
        if particle and word.cased and word.capitalised and not word.common:
            return after + 1 - k
        if word.latin not in _bridging_words():
            return 0
    return 0


@frozen
class _Found:
    start: int  # word indexes
    end: int
    matches: tuple[Match, ...]
    alone: bool  # the whole span is this one word

    @property
    def score(self) -> float:
        return self.matches[0].score


def scan_text(
    matcher: Matcher, text: str, *, vocabulary: Vocabulary, threshold: float | None = None
) -> list[Mention]:
    """Find the mentions of listed entities in a text (see the module docstring).

    Args:
        matcher: the list to screen against.
        text: the text, in any language and script.
        vocabulary: the distinctive words of the matcher's list names.
        threshold: the lowest score reported; None means DEFAULT_THRESHOLD.

    Returns:
        Non-overlapping mentions in text order, each with its ranked matches.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    cutoff = DEFAULT_THRESHOLD if threshold is None else threshold
    words = split_words(text)
    if len(words) > MAX_WORDS:
        raise ValueError(f"text has {len(words)} words; scan at most {MAX_WORDS} at once")
    words = [_nominative(word, vocabulary) for word in words]
    words = pair_consonants(words, matcher, vocabulary)
    screened: dict[str, tuple[Match, ...]] = {}
    # Parts are screened down to this score: low enough for a lone family name to be
    # kept for resolution, high enough for the matcher to skip hopeless candidates.
    floor = min(cutoff, PART_FLOOR)
    found: list[_Found] = []
    for start, end in _spans(words, vocabulary):
        span = (start, end)
        found.extend(_best_parts(matcher, text, words, span, vocabulary, screened, floor, cutoff))
    chosen = _resolve(found, words)
    chosen = sorted(chosen + _resolve_consonants(chosen, words), key=lambda f: f.start)
    mentions = []
    for item in chosen:
        if item.score < cutoff:
            continue
        first, last = words[item.start], words[item.end - 1]
        # Only the matches that reach the threshold: the others are not what the text says.
        matches = tuple(m for m in item.matches if m.score >= cutoff)
        mentions.append(Mention(first.start, last.end, text[first.start : last.end], matches))
    return mentions


def _best_parts(
    matcher: Matcher,
    text: str,
    words: Sequence[Word],
    span: tuple[int, int],
    vocabulary: Vocabulary,
    screened: dict[str, tuple[Match, ...]],
    floor: float,
    cutoff: float,
) -> list[_Found]:
    """Screen the parts of a span that start and end on a hit; keep the best ones."""
    start, end = span
    parts: list[_Found] = []
    # A lower-case particle joins a name's words; no part starts or ends on one ("Jan
    # van" of "Jan van der Meer").
    hits = [vocabulary.hits(w) and not _joins_only(w) for w in words[start:end]]
    whole = end - start > MAX_PART  # a long span is also screened whole, once
    for i in range(start, end):
        if words[i].joined and i > start and not words[i].capitalised:
            continue  # a part starts at "Poutine" in "Xi-Poutine", not at "un" in "Jong-un"
        if not (
            hits[i - start]
            or words[i].latin in vocabulary.generic
            or (words[i].capitalised and words[i].latin in _name_particles())
        ):
            # A listed name starts with one of its words, a generic word ("groupe
            # Wagner") or a particle ("Abou Mohammed al-Jawlani", "Van der Berg").
            continue
        ends = list(range(i + 1, min(end, i + MAX_PART) + 1))
        if whole:
            # From its first word that may start a name, to its end: no part of five words
            # reads as all of a long name ("... NORTH WESTERN REGIONAL CENTER OF ALMAZ
            # ANTEY CONCERN OBUKHOVSKY PLANT").
            if end > ends[-1]:
                ends.append(end)
            whole = False
        for j in ends:
            if j < end and words[j].joined:
                continue
            last = words[j - 1]
            if not (hits[j - 1 - start] or last.joined or last.latin in vocabulary.generic):
                continue  # ... and ends with one, or with a generic word ("Wagner Group")
            single = j - i == 1 and not words[i].whole_name  # 김정은 is a whole name
            if single and (words[i].consonants or not vocabulary.may_stand_alone(words[i])):
                continue  # one word that names no listed entity alone (in an abjad, none)
            surface = text[words[i].start : words[j - 1].end]
            if any(w.declined for w in words[i:j]):
                surface = " ".join(_as_written(w) for w in words[i:j])  # "Vladimir Putin"
            key = " ".join(f for w in words[i:j] for f in w.forms)
            if key not in screened:
                screened[key] = _screen_part(
                    matcher, vocabulary, surface, words[i:j], floor, cutoff
                )
            matches = screened[key]
            numbers = _designation_numbers(words[i + 1 : j])
            if matches and numbers:
                # A word joined by a hyphen to a number is a designation ("Hwasong-17",
                # "Vostok-2022", "Su-35"): a model or an exercise of that number, which
                # names a listed entity only if the list name has the number too
                # ("ARZAMAS-16"); the word alone before it is never a part (see above).
                matches = tuple(m for m in matches if numbers <= set(_NUMBER.findall(m.name)))
            if matches and single:
                matches = tuple(m for m in matches if _written_as_listed(m, words[i]))
            if matches and any(w.consonants for w in words[i:j]):
                matches = tuple(m for m in matches if by_three_consonants(m))
            dropped = sum(
                _names_a_part(words, k, vocabulary) for k in (*range(start, i), *range(j, end))
            )
            beside = _name_goes_on(words, vocabulary, (i, j), span) if matches else []
            if matches and (dropped or beside):
                # A part that leaves out a name word of its span while the list name
                # has a word the part lacks ("Kim Won" of "Kim Won Jin" for "KIM Won
                # Hong") hides a conflict: it reads less than the text says. So does a
                # part next to a left-out word that list names use: the text's name
                # goes on ("Чен Ын" of "Ким Чен Ын" is not the vessel Cheng Jin; كيم
                # جونغ of كيم جونغ أون is not Kim Yo Jong).
                note = Penalty(f"{dropped} name word(s) of the text left out", 0.0)
                factors = [_left_out_factor(m, dropped, beside, words[i:j]) for m in matches]
                matches = tuple(
                    m if f == 1 else _adjust(m, f, note)
                    for m, f in zip(matches, factors, strict=True)
                )
            if matches:
                parts.append(_Found(i, j, matches, end - start == 1 and single))
    # On a tie the part with more name words wins ("Kim Chol Nam" over "Kim Chol"), and
    # then the shorter one (a title adds nothing: "Wladimir Putin", not "Präsident ...").
    parts.sort(key=lambda f: (-f.score, -_name_words(words, f), f.end - f.start, f.start))
    taken: list[_Found] = []
    for part in parts:
        if all(part.end <= t.start or part.start >= t.end for t in taken):
            taken.append(part)
    return taken


def _screen_part(
    matcher: Matcher,
    vocabulary: Vocabulary,
    surface: str,
    words: Sequence[Word],
    floor: float,
    cutoff: float,
) -> tuple[Match, ...]:
    """The matches of one part of a span, remembered across documents (names recur)."""
    lone = len(words) == 1 and not words[0].whole_name
    # Only a lone word is kept below the threshold, for resolution.
    threshold = floor if lone else cutoff
    memo = vocabulary.screened
    known = memo.get((surface, lone, threshold))
    if known is not None:
        return known
    shortlisted = None
    # A phrase with another reading (look-alike letters, "Šojgu") is screened by full
    # retrieval, which tries every reading; a shortlist is made for one.
    if vocabulary.shortlists and not other_readings(surface):
        form = tokenize_name(surface)
        if lone and len(form.tokens) == 1:
            # A word alone names only what its family-name or one-word forms name.
            named = vocabulary.named_by(words[0])
            shortlisted = matcher.index.rank(form, named, limit=LONE_SHORTLIST)
        else:
            shortlisted = shortlist(matcher.index, form, vocabulary.singles)
    if shortlisted is None:
        found = matcher.match(surface, threshold=threshold, limit=3)
    else:
        found = matcher.match_shortlist(surface, shortlisted, threshold=threshold, limit=3)
    if lone:
        found = [m for m in found if _lone_word_ok(m, words[0])]
    # Initials spell an acronym only when written as one: "PLA", not the initials of
    # "second line" or "rusia-iran-drones".
    acronym = lone and words[0].surface.isupper()
    result = tuple(m for m in found if acronym or not _by_acronym(m))
    if len(memo) >= MEMO_PARTS:
        memo.clear()
    memo[(surface, lone, threshold)] = result
    return result


def _nominative(word: Word, vocabulary: Vocabulary) -> Word:
    """A declined word read as the list word it stands for (see Vocabulary.base_of)."""
    base = vocabulary.base_of(word)
    if base is None:
        return word
    forms = (comparable_form(base), *word.forms)
    return attrs.evolve(word, latin=base, forms=forms, declined=True)


def _as_written(word: Word) -> str:
    """A word as the text writes it, or a declined one's nominative in its capitals."""
    if not word.declined:
        return word.surface
    return word.latin.upper() if word.surface.isupper() else word.latin.capitalize()


def _designation_numbers(words: Sequence[Word]) -> set[str]:
    """The numbers hyphen-joined to the word before them ("17" of "Hwasong-17").

    Only words of digits alone: a digit written for a letter ("Chun-5op") is an evasion.
    """
    return {w.surface for w in words if w.joined and w.surface.isascii() and w.surface.isdigit()}


def _name_words(words: Sequence[Word], part: _Found) -> int:
    set_aside = titles()
    return sum(words[k].latin not in set_aside for k in range(part.start, part.end))


def _names_a_part(words: Sequence[Word], k: int, vocabulary: Vocabulary) -> bool:
    """Whether a word left out of a part is itself a name word ("Jin" of "Kim Won Jin").

    Common words ("Défense", "Sommet") are not, and neither is a capitalised word joined
    by a hyphen to another capitalised word ("Xi" of "Xi-Poutine": two names). In Arabic
    or Hebrew script, which has no capitals, a word paired with a neighbour as two words
    of a list name is (see :mod:`sanctionmatch.abjad`), or one the lists write as it is
    written.
    """
    word = words[k]
    if not word.capitalised or word.common:
        return False
    if word.consonants:
        return word.paired or any(len(f) >= MIN_FUZZY and f in vocabulary.exact for f in word.forms)
    after = words[k + 1] if k + 1 < len(words) else None
    if after is not None and after.joined and after.capitalised:
        return False
    return not (word.joined and k > 0 and words[k - 1].capitalised)


def _name_goes_on(
    words: Sequence[Word], vocabulary: Vocabulary, part: tuple[int, int], span: tuple[int, int]
) -> list[Word]:
    """The words next to a part, left out of it, that are name words of the lists.

    "Ким" before "Чен Ын", "Jin" after "Kim Won": the text's name is longer than the
    part, by a word that names people or bodies elsewhere on the lists. Titles are not.
    Particles are stepped over: "Abou Bakr" goes on in "Abou Bakr al-Baghdadi".
    """
    left, right = part[0] - 1, part[1]
    while left > span[0] and words[left].latin in _name_particles():
        left -= 1
    while right < span[1] - 1 and words[right].latin in _name_particles():
        right += 1
    beside = [k for k in (left, right) if span[0] <= k < span[1]]
    set_aside = titles()
    return [
        words[k]
        for k in beside
        if (_names_a_part(words, k, vocabulary) or words[k].paired)
        and words[k].latin not in set_aside
        and vocabulary.hits(words[k])
    ]


def _left_out_factor(
    match: Match, dropped: int, beside: Sequence[Word], part: Sequence[Word]
) -> float:
    """The factor on a part's match for the name words of its span it leaves out.

    Only a list name the part does not complete is charged, or a part next to a left-out
    name word (see :func:`_name_goes_on`) that the text goes on with where the list does
    not: the text names someone else ("Чен Ын" of "Ким Чен Ын" is not Cheng Jin). A
    neighbour that goes on a long name of the entity, one too long to screen whole, is
    that name ("... CENTER TITAN BARRIKADY" for the alias TITAN-BARRIKADY). The two
    together ("Kim Won" of "Kim Won Jin" for "KIM Won Hong": the text has a word where
    the list name has another), or a lone word inside a longer name ("Wagner" of "Scott
    William Wagner"), are charged once more.
    """
    other = any(not _goes_on_a_long_name(match, w, part) for w in beside)
    if _incomplete(match) or (other and len(part) == 1):
        return DROPPED ** (dropped + other)
    return DROPPED**dropped if other else 1.0


def _goes_on_a_long_name(match: Match, word: Word, part: Sequence[Word]) -> bool:
    """Whether a name of the entity longer than MAX_PART has the word and the part's."""
    schema = PERSON if match.entity.schema == PERSON else ORGANIZATION
    for name in match.entity.names:
        tokens = tokenize_name(name.value, schema).tokens
        if len(tokens) <= MAX_PART:
            continue
        listed = {t.form for t in tokens}
        if all(set(w.forms) & listed for w in (*part, word)):
            return True
    return False


def _by_acronym(match: Match) -> bool:
    return any(p.form == "acronym" for p in match.explanation.pairs)


def _incomplete(match: Match) -> bool:
    """Whether a given or family name of the list name went unmatched."""
    missing = {p.candidate for p in match.explanation.pairs if p.query is None}
    if not missing:
        return False
    schema = PERSON if match.entity.schema == PERSON else ORGANIZATION
    return any(
        t.role in NAME_WORDS and t.text in missing for t in tokenize_name(match.name, schema).tokens
    )


def _lone_word_ok(match: Match, word: Word) -> bool:
    """Whether one word of text alone may name this entity.

    A lone word is weak evidence: it must agree with the list word exactly, by its
    comparable form or as a known variant (not by a fuzzy likeness); the list name must
    not be a weak alias; for a person it must be the family name ("Mkrtychev", not
    "John"), and not the one, common name of a list name ("Mohamed"); for an
    organisation every other word of the list name must be generic ("Wagner" for
    "Wagner Group", not "Tir" for "7th of Tir").
    """
    pairs = [p for p in match.explanation.pairs if p.query is not None]
    if len(pairs) != 1 or pairs[0].form not in ("exact", "comparable", "variant"):
        return False
    if pairs[0].form != "exact" and len(word.latin) < MIN_FUZZY:
        return False  # short words meet too easily by spelling rules ("Jake", "IAC")
    if any(n.value == match.name and n.kind == WEAK for n in match.entity.names):
        return False
    if match.entity.schema == PERSON:
        named = [t for t in tokenize_name(match.name, PERSON).tokens if t.role == NAME]
        if len(named) == 1 and default_weights().rarity(named[0].form) < COMMON_NAME:
            # A list name of one common name ("Mohamed", "Aleksandr Sergeyevich"): the
            # word alone in text is anyone of that name.
            return False
        return bool(set(word.forms) & family_forms(match.name))
    schema = match.entity.schema
    listed = tokenize_name(match.name, ORGANIZATION if schema != PERSON else PERSON).tokens
    return all(t.role not in NAME_WORDS or t.text == pairs[0].candidate for t in listed)


def _written_as_listed(match: Match, word: Word) -> bool:
    """Whether a lone word names this entity, if the name is also an ordinary word.

    A ship's name, or an organisation's one word in ``ordinary_names.tsv``, is mostly
    an ordinary word, a place or a person ("Sierra" of "José Antonio Sierra", "ALERT:"
    heading a message): alone it is a mention only written as the list writes it
    ("the tanker SIERRA"), in a line that mixes upper and lower case (in a line of
    capitals, "ALERT" says nothing). Other names, "Hamas" or "Rosneft", are no words.
    """
    ordinary = match.entity.schema in (VESSEL, AIRCRAFT)
    if not ordinary and len(match.name.split()) == 1:
        ordinary = word.latin in _ordinary_names()
    return not ordinary or (word.cased and word.surface == match.name)


def _adjust(match: Match, factor: float, note: Penalty) -> Match:
    """Scale a match's score by ``factor``, recording why in its explanation."""
    score = match.score * factor
    note = attrs.evolve(note, amount=score - match.score)
    why = attrs.evolve(
        match.explanation, score=score, penalties=(*match.explanation.penalties, note)
    )
    return attrs.evolve(match, score=score, explanation=why)


def _resolve(found: list[_Found], words: Sequence[Word]) -> list[_Found]:
    """Resolve lone family names to the entities named in full elsewhere in the text."""
    full = [f for f in found if f.end - f.start > 1 and f.score >= DEFAULT_THRESHOLD]
    full.sort(key=lambda f: -f.score)
    # Each full mention under the forms of its words, best first: a lone word only meets
    # the mentions that contain it, so resolving stays linear in the number of mentions.
    by_form: dict[str, list[_Found]] = {}
    for mention in full:
        for form in {f for w in words[mention.start : mention.end] for f in w.forms}:
            by_form.setdefault(form, []).append(mention)
    out = []
    for item in found:
        resolved = _resolve_one(item, words, by_form) if item.alone else None
        out.append(item if resolved is None or resolved.score < item.score else resolved)
    out.sort(key=lambda f: f.start)
    return out


def _resolve_one(
    item: _Found, words: Sequence[Word], by_form: dict[str, list[_Found]]
) -> _Found | None:
    forms = set(words[item.start].forms)
    seen: set[tuple[str, str]] = set()
    candidates = sorted(
        {id(m): m for f in forms for m in by_form.get(f, ())}.values(), key=lambda m: -m.score
    )
    for mention in candidates:
        best = mention.matches[0]
        if (best.entity.id, best.name) in seen:
            continue  # the same entity and name, said again: the answer would be the same
        seen.add((best.entity.id, best.name))
        listed = family_forms(best.name)
        if forms & listed or _near(forms, listed):
            return _resolved_by(mention, item.start, words)
    return None


def _resolve_consonants(chosen: list[_Found], words: Sequence[Word]) -> list[_Found]:
    """Family names alone in Arabic or Hebrew script, resolved by a full mention in the text.

    In such a script a word alone is never a mention (see :mod:`sanctionmatch.abjad`); but
    once the text names a listed person in full in that script (فلاديمير بوتين), a word
    written with the consonants of the person's family name (بوتين, "btn") names the
    person again. The family name must have three consonants at least: two meet too many
    words.
    """
    by_consonants: dict[str, _Found] = {}
    for mention in sorted(chosen, key=lambda f: -f.score):
        best = mention.matches[0]
        if mention.end - mention.start < 2 or best.score < DEFAULT_THRESHOLD:
            continue
        if best.entity.schema != PERSON or not words[mention.start].consonants:
            continue  # a person named in full in the same script
        for form in family_forms(best.name):
            consonants = abjad_skeleton(form)
            if len(consonants) >= MIN_FAMILY_CONSONANTS:
                by_consonants.setdefault(consonants, mention)
    if not by_consonants:
        return []
    taken = {k for f in chosen for k in range(f.start, f.end)}
    resolved = []
    for k, word in enumerate(words):
        if k in taken or len(word.consonants) != 1 or word.common:
            continue
        full = by_consonants.get(word.consonants[0])
        if full is None:
            continue
        resolved.append(_resolved_by(full, k, words))
    return resolved


def _resolved_by(mention: _Found, k: int, words: Sequence[Word]) -> _Found:
    """Word ``k``, a family name alone, as the entity the full ``mention`` names."""
    said_as = text_of(words, mention.start, mention.end)
    where = words[mention.start].start
    note = Penalty(f"a family name alone, resolved by {said_as!r} at {where}", 0)
    match = _adjust(mention.matches[0], RESOLVED, note)
    why = attrs.evolve(match.explanation, query=words[k].surface)
    return _Found(k, k + 1, (attrs.evolve(match, explanation=why),), True)


def text_of(words: Sequence[Word], start: int, end: int) -> str:
    """The words [start, end) joined by spaces (for messages)."""
    return " ".join(w.surface for w in words[start:end])


def _near(forms: AbstractSet[str], listed: AbstractSet[str]) -> bool:
    """Whether a lone word is a one-edit spelling of a listed word ("Choïgu", "Choïgou")."""
    return any(
        f in deletions(g) or g in deletions(f) or deletions(f) & deletions(g)
        for f in forms
        for g in listed
        if len(g) >= MIN_FUZZY
    )


def scan(
    text: str, *, matcher: Matcher | None = None, threshold: float | None = None
) -> list[Mention]:
    """Find the listed people and organisations a text mentions.

    Args:
        text: the text, in any language and script.
        matcher: the list to screen against; by default the bundled sample.
        threshold: the lowest score reported; None means DEFAULT_THRESHOLD.

    Returns:
        Non-overlapping :class:`~sanctionmatch.model.Mention` records in text order, each
        with its character offsets, its surface text and its ranked matches.
    """
    if matcher is None:
        from sanctionmatch.matcher import sample_matcher

        matcher = sample_matcher()
    return scan_text(matcher, text, vocabulary=vocabulary_of(matcher), threshold=threshold)
