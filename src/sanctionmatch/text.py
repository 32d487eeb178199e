"""Unicode clean-up, confusable folding, script detection and latinization.

These are pure ``str -> str`` functions with no knowledge of names: they make text written
in any script comparable character by character. Name structure lives in
:mod:`sanctionmatch.names`; cross-convention spelling rules in
:mod:`sanctionmatch.comparable`.

Latinization uses ``unidecode`` for most scripts, with two exceptions where its output does
not meet the Latin spellings used on sanctions lists: Hangul is romanized syllable by
syllable (so that 김정은 becomes "gim jeong eun", three tokens that can meet "Kim Jong Un"),
and the Arabic article ال is split off as "al" (so that الراشد meets "Al-Rashid").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

from sanctionmatch.korean import korean_reading
from sanctionmatch.tables import read_table

# Invisible characters removed outright: format characters (Unicode category Cf: soft
# hyphen U+00AD, Arabic letter mark U+061C, Mongolian vowel separator U+180E, zero-width
# space/joiners and directional marks U+200B-U+200F, bidi embeddings U+202A-U+202E, word
# joiner and invisible operators U+2060-U+206F, BOM U+FEFF, interlinear annotations
# U+FFF9-U+FFFB, tags U+E0000-U+E007F), the combining grapheme joiner U+034F, variation
# selectors (U+FE00-U+FE0F, U+E0100-U+E01EF), Hangul fillers (U+115F, U+1160, U+3164,
# U+FFA0) and lone surrogates (U+D800-U+DFFF), which cannot be encoded at all.
INVISIBLE_CHARS = (
    "\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef"
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
# Control characters (Cc) become spaces: a tab or newline inside a name separates words.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Combining diacritics of the Latin, Cyrillic and Greek scripts (stress marks as in ПУ́ТИН,
# stacked accents): removed after NFKC has composed what it can. Marks of other scripts
# (Indic vowel signs, Arabic harakat) carry sounds and are left to latinization.
DIACRITIC_CHARS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_DIACRITICS = re.compile(f"[{DIACRITIC_CHARS}]")

_LETTER_RUN = re.compile(r"[^\W_]+")
MEMO_READINGS = 1 << 14  # names whose other readings are kept
# An apostrophe typed for the Hebrew geresh (U+05F3) after ג, ז, צ or ץ (see latinize).
_HEBREW_APOSTROPHE = re.compile("(?<=[\u05d2\u05d6\u05e6\u05e5])['\u2019]")


@functools.cache
def _confusables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Load the confusables table: (to Latin, Latin to Cyrillic, Latin to Greek)."""
    to_latin: dict[str, str] = {}
    to_cyrillic: dict[str, str] = {}
    to_greek: dict[str, str] = {}
    for char, latin, script in read_table("confusables.tsv", columns=3):
        to_latin[char] = latin
        if script.startswith("Cyrillic"):
            to_cyrillic.setdefault(latin, char)
        elif script == "Greek":
            to_greek.setdefault(latin, char)
    return to_latin, to_cyrillic, to_greek


def script_of(char: str) -> str:
    """Return a coarse script name for one character.

    One of "Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Hangul", "Han", "Kana",
    "Arabic", "Hebrew", "Digit" or "Other".
    """
    cp = ord(char)
    if cp < 0x80:
        if char.isdigit():
            return "Digit"
        return "Latin" if char.isalpha() else "Other"
    for low, high, name in _SCRIPT_RANGES:
        if low <= cp <= high:
            return name
    return "Other"


# Code point ranges of the scripts that latinization treats specially or that confusable
# folding must tell apart. Anything else is "Other" and goes through unidecode.
_SCRIPT_RANGES = (
    (0x00C0, 0x024F, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x3040, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hangul"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
)

# Scripts written without short vowels: their latinized tokens are compared by consonants.
ABJADS = frozenset({"Arabic", "Hebrew"})


def clean_text(text: str, *, casefold: bool = True) -> str:
    """Return ``text`` compatibility-folded, without invisible characters, casefolded.

    NFKC folds full-width letters, mathematical alphanumerics, ligatures and other
    compatibility forms onto their plain letters; casefolding is Unicode-aware (ß -> ss).
    """
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    text = _DIACRITICS.sub("", text)
    text = _HEBREW_APOSTROPHE.sub("\u05f3", text)
    return text.casefold() if casefold else text


def fold_text(text: str) -> str:
    """Clean ``text``, fold look-alike letters, then casefold: the input of latinization.

    Look-alikes are folded before casefolding, so that a capital is read by its own shape:
    Greek Η looks like H, though its small letter η looks like n.
    """
    return fold_confusables(clean_text(text, casefold=False)).casefold()


_DIGIT = re.compile(r"\d")


def fold_confusables(text: str) -> str:
    """Replace look-alike letters inside words that mix scripts.

    In a text mostly in Latin letters, a Cyrillic or Greek look-alike inside a word that
    mixes scripts becomes its Latin letter ("puтin" -> "putin"), and digits used as
    letters become letters ("p0utin" -> "poutin"). In a text mostly in Cyrillic or Greek,
    Latin look-alikes become letters of that script ("пyтин" -> "путин"). Words in a
    single script are left alone. Capitals fold to capitals.
    """
    if text.isascii() and _DIGIT.search(text) is None:
        return text
    # The script most letters of the whole text are written in decides for a word that
    # mixes scripts: in "Oleg КRУUСНКОV" even a word mostly of Cyrillic look-alikes is Latin.
    overall = _script_counts(text)
    if len(overall) < 2:
        return text  # one script (or digits alone) throughout: no word can mix scripts
    return _LETTER_RUN.sub(lambda m: _fold_word(m.group(0), overall), text)


def latin_reading(text: str, *, among_latin: bool = False) -> str | None:
    """Read every look-alike letter of the mixed-script words of ``text`` as Latin.

    Returns None when no word mixes scripts. A name written mostly in Cyrillic
    look-alikes ("МОНАММАD ЅАDІQ") is otherwise read as Cyrillic; screening tries this
    reading as well, since an evader can write either way. In it, a digit 1 inside a
    word is read as i (the first reading takes it for l).

    Args:
        text: a name, or a word of text.
        among_latin: whether ``text`` stands among Latin letters (a word of a line with
            Latin words): then a word made only of look-alikes is read as Latin too.
    """
    if text.isascii() and "1" not in text:
        return None
    to_latin = _confusables()[0]
    text = unicodedata.normalize("NFKC", text)
    has_latin = among_latin or any(c.isascii() and c.isalpha() for c in text)
    changed = False

    def fold(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        scripts = {script_of(c) for c in word if c.isalpha()}
        if scripts <= {"Latin"}:
            if scripts and "1" in word:
                # The first reading takes 1 for l ("V1adimir"); this one for i ("Put1n").
                changed = True
                return "".join("i" if c == "1" else to_latin.get(c, c) for c in word)
            return word
        # A word mixing scripts, or, in a name with Latin letters, a word made only of
        # look-alikes ("ЅО'К МІN": the N is Latin).
        lookalikes = all(c in to_latin or script_of(c) == "Latin" for c in word)
        if not (("Latin" in scripts or has_latin) and lookalikes):
            return word
        changed = True
        return "".join(to_latin.get(c, c) for c in word)

    folded = _LETTER_RUN.sub(fold, text)
    return folded if changed else None


_VOWEL_LETTERS = frozenset("aeiouyAEIOUY")


def digit_reading(text: str) -> str | None:
    """Read each "1" inside a Latin word as l or i by its neighbours, other digits as letters.

    An evader writes 1 for l and for i in one name: "Kha11d" is Khalid, "Su-gi1 K1m" Su-gil
    Kim. The first reading takes every 1 for l, :func:`latin_reading` every 1 for i; this
    one takes a 1 after a vowel for l ("gi1"), after a consonant or at the start of a word
    for i ("K1m", "1KONNIKOV"), and after such an l before a vowel for l again
    ("Abdu114h"). The other digits among letters read as the first reading takes them
    (4 as a, 5 as s). Returns None when no word has a 1 among letters.
    """
    if "1" not in text:
        return None
    to_latin = _confusables()[0]
    changed = False

    def read(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        letters = any(c.isalpha() for c in word)
        if not letters or not word.isascii() or ORDINAL_DIGITS.fullmatch(word):
            return word
        changed = changed or "1" in word
        out: list[str] = []
        for k, char in enumerate(word):
            if char != "1":
                out.append(to_latin.get(char, char) if char.isdigit() else char)
                continue
            before = out[-1] if out else ""
            after = to_latin.get(word[k + 1], word[k + 1]) if k + 1 < len(word) else ""
            doubled = before == "l" and k > 0 and word[k - 1] == "1" and after in _VOWEL_LETTERS
            out.append("l" if before in _VOWEL_LETTERS or doubled else "i")
        return "".join(out)

    read_text = _LETTER_RUN.sub(read, text)
    return read_text if changed else None


# Letters with a caron or a comma below, as English transliteration writes their sounds:
# Czech, Slovak, Slovene, Croatian, Lithuanian and Latvian č, š, ž; Romanian ș and ț
# (and the Turkish ş, written alike). Latinization drops the marks.
_MARKED = {"č": "ch", "š": "sh", "ž": "zh", "ș": "sh", "ş": "sh", "ț": "ts", "ţ": "ts"}
_MARKED_LETTER = re.compile(f"[{''.join(_MARKED)}{''.join(_MARKED).upper()}]")


def marked_reading(text: str) -> str | None:
    """Read č, š, ž, ș and ț as the digraphs English transliteration writes (ch, sh, zh, ts).

    Latinization drops the marks: "Šojgu" is "sojgu" and "Rogaščuk" "rogascuk", which
    keeps a name typed without them exact but parts it from the English spelling
    ("Shoigu", "Rogashchuk"). Screening tries this reading as well. A capital in a word
    written in capitals stays in capitals ("ŠOR" is "SHOR", "Šor" is "Shor").

    Returns:
        The text read so, or None when it has no such letter.
    """
    text = unicodedata.normalize("NFC", text)
    if text.isascii() or _MARKED_LETTER.search(text) is None:
        return None

    def read(word: re.Match[str]) -> str:
        capitals = word.group(0).isupper()
        return _MARKED_LETTER.sub(lambda m: _digraph(m.group(0), capitals), word.group(0))

    return _LETTER_RUN.sub(read, text)


def _digraph(letter: str, capitals: bool) -> str:
    digraph = _MARKED[letter.lower()]
    if letter.islower():
        return digraph
    return digraph.upper() if capitals else digraph.capitalize()


# How Greek writes the sounds of foreign names: ντ for d (Βλαντιμίρ, Vladimir), μπ for b,
# γκ for g (Σεργκέι), and β, φ are v and f. Latinized letter by letter they are nt, mp,
# gk, b and ph, far from the lists' spellings.
_GREEK_SOUNDS = {"ντ": "d", "μπ": "b", "γκ": "g", "β": "v", "φ": "f"}
_GREEK_SOUND = re.compile("|".join(_GREEK_SOUNDS), re.IGNORECASE)
_GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def greek_reading(text: str) -> str | None:
    """Read a name in Greek script as Greek writes foreign names, in Latin letters.

    >>> greek_reading("Βλαντιμίρ Πούτιν")
    'Vladimir Poutin'

    Returns:
        The latinized reading, or None when the text has no such Greek letters.
    """
    if _GREEK_LETTER.search(text) is None:
        return None
    plain = _DIACRITICS.sub("", unicodedata.normalize("NFD", text))
    if _GREEK_SOUND.search(plain) is None:
        return None

    def sound(match: re.Match[str]) -> str:
        # casefold, not lower: the micro sign µ matches μ ignoring case, and folds to it.
        latin = _GREEK_SOUNDS.get(match.group(0).casefold())
        if latin is None:
            return match.group(0)
        return latin.upper() if match.group(0)[0].isupper() else latin

    return unidecode(_GREEK_SOUND.sub(sound, plain))


# Quotation marks of the languages lists are written in; in „this“, «this», »this« and
# “this” the marks differ, so any mark opens and any closes. The apostrophe is left out:
# it is a letter of names (O'Brien, Sha'ir).
QUOTES = '"«»“”„‟‹›'
QUOTED = re.compile(f"[{QUOTES}]([^{QUOTES}]+)[{QUOTES}]")
_MARKS = frozenset(QUOTES + "\uff02")  # and the full-width mark, which folds to '"'


def quoted_apart(name: str) -> bool:
    """Whether a name has words in quotation marks and other words besides.

    An organisation writes its name proper so ("ООО «Структура»", "»Sobol« orosz
    közösség"), and a person a nickname ("Vladimir Putin “the tsar”"): a name without
    a schema that has one is read both ways, and the better reading counts.
    """
    if _MARKS.isdisjoint(name):
        return False  # most names: spare the folding
    text = fold_text(name)
    marks = [i for i, char in enumerate(text) if char in QUOTES]
    if len(marks) < 2:
        return False
    return _has_word(text[: marks[0]]) or _has_word(text[marks[-1] + 1 :])


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


_NO_QUOTES = str.maketrans(dict.fromkeys(QUOTES, " "))


def dequoted_reading(text: str) -> str | None:
    """A name with words in quotation marks and others, its marks dropped; or None.

    Read with its marks, an organisation's name has a name proper and a description
    (:func:`~sanctionmatch.names.tokenize_name`); a person's nickname in quotes
    ("Vladimir Putin “the tsar”") is no such thing. Without the marks, every word is a
    name word, as in a name written with none.
    """
    if not quoted_apart(text):
        return None
    return " ".join(text.translate(_NO_QUOTES).split())


@functools.lru_cache(maxsize=MEMO_READINGS)
def other_readings(text: str) -> tuple[str, ...]:
    """The other ways screening reads a name.

    They are :func:`latin_reading`, :func:`digit_reading`, :func:`marked_reading`,
    :func:`greek_reading`, :func:`dequoted_reading` and, for a Korean name written in
    Cyrillic, :func:`~sanctionmatch.korean.korean_reading`.
    Memoized: compare() and match() ask for every name they see, and names recur.
    """
    readings = (
        latin_reading(text),
        digit_reading(text),
        marked_reading(text),
        korean_reading(text),
        greek_reading(text),
        dequoted_reading(text),
    )
    return tuple(dict.fromkeys(r for r in readings if r is not None))


def readings(text: str) -> tuple[str, ...]:
    """A name as written, then its :func:`other_readings`: each way screening reads it."""
    return (text, *other_readings(text))


def _script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for char in text:
        if char.isalnum():
            script = script_of(char)
            counts[script] = counts.get(script, 0) + 1
    return counts


# Ordinal numbers written with digits: English 1st 2nd 3rd 4th, French 1er 1re 2e 2eme.
# Their digits are digits, not letters in disguise.
ORDINAL_DIGITS = re.compile(r"(?<!\d)(\d+)(?:st|nd|rd|th|er|re|e|eme)", re.IGNORECASE)


def _fold_word(word: str, overall: dict[str, int]) -> str:
    if ORDINAL_DIGITS.fullmatch(word):
        return word
    counts = _script_counts(word)
    letters = sum(n for s, n in counts.items() if s != "Digit")
    if len(counts) < 2 or letters < 2:
        return word
    to_latin, to_cyrillic, to_greek = _confusables()
    mixed = [s for s in counts if s != "Digit"]
    main = max(mixed, key=lambda s: (overall.get(s, 0), counts[s], s == "Latin"))
    if main == "Cyrillic":
        return "".join(to_cyrillic.get(c, c) for c in word)
    if main == "Greek":
        return "".join(to_greek.get(c, c) for c in word)
    if main != "Latin" or counts.get("Digit", 0) >= letters:
        return word
    return "".join(to_latin.get(c, c) for c in word)


# Hangul syllables are composed of a lead consonant, a vowel and an optional tail:
# syllable = 0xAC00 + (lead * 21 + vowel) * 28 + tail. Romanized with the Revised
# Romanization; the differences from McCune-Reischauer and popular spellings (gim/kim,
# eo/o, eu/u) are folded later by the comparable form.
_LEADS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "-",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_VOWELS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_TAILS = [
    "",
    *[
        "k",
        "k",
        "k",
        "n",
        "n",
        "n",
        "t",
        "l",
        "k",
        "m",
        "l",
        "l",
        "l",
        "p",
        "l",
        "m",
        "p",
        "p",
        "t",
        "t",
        "ng",
        "t",
        "t",
        "k",
        "t",
        "p",
        "t",
    ],
]
_HANGUL_SYLLABLES = re.compile("[\uac00-\ud7a3]+")


_EU = _VOWELS.index("eu")
_SILENT = _LEADS.index("-")  # ㅇ as a lead consonant is silent


def _romanize_syllable(char: str, *, epenthetic: bool = False) -> str:
    index = ord(char) - 0xAC00
    lead, rest = divmod(index, 21 * 28)
    vowel, tail = divmod(rest, 28)
    sound = "" if epenthetic and vowel == _EU and lead != _SILENT else _VOWELS[vowel]
    syllable = _LEADS[lead].replace("-", "") + sound + _TAILS[tail]
    # 이, the commonest surname, is "i" in the Revised Romanization; written "yi" (its
    # other official spelling) it is not mistaken for an initial.
    return "yi" if syllable == "i" else syllable


def _romanize_hangul(match: re.Match[str]) -> str:
    # In a Korean name of up to three syllables each syllable becomes a token: Latin
    # spellings split them ("Kim Jong Un", "Kim Jong-un") or glue them ("Jongun") freely.
    # A longer word is a transliterated foreign name (블라디미르, Vladimir) and stays whole.
    word = match.group(0)
    if len(word) <= 3:
        return " " + " ".join(_romanize_syllable(c) for c in word) + " "
    # Korean writes a foreign consonant cluster with the vowel ㅡ (eu) in between:
    # 블라디미르 is beu-l-la-di-mi-reu for "Vladimir". Drop it. A final ㄹ before an
    # initial ㄹ is "ll", not "lr" (the Revised Romanization's rule): the l of "Vl".
    joined = "".join(_romanize_syllable(c, epenthetic=True) for c in word)
    return " " + joined.replace("lr", "ll") + " "


# The Arabic definite article at the start of a word: الراشد -> "al rashid".
# Not in الله (Allah), which is one word: عبد الله meets "Abdullah" and "Abd Allah".
_ARABIC_ARTICLE = re.compile(
    r"(?<![\u0600-\u06ff])\u0627\u0644(?=[\u0600-\u06ff]{2})(?!\u0644\u0647(?![\u0600-\u06ff]))"
)


# Hebrew writes the sounds of foreign names that it lacks with a geresh (U+05F3, or an
# apostrophe) after a letter: ג' is j, ז' is zh, צ' and final ץ' are ch (צ'רצ'יל is
# Churchill). Without the geresh the letters read g, z and ts. Writers often type an
# apostrophe for the geresh; clean_text() turns it into one.
_HEBREW_GERESH = re.compile("([\u05d2\u05d6\u05e6\u05e5])\u05f3")
_GERESH_SOUNDS = {"\u05d2": "j", "\u05d6": "zh", "\u05e6": "ch", "\u05e5": "ch"}


# The Indic letter ca (च, চ, ਚ, ચ, ଚ, చ, ಚ, ച) is "c" in ISO 15919, as unidecode writes it,
# but "ch" in the Hunterian spellings that English, and the lists, use: चौधरी is Chaudhry.
_INDIC_CA = str.maketrans(dict.fromkeys("\u091a\u099a\u0a1a\u0a9a\u0b1a\u0c1a\u0c9a\u0d1a", "ch"))


# Armenian writes the vowel u with two letters, ո + ւ; unidecode reads them one by one
# ("ow"), so Սուրեն came out "sowren". Every convention (ISO 9985, BGN/PCGN) writes "u".
_ARMENIAN_U = re.compile("[\u0548\u0578][\u0552\u0582]")


def latinize(text: str) -> str:
    """Return ``text`` transliterated to ASCII, script by script.

    Args:
        text: cleaned text (see :func:`clean_text`).

    Returns:
        ASCII text; letters of scripts that unidecode does not know are dropped.
    """
    if text.isascii():
        return text
    text = _HANGUL_SYLLABLES.sub(_romanize_hangul, text)
    text = _ARABIC_ARTICLE.sub("al ", text)
    text = _HEBREW_GERESH.sub(lambda m: _GERESH_SOUNDS[m.group(1)], text)
    text = text.translate(_INDIC_CA)
    text = _ARMENIAN_U.sub(lambda m: "U" if m.group(0)[0] == "\u0548" else "u", text)
    return unidecode(text)


def dominant_script(text: str) -> str:
    """Return the script of most letters in ``text`` ("Latin" for text with none)."""
    if text.isascii():
        return "Latin"
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = script_of(char)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "Latin"
    return max(counts, key=lambda s: counts[s])
