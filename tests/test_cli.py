"""The command line, driven in-process through ``main([...])``: outputs, exit codes, errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctionmatch import __version__, cache
from sanctionmatch.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CUSTOMERS = FIXTURES / "cli" / "customers.csv"
CUSTOMERS_JSONL = FIXTURES / "cli" / "customers.jsonl"
SEED = ROOT / "seeds" / "001_32a8c315f75d9149.txt"
UN = FIXTURES / "lists" / "un_consolidated.xml"
OFAC_SDN = FIXTURES / "lists" / "ofac_sdn"


@pytest.fixture(scope="module", autouse=True)
def _sample_loaded_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Build the sample's matcher once per module; every main() call then reuses it."""
    directory = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SANCTIONMATCH_CACHE", str(directory))
        patch.delenv("SANCTIONMATCH_LISTS", raising=False)
        cache.load_matcher()
        yield


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lookup_hit_table(capsys: pytest.CaptureFixture[str]) -> None:
    """A listed name exits 1 and shows the entity in a table with its lists."""
    code, out, err = run(capsys, "lookup", "Sergueï Choïgou")
    assert code == 1
    assert "ofac-35173" in out and "SCORE" in out and "OFAC SDN" in out
    assert err == ""


def test_lookup_no_hit_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """A name on no list exits 0."""
    code, out, _ = run(capsys, "lookup", "Jane Example")
    assert code == 0
    assert "0 match(es)" in out


def test_lookup_json_has_provenance_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    """The json output carries the version, the threshold and every list file's sha256."""
    code, out, _ = run(capsys, "lookup", "PUTIN, Vladimir", "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert doc["output_version"] == 1
    assert doc["sanctionmatch_version"] == __version__
    assert doc["threshold"] == 0.72
    files = doc["lists"]["files"]
    assert files and all(len(f["sha256"]) == 64 for f in files)
    (result,) = doc["results"]
    assert result["hit"] is True
    best = result["matches"][0]
    assert best["entity_id"] == "ofac-35096"
    assert {"pairs", "penalties"} <= set(best["explanation"])
    assert doc["summary"] == {"queries": 1, "hits": 1}


def test_lookup_options(capsys: pytest.CaptureFixture[str]) -> None:
    """--birth-date, --country, --schema, --limit and --threshold reach the matcher."""
    code, out, _ = run(
        capsys,
        "lookup",
        "Sergei Shoigu",
        "--birth-date",
        "1955-05-21",
        "--country",
        "RU",
        "--schema",
        "person",
        "--limit",
        "1",
        "--threshold",
        "0.9",
        "--format",
        "jsonl",
    )
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["type"] for line in lines] == ["header", "result", "summary"]
    assert code == 1
    assert len(lines[1]["matches"]) == 1
    reasons = [p["reason"] for p in lines[1]["matches"][0]["explanation"]["penalties"]]
    assert any("birth date agrees" in r for r in reasons)


def test_lookup_bad_birth_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable date exits 2 with a message, no traceback."""
    code, out, err = run(capsys, "lookup", "Putin", "--birth-date", "yesterday")
    assert code == 2 and out == ""
    assert "unreadable birth date" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lookup", "x", "--threshold", "2"], "between 0 and 1"),
        (["lookup", "x", "--limit", "0"], "at least 1"),
        (["lookup"], "required"),
        (["frobnicate"], "invalid choice"),
        (["screen", "x.csv", "--jobs", "-1"], "jobs"),
    ],
    ids=str,
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """argparse errors exit 2 with the reason on stderr."""
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    """--help and --version print and return 0."""
    assert main(["--help"]) == 0
    assert "lookup" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


def test_missing_list_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A --list path that does not exist names the path."""
    code, _, err = run(capsys, "lookup", "Putin", "--list", str(tmp_path / "nope.csv"))
    assert code == 2
    assert "no such list file" in err and "nope.csv" in err


def test_unsupported_list_format(capsys: pytest.CaptureFixture[str]) -> None:
    """A file in no list format names the file and lists the supported formats."""
    code, _, err = run(capsys, "lists", "--list", str(ROOT / "README.md"), "--no-cache")
    assert code == 2
    assert "README.md" in err and "supported formats" in err and "un_xml" in err


def test_lists_from_list_options(capsys: pytest.CaptureFixture[str]) -> None:
    """lists shows each file with its sha256 and the entities per schema."""
    code, out, _ = run(capsys, "lists", "--list", str(UN), "--list", str(OFAC_SDN), "--no-cache")
    assert code == 0
    assert "un_consolidated.xml" in out and "sdn.csv" in out and "alt.csv" in out
    assert "2026-02-27" in out
    assert "Person" in out


def test_lists_from_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """$SANCTIONMATCH_LISTS (os.pathsep-separated) is the default list set."""
    monkeypatch.setenv("SANCTIONMATCH_LISTS", os.pathsep.join([str(UN), str(OFAC_SDN)]))
    code, out, _ = run(capsys, "lists", "--format", "json")
    doc = json.loads(out)
    assert code == 0
    names = {f["name"] for f in doc["results"][0]["files"]}
    assert {"un_consolidated.xml", "sdn.csv"} <= names


def test_lookup_against_a_given_list(capsys: pytest.CaptureFixture[str]) -> None:
    """--list replaces the sample: a UN-only list finds a UN entry."""
    code, out, _ = run(capsys, "lookup", "KIM JONG SIK", "--list", str(UN), "--format", "json")
    doc = json.loads(out)
    assert code == 1
    assert doc["results"][0]["matches"][0]["entity_id"].startswith("un-")
    assert [f["name"] for f in doc["lists"]["files"]] == ["un_consolidated.xml"]


def test_scan_seed_article(capsys: pytest.CaptureFixture[str]) -> None:
    """scan reports each mention with line:column, context and its matches."""
    code, out, _ = run(capsys, "scan", str(SEED))
    assert code == 1
    assert f"{SEED}:15:123  Kim Jong-un" in out
    assert "ofac-35096" in out  # Vladimir Poutine
    assert "le président russe Vladimir Poutine" in out


def test_scan_json_offsets_point_at_the_surface(capsys: pytest.CaptureFixture[str]) -> None:
    """start/end index the text; every reported match is at or above the threshold."""
    code, out, _ = run(capsys, "scan", str(SEED), "--format", "json")
    text = SEED.read_text(encoding="utf-8")
    doc = json.loads(out)
    assert code == 1 and doc["inputs"] == [str(SEED)]
    for item in doc["results"]:
        assert text[item["start"] : item["end"]] == item["surface"]
        assert all(m["score"] >= 0.72 for m in item["matches"])
    assert doc["summary"]["mentions"] == len(doc["results"])


def test_scan_stdin_without_mentions(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """- reads stdin; text naming no one exits 0."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Nothing to see here.\n")))
    code, out, _ = run(capsys, "scan", "-")
    assert code == 0
    assert "0 mention(s)" in out


def test_scan_undecodable_bytes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are named with their line and byte offset."""
    article = tmp_path / "article.txt"
    article.write_bytes(b"\xef\xbb\xbfLe pr\xe9sident\nPoutine\n")
    code, _, err = run(capsys, "scan", str(article))
    assert code == 2
    assert "line 1, byte offset 8" in err and "\\xe9" in err


def test_scan_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing input file is named."""
    code, _, err = run(capsys, "scan", str(tmp_path / "missing.txt"))
    assert code == 2
    assert "missing.txt: no such file" in err


def test_screen_csv_table_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """screen prints the hit rows and a summary on stderr; no progress bar off a terminal."""
    code, out, err = run(capsys, "screen", str(CUSTOMERS))
    assert code == 1
    assert "c-002" in out and "ofac-35173" in out
    assert "c-001" not in out  # rows without a hit are left out of the table
    assert "screened 8 row(s)" in err
    assert "\r" not in err


def test_screen_csv_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--format csv --output writes one row per (record, match) with provenance columns."""
    target = tmp_path / "report.csv"
    code, out, _ = run(capsys, "screen", str(CUSTOMERS), "--format", "csv", "--output", str(target))
    assert code == 1 and out == ""
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert {r["id"] for r in rows} >= {"c-001", "c-002", "c-008"}
    shoigu = next(r for r in rows if r["id"] == "c-002")
    assert shoigu["entity_id"] == "ofac-35173" and shoigu["line"] == "3"
    assert shoigu["sanctionmatch_version"] == __version__
    assert len(shoigu["list_sha256"].split(";")) == len(shoigu["list_files"].split(";"))
    clean = next(r for r in rows if r["id"] == "c-001")
    assert clean["entity_id"] == "" and clean["rank"] == ""


def test_screen_jsonl_input_detected(capsys: pytest.CaptureFixture[str]) -> None:
    """JSON-lines input is read by its extension; results keep the input order."""
    code, out, _ = run(capsys, "screen", str(CUSTOMERS_JSONL), "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    results = [line for line in lines if line["type"] == "result"]
    assert code == 1
    assert [r["id"] for r in results] == ["c-001", "c-002", "c-004"]
    assert [r["hit"] for r in results] == [False, True, False]
    assert lines[-1]["type"] == "summary" and lines[-1]["rows"] == 3


def test_screen_stdin_detects_jsonl_by_content(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On stdin the format comes from the content."""
    data = CUSTOMERS_JSONL.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    code, out, _ = run(capsys, "screen", "-", "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["input_format"] == "jsonl"
    assert doc["summary"]["rows"] == 3


def test_screen_semicolon_csv_and_named_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A ;-separated export with other column names, chosen by option."""
    data = tmp_path / "export.csv"
    data.write_text("Ref;Full Name;DOB\n7;PUTIN, Vladimir;1952-10-07\n8;Jane Example;\n")
    code, out, _ = run(
        capsys,
        "screen",
        str(data),
        "--name-column",
        "Full Name",
        "--id-column",
        "ref",
        "--birth-date-column",
        "DOB",
        "--format",
        "jsonl",
    )
    results = [json.loads(x) for x in out.splitlines()][1:-1]
    assert code == 1
    assert [(r["id"], r["hit"]) for r in results] == [("7", True), ("8", False)]


def test_screen_unknown_column_lists_the_available_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unknown column is an error naming the columns there are, before any output."""
    code, out, err = run(capsys, "screen", str(CUSTOMERS), "--name-column", "nom")
    assert code == 2 and out == ""
    assert "unknown column 'nom'" in err and "id, name, birth_date, country" in err


def test_screen_undecodable_bytes_name_line_and_offset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A Latin-1 byte in a UTF-8 input is named; --encoding reads it."""
    data = tmp_path / "latin1.csv"
    data.write_bytes(b"name\nJane Example\nJos\xe9 Garc\xeda\n")
    code, _, err = run(capsys, "screen", str(data))
    assert code == 2
    assert "line 3, byte offset 21" in err
    code, out, _ = run(capsys, "screen", str(data), "--encoding", "latin-1", "--format", "jsonl")
    assert code == 0
    assert "José García" in out


def test_screen_bad_record_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A record screen() refuses (an unreadable birth date) exits 2 with its field."""
    data = tmp_path / "dates.csv"
    data.write_text("name,birth_date\nJane Example,someday\n")
    code, _, err = run(capsys, "screen", str(data))
    assert code == 2
    assert "birth_date" in err and "someday" in err


def test_screen_failed_run_leaves_no_output_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--output is written only when the whole input was screened."""
    data = tmp_path / "broken.jsonl"
    data.write_text('{"name": "Jane Example"}\n{"name": \n')
    target = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "screen", str(data), "--output", str(target))
    assert code == 2 and "line 2: invalid JSON" in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [data]


def test_screen_missing_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A missing input file is named."""
    code, _, err = run(capsys, "screen", str(tmp_path / "none.csv"))
    assert code == 2 and "none.csv: no such file" in err


def test_explain_and_normalize(capsys: pytest.CaptureFixture[str]) -> None:
    """explain shows the breakdown and exits 1 on a hit; normalize prints one per line."""
    code, out, _ = run(capsys, "explain", "Sergueï Choïgou", "SHOIGU, Sergei Kuzhugetovich")
    assert code == 1
    assert "choigou" in out and "shoigu" in out and "HIT" in out
    code, out, _ = run(capsys, "explain", "Ivan Nechaev", "Alexey Gennadievich NECHAEV")
    assert code == 0 and "no hit" in out
    code, out, _ = run(capsys, "normalize", "SHOIGU, Sergei Kuzhugetovich", "Kim Jong-un")
    assert code == 0
    assert out.splitlines() == ["sergei kuzhugetovich shoigu", "kim jong un"]


def test_normalize_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """csv output has a header row and the provenance columns, empty without lists."""
    code, out, _ = run(capsys, "normalize", "PUTIN, Vladimir", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0
    assert rows[0][:2] == ["input", "normalized"] and rows[0][-1] == "sanctionmatch_version"
    assert rows[1][:2] == ["PUTIN, Vladimir", "vladimir putin"]


def test_console_script_runs(tmp_path: Path) -> None:
    """The installed console script runs in a subprocess, and so does python -m."""
    env = {**os.environ, "SANCTIONMATCH_CACHE": str(tmp_path)}
    # The console script that installing the package puts beside the interpreter.
    script = Path(sys.executable).with_name("sanctionmatch")
    assert script.exists(), f"{script} missing: install the package (pip install .)"
    done = subprocess.run(
        [str(script), "normalize", "Kim Jong-un"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "kim jong un\n"
    done = subprocess.run(
        [sys.executable, "-m", "sanctionmatch", "lookup", "x", "--limit", "zero"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_progress_line_shows_rate_and_eta() -> None:
    """The progress line has rows, rows/s and, with a known size, the share read and ETA."""
    from sanctionmatch.cli import Progress

    stream = io.StringIO()
    progress = Progress(stream, 1000, [250])
    progress.start -= 2.0
    progress._last -= 1.0
    progress.update(500)
    progress.close()
    text = stream.getvalue()
    assert "500 rows" in text and "rows/s" in text and "25%" in text and "ETA 0:06" in text
    assert text.endswith("\r\x1b[K")
