"""POST /api/code and /api/ingest with the real pipeline coder (loaded lazily by the app)."""

from __future__ import annotations

import httpx
import pytest

from tidings.api import ServerThread, create_app
from tidings.store import open_store

pytestmark = pytest.mark.model

STORY = (
    "BAGHDAD (AFP) - Pro-Iran protesters stormed the US embassy in Baghdad on Tuesday, "
    "chanting slogans against the United States."
)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("db") / "events.db")
    srv = ServerThread(create_app(store)).start()
    with httpx.Client(base_url=srv.url, timeout=120) as c:
        yield c
    srv.stop()
    store.close()


def test_api_pipeline_code_and_ingest(client):
    r = client.post("/api/code", json={"text": STORY, "date": "2019-12-31"})
    assert r.status_code == 200, r.text
    coded = r.json()
    protests = [e for e in coded["events"] if e["type"] == "PROTEST"]
    assert protests, coded["events"]
    s, t = protests[0]["spans"]["trigger"]
    assert coded["article"]["text"][s:t] == protests[0]["trigger"]
    assert client.get("/api/stats").json()["events"] == 0

    stored = client.post("/api/ingest", json={"articles": [{"text": STORY, "date": "2019-12-31"}]}).json()
    assert stored["articles_added"] == 1 and stored["events_added"] == len(coded["events"])
    page = client.get("/api/events", params={"type": "PROTEST"}).json()
    assert page["total"] == len(protests)
    article = client.get(f"/api/articles/{stored['article_ids'][0]}").json()
    assert article["text"] == STORY and len(article["events"]) == len(coded["events"])
