"""Quotations: direct quotes with speakers, indirect speech, statements and posts."""

from __future__ import annotations

import pytest

from tidings.extract.quotes import find_quotes, inside_quotes, quote_regions

pytestmark = pytest.mark.model


def test_direct_quote_with_said(nlp):
    doc = nlp('"We will not allow this aggression to go unanswered," the foreign minister said.')
    (q,) = find_quotes(doc)
    assert q.kind == "direct" and q.quote.text.startswith("We will not allow")
    assert q.speaker is not None and q.speaker.text == "the foreign minister"


def test_according_to_gives_the_speaker(nlp):
    doc = nlp('The strikes were "a grave violation of sovereignty", according to the Iraqi prime minister.')
    (q,) = find_quotes(doc)
    assert q.speaker is not None and q.speaker.text == "the Iraqi prime minister"


def test_indirect_speech_and_posts(nlp):
    doc = nlp("Trump wrote on Twitter that Iran would be held fully responsible.")
    (q,) = find_quotes(doc)
    assert q.kind == "statement" and q.speaker.text == "Trump"
    doc = nlp("The ministry said that 62 people had been wounded.")
    (q,) = find_quotes(doc)
    assert q.kind == "indirect" and q.quote.text.startswith("62 people")


def test_scare_quotes_are_not_quotations(nlp):
    doc = nlp('Iran accused the United States of "aggression".')
    assert find_quotes(doc) == []


def test_inside_quotes(nlp):
    doc = nlp('"Death to America," the crowd chanted as they marched.')
    regions = quote_regions(doc)
    assert inside_quotes(doc[1], regions) and not inside_quotes(doc[-2], regions)
