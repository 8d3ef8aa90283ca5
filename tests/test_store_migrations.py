"""Migrations: applied once, recorded in schema_version, refused when the file is newer."""

from __future__ import annotations

import sqlite3

import pytest

from tidings.errors import StoreError
from tidings.store import open_store
from tidings.store.engine import database_url
from tidings.store.migrations import MIGRATIONS


def test_store_migrations_recorded_once(tmp_path):
    path = tmp_path / "m.db"
    open_store(path).close()
    open_store(path).close()
    rows = sqlite3.connect(path).execute("select version from schema_version").fetchall()
    assert [r[0] for r in rows] == [m.version for m in MIGRATIONS]


def test_store_migrations_refuse_a_newer_database(tmp_path):
    path = tmp_path / "m.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute("insert into schema_version values (999, 'from the future', '2099-01-01')")
    db.commit()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_store_database_url_forms(tmp_path):
    assert database_url(tmp_path / "x.db").get_backend_name() == "sqlite"
    assert database_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(StoreError):
        database_url("mysql://u@h/db")
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing-folder" / "x.db")
