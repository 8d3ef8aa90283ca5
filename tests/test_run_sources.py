"""Sources beyond plain files: WARC, Parquet, pages and feeds over loopback HTTP."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_run_fetch import Loopback  # the real loopback http.server

from tidings.errors import InputFailure
from tidings.model import Article
from tidings.run.fetch import Fetcher, FetchOptions
from tidings.run.sources import count_records, read_sources

STORIES = {
    "talks": [
        "Officials from both countries met in Geneva on Monday to discuss a new trade agreement.",
        "The two delegations said the talks were constructive and would continue next month.",
        "Negotiators are expected to finalise the terms of the deal before the end of the year.",
    ],
    "protest": [
        "Thousands of protesters marched through the capital on Saturday to demand new elections.",
        "Police used tear gas to disperse the crowd near the parliament building, witnesses said.",
        "The opposition leader called on the government to release the detained activists.",
    ],
    "aid": [
        "The United Nations sent food and medical supplies to the flooded region on Thursday.",
        "Aid workers said thousands of families had lost their homes after the heavy rains.",
        "The government appealed for international help to rebuild roads and bridges.",
    ],
}


def page(title: str, paras: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def rss(base: str, items: list[tuple[str, str, str | None]]) -> bytes:
    """items: (guid, link path, inline content or None)."""
    entries = "".join(
        f"<item><title>{g} story</title><link>{base}{link}</link><guid>{g}</guid>"
        f"<pubDate>Tue, 31 Dec 2019 10:00:00 GMT</pubDate>"
        + (f"<description><![CDATA[{content}]]></description>" if content else "")
        + "</item>"
        for g, link, content in items
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>Loopback news</title>"
        f"<link>{base}/</link><description>test</description>{entries}</channel></rss>"
    ).encode()


@pytest.fixture
def site() -> Iterator[Loopback]:
    server = Loopback().start()
    html = {"Content-Type": "text/html; charset=utf-8"}
    for name, paras in STORIES.items():
        server.routes[f"/{name}.html"] = [(200, html, page(name.title(), paras))]
    base = server.url("")
    server.routes["/feed.xml"] = [(200, {"Content-Type": "application/rss+xml"}, rss(base, [
        ("g-talks", "/talks.html", None),  # teaser-less: the page is fetched
        ("g-aid", "/aid.html", None),
        ("g-gone", "/gone.html", None),  # 404: a failure, the rest goes on
    ]))]
    yield server
    server.stop()


def articles(items: list[Article | InputFailure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def failures(items: list[Article | InputFailure]) -> list[InputFailure]:
    return [i for i in items if isinstance(i, InputFailure)]


FAST = FetchOptions(timeout=5, retries=1, backoff=0.01)


def test_run_sources_reads_a_page_url(site: Loopback) -> None:
    with Fetcher(FAST) as f:
        items = list(read_sources([site.url("/protest.html")], fetcher=f))
    (art,) = articles(items)
    assert "tear gas" in art.text and art.url == site.url("/protest.html")


def test_run_sources_reads_feed_items_and_reports_broken_links(site: Loopback) -> None:
    with Fetcher(FAST) as f:
        items = list(read_sources([site.url("/feed.xml")], fetcher=f))
    arts = articles(items)
    assert sorted(a.url for a in arts) == sorted([site.url("/talks.html"), site.url("/aid.html")])
    assert all(a.date == "2019-12-31" for a in arts)
    assert any("Geneva" in a.text for a in arts)
    (bad,) = failures(items)
    assert "gone.html" in bad.origin and "404" in bad.reason


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(uri: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2020-01-02T03:04:05Z"},
            )
            writer.write_record(rec)

        response("https://news.example/talks", "200 OK", "text/html", page("Talks", STORIES["talks"]))
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("https://news.example/missing", "404 Not Found", "text/html", b"<p>gone</p>")
        response("https://news.example/aid", "200 OK", "text/html; charset=utf-8", page("Aid", STORIES["aid"]))


def test_run_sources_reads_html_responses_from_warc(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    items = list(read_sources([str(warc)]))
    arts = articles(items)
    assert [a.url for a in arts] == ["https://news.example/talks", "https://news.example/aid"]
    assert not failures(items)
    assert all(a.date == "2020-01-02" and a.date_source == "option" for a in arts)
    assert count_records([str(warc)]) is None  # unknown without reading: no ETA


def test_run_sources_reads_parquet_rows_and_folders(tmp_path: Path) -> None:
    rows = [{"id": k, "text": "\n\n".join(v), "date": "2021-05-06"} for k, v in STORIES.items()]
    rows.append({"id": "empty", "text": "", "date": None})
    folder = tmp_path / "parts"
    folder.mkdir()
    pq.write_table(pa.Table.from_pylist(rows), folder / "part-0.parquet")
    write_warc(folder / "crawl.warc.gz")
    items = list(read_sources([str(folder)]))
    arts = articles(items)
    assert {a.id for a in arts} >= set(STORIES)
    assert len(arts) == len(STORIES) + 2  # three records and two WARC pages
    assert len(failures(items)) == 1  # the empty record
    assert count_records([str(folder / "part-0.parquet")]) == 4


def test_run_sources_a_library_bug_on_one_record_skips_only_that_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tidings.ingest

    real = tidings.ingest.article_from_html

    def buggy(body: bytes, **kw: object) -> Article:
        if "talks" in str(kw.get("url")):
            raise RuntimeError("parser bug")
        return real(body, **kw)

    monkeypatch.setattr(tidings.ingest, "article_from_html", buggy)
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    items = list(read_sources([str(warc)]))
    assert [a.url for a in articles(items)] == ["https://news.example/aid"]
    (bad,) = failures(items)
    assert bad.origin.endswith("#https://news.example/talks") and "unexpected RuntimeError" in bad.reason
