"""Article metadata found in the text: dateline, agency credit, publication date.

Wire copy states where and when it was filed and by whom in its first words
("BAGHDAD, Dec 31, 2019 (AFP) -", "WASHINGTON (Reuters) -"). The dateline place
anchors geoparsing and the date anchors every relative date ("Tuesday"), so
both are worth finding even when the caller gave no metadata. Agency names
come from `data/ingest/agencies.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..errors import DataFileError
from ..paths import data_dir
from .dates import DATE_RE, DAY_MONTH_RE, MONTH_RE, WEEKDAY_RE, from_match, day_month

_CAPS_PLACE = r"[A-Z][A-Z'’.\-/]+(?:\s+[A-Z][A-Z'’.\-/]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){0,2}"
_REGION = r"[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2}"
_DAY_MONTH = rf"(?i:(?:{WEEKDAY_RE}\.?,?[ \t]+)?(?:{MONTH_RE}\.?[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{MONTH_RE}\.?)(?:,?[ \t]+\d{{4}})?)"
# Words that open a paragraph in capitals without being a place.
_NOT_PLACES = frozenset(
    "UPDATE UPDATED BREAKING EXCLUSIVE ANALYSIS WATCH PHOTOS PHOTO VIDEO OPINION EDITORIAL "
    "LIVE FACTBOX EXPLAINER INSIGHT COLUMN NOTE URGENT FLASH CORRECTED REFILE CORRECTION "
    "NEWS REVIEW INTERVIEW COMMENT FEATURE SPECIAL REPORT BULLETIN ALERT WARNING EDITOR".split()
)
_TEXT_DATE_WINDOW = 300
_DATE_LINE_MAX = 100
_DATE_CUE = re.compile(r"\b(published|posted|updated|date[d]?|filed)\b[^\n]{0,30}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Agencies:
    """Alias -> canonical agency name, and one regex over all aliases."""

    names: dict[str, str]
    regex: re.Pattern[str]

    def find(self, text: str) -> str | None:
        m = self.regex.search(text)
        return self.names[m.group(1)] if m else None


@lru_cache(maxsize=1)
def agencies() -> Agencies:
    """Load and validate data/ingest/agencies.yaml once per process."""
    path = data_dir("ingest", "agencies.yaml")
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read agencies: {exc}") from exc
    entries = doc.get("agencies") if isinstance(doc, dict) else None
    if not isinstance(entries, list) or not entries:
        raise DataFileError(f"{path}: expected a non-empty 'agencies' list")
    names: dict[str, str] = {}
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else None
        aliases = entry.get("aliases") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name or not isinstance(aliases, list) or not aliases:
            raise DataFileError(f"{path}: agency entry needs a name and aliases: {entry!r}")
        for alias in aliases:
            if not isinstance(alias, str) or not alias.strip():
                raise DataFileError(f"{path}: agency {name!r} has an empty alias")
            names[alias] = name
    alternation = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return Agencies(names, re.compile(rf"(?<![\w-])({alternation})(?![\w-])"))


@lru_cache(maxsize=1)
def _dateline_re() -> re.Pattern[str]:
    alternation = "|".join(re.escape(a) for a in sorted(agencies().names, key=len, reverse=True))
    return re.compile(
        rf"""(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})
        (?:,\s*(?!(?i:{MONTH_RE}|{WEEKDAY_RE})\b)(?P<region>{_REGION}))?
        (?:,?\s*(?P<date>{_DAY_MONTH}))?
        \s*(?:\((?P<agency>{alternation})\))?
        (?P<dash>\s*(?:--|[-–—:])(?=\s))?\s*""",
        re.VERBOSE,
    )


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at a paragraph start; `end` is where the story text begins."""

    start: int
    end: int
    place: str
    region: str | None
    agency: str | None
    date: str | None


def _place_name(raw: str) -> str:
    """'BAGHDAD' -> 'Baghdad', 'NEW YORK' -> 'New York'; title case kept as is."""
    return raw.title() if raw.isupper() else raw


def find_dateline(text: str, start: int, end: int, reference: str | None) -> Dateline | None:
    """A dateline opening text[start:end], or None when the paragraph has none.

    `reference` (YYYY-MM-DD) supplies the year when the dateline gives none.
    """
    m = _dateline_re().match(text, start, end)
    if not m:
        return None
    place, agency, dash = m.group("place"), m.group("agency"), m.group("dash")
    caps = place.isupper()
    if not agency and not (caps and dash):
        return None
    words = place.replace("/", " ").split()
    if caps and (place in agencies().names or any(w in _NOT_PLACES for w in words)):
        return None
    if sum(c.isalpha() for c in place) < 3 or m.end() >= end:
        return None
    when = None
    if m.group("date"):
        dm = DAY_MONTH_RE.fullmatch(m.group("date"))
        when = day_month(dm, reference) if dm else None
    region = m.group("region")
    return Dateline(
        start=start,
        end=m.end(),
        place=_place_name(place.split("/")[0].strip()),
        region=_place_name(region) if region else None,
        agency=agencies().names[agency] if agency else None,
        date=when,
    )


def find_text_date(text: str) -> str | None:
    """An explicit date near the top: on a short line, or after "Published"/"Updated"."""
    window = text[:_TEXT_DATE_WINDOW]
    for m in DATE_RE.finditer(window):
        line_start = window.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        cue = _DATE_CUE.search(window, max(line_start, m.start() - 40), m.start())
        if line_end - line_start <= _DATE_LINE_MAX or cue:
            found = from_match(m)
            if found:
                return found
    return None


@lru_cache(maxsize=1)
def _trailing_credit_re() -> re.Pattern[str]:
    alternation = "|".join(re.escape(a) for a in sorted(agencies().names, key=len, reverse=True))
    return re.compile(rf"(?:\(({alternation})\)|(?:--|[-–—])\s*({alternation}))\W*$")


def trailing_agency(paragraph: str) -> str | None:
    """Agency credited at the end of the story text ("... said. (AFP)", "-- Reuters")."""
    m = _trailing_credit_re().search(paragraph, max(0, len(paragraph) - 80))
    return agencies().names[m.group(1) or m.group(2)] if m else None
