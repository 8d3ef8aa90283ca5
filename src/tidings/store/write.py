"""Saving coded articles: rows from `ArticleResult`s, one transaction per batch.

An article's identity is its content hash (`Article.meta["content_hash"]`, or
the sha1 of its text), so saving the same article twice is a no-op and a
backfill can be re-run safely. Two different articles that arrive with the
same id (two JSONL files that both number their records from 1) are both
kept: the later one's article and event ids get a `~<hash8>` suffix.
Rollup tables are updated in the same transaction as the events they count.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ..model import Actor, ArticleResult, Event, Place, Quote
from .engine import write_transaction
from .schema import (
    articles,
    daily_country_counts,
    daily_type_counts,
    dyad_counts,
    event_actors,
    events,
    places,
    quotes,
    sentences,
)


@dataclass(slots=True)
class SaveStats:
    """What one `Store.save` call did."""

    articles_added: int = 0
    articles_skipped: int = 0  # already stored (same content hash)
    events_added: int = 0
    renamed: int = 0  # articles stored under a suffixed id because the id was taken
    ids: dict[str, str] = field(default_factory=dict)  # content hash -> stored article id

    def article_id(self, result: ArticleResult) -> str:
        """The id under which `result`'s article is stored (new or already there)."""
        return self.ids[content_hash(result)]

    def add(self, other: SaveStats) -> None:
        self.articles_added += other.articles_added
        self.articles_skipped += other.articles_skipped
        self.events_added += other.events_added
        self.renamed += other.renamed
        self.ids.update(other.ids)

    def to_dict(self) -> dict[str, int]:
        return {
            "articles_added": self.articles_added,
            "articles_skipped": self.articles_skipped,
            "events_added": self.events_added,
            "renamed": self.renamed,
        }


def content_hash(result: ArticleResult) -> str:
    """The article's identity: the ingest's content hash, else sha1 of its text."""
    given = result.article.meta.get("content_hash")
    if given:
        return str(given)
    return hashlib.sha1(result.article.text.encode("utf-8")).hexdigest()


def save_results(engine: sa.Engine, results: Iterable[ArticleResult], batch_size: int = 500) -> SaveStats:
    total = SaveStats()
    it = iter(results)
    while batch := list(islice(it, batch_size)):
        with write_transaction(engine) as conn:
            total.add(_save_batch(conn, batch))
    return total


def _save_batch(conn: sa.Connection, batch: list[ArticleResult]) -> SaveStats:
    stats = SaveStats()
    keyed: dict[str, ArticleResult] = {}
    for r in batch:
        h = content_hash(r)
        if h in keyed:
            stats.articles_skipped += 1
        else:
            keyed[h] = r
    found = conn.execute(
        sa.select(articles.c.content_hash, articles.c.id).where(articles.c.content_hash.in_(list(keyed)))
    ).all()
    stored = {h for h, _ in found}
    stats.ids.update((h, i) for h, i in found)
    stats.articles_skipped += len(stored)
    new = [(h, r) for h, r in keyed.items() if h not in stored]
    if not new:
        return stats
    ids = _assign_ids(conn, new)
    stats.ids.update((h, ids[h][0]) for h, _ in new)
    stats.renamed = sum(1 for (h, r) in new if ids[h][0] != r.article.id)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    article_rows = [_article_row(r, h, ids[h][0], now) for h, r in new]
    pks = _insert(conn, articles, article_rows, assign_pk=True)

    event_rows: list[dict[str, Any]] = []
    event_objs: list[Event] = []
    place_rows: list[dict[str, Any]] = []
    quote_rows: list[dict[str, Any]] = []
    sentence_rows: list[dict[str, Any]] = []
    for (h, r), pk in zip(new, pks, strict=True):
        article_id, suffix = ids[h]
        for ev in r.events:
            event_rows.append(_event_row(ev, pk, article_id, suffix))
            event_objs.append(ev)
        place_rows.extend(_place_row(p, pk) for p in r.places)
        quote_rows.extend(_quote_row(q, pk) for q in r.quotes)
        sentence_rows.extend(
            {"article_pk": pk, "idx": i, "start": s, "end": e} for i, (s, e) in enumerate(r.sentences)
        )
    if event_rows:
        event_pks = _insert(conn, events, event_rows, assign_pk=True)
        actor_rows = [row for ev, epk in zip(event_objs, event_pks, strict=True) for row in _actor_rows(ev, epk)]
        _insert(conn, event_actors, actor_rows)
        _bump_rollups(conn, event_rows)
    _insert(conn, places, place_rows, assign_pk=True)
    _insert(conn, quotes, quote_rows, assign_pk=True)
    _insert(conn, sentences, sentence_rows)
    stats.articles_added = len(new)
    stats.events_added = len(event_rows)
    return stats


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]], assign_pk: bool = False) -> list[int]:
    """Bulk-insert `rows`; with `assign_pk`, give them new primary keys first and return those.

    Keys are handed out before inserting so that one plain bulk statement can
    be used: on SQLite from max(pk) (safe, the write transaction holds the
    database's only write lock), on PostgreSQL from the table's sequence. Then
    SQLite gets one executemany and PostgreSQL a COPY, both far faster than
    INSERT ... RETURNING over many-row VALUES lists.
    """
    if not rows:
        return []
    pks: list[int] = []
    if assign_pk:
        pks = _new_pks(conn, table, len(rows))
        for row, pk in zip(rows, pks, strict=True):
            row["pk"] = pk
    if conn.dialect.name == "postgresql":
        _copy(conn, table, rows)
    else:
        conn.execute(table.insert(), rows)
    return pks


def _new_pks(conn: sa.Connection, table: sa.Table, n: int) -> list[int]:
    if conn.dialect.name == "postgresql":
        seq = sa.func.nextval(sa.func.pg_get_serial_sequence(table.name, "pk"))
        stmt = sa.select(seq).select_from(sa.func.generate_series(1, n))
        return list(conn.execute(stmt).scalars())
    top = conn.execute(sa.select(sa.func.coalesce(sa.func.max(table.c.pk), 0))).scalar_one()
    return list(range(int(top) + 1, int(top) + 1 + n))


def _copy(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL COPY of `rows`; JSON columns are sent as JSON text."""
    cols = [c.name for c in table.columns if c.name in rows[0]]
    json_cols = {c.name for c in table.columns if isinstance(c.type, sa.JSON)}
    names = ", ".join(f'"{c}"' for c in cols)  # names come from our schema, not from input
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(
                [orjson.dumps(row[c]).decode() if c in json_cols and row[c] is not None else row[c] for c in cols]
            )


def _assign_ids(conn: sa.Connection, new: list[tuple[str, ArticleResult]]) -> dict[str, tuple[str, str]]:
    """content hash -> (stored article id, suffix for its event ids: "" or "~hash8")."""
    wanted_articles = [r.article.id for _, r in new]
    wanted_events = [ev.id for _, r in new for ev in r.events]
    taken_articles = set(conn.execute(sa.select(articles.c.id).where(articles.c.id.in_(wanted_articles))).scalars())
    taken_events: set[str] = set()
    for chunk in _chunks(wanted_events, 5000):
        taken_events.update(conn.execute(sa.select(events.c.id).where(events.c.id.in_(chunk))).scalars())
    out: dict[str, tuple[str, str]] = {}
    seen_articles: set[str] = set()
    seen_events: set[str] = set()
    for h, r in new:
        ev_ids = [ev.id for ev in r.events]
        clash = (
            r.article.id in taken_articles
            or r.article.id in seen_articles
            or any(i in taken_events or i in seen_events for i in ev_ids)
        )
        suffix = f"~{h[:8]}" if clash else ""
        aid = r.article.id + suffix
        out[h] = (aid, suffix)
        seen_articles.add(aid)
        seen_events.update(i + suffix for i in ev_ids)
    return out


def _chunks(items: list[str], n: int) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _article_row(r: ArticleResult, h: str, article_id: str, now: str) -> dict[str, Any]:
    a = r.article
    return {
        "id": article_id,
        "content_hash": h,
        "title": a.title,
        "date": a.date,
        "url": a.url,
        "source": a.source,
        "dateline": a.dateline,
        "origin": a.origin,
        "text": a.text,
        "language": a.language,
        "n_events": len(r.events),
        "coded_at": now,
    }


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def _event_row(ev: Event, article_pk: int, article_id: str, suffix: str) -> dict[str, Any]:
    c = ev.to_contract()
    actor, recipient, loc = _first(ev.actors), _first(ev.recipients), ev.location
    return {
        "id": ev.id + suffix,
        "article_pk": article_pk,
        "article_id": article_id,
        "sentence_index": ev.sentence_index,
        "sentence": ev.sentence,
        "trigger": ev.trigger,
        "type": ev.type,
        "mode": ev.mode,
        "contexts": c["contexts"],
        "cameo": ev.cameo,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "actors": c["actors"],
        "recipients": c["recipients"],
        "location": c["location"],
        "actor_name": (actor.name or actor.text) if actor else None,
        "actor_country": actor.country if actor else None,
        "actor_sector": actor.sector if actor else None,
        "recipient_name": (recipient.name or recipient.text) if recipient else None,
        "recipient_country": recipient.country if recipient else None,
        "recipient_sector": recipient.sector if recipient else None,
        "place_name": (loc.name or loc.text) if loc else None,
        "place_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "date": ev.date,
        "date_text": ev.date_text,
        "date_precision": ev.date_precision,
        "fatalities": ev.fatalities,
        "injuries": ev.injuries,
        "size": ev.size,
        "modality": ev.modality,
        "confidence": c["confidence"],
        "spans": ev.spans(),
    }


def _actor_rows(ev: Event, event_pk: int) -> Iterator[dict[str, Any]]:
    for role, group in (("actor", ev.actors), ("recipient", ev.recipients)):
        for i, a in enumerate(group):
            yield {
                "event_pk": event_pk,
                "role": role,
                "position": i,
                "text": a.text,
                "name": a.name,
                "country": a.country,
                "sector": a.sector,
                "wikidata": a.wikidata,
            }


def _place_row(p: Place, article_pk: int) -> dict[str, Any]:
    return {"article_pk": article_pk, **p.contract(), "start": p.start, "end": p.end}


def _quote_row(q: Quote, article_pk: int) -> dict[str, Any]:
    return {
        "article_pk": article_pk,
        "text": q.text,
        "kind": q.kind,
        "speaker_name": (q.speaker.name or q.speaker.text) if q.speaker else None,
        "speaker_country": q.speaker.country if q.speaker else None,
        "speaker": q.speaker.contract() if q.speaker else None,
        "start": q.start,
        "end": q.end,
        "sentence_index": q.sentence_index,
    }


def _bump_rollups(conn: sa.Connection, event_rows: list[dict[str, Any]]) -> None:
    by_type = Counter((r["date"] or "", r["type"]) for r in event_rows)
    by_country = Counter((r["date"] or "", r["actor_country"] or "") for r in event_rows)
    dyads = Counter(
        (r["actor_name"] or "", r["actor_country"] or "", r["recipient_name"] or "", r["recipient_country"] or "")
        for r in event_rows
    )
    _upsert_counts(conn, daily_type_counts, ("day", "type"), by_type)
    _upsert_counts(conn, daily_country_counts, ("day", "country"), by_country)
    _upsert_counts(conn, dyad_counts, ("actor_name", "actor_country", "recipient_name", "recipient_country"), dyads)


def _upsert_counts(conn: sa.Connection, table: sa.Table, keys: tuple[str, ...], counts: Counter[tuple[str, ...]]) -> None:
    dialect_insert = sqlite.insert if conn.dialect.name == "sqlite" else postgresql.insert
    stmt = dialect_insert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c[k] for k in keys],
        set_={"n": table.c.n + stmt.excluded.n},
    )
    # rows in key order: concurrent writers (Ray actors on PostgreSQL) then take the rollup
    # rows' locks in one order and cannot deadlock on them
    conn.execute(stmt, [{**dict(zip(keys, key, strict=True)), "n": n} for key, n in sorted(counts.items())])
