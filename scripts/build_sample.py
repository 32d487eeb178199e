"""Build the bundled sample list, ``src/sanctionmatch/data/sample.jsonl.gz``.

Usage::

    python scripts/build_sample.py RAW_DIR [--out PATH] [--seeds-csv PATH]

RAW_DIR holds the official list files (any layout; they are found by name): OFAC's
``sdn.csv`` and ``cons_prim.csv`` with their side files, the UN ``consolidated*.xml``, the
UK Sanctions List ``.ods`` and the ``subjects.csv`` / ``subject_names.csv`` copy, and the
EU ``eu_sanctions.json`` extract. The script loads them with :func:`load_list`, merges
the entries that designate the same subject (:func:`merge_entities`), and keeps:

* every entry named in the test articles under ``seeds/`` (see ``SEED_NAMES`` below) and
  every look-alike of them (``LOOKALIKE_TOKENS``: all SHOIGU, PUTIN, KIM, ... entries);
* a deterministic spread of further entries per list and schema (``QUOTAS``), preferring
  names in non-Latin scripts for the UN and EU lists, and subjects on several lists.

Entries are written as loaded, never edited. It also writes ``fixtures/seed_names.csv``:
each name of an article, whether it is listed, and the ids of its entries in the sample.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import hashlib
import io
import json
import logging
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from unidecode import unidecode

from sanctionmatch.lists import load_list, merge_entities
from sanctionmatch.model import WEAK, Entity, SourceFile
from sanctionmatch.version import __version__

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (  # (file-name pattern, what it is)
    ("sdn.csv", "OFAC SDN"),
    ("cons_prim.csv", "OFAC Consolidated"),
    ("consolidated*.xml", "UN SC"),
    ("eu_sanctions.json", "EU"),
    ("*.ods", "UK"),
    ("subjects.csv", "UK (aliases)"),
)
# Every entry with one of these name words is kept (relatives and look-alikes).
LOOKALIKE_TOKENS = frozenset(
    {
        "shoigu", "shoygu", "putin", "kim", "nechaev", "grigorov", "mkrtychev", "mkrtycev",
        "wagner", "vagner", "wagnera", "vagnera", "korotchenko", "gerasimov", "peskov",
    }
)  # fmt: skip
LOOKALIKE_PHRASES = ("rossiya segodnya",)
# The Wagner group's distinctive word in its spellings, and the generic words it comes with.
WAGNER_TOKENS = [
    {"wagner", "vagner", "wagnera", "vagnera"},
    {
        "group",
        "gruppa",
        "grupp",
        "groupe",
        "gruppe",
        "pmc",
        "chvk",
        "company",
        "kompaniya",
        "grupa",
    },
]

# (name in the article, article file, query, note). A query is a list of word sets (a name
# matches when each set shares a word with it) or exact phrases (see ``matches``).
# Institutions and outlets are checked against every list too.
SEED_NAMES: tuple[tuple[str, str, list[set[str]] | str, str], ...] = (
    (
        "John Kirby",
        "000_42ef7fb4f8a37f9d.txt",
        [{"kirby"}],
        "US National Security Council spokesman",
    ),
    (
        "Achot Mkrtychev",
        "000_42ef7fb4f8a37f9d.txt",
        [{"mkrtychev", "mkrtycev"}],
        "OFAC SDN (DPRK) and UK; the UK entry has no birth date, so it is not merged",
    ),
    (
        "Mkrtychev",
        "000_42ef7fb4f8a37f9d.txt",
        [{"mkrtychev", "mkrtycev"}],
        "surname-only mention of Achot Mkrtychev",
    ),
    ("Janet Yellen", "000_42ef7fb4f8a37f9d.txt", [{"yellen"}], "US Treasury Secretary"),
    (
        "Poutine",
        "000_42ef7fb4f8a37f9d.txt",
        [{"putin"}, {"vladimir"}],
        "French spelling of Putin, surname only",
    ),
    ("Maison Blanche", "000_42ef7fb4f8a37f9d.txt", [{"white"}, {"house"}], "institution"),
    ("Trésor américain", "000_42ef7fb4f8a37f9d.txt", [{"treasury"}, {"department"}], "institution"),
    (
        "Conseil de sécurité nationale",
        "000_42ef7fb4f8a37f9d.txt",
        [{"national"}, {"security"}, {"council"}],
        "institution",
    ),
    ("John Kirby", "001_32a8c315f75d9149.txt", [{"kirby"}], ""),
    ("Biden", "001_32a8c315f75d9149.txt", [{"biden"}], "US President (l'administration Biden)"),
    (
        "groupe Wagner",
        "001_32a8c315f75d9149.txt",
        WAGNER_TOKENS,
        "OFAC, UK and EU list the group under several entries",
    ),
    (
        "Kim Jong-un",
        "001_32a8c315f75d9149.txt",
        [{"kim"}, {"jong"}, {"un"}],
        "OFAC SDN only (not UN, UK or EU)",
    ),
    (
        "Kim Won Jin",
        "001_32a8c315f75d9149.txt",
        [{"kim"}, {"won"}, {"jin"}],
        "AFP photographer; not listed (other KIMs are)",
    ),
    (
        "Kim",
        "001_32a8c315f75d9149.txt",
        [{"kim"}, {"jong"}, {"un"}],
        "surname-only mention of Kim Jong-un",
    ),
    ("Antony Blinken", "001_32a8c315f75d9149.txt", [{"blinken"}], "US Secretary of State"),
    (
        "Vladimir Poutine",
        "001_32a8c315f75d9149.txt",
        [{"putin"}, {"vladimir"}],
        "OFAC SDN, UK and EU",
    ),
    (
        "Bureau du contrôle des avoirs étrangers",
        "001_32a8c315f75d9149.txt",
        [{"foreign"}, {"assets"}, {"control"}],
        "OFAC itself",
    ),
    (
        "Gavriil Grigorov",
        "001_32a8c315f75d9149.txt",
        [{"grigorov"}, {"gavriil", "gavril"}],
        "TASS/Sputnik photographer; not listed (EU lists a Stepan GRIGOROV)",
    ),
    (
        "Spoutnik",
        "001_32a8c315f75d9149.txt",
        [{"sputnik"}, {"agency", "news", "agentstvo"}],
        "no entry under this name; its parent Rossiya Segodnya is on the UK and EU lists",
    ),
    ("Kremlin", "001_32a8c315f75d9149.txt", [{"kremlin"}], "institution"),
    (
        "The Associated Press",
        "001_32a8c315f75d9149.txt",
        [{"associated"}, {"press"}],
        "news agency",
    ),
    ("AFP", "001_32a8c315f75d9149.txt", [{"agence"}, {"france"}, {"presse"}], "news agency"),
    ("Getty Images", "001_32a8c315f75d9149.txt", [{"getty"}], "photo agency"),
    (
        "Sergueï Choïgou",
        "002_2156c6a9ed81ab0e.txt",
        [{"shoigu", "shoygu"}, {"sergei", "sergey", "sergej"}],
        "OFAC SDN, UK and EU",
    ),
    (
        "Choïgou",
        "002_2156c6a9ed81ab0e.txt",
        [{"shoigu", "shoygu"}, {"sergei", "sergey", "sergej"}],
        "surname-only mention of Sergei Shoigu",
    ),
    (
        "Choïgu",
        "002_2156c6a9ed81ab0e.txt",
        [{"shoigu", "shoygu"}, {"sergei", "sergey", "sergej"}],
        "surname-only mention, another spelling",
    ),
    ("John Kirby", "002_2156c6a9ed81ab0e.txt", [{"kirby"}], ""),
    ("Kirby", "002_2156c6a9ed81ab0e.txt", [{"kirby"}], ""),
    ("Vladimir Poutine", "002_2156c6a9ed81ab0e.txt", [{"putin"}, {"vladimir"}], ""),
    ("Kim Jong-un", "002_2156c6a9ed81ab0e.txt", [{"kim"}, {"jong"}, {"un"}], ""),
    (
        "Wagner",
        "002_2156c6a9ed81ab0e.txt",
        WAGNER_TOKENS,
        "le groupe paramilitaire privé russe Wagner",
    ),
    (
        "ministère russe de la Défense",
        "002_2156c6a9ed81ab0e.txt",
        "ministry of defence of the russian federation"
        "|ministry of defense of the russian federation"
        "|russian ministry of defence|russian ministry of defense",
        "not listed as such; some of its units are",
    ),
    ("AA", "002_2156c6a9ed81ab0e.txt", [{"anadolu"}], "Anadolu Agency"),
    ("Vladimir Poutine", "003_bdf5e78f291f2721.txt", [{"putin"}, {"vladimir"}], ""),
    ("New York Times", "003_bdf5e78f291f2721.txt", [{"new"}, {"york"}, {"times"}], "newspaper"),
    ("Actusduweb", "003_bdf5e78f291f2721.txt", [{"actusduweb"}], "news site"),
    ("New York Times", "004_9da28b7b5dc4bdb5.txt", [{"new"}, {"york"}, {"times"}], "newspaper"),
    ("Mason Clark", "004_9da28b7b5dc4bdb5.txt", [{"mason"}, {"clark"}], "ISW analyst"),
    (
        "Institute for the Study of War",
        "004_9da28b7b5dc4bdb5.txt",
        [{"study"}, {"war"}],
        "think tank",
    ),
    ("Frederick W. Kagan", "004_9da28b7b5dc4bdb5.txt", [{"kagan"}, {"frederick"}], "AEI analyst"),
    (
        "American Enterprise Institute",
        "004_9da28b7b5dc4bdb5.txt",
        [{"american"}, {"enterprise"}, {"institute"}],
        "think tank",
    ),
    ("Jake Sullivan", "004_9da28b7b5dc4bdb5.txt", [{"sullivan"}], "US National Security Advisor"),
    ("Reuters", "004_9da28b7b5dc4bdb5.txt", [{"reuters"}], "news agency"),
    ("Vladimir Poutine", "004_9da28b7b5dc4bdb5.txt", [{"putin"}, {"vladimir"}], ""),
    ("Kim Jong-Un", "004_9da28b7b5dc4bdb5.txt", [{"kim"}, {"jong"}, {"un"}], ""),
    ("BBC", "004_9da28b7b5dc4bdb5.txt", [{"british"}, {"broadcasting"}], "broadcaster"),
    (
        "Igor Korotchenko",
        "004_9da28b7b5dc4bdb5.txt",
        [{"korotchenko"}, {"igor"}],
        "UK and EU only (not OFAC)",
    ),
    (
        "Ivan Nechaev",
        "004_9da28b7b5dc4bdb5.txt",
        [{"nechaev"}, {"ivan"}],
        "Russian MFA official; not listed (other NECHAEVs are)",
    ),
    (
        "ministère russe des Affaires étrangères",
        "004_9da28b7b5dc4bdb5.txt",
        "ministry of foreign affairs of the russian federation|russian ministry of foreign affairs",
        "not listed",
    ),
    (
        "Sergei Shoigu",
        "004_9da28b7b5dc4bdb5.txt",
        [{"shoigu", "shoygu"}, {"sergei", "sergey", "sergej"}],
        "",
    ),
    (
        "Valery Gerasimov",
        "004_9da28b7b5dc4bdb5.txt",
        [{"gerasimov"}, {"valery", "valerij", "valeriy"}],
        "OFAC SDN, UK and EU",
    ),
    (
        "Dmitry Peskov",
        "004_9da28b7b5dc4bdb5.txt",
        [{"peskov"}, {"dmitry", "dmitriy", "dmitrii", "dmitri", "dmitrij", "dmitryi"}],
        "OFAC SDN and EU (merged), UK twice (RUS0753, RUS1770)",
    ),
    (
        "José Antonio Sierra",
        "004_9da28b7b5dc4bdb5.txt",
        [{"jose"}, {"antonio"}, {"sierra"}],
        "not listed (other SIERRAs are)",
    ),
    (
        "Korea Central News Agency",
        "004_9da28b7b5dc4bdb5.txt",
        [{"central"}, {"news"}, {"agency"}, {"korea", "korean"}],
        "not listed",
    ),
    (
        "Korea News Service",
        "004_9da28b7b5dc4bdb5.txt",
        [{"korea", "korean"}, {"news"}, {"service"}],
        "not listed",
    ),
    ("AP", "004_9da28b7b5dc4bdb5.txt", [{"associated"}, {"press"}], "news agency"),
)
# (lead list, schema) -> how many further entries to keep.
QUOTAS = {
    ("OFAC SDN", "Person"): 260,
    ("OFAC SDN", "Organization"): 200,
    ("OFAC SDN", "Vessel"): 100,
    ("OFAC SDN", "Aircraft"): 25,
    ("OFAC Consolidated", "Person"): 15,
    ("OFAC Consolidated", "Organization"): 30,
    ("UN SC", "Person"): 120,
    ("UN SC", "Organization"): 40,
    ("EU", "Person"): 150,
    ("EU", "Organization"): 70,
    ("UK", "Person"): 60,
    ("UK", "Organization"): 40,
    ("UK", "Vessel"): 40,
}
MULTI_LIST = 120  # further entries listed on three lists or more
_WORD = re.compile(r"[^a-z0-9]+")


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """Return a name's words, transliterated to ASCII and lower-cased."""
    return tuple(_WORD.sub(" ", unidecode(name).lower()).split())


def matches(entity: Entity, query: list[set[str]] | str) -> bool:
    """Return whether one of the entity's names matches the query.

    A list of word sets matches a name with a word from every set; a string of
    ``|``-separated phrases matches a name that is exactly one of them (word for word).
    """
    if isinstance(query, str):
        phrases = {tuple(words(p)) for p in query.split("|")}
        return any(words(name.value) in phrases for name in entity.names)
    for name in entity.names:
        found = set(words(name.value))
        if all(found & alternatives for alternatives in query):
            return True
    return False


def is_lookalike(entity: Entity) -> bool:
    for name in entity.names:
        text = " ".join(words(name.value))  # cached
        if LOOKALIKE_TOKENS & set(text.split()) or any(p in text for p in LOOKALIKE_PHRASES):
            return True
    return False


def find_sources(raw: Path) -> list[tuple[Path, str]]:
    found = []
    for pattern, label in SOURCES:
        paths = sorted(raw.rglob(pattern))
        if not paths:
            sys.exit(f"no {pattern} under {raw}")
        found.append((paths[0], label))
    return found


def stable_order(entity: Entity) -> str:
    return hashlib.sha1(entity.id.encode()).hexdigest()


def has_other_script(entity: Entity) -> bool:
    return any(not n.value.isascii() and n.kind != WEAK for n in entity.names)


def select(merged: list[Entity]) -> list[Entity]:
    chosen = {e.id: e for e in merged if is_lookalike(e)}
    for _name, _article, query, _note in SEED_NAMES:
        chosen.update((e.id, e) for e in merged if matches(e, query))
    rest = sorted((e for e in merged if e.id not in chosen), key=stable_order)
    multi = [e for e in rest if len({s.list for s in e.sources}) >= 3][:MULTI_LIST]
    chosen.update((e.id, e) for e in multi)
    taken: Counter[tuple[str, str]] = Counter()
    # Entries with a name in another script first, so every script is represented.
    for entity in sorted(rest, key=lambda e: (not has_other_script(e), stable_order(e))):
        key = (entity.sources[0].list, entity.schema)
        if entity.id in chosen or taken[key] >= QUOTAS.get(key, 0):
            continue
        taken[key] += 1
        chosen[entity.id] = entity
    return sorted(chosen.values(), key=lambda e: e.id)


def write_sample(entities: list[Entity], files: list[SourceFile], out: Path) -> None:
    counts = dict(sorted(Counter(e.schema for e in entities).items()))
    header = {
        "metadata": {
            "publisher": "; ".join(dict.fromkeys(f.publisher for f in files if f.publisher)),
            "name": "sanctionmatch bundled sample (OFAC SDN and Consolidated, UN, EU, UK)",
            "published": None,
            "files": [
                {
                    k: getattr(f, k)
                    for k in (
                        "name",
                        "sha256",
                        "size",
                        "format",
                        "publisher",
                        "list_name",
                        "published",
                    )
                }
                for f in files
            ],
            "library_version": __version__,
            "counts": counts,
        }
    }
    buffer = io.BytesIO()
    # mtime=0 keeps the file byte-identical between runs on the same inputs.
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as stream:
        stream.write((json.dumps(header, ensure_ascii=False) + "\n").encode())
        for entity in entities:
            data = {k: v for k, v in entity.to_dict().items() if v not in (None, [], (), {})}
            stream.write((json.dumps(data, ensure_ascii=False) + "\n").encode())
    out.write_bytes(buffer.getvalue())


def write_seed_names(entities: Iterable[Entity], everything: list[Entity], out: Path) -> None:
    kept = list(entities)
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["name_in_article", "article_file", "listed", "entity_ids", "note"])
        for name, article, query, note in SEED_NAMES:
            ids = [e.id for e in kept if matches(e, query)]
            missing = [e.id for e in everything if matches(e, query) and e.id not in ids]
            if missing:
                sys.exit(f"{name}: listed entries missing from the sample: {missing}")
            writer.writerow([name, article, "yes" if ids else "no", " ".join(ids), note])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("raw", type=Path, help="directory holding the raw list files")
    parser.add_argument("--out", type=Path, default=ROOT / "src/sanctionmatch/data/sample.jsonl.gz")
    parser.add_argument("--seeds-csv", type=Path, default=ROOT / "fixtures/seed_names.csv")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    entities: list[Entity] = []
    files: list[SourceFile] = []
    for path, label in find_sources(args.raw):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the UK export leaves two names blank
            loaded = load_list(path.parent if path.name == "subjects.csv" else path)
        print(f"{label}: {len(loaded)} entries from {path.name}, skipped {loaded.metadata.skipped}")
        entities.extend(loaded)
        files.extend(loaded.metadata.files)
    merged = merge_entities(entities)
    print(f"{len(entities)} entries merged into {len(merged)} subjects")
    sample = select(merged)
    write_sample(sample, files, args.out)
    write_seed_names(sample, merged, args.seeds_csv)
    lists = Counter(s.list for e in sample for s in e.sources)
    print(f"sample: {len(sample)} entities, {args.out.stat().st_size} bytes; {dict(lists)}")
    print(f"schemas: {dict(Counter(e.schema for e in sample))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
