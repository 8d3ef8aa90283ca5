"""Several processes opening a fresh PostgreSQL store at once must not race on CREATE TABLE."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tidings.errors import PostgresUnavailable
from tidings.store import open_store
from tidings.store.testing import fresh_postgres_db


@pytest.mark.postgres
def test_store_concurrent_open_migrates_once():
    try:
        pg_url = fresh_postgres_db()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")

    def open_one(_):
        store = open_store(pg_url)
        version = store.schema_version
        store.close()
        return version

    with ThreadPoolExecutor(max_workers=6) as pool:
        versions = list(pool.map(open_one, range(6)))
    assert len(set(versions)) == 1
