"""Tests for sanctionmatch.names: tokens, roles, list order, normalize_name."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionmatch import normalize_name
from sanctionmatch.names import (
    DESCRIPTOR,
    GENERIC,
    INITIAL,
    NAME,
    NUMBER,
    ORGANIZATION,
    PARTICLE,
    PATRONYMIC,
    PERSON,
    QUALIFIER,
    STOP,
    din_run_name,
    family_syllable,
    office_titles,
    resolve_schema,
    titles,
    tokenize_name,
)

from .strategies import INVISIBLE, PUNCTUATION, latin_names, names

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NORMALIZE_ROWS = list(csv.DictReader((FIXTURES / "normalize_name.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("row", NORMALIZE_ROWS, ids=lambda r: r["note"])
def test_normalize_name_vectors(row: dict[str, str]) -> None:
    """normalize_name gives the expected form for each fixture row."""
    assert normalize_name(row["input"]) == row["expected"]


def test_roles_of_a_russian_name() -> None:
    """Given name, patronymic and family name are told apart in list order."""
    form = tokenize_name("SHOIGU, Sergei Kuzhugetovich", "Person")
    assert [(t.text, t.role) for t in form.tokens] == [
        ("sergei", "name"),
        ("kuzhugetovich", PATRONYMIC),
        ("shoigu", "name"),
    ]


def test_particles_initials_and_titles() -> None:
    """Particles and initials are marked; titles are set aside."""
    form = tokenize_name("Dr. Ayman al-Zawahiri J.", "Person")
    assert form.titles == ("dr",)
    roles = {t.text: t.role for t in form.tokens}
    assert roles["al"] == PARTICLE
    assert roles["j"] == INITIAL


def test_a_title_alone_is_kept() -> None:
    """A name that is only a title keeps its word rather than vanishing."""
    assert normalize_name("General") == "general"


def test_legal_forms_in_many_languages() -> None:
    """Legal forms are recognised whole, in Latin and Cyrillic script."""
    cases = {
        "OOO Oboronnye Initsiativy": ("ooo",),
        "ООО Оборонные инициативы": ("ooo",),
        "Tactical Missiles Corporation Joint Stock Company": ("corp", "jsc"),
        "Lloyds Banking Group Public Limited Company": ("plc",),
        "Daimler Aktiengesellschaft": ("ag",),
        "ПАО Сбербанк": ("pao",),
        "Sahara Thunder FZE": ("fze",),
    }
    for name, legal in cases.items():
        assert tokenize_name(name).legal_forms == legal, name


def test_generic_words_and_numbers_of_organisations() -> None:
    """Generic words and roman numerals have their own roles."""
    form = tokenize_name("Bowne Global Solutions II", "Organization")
    roles = [t.role for t in form.tokens]
    assert roles == ["name", GENERIC, GENERIC, NUMBER]


@pytest.mark.parametrize(
    ("name", "stop"),
    [
        ("Kazan Aviation Plant named after S. P. Gorbunov", ["named", "after"]),
        ("Institut benannt nach A.V. Gaponov-Grekhov", ["benannt", "nach"]),
        ("Institutul de Cercetare denumit după M.A. Karțev", ["de", "denumit", "dupa"]),
        ("I. I. Kartukovról elnevezett Iskra", ["elnevezett"]),
        ("Krasnogorsk Plant uppkallat efter S.A. Zvereva", ["uppkallat", "efter"]),
    ],
    ids=str,
)
def test_named_after_weighs_nothing_in_an_organisation_name(name: str, stop: list[str]) -> None:
    """The words for "named after" in the EU languages weigh nothing; the name does."""
    form = tokenize_name(name, "Organization")
    assert [t.text for t in form.tokens if t.role == "stop"] == stop


def test_russian_abbreviations_of_kinds_of_body_are_generic() -> None:
    """NII, NPO, NPK, OKB say what kind of body it is (research institute, ...), not which."""
    form = tokenize_name("AO NII GIRIKOND", "Organization")
    assert [(t.text, t.role) for t in form.tokens] == [("nii", GENERIC), ("girikond", "name")]
    assert tokenize_name("NPK URALVAGONZAVOD OAO", "Organization").tokens[0].role == GENERIC


def test_syllables_of_asian_names_are_not_stop_words() -> None:
    """Function words of European languages that are also syllables of names stay names."""
    for name in ("Jin Bei Group Company Limited", "Da Yang Shipping", "Ning Tai Trading"):
        form = tokenize_name(name, "Organization")
        assert [t.role for t in form.tokens][:2] == ["name", "name"], name


def test_number_words_are_read_in_latin_script_only() -> None:
    """English number words are Latin-script words: Greek την latinizes to "ten"."""
    greek = tokenize_name("Εταιρεία για την Ανάπτυξη", "Organization")
    assert [t.text for t in greek.tokens if t.role == NUMBER] == []
    latin = tokenize_name("Ten Seas Shipping", "Organization")
    assert [t.text for t in latin.tokens if t.role == NUMBER] == ["10"]


def test_schema_is_detected_from_the_name() -> None:
    """Without a schema, legal forms and generic words make an organisation."""
    assert tokenize_name("Wagner Group").schema == ORGANIZATION
    assert tokenize_name("JSC Argument").schema == ORGANIZATION
    assert tokenize_name("Sergei Shoigu").schema == PERSON


def test_resolve_schema() -> None:
    """Schema synonyms resolve; unknown ones are an error naming the value."""
    assert resolve_schema("Company") == ORGANIZATION
    assert resolve_schema("LegalEntity") == ORGANIZATION
    assert resolve_schema("person") == PERSON
    assert resolve_schema(None) is None
    with pytest.raises(ValueError, match="'Planet'"):
        resolve_schema("Planet")


def test_non_str_is_a_type_error() -> None:
    """A name that is not a str is refused clearly."""
    with pytest.raises(TypeError, match="str"):
        normalize_name(b"Putin")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        normalize_name(None)  # type: ignore[arg-type]


def test_huge_input_is_handled() -> None:
    """A 1 MB name is normalized without error."""
    name = "Vladimir Putin " * 70_000
    assert normalize_name(name).startswith("vladimir putin")


@given(st.text())
def test_normalize_never_raises_and_is_idempotent(text: str) -> None:
    """Any str normalizes, to lower-case ASCII words, and normalizing again changes nothing."""
    once = normalize_name(text)
    assert once == normalize_name(once)
    assert all(c.isascii() and (c.isalnum() or c == " ") for c in once)
    assert once == once.lower().strip()
    assert "  " not in once


@given(names)
def test_normalize_is_invariant_under_case(name: str) -> None:
    """Upper- and lower-case writing normalize alike."""
    assert normalize_name(name.upper()) == normalize_name(name.lower()) == normalize_name(name)


@given(latin_names, st.data())
def test_normalize_is_invariant_under_invisible_characters(name: str, data: st.DataObject) -> None:
    """Invisible characters inserted anywhere change nothing."""
    position = data.draw(st.integers(0, len(name)))
    char = data.draw(st.sampled_from(INVISIBLE))
    assert normalize_name(name[:position] + char + name[position:]) == normalize_name(name)


@given(latin_names, st.sampled_from(PUNCTUATION), st.sampled_from([" ", "  ", "\t"]))
def test_normalize_is_invariant_under_spacing_and_punctuation(
    name: str, mark: str, space: str
) -> None:
    """Extra white space and punctuation around words change nothing."""
    words = name.split()
    noisy = space.join(f"{mark}{w}{mark}" if mark not in ",'" else w for w in words)
    assert normalize_name(f" {noisy} ") == normalize_name(name)


@given(latin_names)
def test_normalize_is_invariant_under_diacritics(name: str) -> None:
    """Accented letters normalize like their base letters."""
    accented = name.replace("e", "é").replace("a", "à").replace("u", "ü").replace("c", "ç")
    assert normalize_name(accented) == normalize_name(name)


@given(latin_names)
def test_normalize_is_invariant_under_confusables(name: str) -> None:
    """Cyrillic look-alike letters inside Latin words change nothing."""
    swapped = name.replace("a", "а").replace("o", "о").replace("e", "е")  # Cyrillic а о е
    for word in name.split():
        if 2 * sum(c in "aoe" for c in word) >= len(word):
            return  # a word mostly of look-alikes is read as Cyrillic, rightly
    assert normalize_name(swapped) == normalize_name(name)


def test_abd_article_and_name_run_together_are_three_words() -> None:
    """ "Abdurrahman" and "Abd al-Rahman" give the same words; Abdullah (no article) stays."""

    def texts(name: str) -> list[str]:
        return [t.text for t in tokenize_name(name, PERSON).tokens]

    assert (
        texts("Abdurrahman Wahid")
        == texts("Abd al-Rahman Wahid")
        == ["abd", "al", "rahman", "wahid"]
    )
    assert texts("Abdelkader Messahel")[:3] == ["abd", "al", "kader"]
    assert texts("Abdullah Ali") == ["abdullah", "ali"]
    assert texts("Abdul Rahman") == ["abdul", "rahman"]  # written apart: glued when compared


def test_din_run_name_is_the_name_before_the_article_and_din() -> None:
    """ "Badreddine" runs "Badr", the article and "din" together; "Jardine" does not."""
    assert din_run_name("badreddine") == "badr"
    assert din_run_name("salahuddin") == "salah"
    assert din_run_name("najmiddin") == "najm"
    for word in ("aladdin", "jardine", "claudine", "eddine", "baddin", "reddin"):
        assert din_run_name(word) is None, word


def test_function_words_of_organisations_make_a_name_an_organisation() -> None:
    """ "of", "and", "the", "des", "et" between words: an organisation, legal form or not."""
    for name in ("ISLAMIC STATE OF IRAQ AND THE LEVANT", "Parti communiste des Philippines"):
        assert tokenize_name(name).schema == ORGANIZATION, name
    # Shorter function words are syllables of names; particles are people's.
    for name in ("Kim Il Sung", "Per Nyström", "Ja Song Nam", "Johan van der Berg"):
        assert tokenize_name(name).schema == PERSON, name


def test_a_legal_form_cut_short_ends_a_long_name() -> None:
    """A field width cut "JOINT STOCK COMPANY" to "JOINT STOCK COMP": still the legal form."""
    cut = tokenize_name("UNITED SHIPBUILDING CORPORATION JOINT STOCK COMP", ORGANIZATION)
    assert "jsc" in cut.legal_forms
    assert [t.text for t in cut.tokens] == ["united", "shipbuilding"]
    short = tokenize_name("Alpha Joint Stock Comp", ORGANIZATION)  # too short to be cut
    assert "jsc" not in short.legal_forms


def test_a_long_name_may_be_cut_after_its_last_word() -> None:
    assert tokenize_name("REINALDO GREGORIO LENIN CERNA JUARE").cut == "juare"
    assert tokenize_name("Cerna Juare").cut == ""
    assert tokenize_name("REINALDO GREGORIO LENIN CERNA JUAREZ ABC").cut == ""


def test_a_name_written_again_in_another_script_counts_once() -> None:
    def texts(name: str) -> list[str]:
        return [t.text for t in tokenize_name(name, PERSON).tokens]

    assert texts("Владимир Путин PUTIN") == ["vladimir", "putin"]
    assert texts("Swe Swe Aung") == ["swe", "swe", "aung"]  # one script: a name of its own


def test_patronymics_written_in_hangul() -> None:
    """Korean writes -ovich as 로비치 / 예비치: still a patronymic."""
    roles = [t.role for t in tokenize_name("알렉산드르 세르게예비치 푸시킨", PERSON).tokens]
    assert roles[1] == PATRONYMIC


def test_office_titles_are_titles() -> None:
    assert {"president", "minister", "general", "elnok"} <= office_titles() < titles()
    assert "mr" not in office_titles()


def test_a_two_letter_legal_form_written_with_dots_ends_a_name() -> None:
    assert tokenize_name("Siemens S.A.", ORGANIZATION).legal_forms == ("sa",)
    assert tokenize_name("Philips N.V.").schema == ORGANIZATION
    # Initials inside a person's name are not a legal form.
    assert tokenize_name("John S. A. Smith").schema == PERSON


def test_words_in_parentheses_and_regions_qualify_an_organisation() -> None:
    def roles(name: str) -> list[tuple[str, str]]:
        return [(t.text, t.role) for t in tokenize_name(name, ORGANIZATION).tokens]

    assert ("schweiz", QUALIFIER) in roles("Deutsche Bank (Schweiz) AG")
    assert ("europe", QUALIFIER) in roles("Faberlic Europe")
    # With no other name word, a qualifier is the name.
    assert roles("Bank Asia") == [("bank", GENERIC), ("asia", "name")]


def test_words_around_an_organisations_quoted_name_describe_it() -> None:
    def roles(name: str) -> list[tuple[str, str]]:
        return [(t.text, t.role) for t in tokenize_name(name, ORGANIZATION).tokens]

    assert roles("Ruské společenství „Sobol“") == [
        ("ruske", DESCRIPTOR),
        ("spolecenstvi", DESCRIPTOR),
        ("sobol", NAME),
    ]
    # Hungarian writes the name first, in marks that point outwards.
    assert roles("»Sobol« orosz közösség")[0] == ("sobol", NAME)
    assert {role for _, role in roles("»Sobol« orosz közösség")[1:]} == {DESCRIPTOR}
    # Generic words and legal forms keep their roles; a whole name in quotes is all name.
    assert roles("Grupa „Wagner”") == [("grupa", GENERIC), ("wagner", NAME)]
    assert roles("«Kalashnikov Concern»") == roles("Kalashnikov Concern")
    # Without a closing mark nothing is quoted.
    assert roles("Ruské společenství „Sobol") == roles("Ruské společenství Sobol")


@pytest.mark.parametrize(
    "name",
    ["Office No. 39", "Usine n° 9", "Colonia corecțională nr. 3", "Nº 5 Plant", "NUMBER 2 MINE"],
)
def test_number_before_a_number_is_a_function_word_of_an_organisation(name: str) -> None:
    form = tokenize_name(name)
    assert form.schema == ORGANIZATION  # people are not numbered
    assert [t.role for t in form.tokens if t.text.isdigit()] == [NUMBER]
    sign = [t for t in form.tokens if t.text in ("n", "no", "nr", "number")]
    assert [t.role for t in sign] == [STOP]


def test_a_number_sign_without_a_number_stays_a_name() -> None:
    assert [t.role for t in tokenize_name("No Kwang Chol").tokens] == [NAME, NAME, NAME]
    assert ("no", NAME) in [(t.text, t.role) for t in tokenize_name("No Limit LLC").tokens]


def test_legal_forms_of_the_eu_languages() -> None:
    """The EU list writes an organisation's legal form in each official language."""
    cases = {
        "STROYGAZMONTAZH részvénytársaság": ("rt",),
        "Almaz-Antey Rt.": ("rt",),
        "Akciová společnost KOMZ": ("as",),
        "Akcinė bendrovė STROYGAZMONTAZH": ("ab",),
        "Osakeyhtiö STROYGAZMONTAZH": ("oy",),
        "Ανώνυμη εταιρεία STROYGAZMONTAZH": ("ae",),
        "„Стройгазмонтаж“ ООД": ("ood",),
        "Cuideachta comhstoic phoiblí STROYGAZMONTAZH": ("pjsc",),
        "Avatud aktsiaselts Belavia Belarusian Airlines": ("ojsc",),
        "„Belavia Belarusian Airlines” nyilvánosan működő részvénytársaság": ("nyrt",),
        "Alpha s.r.o.": ("sro",),
        "Alpha d.o.o.": ("doo",),
    }
    for name, legal in cases.items():
        assert tokenize_name(name, ORGANIZATION).legal_forms == legal, name


def test_a_short_legal_form_counts_only_at_either_end() -> None:
    """A form of three letters or less is also a word of names: not one inside a name."""
    assert tokenize_name("Izz ad-Din al-Qassam Brigades", ORGANIZATION).legal_forms == ()
    assert tokenize_name("RIYADH-AS-SALIHEEN", ORGANIZATION).legal_forms == ()
    assert tokenize_name("CYTROX AD", ORGANIZATION).legal_forms == ("ad",)
    assert tokenize_name("SIA Baltic Shipping", ORGANIZATION).legal_forms == ("sia",)
    # A run of forms at the end counts whole; a long form counts anywhere.
    assert tokenize_name("Alpha Pte Ltd", ORGANIZATION).legal_forms == ("pte", "ltd")
    assert tokenize_name("Gazprom Aktiengesellschaft Moskau", ORGANIZATION).legal_forms == ("ag",)
    # Names that only compare alike with a short form are not one ("du" and "doo").
    assert tokenize_name("DU Yurong", ORGANIZATION).legal_forms == ()
    assert tokenize_name("EP-AJH", ORGANIZATION).legal_forms == ()
    # Nor is a name that would be left with no other word.
    assert tokenize_name("AD AS", ORGANIZATION).legal_forms == ()
    # A form in consonants spelt otherwise is the form: "LLK", "JSK" (LLC, JSC).
    assert tokenize_name("KIFIKO LLK", ORGANIZATION).legal_forms == ("llc",)
    assert tokenize_name("JSK Stupino", ORGANIZATION).legal_forms == ("jsc",)


def test_a_short_legal_form_that_is_a_name_does_not_make_an_organisation() -> None:
    assert tokenize_name("Sia Agha Sayeed").schema == PERSON
    assert tokenize_name("AGHA SAYEED, Sia").schema == PERSON
    assert tokenize_name("Khairuddin as-Sayyed").schema == PERSON
    assert tokenize_name("SYAH, Heris").schema == PERSON
    assert tokenize_name("KOMZ Rt.").schema == ORGANIZATION


@pytest.mark.parametrize(
    ("name", "stop"),
    [
        ("Komunistická strana na Filipínách", ["na"]),
        ("Ministerstvo obrany a logistiky ozbrojených síl", ["a"]),
        ("Forças Armadas da Federação da Rússia", ["da", "da"]),
        ("Ministerul Apărării și Logisticii", ["si"]),
        ("Nationale politie van Nicaragua", ["van"]),
        ("Bank i Kredit", ["i"]),
        ("Regionální jednotka v provincii Teherán", ["v"]),
    ],
    ids=str,
)
def test_function_words_of_eu_languages_weigh_nothing(name: str, stop: list[str]) -> None:
    """ "and", "of", "in" in the EU languages are stop words, "i" and "v" no numerals."""
    form = tokenize_name(name, "Organization")
    assert [t.text for t in form.tokens if t.role == "stop"] == stop


def test_function_words_that_are_syllables_or_letters_stay_names() -> None:
    """ "na" among syllables, a letter among letters and a final numeral keep their role."""
    roles = {t.text: t.role for t in tokenize_name("Na Sung Trading", "Organization").tokens}
    assert roles["na"] == "name"
    assert [t.role for t in tokenize_name("E.A. Co.", "Organization").tokens] == ["name", "name"]
    assert tokenize_name("Fund V", "Organization").tokens[-1].role == NUMBER


def test_a_letter_at_either_end_is_no_conjunction_numeral() -> None:
    """ "I" opening or "V" ending a name is a numeral; "a", "y" at an end weigh nothing."""
    assert tokenize_name("I-Soon", "Organization").tokens[0].role == NUMBER
    assert [t.role for t in tokenize_name("Maria E", "Organization").tokens] == ["name", "stop"]


def test_the_family_syllable_is_first_unless_the_name_ends_with_one() -> None:
    """김정은 begins with its family name; "성훈 김" and "美珠 陳" end with it."""
    assert family_syllable("김정은", 3) == 0
    assert family_syllable("성훈김", 3) == 2
    assert family_syllable("정은김", 3) == 0  # 정 (Jeong) is a family name too
    assert family_syllable("美珠陳", 3) == 2
    assert family_syllable("陳美珠", 3) == 0
    assert family_syllable("李王", 2) == 0  # both could be: the usual order stands
    assert family_syllable("블라디미르", 2) == 0  # not one character a syllable
