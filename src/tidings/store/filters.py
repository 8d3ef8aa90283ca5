"""Event filters: one validated record shared by the store, the API and exports.

Every value reaches SQL as a bound parameter; nothing here is formatted into
SQL text. Validation failures raise `QueryError` (T040) with a message that
names the offending parameter, which the API returns as a 422.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace
from typing import Any

import sqlalchemy as sa

from ..errors import QueryError
from ..model import MODALITIES, PLOVER_TYPES
from .schema import articles, event_actors, events

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What to select. `country` is the first actor's country (ISO3 or IGO code),
    `place_country` the event location's; list-valued fields accept
    comma-separated values ("PROTEST,ASSAULT")."""

    type: tuple[str, ...] = ()
    mode: str | None = None
    actor: str | None = None  # substring of any actor's or recipient's name or text
    country: tuple[str, ...] = ()
    sector: str | None = None
    recipient_country: tuple[str, ...] = ()
    place_country: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # minlon, minlat, maxlon, maxlat
    q: str | None = None  # full-text query over the articles
    modality: str | None = None
    article_id: str | None = None

    @classmethod
    def parse(cls, **raw: Any) -> EventFilters:
        """Build filters from loose values (query-string strings, lists, None)."""
        known = {f.name for f in fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise QueryError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for name in ("type", "country", "recipient_country", "place_country"):
            items = _split(raw.get(name))
            values[name] = tuple(i.upper() for i in items)
        for t in values["type"]:
            if t not in PLOVER_TYPES:
                raise QueryError(f"type: {t!r} is not a PLOVER event type")
        for name in ("mode", "actor", "sector", "q", "modality", "article_id"):
            v = raw.get(name)
            values[name] = str(v).strip() or None if v is not None else None
        if values["modality"] and values["modality"] not in MODALITIES:
            raise QueryError(f"modality: must be one of {', '.join(MODALITIES)}")
        if values["q"] is not None and not _WORD.search(values["q"]):
            raise QueryError("q: the text query has no words")
        for name in ("date_from", "date_to"):
            values[name] = _date(name, raw.get(name))
        values["bbox"] = _bbox(raw.get("bbox"))
        return cls(**values)

    def is_empty(self) -> bool:
        return self == EventFilters()

    def set_fields(self) -> set[str]:
        """Names of the filters in use (for choosing a rollup table)."""
        empty = EventFilters()
        return {f.name for f in fields(self) if getattr(self, f.name) != getattr(empty, f.name)}

    def without(self, *names: str) -> EventFilters:
        return replace(self, **{n: getattr(EventFilters(), n) for n in names})


def _split(v: Any) -> list[str]:
    if v is None:
        return []
    items = v if isinstance(v, list | tuple) else [v]
    out: list[str] = []
    for item in items:
        out.extend(p.strip() for p in str(item).split(",") if p.strip())
    return out


def _date(name: str, v: Any) -> str | None:
    if v is None or str(v).strip() == "":
        return None
    text = str(v).strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise QueryError(f"{name}: {text!r} is not a date (YYYY-MM-DD)") from None


def _bbox(v: Any) -> tuple[float, float, float, float] | None:
    if v is None or v == "":
        return None
    parts = _split(v)
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise QueryError("bbox: expected minlon,minlat,maxlon,maxlat as four numbers") from None
    if not (-90 <= minlat <= maxlat <= 90 and -180 <= minlon <= 180 and -180 <= maxlon <= 180):
        raise QueryError("bbox: latitudes must be -90..90 (min ≤ max), longitudes -180..180")
    return (minlon, minlat, maxlon, maxlat)


def fts_article_pks(q: str, dialect: str) -> sa.Select[Any]:
    """SELECT of the pks of articles matching `q`. The words of q are ANDed as
    plain terms, so FTS operators in user input cannot cause a syntax error."""
    words = _WORD.findall(q)
    if dialect == "sqlite":
        query = " ".join('"' + w.replace('"', "") + '"' for w in words)
        sub = sa.select(sa.column("rowid")).select_from(sa.table("articles_fts")).where(
            sa.literal_column("articles_fts").op("MATCH")(sa.bindparam("fts_q", query))
        )
    else:
        sub = sa.select(articles.c.pk).where(
            sa.literal_column("articles.tsv").op("@@")(
                sa.func.plainto_tsquery("english", sa.bindparam("fts_q", " ".join(words)))
            )
        )
    return sub


def event_conditions(f: EventFilters, dialect: str, bbox_index: bool = True) -> list[sa.ColumnElement[bool]]:
    """WHERE conditions on the `events` table for `f`.

    `bbox_index=False` hides lat/lon from SQLite's index choice (`lat + 0`), for
    a box with many events: walking the date index newest-first then finds a
    page of them sooner than sorting every event in the box by date."""
    e = events.c
    conds: list[sa.ColumnElement[bool]] = []
    if f.type:
        conds.append(e.type.in_(f.type))
    if f.mode:
        conds.append(e.mode == f.mode)
    if f.country:
        conds.append(e.actor_country.in_(f.country))
    if f.sector:
        conds.append(e.actor_sector == f.sector.upper())
    if f.recipient_country:
        conds.append(e.recipient_country.in_(f.recipient_country))
    if f.place_country:
        conds.append(e.place_country.in_(f.place_country))
    if f.date_from:
        conds.append(e.date >= f.date_from)
    if f.date_to:
        conds.append(e.date <= f.date_to)
    if f.modality:
        conds.append(e.modality == f.modality)
    if f.article_id:
        conds.append(e.article_id == f.article_id)
    if f.bbox:
        minlon, minlat, maxlon, maxlat = f.bbox
        lat, lon = (e.lat, e.lon) if bbox_index or dialect != "sqlite" else (e.lat + 0, e.lon + 0)
        conds.append(lat.between(minlat, maxlat))
        if minlon <= maxlon:
            conds.append(lon.between(minlon, maxlon))
        else:  # box across the antimeridian
            conds.append(sa.or_(lon >= minlon, lon <= maxlon))
    if f.actor:
        a = event_actors.c
        conds.append(
            sa.exists().where(
                a.event_pk == e.pk,
                sa.or_(a.name.icontains(f.actor, autoescape=True), a.text.icontains(f.actor, autoescape=True)),
            )
        )
    if f.q:
        conds.append(e.article_pk.in_(fts_article_pks(f.q, dialect)))
    return conds
