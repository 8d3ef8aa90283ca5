"""Schema migrations: a numbered list of functions, each run in its own transaction.

`@migration(n, name)` registers a step; `migrate(engine)` applies the steps
whose number is above the highest row in `schema_version`, each inside one
transaction that also records it, so a failed step leaves the database at the
previous version. A new schema change is a new decorated function at the end
of this file; published steps are never edited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from ..errors import StoreError
from . import schema
from .engine import write_transaction

Step = Callable[[sa.Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Step


MIGRATIONS: list[Migration] = []


def migration(version: int, name: str) -> Callable[[Step], Step]:
    """Register `fn` as schema step `version`; versions must be added in order."""

    def register(fn: Step) -> Step:
        if MIGRATIONS and MIGRATIONS[-1].version >= version:
            raise StoreError(f"migration {version} registered out of order")
        MIGRATIONS.append(Migration(version, name, fn))
        return fn

    return register


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    v = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
    return int(v or 0)


# Any fixed 64-bit key: PostgreSQL advisory lock taken by every migrating process.
_MIGRATION_LOCK = 7_146_221_045


def _serialise(conn: sa.Connection) -> None:
    """Let one process migrate at a time. SQLite's write transaction already holds the
    database lock; on PostgreSQL, workers starting together (Ray actors) would race to
    create the same tables, so they queue on a transaction-scoped advisory lock."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def migrate(engine: sa.Engine) -> int:
    """Bring the database up to the newest schema; returns the version reached."""
    latest = MIGRATIONS[-1].version
    with write_transaction(engine) as conn:
        _serialise(conn)
        schema.schema_version.create(conn, checkfirst=True)
        if current_version(conn) > latest:
            raise StoreError(
                f"database schema {current_version(conn)} is newer than this tidings ({latest})"
            )
    for step in MIGRATIONS:
        with write_transaction(engine) as conn:
            _serialise(conn)
            if step.version <= current_version(conn):
                continue
            step.apply(conn)
            conn.execute(
                schema.schema_version.insert().values(
                    version=step.version,
                    name=step.name,
                    applied_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                )
            )
    return latest


@migration(1, "core tables, rollups and full-text search")
def _v1_core(conn: sa.Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t.name != "schema_version"]
    schema.metadata.create_all(conn, tables=tables)
    if conn.dialect.name == "sqlite":
        # External-content FTS5 index over articles, kept in step by triggers.
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "title, text, content='articles', content_rowid='pk')"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.pk, old.title, old.text); END"
        )
        conn.exec_driver_sql(
            "CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.pk, old.title, old.text); "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END"
        )
    elif conn.dialect.name == "postgresql":
        _pg_newest_first_indexes(conn)
        conn.exec_driver_sql(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        conn.exec_driver_sql("CREATE INDEX ix_articles_tsv ON articles USING GIN (tsv)")
    else:
        raise StoreError(f"unsupported database dialect {conn.dialect.name!r}")


def _pg_newest_first_indexes(conn: sa.Connection) -> None:
    """Rebuild the event indexes that end in `date` as `date DESC NULLS LAST, pk DESC`.

    Lists are ordered newest first with undated events last; SQLite's DESC
    already puts NULLs last, but PostgreSQL's puts them first, so a plain
    (type, date) index cannot give PostgreSQL that order without a sort.
    Index and column names come from our schema, never from input.
    """
    for index in sorted(schema.events.indexes, key=lambda i: str(i.name)):
        cols = [c.name for c in index.columns]
        if cols[-1] != "date":
            continue
        lead = "".join(f'"{c}", ' for c in cols[:-1])
        conn.exec_driver_sql(f'DROP INDEX "{index.name}"')
        conn.exec_driver_sql(
            f'CREATE INDEX "{index.name}" ON events ({lead}"date" DESC NULLS LAST, pk DESC)'
        )
