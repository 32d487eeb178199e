"""Pausing Python's cyclic garbage collector while large acyclic structures are built.

Building a matcher over the full lists allocates millions of small objects (prepared
names, tokens, posting lists) that live as long as the matcher and hold no reference
cycles. The cyclic collector runs whenever allocations outnumber deallocations by its
threshold, and each full collection walks every object allocated so far: over a whole
build it walks them again and again, which took half the build time of the full OFAC,
UN and UK lists, and four fifths of the time to unpickle their matcher. Nothing
cyclic is made while it is paused, so nothing is left for it to collect afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of a ``with`` block.

    The collector is enabled again on leaving only if it was enabled on entering: a
    program that disabled it keeps it disabled. Reference counting, which frees almost
    every object, is not affected.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
