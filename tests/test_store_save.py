"""Saving coded articles: idempotence, id clashes, child rows, rollups kept current."""

from __future__ import annotations

import copy
import sqlite3
from collections import Counter

import pytest

from tidings.store import EventFilters, content_hash, open_store
from tidings.store.synthetic import synthetic_results


@pytest.fixture()
def store(tmp_path):
    s = open_store(tmp_path / "events.db")
    yield s
    s.close()


def test_store_save_counts_articles_and_events(store):
    results = list(synthetic_results(30, events_per_article=3, seed=1))
    stats = store.save(results)
    assert stats.articles_added == 30
    assert stats.events_added == 90
    assert stats.articles_skipped == 0
    assert store.stats() == {"articles": 30, "events": 90}


def test_store_save_is_idempotent_by_content_hash(store):
    results = list(synthetic_results(20, events_per_article=2, seed=2))
    store.save(results)
    again = store.save(results)
    assert again.articles_added == 0 and again.articles_skipped == 20 and again.events_added == 0
    assert store.stats()["events"] == 40
    assert all(store.has(content_hash(r)) for r in results)
    assert not store.has("0" * 40)


def test_store_save_skips_duplicates_within_one_batch(store):
    (r,) = synthetic_results(1, seed=3)
    stats = store.save([r, copy.deepcopy(r)])
    assert (stats.articles_added, stats.articles_skipped) == (1, 1)


def test_store_save_uses_given_content_hash(store):
    (r,) = synthetic_results(1, seed=4)
    r.article.meta["content_hash"] = "abc123"
    store.save([r])
    assert store.has("abc123")


def test_store_save_keeps_different_articles_with_the_same_id(store):
    a, b = synthetic_results(2, seed=5)
    b.article.id = a.article.id
    for ev in b.events:
        ev.article_id = a.article.id
    stats = store.save([a])
    stats.add(store.save([b]))
    assert stats.articles_added == 2 and stats.renamed == 1
    renamed = stats.article_id(b)
    assert renamed != a.article.id and renamed.startswith(a.article.id + "~")
    stored = store.get_article(renamed)
    assert stored["text"] == b.article.text
    assert {e["article_id"] for e in stored["events"]} == {renamed}
    assert len({e["id"] for e in stored["events"]} & {e.id for e in a.events}) == 0


def test_store_save_writes_actor_place_quote_and_sentence_rows(store, tmp_path):
    results = list(synthetic_results(5, events_per_article=4, seed=6))
    store.save(results)
    db = sqlite3.connect(tmp_path / "events.db")
    n_actors = sum(len(e.actors) + len(e.recipients) for r in results for e in r.events)
    assert db.execute("select count(*) from event_actors").fetchone()[0] == n_actors
    assert db.execute("select count(*) from places").fetchone()[0] == sum(len(r.places) for r in results)
    assert db.execute("select count(*) from quotes").fetchone()[0] == sum(len(r.quotes) for r in results)
    assert db.execute("select count(*) from sentences").fetchone()[0] == sum(len(r.sentences) for r in results)


def test_store_rollups_equal_a_group_by_over_events(store, tmp_path):
    results = list(synthetic_results(60, events_per_article=5, seed=7, days=40))
    # some undated events too: they count in totals by type, not by day
    for ev in results[0].events:
        ev.date = None
    for i in range(0, 60, 20):
        store.save(results[i : i + 20])
    db = sqlite3.connect(tmp_path / "events.db")
    by_type = dict(db.execute("select type, count(*) from events group by type").fetchall())
    rolled = dict(db.execute("select type, sum(n) from daily_type_counts group by type").fetchall())
    assert rolled == by_type
    by_day = Counter(e.date for r in results for e in r.events if e.date)
    assert {d["key"]: d["n"] for d in store.counts("day")} == dict(by_day)
    assert sum(d["n"] for d in store.counts("type")) == 300


def test_store_sqlite_file_is_plain_wal_sqlite(store, tmp_path):
    store.save(synthetic_results(3, seed=8))
    db = sqlite3.connect(tmp_path / "events.db")
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    assert {"articles", "events", "event_actors", "places", "quotes", "sentences",
            "daily_type_counts", "daily_country_counts", "schema_version", "articles_fts"} <= tables
    # JSON columns are plain JSON text that sqlite's json functions can read
    country = db.execute("select json_extract(actors, '$[0].country') from events limit 1").fetchone()[0]
    assert len(country) == 3


def test_store_query_after_save_sees_new_events(store):
    first = list(synthetic_results(4, seed=9))
    store.save(first)
    before = store.query_events(EventFilters(), limit=1).total
    store.save(synthetic_results(2, seed=10, start="2030-01-01", days=5))
    page = store.query_events(EventFilters(), limit=1)
    assert page.total == before + 20
    assert page.items[0]["date"] >= "2030-01-01"


def test_store_save_known_answers_for_many_hashes_at_once(store):
    results = list(synthetic_results(12, seed=5))
    store.save(results[:7])
    hashes = [content_hash(r) for r in results] * 100  # repeats, and more than one IN list
    assert store.known(hashes) == {content_hash(r) for r in results[:7]}
    assert store.known([]) == set()
