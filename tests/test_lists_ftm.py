"""Tests for the OpenSanctions loaders: FtM JSON lines (entities, delta) and targets.simple.csv."""

from __future__ import annotations

import json
from pathlib import Path

from sanctionmatch.lists import detect_format, load_list

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"


def test_entities_file() -> None:
    """Subject schemas load; Address and other linking entities are not subjects."""
    path = FIXTURES / "ftm_entities.ftm.json"
    assert detect_format(path) == "ftm"
    loaded = load_list(path)
    assert loaded.metadata.counts == {"Organization": 2, "Person": 4}
    tobacco = next(e for e in loaded if e.id == "NK-2GdmHtZTeNXjNVrBGEXZNj")
    assert "Общество с ограниченной ответственностью “Интер Тобако”" in [
        n.value for n in tobacco.names
    ]
    assert tobacco.countries == ("by",)


def test_delta_applies_operations() -> None:
    """ADD and MOD keep the latest version; DEL removes the entity."""
    path = FIXTURES / "ftm_entities.delta.json"
    ops = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    deleted = {o["entity"]["id"] for o in ops if o["op"] == "DEL"}
    kept = {o["entity"]["id"] for o in ops if o["op"] != "DEL"} - deleted
    ids = {e.id for e in load_list(path)}
    assert ids == {i for i in kept if i not in deleted}
    assert not ids & deleted


def test_delete_after_add(tmp_path: Path) -> None:
    """A DEL of an entity added earlier in the same file removes it."""
    path = FIXTURES / "ftm_entities.delta.json"
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    delete = {"op": "DEL", "entity": {"id": first["entity"]["id"]}}
    copy = tmp_path / "delta.json"
    copy.write_text(path.read_text(encoding="utf-8") + json.dumps(delete) + "\n", encoding="utf-8")
    assert first["entity"]["id"] not in {e.id for e in load_list(copy)}


def test_targets_simple_csv() -> None:
    """targets.simple.csv: ;-separated aliases, birth dates and countries."""
    path = FIXTURES / "ftm_targets.simple.csv"
    assert detect_format(path) == "ftm_csv"
    by_id = {e.id: e for e in load_list(path)}
    kuzmenko = by_id["NK-2Ka3UvopqbpZmVDFjWd4LA"]
    assert [n.value for n in kuzmenko.names] == [
        "Vitaly Yurievich KUZMENKO",
        "Vitalij Kuzmenko",
        "Виталий Юрьевич КУЗЬМЕНКО",
    ]
    assert kuzmenko.birth_dates == ("1971-01-22",)
    assert ("dataset", "eu_fsf") in kuzmenko.properties
