"""Downloading lists, against a local HTTP server: a bad download never replaces a good file."""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sanctionmatch.cli import main
from sanctionmatch.lists import load_list
from sanctionmatch.update import SOURCES, update

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lists"
UN_BYTES = (FIXTURES / "un_consolidated.xml").read_bytes()
OFAC_FILES = {
    f"ofac_sdn/{name}": (FIXTURES / "ofac_sdn" / name).read_bytes()
    for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
}


class Mirror:
    """What the server answers: path -> (status, body, declared Content-Length)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, int | None]] = {}
        self.requests: list[str] = []

    def serve(
        self, path: str, body: bytes, *, status: int = 200, length: int | None = None
    ) -> None:
        self.routes[path] = (status, body, len(body) if length is None else length)


@pytest.fixture
def mirror() -> Iterator[tuple[Mirror, str]]:
    """A mirror on 127.0.0.1 at an ephemeral port, in a thread."""
    state = Mirror()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.lstrip("/")
            state.requests.append(path)
            status, body, length = state.routes.get(path, (404, b"not found", None))
            self.send_response(status)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _serve_good(state: Mirror) -> None:
    state.serve("un_consolidated.xml", UN_BYTES)
    for path, body in OFAC_FILES.items():
        state.serve(path, body)


def _un_with(count: int) -> bytes:
    """The UN fixture cut to its first ``count`` individuals and no entities."""
    text = UN_BYTES.decode("utf-8")
    individuals = re.findall(r"<INDIVIDUAL>.*?</INDIVIDUAL>", text, re.S)
    text = re.sub(r"<INDIVIDUAL>.*?</INDIVIDUAL>\s*", "", text, flags=re.S)
    text = re.sub(r"<ENTITY>.*?</ENTITY>\s*", "", text, flags=re.S)
    return text.replace("<INDIVIDUALS>", "<INDIVIDUALS>" + "".join(individuals[:count]), 1).encode()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_update_writes_checked_files(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    """A good download lands where the source says, and loads."""
    state, base = mirror
    _serve_good(state)
    results = update(tmp_path, sources=["un", "ofac_sdn"], base_url=base, min_entities=1)
    assert [(r.source, r.status) for r in results] == [("un", "updated"), ("ofac_sdn", "updated")]
    assert (tmp_path / "un_consolidated.xml").read_bytes() == UN_BYTES
    assert results[0].entities == len(load_list(tmp_path / "un_consolidated.xml"))
    assert results[1].path == tmp_path / "ofac_sdn"
    assert len(load_list(tmp_path / "ofac_sdn")) == results[1].entities
    assert sorted(state.requests) == sorted(["un_consolidated.xml", *OFAC_FILES])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unchanged_then_changed_keeps_previous(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    """The same bytes are left alone; new bytes replace the file, the old one kept as .prev."""
    state, base = mirror
    _serve_good(state)
    update(tmp_path, sources=["un"], base_url=base, min_entities=1)
    (again,) = update(tmp_path, sources=["un"], base_url=base, min_entities=1)
    assert again.status == "unchanged"
    assert not (tmp_path / "un_consolidated.xml.prev").exists()
    newer = _un_with(12)
    state.serve("un_consolidated.xml", newer)
    (result,) = update(tmp_path, sources=["un"], base_url=base, min_entities=1)
    assert result.status == "updated" and result.entities == 12
    assert (tmp_path / "un_consolidated.xml").read_bytes() == newer
    assert (tmp_path / "un_consolidated.xml.prev").read_bytes() == UN_BYTES


def _failed_update_keeps(tmp_path: Path, base: str, source: str = "un") -> str:
    """Run an update that must fail; check the good file survived; return the message."""
    good = (tmp_path / "un_consolidated.xml").read_bytes()
    (result,) = update(tmp_path, sources=[source], base_url=base, min_entities=1, timeout=5)
    assert result.status == "failed"
    assert (tmp_path / "un_consolidated.xml").read_bytes() == good
    assert not (tmp_path / "un_consolidated.xml.prev").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    return result.message


@pytest.fixture
def installed(mirror: tuple[Mirror, str], tmp_path: Path) -> tuple[Mirror, str]:
    """A destination that already holds a good copy of the UN list."""
    state, base = mirror
    _serve_good(state)
    update(tmp_path, sources=["un"], base_url=base, min_entities=1)
    return state, base


def test_http_error_keeps_previous(installed: tuple[Mirror, str], tmp_path: Path) -> None:
    """HTTP 500: nothing replaced."""
    state, base = installed
    state.serve("un_consolidated.xml", b"oops", status=500)
    assert "HTTP 500" in _failed_update_keeps(tmp_path, base)


def test_connection_refused_keeps_previous(installed: tuple[Mirror, str], tmp_path: Path) -> None:
    """No server at all: nothing replaced."""
    message = _failed_update_keeps(tmp_path, f"http://127.0.0.1:{_free_port()}")
    assert "refused" in message.lower() or "errno" in message.lower()


def test_short_body_keeps_previous(installed: tuple[Mirror, str], tmp_path: Path) -> None:
    """A body shorter than its Content-Length is a truncated download."""
    state, base = installed
    state.serve("un_consolidated.xml", UN_BYTES, length=len(UN_BYTES) + 1000)
    message = _failed_update_keeps(tmp_path, base)
    assert "truncated" in message or "IncompleteRead" in message


def test_half_an_xml_file_keeps_previous(installed: tuple[Mirror, str], tmp_path: Path) -> None:
    """A complete response holding half a document fails the load check."""
    state, base = installed
    state.serve("un_consolidated.xml", UN_BYTES[: len(UN_BYTES) // 2])
    assert "does not load" in _failed_update_keeps(tmp_path, base)


def test_a_list_that_shrinks_by_half_is_refused(
    installed: tuple[Mirror, str], tmp_path: Path
) -> None:
    """A sound file with far fewer entities than the copy in place is suspect."""
    state, base = installed
    state.serve("un_consolidated.xml", _un_with(2))
    assert "only 2 entities" in _failed_update_keeps(tmp_path, base)


def test_the_official_minimum_applies_by_default(
    mirror: tuple[Mirror, str], tmp_path: Path
) -> None:
    """Without an override, a 17-entry UN file is far too small to be the real list."""
    state, base = mirror
    _serve_good(state)
    (result,) = update(tmp_path, sources=["un"], base_url=base)
    assert result.status == "failed" and "expected at least" in result.message
    assert not (tmp_path / "un_consolidated.xml").exists()


def test_a_failed_file_in_a_set_replaces_none(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    """One bad file of the OFAC set fails the whole set; the other files stay as they were."""
    state, base = mirror
    _serve_good(state)
    update(tmp_path, sources=["ofac_sdn"], base_url=base, min_entities=1)
    before = {p: (tmp_path / p).read_bytes() for p in OFAC_FILES}
    state.serve("ofac_sdn/alt.csv", b"", status=503)
    (result,) = update(tmp_path, sources=["ofac_sdn"], base_url=base, min_entities=1)
    assert result.status == "failed"
    assert {p: (tmp_path / p).read_bytes() for p in OFAC_FILES} == before


def test_sources_table_is_complete() -> None:
    """Every publisher named in the docs has a source with an https URL."""
    assert set(SOURCES) == {
        "ofac_sdn",
        "ofac_cons",
        "ofac_sdn_xml",
        "ofac_cons_xml",
        "un",
        "eu",
        "uk",
    }
    for source in SOURCES.values():
        assert all(f.url.startswith("https://") for f in source.files)


def test_cli_update(
    mirror: tuple[Mirror, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """update exits 0 when every source is in place, 2 (naming it) when one failed."""
    state, base = mirror
    _serve_good(state)
    monkeypatch.setenv("SANCTIONMATCH_UPDATE_BASE", base)
    argv = ["update", "--dir", str(tmp_path), "--source", "un", "--min-entities", "1"]
    assert main([*argv, "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["results"][0]["status"] == "updated"
    state.serve("un_consolidated.xml", b"", status=500)
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert "failed" in out and "un: " in err and "HTTP 500" in err
