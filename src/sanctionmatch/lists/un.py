"""The UN Security Council Consolidated List (``consolidated.xml``).

Published by the UN Security Council at https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list
in the schema https://www.un.org/sc/resources/sc-sanctions.xsd. Each ``INDIVIDUAL`` or
``ENTITY`` has up to four name parts (``FIRST_NAME`` .. ``FOURTH_NAME``), the name in its
original script, aliases with a quality (``Good`` and ``a.k.a.`` are aliases, ``Low`` a weak
alias, ``f.k.a.`` a former name), dates of birth typed ``EXACT``, ``APPROXIMATELY``,
``BETWEEN`` or by ``YEAR``, documents, addresses, and the UN list (regime) it is on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, check_size, unique
from sanctionmatch.lists._dates import parse_text_date, year_span
from sanctionmatch.lists._io import child, child_text, children, iter_xml, open_member, text_of
from sanctionmatch.lists._script import guess_script
from sanctionmatch.model import (
    AKA,
    FKA,
    ORGANIZATION,
    PERSON,
    PRIMARY,
    WEAK,
    Entity,
    Identifier,
    Name,
    SourceRef,
)

LIST_NAME = "UN SC"
PUBLISHER = "United Nations Security Council"
TITLE = "UN Security Council Consolidated List"
RECORDS = frozenset({"INDIVIDUAL", "ENTITY"})
ALIAS_KINDS = {"good": AKA, "a.k.a.": AKA, "low": WEAK, "f.k.a.": FKA}
NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def sniff(path: Path, head: bytes) -> bool:
    """Recognise the UN list by its root element."""
    return b"<CONSOLIDATED_LIST" in head


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the individuals and entities of a UN consolidated.xml (or a zip holding it)."""
    ctx.publisher, ctx.list_name = PUBLISHER, TITLE
    ctx.files.append(path)
    number = 0
    with open_member(path, ctx, (".xml",)) as stream:
        for event, elem in iter_xml(stream, ctx, path=path, records=RECORDS):
            if event == "root":
                if elem.tag != "CONSOLIDATED_LIST":
                    raise ctx.error(f"root element is <{elem.tag}>, not <CONSOLIDATED_LIST>")
                generated = elem.get("dateGenerated", "")
                ctx.published = generated[:10] or None
                continue
            number += 1
            try:
                yield _entity(elem, ctx, number)
            except ListFormatError as error:
                ctx.reject(error)


def _values(elem: ET.Element, name: str) -> list[str]:
    return [text_of(v) for sub in children(elem, name) for v in children(sub, "VALUE")]


def _entity(elem: ET.Element, ctx: LoadContext, number: int) -> Entity:
    is_person = elem.tag == "INDIVIDUAL"
    ref = child_text(elem, "REFERENCE_NUMBER") or child_text(elem, "DATAID")
    record = ref or f"#{number}"
    if not ref:
        raise ctx.error("no REFERENCE_NUMBER or DATAID", record=record, field="REFERENCE_NUMBER")
    parts = [child_text(elem, p) for p in NAME_PARTS]
    primary = check_name(" ".join(p for p in parts if p), ctx, record=record, field="FIRST_NAME")
    names = [Name(primary, kind=PRIMARY, source=LIST_NAME)]
    original = child_text(elem, "NAME_ORIGINAL_SCRIPT")
    if original:
        original = check_name(original, ctx, record=record, field="NAME_ORIGINAL_SCRIPT")
        names.append(Name(original, kind=PRIMARY, lang=guess_script(original), source=LIST_NAME))
    alias_tag = "INDIVIDUAL_ALIAS" if is_person else "ENTITY_ALIAS"
    for alias in children(elem, alias_tag):
        value = child_text(alias, "ALIAS_NAME")
        if not value:
            continue
        value = check_name(value, ctx, record=record, field="ALIAS_NAME")
        kind = ALIAS_KINDS.get(child_text(alias, "QUALITY").lower(), AKA)
        names.append(Name(value, kind=kind, source=LIST_NAME))
    addresses, countries = _addresses(elem, "INDIVIDUAL_ADDRESS" if is_person else "ENTITY_ADDRESS")
    return Entity(
        id=f"un-{ref}",
        schema=PERSON if is_person else ORGANIZATION,
        names=list(dict.fromkeys(names)),
        birth_dates=unique(
            [d for dob in children(elem, "INDIVIDUAL_DATE_OF_BIRTH") for d in _dob(dob)]
        ),
        birth_places=unique([_place(p) for p in children(elem, "INDIVIDUAL_PLACE_OF_BIRTH")]),
        nationalities=unique(_values(elem, "NATIONALITY")),
        countries=unique(countries),
        identifiers=tuple(dict.fromkeys(_documents(elem))),
        addresses=unique(addresses),
        programs=unique([child_text(elem, "UN_LIST_TYPE")]),
        gender=child_text(elem, "GENDER") or None,
        listed_on=child_text(elem, "LISTED_ON")[:10] or None,
        remarks=check_size(child_text(elem, "COMMENTS1"), ctx, record=record, field="COMMENTS1")
        or None,
        sources=[SourceRef(LIST_NAME, ref)],
        titles=unique(_values(elem, "TITLE") + _values(elem, "DESIGNATION")),
    )


def _dob(elem: ET.Element) -> tuple[str, ...]:
    kind = child_text(elem, "TYPE_OF_DATE").upper()
    date = parse_text_date(child_text(elem, "DATE"))
    year = child_text(elem, "YEAR")
    if kind == "BETWEEN" or child(elem, "FROM_YEAR") is not None:
        first, last = child_text(elem, "FROM_YEAR"), child_text(elem, "TO_YEAR")
        if first.isdigit() and last.isdigit():
            return year_span(first, last)
    if date:
        # An approximate full date is only trusted to the year.
        return (date[:4],) if kind == "APPROXIMATELY" else (date,)
    if year.isdigit():
        return (year,)
    return ()


def _place(elem: ET.Element) -> str:
    parts = [child_text(elem, p) for p in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")]
    return ", ".join(p for p in parts if p)


def _addresses(elem: ET.Element, tag: str) -> tuple[list[str], list[str]]:
    addresses, countries = [], []
    for address in children(elem, tag):
        parts = [
            child_text(address, p)
            for p in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
        ]
        addresses.append(", ".join(p for p in parts if p))
        countries.append(child_text(address, "COUNTRY"))
    return addresses, countries


def _documents(elem: ET.Element) -> Iterator[Identifier]:
    for doc in children(elem, "INDIVIDUAL_DOCUMENT"):
        number = child_text(doc, "NUMBER")
        if not number:
            continue
        kind = child_text(doc, "TYPE_OF_DOCUMENT") or child_text(doc, "TYPE_OF_DOCUMENT2")
        country = child_text(doc, "ISSUING_COUNTRY") or child_text(doc, "COUNTRY_OF_ISSUE")
        yield Identifier(type=kind or "Document", value=number, country=country or None)


FORMAT = ListFormat(
    name="un_xml",
    title="UN Security Council Consolidated List XML (consolidated.xml)",
    sniff=sniff,
    parse=parse,
)
