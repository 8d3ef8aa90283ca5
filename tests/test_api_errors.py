"""Every error the API returns has one JSON shape: {"error": {"code": "T0xx", "message": ...}}."""

from __future__ import annotations

import re

import httpx
import pytest

from tidings.api import ServerThread, create_app
from tidings.errors import EmptyInput
from tidings.store import open_store
from tidings.store.synthetic import synthetic_results


def failing_coder(text: str, date: str | None, title: str | None):
    if text.strip() == "empty":
        raise EmptyInput("no text to code")
    raise RuntimeError("boom")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("db") / "events.db")
    store.save(synthetic_results(5, seed=51))
    srv = ServerThread(create_app(store, coder=failing_coder, max_body_bytes=10_000)).start()
    with httpx.Client(base_url=srv.url, timeout=30) as c:
        yield c
    srv.stop()


CASES = [
    # (method, path, kwargs, status, code)
    ("GET", "/api/events/does-not-exist", {}, 404, "T031"),
    ("GET", "/api/articles/does-not-exist", {}, 404, "T031"),
    ("GET", "/no/such/page", {}, 404, "T041"),
    ("DELETE", "/api/events", {}, 405, "T042"),
    ("GET", "/api/events?type=PARTY", {}, 422, "T040"),
    ("GET", "/api/events?limit=abc", {}, 422, "T040"),
    ("GET", "/api/events?limit=100000", {}, 422, "T040"),
    ("GET", "/api/events?offset=87208760272335650816", {}, 422, "T040"),  # past 64-bit integers
    ("GET", "/api/articles?offset=87208760272335650816", {}, 422, "T040"),
    ("GET", "/api/events?date_from=yesterday", {}, 422, "T040"),
    ("GET", "/api/events?bbox=1,2,3", {}, 422, "T040"),
    ("GET", "/api/aggregates/counts?by=decade", {}, 422, "T040"),
    ("GET", "/api/aggregates/dyads?level=galaxy", {}, 422, "T040"),
    ("GET", "/api/export?format=xlsx", {}, 422, "T040"),
    ("POST", "/api/code", {"json": {"title": "no text"}}, 422, "T040"),
    ("POST", "/api/code", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 422, "T040"),
    ("POST", "/api/code", {"json": {"text": "empty"}}, 422, "T011"),
    ("POST", "/api/code", {"json": {"text": "x" * 20_000}}, 413, "T016"),
    ("POST", "/api/code", {"json": {"text": "crash please"}}, 500, "T000"),
    ("POST", "/api/ingest", {"json": {"articles": []}}, 422, "T040"),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), CASES)
def test_api_error_shape(client, method, path, kwargs, status, code):
    r = client.request(method, path, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert re.fullmatch(r"T\d{3}", body["error"]["code"]) and body["error"]["message"]
    assert "Traceback" not in body["error"]["message"]


def test_api_error_shape_for_a_chunked_body_over_the_limit(client):
    def chunks():
        for _ in range(20):
            yield b"x" * 1000

    r = client.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "T016"
