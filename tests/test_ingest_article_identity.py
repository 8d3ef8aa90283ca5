"""Article ids, content hashes and the offsets invariant on arbitrary text."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.errors import InputError
from tidings.ingest import article_from_text

BODY = "The minister said on Tuesday that the government would hold talks with the opposition next week."


def test_id_is_short_content_hash_unless_given() -> None:
    digest = hashlib.sha1(BODY.encode("utf-8")).hexdigest()
    article = article_from_text(BODY)
    assert article.id == digest[:16]
    assert article.meta["content_hash"] == digest
    assert article_from_text(BODY, id="wire-42").id == "wire-42"
    assert article_from_text(BODY, id="wire-42").meta["content_hash"] == digest


def test_text_is_kept_exactly_as_given() -> None:
    text = "  \r\nArmy retakes town\r\n\r\n" + BODY + "\t\n\nShare on Facebook\n"
    article = article_from_text(text, url="https://example.org/x", origin="x.txt")
    assert article.text == text
    assert (article.url, article.origin) == ("https://example.org/x", "x.txt")


_PIECES = st.sampled_from(
    [
        BODY, "Share on Facebook", "Photo: AFP", "BAGHDAD (AFP) - ", "Army retakes town", "\n", "\n\n",
        "\r\n", "  ", "Copyright 2020", "(Photo by A B/AFP via Getty Images)", "Image caption Crowds gather",
        "é", "\t", "Published 31 December 2019", ".",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_offsets_always_point_at_stripped_paragraphs(text: str) -> None:
    try:
        article = article_from_text(text)
    except InputError:
        return
    assert article.text == text
    previous_end = 0
    for p in article.paragraphs:
        piece = text[p.start:p.end]
        assert 0 <= p.start < p.end <= len(text)
        assert piece == piece.strip() and piece
        assert p.start >= previous_end, "paragraphs are in order and do not overlap"
        previous_end = p.end
        assert p.kind in ("body", "caption", "title")
