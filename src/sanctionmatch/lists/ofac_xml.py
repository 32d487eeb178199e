"""OFAC's "enhanced" XML (SDN_ENHANCED.XML, CONS_ENHANCED.XML, or the .ZIP holding it).

Published by OFAC's Sanctions List Service (https://sanctionslistservice.ofac.treas.gov)
in the ``ENHANCED_XML`` schema. Each ``entity`` (its ``id`` is the legacy CSV ent_num)
has a type, its sanctions lists and programs, names with their alias type, low-quality
flag and script (a name may have a Latin and a Cyrillic or Chinese translation), addresses,
identity documents, typed "features" (birth date, place of birth, nationality, gender,
vessel facts, ...) and relationships to other entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from sanctionmatch.errors import ListFormatError
from sanctionmatch.lists._base import ListFormat, LoadContext, check_name, unique
from sanctionmatch.lists._dates import parse_date_range
from sanctionmatch.lists._io import (
    child,
    child_text,
    children,
    iter_xml,
    local_name,
    nested,
    open_member,
    text_of,
)
from sanctionmatch.lists.ofac import PUBLISHER
from sanctionmatch.model import (
    AIRCRAFT,
    AKA,
    FKA,
    ORGANIZATION,
    PERSON,
    PRIMARY,
    VESSEL,
    WEAK,
    Entity,
    Identifier,
    Name,
    SourceRef,
)

SCHEMAS = {"individual": PERSON, "entity": ORGANIZATION, "vessel": VESSEL, "aircraft": AIRCRAFT}
ALIAS_KINDS = {"a.k.a.": AKA, "f.k.a.": FKA, "n.k.a.": AKA}
SCRIPTS = {
    "cyrillic": "Cyrl",
    "chinese simplified": "Hans",
    "chinese traditional": "Hant",
    "arabic": "Arab",
}
# feature type -> entity field; every other feature becomes a (type, value) property.
FEATURE_FIELDS = {
    "birthdate": "birth_dates",
    "place of birth": "birth_places",
    "nationality country": "nationalities",
    "citizenship country": "nationalities",
    "gender": "gender",
    "vessel flag": "countries",
    "vessel registration identification": "imo",
}


def sniff(path: Path, head: bytes) -> bool:
    """Recognise the enhanced XML (or its zip) by namespace, root or member name."""
    if b"ENHANCED_XML" in head or b"<sanctionsData" in head:
        return True
    return head.startswith(b"PK\x03\x04\n") and b"_ENHANCED.XML" in head.upper()


def parse(path: Path, ctx: LoadContext) -> Iterator[Entity]:
    """Stream the entities of an OFAC enhanced XML file or zip."""
    ctx.publisher = PUBLISHER
    ctx.files.append(path)
    number = 0
    with open_member(path, ctx, (".xml",)) as stream:
        records = frozenset({"entity", "publicationInfo"})
        for event, elem in iter_xml(stream, ctx, path=path, records=records):
            if event == "root":
                if local_name(elem.tag) != "sanctionsData":
                    raise ctx.error(
                        f"root element is <{local_name(elem.tag)}>, not <sanctionsData>"
                    )
                continue
            if local_name(elem.tag) == "publicationInfo":
                ctx.published = child_text(elem, "dataAsOf")[:10] or None
                lists = [text_of(e) for e in elem.iter() if local_name(e.tag) == "sanctionsList"]
                ctx.list_name = "OFAC " + " + ".join(lists) if lists else "OFAC enhanced XML"
                continue
            number += 1
            try:
                yield _entity(elem, ctx, number)
            except ListFormatError as error:
                ctx.reject(error)


def _texts(elem: ET.Element, group: str, item: str) -> list[str]:
    return [text_of(e) for e in nested(elem, group, item)]


def _entity(elem: ET.Element, ctx: LoadContext, number: int) -> Entity:
    ent_id = elem.get("id", "").strip()
    record = ent_id or f"#{number}"
    if not ent_id.isdigit():
        raise ctx.error("entity without a numeric id", record=record, field="id")
    info = child(elem, "generalInfo")
    kind = child_text(info, "entityType").lower() if info is not None else ""
    if kind not in SCHEMAS:
        raise ctx.error(f"unknown entityType {kind[:40]!r}", record=record, field="entityType")
    lists = _texts(elem, "sanctionsLists", "sanctionsList")
    list_name = "OFAC SDN" if "SDN List" in lists else "OFAC Consolidated"
    names = list(_names(elem, ctx, record, list_name))
    if not names:
        raise ctx.error("no names", record=record, field="names")
    facts: dict[str, list[str]] = {
        "birth_dates": [],
        "birth_places": [],
        "nationalities": [],
        "countries": [],
        "gender": [],
        "imo": [],
    }
    properties: list[tuple[str, str]] = []
    for feature in nested(elem, "features", "feature"):
        label = child_text(feature, "type")
        value = child_text(feature, "value")
        if not value:
            continue
        target = FEATURE_FIELDS.get(label.lower().rstrip(":"))
        if target == "birth_dates":
            facts[target].extend(parse_date_range(value))
        elif target is not None:
            facts[target].append(value)
        else:
            properties.append((label.rstrip(":- ").strip(), value))
    addresses, countries = _addresses(elem)
    identifiers = [Identifier("IMO", v.removeprefix("IMO ").strip()) for v in facts["imo"]]
    for doc in nested(elem, "identityDocuments", "identityDocument"):
        value = child_text(doc, "documentNumber")
        if value:
            country = child_text(doc, "issuingCountry") or None
            identifiers.append(Identifier(child_text(doc, "type") or "Document", value, country))
    remarks = [text_of(r) for r in children(info, "remarks")] if info is not None else []
    return Entity(
        id=f"ofac-{ent_id}",
        schema=SCHEMAS[kind],
        names=list(dict.fromkeys(names)),
        birth_dates=unique(facts["birth_dates"]),
        birth_places=unique(facts["birth_places"]),
        nationalities=unique(facts["nationalities"]),
        countries=unique(countries + facts["countries"]),
        identifiers=tuple(dict.fromkeys(identifiers)),
        addresses=unique(addresses),
        programs=unique(_texts(elem, "sanctionsPrograms", "sanctionsProgram")),
        gender=facts["gender"][0] if facts["gender"] else None,
        remarks="; ".join(unique(remarks)) or None,
        sources=[SourceRef(list_name, ent_id)],
        titles=unique([v for k, v in properties if k.lower() == "title"]),
        linked_to=unique([text_of(r) for r in elem.iter() if local_name(r.tag) == "relatedEntity"]),
        properties=tuple(dict.fromkeys(properties)),
    )


def _names(elem: ET.Element, ctx: LoadContext, record: str, list_name: str) -> Iterator[Name]:
    for name in nested(elem, "names", "name"):
        primary = child_text(name, "isPrimary") == "true"
        kind = PRIMARY if primary else ALIAS_KINDS.get(child_text(name, "aliasType").lower(), AKA)
        if child_text(name, "isLowQuality") == "true":
            kind = WEAK
        for translation in nested(name, "translations", "translation"):
            full = child_text(translation, "formattedFullName")
            if not full:
                parts = (
                    child_text(translation, "formattedLastName"),
                    child_text(translation, "formattedFirstName"),
                )
                full = ", ".join(p for p in parts if p)
            if not full:
                continue
            value = check_name(full, ctx, record=record, field="formattedFullName")
            script = SCRIPTS.get(child_text(translation, "script").lower())
            yield Name(value, kind=kind, lang=script, source=list_name)


def _addresses(elem: ET.Element) -> tuple[list[str], list[str]]:
    addresses, countries = [], []
    for address in nested(elem, "addresses", "address"):
        country = child_text(address, "country")
        parts = [
            text_of(v)
            for part in address.iter()
            if local_name(part.tag) == "addressPart"
            for v in children(part, "value")
        ]
        text = ", ".join(unique([*parts, country]))
        if text:
            addresses.append(text)
        countries.append(country)
    return addresses, countries


FORMAT = ListFormat(
    name="ofac_xml",
    title="OFAC enhanced XML (SDN_ENHANCED / CONS_ENHANCED, .xml or .zip)",
    sniff=sniff,
    parse=parse,
)
