"""`Store`: the one object the CLI, the API, the runner and exports talk to.

Reads return plain dicts shaped like the output contract (plus spans and
article fields where a view needs them), so the API can send them as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..errors import NotFound, QueryError
from ..model import ArticleResult
from . import aggregates
from .engine import make_engine
from .filters import EventFilters, event_conditions, fts_article_pks
from .migrations import migrate
from .schema import articles, events, places, quotes, sentences
from .write import SaveStats, save_results

MAX_PAGE = 1000
# A box holding at least this many events is listed by walking the date index
# rather than the lat/lon index (see filters.event_conditions).
BBOX_SCAN_FROM = 2000

CONTRACT_FIELDS = (
    "id", "article_id", "sentence_index", "sentence", "trigger", "type", "mode", "contexts",
    "cameo", "quad_class", "goldstein", "actors", "recipients", "location", "date", "date_text",
    "date_precision", "fatalities", "injuries", "size", "modality", "confidence",
)
_ARTICLE_LIST_COLS = ("id", "title", "date", "source", "url", "dateline", "language", "n_events", "coded_at")




@dataclass(slots=True)
class Page:
    """One page of a list, with the total number of matches for paging
    (a lower bound when `total_exact` is false, see aggregates.COUNT_CAP)."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)
    total_exact: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "total_exact": self.total_exact, "limit": self.limit,
                "offset": self.offset, "items": self.items}


def event_dict(row: sa.RowMapping, with_spans: bool = False) -> dict[str, Any]:
    """A stored event as the output contract (plus `spans` when asked)."""
    out = {k: row[k] for k in CONTRACT_FIELDS}
    out["contexts"] = out["contexts"] or []
    out["actors"] = out["actors"] or []
    out["recipients"] = out["recipients"] or []
    if with_spans:
        out["spans"] = row["spans"]
    return out


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise QueryError(f"limit: must be between 1 and {MAX_PAGE}")
    if offset < 0:
        raise QueryError("offset: must be 0 or more")


class Store:
    """Events and articles in SQLite or PostgreSQL, behind one schema."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self.schema_version = migrate(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # writing ---------------------------------------------------------------
    def save(self, results: Iterable[ArticleResult], batch_size: int = 500) -> SaveStats:
        """Store coded articles; articles already stored (same content hash) are skipped."""
        return save_results(self.engine, results, batch_size)

    def optimize(self) -> None:
        """Refresh the planner's statistics; call after a large ingest."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("PRAGMA optimize" if self.dialect == "sqlite" else "ANALYZE")

    def has(self, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            stmt = sa.select(articles.c.pk).where(articles.c.content_hash == content_hash)
            return conn.execute(stmt).first() is not None

    def known(self, content_hashes: Iterable[str]) -> set[str]:
        """Which of `content_hashes` are stored: one query per 500 hashes, not one per article
        (a resumed run asks this for every article it reads)."""
        wanted = list(dict.fromkeys(content_hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                stmt = sa.select(articles.c.content_hash).where(articles.c.content_hash.in_(wanted[i : i + 500]))
                found.update(conn.execute(stmt).scalars())
        return found

    # events ----------------------------------------------------------------
    def query_events(self, filters: EventFilters | None = None, limit: int = 50, offset: int = 0) -> Page:
        """Events matching `filters`, newest first (undated last)."""
        f = filters or EventFilters()
        _check_page(limit, offset)
        with self.engine.connect() as conn:
            n, exact = aggregates.total(conn, f)
            stmt = (
                sa.select(events)
                .where(*event_conditions(f, self.dialect, bbox_index=n < BBOX_SCAN_FROM))
                .order_by(events.c.date.desc().nulls_last(), events.c.pk.desc())
                .limit(limit)
                .offset(offset)
            )
            items = [event_dict(r) for r in conn.execute(stmt).mappings()]
            return Page(n, limit, offset, items, total_exact=exact)

    def iter_events(self, filters: EventFilters | None = None, chunk: int = 5000) -> Iterator[dict[str, Any]]:
        """Every matching event (contract + spans + article fields), in stored order, for exports."""
        f = filters or EventFilters()
        conds = event_conditions(f, self.dialect)
        cols = [events, articles.c.title.label("article_title"), articles.c.date.label("article_date"),
                articles.c.source.label("article_source"), articles.c.url.label("article_url"),
                articles.c.language.label("article_language")]
        last = 0
        while True:
            with self.engine.connect() as conn:
                stmt = (
                    sa.select(*cols)
                    .join(articles, articles.c.pk == events.c.article_pk)
                    .where(events.c.pk > last, *conds)
                    .order_by(events.c.pk)
                    .limit(chunk)
                )
                rows = conn.execute(stmt).mappings().all()
            if not rows:
                return
            for r in rows:
                d = event_dict(r, with_spans=True)
                d["article"] = {
                    "title": r["article_title"], "date": r["article_date"], "source": r["article_source"],
                    "url": r["article_url"], "language": r["article_language"],
                }
                yield d
            last = rows[-1]["pk"]

    def get_event(self, event_id: str) -> dict[str, Any]:
        """One event with its spans and its article's title, date and source."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(events).where(events.c.id == event_id)).mappings().first()
            if row is None:
                raise NotFound(f"no event with id {event_id!r}")
            out = event_dict(row, with_spans=True)
            art = conn.execute(
                sa.select(articles.c.id, articles.c.title, articles.c.date, articles.c.source, articles.c.url)
                .where(articles.c.pk == row["article_pk"])
            ).mappings().one()
            out["article"] = dict(art)
            return out

    # articles --------------------------------------------------------------
    def articles(
        self,
        q: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        source: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page:
        """Stored articles (no text), newest first; `q` searches title and text."""
        _check_page(limit, offset)
        f = EventFilters.parse(q=q, date_from=date_from, date_to=date_to)
        a = articles.c
        conds: list[sa.ColumnElement[bool]] = []
        if f.q:
            conds.append(a.pk.in_(fts_article_pks(f.q, self.dialect)))
        if f.date_from:
            conds.append(a.date >= f.date_from)
        if f.date_to:
            conds.append(a.date <= f.date_to)
        if source:
            conds.append(a.source == source)
        cols = [a[c] for c in _ARTICLE_LIST_COLS]
        with self.engine.connect() as conn:
            n = conn.execute(sa.select(sa.func.count()).select_from(articles).where(*conds)).scalar_one()
            stmt = (
                sa.select(*cols).where(*conds)
                .order_by(a.date.desc().nulls_last(), a.pk.desc()).limit(limit).offset(offset)
            )
            items = [dict(r) for r in conn.execute(stmt).mappings()]
        return Page(int(n), limit, offset, items)

    def get_article(self, article_id: str) -> dict[str, Any]:
        """One article with its text, events (with spans), quotes, places and sentences."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
            if row is None:
                raise NotFound(f"no article with id {article_id!r}")
            pk = row["pk"]
            out = {k: row[k] for k in ("id", "content_hash", *_ARTICLE_LIST_COLS[1:], "origin", "text")}
            ev = conn.execute(
                sa.select(events).where(events.c.article_pk == pk).order_by(events.c.sentence_index, events.c.pk)
            ).mappings()
            out["events"] = [event_dict(r, with_spans=True) for r in ev]
            q_cols = [quotes.c[c] for c in ("text", "kind", "speaker", "start", "end", "sentence_index")]
            out["quotes"] = [dict(r) for r in conn.execute(
                sa.select(*q_cols).where(quotes.c.article_pk == pk).order_by(quotes.c.pk)).mappings()]
            p_cols = [places.c[c] for c in ("text", "name", "country", "admin1", "lat", "lon", "geonameid",
                                            "feature", "start", "end")]
            out["places"] = [dict(r) for r in conn.execute(
                sa.select(*p_cols).where(places.c.article_pk == pk).order_by(places.c.pk)).mappings()]
            out["sentences"] = [[r.start, r.end] for r in conn.execute(
                sa.select(sentences.c.start, sentences.c.end).where(sentences.c.article_pk == pk)
                .order_by(sentences.c.idx))]
            return out

    # aggregates ------------------------------------------------------------
    def counts(self, by: str = "day", filters: EventFilters | None = None) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return aggregates.counts(conn, by, filters or EventFilters())

    def dyads(self, filters: EventFilters | None = None, level: str = "name", limit: int = 100) -> list[dict[str, Any]]:
        _check_page(limit, 0)
        with self.engine.connect() as conn:
            return aggregates.dyads(conn, filters or EventFilters(), level, limit)

    def stats(self) -> dict[str, int]:
        """Row counts for the status line of the dashboard."""
        with self.engine.connect() as conn:
            n_articles = conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
            n_events, _ = aggregates.total(conn, EventFilters())
        return {"articles": int(n_articles), "events": int(n_events)}


def open_store(url_or_path: str | Path) -> Store:
    """Open (creating or migrating as needed) the store at a path or database URL."""
    return Store(make_engine(url_or_path))
