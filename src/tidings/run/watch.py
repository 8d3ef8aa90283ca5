"""Polling RSS/Atom feeds and coding new items as they appear (`tidings watch`).

Each poll fetches every feed with a conditional GET (ETag / Last-Modified, so
an unchanged feed costs the server one 304), picks the items whose GUID has
not been seen, fetches their pages politely, codes them in this process (a
feed brings a few items a minute: no worker pool needed) and saves them.

What has been seen lives in a small SQLite state file beside the store, not
in the store itself, so the store's schema stays the one the API reads. An
item is marked seen only after its article is saved (or after it failed
`MAX_ATTEMPTS` polls in a row), so a killed watcher loses nothing; the
store's content-hash idempotence makes a re-fetch after a crash harmless.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import FetchFailed, InputFailure
from ..model import Article
from .fetch import Fetcher
from .sources import FeedItem, article_from_item, parse_feed

MAX_ATTEMPTS = 3  # an item failing this many polls is given up (and reported each time)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    guid TEXT PRIMARY KEY, feed TEXT NOT NULL, first_seen TEXT NOT NULL,
    status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, reason TEXT
);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_poll TEXT
);
"""


def default_state_path(db: str) -> Path:
    """`events.db` -> `events.db.watch.sqlite`; a database URL needs an explicit path."""
    if "://" in db:
        raise ValueError("give --state PATH when --db is a database URL")
    return Path(db + ".watch.sqlite")


class WatchState:
    """Seen item GUIDs and per-feed validators, in a small SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.db = sqlite3.connect(str(path))
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def is_done(self, guid: str) -> bool:
        row = self.db.execute("SELECT status FROM seen WHERE guid = ?", (guid,)).fetchone()
        return row is not None and row[0] in ("coded", "gave_up")

    def mark(self, item: FeedItem, status: str, reason: str | None = None) -> None:
        """Record an item's outcome; failures count attempts and give up at MAX_ATTEMPTS."""
        now = _now()
        row = self.db.execute("SELECT attempts FROM seen WHERE guid = ?", (item.guid,)).fetchone()
        attempts = (row[0] if row else 0) + (1 if status == "failed" else 0)
        if status == "failed" and attempts >= MAX_ATTEMPTS:
            status = "gave_up"
        self.db.execute(
            "INSERT INTO seen (guid, feed, first_seen, status, attempts, reason) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(guid) DO UPDATE SET status = excluded.status, attempts = excluded.attempts, "
            "reason = excluded.reason",
            (item.guid, item.feed_url, now, status, attempts, reason),
        )
        self.db.commit()

    def validators(self, url: str) -> dict[str, str]:
        row = self.db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)).fetchone()
        headers: dict[str, str] = {}
        if row and row[0]:
            headers["If-None-Match"] = row[0]
        if row and row[1]:
            headers["If-Modified-Since"] = row[1]
        return headers

    def polled(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.db.execute(
            "INSERT INTO feeds (url, etag, last_modified, last_poll) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, last_poll = excluded.last_poll",
            (url, etag, last_modified, _now()),
        )
        self.db.commit()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(slots=True)
class PollStats:
    feeds: int = 0
    new_items: int = 0
    coded: int = 0
    events: int = 0
    failed: int = 0


class Watcher:
    """Polls feeds into a store; `poll()` once, or `run(interval)` until interrupted."""

    def __init__(
        self,
        feeds: list[str],
        store: object,
        coder: object,
        state: WatchState,
        fetcher: Fetcher,
        *,
        content_hash: Callable[[Article], str],
        on_failure: Callable[[InputFailure], None] = lambda f: None,
    ) -> None:
        self.feeds = feeds
        self.store = store
        self.coder = coder
        self.state = state
        self.fetcher = fetcher
        self.content_hash = content_hash
        self.on_failure = on_failure

    def poll(self) -> PollStats:
        stats = PollStats()
        for url in self.feeds:
            stats.feeds += 1
            try:
                page = self.fetcher.get(url, headers=self.state.validators(url))
                items = [] if page.status == 304 else list(parse_feed(page))
            except FetchFailed as exc:
                stats.failed += 1
                self.on_failure(InputFailure(url, exc))
                continue
            if page.status != 304:
                self.state.polled(url, page.etag, page.last_modified)
            for item in items:
                if not self.state.is_done(item.guid):
                    stats.new_items += 1
                    self._code_item(item, stats)
        return stats

    def _code_item(self, item: FeedItem, stats: PollStats) -> None:
        built = article_from_item(item, self.fetcher)
        if isinstance(built, InputFailure):
            self._failed(item, built, stats)
            return
        if self.store.has(self.content_hash(built)):  # type: ignore[attr-defined]
            self.state.mark(item, "coded", "already stored")
            return
        (result,) = self.coder.code_batch([built])  # type: ignore[attr-defined]
        if isinstance(result, InputFailure):
            self._failed(item, result, stats)
            return
        self.store.save([result])  # type: ignore[attr-defined]
        self.state.mark(item, "coded")
        stats.coded += 1
        stats.events += len(result.events)

    def _failed(self, item: FeedItem, failure: InputFailure, stats: PollStats) -> None:
        stats.failed += 1
        self.state.mark(item, "failed", str(failure.error))
        self.on_failure(failure)

    def run(self, interval: float, on_poll: Callable[[PollStats], None] = lambda s: None) -> None:
        """Poll every `interval` seconds (measured start to start) until interrupted."""
        while True:
            started = time.monotonic()
            on_poll(self.poll())
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
