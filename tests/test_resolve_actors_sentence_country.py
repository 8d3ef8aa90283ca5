"""An office holder we do not know serves the one country named in the same sentence."""

from __future__ import annotations

import pytest

from tidings.resolve.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver()


def resolve_first(nlp, resolver, text, phrase):
    doc = nlp(text)
    ctx = resolver.context("2005-01-01")
    sent = next(iter(doc.sents))
    resolver.observe(sent, ctx)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    return resolver.resolve_span(span, ctx)


def test_unknown_president_takes_the_sentence_country(nlp, resolver):
    actor = resolve_first(nlp, resolver, "President Ekow Mensaba reneged on his promise to the Zambian people.",
                          "President Ekow Mensaba")
    assert (actor.country, actor.sector) == ("ZMB", "GOV")
    assert "only one named in the sentence" in actor.why


def test_two_countries_in_the_sentence_leave_it_unknown(nlp, resolver):
    actor = resolve_first(nlp, resolver,
                          "President Ekow Mensaba met Kenyan and Ugandan officials in Nairobi.",
                          "President Ekow Mensaba")
    assert actor.country is None


def test_plain_role_noun_is_not_given_the_sentence_country(nlp, resolver):
    actor = resolve_first(nlp, resolver, "A president reneged on his promise to the Zambian people.",
                          "A president")
    assert actor is None or actor.country is None
