"""HTML pages to Articles: trafilatura for the main text, captions kept apart.

Photo captions describe a picture, often of a different moment than the
story ("Protesters burn a reception area..."), and when merged into body
paragraphs they create run-on sentences. They are lifted out of the page
before extraction and appended after the body as paragraphs of kind
"caption". Huge inline `data:` URIs are cut before parsing so a page with a
10 MB embedded image costs no more than one without.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from ..errors import EmptyInput, InputError
from ..model import Article
from .article import assemble
from .dates import normalise_date
from .decoding import check_size, check_text, decode_bytes
from .furniture import default_rules
from .paragraphs import Split, split_paragraphs

_DATA_URI = re.compile(r"data:[\w/+.-]{0,80}(?:;[\w=.-]+)*,[A-Za-z0-9+/=%\s]{256,}")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{2,40})""", re.IGNORECASE)
_OPEN_TITLE = re.compile(r"<title\b[^>]*>[^<]*", re.IGNORECASE)
_CLOSE_TITLE = re.compile(r"</title\s*>", re.IGNORECASE)
_CAPTION_XPATH = (
    "//figcaption | //caption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    " | //*[contains(@class, 'caption-text') or contains(@class, 'image-caption')]"
)
_CAPTION_MAX_CHARS = 600
_META_FIELDS = ("author", "sitename", "description", "hostname", "categories", "tags")


def decode_html(data: bytes) -> str:
    """Decode page bytes, trusting a <meta charset> declaration when it works."""
    check_size(len(data))
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii").lower())
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall back to sniffing the bytes
    return decode_bytes(data)


def _take_captions(tree: HtmlElement) -> list[str]:
    """Remove caption elements from the tree; return their texts in page order."""
    found = [el for el in tree.xpath(_CAPTION_XPATH) if isinstance(el, HtmlElement)]
    chosen = set(found)
    captions: list[str] = []
    for el in found:
        if any(anc in chosen for anc in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if len(text) > _CAPTION_MAX_CHARS:
            continue  # a "caption" this long is page layout, not a caption: leave it to trafilatura
        if text and text not in captions:
            captions.append(text)
        el.drop_tree()
    return captions


def _extract(html: str) -> tuple[str, dict[str, Any], list[str]]:
    """(body text with one paragraph per line, metadata dict, captions)."""
    tree = trafilatura.load_html(html)
    if tree is None:
        raise EmptyInput("the HTML has no parsable content")
    captions = _take_captions(tree)
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False)
    body = doc.text if doc is not None and doc.text else ""
    if not body.strip():
        # Pages trafilatura finds no article in (fragments, broken markup): take all text.
        body = trafilatura.baseline(tree)[1]
    meta: dict[str, Any] = {}
    if doc is not None:
        for key in ("title", "date", "url", *_META_FIELDS):
            value = getattr(doc, key, None)
            if value:
                meta[key] = value
    return body, meta, captions


def article_from_html(
    html: str | bytes,
    *,
    id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str | None = None,
    default_date: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """An Article from an HTML page; Article.text is the extracted text.

    Paragraphs are separated by blank lines; captions come after the body.
    Title, date, URL and site name come from the page metadata unless given.
    """
    if isinstance(html, bytes):
        html = decode_html(html)
    check_size(len(html))
    html = _DATA_URI.sub("data:,", html)
    check_text(html)
    if _OPEN_TITLE.search(html) and not _CLOSE_TITLE.search(html):
        # An unclosed <title> swallows the whole page as title text: close it at the next tag.
        html = _OPEN_TITLE.sub(r"\g<0></title>", html, count=1)
    try:
        body, page, captions = _extract(html)
    except (ValueError, etree.ParserError) as exc:
        raise InputError(f"the HTML cannot be parsed: {exc}") from exc
    lines = [" ".join(line.split()) for line in body.splitlines()]
    text = "\n\n".join(line for line in lines if line)
    if not text:
        raise EmptyInput("no article text found in the HTML")
    body_end = len(text)
    if captions:
        text += "\n\n" + "\n\n".join(captions)
    rules = default_rules()
    split = split_paragraphs(text, rules, 0, body_end)
    tail = split_paragraphs(text, rules, body_end, len(text), kind="caption")
    merged = Split(split.paragraphs + tail.paragraphs, split.dropped + tail.dropped)
    extra = {k: page[k] for k in _META_FIELDS if k in page}
    extra.update(meta or {})
    article = assemble(
        text, merged,
        id=id, title=title or page.get("title"), date=date, url=url or page.get("url"),
        source=source, origin=origin, default_date=default_date, meta=extra,
        metadata_date=normalise_date(page.get("date")),
    )
    if article.source is None and page.get("sitename"):
        article.source = page["sitename"]
    return article
