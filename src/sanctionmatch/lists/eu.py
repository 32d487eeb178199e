"""The EU Financial Sanctions Files (FSF) XML, version 1.1.

Published by the European Commission (DG FISMA) at
https://webgate.ec.europa.eu/fsd/fsf (``xmlFullSanctionsList_1_1``), namespace
``http://eu.europa.ec/fpi/fsd/export``. The root ``export`` (with ``generationDate``) holds
one ``sanctionEntity`` (``logicalId``, ``euReferenceNumber``, ``unitedNationId``,
``designationDate``) per subject, with these children, all data in attributes:

* ``subjectType`` ``code`` / ``classificationCode``: ``person`` (P) or ``enterprise`` (E);
* ``nameAlias``: ``wholeName`` (or ``firstName``/``middleName``/``lastName``),
  ``nameLanguage``, ``gender``, ``function``, ``title``, ``strong``;
* ``birthdate``: ``birthdate`` or ``year``/``monthOfYear``/``dayOfMonth``, ``circa``,
  ``yearRangeFrom``/``yearRangeTo``, ``city``, ``place``, ``countryDescription``;
* ``citizenship``: ``countryIso2Code``, ``countryDescription``;
* ``identification``: ``number``, ``identificationTypeCode``/``Description``, country;
* ``address``: ``street``, ``city``, ``zipCode``, ``region``, ``place``, country;
* ``regulation``: ``programme``, ``publicationDate``; and ``remark`` text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, check_size, unique
from sanctionmatch.lists._dates import iso_date, parse_text_date, year_span
from sanctionmatch.lists._io import child, children, iter_xml, local_name, open_member, text_of
from sanctionmatch.lists.eu_json import LIST_NAME, PUBLISHER
from sanctionmatch.model import (
    AKA,
    ORGANIZATION,
    PERSON,
    PRIMARY,
    WEAK,
    Entity,
    Identifier,
    Name,
    SourceRef,
)

TITLE = "EU Financial Sanctions Files"
SCHEMAS = {"person": PERSON, "p": PERSON, "enterprise": ORGANIZATION, "e": ORGANIZATION}
GENDERS = {"m": "Male", "f": "Female"}


def sniff(path: Path, head: bytes) -> bool:
    """Recognise the FSF XML by its namespace or its record element."""
    return b"eu.europa.ec/fpi/fsd/export" in head or b"<sanctionEntity" in head


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the entities of an EU FSF XML file (or a zip holding it)."""
    ctx.publisher, ctx.list_name = PUBLISHER, TITLE
    ctx.files.append(path)
    number = 0
    with open_member(path, ctx, (".xml",)) as stream:
        for event, elem in iter_xml(stream, ctx, path=path, records=frozenset({"sanctionEntity"})):
            if event == "root":
                if local_name(elem.tag) != "export":
                    raise ctx.error(f"root element is <{local_name(elem.tag)}>, not <export>")
                ctx.published = elem.get("generationDate", "")[:10] or None
                continue
            number += 1
            try:
                yield _entity(elem, ctx, number)
            except ListFormatError as error:
                ctx.reject(error)


def _attr(elem: ET.Element, name: str) -> str:
    return (elem.get(name) or "").strip()


def _entity(elem: ET.Element, ctx: LoadContext, number: int) -> Entity:
    logical_id = _attr(elem, "logicalId")
    record = logical_id or f"#{number}"
    if not logical_id:
        raise ctx.error("sanctionEntity without a logicalId", record=record, field="logicalId")
    subject = child(elem, "subjectType")
    code = ""
    if subject is not None:
        code = (_attr(subject, "code") or _attr(subject, "classificationCode")).lower()
    if code not in SCHEMAS:
        raise ctx.error(f"unknown subjectType {code[:40]!r}", record=record, field="subjectType")
    names, titles, genders = _names(elem, ctx, record)
    if not names:
        raise ctx.error("no nameAlias with a name", record=record, field="nameAlias")
    identifiers = [
        Identifier(
            _attr(i, "identificationTypeDescription")
            or _attr(i, "identificationTypeCode")
            or "Document",
            _attr(i, "number"),
            _attr(i, "countryDescription") or _attr(i, "countryIso2Code") or None,
        )
        for i in children(elem, "identification")
        if _attr(i, "number")
    ]
    for attr, label in (
        ("unitedNationId", "UN Reference Number"),
        ("euReferenceNumber", "EU Reference Number"),
    ):
        if _attr(elem, attr):
            identifiers.append(Identifier(label, _attr(elem, attr)))
    regulations = list(children(elem, "regulation"))
    listed = _attr(elem, "designationDate") or min(
        (_attr(r, "publicationDate") for r in regulations if _attr(r, "publicationDate")),
        default="",
    )
    births = list(children(elem, "birthdate"))
    remarks = "\n".join(text_of(r) for r in children(elem, "remark") if text_of(r))
    return Entity(
        id=f"eu-{logical_id}",
        schema=SCHEMAS[code],
        names=names,
        birth_dates=unique([d for b in births for d in _birth_dates(b)]),
        birth_places=unique(
            [_join(b, ("city", "place", "region", "countryDescription")) for b in births]
        ),
        nationalities=unique(
            [
                _attr(c, "countryDescription") or _attr(c, "countryIso2Code")
                for c in children(elem, "citizenship")
            ]
        ),
        countries=unique(
            [
                _attr(a, "countryDescription") or _attr(a, "countryIso2Code")
                for a in children(elem, "address")
            ]
        ),
        identifiers=tuple(dict.fromkeys(identifiers)),
        addresses=unique(
            [
                _join(
                    a,
                    ("street", "poBox", "city", "zipCode", "region", "place", "countryDescription"),
                )
                for a in children(elem, "address")
            ]
        ),
        programs=unique([_attr(r, "programme") for r in regulations]),
        gender=genders[0] if genders else None,
        listed_on=listed[:10] or None,
        remarks=check_size(remarks, ctx, record=record, field="remark") or None,
        sources=[SourceRef(LIST_NAME, logical_id)],
        titles=titles,
    )


def _names(
    elem: ET.Element, ctx: LoadContext, record: str
) -> tuple[list[Name], tuple[str, ...], list[str]]:
    names: list[Name] = []
    titles: list[str] = []
    genders: list[str] = []
    for alias in children(elem, "nameAlias"):
        whole = _attr(alias, "wholeName") or " ".join(
            p
            for p in (
                _attr(alias, "firstName"),
                _attr(alias, "middleName"),
                _attr(alias, "lastName"),
            )
            if p
        )
        titles += [_attr(alias, "function"), _attr(alias, "title")]
        if _attr(alias, "gender").lower() in GENDERS:
            genders.append(GENDERS[_attr(alias, "gender").lower()])
        if not whole:
            continue
        value = check_name(whole, ctx, record=record, field="wholeName")
        lang = _attr(alias, "nameLanguage").lower() or None
        # The FSF marks no primary name: the first name without a language is taken as it.
        is_primary = lang is None and not any(n.kind == PRIMARY for n in names)
        kind = PRIMARY if is_primary else WEAK if _attr(alias, "strong") == "false" else AKA
        names.append(Name(value, kind=kind, lang=lang, source=LIST_NAME))
    if names and not any(n.kind == PRIMARY for n in names):
        names[0] = Name(names[0].value, kind=PRIMARY, lang=names[0].lang, source=LIST_NAME)
    return list(dict.fromkeys(names)), unique(titles), genders


def _birth_dates(birth: ET.Element) -> tuple[str, ...]:
    low, high = _attr(birth, "yearRangeFrom"), _attr(birth, "yearRangeTo")
    if low.isdigit() and high.isdigit():
        return year_span(low, high)
    date = parse_text_date(_attr(birth, "birthdate"))
    if not date and _attr(birth, "year").isdigit():
        date = iso_date(
            _attr(birth, "year"), _attr(birth, "monthOfYear"), _attr(birth, "dayOfMonth")
        )
    if date and _attr(birth, "circa") == "true":
        date = date[:4]
    return (date,) if date else ()


def _join(elem: ET.Element, attrs: tuple[str, ...]) -> str:
    return ", ".join(unique([_attr(elem, a) for a in attrs]))


FORMAT = ListFormat(
    name="eu_xml",
    title="EU Financial Sanctions Files XML (FSF v1.1, sanctionEntity records)",
    sniff=sniff,
    parse=parse,
)
