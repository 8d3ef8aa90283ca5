"""List order: newest first, undated events last, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from tidings.store import EventFilters, open_store
from tidings.store.synthetic import synthetic_results
from tidings.store.testing import PostgresUnavailable, fresh_postgres_db


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "events.db")
    else:
        try:
            url = fresh_postgres_db()
        except PostgresUnavailable as exc:
            pytest.skip(f"PostgreSQL not available: {exc}")
    s = open_store(url)
    yield s
    s.close()


def test_store_order_undated_events_come_last(store):
    results = list(synthetic_results(6, events_per_article=3, seed=81))
    for ev in results[0].events + results[1].events:
        ev.date = None
    store.save(results)
    store.optimize()
    for f in (EventFilters(), EventFilters.parse(type=",".join({e.type for r in results for e in r.events}))):
        dates = [e["date"] for e in store.query_events(f, limit=100).items]
        dated = [d for d in dates if d is not None]
        assert dates == dated + [None] * 6
        assert dated == sorted(dated, reverse=True)
    # undated events count in totals by type but not per day
    assert sum(d["n"] for d in store.counts("type")) == 18
    assert sum(d["n"] for d in store.counts("day")) == 12
