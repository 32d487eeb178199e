"""Tests for sanctionmatch.legal_forms: finding legal forms in a name's words.

How they shape a prepared name (roles, schema) is tested through tokenize_name in
tests/test_names.py.
"""

from __future__ import annotations

from sanctionmatch.legal_forms import (
    ANY_KIND,
    legal_form_families,
    split_cut_legal_form,
    split_legal_forms,
)


def _words(*words: str) -> list[tuple[str, bool]]:
    return [(w, False) for w in words]


def test_split_keeps_the_name_words_and_gives_canonical_forms() -> None:
    kept, found = split_legal_forms(_words("daimler", "aktiengesellschaft"))
    assert kept == _words("daimler")
    assert found == ["ag"]


def test_a_lone_legal_form_is_the_name() -> None:
    assert split_legal_forms(_words("ao")) == (_words("ao"), [])


def test_a_short_form_inside_a_name_is_a_word() -> None:
    assert split_legal_forms(_words("izz", "ad", "din")) == (_words("izz", "ad", "din"), [])


def test_a_form_cut_short_at_the_end() -> None:
    kept, found = split_cut_legal_form(_words("alpha", "joint", "stock", "compan"))
    assert kept == _words("alpha")
    assert found == ["jsc"]


def test_families() -> None:
    families = legal_form_families()
    assert families["ag"] == families["jsc"] == "stock"
    assert families["gmbh"] != families["ag"]
    assert families["co"] == ANY_KIND  # "Co." is short for "Co., Ltd." as often as not


def test_belarusian_forms_as_written_and_spelled_out() -> None:
    """ААТ, ЗАТ and ТАА are Belarusian OJSC, CJSC and LLC, short or in full."""
    assert split_legal_forms(_words("aat", "belaruskali")) == (_words("belaruskali"), ["ojsc"])
    spelled = _words("zakrytae", "aktsyianernae", "tavarystva", "absaliutbank")
    assert split_legal_forms(spelled) == (_words("absaliutbank"), ["zat"])
    assert split_legal_forms(_words("rydota", "taa")) == (_words("rydota"), ["taa"])


def test_spanish_and_portuguese_limited_companies_spelled_out() -> None:
    """Sociedad de responsabilidad limitada and its Portuguese twin are Ltda."""
    spanish = _words("sociedad", "de", "responsabilidad", "limitada", "bolshaya", "troika")
    assert split_legal_forms(spanish) == (_words("bolshaya", "troika"), ["ltda"])
    portuguese = _words("sociedade", "de", "responsabilidade", "limitada", "rba", "management")
    assert split_legal_forms(portuguese)[1] == ["ltda"]


def test_turkish_limited_company_abbreviated() -> None:
    """Turkish "Ltd. Şti." abbreviates Limited Şirketi; "sti" is no name word there."""
    kept, found = split_legal_forms(_words("azu", "international", "ltd", "sti"))
    assert (kept, found) == (_words("azu", "international"), ["ltd"])


def test_translated_russian_forms_keep_their_family() -> None:
    """The lists' translations of ПАО and ОАО are PJSC and OJSC, not S.A. or S.L."""
    spanish = _words("sociedad", "limitada", "por", "acciones", "abierta", "belavia")
    assert split_legal_forms(spanish) == (_words("belavia"), ["ojsc"])
    czech = _words("verejna", "akciova", "spolecnost", "rosbank")
    assert split_legal_forms(czech) == (_words("rosbank"), ["pjsc"])


def test_russian_forms_in_the_bgn_spelling() -> None:
    """OFAC spells -ое as -oye (BGN/PCGN): "Aktsionernoye obshchestvo" is the AO."""
    kept, found = split_legal_forms(_words("aktsionernoye", "obshchestvo", "b", "kripto"))
    assert (kept, found) == (_words("b", "kripto"), ["ao"])
    zao = _words("zakrytoye", "aktsionernoye", "obshchestvo", "alfa")
    assert split_legal_forms(zao) == (_words("alfa"), ["zao"])


def test_lithuanian_limited_liability_company_spelled_out() -> None:
    """The EU list's Lithuanian for LLC, "ribotos atsakomybės bendrovė", is a legal form."""
    words = _words("ribotos", "atsakomybes", "bendrove", "eliars")
    assert split_legal_forms(words) == (_words("eliars"), ["llc"])


def test_a_word_of_arabic_script_is_no_legal_form() -> None:
    """Legal forms are written in Latin letters: للقاء ("llq") is no LLC."""
    words = [("llq", True), ("al", True), ("ryys", True)]
    assert split_legal_forms(words) == (words, [])
    assert split_legal_forms([("alpha", False), ("llc", False)]) == ([("alpha", False)], ["llc"])


def test_mexican_forms_written_with_dots_or_without() -> None:
    """S.A. de C.V. and S. de R.L. de C.V.: the dots leave one-letter words, as "SA DE CV" not."""
    dotted = _words("eventos", "la", "mora", "s", "a", "de", "c", "v")
    assert split_legal_forms(dotted) == (_words("eventos", "la", "mora"), ["sa de cv"])
    assert split_legal_forms(_words("alpha", "sa", "de", "cv"))[1] == ["sa de cv"]
    limited = _words("hacienda", "de", "tijuana", "s", "de", "r", "l", "de", "c", "v")
    assert split_legal_forms(limited) == (_words("hacienda", "de", "tijuana"), ["s de rl de cv"])
    rural = _words("alpha", "spr", "de", "r", "l")  # "S.P.R.": three dotted letters are joined
    assert split_legal_forms(rural) == (_words("alpha"), ["spr de rl"])


def test_y_cia_is_and_company() -> None:
    """ "Y CIA." is "& Co.": a form of any kind, beside the one that says the kind."""
    kept, found = split_legal_forms(_words("cardenas", "duarte", "y", "cia", "ltda"))
    assert (kept, found) == (_words("cardenas", "duarte"), ["co", "ltda"])
    assert legal_form_families()["scs"] == "partnership"


def test_initials_are_no_legal_form() -> None:
    """ "S AND C TRADE" and "SC SOUTH LLC": S.C. is a name there, not a Mexican form."""
    words = _words("s", "c", "trade")
    assert split_legal_forms(words) == (words, [])
    assert split_legal_forms(_words("sc", "south", "llc")) == (_words("sc", "south"), ["llc"])


def test_colombian_limited_partnerships() -> None:
    """S. en C., S. en C.S. and S.C.A.: sociedades en comandita, after "y Compañía"."""
    words = _words("saavedra", "y", "cia", "s", "en", "c")
    assert split_legal_forms(words) == (_words("saavedra"), ["co", "s en c"])
    words = _words("rios", "jimenez", "s", "en", "c", "s")
    assert split_legal_forms(words) == (_words("rios", "jimenez"), ["s en cs"])
    words = _words("saabf", "y", "compania", "sca")
    assert split_legal_forms(words) == (_words("saabf"), ["co", "sca"])


def test_forms_of_free_zones_and_offshore_companies() -> None:
    """DMCC, a free zone company spelled out, and the Lebanese SAL (Off-Shore)."""
    assert split_legal_forms(_words("zephyr", "dmcc")) == (_words("zephyr"), ["dmcc"])
    spelled = _words("gtlk", "middle", "east", "free", "zone", "company")
    assert split_legal_forms(spelled) == (_words("gtlk", "middle", "east"), ["fzco"])
    offshore = _words("nasco", "polymers", "chemicals", "co", "sal", "off", "shore")
    assert split_legal_forms(offshore) == (_words("nasco", "polymers", "chemicals"), ["co", "sal"])


def test_belarusian_additional_liability_company() -> None:
    """ODO (общество с дополнительной ответственностью) in OFAC's English."""
    words = _words("additional", "liability", "company", "belneftegaz")
    assert split_legal_forms(words) == (_words("belneftegaz"), ["odo"])
