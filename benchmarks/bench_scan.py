"""Throughput of scan() on news text against full lists.

usage: python benchmarks/bench_scan.py [LIST_FILE ...] [--unlisted NAMES.csv] [--mb 1.0]
           [--seed 7] [--check] [--articles]

Scans distinct news documents against the lists given (the bundled sample when none) and
prints MB/s. The documents are made from the seed articles and the multilingual test
articles: each takes one article, shuffles its paragraphs, and writes every run of two or
three capitalised words (a person's name, mostly) as another name: a name of a listed
person one time in four, otherwise a name that is on no list (a ``full_name`` from the
``--unlisted`` CSV, or a name from another article). So no two documents are alike and a
news stream's mix of listed and unlisted people is kept; ordinary capitalised words
(places, institutions, months) recur as they do in real news.

Also prints the time for one long document made of other such documents at two sizes,
to show time stays linear in length. With ``--check``, scans the documents again with
every phrase screened by full retrieval (no shortlists, see ``sanctionmatch.shortlist``)
and prints how many mentions (offsets and top entity) both runs find. With
``--articles``, first prints what each seed and test article mentions against the lists
given (the fixtures annotate them against the bundled sample only): a review of precision
on the full lists.
"""

from __future__ import annotations

import argparse
import csv
import logging
import random
import re
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

import attrs

from sanctionmatch.lists import load_list, load_sample
from sanctionmatch.matcher import Matcher
from sanctionmatch.model import PERSON
from sanctionmatch.scan import scan_text
from sanctionmatch.vocabulary import Vocabulary, vocabulary_of

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*")
LISTED_SHARE = 0.25


def corpus_paths() -> list[Path]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return seeds + sorted((ROOT / "fixtures" / "articles").glob("*.txt"))


def corpus() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in corpus_paths()]


def name_runs(text: str) -> list[tuple[int, int]]:
    """Where two or three capitalised words stand in a row (most are people's names)."""
    runs: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []
    for word in [*_WORD.finditer(text), None]:
        joined = word is not None and run and text[run[-1].end() : word.start()] in (" ", "-")
        if word is not None and word.group(0)[0].isupper() and (joined or not run):
            run.append(word)
            continue
        if 2 <= len(run) <= 3:
            runs.append((run[0].start(), run[-1].end()))
        run = [word] if word is not None and word.group(0)[0].isupper() else []
    return runs


def rename(text: str, listed: Sequence[str], unlisted: Sequence[str], rng: random.Random) -> str:
    """Write every run of capitalised words as another name, listed or not."""
    out, last = [], 0
    for start, end in name_runs(text):
        pool = listed if rng.random() < LISTED_SHARE else unlisted
        out += [text[last:start], rng.choice(pool)]
        last = end
    return "".join([*out, text[last:]])


def documents(
    articles: Sequence[str], listed: Sequence[str], unlisted: Sequence[str], size: float, seed: int
) -> list[str]:
    """Distinct documents of about ``size`` MB in all (see the module docstring)."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size * 1e6:
        paragraphs = rng.choice(articles).split("\n\n")
        rng.shuffle(paragraphs)
        document = rename("\n\n".join(paragraphs), listed, unlisted, rng)
        out.append(document)
        total += len(document.encode("utf-8"))
    return out


def unlisted_names(path: str | None, articles: Sequence[str]) -> list[str]:
    if path is None:
        return sorted({a[start:end] for a in articles for start, end in name_runs(a)})
    with open(path, encoding="utf-8", newline="") as f:
        return [row["full_name"] for row in csv.DictReader(f) if row.get("full_name")]


def mentions(matcher: Matcher, text: str, vocabulary: Vocabulary) -> set[tuple[int, int, str]]:
    """The mentions of a text: offsets and the top entity's id."""
    return {
        (m.start, m.end, m.matches[0].entity.id)
        for m in scan_text(matcher, text, vocabulary=vocabulary)
    }


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lists", nargs="*")
    parser.add_argument("--unlisted", help="CSV with a full_name column of unlisted people")
    parser.add_argument("--mb", type=float, default=1.0, help="MB of distinct documents")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="compare with full retrieval")
    parser.add_argument(
        "--articles", action="store_true", help="print what the articles mention against the lists"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    # Entries listed on two of the lists under one id are skipped once and counted.
    logging.getLogger("sanctionmatch.lists").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = load_list(*args.lists, lenient=True) if args.lists else load_sample()
    matcher = Matcher(source)
    vocabulary = vocabulary_of(matcher)
    built = time.perf_counter() - started
    names = sum(len(e.names) for e in source)
    print(f"{len(source)} entities, {names} names; matcher and vocabulary built in {built:.1f} s")
    articles = corpus()
    if args.articles:
        # What the articles themselves mention against these lists: the fixtures hold the
        # expected mentions against the bundled sample only.
        for path, article in zip(corpus_paths(), articles, strict=True):
            found = sorted(
                {
                    (m.surface, m.matches[0].name)
                    for m in scan_text(matcher, article, vocabulary=vocabulary)
                }
            )
            print(f"{path.name}: " + "; ".join(f"{s} = {n}" for s, n in found))
    listed = [n.value for e in source if e.schema == PERSON for n in e.names]
    docs = documents(articles, listed, unlisted_names(args.unlisted, articles), args.mb, args.seed)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    start = time.perf_counter()
    found = [mentions(matcher, d, vocabulary) for d in docs]
    elapsed = time.perf_counter() - start
    print(
        f"{len(docs)} distinct documents, {mb:.2f} MB: {elapsed:.2f} s, "
        f"{mb / elapsed:.3f} MB/s, {sum(map(len, found))} mentions"
    )
    if args.check:
        full = attrs.evolve(vocabulary, shortlists=False)
        start = time.perf_counter()
        reference = [mentions(matcher, d, full) for d in docs]
        elapsed = time.perf_counter() - start
        both = sum(len(a & b) for a, b in zip(found, reference, strict=True))
        print(
            f"full retrieval: {elapsed:.2f} s, {sum(map(len, reference))} mentions, "
            f"{both} of them found alike with shortlists"
        )
    # New documents for these, and the memo of screened parts emptied: nothing of the
    # run above is answered from memory.
    others = documents(
        articles, listed, unlisted_names(args.unlisted, articles), args.mb, args.seed + 1
    )
    for share in (0.1, 0.4):
        text = "\n\n".join(others[: max(1, int(len(others) * share))])
        vocabulary.screened.clear()
        start = time.perf_counter()
        scan_text(matcher, text, vocabulary=vocabulary)
        elapsed = time.perf_counter() - start
        size = len(text.encode("utf-8")) / 1e6
        print(f"one document of {size:.2f} MB: {elapsed:.2f} s, {size / elapsed:.3f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
