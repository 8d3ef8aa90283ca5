"""The real `tidings serve` process under generated and hostile requests.

- schemathesis (v4) walks the server's own OpenAPI spec with bounded examples
  per operation: no response may be a 5xx, and every 4xx keeps the one JSON
  error shape.
- Through the real uvicorn server (test_api_* use in-process servers built by
  `create_app`): bodies over the limit are answered 413, declared or chunked;
  `tidings serve --host 0.0.0.0` refuses writes without a key, and with
  TIDINGS_API_KEY set it needs the key.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis==4.32.5 is not installed")
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

pytestmark = [pytest.mark.model]

CLI = [sys.executable, "-m", "tidings"]
MAX_EXAMPLES = int(os.environ.get("TIDINGS_SCHEMATHESIS_EXAMPLES", "25"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`tidings serve` as a subprocess, stopped with SIGINT (like Ctrl-C)."""

    def __init__(self, db: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([*CLI, "serve", "--db", str(db), "--port", str(self.port), *args],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, **(env or {})})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"server exited: {self.proc.stderr.read() if self.proc.stderr else ''}")
            try:
                if httpx.get(self.url + "/api/stats", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError("server did not answer within 60 s")

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            _, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err or ""


def filled_db(path: Path) -> Path:
    from tidings.store import open_store
    from tidings.store.synthetic import synthetic_results

    store = open_store(path)
    store.save(list(synthetic_results(30, events_per_article=4, seed=88)))
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = Server(filled_db(tmp_path_factory.mktemp("api") / "events.db"))
    yield srv
    err = srv.stop()
    assert "Traceback" not in err, err[-3000:]


@pytest.fixture(scope="module")
def api_schema(server: Server):
    return schemathesis.openapi.from_url(server.url + "/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_robust_api_no_server_errors(case) -> None:
    response = case.call_and_validate(checks=[not_a_server_error], timeout=60)
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
    content_type = " ".join(response.headers.get("content-type", []))  # schemathesis: name -> [values]
    if 400 <= response.status_code < 500 and content_type.startswith("application/json"):
        body = response.json()
        assert set(body) == {"error"} and {"code", "message"} <= set(body["error"]), body


def test_robust_api_real_server_rejects_oversized_bodies_with_413(server: Server) -> None:
    big = b'{"text": "' + b"x" * 3_000_000 + b'"}'
    with httpx.Client(base_url=server.url, timeout=60) as c:
        declared = c.post("/api/code", content=big, headers={"content-type": "application/json"})

        def chunks() -> Iterator[bytes]:
            for i in range(0, len(big), 64_000):
                yield big[i:i + 64_000]

        chunked = c.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"})
        after = c.get("/api/stats")
    for r in (declared, chunked):
        assert r.status_code == 413, r.text[:300]
        assert r.json()["error"]["code"] == "T016"
    assert after.status_code == 200, "the server keeps answering after refusing big bodies"


def test_robust_serve_beyond_localhost_refuses_writes_without_a_key(tmp_path: Path) -> None:
    db = filled_db(tmp_path / "open.db")
    srv = Server(db, "--host", "0.0.0.0")
    try:
        with httpx.Client(base_url=srv.url, timeout=60) as c:
            assert c.get("/api/events?limit=1").status_code == 200
            for path, body in (("/api/code", {"text": "Police arrested 5 people."}),
                               ("/api/ingest", {"articles": [{"text": "Police arrested 5 people."}]})):
                r = c.post(path, json=body)
                assert r.status_code == 403, (path, r.status_code, r.text[:300])
                assert set(r.json()) == {"error"}
            total = c.get("/api/stats").json()["articles"]
    finally:
        err = srv.stop()
    assert total == 30
    assert "writing endpoints are disabled" in err


def test_robust_serve_beyond_localhost_with_key_needs_the_key(tmp_path: Path) -> None:
    db = filled_db(tmp_path / "keyed.db")
    srv = Server(db, "--host", "0.0.0.0", env={"TIDINGS_API_KEY": "k-robust-1"})
    try:
        with httpx.Client(base_url=srv.url, timeout=120) as c:
            body = {"text": "Police arrested 25 protesters in Baghdad on Tuesday, officials said."}
            assert c.post("/api/code", json=body).status_code == 403
            assert c.post("/api/code", json=body, headers={"X-API-Key": "wrong"}).status_code == 403
            ok = c.post("/api/code", json=body, headers={"X-API-Key": "k-robust-1"})
            assert ok.status_code == 200, ok.text[:300]
    finally:
        srv.stop()
