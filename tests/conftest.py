"""Shared fixtures: the coder, the spaCy model, the lexicon and the geoparser are loaded once per
test session (a test module may still define its own)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def coder():
    from tidings.pipeline import Coder

    return Coder().setup()


@pytest.fixture(scope="session")
def shared():
    from tidings.paths import shared_dir

    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent: gold sets and corpora not available here")
    return path


@pytest.fixture(scope="session")
def nlp():
    from tidings.nlp import load

    return load()


@pytest.fixture(scope="session")
def geo():
    from tidings.resolve.places import Geoparser

    return Geoparser()


@pytest.fixture(scope="session")
def lex():
    from tidings.lexicon import load

    return load()


@pytest.fixture(scope="session")
def event_place_text(nlp, geo):
    """`where(text, trigger)`: the text of the place `PlaceContext.event_place` gives the
    event whose trigger is the first occurrence of `trigger` in `text` (None: no place)."""
    from tidings.model import Article, Paragraph

    def where(text: str, trigger: str) -> str | None:
        doc = nlp(text)
        doc.user_data["offset"] = 0
        ctx = geo.context([doc], Article(id="t", text=text, paragraphs=[Paragraph(0, len(text))]))
        start = text.index(trigger)
        place = ctx.event_place(doc.char_span(start, start + len(trigger), alignment_mode="expand"))
        return place.text if place is not None else None

    return where
