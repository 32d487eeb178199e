"""The README's Python examples run, their assertions hold, and they print what it shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
# A Python block, optionally followed by "prints" and the text block it prints.
_EXAMPLE = re.compile(r"```python\n(.*?)```(?:\n\nprints\n\n```text\n(.*?)```)?", re.S)


def test_readme_examples_run_and_print_what_they_show() -> None:
    """Execute the Python blocks in order, in one namespace, and compare their output."""
    examples = _EXAMPLE.findall(README.read_text(encoding="utf-8"))
    assert len(examples) >= 3
    namespace: dict[str, object] = {}
    checked = 0
    for code, shown in examples:
        if "load_list(" in code and "sdn.csv" in code and "Matcher" not in code:
            continue  # the list-loading sketch names files a reader has, not the repo
        if "pyspark" in code:
            continue  # Spark prints from the JVM; tests/test_spark.py checks these calls
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(README), "exec"), namespace)
        if shown:
            assert out.getvalue() == shown
            checked += 1
    assert checked >= 2
