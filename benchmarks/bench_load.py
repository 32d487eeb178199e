"""Time and memory of loading the full official lists.

Usage::

    python benchmarks/bench_load.py RAW_DIR
    python benchmarks/bench_load.py PATH [PATH ...]

With one directory, the OFAC SDN and Consolidated CSV lists, the UN consolidated.xml and
the UK Sanctions List (.ods, else its CSV) are found in it by name; otherwise each path is
loaded as given. Prints the seconds per file and in total (untraced), then the peak of
Python allocations (a second pass under tracemalloc) and the process's maximum RSS; the
targets are under 3 s and 300 MB for all of them together.
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

from sanctionmatch.lists import load_list

# The official files; the UK list as published (.ods), or as CSV when there is no .ods.
PATTERNS = (
    ("sdn.csv",),
    ("cons_prim.csv",),
    ("consolidated*.xml",),
    ("UK_Sanctions_List*.ods", "UK_Sanctions_List*.csv"),
)
TIME_LIMIT = 3.0
MEMORY_LIMIT = 300 * 2**20


def find(raw: Path) -> list[Path]:
    """Return the first file matching each pattern under ``raw``."""
    found = []
    for alternatives in PATTERNS:
        for pattern in alternatives:
            matches = sorted(raw.rglob(pattern))
            if matches:
                found.append(matches[0])
                break
    return found


def load_all(paths: list[Path], *, verbose: bool) -> int:
    """Load every path; return the number of entities."""
    total = 0
    for path in paths:
        began = time.perf_counter()
        loaded = load_list(path)
        total += len(loaded)
        if verbose:
            print(
                f"{path.name:<40} {len(loaded):>6} entities  {time.perf_counter() - began:5.2f} s"
            )
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", type=Path, nargs="+")
    args = parser.parse_args(argv)
    paths: list[Path] = args.paths
    if len(paths) == 1 and paths[0].is_dir() and not (paths[0] / "sdn.csv").exists():
        paths = find(paths[0])
    warnings.simplefilter("ignore")  # the UK export's two blank names are reported
    logging.disable(logging.WARNING)
    # Time first, untraced: tracemalloc slows Python code down several times.
    start = time.perf_counter()
    entities = load_all(paths, verbose=True)
    elapsed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    # Then the peak of Python allocations, in a second, traced pass.
    tracemalloc.start()
    load_all(paths, verbose=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"total: {entities} entities in {elapsed:.2f} s; "
        f"peak traced allocations {peak / 2**20:.1f} MB; process max RSS {rss:.0f} MB"
    )
    ok = elapsed < TIME_LIMIT and peak < MEMORY_LIMIT and rss * 2**20 < MEMORY_LIMIT
    print("within targets (3 s, 300 MB)" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
