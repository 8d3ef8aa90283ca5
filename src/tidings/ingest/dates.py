"""Explicit calendar dates: normalising given dates and spotting them in text.

Only absolute dates ("31 December 2019", "Dec. 31, 2019", "2019-12-31") are
handled here, which is all ingest needs for a publication date. Relative dates
("Tuesday", "last week") are resolved later against this date by
`tidings.resolve.dates`. Hand-written patterns rather than dateparser: they
are ~100x faster and never guess a day from a bare number.
"""

from __future__ import annotations

import re
from datetime import date as Date

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
        ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
        ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _n

MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
WEEKDAY_RE = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_ORD = r"(?:st|nd|rd|th)?"
_SP = r"[^\S\r\n]+"  # spaces within one line: a date never spans lines
_NOT_TIME = rf"(?![\w:])(?!{_SP}(?:GMT|UTC|BST|CET|EST|hrs)\b)"  # "1 March 2000 GMT" is a time

# Dates with a year, as they appear in text and metadata.
DATE_RE = re.compile(
    rf"""(?<![\w-])(?:
        (?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?![\d.])
      | (?:{WEEKDAY_RE}\.?,?{_SP})?(?P<dd>\d{{1,2}}){_ORD}{_SP}(?:of{_SP})?(?P<dm>{MONTH_RE})\.?,?{_SP}(?P<dy>\d{{4}}){_NOT_TIME}
      | (?:{WEEKDAY_RE}\.?,?{_SP})?(?P<mm>{MONTH_RE})\.?{_SP}(?P<md>\d{{1,2}}){_ORD},?{_SP}(?P<my>\d{{4}}){_NOT_TIME}
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Day and month without a year, as in a dateline ("BAGHDAD, Dec 31 (AFP) -").
DAY_MONTH_RE = re.compile(
    rf"(?:{WEEKDAY_RE}\.?,?{_SP})?(?:(?P<mm>{MONTH_RE})\.?{_SP}(?P<md>\d{{1,2}}){_ORD}|(?P<dd>\d{{1,2}}){_ORD}{_SP}(?P<dm>{MONTH_RE})\.?)(?:,?{_SP}(?P<y>\d{{4}}))?",
    re.IGNORECASE,
)
_NUMERIC_RE = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _iso(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD if the triple is a real date in a plausible range, else None."""
    if not 1800 <= year <= 2200:
        return None
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None


def from_match(m: re.Match[str]) -> str | None:
    """YYYY-MM-DD from a DATE_RE match (None if the day does not exist)."""
    if m.group("iy"):
        return _iso(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("dd"):
        return _iso(int(m.group("dy")), MONTHS[m.group("dm").lower()], int(m.group("dd")))
    return _iso(int(m.group("my")), MONTHS[m.group("mm").lower()], int(m.group("md")))


def day_month(m: re.Match[str], reference: str | None) -> str | None:
    """YYYY-MM-DD from a DAY_MONTH_RE match.

    Without a year in the match, the year is the one that puts the day closest
    to `reference` (YYYY-MM-DD): "Dec 31" filed near 2020-01-02 is 2019-12-31.
    """
    if m.group("mm"):
        month, day = MONTHS[m.group("mm").lower()], int(m.group("md"))
    else:
        month, day = MONTHS[m.group("dm").lower()], int(m.group("dd"))
    if m.group("y"):
        return _iso(int(m.group("y")), month, day)
    if reference is None:
        return None
    ref = Date.fromisoformat(reference)
    candidates = [c for c in (_iso(y, month, day) for y in (ref.year - 1, ref.year, ref.year + 1)) if c]
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((Date.fromisoformat(c) - ref).days))


def normalise_date(value: object) -> str | None:
    """A given date (record field, option, HTML metadata) as YYYY-MM-DD, or None.

    Accepts ISO dates and timestamps, "31 December 2019", "Dec 31, 2019",
    RFC 2822 ("Tue, 31 Dec 2019 10:00:00 GMT"), 20191231, and numeric
    day/month/year only when the order is unambiguous (one part above 12).
    """
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = _COMPACT_RE.match(text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = DATE_RE.search(text)
    if m:
        return from_match(m)
    m = _NUMERIC_RE.search(text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 >= b:
            return _iso(year, b, a)
        if b > 12 >= a:
            return _iso(year, a, b)
    return None
