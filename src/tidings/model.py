"""Records that flow along the pipeline: Article in, Event / Quote / Toponym out.

Plain dataclasses (no behaviour beyond serialisation) so that every stage can
build them without importing any other stage. Character offsets (`start`,
`end`) always point into `Article.text` exactly as it was given to the coder,
so users can highlight spans in the original text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")


@dataclass(slots=True)
class Paragraph:
    """A kept block of the article text: [start, end) offsets into Article.text."""

    start: int
    end: int
    kind: str = "body"  # body | caption | title


@dataclass(slots=True)
class Article:
    """One news article as ingested. `text` is the article text as given (or as
    extracted from HTML); `paragraphs` are the parts of it worth coding, with
    page furniture (share lines, newsletter blurbs, photo credits) left out."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date YYYY-MM-DD
    date_source: str | None = None  # metadata | dateline | text | option | record
    url: str | None = None
    source: str | None = None  # agency / outlet credit: AFP, Reuters, AP...
    dateline: str | None = None  # place named in the dateline ("BAGHDAD")
    origin: str | None = None  # path / URL / stream the article came from
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Actor:
    """An actor as the output contract describes it, plus its span."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO3 or IGO/NGO/... as PLOVER
    sector: str | None = None  # PLOVER sector code
    wikidata: str | None = None
    start: int | None = None
    end: int | None = None
    why: str | None = None  # how it was resolved (dictionary entry, rule)

    def contract(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
        }


@dataclass(slots=True)
class Place:
    """A toponym resolved to a GeoNames-style record."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # GeoNames feature code: PPLC, PPL, ADM1, PCLI...
    start: int | None = None
    end: int | None = None

    def contract(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
        }


@dataclass(slots=True)
class Event:
    """One coded event; `to_contract()` gives exactly the output contract."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    trigger: str
    type: str
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    location: Place | None = None
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    size: int | None = None
    modality: str = "asserted"
    confidence: float = 0.5
    # spans into Article.text, for highlighting and auditing
    sentence_start: int | None = None
    sentence_end: int | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    date_start: int | None = None
    date_end: int | None = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": self.trigger,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "actors": [a.contract() for a in self.actors],
            "recipients": [a.contract() for a in self.recipients],
            "location": self.location.contract() if self.location else None,
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "fatalities": self.fatalities,
            "injuries": self.injuries,
            "size": self.size,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_contract(cls, d: dict[str, Any]) -> "Event":
        """Rebuild an Event from a contract dict (as stored or as printed by `code`)."""
        actor_keys = ("text", "name", "country", "sector", "wikidata")
        place_keys = ("text", "name", "country", "admin1", "lat", "lon", "geonameid", "feature")
        loc = d.get("location")
        return cls(
            **{k: d.get(k) for k in (
                "id", "article_id", "sentence_index", "sentence", "trigger", "type", "mode",
                "cameo", "quad_class", "goldstein", "date", "date_text", "date_precision",
                "fatalities", "injuries", "size",
            )},
            contexts=list(d.get("contexts") or []),
            actors=[Actor(**{k: a.get(k) for k in actor_keys}) for a in d.get("actors") or []],
            recipients=[Actor(**{k: a.get(k) for k in actor_keys}) for a in d.get("recipients") or []],
            location=Place(**{k: loc.get(k) for k in place_keys}) if loc else None,
            modality=d.get("modality") or "asserted",
            confidence=d.get("confidence") or 0.0,
        )

    def spans(self) -> dict[str, Any]:
        """Argument spans (offsets into Article.text) for the article view."""
        return {
            "sentence": [self.sentence_start, self.sentence_end],
            "trigger": [self.trigger_start, self.trigger_end],
            "date": [self.date_start, self.date_end],
            "actors": [[a.start, a.end] for a in self.actors],
            "recipients": [[a.start, a.end] for a in self.recipients],
            "location": [self.location.start, self.location.end] if self.location else None,
        }


@dataclass(slots=True)
class Quote:
    """A direct or indirect quotation with its speaker."""

    article_id: str
    text: str
    kind: str  # direct | indirect | statement
    speaker: Actor | None = None
    start: int | None = None
    end: int | None = None
    sentence_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker.contract() if self.speaker else None,
            "start": self.start,
            "end": self.end,
            "sentence_index": self.sentence_index,
        }


@dataclass(slots=True)
class ArticleResult:
    """Everything the coder found in one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # offsets
