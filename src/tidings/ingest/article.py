"""Building an `Article` from text: paragraphs, title, date, dateline, agency, id.

`article_from_text` keeps `Article.text` exactly as given and describes it with
offsets, so every later span (sentence, trigger, actor) can be highlighted in
the user's own text. The publication date is taken, in order, from the caller
or record (`date_source="record"`), HTML metadata ("metadata"), the dateline
("dateline"), an explicit date near the top ("text"), and finally the
`--date` fallback (`default_date`, "option").
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..errors import EmptyInput
from ..model import Article, Paragraph
from .dates import normalise_date
from .decoding import check_text
from .furniture import default_rules
from .language import SAMPLE_CHARS, check_english
from .metadata import Dateline, agencies, find_dateline, find_text_date, trailing_agency
from .paragraphs import Split, headline, split_paragraphs

# Furniture rules whose lines credit the writer (unlike photo credits).
_CREDIT_RULES = frozenset({"copyright", "reporting_credit", "byline"})


def content_hash(text: str) -> str:
    """Full sha1 hex of the text: the store's identity for an article."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_from_text(
    text: str,
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
    """An Article for plain text; raises InputError subclasses for unusable text.

    `date` is an authoritative publication date (a record's or the caller's);
    `default_date` is only used when neither the text nor `date` gives one.
    """
    check_text(text)
    split = split_paragraphs(text, default_rules())
    return assemble(
        text, split, id=id, title=title, date=date, url=url, source=source,
        origin=origin, default_date=default_date, meta=meta,
    )


def assemble(
    text: str,
    split: Split,
    *,
    id: str | None,
    title: str | None,
    date: str | None,
    url: str | None,
    source: str | None,
    origin: str | None,
    default_date: str | None,
    meta: dict[str, Any] | None,
    metadata_date: str | None = None,
) -> Article:
    """Shared by the text and HTML paths once the text has been split."""
    paragraphs = split.paragraphs
    body = [p for p in paragraphs if p.kind == "body"]
    if not body:
        raise EmptyInput("no article text left once page furniture is removed")
    title = _mark_title(text, paragraphs, title)
    body = [p for p in paragraphs if p.kind == "body"]
    if not body:
        raise EmptyInput("only a headline, no article text")
    check_english(_sample(text, body))

    given = normalise_date(date)
    fallback = normalise_date(default_date)
    meta = dict(meta or {})
    if date is not None and given is None:
        meta["date_raw"] = str(date)
    reference = given or metadata_date or fallback
    dateline = _dateline(text, body, reference)
    when, when_source = _publication_date(text, given, metadata_date, dateline, fallback)

    if dateline:
        meta["dateline_text"] = text[dateline.start:dateline.end].strip()
        if dateline.region:
            meta["dateline_region"] = dateline.region
    digest = content_hash(text)
    meta["content_hash"] = digest
    return Article(
        id=str(id) if id not in (None, "") else digest[:16],
        text=text,
        title=title,
        date=when,
        date_source=when_source,
        url=url,
        source=source or _agency(text, split, dateline, body),
        dateline=dateline.place if dateline else None,
        origin=origin,
        paragraphs=paragraphs,
        captions=[text[p.start:p.end] for p in paragraphs if p.kind == "caption"],
        language="en",
        meta=meta,
    )


def _mark_title(text: str, paragraphs: list[Paragraph], title: str | None) -> str | None:
    """Mark a leading headline paragraph as kind "title"; return the title."""
    first = paragraphs[0]
    if first.kind != "body" or len(paragraphs) < 2:
        return title
    line = text[first.start:first.end]
    if title is not None:
        if _same_headline(line, title):
            first.kind = "title"
        return title
    if headline(text, first):
        first.kind = "title"
        return line
    return None


def _same_headline(line: str, title: str) -> bool:
    """True when the line is the title, or the title with a site name cut or added."""
    a = " ".join(line.split()).casefold()
    b = " ".join(title.split()).casefold()
    if not a or not b:
        return False
    return a == b or (len(a) <= 200 and min(len(a), len(b)) >= 12 and (a.startswith(b) or b.startswith(a)))


def _sample(text: str, body: list[Paragraph]) -> str:
    """The first ~2,000 characters of body text, for the language test."""
    parts: list[str] = []
    size = 0
    for p in body:
        parts.append(text[p.start:p.end])
        size += p.end - p.start
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(parts)


def _dateline(text: str, body: list[Paragraph], reference: str | None) -> Dateline | None:
    """Find a dateline in the first body paragraphs; move that paragraph's start past it."""
    for p in body[:2]:
        found = find_dateline(text, p.start, p.end, reference)
        if found:
            p.start = found.end
            return found
    return None


def _publication_date(
    text: str,
    given: str | None,
    metadata_date: str | None,
    dateline: Dateline | None,
    fallback: str | None,
) -> tuple[str | None, str | None]:
    if given:
        return given, "record"
    if metadata_date:
        return metadata_date, "metadata"
    if dateline and dateline.date:
        return dateline.date, "dateline"
    found = find_text_date(text)
    if found:
        return found, "text"
    if fallback:
        return fallback, "option"
    return None, None


def _agency(text: str, split: Split, dateline: Dateline | None, body: list[Paragraph]) -> str | None:
    """The agency credit: dateline, then credit lines, then a trailing "(AFP)"."""
    if dateline and dateline.agency:
        return dateline.agency
    known = agencies()
    for dropped in split.dropped:
        if dropped.rule in _CREDIT_RULES:
            found = known.find(text[dropped.start:dropped.end])
            if found:
                return found
    last = body[-1]
    return trailing_agency(text[last.start:last.end])
