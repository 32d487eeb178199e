"""Tests for sanctionmatch.legal_forms: finding legal forms in a name's words.

How they shape a prepared name (roles, schema) is tested through tokenize_name in
tests/test_names.py.
"""

from __future__ import annotations

from sanctionmatch.legal_forms import legal_form_families, split_cut_legal_form, split_legal_forms


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
