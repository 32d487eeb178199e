"""A third-party normalised copy of the UK Sanctions List, as three CSV files.

The files (from the covyr/uk-sanctions-list repository on GitHub, derived from the FCDO's
CSV) are:

* ``subjects.csv``: unique_id, subject_type (individual, entity, ship),
  un_reference_number, ofsi_group_id, date_designated (dd/mm/yyyy), last_updated;
* ``subject_names.csv``: name_id, unique_id, name_type (primary, primary_variation,
  alias), alias_strength (good_quality_aka, low_quality_aka), full_name, name_6, name_1 ..
  name_5;
* ``subject_dobs.csv`` (optional): dob_id, unique_id, year, month, day, precision.

It has no regimes, but it keeps the aliases the FCDO summary export leaves out. Give the
loader the directory or any one of the files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, unique
from sanctionmatch.lists._dates import iso_date, parse_dmy_numeric
from sanctionmatch.lists._io import headed_rows
from sanctionmatch.lists.uk import LIST_NAME, PUBLISHER, SCHEMAS
from sanctionmatch.model import AKA, PRIMARY, WEAK, Entity, Identifier, Name, SourceRef

FILES = ("subjects.csv", "subject_names.csv", "subject_dobs.csv")
REQUIRED = {
    "subjects.csv": ("unique_id", "subject_type"),
    "subject_names.csv": ("unique_id", "name_type", "full_name"),
    "subject_dobs.csv": ("unique_id", "year"),
}


def sniff(path: Path, head: bytes) -> bool:
    """Recognise the covyr files by name or header."""
    if path.is_dir():
        return (path / "subjects.csv").is_file() and (path / "subject_names.csv").is_file()
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    return first.startswith((b"unique_id,subject_type", b"name_id,unique_id,name_type"))


def _read(path: Path, ctx: LoadContext) -> Iterator[tuple[int, dict[str, str]]]:
    return headed_rows(path, ctx, REQUIRED[path.name])


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the subjects of the covyr UK files, with their names and birth dates."""
    folder = path if path.is_dir() else path.parent
    ctx.publisher, ctx.list_name = PUBLISHER, "UK Sanctions List (covyr normalised copy)"
    subjects_path, names_path, dobs_path = (folder / name for name in FILES)
    for needed in (subjects_path, names_path):
        if not needed.is_file():
            raise ctx.error(f"{needed.name} not found beside the given file", path=needed)
    names: dict[str, list[Name]] = defaultdict(list)
    for line, row in _read(names_path, ctx):
        kind = {"primary": PRIMARY}.get(row["name_type"], AKA)
        if "low" in row.get("alias_strength", ""):
            kind = WEAK
        try:
            value = check_name(
                row["full_name"],
                ctx,
                record=row["unique_id"],
                field="full_name",
                line=line,
                path=names_path,
            )
        except ListFormatError as error:
            ctx.reject(error)
            continue
        names[row["unique_id"]].append(Name(value, kind=kind, source=LIST_NAME))
    dobs: dict[str, list[str]] = defaultdict(list)
    if dobs_path.is_file():
        for _line, row in _read(dobs_path, ctx):
            if row["year"].isdigit():
                dobs[row["unique_id"]].append(
                    iso_date(row["year"], row.get("month"), row.get("day"))
                )
    for line, row in _read(subjects_path, ctx):
        uid = row["unique_id"]
        try:
            yield _entity(uid, row, names.get(uid, []), dobs.get(uid, []), ctx, subjects_path, line)
        except ListFormatError as error:
            ctx.reject(error)


def _entity(
    uid: str,
    row: dict[str, str],
    names: list[Name],
    dobs: list[str],
    ctx: LoadContext,
    path: Path,
    line: int,
) -> Entity:
    kind = row["subject_type"].lower()
    if not uid:
        raise ctx.error("empty unique_id", path=path, line=line, field="unique_id")
    if kind not in SCHEMAS:
        raise ctx.error(
            f"unknown subject_type {kind[:40]!r}",
            path=path,
            line=line,
            record=uid,
            field="subject_type",
        )
    if not names:
        raise ctx.error(
            "no names in subject_names.csv", path=path, line=line, record=uid, field="unique_id"
        )
    identifiers = [
        Identifier(label, row[column])
        for column, label in (
            ("un_reference_number", "UN Reference Number"),
            ("ofsi_group_id", "OFSI Group ID"),
        )
        if row.get(column)
    ]
    return Entity(
        id=f"uk-{uid}",
        schema=SCHEMAS[kind],
        names=list(dict.fromkeys(names)),
        birth_dates=unique(dobs),
        identifiers=identifiers,
        listed_on=parse_dmy_numeric(row.get("date_designated", "")) or None,
        sources=[SourceRef(LIST_NAME, uid)],
    )


FORMAT = ListFormat(
    name="uk_covyr",
    title="UK Sanctions List as normalised CSV (subjects, subject_names, subject_dobs)",
    sniff=sniff,
    parse=parse,
)
