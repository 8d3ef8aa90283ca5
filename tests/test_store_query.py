"""Event queries, aggregates and dyads, on SQLite and on a real PostgreSQL.

Expected answers are computed in Python from the same synthetic records, so
each filter is checked against an independent implementation of its meaning.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from tidings.errors import QueryError
from tidings.store import EventFilters, NotFound, open_store
from tidings.store.synthetic import synthetic_results
from tidings.store.testing import PostgresUnavailable, fresh_postgres_db

RESULTS = list(synthetic_results(120, events_per_article=4, seed=11, start="2020-01-01", days=120))
EVENTS = [e for r in RESULTS for e in r.events]


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path_factory):
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("db") / "events.db")
    else:
        try:
            url = fresh_postgres_db()
        except PostgresUnavailable as exc:
            pytest.skip(f"PostgreSQL not available: {exc}")
    s = open_store(url)
    s.save(RESULTS, batch_size=50)
    yield s
    s.close()


def ids(page):
    return {e["id"] for e in page.items}


def expect(pred):
    return {e.id for e in EVENTS if pred(e)}


def query_all(store, **filters):
    page = store.query_events(EventFilters.parse(**filters), limit=1000)
    assert page.total == len(page.items)
    return page


def test_store_query_by_type_and_country(store):
    page = query_all(store, type="PROTEST,ASSAULT", country="irq")
    want = expect(lambda e: e.type in ("PROTEST", "ASSAULT") and e.actors[0].country == "IRQ")
    assert want and ids(page) == want


def test_store_query_by_recipient_country_and_sector(store):
    page = query_all(store, recipient_country="USA", sector="MIL")
    assert ids(page) == expect(lambda e: e.recipients[0].country == "USA" and e.actors[0].sector == "MIL")


def test_store_query_actor_substring_matches_any_actor_case_insensitively(store):
    page = query_all(store, actor="hezBOLLAH")
    want = expect(lambda e: any("hezbollah" in a.name.lower() for a in e.actors + e.recipients))
    assert want and ids(page) == want


def test_store_query_actor_treats_like_wildcards_literally(store):
    assert query_all(store, actor="%").total == 0
    assert query_all(store, actor="_").total == 0


def test_store_query_date_range_is_inclusive(store):
    page = query_all(store, date_from="2020-02-01", date_to="2020-02-10")
    assert ids(page) == expect(lambda e: "2020-02-01" <= e.date <= "2020-02-10")


def test_store_query_bbox(store):
    page = query_all(store, bbox="40,30,55,40")  # Baghdad and Tehran, not Gaza
    want = expect(lambda e: 30 <= e.location.lat <= 40 and 40 <= e.location.lon <= 55)
    assert want and ids(page) == want


def test_store_query_bbox_across_the_antimeridian(store):
    page = query_all(store, bbox="100,-90,-100,90")  # Beijing side round to Washington side
    want = expect(lambda e: e.location.lon >= 100 or e.location.lon <= -100)
    assert want and ids(page) == want


def test_store_query_full_text_over_articles(store):
    page = query_all(store, q="Maiduguri")
    want = {e.id for r in RESULTS if "Maiduguri" in r.article.text for e in r.events}
    assert want and ids(page) == want


def test_store_query_full_text_ignores_search_operators(store):
    # quotes, stars and NEAR would be FTS syntax; they must not cause an error
    page = store.query_events(EventFilters.parse(q='"Maiduguri* NEAR( OR'), limit=5)
    assert page.total >= 0


def test_store_query_orders_newest_first_and_pages(store):
    first = store.query_events(EventFilters(), limit=10, offset=0)
    second = store.query_events(EventFilters(), limit=10, offset=10)
    assert first.total == len(EVENTS)
    dates = [e["date"] for e in first.items + second.items]
    assert dates == sorted(dates, reverse=True)
    assert not ids(first) & ids(second)


def test_store_query_rejects_bad_values(store):
    for bad in ({"type": "RIOT"}, {"date_from": "2020-13-01"}, {"bbox": "1,2,3"}, {"bbox": "0,80,10,70"},
                {"modality": "maybe"}, {"q": "  !! "}, {"colour": "red"}):
        with pytest.raises(QueryError):
            EventFilters.parse(**bad)
    with pytest.raises(QueryError):
        store.query_events(EventFilters(), limit=0)


def test_store_get_event_has_spans_and_article(store):
    ev = EVENTS[5]
    got = store.get_event(ev.id)
    assert got["type"] == ev.type and got["spans"]["trigger"] == [ev.trigger_start, ev.trigger_end]
    assert got["article"]["id"] == ev.article_id
    with pytest.raises(NotFound):
        store.get_event("no-such-event")


def test_store_get_article_has_text_events_quotes_places(store):
    r = RESULTS[3]
    a = store.get_article(r.article.id)
    assert a["text"] == r.article.text
    assert [e["id"] for e in a["events"]] == [e.id for e in r.events]
    assert len(a["places"]) == len(r.places) and len(a["quotes"]) == len(r.quotes)
    assert a["sentences"] == [list(s) for s in r.sentences]
    for e in a["events"]:
        s, t = e["spans"]["trigger"]
        assert a["text"][s:t] == e["trigger"]


def test_store_articles_search_and_paging(store):
    page = store.articles(q="Khartoum", limit=1000)
    assert {a["id"] for a in page.items} == {r.article.id for r in RESULTS if "Khartoum" in r.article.text}
    assert "text" not in page.items[0]


@pytest.mark.parametrize("filters", [{}, {"type": "AID"}, {"country": "NGA"}, {"type": "AID", "country": "NGA"},
                                     {"actor": "army", "date_from": "2020-03-01"}])
def test_store_counts_by_day_week_type_country(store, filters):
    f = EventFilters.parse(**filters)
    chosen = {e.id for e in EVENTS} if not filters else ids(query_all(store, **filters))
    evs = [e for e in EVENTS if e.id in chosen]
    day = Counter(e.date for e in evs)
    week = Counter((dt.date.fromisoformat(e.date) - dt.timedelta(days=dt.date.fromisoformat(e.date).weekday())).isoformat()
                   for e in evs)
    assert {d["key"]: d["n"] for d in store.counts("day", f)} == dict(day)
    assert {d["key"]: d["n"] for d in store.counts("week", f)} == dict(week)
    assert {d["key"]: d["n"] for d in store.counts("type", f)} == dict(Counter(e.type for e in evs))
    assert {d["key"]: d["n"] for d in store.counts("country", f)} == dict(Counter(e.actors[0].country for e in evs))
    with pytest.raises(QueryError):
        store.counts("year", f)


def test_store_dyads_by_name_and_country(store):
    want = Counter((e.actors[0].name, e.recipients[0].name) for e in EVENTS)
    got = store.dyads(level="name", limit=1000)
    assert {(d["actor"], d["recipient"]): d["n"] for d in got} == dict(want)
    assert [d["n"] for d in got] == sorted((d["n"] for d in got), reverse=True)
    top = store.dyads(level="country", limit=1)[0]
    want_c = Counter((e.actors[0].country, e.recipients[0].country) for e in EVENTS)
    assert top["n"] == max(want_c.values())


def test_store_query_total_is_capped_for_substring_filters(store, monkeypatch):
    from tidings.store import aggregates

    monkeypatch.setattr(aggregates, "COUNT_CAP", 5)
    page = store.query_events(EventFilters.parse(actor="a"), limit=3)
    assert page.total == 5 and page.total_exact is False and len(page.items) == 3
    exact = store.query_events(EventFilters.parse(type="AID"), limit=3)
    assert exact.total_exact is True and exact.total == sum(e.type == "AID" for e in EVENTS)


def test_store_query_bbox_same_answer_by_either_plan(store, monkeypatch):
    from tidings.store import store as store_module

    by_index = query_all(store, bbox="40,30,55,40")
    monkeypatch.setattr(store_module, "BBOX_SCAN_FROM", 0)  # always walk the date index
    by_date = query_all(store, bbox="40,30,55,40")
    assert ids(by_index) == ids(by_date) and by_index.total == by_date.total


def test_store_dyads_filtered_and_unfiltered_agree_with_records(store):
    want = Counter((e.actors[0].country, e.recipients[0].country) for e in EVENTS if e.type == "AID")
    got = store.dyads(EventFilters.parse(type="AID"), level="country", limit=1000)
    assert {(d["actor"], d["recipient"]): d["n"] for d in got} == dict(want)
