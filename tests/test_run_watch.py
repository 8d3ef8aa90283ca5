"""`tidings watch`: polling a loopback feed, coding each new item once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_run_fetch import Loopback
from test_run_sources import STORIES, page, rss

from tidings.errors import InputFailure
from tidings.run.batch import article_hash
from tidings.run.fetch import Fetcher, FetchOptions
from tidings.run.watch import MAX_ATTEMPTS, Watcher, WatchState
from tidings.store import open_store

pytestmark = pytest.mark.model

HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def site() -> Iterator[Loopback]:
    server = Loopback().start()
    for name, paras in STORIES.items():
        server.routes[f"/{name}.html"] = [(200, HTML, page(name.title(), paras))]
    yield server
    server.stop()


def set_feed(site: Loopback, items: list[tuple[str, str, str | None]], etag: str) -> None:
    body = rss(site.url(""), items)
    site.routes["/feed.xml"] = [(200, {"Content-Type": "application/rss+xml", "ETag": etag}, body)]


def test_run_watch_codes_new_items_once(site: Loopback, tmp_path: Path, coder) -> None:
    set_feed(site, [("g1", "/talks.html", None), ("g2", "/protest.html", None), ("g3", "/gone.html", None)], '"v1"')
    failures: list[InputFailure] = []
    with open_store(tmp_path / "w.db") as store, Fetcher(FetchOptions(retries=0)) as fetcher:
        watcher = Watcher([site.url("/feed.xml")], store, coder, WatchState(tmp_path / "state.sqlite"),
                          fetcher, content_hash=article_hash, on_failure=failures.append)
        first = watcher.poll()
        assert (first.new_items, first.coded, first.failed) == (3, 2, 1)
        assert "gone.html" in failures[0].origin

        unchanged = watcher.poll()  # 304: the feed is not even parsed
        assert unchanged.new_items == 0 and site.hits["/talks.html"] == 1

        set_feed(site, [("g4", "/aid.html", None), ("g1", "/talks.html", None), ("g3", "/gone.html", None)], '"v2"')
        second = watcher.poll()
        assert (second.new_items, second.coded) == (2, 1)  # g4 new, g3 retried
        assert site.hits["/talks.html"] == 1 and site.hits["/aid.html"] == 1
        for n in range(MAX_ATTEMPTS):  # a changed ETag each time, so the feed is re-read
            site.routes["/feed.xml"][0][1]["ETag"] = f'"v{n + 3}"'
            watcher.poll()
        assert site.hits["/gone.html"] == MAX_ATTEMPTS  # given up, not fetched for ever
        assert store.stats()["articles"] == 3


def test_run_watch_cli_once(site: Loopback, tmp_path: Path) -> None:
    from tidings.cli.watch import watch

    set_feed(site, [("g1", "/talks.html", None)], '"v1"')
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(watch, [site.url("/feed.xml"), "--db", str(db), "--once"])
    assert result.exit_code == 0, result.output
    assert "1 coded" in result.output
    assert Path(str(db) + ".watch.sqlite").exists()
