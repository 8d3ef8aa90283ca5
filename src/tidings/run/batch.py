"""`tidings ingest` as a library call: sources → worker pool → store.

Kept apart from the click command so that scripts and the watch loop can run
a resumable batch with the same wiring (skip what is stored, log failures to
stderr and a JSONL file, never stop on one article).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from ..errors import InputFailure
from ..model import Article, ArticleResult
from .local import LocalRunner, RunOptions, RunStats
from .sources import Item

def article_hash(article: Article) -> str:
    """The store's identity for an article (its content hash), computed before coding."""
    from ..store.write import content_hash

    return content_hash(ArticleResult(article=article))


class FailureLog:
    """Appends one JSON line per failure: when, where, code, reason."""

    def __init__(self, path: str | Path | None) -> None:
        self._fh: IO[str] | None = open(path, "a", encoding="utf-8") if path else None

    def __call__(self, failure: InputFailure) -> None:
        if self._fh is None:
            return
        record = {
            "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "origin": failure.origin,
            "code": failure.code,
            "reason": failure.reason,
        }
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def coder_factory(options: object) -> Callable[[], object]:
    """A picklable recipe for building the coder in each worker process."""
    from ..pipeline import Coder

    return functools.partial(Coder, options)


def ingest_items(
    items: Iterable[Item],
    db: str,
    *,
    coder_options: object,
    run_options: RunOptions | None = None,
    on_failure: Callable[[InputFailure], None] = lambda f: None,
    on_progress: Callable[[RunStats], None] = lambda s: None,
) -> RunStats:
    """Code `items` into the store at `db`, skipping articles already stored."""
    from ..store import open_store

    store = open_store(db)
    try:
        runner = LocalRunner(
            coder_factory(coder_options),
            store,
            run_options,
            content_hash=article_hash,
            on_failure=on_failure,
            on_progress=on_progress,
        )
        return runner.run(items)
    finally:
        store.close()
