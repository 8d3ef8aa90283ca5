"""HTML pages: main text via trafilatura, captions kept apart, hostile markup survives."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tidings.errors import EmptyInput
from tidings.ingest import article_from_html

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PARAGRAPH = (
    "<p>The committee voted on Thursday to extend the inquiry into the border clashes by six months, "
    "a spokesman for the parliament said after the session.</p>"
)


@pytest.fixture(scope="module")
def page():  # type: ignore[no-untyped-def]
    return article_from_html((FIXTURES / "page.html").read_bytes(), origin="page.html")


def body_texts(article) -> list[str]:  # type: ignore[no-untyped-def]
    return [article.text[p.start:p.end] for p in article.paragraphs if p.kind == "body"]


def test_metadata_from_the_page(page) -> None:  # type: ignore[no-untyped-def]
    assert page.title == "Talks collapse as ceasefire deadline passes"
    assert (page.date, page.date_source) == ("2021-06-15", "metadata")
    assert page.dateline == "Geneva" and page.source == "Reuters"
    assert page.meta["sitename"] == "Example News"
    assert len(page.meta["content_hash"]) == 40 and page.id == page.meta["content_hash"][:16]


def test_scripts_navigation_and_furniture_are_not_text(page) -> None:  # type: ignore[no-untyped-def]
    kept = " ".join(body_texts(page))
    for noise in ("dataLayer", "font-family", "Sport", "newsletter", "Privacy Policy", "Copyright"):
        assert noise not in kept
    assert body_texts(page)[0].startswith("Negotiators for the two sides")
    assert len(body_texts(page)) == 4


def test_captions_are_separate_paragraphs_after_the_body(page) -> None:  # type: ignore[no-untyped-def]
    kinds = [p.kind for p in page.paragraphs]
    assert kinds[0] == "title" and kinds[-1] == "caption"
    assert kinds.index("caption") > max(i for i, k in enumerate(kinds) if k == "body")
    caption = page.paragraphs[-1]
    assert page.text[caption.start:caption.end] == "Delegates leave the conference hall in Geneva after the talks ended."
    assert page.captions == ["Delegates leave the conference hall in Geneva after the talks ended."]
    assert all("Delegates leave" not in t for t in body_texts(page))


def test_offsets_point_into_the_extracted_text(page) -> None:  # type: ignore[no-untyped-def]
    for p in page.paragraphs:
        piece = page.text[p.start:p.end]
        assert piece and piece == piece.strip()
        assert "\n" not in piece


def test_broken_unclosed_html_still_yields_text() -> None:
    article = article_from_html((FIXTURES / "broken.html").read_text(encoding="utf-8"))
    texts = body_texts(article)
    assert len(texts) == 3
    assert texts[0].startswith("Police fired tear gas")
    assert texts[-1].endswith("hospital officials said")


def test_huge_data_uri_is_cut_cheaply() -> None:
    blob = "A" * (8 * 1024 * 1024)
    html = f'<html><body><article><img src="data:image/png;base64,{blob}">{PARAGRAPH}{PARAGRAPH}</article></body></html>'
    start = time.perf_counter()
    article = article_from_html(html)
    elapsed = time.perf_counter() - start
    assert "AAAA" not in article.text
    assert body_texts(article)[0].startswith("The committee voted")
    assert elapsed < 2.0, f"an 8 MB data: URI took {elapsed:.2f} s"


def test_script_heavy_page_keeps_only_article_text() -> None:
    script = "<script>" + "var a = 'Subscribe now';" * 2000 + "</script>"
    article = article_from_html(f"<html><head>{script}</head><body>{script}<article>{PARAGRAPH}</article></body></html>")
    assert "var a" not in article.text
    assert "committee voted" in article.text


def test_charset_declaration_is_honoured() -> None:
    html = (
        '<html><head><meta charset="windows-1252"></head><body><article>'
        "<p>The caf\u00e9 owner\u2019s appeal was rejected by the court on Monday, lawyers said after the hearing ended.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    assert "caf\u00e9 owner\u2019s" in article_from_html(html).text


@pytest.mark.parametrize("html", ["<html><body></body></html>", "<html><body><script>x()</script></body></html>"])
def test_page_without_text_is_empty_input(html: str) -> None:
    with pytest.raises(EmptyInput):
        article_from_html(html)


def test_given_fields_override_page_metadata() -> None:
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    article = article_from_html(html, id="x1", title="Given title", date="2021-06-14", source="Wire")
    assert (article.id, article.title, article.date, article.date_source, article.source) == (
        "x1", "Given title", "2021-06-14", "record", "Wire",
    )
