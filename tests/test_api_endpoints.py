"""The HTTP API against a real uvicorn server on loopback, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest

from tidings.api import ServerThread, create_app
from tidings.model import Actor, Article, ArticleResult, Event
from tidings.store import open_store
from tidings.store.synthetic import synthetic_results
from tidings.store.testing import PostgresUnavailable, fresh_postgres_db

RESULTS = list(synthetic_results(40, events_per_article=3, seed=41, start="2021-05-01", days=30))
EVENTS = [e for r in RESULTS for e in r.events]


def keyword_coder(text: str, date: str | None, title: str | None) -> ArticleResult:
    """A stand-in coder: each sentence with "attacked" is one ASSAULT by the word before it."""
    art = Article(id=f"posted-{abs(hash(text)) % 10**8}", text=text, title=title, date=date)
    result = ArticleResult(article=art)
    for n, m in enumerate(re.finditer(r"(\w+) attacked", text)):
        actor = Actor(text=m.group(1), name=m.group(1), start=m.start(1), end=m.end(1))
        result.events.append(Event(
            id=f"{art.id}-{n}", article_id=art.id, sentence_index=n, sentence=m.group(0), trigger="attacked",
            type="ASSAULT", cameo="190", actors=[actor], date=date,
            trigger_start=m.start(0) + len(m.group(1)) + 1, trigger_end=m.end(0)))
    return result


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server(request, tmp_path_factory):
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("db") / "events.db")
    else:
        try:
            url = fresh_postgres_db()
        except PostgresUnavailable as exc:
            pytest.skip(f"PostgreSQL not available: {exc}")
    store = open_store(url)
    store.save(RESULTS)
    srv = ServerThread(create_app(store, coder=keyword_coder)).start()
    with httpx.Client(base_url=srv.url, timeout=30) as client:
        yield client
    srv.stop()
    store.close()


def test_api_events_filters_and_paging(server):
    r = server.get("/api/events", params={"type": "PROTEST,AID", "limit": 5})
    assert r.status_code == 200
    body = r.json()
    want = [e for e in EVENTS if e.type in ("PROTEST", "AID")]
    assert body["total"] == len(want) and len(body["items"]) == min(5, len(want))
    assert {e["type"] for e in body["items"]} <= {"PROTEST", "AID"}
    every = server.get("/api/events", params={"type": "PROTEST,AID", "limit": 1000}).json()["items"]
    assert {e["id"] for e in every} == {e.id for e in want}


def test_api_events_bbox_country_actor_date(server):
    params = {"bbox": "-10,35,40,60", "date_from": "2021-05-10", "actor": "army", "limit": 1000}
    got = {e["id"] for e in server.get("/api/events", params=params).json()["items"]}
    want = {e.id for e in EVENTS if -10 <= e.location.lon <= 40 and 35 <= e.location.lat <= 60
            and e.date >= "2021-05-10" and any("army" in a.name for a in e.actors + e.recipients)}
    assert got == want


def test_api_event_detail_has_spans(server):
    ev = EVENTS[7]
    body = server.get(f"/api/events/{ev.id}").json()
    assert body["id"] == ev.id and body["sentence"] == ev.sentence
    assert body["spans"]["trigger"] == [ev.trigger_start, ev.trigger_end]
    assert body["spans"]["actors"] == [[a.start, a.end] for a in ev.actors]


def test_api_articles_list_and_detail(server):
    body = server.get("/api/articles", params={"limit": 10, "q": "Baghdad"}).json()
    assert body["total"] == sum("Baghdad" in r.article.text for r in RESULTS)
    r = RESULTS[2]
    art = server.get(f"/api/articles/{r.article.id}").json()
    assert art["text"] == r.article.text and len(art["events"]) == len(r.events)
    assert art["quotes"] and art["places"]


def test_api_aggregates(server):
    counts = server.get("/api/aggregates/counts", params={"by": "type"}).json()
    assert sum(d["n"] for d in counts["items"]) == len(EVENTS)
    days = server.get("/api/aggregates/counts", params={"by": "day", "country": "IRQ"}).json()["items"]
    assert sum(d["n"] for d in days) == sum(e.actors[0].country == "IRQ" for e in EVENTS)
    weeks = server.get("/api/aggregates/counts", params={"by": "week"}).json()["items"]
    assert sum(d["n"] for d in weeks) == len(EVENTS)
    dyads = server.get("/api/aggregates/dyads", params={"level": "country", "limit": 3}).json()["items"]
    assert len(dyads) == 3 and dyads[0]["n"] >= dyads[-1]["n"]


def test_api_export_streams_csv_with_filters(server):
    r = server.get("/api/export", params={"format": "csv", "type": "ASSAULT"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["id"] for row in rows} == {e.id for e in EVENTS if e.type == "ASSAULT"}


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "polecat", "phoenix"])
def test_api_export_other_formats(server, fmt):
    r = server.get("/api/export", params={"format": fmt, "country": "USA"})
    assert r.status_code == 200 and len(r.content) > 100


def test_api_code_returns_events_without_storing(server):
    before = server.get("/api/stats").json()["events"]
    r = server.post("/api/code", json={"text": "Rebels attacked a convoy. Police attacked nobody.", "date": "2021-06-01"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [e["actors"][0]["name"] for e in body["events"]] == ["Rebels", "Police"]
    s, t = body["events"][0]["spans"]["trigger"]
    assert body["article"]["text"][s:t] == "attacked"
    assert server.get("/api/stats").json()["events"] == before


def test_api_ingest_codes_and_stores_idempotently(server):
    payload = {"articles": [{"text": "Militants attacked a base on Monday.", "date": "2021-06-02", "source": "AFP"}]}
    first = server.post("/api/ingest", json=payload).json()
    assert first["articles_added"] == 1 and first["events_added"] == 1
    again = server.post("/api/ingest", json=payload).json()
    assert again["articles_added"] == 0 and again["articles_skipped"] == 1
    assert again["article_ids"] == first["article_ids"]
    art = server.get(f"/api/articles/{first['article_ids'][0]}").json()
    assert art["source"] == "AFP" and art["events"][0]["actors"][0]["name"] == "Militants"


def test_api_openapi_lists_every_endpoint(server):
    paths = set(server.get("/openapi.json").json()["paths"])
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
            "/api/aggregates/counts", "/api/aggregates/dyads", "/api/export", "/api/code", "/api/ingest"} <= paths
