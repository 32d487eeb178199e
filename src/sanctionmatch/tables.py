"""Reading the rule tables shipped as package data (``sanctionmatch/data/*.tsv``).

Every table is plain UTF-8 text: one rule per line, columns separated by a tab, ``#`` starts
a comment line. Tables are read once, lazily, by the module that owns them.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files


def read_table(name: str, *, columns: int) -> Iterator[tuple[str, ...]]:
    """Yield the rows of a shipped table, each with exactly ``columns`` fields.

    Args:
        name: the file name under ``sanctionmatch/data/``.
        columns: how many leading tab-separated fields to return; extra fields (comments,
            examples) are ignored.

    Raises:
        ValueError: a row has fewer fields than asked for (names the file and line).
    """
    text = files("sanctionmatch").joinpath("data", name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < columns:
            raise ValueError(f"{name}, line {lineno}: expected {columns} tab-separated fields")
        yield tuple(fields[:columns])
