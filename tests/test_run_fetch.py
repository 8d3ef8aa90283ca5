"""Polite fetching against a real HTTP server on loopback."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tidings.errors import FetchFailed
from tidings.run.fetch import Fetcher, FetchOptions


class Loopback:
    """A real http.server on 127.0.0.1 serving canned routes.

    `routes[path]` is a list of (status, headers, body) answered in turn (the
    last one repeats), so a route can fail twice and then succeed. A route
    with an ETag answers 304 to a matching If-None-Match. Requests and their
    headers are recorded for politeness checks.
    """

    def __init__(self) -> None:
        self.routes: dict[str, list[tuple[int, dict[str, str], bytes]]] = {}
        self.hits: Counter[str] = Counter()
        self.headers: list[dict[str, str]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits[self.path] += 1
                owner.headers.append({k.lower(): v for k, v in self.headers.items()})
                answers = owner.routes.get(self.path, [(404, {}, b"not here")])
                status, headers, body = answers[min(owner.hits[self.path], len(answers)) - 1]
                if headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
                    status, body = 304, b""
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def start(self) -> Loopback:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    server = Loopback().start()
    yield server
    server.stop()


FAST = FetchOptions(timeout=5, retries=2, backoff=0.01, max_bytes=1000)


def test_run_fetch_sends_user_agent_and_returns_body(loopback: Loopback) -> None:
    loopback.routes["/a"] = [(200, {"Content-Type": "text/html; charset=utf-8"}, "café".encode())]
    with Fetcher(FAST) as f:
        page = f.get(loopback.url("/a"))
    assert page.status == 200 and page.text == "café"
    assert loopback.headers[0]["user-agent"].startswith("tidings/")


def test_run_fetch_retries_transient_errors_with_backoff(loopback: Loopback) -> None:
    loopback.routes["/flaky"] = [(503, {}, b""), (429, {}, b""), (200, {}, b"ok")]
    with Fetcher(FAST) as f:
        assert f.get(loopback.url("/flaky")).body == b"ok"
    assert loopback.hits["/flaky"] == 3


def test_run_fetch_gives_up_after_the_retries(loopback: Loopback) -> None:
    loopback.routes["/down"] = [(503, {}, b"")]
    with Fetcher(FAST) as f, pytest.raises(FetchFailed, match="gave up after 3 attempts"):
        f.get(loopback.url("/down"))
    assert loopback.hits["/down"] == 3


def test_run_fetch_does_not_retry_a_missing_page(loopback: Loopback) -> None:
    with Fetcher(FAST) as f, pytest.raises(FetchFailed, match="HTTP 404"):
        f.get(loopback.url("/nothing"))
    assert loopback.hits["/nothing"] == 1


def test_run_fetch_refuses_oversized_bodies(loopback: Loopback) -> None:
    loopback.routes["/big"] = [(200, {}, b"x" * 5000)]
    with Fetcher(FAST) as f, pytest.raises(FetchFailed, match="limit"):
        f.get(loopback.url("/big"))


def test_run_fetch_times_out_on_a_dead_port() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Fetcher(FAST) as f, pytest.raises(FetchFailed, match="ConnectError"):
        f.get(f"http://127.0.0.1:{port}/")
