"""Read endpoints: events, articles, aggregates, exports. Thin over `tidings.store`.

Handlers are plain `def`s: FastAPI runs them in its thread pool, which suits
the synchronous SQLAlchemy engine behind them.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from ..store import EXPORT_FORMATS, EventFilters, Store, export_stream
from ..store.aggregates import COUNT_BY
from ..store.store import MAX_PAGE

router = APIRouter(prefix="/api")


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def event_filters(
    type: str | None = Query(None, description="PLOVER event type(s), comma-separated: PROTEST,ASSAULT"),
    mode: str | None = Query(None, description="PLOVER mode, e.g. riot"),
    actor: str | None = Query(None, description="substring of any actor's or recipient's name or text"),
    country: str | None = Query(None, description="first actor's country (ISO3 / IGO code), comma-separated"),
    sector: str | None = Query(None, description="first actor's sector (GOV, MIL, REB...)"),
    recipient_country: str | None = Query(None, description="first recipient's country, comma-separated"),
    place_country: str | None = Query(None, description="country of the event location, comma-separated"),
    date_from: str | None = Query(None, description="first event date, YYYY-MM-DD"),
    date_to: str | None = Query(None, description="last event date, YYYY-MM-DD"),
    bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat"),
    q: str | None = Query(None, description="full-text search over the articles"),
    modality: str | None = Query(None, description="asserted | negated | hypothetical | future"),
    article_id: str | None = Query(None, description="events of one article"),
) -> EventFilters:
    return EventFilters.parse(
        type=type, mode=mode, actor=actor, country=country, sector=sector,
        recipient_country=recipient_country, place_country=place_country, date_from=date_from,
        date_to=date_to, bbox=bbox, q=q, modality=modality, article_id=article_id,
    )


# Databases count rows in 64-bit integers: a larger offset is a client's error (422),
# not an overflow inside the query (500).
MAX_OFFSET = 2**62

Filters = Depends(event_filters)
StoreDep = Depends(get_store)


@router.get("/events", summary="Events matching the filters, newest first, paged")
def list_events(
    f: EventFilters = Filters,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    store: Store = StoreDep,
) -> dict[str, Any]:
    return store.query_events(f, limit=limit, offset=offset).to_dict()


@router.get("/events/{event_id}", summary="One event with its sentence, trigger and argument spans")
def get_event(event_id: str, store: Store = StoreDep) -> dict[str, Any]:
    return store.get_event(event_id)


@router.get("/articles", summary="Stored articles (without text), newest first, paged")
def list_articles(
    q: str | None = Query(None, description="full-text search over title and text"),
    date_from: str | None = Query(None),
    date_to: str | None = Query(None),
    source: str | None = Query(None, description="agency / outlet, e.g. AFP"),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    store: Store = StoreDep,
) -> dict[str, Any]:
    return store.articles(q=q, date_from=date_from, date_to=date_to, source=source, limit=limit, offset=offset).to_dict()


@router.get("/articles/{article_id}", summary="One article with text, events, spans, quotes and places")
def get_article(article_id: str, store: Store = StoreDep) -> dict[str, Any]:
    return store.get_article(article_id)


@router.get("/aggregates/counts", summary="Event counts per day, week, month, type or actor country")
def counts(
    by: str = Query("day", description=" | ".join(COUNT_BY)),
    f: EventFilters = Filters,
    store: Store = StoreDep,
) -> dict[str, Any]:
    return {"by": by, "items": store.counts(by, f)}


@router.get("/aggregates/dyads", summary="Most frequent actor → recipient pairs")
def dyads(
    level: str = Query("name", description="name | country"),
    limit: int = Query(100, ge=1, le=MAX_PAGE),
    f: EventFilters = Filters,
    store: Store = StoreDep,
) -> dict[str, Any]:
    return {"level": level, "items": store.dyads(f, level=level, limit=limit)}


@router.get("/stats", summary="Numbers of stored articles and events")
def stats(store: Store = StoreDep) -> dict[str, Any]:
    return {**store.stats(), "schema_version": store.schema_version, "database": store.dialect}


@router.get("/export", summary="All matching events as a download (streamed)")
def export(
    format: str = Query("csv", description=" | ".join(EXPORT_FORMATS)),
    f: EventFilters = Filters,
    store: Store = StoreDep,
) -> StreamingResponse:
    chunks = export_stream(store, format, f)  # validates `format` before streaming starts
    media_type, ext = EXPORT_FORMATS[format]
    name = f"tidings-events-{format}.{ext}"
    return StreamingResponse(
        chunks, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
