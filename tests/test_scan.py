"""Tests for sanctionmatch.scan: listed names in free text, with offsets."""

from __future__ import annotations

import csv
import importlib
import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionmatch import DEFAULT_THRESHOLD, Entity, Matcher, Mention, scan
from sanctionmatch.vocabulary import vocabulary_of
from sanctionmatch.words import split_words

ROOT = Path(__file__).resolve().parent.parent
FOUND = ("full", "surname_resolved")


def _annotations() -> dict[str, list[dict[str, str]]]:
    by_article: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (ROOT / "fixtures" / "article_mentions.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            by_article[row["article"]].append(row)
    return dict(by_article)


ANNOTATIONS = _annotations()


def _overlaps(mention: Mention, row: dict[str, str]) -> bool:
    return mention.start < int(row["end"]) and int(row["start"]) < mention.end


@pytest.mark.parametrize("article", sorted(ANNOTATIONS))
def test_annotations_point_at_their_text(article: str) -> None:
    """Every annotation's offsets cut out its surface from the article."""
    text = (ROOT / article).read_text(encoding="utf-8")
    for row in ANNOTATIONS[article]:
        assert text[int(row["start"]) : int(row["end"])] == row["surface"]


@pytest.mark.parametrize("article", sorted(ANNOTATIONS))
def test_scan_finds_every_listed_mention_and_nothing_else(article: str) -> None:
    """At DEFAULT_THRESHOLD each listed mention is found with its entity, and only those."""
    text = (ROOT / article).read_text(encoding="utf-8")
    rows = ANNOTATIONS[article]
    mentions = scan(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert mention.matches[0].score >= DEFAULT_THRESHOLD
        expected = [r for r in rows if r["kind"] in FOUND and _overlaps(mention, r)]
        assert expected, f"unexpected mention {mention.surface!r} at {mention.start}"
        assert mention.matches[0].entity.id in expected[0]["entity_ids"].split()
    for row in rows:
        hits = [m for m in mentions if _overlaps(m, row)]
        if row["kind"] in FOUND:
            assert hits, f"missed {row['surface']!r} at {row['start']}"
        elif row["kind"] == "known_miss":
            # A known failure, kept strict so that a fix is noticed: update the fixture.
            assert not hits, f"known miss {row['surface']!r} is found now"
        else:
            assert not hits, f"{row['kind']} {row['surface']!r} reported"


def _sentences() -> list[dict[str, Any]]:
    path = ROOT / "fixtures" / "scan_sentences.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


SENTENCES = _sentences()


@pytest.mark.parametrize(
    "row", SENTENCES, ids=[f"{k}-{r['language']}" for k, r in enumerate(SENTENCES)]
)
def test_one_news_sentence_per_language(row: dict[str, Any]) -> None:
    """The same news, told in many languages and scripts, names the same listed people.

    Each mention is found with its entity, nothing else is; the known misses (scripts
    written without spaces, abjad spellings, some declined names) are still missed, kept
    strict so that a fix shows and the fixture is updated.
    """
    text = row["text"]
    found = {m.surface: m.matches[0].entity.id for m in scan(text)}
    expected = {m["surface"]: m["entity_ids"].split() for m in row["mentions"]}
    assert set(found) == set(expected), text
    for surface, entity in found.items():
        assert entity in expected[surface], surface
    for miss in row["known_misses"]:
        assert not any(miss["surface"] in s or s in miss["surface"] for s in found), miss


@pytest.mark.parametrize("article", sorted(ANNOTATIONS))
def test_lone_family_names_without_a_full_mention_score_lower(article: str) -> None:
    """A family name alone that nothing in the text resolves is found below the threshold."""
    rows = [r for r in ANNOTATIONS[article] if r["kind"] == "surname_unresolved"]
    if not rows:
        return
    mentions = scan((ROOT / article).read_text(encoding="utf-8"), threshold=0.5)
    for row in rows:
        hits = [m for m in mentions if _overlaps(m, row)]
        assert hits, row
        assert hits[0].matches[0].entity.id in row["entity_ids"].split()
        assert hits[0].matches[0].score < DEFAULT_THRESHOLD


def test_resolved_family_name_says_where_it_was_resolved() -> None:
    """A lone family name resolved in the document says by which full mention."""
    text = "Achot Mkrtychev a été sanctionné. Selon Washington, Mkrtychev a négocié."
    mentions = scan(text)
    assert [m.surface for m in mentions] == ["Achot Mkrtychev", "Mkrtychev"]
    reasons = [p.reason for p in mentions[1].matches[0].explanation.penalties]
    assert any("resolved by 'Achot Mkrtychev'" in r for r in reasons)


def test_elision_and_possessive_are_not_part_of_the_name() -> None:
    """French elision and English possessives stay outside the mention."""
    text = "L'envoyé d'Achot Mkrtychev a parlé. Vladimir Putin's spokesman declined."
    assert [m.surface for m in scan(text)] == ["Achot Mkrtychev", "Vladimir Putin"]


def test_ordinary_capitalised_words_are_not_names() -> None:
    """Institutions, countries and places are not hits."""
    text = "La Maison Blanche et le Trésor américain. La Défense russe. Bakhmut. La Russie."
    assert scan(text) == []


def test_conflicting_given_names_are_not_hits() -> None:
    """A listed family name with another given name is not the listed person."""
    text = "Ivan Nechaev a parlé. Kim Won Jin a photographié. Gavriil Grigorov aussi."
    assert scan(text) == []


def test_non_str_is_a_type_error() -> None:
    """Scanning something that is not text is refused."""
    with pytest.raises(TypeError, match="str"):
        scan(b"Putin")  # type: ignore[arg-type]


@given(st.text(max_size=300))
def test_scan_never_raises_and_offsets_hold(text: str) -> None:
    """Any text scans without error, and every mention's offsets cut out its surface."""
    for mention in scan(text, threshold=0.5):
        assert text[mention.start : mention.end] == mention.surface


def test_an_organisation_name_spans_its_stop_words_and_generic_words() -> None:
    """ "OF" inside a name and a generic last word do not cut an organisation's mention."""
    text = "On Tuesday, URALS PLANT OF TRANSPORTATION MACHINERY met investors in Geneva."
    mentions = scan(text)
    assert [m.surface for m in mentions] == ["URALS PLANT OF TRANSPORTATION MACHINERY"]
    assert "URALS" in mentions[0].matches[0].entity.names[0].value
    text = "Executives of the Paekho Trading Company met investors in Geneva."
    assert [m.surface for m in scan(text)] == ["Paekho Trading Company"]


def _matcher(*entities: tuple[str, str, str]) -> Matcher:
    """A small list of (id, schema, name) entities, built in the test."""
    return Matcher([Entity(id=i, schema=schema, names=[name]) for i, schema, name in entities])


def test_a_word_joined_to_a_number_is_a_designation() -> None:
    """ "Hwasong-17" is a missile, not the vessel HWA SONG; "Arzamas-16" is still ARZAMAS-16."""
    matcher = _matcher(
        ("v", "Vessel", "HWA SONG"),
        ("s", "Organization", "HWASONG SHIPPING CO LTD"),  # makes "Hwasong" a list word
        ("o", "Organization", "ARZAMAS-16"),
    )
    text = "Tir d'essai d'un missile Hwasong-17 près du centre Arzamas-16."
    assert [m.surface for m in scan(text, matcher=matcher)] == ["Arzamas-16"]


def test_a_name_that_is_an_ordinary_word_is_written_as_the_list_writes_it() -> None:
    """A ship's one-word name, or an organisation's in ordinary_names.tsv, is a word alone."""
    matcher = _matcher(
        ("alert", "Vessel", "ALERT"),
        ("sierra", "Vessel", "SIERRA"),
        ("opera", "Organization", "OPERA"),
        ("hamas", "Organization", "HAMAS"),
    )
    text = "ALERT: PAYMENT REFERENCE 17\nCoordinateur : José Antonio Sierra. Opera, Hamas."
    assert [m.surface for m in scan(text, matcher=matcher)] == ["Hamas"]
    text = "The tanker SIERRA called at the port, and OPERA paid."
    assert [m.surface for m in scan(text, matcher=matcher)] == ["SIERRA", "OPERA"]


def test_a_part_of_a_longer_name_is_not_the_listed_name() -> None:
    """A part next to a left-out name word of the lists reads less than the text says."""
    matcher = _matcher(
        ("kim", "Person", "KIM, Won Hong"),
        ("ship", "Vessel", "Cheng Jin"),
        ("chen", "Person", "CHEN, Ming"),  # makes "Chen" a list word
        ("putin", "Person", "PUTIN, Vladimir"),
    )
    text = "Des piétons à Pyongyang. (Kim Won Jin/AFP/Getty Images)"
    assert scan(text, matcher=matcher) == []
    text = "Затем Владимир Путин и северокорейский лидер Ким Чен Ын обменялись письмами."
    assert [m.surface for m in scan(text, matcher=matcher)] == ["Владимир Путин"]


def test_a_lone_word_inside_a_longer_name_is_not_the_listed_name() -> None:
    """One word of a person's name is not a listed body or a one-word listed name."""
    matcher = _matcher(
        ("pmc", "Organization", "PMC WAGNER"),
        ("vincent", "Person", "Vincent"),
        ("jones", "Person", "JONES, William"),  # make "William" and "Smith" list words
        ("smith", "Person", "SMITH, John"),
    )
    text = "Selon Scott William Wagner, le groupe Wagner a reçu des armes."
    assert [m.surface for m in scan(text, matcher=matcher)] == ["Wagner"]
    assert scan("Le président russe Christy Vincent Smith a parlé.", matcher=matcher) == []


def test_a_name_too_long_to_screen_whole_goes_on_as_the_list_writes_it() -> None:
    """A part next to a word of a long name of its entity is that name, cut short."""
    long_name = (
        "STATE CORPORATION BANK FOR DEVELOPMENT AND FOREIGN ECONOMIC AFFAIRS VNESHECONOMBANK"
    )
    matcher = Matcher(
        [Entity(id="veb", schema="Organization", names=[long_name, "VNESHECONOMBANK"])]
    )
    mentions = scan(f"On Tuesday, {long_name} met investors in Geneva.", matcher=matcher)
    assert [m.matches[0].entity.id for m in mentions] == ["veb"]


def test_fragments_of_indic_words_are_no_acronyms() -> None:
    """ "ममता" is one word, not "ममत" read as the acronym MMT (see test_words)."""
    matcher = _matcher(("mmt", "Organization", "MMT SARL"))
    assert scan("a déclaré le président ममता आचार्य dans une lettre", matcher=matcher) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Jednal s Vladimirem Putinem v Moskvě.", "Vladimirem Putinem"),  # Czech instrumental
        ("Dopis poslal Vladimiru Putinovi.", "Vladimiru Putinovi"),  # Czech dative
        ("Spotkanie z Władimirem Putinem w Moskwie.", "Władimirem Putinem"),  # Polish
        ("Встреча с Владимиром Путиным в Москве.", "Владимиром Путиным"),  # Russian
    ],
)
def test_names_declined_in_running_text_are_found(text: str, surface: str) -> None:
    """Slavic case endings on a name are read off when the stem is a list word."""
    matcher = _matcher(("p", "Person", "PUTIN, Vladimir"), ("s", "Person", "SHOIGU, Sergei"))
    found = scan(text, matcher=matcher)
    assert [(m.surface, m.matches[0].entity.id) for m in found] == [(surface, "p")]
    assert text[found[0].start : found[0].end] == surface
    assert "Putin" in found[0].matches[0].explanation.query.split()  # read as the nominative


@pytest.mark.parametrize(
    ("text", "lone"),
    [
        ("Vladimir Putin přijel. Válka podle Putina pokračuje.", "Putina"),  # Czech genitive
        ("Владимир Путин приехал. Письмо было отправлено Путину вчера.", "Путину"),  # dative
    ],
)
def test_a_declined_family_name_is_resolved_in_the_document(text: str, lone: str) -> None:
    """A family name alone in another case is the person named in full before it."""
    matcher = _matcher(("p", "Person", "PUTIN, Vladimir"))
    found = scan(text, matcher=matcher)
    assert [(m.surface, m.matches[0].entity.id) for m in found][1:] == [(lone, "p")]


scan_module = importlib.import_module("sanctionmatch.scan")  # the package's scan is the function


def test_spans_never_overlap() -> None:
    """A span grows leftwards no further than the one before: no word is screened twice.

    A run of capitals longer than MAX_SPAN is cut; the next span once grew back over
    the end of the first, and a name in both was reported twice.
    """
    words = " ".join(f"ALPHA{c} BRAVO{c}" for c in "BCDEFGHIJK")  # 20 list words in a row
    matcher = _matcher(*((f"o{c}", "Organization", f"ALPHA{c} BRAVO{c} LTD") for c in "BCDEFGHIJK"))
    vocabulary = vocabulary_of(matcher)
    spans = scan_module._spans(split_words(f"NOTE: {words} SERGEI SHOIGU."), vocabulary)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    found = scan(f"NOTE: {words}.", matcher=matcher)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_long_name_is_screened_whole() -> None:
    """A name longer than a part (five words) is found whole, not as its best five words."""
    matcher = _matcher(("p", "Person", "ALI BEN TAHER BEN FALEH OUNI HARZI"))
    text = "On Tuesday, Ali Ben Taher Ben Faleh Ouni Harzi met investors in Geneva."
    found = scan(text, matcher=matcher)
    assert [(m.surface, m.matches[0].score) for m in found] == [
        ("Ali Ben Taher Ben Faleh Ouni Harzi", 1.0)
    ]


def test_common_words_of_a_listed_name_go_on_with_it() -> None:
    """ "Service" and "Company" are common words, but of this list's name: the span goes on."""
    matcher = _matcher(("o", "Organization", "JSC SIBERIAN SERVICE COMPANY"))
    found = scan("On Tuesday, Siberian Service Company signed.", matcher=matcher)
    assert [m.surface for m in found] == ["Siberian Service Company"]


def test_a_declined_family_name_after_a_sentence_initial_preposition_resolves() -> None:
    """ "Podle" (according to) opens the sentence with a capital; it is no part of the name."""
    matcher = _matcher(("p", "Person", "PUTIN, Vladimir"))
    text = "Vladimir Putin přijel. Podle Putina válka pokračuje."
    found = scan(text, matcher=matcher)
    assert [(m.surface, m.matches[0].entity.id) for m in found] == [
        ("Vladimir Putin", "p"),
        ("Putina", "p"),
    ]


# People whose names are written with particles, or run together otherwise than in text.
_PARTICLE_NAMES = (
    ("b", "Person", "BADR AL DIN, Mustafa"),
    ("w", "Person", "WAHID, Abd al-Rahman"),
    ("n", "Person", "NASREDDINE, Karim"),
    ("a", "Person", "AL-ASSAD, Bashar"),
    ("l", "Person", "BIN LADIN, Usama"),
    ("h", "Person", "VAN DER BERG, Johan"),
    ("j", "Person", "AL-JAWLANI, Abu Mohammed"),
)


@pytest.mark.parametrize(
    ("text", "surface", "listed"),
    [
        # Run together in text, apart in the list, and the other way round.
        ("Le chef militaire Moustafa Badreddine a été tué.", "Moustafa Badreddine", "b"),
        ("Hezbollah commander Mustafa BADREDDINE was killed.", "Mustafa BADREDDINE", "b"),
        ("Gerente Abdurrahman Wahid llegó ayer.", "Abdurrahman Wahid", "w"),
        ("Le ministre Karim Nasr Al-Din est arrivé.", "Karim Nasr Al-Din", "n"),
        # Lower-case particles inside the name, and one opening it.
        ("Le ministre Karim Nasr al-Din est arrivé.", "Karim Nasr al-Din", "n"),
        ("Le président syrien Bachar al-Assad est arrivé.", "Bachar al-Assad", "a"),
        ("Le chef Oussama ben Laden est mort.", "Oussama ben Laden", "l"),
        ("Der Manager Johan van der Berg kam.", "Johan van der Berg", "h"),
        ("Selon Abou Mohammed al-Jawlani, la guerre continue.", "Abou Mohammed al-Jawlani", "j"),
    ],
)
def test_names_with_particles_are_found_as_written(text: str, surface: str, listed: str) -> None:
    """ "Badreddine" is the list's "Badr al-Din"; "al-", "ben", "van der" are part of a name."""
    found = scan(text, matcher=_matcher(*_PARTICLE_NAMES))
    assert [(m.surface, m.matches[0].entity.id) for m in found] == [(surface, listed)]


def test_particles_do_not_join_other_names() -> None:
    """A particle joins a name only to a list word: "de Moscou", "y Putin" stay apart."""
    matcher = _matcher(("a", "Person", "AL-ASSAD, Bashar"), ("p", "Person", "PUTIN, Vladimir"))
    found = scan("Bachar al-Assad de Moscou y Vladimir Putin.", matcher=matcher)
    assert [m.surface for m in found] == ["Bachar al-Assad", "Vladimir Putin"]


def test_a_name_wrapped_across_lines_is_one_name() -> None:
    """Text wrapped at a fixed width breaks names: one line break after a capital joins."""
    matcher = _matcher(("s", "Person", "SHOIGU, Sergei"), ("p", "Person", "PUTIN, Vladimir"))
    text = "Le ministre Sergueï\nChoïgou a parlé. Le président Vladimir\n\nPoutine hier."
    found = scan(text, matcher=matcher)
    # A blank line ends a name: "Vladimir" and "Poutine" are no mention of Putin there.
    assert [(m.surface, m.matches[0].entity.id) for m in found] == [("Sergueï\nChoïgou", "s")]


def test_look_alike_words_among_latin_words_are_read_as_latin() -> None:
    """A word all of Cyrillic look-alikes in a Latin line is Latin in disguise ("ЅМЕ ВАNК")."""
    matcher = _matcher(("b", "Organization", "SME BANK"), ("k", "Person", "KERIMOV, Said"))
    for disguised in ("ЅМЕ ВАNК", "Ѕаіԁ КЕRІМОV"):
        found = scan(f"On Tuesday, {disguised} met investors.", matcher=matcher)
        assert [m.surface for m in found] == [disguised]
    # In a line of Cyrillic, Cyrillic words are Cyrillic: ВАNК is no bank there.
    assert scan("Сегодня ЅМЕ ВАNК и другие банки.", matcher=matcher) == []


def test_a_common_name_alone_is_no_mention_of_a_one_name_alias() -> None:
    """ "Mohammed" alone in text is anyone of that name, though a list has the alias "Mohamed"."""
    matcher = _matcher(("m", "Person", "Mohamed"), ("n", "Person", "Nabiullina"))
    assert scan("Selon Mohammed, la réunion a eu lieu.", matcher=matcher) == []
    # A rare one-word name still names its entity alone.
    found = scan("Selon Nabiullina, la réunion a eu lieu.", matcher=matcher)
    assert [m.matches[0].entity.id for m in found] == ["n"]


def test_a_part_that_stops_before_a_particle_and_a_name_word_goes_on() -> None:
    """ "Abou Bakr" of "Abou Bakr al-Baghdadi" is not the alias "Abu Bakr" of another."""
    matcher = _matcher(
        ("a", "Person", "Abu Bakr"), ("b", "Person", "AL-BAGHDADI, Abu Bakr Ibrahim")
    )
    found = scan("Le chef Abou Bakr al-Baghdadi est mort.", matcher=matcher)
    assert [(m.surface, m.matches[0].entity.id) for m in found] == [("Abou Bakr al-Baghdadi", "b")]


def test_a_name_that_goes_on_past_a_particle_is_no_shorter_listed_name() -> None:
    """ "Abdel Fattah" of "Abdel Fattah al-Sissi" is not "Abdel-Fatah KUDSIYEH"; no part
    ends on a particle ("Jan van" of "Jan van der Meer" is no "IAN LIMITED")."""
    matcher = _matcher(
        ("k", "Person", "Abdel-Fatah KUDSIYEH"), ("i", "Organization", "IAN LIMITED")
    )
    text = "Le président Abdel Fattah al-Sissi a reçu Jan van der Meer au Caire."
    assert scan(text, matcher=matcher) == []


def test_an_apostrophe_ending_a_word_does_not_end_the_name() -> None:
    """Transliterations end words with an apostrophe for ʿayn or hamza: "SHO'A' AVIATION"."""
    matcher = _matcher(("s", "Organization", "SHO'A' AVIATION"))
    found = scan("On Tuesday, SHO'A' AVIATION met investors.", matcher=matcher)
    assert [(m.surface, m.matches[0].score) for m in found] == [("SHO'A' AVIATION", 1.0)]
