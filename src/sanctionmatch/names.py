"""Name structure: tokens, their roles, list order, titles, particles and legal forms.

:func:`tokenize_name` turns a name as written anywhere ("SHOIGU, Sergei Kuzhugetovich",
"le général Sergueï Choïgou", "Сергей Шойгу", "OOO Oboronnye Initsiativy") into a
:class:`NameForm`: latinized tokens in reading order, each with its comparable form and a
role (given or family name, patronymic, particle, initial, generic organisation word, or
the words describing an organisation around its name in quotes), and the organisation's
legal form set apart (:mod:`sanctionmatch.legal_forms`). One function serves list names
and queries alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from sanctionmatch.comparable import abjad_skeleton, comparable_form, skeleton
from sanctionmatch.legal_forms import MIN_CUT, split_cut_legal_form, split_legal_forms
from sanctionmatch.numerals import read_numbers
from sanctionmatch.tables import read_table
from sanctionmatch.text import (
    ABJADS,
    QUOTED,
    dominant_script,
    fold_confusables,
    fold_text,
    latinize,
)
from sanctionmatch.translations import is_generic_word
from sanctionmatch.wade_giles import read_wade_giles

PERSON = "Person"
ORGANIZATION = "Organization"

# Schema names accepted from callers and from FollowTheMoney data, and how they are scored.
_SCHEMA_ALIASES = {
    "person": PERSON,
    "individual": PERSON,
    "organization": ORGANIZATION,
    "organisation": ORGANIZATION,
    "company": ORGANIZATION,
    "legalentity": ORGANIZATION,
    "publicbody": ORGANIZATION,
    "entity": ORGANIZATION,
    "vessel": ORGANIZATION,
    "aircraft": ORGANIZATION,
    "other": ORGANIZATION,
}

# Token roles.
NAME = "name"  # a given or family name, or a distinctive word of an organisation
PATRONYMIC = "patronymic"  # Russian-style -ovich/-ovna
PARTICLE = "particle"  # de, van, al, bin ...
INITIAL = "initial"  # a single letter
GENERIC = "generic"  # bank, group, company ...
DESCRIPTOR = "descriptor"  # what an organisation is, around its name in quotes
QUALIFIER = "qualifier"  # a place or branch: words in parentheses, regions (Europe)
STOP = "stop"  # of, the, de (in organisation names)
NUMBER = "number"
# The roles of the words text writes a list name by. Scanning reads a descriptor as the
# name word it was before quotes set it apart ("Konstruktorskoe byuro" of
# "Konstruktorskoe byuro “Oko”" is how text may name the bureau); only scoring weighs it less.
NAME_WORDS = frozenset({NAME, DESCRIPTOR})
MEMO_WORDS = 1 << 16  # distinct words whose latin tokens are kept
MEMO_NAMES = 1 << 15  # distinct names whose prepared forms are kept
CUT_AT = 30  # letters and spaces: a name this long may have been cut at a field width
SYLLABLE_LETTERS = 7  # the longest latinized syllable of a Korean name ("ppyeong")


class Token(NamedTuple):
    """One latinized token of a name with the forms it is compared by."""

    text: str  # latinized, lower-case ASCII
    form: str  # cross-convention comparable form
    skel: str  # consonant skeleton (compared only for abjad-script tokens)
    role: str
    abjad: bool  # written in Arabic or Hebrew script in the source


def token_skeleton(text: str, form: str, abjad: bool) -> str:
    """The consonant skeleton a token carries: as its abjad writes it, or of its form."""
    return abjad_skeleton(text) if abjad else skeleton(form)


def abjad_consonants(token: Token) -> str:
    """The consonants Arabic or Hebrew script would write for a token, to compare with one."""
    return token.skel if token.abjad else abjad_skeleton(token.text)


class NameForm(NamedTuple):
    """A name prepared for comparison."""

    tokens: tuple[Token, ...]
    schema: str  # PERSON or ORGANIZATION
    legal_forms: tuple[str, ...]  # canonical legal forms, e.g. ("llc",)
    titles: tuple[str, ...]  # titles and honorifics that were set aside
    joined: str  # comparable form of all words run together, legal forms included
    script: str  # the dominant script of the name as written
    letters: str  # the cleaned name without separators, in its own script
    written: tuple[str, ...]  # the latinized words in written order, legal forms included
    cut: str  # the last word if the name may have been cut short after it, else ""

    @property
    def normalized(self) -> str:
        """The tokens joined by spaces."""
        return " ".join(t.text for t in self.tokens)


def resolve_schema(schema: str | None) -> str | None:
    """Map a caller's schema ("Person", "Company", "LegalEntity", ...) to PERSON or ORGANIZATION.

    Raises:
        ValueError: for a schema this library does not know.
    """
    if schema is None:
        return None
    if not isinstance(schema, str):
        raise TypeError(f"schema must be a str or None, not {type(schema).__name__}")
    resolved = _SCHEMA_ALIASES.get(schema.casefold())
    if resolved is None:
        raise ValueError(f"unknown schema {schema!r}; expected Person, Organization or None")
    return resolved


@functools.cache
def titles() -> frozenset[str]:
    """The titles and honorifics set aside from person names (latinized, lower case)."""
    return frozenset(row[0] for row in read_table("titles.tsv", columns=1))


@functools.cache
def office_titles() -> frozenset[str]:
    """The titles that name an office (President, Minister, General), not mere courtesy."""
    return frozenset(row[0] for row in read_table("titles.tsv", columns=2) if row[1] == "office")


@functools.cache
def _family_syllables() -> frozenset[str]:
    return frozenset(row[0] for row in read_table("family_syllables.tsv", columns=1))


def family_syllable(letters: str, syllables: int) -> int:
    """Which syllable of a name in Hangul or Han characters is the family name: 0 or the last.

    Korean and Chinese write the family name first ("김정은"); a name written in the
    Western order ("정은 김", "美珠 陳") ends with it. The last is taken for it when it is a
    common family name and the first is not.

    Args:
        letters: the name as written, without separators (``NameForm.letters``).
        syllables: how many tokens the name has; one character must write each.
    """
    if syllables < 2 or len(letters) != syllables:
        return 0
    known = _family_syllables()
    return syllables - 1 if letters[-1] in known and letters[0] not in known else 0


@functools.cache
def stop_words() -> frozenset[str]:
    """The words that weigh nothing in organisation names ("of", "de", "and")."""
    return frozenset(word for word, cls in _org_words().items() if cls == "stop")


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(row[0] for row in read_table("particles.tsv", columns=1))


def particles() -> frozenset[str]:
    """The particles of people's names ("al", "bin", "van", "de"), latinized."""
    return _particles()


@functools.cache
def _org_words() -> dict[str, str]:
    return {word: cls for word, cls in read_table("org_words.tsv", columns=2)}


_APOSTROPHE_CHARS = "'’‘ʼʻ`´′"
_APOSTROPHES = re.compile(f"[{_APOSTROPHE_CHARS}]")
# Word separators: white space, ASCII punctuation and symbols, Latin-1 punctuation, general
# punctuation (U+2000-U+206F), CJK punctuation and full-width ASCII punctuation. Everything
# else, combining marks included, belongs to a word; apostrophes join word parts (O'Brien).
_SEPARATORS = "\\s!-/:-@\\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f\uff01-\uff0f"
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_ALNUM = re.compile(r"[\W_]+")  # what str.isalnum() rejects, in any script
# A comma that separates "SURNAME, Given" (not a digit group separator as in "11,420").
_LIST_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_WORDS = re.compile(
    f"[^{_SEPARATORS}{_APOSTROPHE_CHARS}]+(?:[{_APOSTROPHE_CHARS}][^{_SEPARATORS}{_APOSTROPHE_CHARS}]+)*"
)
# Russian patronymics (-ovich, -evna, -ichna) as comparable forms; Hangul and kana write
# -ovich as 로비치 / ロヴィチ ("obichi", "ovuichi") and -ovna as 로브나 ("obna").
_PATRONYMIC = re.compile(r"(?:vi?S|vna|iSna|[eo]biSi|[eo]vuiSi|[eo]bna)$")


def _latin_tokens(text: str) -> list[tuple[str, bool]]:
    """Split cleaned text into latinized tokens, each flagged when it came from an abjad."""
    out: list[tuple[str, bool]] = []
    for word in _WORDS.findall(text):
        out.extend(_latin_word(word))
    return out


@functools.lru_cache(maxsize=MEMO_WORDS)
def _latin_word(word: str) -> tuple[tuple[str, bool], ...]:
    """The latinized tokens of one word (memoized: list names share most of their words)."""
    abjad = not word.isascii() and dominant_script(word) in ABJADS
    latin = _APOSTROPHES.sub("", latinize(word).lower())
    # Folded again once latin: a letter latinization dropped may have kept digits
    # apart from the letters they stand for ("0a\ud7fca").
    latin = fold_confusables(latin)
    return tuple((piece, abjad) for piece in _NON_ALNUM.split(latin) if piece)


def _person_tokens(text: str) -> list[tuple[str, bool]]:
    """:func:`_latin_tokens`, dropping a name written again in another script.

    In "Владимир Путин PUTIN" a word that repeats, as a comparable form, a word of another
    script earlier in the name is the same name transliterated, not a second name. Within
    one script a repeated word is a name of its own ("Swe Swe Aung").
    """
    if text.isascii():
        return _latin_tokens(text)
    seen: dict[str, str] = {}
    out: list[tuple[str, bool]] = []
    for word in _WORDS.findall(text):
        script = "Latin" if word.isascii() else dominant_script(word)
        for token in _latin_word(word):
            if seen.setdefault(comparable_form(token[0]), script) == script:
                out.append(token)
    return out


def _merge_letter_runs(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Join runs of three or more single letters: "p u t i n" -> "putin", "a i c" -> "aic"."""
    out: list[tuple[str, bool]] = []
    run: list[tuple[str, bool]] = []
    for token in [*tokens, ("", False)]:
        if len(token[0]) == 1 and token[0].isalpha():
            run.append(token)
            continue
        if len(run) >= 3:
            out.append(("".join(t for t, _ in run), run[0][1]))
        else:
            out.extend(run)
        run = []
        if token[0]:
            out.append(token)
    return out


# "Abdulrahman", "Abdelkader", "Abdurrahman": "servant of", the article and a name, run
# together as one word, are three words as "Abd al-Rahman" writes them. Not Abdullah
# (Abd Allah: no article), which meets "Abd Allah" by gluing.
_ABD_RUN = re.compile(
    r"abd(?:oul|ul|el|al|ol|ur|ar|us|as|ush|ash|un|an|ud|ad|uz|az|ut|at|u|e)(\w{3,})"
)


def split_abd_run(word: str) -> tuple[str, ...]:
    """The words "abd", "al" and a name, for a word that runs them together, else the word."""
    run = _ABD_RUN.fullmatch(word)
    if run is None or run[1].startswith("lah"):
        return (word,)
    return ("abd", "al", run[1])


def _split_abd(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Write a word "abd" + article + name as the three words "abd", "al" and the name."""
    return [(part, abjad) for text, abjad in tokens for part in split_abd_run(text)]


# "Badr al-Din", "Badr ud-Din", "Salah ed-Din": a name, the article and "din" ("faith"),
# which "Badreddine", "Salahuddin" and "Najmiddin" run together (see score._glue).
DIN_ARTICLES = frozenset({"al", "el", "ul", "ad", "ed", "ud", "id", "od"})
DIN_WORDS = frozenset({"din", "dine", "deen"})


def din_written_apart(tokens: Sequence[Token], i: int) -> tuple[tuple[str, ...], int] | None:
    """The ways a list may run together "Badr al-Din" or "al-Din" written from ``tokens[i]``.

    A name, the article and "din" ("Badr al-Din", "Siraj ud Din") or the article and
    "din" ("Ansar al-Din") are run together with the article's vowel or another
    ("Badreddine", "Badruddin", "Ansar Eddine"). Arabic script is compared by consonants.

    Returns:
        The latinized spellings, and how many tokens they take; None if no such words
        begin at ``i``.
    """
    if i + 1 < len(tokens) and tokens[i].text in DIN_ARTICLES and tokens[i + 1].text in DIN_WORDS:
        name, article, taken = "", tokens[i].text, 2
    elif (
        i + 2 < len(tokens)
        and tokens[i].role == NAME
        and tokens[i + 1].text in DIN_ARTICLES
        and tokens[i + 2].text in DIN_WORDS
    ):
        name, article, taken = tokens[i].text, tokens[i + 1].text, 3
    else:
        return None
    if any(t.abjad for t in tokens[i : i + taken]):
        return None
    vowels = dict.fromkeys((article[0], "u", "e", "a", "i", ""))
    return tuple(f"{name}{vowel}ddin" for vowel in vowels), taken


def din_run_name(word: str) -> str | None:
    """The name that a word runs together with the article and "din", or None.

    >>> din_run_name("badreddine"), din_run_name("salahuddin"), din_run_name("jardine")
    ('badr', 'salah', None)

    The article's vowel is taken as its own ("Bahaddin", Baha al-Din, gives "bah").
    """
    stem = word.removesuffix("e")
    if not stem.endswith("ddin") or len(stem) < 8 or stem[-5] not in "aeiou":
        return None
    return stem[:-5]


def _reorder(text: str) -> str:
    """Turn list order "SURNAME, Given Middle" into reading order "Given Middle SURNAME"."""
    parts = _LIST_COMMA.split(text)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return text
    if len(_WORDS.findall(parts[0])) > 3:
        return text
    return f"{parts[1]} {parts[0]}"


# Roman numerals number the members of a series of organisations ("Fund II", "Trust XV").
_ROMAN = re.compile(r"^(?=[ivxlc])(?:x{0,3}|xl|l|lx{1,3}|xc)(?:i{1,3}|iv|v|vi{1,3}|ix)?$")


def _role(text: str, form: str, schema: str, count: int, *, word: bool, abjad: bool = False) -> str:
    """A token's role; ``word``: it may be a function word (see _may_be_function_word)."""
    if text.isdigit():
        return NUMBER
    if schema == ORGANIZATION:
        cls = _org_words().get(text)
        if cls in ("stop", "syllable"):
            cls = "stop" if word else None
        # "I" and "V" are numerals and words: "and" and "in" stand between words ("Bank
        # i Kredit", "jednotka v provincii"), a numeral ends a name ("Fund V").
        if _ROMAN.match(text) and cls != "stop":
            return NUMBER
        if cls is None and is_generic_word(text):
            return GENERIC  # "bendrove", "tarsasag": "company" in other languages
        return {"stop": STOP, "generic": GENERIC, "qualifier": QUALIFIER}.get(cls or "", NAME)
    if len(text) == 1 and not abjad:
        # One Latin letter is an initial; one consonant of an Arabic or Hebrew word is
        # what is left of a word with silent or vowel letters (עם, "with", is "m").
        return INITIAL
    if text in _particles():
        return PARTICLE
    if count >= 3 and len(form) >= 6 and _PATRONYMIC.search(form):
        return PATRONYMIC
    return NAME


def _reread(
    tokens: list[tuple[str, bool]], reader: Callable[[Sequence[str]], list[str]]
) -> list[tuple[str, bool]]:
    """Rewrite a name's words with a reader of Latin-script conventions.

    The readers: an organisation's number words as digits ("Twenty-Seven" and "27" meet;
    in a person's name "Seven" is a name) and a person's Wade-Giles as pinyin.
    """
    if any(abjad for _, abjad in tokens):
        return tokens  # both conventions are written in Latin script
    return [(word, False) for word in reader([t for t, _ in tokens])]


# Short legal forms that are also names or parts of names ("Sia Agha Sayeed", "Ad Melkert",
# "Khairuddin as-Sayyed"): set aside from an organisation's name, but alone they do not
# make a name an organisation's.
_NAME_LIKE_FORMS = frozenset({"ab", "ad", "as", "oy", "sia"})


# Function words that join the words of an organisation's name and never a person's:
# "Islamic State of Iraq and the Levant", "Parti communiste des Philippines". (Shorter
# ones are also syllables of names, "ja", "il", "in", but not "et"; "de", "der", "van"
# are particles.)
_JOINS_ORG_WORDS = frozenset({"of", "and", "the", "for", "des", "et", "aux", "und"})


def _looks_like_org(tokens: list[tuple[str, bool]]) -> bool:
    words = _org_words()
    if any(words.get(text) == "generic" or is_generic_word(text) for text, _ in tokens):
        return True
    if any(text in _JOINS_ORG_WORDS and not abjad for text, abjad in tokens[1:-1]):
        return True
    if any(text in _NUMBER_SIGNS and _numbered(tokens, i) for i, (text, _) in enumerate(tokens)):
        return True  # "Plant No. 8": people are not numbered
    return bool(set(split_legal_forms(tokens)[1]) - _NAME_LIKE_FORMS)


@functools.lru_cache(maxsize=MEMO_NAMES)
def tokenize_name(text: str, schema: str | None = None) -> NameForm:
    """Prepare a name for comparison.

    Args:
        text: the name as written, in any script or convention.
        schema: "Person", "Organization" (or a synonym), or None to decide from the name:
            a name with a legal form or a generic organisation word is an organisation.

    Returns:
        The :class:`NameForm`; its tokens are empty for a name without letters or digits.
    """
    if not isinstance(text, str):
        raise TypeError(f"a name must be a str, not {type(text).__name__}")
    resolved = resolve_schema(schema)
    cleaned = fold_text(text)
    raw = joined_raw = []
    if resolved != PERSON:
        raw = joined_raw = _merge_letter_runs(_latin_tokens(cleaned))
    if resolved is None:
        resolved = ORGANIZATION if _looks_like_org(raw) else PERSON
    legal: list[str] = []
    set_aside: list[str] = []
    if resolved == PERSON:
        raw = joined_raw = _split_abd(_merge_letter_runs(_person_tokens(_reorder(cleaned))))
        # The titles are Latin words: a word from an abjad that reads like one is a
        # name (عمر, Omar, latinizes to "mr").
        kept = [t for t in raw if t[0] not in titles() or t[1]]
        if kept:
            set_aside = [t for t, abjad in raw if t in titles() and not abjad]
            raw = kept
        raw = _reread(raw, read_wade_giles)
    else:
        raw, legal = split_legal_forms(raw)
        if len(" ".join(t for t, _ in joined_raw)) >= CUT_AT:
            raw, cut = split_cut_legal_form(raw)
            legal += cut
        if dominant_script(cleaned) == "Latin":
            # The number words are Latin-script words: Greek την latinizes to "ten".
            raw = _reread(raw, read_numbers)
    qualifiers = _qualifiers(cleaned) if resolved == ORGANIZATION else frozenset()
    tokens: list[Token] = []
    syllabic = resolved == ORGANIZATION and _in_syllables(raw)
    for position, (token, abjad) in enumerate(raw):
        form = comparable_form(token)
        word = _may_be_function_word(raw, position, syllabic=syllabic)
        role = _role(token, form, resolved, len(raw), word=word, abjad=abjad)
        if role == NAME and token in qualifiers:
            role = QUALIFIER
        if resolved == ORGANIZATION and token in _NUMBER_SIGNS and _numbered(raw, position):
            role = STOP  # "Office No. 39" is "Office 39"
        tokens.append(Token(token, form, token_skeleton(token, form, abjad), role, abjad))
    quoted = _quoted(cleaned) if resolved == ORGANIZATION else frozenset()
    if any(t.role == NAME and t.text in quoted for t in tokens):
        # The words in quotes name the body; the words around them say what it is, in
        # the language of the list ("Joint Stock Company “Kometa”", "Korporace „Kometa“").
        tokens = [
            t._replace(role=DESCRIPTOR) if t.role == NAME and t.text not in quoted else t
            for t in tokens
        ]
    if all(t.role != NAME for t in tokens):
        # Qualifiers qualify a name: without one they are the name ("Bank Asia").
        tokens = [t._replace(role=NAME) if t.role == QUALIFIER else t for t in tokens]
    written = tuple(t for t, _ in joined_raw)
    return NameForm(
        tuple(tokens),
        resolved,
        tuple(legal),
        tuple(set_aside),
        comparable_form("".join(t for t, _ in joined_raw)),
        dominant_script(cleaned),
        _NOT_ALNUM.sub("", cleaned),
        written,
        _cut_word(written),
    )


# "Number" before a number, written out (number, numéro, номер) or short: No., Nr., N°
# (read "n"), Nº (read "no").
_NUMBER_SIGNS = frozenset({"n", "no", "nomer", "nr", "nro", "num", "number", "numero"})


def _numbered(tokens: list[tuple[str, bool]], position: int) -> bool:
    """Whether the word after ``position`` is a number."""
    return position + 1 < len(tokens) and tokens[position + 1][0].isdigit()


def _in_syllables(tokens: list[tuple[str, bool]]) -> bool:
    """Whether an organisation's name may be written in syllables ("Da Yang Shipping").

    Chinese, Korean and Vietnamese names are written syllable by syllable, and some
    syllables are function words of European languages too ("da", "na", "van"). In a name
    whose words, generic words aside, are no longer than syllables, they are names.
    """
    words = _org_words()
    return all(
        len(text) <= SYLLABLE_LETTERS
        for text, _ in tokens
        if words.get(text) in (None, "syllable") and not is_generic_word(text)
    )


def _may_be_function_word(tokens: list[tuple[str, bool]], position: int, *, syllabic: bool) -> bool:
    """Whether a word of an organisation's name may be a function word ("na", "a", "i").

    "na" is Slavic "of", and a syllable of "Na Sung Trading" (see :func:`_in_syllables`).
    A letter is Czech "a" ("and") among words, but a letter of "E.A. Co." among letters,
    and "I" or "V" is a numeral unless it stands between two words ("Fund V", "I-Soon").
    """
    text = tokens[position][0]
    if syllabic and _org_words().get(text) == "syllable":
        return False
    if len(text) > 1:
        return True
    neighbours = tokens[max(0, position - 1) : position] + tokens[position + 1 : position + 2]
    if any(len(other) == 1 for other, _ in neighbours):
        return False
    return len(neighbours) == 2 or not _ROMAN.match(text)


_PARENTHESES = re.compile(r"\(([^()]*)\)")


def _qualifiers(text: str) -> frozenset[str]:
    """The words of an organisation's name in parentheses: a place or branch qualifier.

    "Deutsche Bank (Schweiz) AG" is Deutsche Bank's Swiss company: "Schweiz" tells which
    one. Such words weigh as little as generic words, but two names qualified otherwise
    conflict ("Bank of China (Hong Kong)" is not "Bank of China (Australia)").
    """
    return _words_held(_PARENTHESES, text) if "(" in text else frozenset()


def _quoted(text: str) -> frozenset[str]:
    """The words of an organisation's name in quotation marks: its name proper."""
    return _words_held(QUOTED, text)


def _words_held(pattern: re.Pattern[str], text: str) -> frozenset[str]:
    """The latin words of the parts of ``text`` that ``pattern``'s group holds."""
    return frozenset(t for match in pattern.finditer(text) for t, _ in _latin_tokens(match[1]))


def _cut_word(written: tuple[str, ...]) -> str:
    """The last word of a name, if the name may have been cut short after it.

    Names pass through systems that store them in fixed-width fields and cut what does
    not fit: "REINALDO GREGORIO LENIN CERNA JUARE", "TACTICAL MISSILES CORPORATION JOINT
    STOCK COMPAN". A name of :data:`CUT_AT` characters or more may be one, and its last
    word (of :data:`MIN_CUT` letters or more) may be the start of a longer word.

    Returns:
        The last word as latinized, or "".
    """
    if not written or len(written[-1]) < MIN_CUT or len(" ".join(written)) < CUT_AT:
        return ""
    return written[-1]


def normalize_name(text: str) -> str:
    """Return the normalized form of a name: latinized, lower-case words in reading order.

    List order is undone ("PUTIN, Vladimir" -> "vladimir putin"), titles dropped, and
    punctuation becomes a word boundary. The result is a fixed point:
    ``normalize_name(normalize_name(x)) == normalize_name(x)``.

    >>> normalize_name("SHOIGU, Sergei Kuzhugetovich")
    'sergei kuzhugetovich shoigu'
    """
    form = tokenize_name(text)
    if form.legal_forms:
        # An organisation keeps its legal form where it was written: "anglo caribbean co ltd".
        return " ".join(form.written)
    return form.normalized
