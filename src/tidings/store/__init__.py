"""Storage of coded articles and events: SQLite (WAL) by default, PostgreSQL by URL.

    from tidings.store import open_store, EventFilters
    store = open_store("events.db")            # or "postgresql://user@host/db"
    stats = store.save(results)                # Iterable[ArticleResult]; idempotent
    page = store.query_events(EventFilters.parse(type="PROTEST", country="IRQ"), limit=50)
    store.counts(by="day"); store.dyads(); store.get_article(id)
    for chunk in export_stream(store, "csv", EventFilters()): ...
"""

from __future__ import annotations

from .export import EXPORT_FORMATS, export_stream
from .filters import EventFilters
from .store import NotFound, Page, Store, open_store
from .write import SaveStats, content_hash

__all__ = [
    "EXPORT_FORMATS",
    "EventFilters",
    "NotFound",
    "Page",
    "SaveStats",
    "Store",
    "content_hash",
    "export_stream",
    "open_store",
]
