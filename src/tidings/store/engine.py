"""Turning `--db` values into SQLAlchemy engines with the right connection settings.

A bare path or a `sqlite:///` URL gives SQLite in WAL mode, so one writer (a
batch ingest) and many readers (the server) can use the file at once; write
transactions start with `BEGIN IMMEDIATE` so that a writer waits for the lock
(`busy_timeout`) instead of failing half-way with SQLITE_BUSY.
`postgresql://` URLs use psycopg 3.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa

from ..errors import StoreError

BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "tidings_write"


def database_url(url_or_path: str | Path) -> sa.URL:
    """The SQLAlchemy URL for a `--db` value (a file path or a database URL)."""
    text = str(url_or_path)
    if "://" not in text:
        path = Path(text).expanduser().resolve()
        if not path.parent.is_dir():
            raise StoreError(f"folder for database {path} does not exist")
        return sa.URL.create("sqlite", database=str(path))
    url = sa.make_url(text)
    backend = url.get_backend_name()
    if backend == "sqlite":
        return url.set(drivername="sqlite")
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    raise StoreError(f"unsupported database URL scheme {url.drivername!r}: use a path or postgresql://")


def make_engine(url_or_path: str | Path) -> sa.Engine:
    url = database_url(url_or_path)
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise StoreError("an in-memory SQLite store cannot be shared: give a file path")
        engine = sa.create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, json_serializer=_json_dumps
        )
        _configure_sqlite(engine)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, json_serializer=_json_dumps)


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def _configure_sqlite(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below emit BEGIN itself.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One write transaction: takes SQLite's write lock up front, commits on success."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn
