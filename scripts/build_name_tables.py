"""Build the name tables shipped in ``src/sanctionmatch/data/`` from public data.

``token_counts.tsv``: how many names of the official sanctions lists contain each token
(by comparable form), for the default rarity weights of :func:`sanctionmatch.compare`.

``name_variants.tsv``: groups of spellings of one given name or surname across languages
and scripts (Vladimir / Volodymyr / Uladzimir, Mykola / Nikolai), derived from the
Wikidata-based name groups published by OpenSanctions (nomenklatura ``names.txt``, CC0
data). Every variant is latinized and folded with the library's own functions; a group is
kept only if one of its spellings occurs on the lists, so that the table stays small.

usage: python scripts/build_name_tables.py NAMES_TXT_GZ LIST_FILE [LIST_FILE ...]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from sanctionmatch.lists import load_list
from sanctionmatch.names import NAME, PATRONYMIC, tokenize_name
from sanctionmatch.text import clean_text, dominant_script

DATA = Path(__file__).resolve().parent.parent / "src" / "sanctionmatch" / "data"
MIN_SHARE = 1 / 2000  # a token in fewer names than this counts fully and is not listed
# Scripts whose latinization is faithful enough to join a variant group. Japanese, Chinese
# and Korean renderings of Western names latinize to forms that collide with other names.
SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Arabic", "Hebrew"})
# Forms of up to four letters are left out: the name groups also hold the readings of
# single Chinese characters in several languages (zhong, jung, chung, trung, tong), and
# short syllables of Korean and Chinese names must meet only by spelling rules.
MIN_LENGTH = 5


def list_tokens(paths: list[str]) -> tuple[dict[str, int], int]:
    """Count, per comparable form, the list names that contain it."""
    counts: dict[str, int] = {}
    names = 0
    for path in paths:
        for entity in load_list(path):
            schema = "Person" if entity.schema == "Person" else "Organization"
            for name in entity.names:
                names += 1
                forms = {t.form for t in tokenize_name(name.value, schema).tokens}
                for form in forms:
                    counts[form] = counts.get(form, 0) + 1
    return counts, names


def variant_groups(path: str, vocabulary: set[str]) -> list[list[str]]:
    """Read the name groups, latinize their variants, keep those that meet the lists."""
    groups: set[tuple[str, ...]] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            variants = line.rpartition("=>")[0].split(",")
            forms = set()
            for variant in variants:
                variant = variant.strip()
                if dominant_script(clean_text(variant)) not in SCRIPTS:
                    continue
                tokens = tokenize_name(variant, "Person").tokens
                if len(tokens) != 1 or tokens[0].role not in (NAME, PATRONYMIC):
                    continue
                if len(tokens[0].form) >= MIN_LENGTH and tokens[0].text.isalpha():
                    forms.add(tokens[0].form)
            if len(forms) >= 2 and forms & vocabulary:
                groups.add(tuple(sorted(forms)))
    return [list(g) for g in sorted(groups)]


def main(argv: list[str]) -> int:
    names_gz, *paths = argv
    counts, names = list_tokens(paths)
    floor = max(2, int(names * MIN_SHARE))
    sources = ", ".join(Path(p).name for p in paths)
    with (DATA / "token_counts.tsv").open("w", encoding="utf-8") as out:
        out.write(
            "# Token counts over the names of the official sanctions lists (rarity weights).\n"
        )
        out.write(f"# Built by scripts/build_name_tables.py from: {sources}.\n")
        out.write(f"# Tokens in more than {floor} names are listed; the row '*' is the number\n")
        out.write("# of names counted. Columns: comparable form<TAB>names. Example: muhamad.\n")
        out.write(f"*\t{names}\n")
        for form, n in sorted(counts.items()):
            if n > floor:
                out.write(f"{form}\t{n}\n")
    groups = variant_groups(names_gz, set(counts))
    with (DATA / "name_variants.tsv").open("w", encoding="utf-8") as out:
        out.write("# Spellings of one given name or surname across languages and scripts,\n")
        out.write("# as comparable forms, one group per line separated by spaces.\n")
        out.write("# Derived from the Wikidata name groups of OpenSanctions' nomenklatura (CC0)\n")
        out.write(f"# by scripts/build_name_tables.py, kept where a form occurs in: {sources}.\n")
        out.write(
            "# Example: ladimir uladzimir vladimir volodimir (Владимир, Володимир, Уладзімір).\n"
        )
        for group in groups:
            out.write(" ".join(group) + "\n")
    print(
        f"{names} names; {sum(1 for n in counts.values() if n > floor)} common tokens; "
        f"{len(groups)} variant groups"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
