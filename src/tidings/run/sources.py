"""Article sources beyond local files: WARC archives, Parquet, RSS/Atom feeds, URLs.

`read_sources(inputs, date)` is the one entry point the runners use. It
streams (never materialises an input) and never raises for a bad input or
record: like `tidings.ingest.read_inputs`, which it delegates plain files,
JSONL/CSV and stdin to, it yields `InputFailure` and goes on.

- WARC (`.warc`, `.warc.gz`, e.g. Common Crawl news): every HTTP 200 HTML
  response record becomes an article via `article_from_html`, with the
  WARC-Target-URI as url and the WARC-Date day as a fallback date.
- Parquet: rows with `text` (and optional `id`, `title`, `date`, `url`, `source`).
- `http(s)://` inputs are fetched politely (see `fetch.py`); a feed (RSS/Atom)
  yields one article per item, a page yields one article.
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import FetchFailed, InputError, InputFailure
from ..model import Article
from .fetch import Fetcher, Page

Item = Article | InputFailure

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
# A feed entry whose own content is at least this long is coded as is; shorter
# ones (teasers) are replaced by the linked page.
FULL_TEXT_CHARS = 1500
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


@dataclass(slots=True)
class FeedItem:
    """One entry of a feed, before its article is built."""

    guid: str  # entry id, else link, else title: what `watch` remembers
    link: str | None
    title: str | None
    date: str | None  # YYYY-MM-DD from published/updated
    content_html: str | None  # the entry's own full content or summary
    feed_url: str


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def is_parquet(path: str) -> bool:
    return path.lower().endswith(PARQUET_SUFFIXES)


def read_sources(
    inputs: Iterable[str], date: str | None = None, fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """Articles (or failures) from every input, in order, streaming."""
    from ..ingest import read_inputs  # ingest is an earlier stage; imported lazily for spawn speed
    from ..ingest.readers import iter_directory

    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for inp in inputs:
            if is_url(inp):
                yield from _read_url(inp, fetcher, date)
            elif is_warc(inp):
                yield from read_warc(inp, date)
            elif is_parquet(inp):
                yield from read_parquet(inp, date)
            elif Path(inp).is_dir() and _has_own_formats(Path(inp)):
                for path in iter_directory(Path(inp)):
                    yield from read_sources([str(path)], date, fetcher)
            else:
                yield from read_inputs([inp], date)
    finally:
        if own_fetcher:
            fetcher.close()


def _has_own_formats(folder: Path) -> bool:
    """Whether a folder holds WARC or Parquet files that plain ingest does not read."""
    from ..ingest.readers import iter_directory

    return any(is_warc(p.name) or is_parquet(p.name) for p in iter_directory(folder))


def read_warc(path: str, date: str | None = None, max_bytes: int = 5_000_000) -> Iterator[Item]:
    """HTML response records of a WARC file as articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from ..ingest import article_from_html

    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputFailure(path, InputError(f"cannot open WARC file: {exc}"))
        return
    with fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                origin = f"{path}#{uri}"
                if record.http_headers.get_statuscode() != "200":
                    continue
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield InputFailure(origin, InputError(f"record over {max_bytes} bytes"))
                    continue
                warc_day = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                yield build(origin, article_from_html, body, url=uri or None,
                            default_date=warc_day or date, origin=origin)
        except ArchiveLoadFailed as exc:
            yield InputFailure(path, InputError(f"broken WARC file: {exc}"))


def read_parquet(path: str, date: str | None = None, batch_rows: int = 1024) -> Iterator[Item]:
    """Rows of a Parquet file of article records, a row group at a time."""
    import pyarrow.parquet as pq

    from ..ingest import article_from_record

    try:
        pf = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:
        yield InputFailure(path, InputError(f"cannot read Parquet file: {exc}"))
        return
    n = 0
    for batch in pf.iter_batches(batch_size=batch_rows):
        for row in batch.to_pylist():
            n += 1
            origin = f"{path}:{n}"
            yield build(origin, article_from_record, row, origin, default_date=date)


def _read_url(url: str, fetcher: Fetcher, date: str | None = None) -> Iterator[Item]:
    from ..ingest import article_from_html

    try:
        page = fetcher.get(url)
    except FetchFailed as exc:
        yield InputFailure(url, exc)
        return
    if looks_like_feed(page):
        for item in parse_feed(page):
            yield article_from_item(item, fetcher)
        return
    yield build(url, article_from_html, page.body, url=page.final_url, origin=url, default_date=date)


def looks_like_feed(page: Page) -> bool:
    ctype = page.content_type.lower()
    if any(k in ctype for k in ("rss", "atom", "rdf")):
        return True
    head = page.body[:2048].lstrip().lower()
    return ("xml" in ctype or head.startswith(b"<?xml")) and any(m in head for m in FEED_MARKERS)


def fetch_feed(url: str, fetcher: Fetcher) -> list[FeedItem]:
    """The items of one feed (a feed is small: a few dozen entries)."""
    return list(parse_feed(fetcher.get(url)))


def parse_feed(page: Page) -> Iterator[FeedItem]:
    import feedparser

    parsed = feedparser.parse(page.body, response_headers={"content-location": page.final_url})
    if parsed.get("bozo") and not parsed.entries:
        raise FetchFailed(f"{page.url}: not a readable feed ({parsed.get('bozo_exception')})")
    for entry in parsed.entries:
        link = entry.get("link") or None
        title = entry.get("title") or None
        guid = entry.get("id") or link or title
        if not guid:
            continue
        content = None
        if entry.get("content"):
            content = entry["content"][0].get("value")
        content = content or entry.get("summary") or None
        yield FeedItem(
            guid=guid,
            link=link,
            title=title,
            date=_entry_day(entry),
            content_html=content,
            feed_url=page.url,
        )


def _entry_day(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(stamp)))


def article_from_item(item: FeedItem, fetcher: Fetcher) -> Item:
    """The article behind a feed item: its own content if full, else the linked page."""
    from ..ingest import article_from_html

    meta = {"title": item.title, "date": item.date, "url": item.link}
    origin = item.link or f"{item.feed_url}#{item.guid}"
    content = item.content_html or ""
    if len(content) < FULL_TEXT_CHARS and item.link:
        try:
            page = fetcher.get(item.link)
        except FetchFailed as exc:
            if not content:
                return InputFailure(origin, exc)
        else:
            return build(origin, article_from_html, page.body, origin=origin, **meta)
    if not content:
        return InputFailure(origin, InputError("feed item has neither content nor link"))
    return build(origin, article_from_html, content, origin=origin, **meta)


def build(where: str, make: Callable[..., Article], /, *args: Any, **kwargs: Any) -> Item:
    """`make(*args, **kwargs)`, with any failure turned into an InputFailure for `where`.

    One page that trips a bug in an HTML or feed library must not end a
    backfill, so unexpected exceptions are caught here too (as ingest does).
    """
    try:
        return make(*args, **kwargs)
    except InputError as exc:
        return InputFailure(where, exc)
    except Exception as exc:  # noqa: BLE001 - reported with its type, the run goes on
        return InputFailure(where, InputError(f"unexpected {type(exc).__name__}: {exc}"))


def count_records(inputs: Iterable[str]) -> int | None:
    """About how many articles the inputs hold, for a progress bar's ETA.

    Cheap: counts lines of JSONL/CSV files (a fast byte scan), files in
    folders and rows in Parquet metadata. None when any input cannot be
    counted without reading it fully (URLs, feeds, WARC, stdin).
    """
    total = 0
    for inp in inputs:
        if inp == "-" or is_url(inp) or is_warc(inp):
            return None
        path = Path(inp)
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file()]
            if any(is_warc(p.name) for p in files):
                return None
            for p in files:
                sub = count_records([str(p)]) if p.suffix.lower() in (".jsonl", ".csv", ".parquet", ".pq") else 1
                total += sub or 0
        elif is_parquet(inp):
            import pyarrow.parquet as pq

            try:
                total += pq.ParquetFile(inp).metadata.num_rows
            except (OSError, ValueError):
                continue
        elif path.suffix.lower() in (".jsonl", ".csv"):
            total += _count_lines(path) - (1 if path.suffix.lower() == ".csv" else 0)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    n = 0
    last = b"\n"
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                n += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 0
    return n + (0 if last == b"\n" else 1)
