"""Throughput of scan() on news text against full lists.

Scans the seed articles and the multilingual test articles against the lists given as
arguments (the bundled sample when none), each article as its own document, repeated to
several total sizes, and prints MB/s per size. Each document is scanned afresh (nothing
is remembered between documents), so repetition does not flatter the figure. One more
line scans all the text as a single document, to show time stays linear in its length.

usage: python benchmarks/bench_scan.py [LIST_FILE ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sanctionmatch.lists import load_list, load_sample
from sanctionmatch.matcher import Matcher
from sanctionmatch.scan import scan_text, vocabulary_of

ROOT = Path(__file__).resolve().parent.parent


def corpus() -> list[str]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    others = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in seeds + others]


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    source = load_list(*argv) if argv else load_sample()
    matcher = Matcher(source)
    vocabulary = vocabulary_of(matcher)
    built = time.perf_counter() - started
    names = sum(len(e.names) for e in source)
    print(f"{len(source)} entities, {names} names; matcher and vocabulary built in {built:.1f} s")
    articles = corpus()
    one_round = sum(len(a) for a in articles)
    for size in (100_000, 300_000, 1_000_000):
        documents = articles * (size // one_round + 1)
        start = time.perf_counter()
        found = sum(len(scan_text(matcher, d, vocabulary=vocabulary)) for d in documents)
        elapsed = time.perf_counter() - start
        mb = sum(len(d.encode("utf-8")) for d in documents) / 1e6
        print(
            f"{len(documents):>5} documents, {mb:5.2f} MB: {elapsed:6.2f} s, "
            f"{mb / elapsed:5.2f} MB/s, {found} mentions"
        )
    for copies in (10, 40):
        text = "\n\n".join(articles * copies)
        start = time.perf_counter()
        found = len(scan_text(matcher, text, vocabulary=vocabulary))
        elapsed = time.perf_counter() - start
        mb = len(text.encode("utf-8")) / 1e6
        print(f"one document of {mb:5.2f} MB: {elapsed:6.2f} s, {mb / elapsed:5.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
