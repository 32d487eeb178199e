"""Turning the lists' many date spellings into ISO dates, possibly partial.

An :class:`~sanctionmatch.model.Entity` keeps birth dates as ISO strings: ``"1955"``,
``"1955-05"`` or ``"1955-05-21"``. A range ("1960 to 1962", UN ``BETWEEN``) becomes every
year in it, so a matcher comparing years finds any of them; an approximate date ("circa
1951", UN ``APPROXIMATELY``) keeps its year only.
"""

from __future__ import annotations

import re

MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
MAX_RANGE_YEARS = 20  # a wider range says nothing useful; keep its two ends only

# "21 May 1955", "May 1955", "1955"
_DMY = re.compile(r"^(?:(?P<d>\d{1,2})\s+)?(?:(?P<m>[A-Za-z]{3})[a-z]*\.?\s+)?(?P<y>\d{4})$")
_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:[T ][\d:.+Z-]*)?$")
_RANGE = re.compile(r"^(?:between\s+)?(?P<a>.+?)\s*(?:\bto\b|\band\b|-|–)\s*(?P<b>.+)$", re.I)


def iso_date(year: int | str, month: int | str | None = None, day: int | str | None = None) -> str:
    """Return a possibly partial ISO date; a zero or missing month drops the day too.

    >>> iso_date(1955, 5, 21), iso_date("1955", "00", "00"), iso_date(1955, None, 3)
    ('1955-05-21', '1955', '1955')
    """
    y = int(year)
    m = int(month) if month not in (None, "") and str(month).isdigit() else 0
    d = int(day) if day not in (None, "") and str(day).isdigit() else 0
    if not 1 <= y <= 9999:
        return ""
    if not 1 <= m <= 12:
        return f"{y:04d}"
    if not 1 <= d <= 31:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def year_span(first: str, last: str) -> tuple[str, ...]:
    """Return the dates of a range: every year, or both ends if the range is long or partial."""
    if first[:4] == last[:4]:
        return (first,) if first == last else (first[:4],)
    if first[:4].isdigit() and last[:4].isdigit():
        a, b = int(first[:4]), int(last[:4])
        if 0 < b - a <= MAX_RANGE_YEARS:
            return tuple(str(y) for y in range(a, b + 1))
    return (first, last)


def parse_text_date(text: str) -> str:
    """Parse ``"21 May 1955"``, ``"May 1955"``, ``"1955"`` or ISO; return ``""`` if unreadable."""
    text = text.strip().rstrip(".").strip()
    match = _DMY.match(text)
    if match:
        month = MONTHS.get((match["m"] or "").lower()[:3]) if match["m"] else None
        if match["m"] and month is None:
            return ""
        return iso_date(match["y"], month, match["d"])
    match = _ISO.match(text)
    if match:
        return iso_date(match["y"], match["m"], match["d"])
    return ""


def parse_date_range(text: str) -> tuple[str, ...]:
    """Parse a date or a range ("circa 1951", "1960 to 1962", "between 1960 and 1962").

    Returns:
        the ISO dates it covers (empty when nothing could be read).
    """
    # One space between words: the range pattern below backtracks on long runs of blanks.
    text = " ".join(text.split())
    text = re.sub(r"^(?:circa|approximately|approx\.?|about|ca\.)\s+", "", text, flags=re.I)
    single = parse_text_date(text)
    if single:
        return (single,)
    match = _RANGE.match(text)
    if match:
        first, last = parse_text_date(match["a"]), parse_text_date(match["b"])
        if first and last:
            return year_span(first, last)
    return ()


_SLASHED = re.compile(r"^(?P<d>\d{1,2}|--|xx)[/.-](?P<m>\d{1,2}|--|xx)[/.-](?P<y>\d{4})$", re.I)


def parse_dmy_numeric(text: str) -> str:
    """Parse ``"21/05/1955"`` or ``"00/00/1955"`` (UK style, zeros for unknown parts)."""
    text = text.strip()
    match = _SLASHED.match(text)
    if match:
        return iso_date(match["y"], match["m"], match["d"])
    return parse_text_date(text)
