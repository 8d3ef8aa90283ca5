"""Write permission, API keys, parameterised SQL and the dashboard's security headers."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tidings.api import ServerThread, create_app, is_loopback
from tidings.errors import AccessDenied
from tidings.model import Article, ArticleResult
from tidings.store import open_store
from tidings.store.synthetic import synthetic_results


def echo_coder(text: str, date: str | None, title: str | None) -> ArticleResult:
    return ArticleResult(article=Article(id="echo", text=text, title=title, date=date))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("db") / "events.db")
    s.save(synthetic_results(10, seed=61))
    return s


def serve(store, **kw):
    return ServerThread(create_app(store, coder=echo_coder, **kw)).start()


def test_api_key_required_for_writes_when_configured(store):
    srv = serve(store, api_key="s3cret")
    try:
        with httpx.Client(base_url=srv.url) as c:
            assert c.get("/api/events").status_code == 200  # reads stay open
            for headers in ({}, {"X-API-Key": "wrong"}):
                r = c.post("/api/code", json={"text": "hello"}, headers=headers)
                assert r.status_code == 403 and r.json()["error"]["code"] == AccessDenied.code
            assert c.post("/api/code", json={"text": "hello"}, headers={"X-API-Key": "s3cret"}).status_code == 200
    finally:
        srv.stop()


def test_api_writes_refused_when_disabled_without_key(store):
    srv = serve(store, allow_write=False)
    try:
        with httpx.Client(base_url=srv.url) as c:
            assert c.post("/api/ingest", json={"articles": [{"text": "x"}]}).status_code == 403
            assert c.get("/api/stats").status_code == 200
    finally:
        srv.stop()


def test_api_writes_from_another_host_need_a_key(store):
    # The client address is set on the ASGI transport: no traffic leaves the process.
    app = create_app(store, coder=echo_coder)

    async def statuses(client_host: str) -> tuple[int, int]:
        transport = httpx.ASGITransport(app=app, client=(client_host, 4321))
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            write = (await c.post("/api/code", json={"text": "hi"})).status_code
            read = (await c.get("/api/stats")).status_code
        return write, read

    assert asyncio.run(statuses("192.0.2.10")) == (403, 200)
    assert asyncio.run(statuses("127.0.0.1")) == (200, 200)


def test_api_is_loopback():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.8.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback("example.org")


def test_api_filters_are_parameters_not_sql(store):
    srv = serve(store)
    try:
        with httpx.Client(base_url=srv.url) as c:
            total = c.get("/api/stats").json()["events"]
            for value in ("' OR '1'='1", "x'; DROP TABLE events; --", '") OR 1=1 --'):
                r = c.get("/api/events", params={"actor": value, "q": value + " army", "country": value})
                assert r.status_code == 200 and r.json()["total"] == 0
            assert c.get("/api/stats").json()["events"] == total
    finally:
        srv.stop()


def test_api_dashboard_has_strict_security_headers(store):
    srv = serve(store)
    try:
        with httpx.Client(base_url=srv.url) as c:
            r = c.get("/")
            assert r.status_code == 200 and "text/html" in r.headers["content-type"]
            csp = r.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "default-src 'self'" in csp
            assert r.headers["x-content-type-options"] == "nosniff"
    finally:
        srv.stop()


def test_api_serves_no_page_that_loads_from_a_cdn(store):
    srv = serve(store)
    try:
        with httpx.Client(base_url=srv.url) as c:
            assert c.get("/docs").status_code == 404 and c.get("/redoc").status_code == 404
            assert c.get("/openapi.json").json()["info"]["title"] == "tidings"
    finally:
        srv.stop()
