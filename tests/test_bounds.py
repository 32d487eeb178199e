"""Resource bounds with small inputs: work grows linearly, streaming memory stays flat.

Written not to flake on a busy machine: work is counted (function calls) where it can
be, timings are compared as ratios with wide margins (the best of a few runs), and the
absolute time bounds are hundreds of times what a linear run takes.
``benchmarks/bench_bounds.py`` measures the same things at full size.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import itertools
import pkgutil
import re
import time
import tracemalloc
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest

import sanctionmatch
from sanctionmatch import Matcher, compare, load_sample, normalize_name, screen
from sanctionmatch.comparable import _rules
from sanctionmatch.lists._dates import parse_date_range
from sanctionmatch.lists.ofac_remarks import _ID_REST
from sanctionmatch.words import split_words

scan_module = importlib.import_module("sanctionmatch.scan")  # the package's scan is the function
ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"


def best_time(action: Callable[[], object], runs: int = 3) -> float:
    """The fastest of a few runs: the least disturbed by other work on the machine."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def corpus() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt")))


# --- scan() ---


def _count_calls(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    calls = [0]
    original = getattr(scan_module, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(scan_module, name, counting)
    return calls


def test_scan_screens_each_distinct_part_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Repeating a text does not repeat its name look-ups: screened parts are remembered."""
    text = corpus()
    scan_module.scan(text)
    matcher = sanctionmatch.sample_matcher()
    calls = [0]
    original = Matcher.match

    def counting(self: Matcher, *args: object, **kwargs: object) -> object:
        calls[0] += 1
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Matcher, "match", counting)
    remembered = scan_module.vocabulary_of(matcher).screened
    remembered.clear()
    first = scan_module.scan(text, matcher=matcher)
    once = calls[0]
    calls[0] = 0
    remembered.clear()
    scan_module.scan(text * 8, matcher=matcher)
    assert once > 0 and calls[0] <= once + 5
    # Across documents too: the parts screened before are not screened again, and the
    # mentions are the same.
    calls[0] = 0
    assert scan_module.scan(text, matcher=matcher) == first
    assert calls[0] == 0


def test_scan_resolution_work_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Doubling a document at most doubles the work of resolving lone family names."""
    text = corpus()
    calls = _count_calls(monkeypatch, "family_forms")
    scan_module.scan(text * 4)
    small = calls[0]
    calls[0] = 0
    scan_module.scan(text * 8)
    assert small > 0
    assert calls[0] <= 2.5 * small, f"{small} -> {calls[0]} calls for twice the text"


def test_split_words_time_is_linear() -> None:
    """The tokenizer's time for 8x the text is far below 64x (quadratic)."""
    text = corpus()
    small = best_time(lambda: split_words(text * 4))
    large = best_time(lambda: split_words(text * 32))
    assert large < 24 * small + 0.05, (small, large)


# --- long names ---


@pytest.mark.parametrize(
    "action",
    [normalize_name, lambda n: compare(n, "Vladimir PUTIN")],
    ids=["normalize_name", "compare"],
)
def test_long_name_time_is_linear(action: Callable[[str], object]) -> None:
    """A name 4x as long (to 20,000 characters) costs far less than 16x the time."""
    counter = iter(range(1_000_000))

    def fresh(chars: int) -> str:  # a new string each run: names are memoized
        return f"{next(counter)} " + ("Vladimir Putin " * chars)[:chars]

    small = best_time(lambda: action(fresh(5_000)))
    large = best_time(lambda: action(fresh(20_000)))
    assert large < 10 * small + 0.05, (small, large)


def test_long_name_match_is_bounded() -> None:
    """match() of a 400-word name costs far less than 16x a 100-word one."""
    matcher = sanctionmatch.sample_matcher()
    small = best_time(lambda: matcher.match("a " + "Vladimir Putin " * 50), runs=2)
    large = best_time(lambda: matcher.match("b " + "Vladimir Putin " * 200), runs=2)
    assert large < 10 * small + 0.1, (small, large)


# --- streamed screening ---


def test_screen_streams_an_endless_input() -> None:
    """screen() reads its input lazily: results come from an endless generator."""
    matcher = Matcher([e for e in load_sample() if e.schema == "Person"][:40])
    endless = (f"Client {i} Example" for i in itertools.count())
    results = screen(endless, matcher=matcher, chunk_size=16)
    first = list(itertools.islice(results, 40))
    assert [r.id for r in first] == list(range(40))


def test_screen_keeps_no_result_it_has_yielded() -> None:
    """Yielded results are not held by the stream: memory does not grow with rows."""
    entities = [e for e in load_sample() if e.schema == "Person"][:40]
    matcher = Matcher(entities)
    names = [e.names[0].value for e in entities]
    results = screen((names[i % len(names)] for i in range(600)), matcher=matcher)
    refs = []
    for result in itertools.islice(results, 500):
        assert result.matches  # every name is listed: each result holds matches
        refs.append(weakref.ref(result.matches[0]))
        del result
    gc.collect()
    alive = sum(ref() is not None for ref in refs)
    # At most the chunk being yielded and the one being built may still be referenced.
    assert alive <= 2 * 256, alive
    assert alive < len(refs) / 2
    assert sum(1 for _ in results) == 100


def test_screen_memory_stays_flat() -> None:
    """Peak traced memory for 4x the records (memo caches filled first) grows < 1.5x.

    Results are built a chunk at a time, so the chunks are kept small here: what is
    measured is what survives from one chunk to the next.
    """
    entities = [e for e in load_sample() if e.schema == "Person"][:5]
    matcher = Matcher(entities)
    names = [e.names[0].value for e in entities] + ["Client Example", "Another Person"]

    def peak(n: int) -> int:
        tracemalloc.start()
        try:
            rows = (names[i % len(names)] for i in range(n))
            for _ in screen(rows, matcher=matcher, chunk_size=16):
                pass
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    for _ in screen((names[i % len(names)] for i in range(1_500)), matcher=matcher):
        pass
    small, large = peak(160), peak(640)
    assert large < 1.5 * small + 128 * 1024, (small, large)


# --- regular expressions ---


def _patterns() -> list[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    found: list[tuple[str, re.Pattern[str] | re.Pattern[bytes]]] = []
    for info in pkgutil.walk_packages(sanctionmatch.__path__, "sanctionmatch."):
        if info.name.endswith("__main__"):
            continue
        if info.name == "sanctionmatch.spark" and importlib.util.find_spec("pyspark") is None:
            continue  # the optional spark extra is not installed (it defines no pattern)
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{info.name}.{attr}", value))
    found.extend((f"comparable rule {p.pattern!r}", p) for _, p, _ in _rules())
    return found


# A pattern that backtracks quadratically on runs of blanks, and is only ever applied
# after its caller collapses white space (test_date_range_parsing_is_linear checks that).
QUADRATIC = {"sanctionmatch.lists._dates._RANGE"}
UNITS = [" ", "a", "1", "-", "'", ".", ",", "a ", " -", "to ", "a'", "\t", "aa-", "1/", "é"]
PATTERNS = [(n, p) for n, p in _patterns() if n not in QUADRATIC]


def test_every_pattern_is_checked() -> None:
    """The module scan finds the package's regexes (so the test below tests something)."""
    names = {n for n, _ in _patterns()}
    assert len(names) >= 30
    assert names >= QUADRATIC


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_has_no_catastrophic_backtracking(name: str, pattern: re.Pattern[str]) -> None:
    """Each regex handles 10,000-character runs of troublesome characters in well under 1 s.

    A linear pattern takes about a millisecond on each; a quadratic one tens of seconds.
    """
    for unit in UNITS:
        for tail in ("", "!", "\n"):
            text = (unit * (10_000 // len(unit) + 1))[:10_000] + tail
            subject: str | bytes = text
            if isinstance(pattern.pattern, bytes):
                subject = text.encode("utf-8")
            started = time.perf_counter()
            pattern.search(subject)  # type: ignore[arg-type]
            pattern.findall(subject)  # type: ignore[arg-type]
            pattern.sub(subject[:0], subject)  # type: ignore[arg-type]
            elapsed = time.perf_counter() - started
            assert elapsed < 1.0, f"{name} took {elapsed:.2f} s on {unit!r} x 10,000 + {tail!r}"


def test_date_range_parsing_is_linear() -> None:
    """parse_date_range of 2,000 spaces between two words takes well under 0.2 s."""
    started = time.perf_counter()
    parse_date_range("1" + " " * 2_000 + "x")
    assert time.perf_counter() - started < 0.05


def test_identifier_parsing_is_linear() -> None:
    """_ID_REST on 4,000 spaces takes well under 0.2 s."""
    started = time.perf_counter()
    _ID_REST.match("1" + " " * 4_000 + "!")
    assert time.perf_counter() - started < 0.05
