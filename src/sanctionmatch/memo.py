"""The package's memos, and the one hook that empties them all.

Screening sees the same names and words again and again, so hot pure functions keep
recent results in bounded ``functools.lru_cache`` memos (the ``MEMO_*`` sizes in the
modules that own them: token similarity, comparable forms, prepared names, readings). A
list's index and its scanning vocabulary keep per-list memos too: the candidate sets of
common query tokens, the parts of text screened, the nominatives of declined words. Each
is bounded. :func:`reset_caches` empties them all: it returns their memory to a
long-running process, and makes the next calls do their work afresh, as a benchmark of
first-time work needs. Tables read from package data (the unbounded ``functools.cache``
loaders) stay loaded: they are data, not memos.
"""

from __future__ import annotations

import sys
import threading
import weakref
from typing import Protocol


class HasMemos(Protocol):
    """An object that keeps memos of its own: a list's index or vocabulary."""

    def clear_memos(self) -> None:
        """Empty the object's memos."""


# By id: the owners are compared by value and need not be hashable (an index holds dicts).
_OWNERS: weakref.WeakValueDictionary[int, HasMemos] = weakref.WeakValueDictionary()
_LOCK = threading.Lock()


def register(owner: HasMemos) -> None:
    """Have :func:`reset_caches` empty ``owner``'s memos too (held weakly)."""
    with _LOCK:
        _OWNERS[id(owner)] = owner


def reset_caches() -> None:
    """Empty every memo of the package: its functions' and every list's.

    Safe to call at any time, from any thread: a memo only ever holds results that can
    be computed again.
    """
    for module in list(sys.modules.values()):
        if module is None or not module.__name__.startswith("sanctionmatch."):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and info().maxsize is not None:
                value.cache_clear()
    with _LOCK:
        owners = list(_OWNERS.values())
    for owner in owners:
        owner.clear_memos()
