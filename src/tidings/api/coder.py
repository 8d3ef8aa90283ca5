"""The coder behind POST /api/code and /api/ingest, loaded on first use.

The API takes any callable `code_text(text, date, title) -> ArticleResult`, so
tests and other deployments can plug in their own; by default it is the
pipeline's `Coder`, whose model and knowledge load once, on the first request
that needs them (a read-only server never pays for them). Calls are
serialised with a lock: one coder, one model, one request at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from ..errors import InputFailure
from ..model import ArticleResult

CodeText = Callable[[str, str | None, str | None], ArticleResult]


def pipeline_code_text(**options: Any) -> CodeText:
    """A `code_text` over `tidings.pipeline.Coder`, imported here rather than at
    start-up; `options` are `tidings.pipeline.CoderOptions` fields."""
    from ..ingest import article_from_text
    from ..pipeline import Coder, CoderOptions

    coder = Coder(CoderOptions(**options)).setup()

    def code_text(text: str, date: str | None, title: str | None) -> ArticleResult:
        article = article_from_text(text, title=title, date=date)
        (result,) = coder.code_batch([article])
        if isinstance(result, InputFailure):
            raise result.error
        return result

    return code_text


class LazyCoder:
    """Holds the coder callable, building it from `factory` on first call."""

    def __init__(self, coder: CodeText | None = None, factory: Callable[[], CodeText] | None = None) -> None:
        self._coder = coder
        self._factory = factory or pipeline_code_text
        self._lock = threading.Lock()

    def __call__(self, text: str, date: str | None, title: str | None) -> ArticleResult:
        with self._lock:
            if self._coder is None:
                self._coder = self._factory()
            return self._coder(text, date, title)


def result_dict(result: ArticleResult) -> dict[str, Any]:
    """What POST /api/code returns: the article, its events with spans, quotes and places."""
    a = result.article
    return {
        "article": {"id": a.id, "title": a.title, "date": a.date, "source": a.source, "text": a.text},
        "events": [{**e.to_contract(), "spans": e.spans()} for e in result.events],
        "quotes": [q.to_dict() for q in result.quotes],
        "places": [{**p.contract(), "start": p.start, "end": p.end} for p in result.places],
        "sentences": [list(s) for s in result.sentences],
    }
