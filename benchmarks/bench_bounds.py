"""Resource bounds: time and memory of scan(), long names, and streamed screen().

Three measurements against the bundled sample list, each printed as a table:

1. ``scan()`` of one document made of the test articles repeated to growing sizes, and
   of a 10 MB corpus split into 10 KB documents; ``split_words()`` (the tokenizer alone)
   over 10 MB. Time per MB should stay flat if scanning is linear.
2. One long name (default 100,000 characters) through ``normalize_name``, ``compare`` and
   ``Matcher.match``: written as words ("Vladimir Putin Vladimir ...") and as one run of
   letters.
3. ``screen()`` of N generated records, each size in a fresh process, streaming the
   results away: seconds per 1,000 rows and peak resident memory (``ru_maxrss``). Peak
   memory that stays flat as N grows is what "streaming" means.

usage: python benchmarks/bench_bounds.py [--scan-sizes 125000,250000,500000,1000000]
           [--name-chars 100000] [--rows 10000,20000,40000] [--skip scan,name,screen]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from sanctionmatch import compare, normalize_name, sample_matcher, scan, screen
from sanctionmatch.words import split_words

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> str:
    """The multilingual test articles, joined."""
    files = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in files) + "\n\n"


def sized(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


def timed(action: object, *args: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = action(*args)  # type: ignore[operator]
    return time.perf_counter() - started, result


def bench_scan(sizes: Sequence[int]) -> None:
    text = corpus()
    scan("warm-up: Vladimir Putin")
    print("scan() of one document")
    print(f"{'chars':>10}  {'seconds':>8}  {'s per MB':>8}  {'mentions':>8}")
    for size in sizes:
        seconds, mentions = timed(scan, sized(text, size))
        per_mb = seconds / (size / 1e6)
        print(f"{size:>10,}  {seconds:>8.2f}  {per_mb:>8.1f}  {len(mentions):>8,}", flush=True)  # type: ignore[arg-type]
    big = sized(text, 10_000_000)
    seconds, words = timed(split_words, big)
    print(f"\nsplit_words() of 10 MB: {seconds:.1f} s, {len(words):,} words")  # type: ignore[arg-type]
    started = time.perf_counter()
    found = sum(len(scan(big[i : i + 10_000])) for i in range(0, len(big), 10_000))
    seconds = time.perf_counter() - started
    print(f"scan() of 10 MB as 1,000 documents of 10 KB: {seconds:.1f} s, {found:,} mentions\n")


def bench_name(chars: int) -> None:
    matcher = sample_matcher()
    print(f"one name of {chars:,} characters")
    print(f"{'written as':<12}  {'normalize':>9}  {'compare':>8}  {'match':>8}")
    for label, unit in (("words", "Vladimir Putin "), ("one run", "a")):
        name = sized(unit, chars)
        t1, _ = timed(normalize_name, name)
        t2, _ = timed(compare, name + "x", "Vladimir PUTIN")
        t3, _ = timed(matcher.match, name + "y")
        print(f"{label:<12}  {t1:>8.2f}s  {t2:>7.2f}s  {t3:>7.2f}s", flush=True)
    print()


def records(n: int) -> Iterator[dict[str, str]]:
    """Distinct generated records, one in 50 a listed name."""
    listed = ["Vladimir PUTIN", "Sergei SHOIGU", "Kim Jong Un", "Wagner Group", "HAMAS"]
    for i in range(n):
        name = listed[i // 50 % len(listed)] if i % 50 == 0 else f"Customer {i:07d} Example"
        yield {"id": str(i), "name": name}


def screen_child(n: int) -> None:
    """Screen ``n`` records in this process; print seconds, hits and peak RSS as JSON."""
    sample_matcher()
    started = time.perf_counter()
    hits = sum(len(result.matches) for result in screen(records(n)))
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": n, "seconds": seconds, "hits": hits, "peak_kb": peak_kb}))


def bench_screen(sizes: Sequence[int]) -> None:
    print("screen() of N records, one fresh process per N")
    print(f"{'rows':>10}  {'seconds':>8}  {'ms/row':>7}  {'hits':>6}  {'peak RSS MB':>11}")
    for n in sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--screen-child", str(n)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        got = json.loads(out.strip().splitlines()[-1])
        print(
            f"{n:>10,}  {got['seconds']:>8.1f}  {1000 * got['seconds'] / n:>7.2f}  "
            f"{got['hits']:>6,}  {got['peak_kb'] / 1024:>11.1f}",
            flush=True,
        )
    print()


def _ints(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scan-sizes", type=_ints, default=[125_000, 250_000, 500_000, 1_000_000])
    parser.add_argument("--name-chars", type=int, default=100_000)
    parser.add_argument("--rows", type=_ints, default=[10_000, 20_000, 40_000])
    parser.add_argument("--skip", default="", help="comma-separated: scan, name, screen")
    parser.add_argument("--screen-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.screen_child is not None:
        screen_child(args.screen_child)
        return 0
    skip = set(args.skip.split(","))
    if "name" not in skip:
        bench_name(args.name_chars)
    if "screen" not in skip:
        bench_screen(args.rows)
    if "scan" not in skip:
        bench_scan(args.scan_sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
