"""Reading the facts out of the Remarks column of OFAC's legacy CSV files.

OFAC packs most of what it knows about a subject into one free-text field of
``;``-separated parts, each a label and a value, with ``alt.`` marking a second value::

    DOB 21 May 1955; POB Chadan, Republic of Tyva, Russia; nationality Russia;
    Gender Male; Passport BD3843329 (Slovakia) expires 08 Apr 2029; a.k.a. 'BNC';
    Linked To: HIZBALLAH; Vessel Registration Identification IMO 7406784.

The labels are described in OFAC's "SDN data specification" (dat_spec.txt). A part
this module does not recognise stays in the entity's ``remarks`` text, which is kept whole.
"""

from __future__ import annotations

import re

from attrs import define, field

from sanctionmatch.lists._dates import parse_date_range
from sanctionmatch.model import WEAK, Identifier, Name

# Parts are separated by "; " (a bare ";" also occurs inside digital-currency values).
_SPLIT = re.compile(r";\s+")
_ALT = re.compile(r"^alt\.\s+", re.I)
# Every quoted a.k.a. (or f.k.a., n.k.a.) in Remarks is what OFAC calls a "weak" alias.
_QUOTED_ALIAS = re.compile(r"^(?P<kind>[afn])\.k\.a\.,?\s+(?P<value>.+)$", re.I)
_LABELLED = re.compile(
    r"^(?P<label>DOB|POB|nationality|citizen|Gender|Linked To:)\s*(?P<value>.+)$", re.I
)
_IMO = re.compile(r"^Vessel Registration Identification\s+IMO\s+(?P<value>\d{7})\b", re.I)

# Identifier labels OFAC uses that do not end in "No.", "Number", "#" or "ID".
_ID_LABELS = (
    "Passport",
    "Diplomatic Passport",
    "Cedula No.",
    "C.U.R.P.",
    "R.F.C.",
    "D.N.I.",
    "SWIFT/BIC",
    "MMSI",
    "License",
    "Personal ID Card",
    "Unified Social Credit Code (USCC)",
    "Aircraft Manufacturer's Serial Number (MSN)",
    "Economic Register Number (CBLS)",
    "Stateless Person Passport",
    "Refugee ID Card",
    "Residency Number",
)
_ID_KNOWN = re.compile(
    r"^(?P<label>"
    + "|".join(re.escape(label) for label in sorted(_ID_LABELS, key=len, reverse=True))
    + r"|Digital Currency Address - [A-Z0-9]+)\s+(?P<rest>\S.*)$"
)
_ID_GENERIC = re.compile(
    r"^(?P<label>[A-Z][\w.'/&-]*(?:\s+[\w.'/&()-]+){0,6}?\s*(?:No\.?|Number|#|ID))\s+(?!No\.?\s)(?P<rest>\S.*)$"
)
# "BD3843329 (Slovakia) expires 08 Apr 2029" -> value, country
# Words separated by single spaces (parse_identifier collapses white space first), so the
# value's extent is unambiguous and matching stays linear even on long runs of blanks.
_ID_REST = re.compile(
    r"^(?P<value>\S+(?: \S+)*?)(?: \((?P<country>[^()]+)\))?"
    r"(?: (?:expires|issued|Issue Date|Expiration Date|Date of Issue)\b.*)?$"
)
# Facts kept as (label, value) properties.
_PROPERTY_LABELS = (
    "Website",
    "Email Address",
    "Phone Number",
    "Telephone",
    "Fax",
    "Organization Established Date",
    "Organization Type:",
    "Target Type",
    "Former Vessel Flag",
    "Vessel Year of Build",
    "Aircraft Model",
    "Aircraft Operator",
    "Aircraft Manufacture Date",
    "Aircraft Construction Number (also called L/N or S/N or F/N)",
    "Secondary sanctions risk:",
    "Additional Sanctions Information -",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
    "Executive Order 13662 Directive Determination -",
    "Executive Order 13846 information:",
    "CAATSA Section 235 Information:",
)
_PROPERTY = re.compile(
    r"^(?P<label>"
    + "|".join(re.escape(label) for label in sorted(_PROPERTY_LABELS, key=len, reverse=True))
    + r")\s*(?P<value>.+)$"
)


@define
class RemarkFacts:
    """What one Remarks field says, split into the entity's fields."""

    birth_dates: list[str] = field(factory=list)
    birth_places: list[str] = field(factory=list)
    nationalities: list[str] = field(factory=list)
    identifiers: list[Identifier] = field(factory=list)
    names: list[Name] = field(factory=list)
    linked_to: list[str] = field(factory=list)
    properties: list[tuple[str, str]] = field(factory=list)
    gender: str | None = None


def split_remarks(text: str) -> list[str]:
    """Split a Remarks field into its parts, without the final period."""
    text = text.strip()
    if text.endswith("."):
        text = text[:-1]
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def _unquote(value: str) -> str:
    value = value.strip().rstrip(".").strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        value = value[1:-1]
    return value.strip()


def parse_identifier(label: str, rest: str) -> Identifier | None:
    """Return the identifier of a part such as ``Passport BD3843329 (Slovakia) expires ...``."""
    match = _ID_REST.match(" ".join(rest.split()))
    if match is None:
        return None
    value = match["value"].strip()
    if not any(ch.isalnum() for ch in value):
        return None
    return Identifier(type=label.rstrip(":").strip(), value=value, country=match["country"])


def parse_remarks(text: str, *, source: str | None = None) -> RemarkFacts:
    """Read the facts out of an OFAC Remarks field.

    Args:
        text: the whole field (with any sdn_comments.csv continuation appended).
        source: the list name to record on the weak aliases found.

    Returns:
        the facts, field by field; unrecognised parts are simply not in it.
    """
    facts = RemarkFacts()
    for raw_part in split_remarks(text):
        part = _ALT.sub("", raw_part)
        _parse_part(part, facts, source)
    return facts


def _parse_part(part: str, facts: RemarkFacts, source: str | None) -> None:
    if match := _QUOTED_ALIAS.match(part):
        value = _unquote(match["value"])
        if value:
            facts.names.append(Name(value, kind=WEAK, source=source))
        return
    if match := _LABELLED.match(part):
        label, value = match["label"].lower(), match["value"].strip()
        if label == "dob":
            facts.birth_dates.extend(parse_date_range(value))
        elif label == "pob":
            facts.birth_places.append(value)
        elif label in ("nationality", "citizen"):
            facts.nationalities.append(value)
        elif label == "gender":
            facts.gender = value.capitalize()
        else:
            facts.linked_to.append(value)
        return
    if match := _IMO.match(part):
        facts.identifiers.append(Identifier(type="IMO", value=match["value"]))
        return
    if match := _PROPERTY.match(part):
        facts.properties.append((match["label"].rstrip(":- ").strip(), match["value"].strip()))
        return
    match = _ID_KNOWN.match(part) or _ID_GENERIC.match(part)
    if match is not None and any(ch.isdigit() for ch in match["rest"]):
        identifier = parse_identifier(match["label"], match["rest"])
        if identifier is not None:
            facts.identifiers.append(identifier)
