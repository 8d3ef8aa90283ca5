"""Calendar dates for news-relative time expressions, anchored on the publication date.

`resolve("Tuesday", "2019-12-31")` -> ResolvedDate("2019-12-31", "day"): a
weekday is the most recent such day on or before the publication date (the
same day included: wire stories say "Tuesday" for today). Rules, not a
library, handle the relative forms ("late Tuesday", "yesterday", "last
night", "the weekend", "last week", "earlier this month", "two days ago");
explicit dates go through fast regexes first and dateparser only as a
(cached) last resort. Anything unsure gives None: no date beats a wrong date.

Conventions (documented for users of `date_precision`):
- "the weekend" / "weekend" -> the Saturday of the most recent weekend that
  began before the publication day, precision "week";
- "last week" -> the Monday of the previous week, precision "week";
- "this week" -> the Monday of the publication week, precision "week";
- "last month" / "this month" / "earlier this month" -> the 1st, precision "month";
- "this year" / "last year" / a bare year -> January 1st, precision "year";
- a day-month date without a year takes the publication year, or the previous
  year when that would put it more than a week after publication.

`shift(resolved, days)` moves a resolved date ("two days after the strikes"),
keeping its precision; `find_date_expressions(sent)` finds the spans to resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Span

PRECISIONS = ("day", "week", "month", "year")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
           "several": None, "few": None, "a few": None}
UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}

_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PARTS = r"(?:early|late|earlier|later|on|this|last|past|mid|midday)?"
_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
_NUM = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of)"

_RE = {
    "iso": re.compile(rf"^{_YEAR}-(\d{{2}})-(\d{{2}})$"),
    "mdy": re.compile(rf"^(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?$"),
    "dmy": re.compile(rf"^(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?$"),
    "my": re.compile(rf"^(?:in\s+)?(?:early\s+|late\s+|mid-?)?{_MONTH},?\s+{_YEAR}$"),
    "month": re.compile(rf"^(?:in\s+|early\s+|late\s+|mid-?|last\s+|this\s+)?{_MONTH}$"),
    "year": re.compile(rf"^(?:in\s+)?{_YEAR}$"),
    "weekday": re.compile(rf"^(?:on\s+)?(?:(?:early|late|last|this|past)\s+)?{_WEEKDAY}(?:\s+{_OF_DAY})?$"),
    "weekday_part": re.compile(rf"^(?:on\s+)?(?:early\s+|late\s+)?{_WEEKDAY}(?:\s+{_OF_DAY})$"),
    "ago": re.compile(rf"^{_NUM}\s+(days?|weeks?)\s+(?:ago|earlier|before|previously)$"),
}
_FIXED: dict[str, tuple[int, str]] = {  # expression -> (days before publication, precision)
    "today": (0, "day"), "this morning": (0, "day"), "this afternoon": (0, "day"),
    "this evening": (0, "day"), "tonight": (0, "day"), "earlier today": (0, "day"),
    "later today": (0, "day"), "on the same day": (0, "day"), "the same day": (0, "day"),
    "yesterday": (1, "day"), "last night": (1, "day"), "overnight": (1, "day"),
    "late yesterday": (1, "day"), "early yesterday": (1, "day"), "yesterday morning": (1, "day"),
    "yesterday afternoon": (1, "day"), "yesterday evening": (1, "day"), "late last night": (1, "day"),
    "the day before yesterday": (2, "day"),
}
_LEADING = re.compile(r"^(?:on|in|at|during|over|since|by|from|until|earlier|early)\s+(?=\S)")


MAX_AGO_DAYS = 366 * 200  # beyond this a "N days ago" is rhetoric, not a date


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A calendar date (YYYY-MM-DD) and how precise it is (day|week|month|year)."""

    date: str
    precision: str

    def as_date(self) -> date:
        return date.fromisoformat(self.date)


def _clean(expr: str) -> str:
    s = expr.lower().replace("’", "'").strip(" .,;:\"'()")
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"^the\s+(?=(?:weekend|past weekend))", "", s)
    return s


def _num(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _ymd(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day_month(pub: date | None, month: int, day: int, year: str | None) -> ResolvedDate | None:
    if year:
        d = _ymd(int(year), month, day)
    elif pub is None:
        return None
    else:
        d = _ymd(pub.year, month, day)
        if d is not None and d > pub + timedelta(days=7):  # "Dec. 31" read in early January
            d = _ymd(pub.year - 1, month, day)
    return ResolvedDate(d.isoformat(), "day") if d else None


def _weekday(pub: date, name: str, strictly_before: bool = False) -> ResolvedDate:
    """Most recent `name` on or before publication ("last Tuesday": strictly before)."""
    back = (pub.weekday() - WEEKDAYS.index(name)) % 7
    if back == 0 and strictly_before:
        back = 7
    return ResolvedDate((pub - timedelta(days=back)).isoformat(), "day")


def _weekend(pub: date, prev: bool = False) -> ResolvedDate:
    """Saturday of the most recent weekend that began before the publication day."""
    back = (pub.weekday() - 5) % 7  # Saturday 0, Sunday 1: the weekend in progress
    sat = pub - timedelta(days=back + (7 if prev else 0))
    return ResolvedDate(sat.isoformat(), "week")


def resolve(expr: str, pub_date: str | None) -> ResolvedDate | None:
    """Resolve a time expression against the publication date; None when unsure."""
    s = _clean(expr)
    if not s:
        return None
    pub = date.fromisoformat(pub_date) if pub_date else None
    absolute = _absolute(s, pub)
    if absolute is not None or pub is None:
        return absolute
    s = _LEADING.sub("", s) if not s.startswith("earlier this") else s
    if s in _FIXED:
        back, prec = _FIXED[s]
        return ResolvedDate((pub - timedelta(days=back)).isoformat(), prec)
    m = _RE["weekday"].match(s) or _RE["weekday_part"].match(s)
    if m:
        return _weekday(pub, m.group(1), strictly_before=s.startswith(("last ", "past ")))
    if s in ("weekend", "the weekend", "this weekend", "past weekend", "this past weekend",
             "weekend's", "last weekend") or s.startswith("weekend "):
        return _weekend(pub, prev=(s == "last weekend" and pub.weekday() == 6))
    if s in ("last week", "past week", "the past week", "previous week", "the previous week"):
        monday = pub - timedelta(days=pub.weekday() + 7)
        return ResolvedDate(monday.isoformat(), "week")
    if s in ("this week", "earlier this week", "later this week"):
        return ResolvedDate((pub - timedelta(days=pub.weekday())).isoformat(), "week")
    if s in ("this month", "earlier this month", "early this month", "so far this month"):
        return ResolvedDate(pub.replace(day=1).isoformat(), "month")
    if s in ("last month", "the previous month", "previous month", "past month"):
        first = (pub.replace(day=1) - timedelta(days=1)).replace(day=1)
        return ResolvedDate(first.isoformat(), "month")
    if s in ("this year", "earlier this year", "so far this year"):
        return ResolvedDate(date(pub.year, 1, 1).isoformat(), "year")
    if s in ("last year", "the previous year", "previous year"):
        return ResolvedDate(date(pub.year - 1, 1, 1).isoformat(), "year")
    m = _RE["ago"].match(s)
    if m:
        n = _num(m.group(1))
        if n is None:
            return None
        unit = UNIT_DAYS[m.group(2)]
        if n * unit > MAX_AGO_DAYS:
            return None  # "1000000 days ago" is no calendar date we can trust
        return ResolvedDate((pub - timedelta(days=n * unit)).isoformat(), "day" if unit == 1 else "week")
    m = _RE["month"].match(s)
    if m:
        month = MONTHS[m.group(1).rstrip(".")]
        year = pub.year if month <= pub.month else pub.year - 1
        if s.startswith("last ") and month >= pub.month:
            year = pub.year - 1
        return ResolvedDate(date(year, month, 1).isoformat(), "month")
    return None


def _absolute(s: str, pub: date | None) -> ResolvedDate | None:
    """Explicit calendar dates: regexes first, dateparser for other full dates."""
    m = _RE["iso"].match(s)
    if m:
        d = _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return ResolvedDate(d.isoformat(), "day") if d else None
    m = _RE["mdy"].match(s)
    if m:
        return _day_month(pub, MONTHS[m.group(2).rstrip(".")], int(m.group(3)), m.group(4))
    m = _RE["dmy"].match(s)
    if m:
        return _day_month(pub, MONTHS[m.group(3).rstrip(".")], int(m.group(2)), m.group(4))
    m = _RE["my"].match(s)
    if m:
        return ResolvedDate(date(int(m.group(2)), MONTHS[m.group(1).rstrip(".")], 1).isoformat(), "month")
    m = _RE["year"].match(s)
    if m:
        return ResolvedDate(f"{m.group(1)}-01-01", "year")
    if _NUMERIC_DATE.match(s):
        return _dateparser(s)
    return None


_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.]\d{1,2}[/.]\d{2,4}$")


@lru_cache(maxsize=4096)
def _dateparser(s: str) -> ResolvedDate | None:
    """Other full dates ("12/31/2019", "31.12.2019"): dateparser, strict, cached."""
    import dateparser

    parsed = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True,
                                                            "PREFER_DAY_OF_MONTH": "first"})
    return ResolvedDate(parsed.date().isoformat(), "day") if parsed else None


def shift(resolved: ResolvedDate, days: int) -> ResolvedDate:
    """A date `days` after (negative: before) another: "two days after the strikes"."""
    return ResolvedDate((resolved.as_date() + timedelta(days=days)).isoformat(), resolved.precision)


_RELATIVE_OFFSET = re.compile(rf"^{_NUM}\s+(days?|weeks?)\s+(after|before|later|earlier)\b", re.IGNORECASE)


def offset_days(expr: str) -> int | None:
    """Signed day offset of an anchored expression: "two days after" -> 2,
    "the day before" -> -1, "a week earlier" -> -7; None when there is none."""
    s = re.sub(r"\s+", " ", expr.lower().strip())
    if s.startswith(("the day before", "a day before", "the previous day", "the eve of")):
        return -1
    if s.startswith(("the day after", "a day after", "the next day", "the following day")):
        return 1
    m = _RELATIVE_OFFSET.match(s)
    if not m:
        return None
    n = _num(m.group(1).lower())
    if n is None:
        return None
    sign = 1 if m.group(3).lower() in ("after", "later") else -1
    return sign * n * UNIT_DAYS[m.group(2).lower()]


_PROBE_DATE = "2000-01-05"  # any publication date will do to test an expression's form


def _resolvable(text: str) -> bool:
    return resolve(text, _PROBE_DATE) is not None or offset_days(text) is not None


def find_date_expressions(sent: Span) -> list[Span]:
    """Time expressions in a sentence worth resolving: spaCy DATE/TIME entities
    (widened to "late"/"on"-style modifiers they leave out) plus weekday,
    "weekend" and "last night" tokens the model misses."""
    doc = sent.doc
    out: list[Span] = []
    taken: set[int] = set()
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start = ent.start
        if start > sent.start and doc[start - 1].lower_ in ("late", "early", "on", "last"):
            start -= 1
        span = doc[start:ent.end]
        if not _resolvable(span.text):
            continue  # "the 1990s", "decades": nothing we can put on a calendar
        out.append(span)
        taken.update(range(span.start, span.end))
    for tok in sent:
        if tok.i in taken:
            continue
        low = tok.lower_
        if low in WEEKDAYS or low in ("weekend", "yesterday", "today", "tonight"):
            start, end = tok.i, tok.i + 1
            if start > sent.start and doc[start - 1].lower_ in ("late", "early", "last", "this", "the"):
                start -= 1
            if end < sent.end and doc[end].lower_ in ("morning", "afternoon", "evening", "night"):
                end += 1
            span = doc[start:end]
            if any(i in taken for i in range(span.start, span.end)):
                continue
            out.append(span)
            taken.update(range(span.start, span.end))
        elif low == "night" and tok.i > sent.start and doc[tok.i - 1].lower_ == "last":
            out.append(doc[tok.i - 1:tok.i + 1])
            taken.update((tok.i - 1, tok.i))
    out.sort(key=lambda s: s.start)
    return out
