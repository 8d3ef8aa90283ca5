"""The other party of an event (`resolve_span(..., apart=...)`): a state named in the doers'
words says who acted, not where the recipients are from; `doer_by_mode` and
`takes_event_country` (what the pipeline asks of an actor)."""

from __future__ import annotations

import pytest

from tidings.model import Actor
from tidings.resolve.actors import ActorResolver, takes_event_country


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver()


def resolve_pair(nlp, resolver, text, doer, victim, where=None):
    """Resolve the doer, then the victim with and without the doer held apart."""
    doc = nlp(text)
    sent = next(iter(doc.sents))

    def span(phrase):
        start = text.index(phrase)
        return doc.char_span(start, start + len(phrase))

    results = []
    for apart in ([], [span(doer)]):
        ctx = resolver.context("2015-06-01")
        resolver.observe(sent, ctx)
        resolver.resolve_span(span(doer), ctx)
        results.append(resolver.resolve_span(span(victim), ctx, apart=apart, where=where))
    return results


def test_doer_state_yields_to_the_sentence_place(nlp, resolver):
    text = "Five civilians were killed in a Saudi-led coalition airstrike in Yemen on Monday."
    plain, held = resolve_pair(nlp, resolver, text, "a Saudi-led coalition", "Five civilians", where="YEM")
    assert plain.country != "YEM"  # the doer's words outweigh the place without the rule
    assert held.country == "YEM"


def test_doer_state_yields_to_the_event_place(nlp, resolver):
    # the place is one the geoparser knows ("where"), not a mention the resolver saw
    text = "Five civilians were killed in a Saudi-led coalition airstrike."
    plain, held = resolve_pair(nlp, resolver, text, "a Saudi-led coalition", "Five civilians", where="YEM")
    assert plain.country == "SAU"
    assert held.country is None  # left to the event's place


def test_doer_state_counts_when_nothing_else_places_the_event(nlp, resolver):
    text = "Syrian troops shelled the villagers."
    _, held = resolve_pair(nlp, resolver, text, "Syrian troops", "the villagers", where=None)
    assert held.country == "SYR"


def test_named_doer_still_places_the_victims(nlp, resolver):
    text = "Baloch Liberation Army militants killed 20 people near Iran."
    _, held = resolve_pair(nlp, resolver, text, "Baloch Liberation Army militants", "20 people", where="PAK")
    assert held.country != "IRN"
    assert held.country in (None, "PAK")


def test_body_acting_at_home_still_places_the_victims(nlp, resolver):
    text = "Egyptian police arrested 20 students."
    _, held = resolve_pair(nlp, resolver, text, "Egyptian police", "20 students", where="EGY")
    assert held.country == "EGY"


@pytest.mark.parametrize("mode", ["aerial", "drone", "heavy-weapons"])
def test_state_doer_of_a_strike_is_its_military(resolver, mode):
    bare = resolver.lookup("French")
    assert bare.sector is None
    doer = resolver.doer_by_mode(bare, mode)
    assert (doer.country, doer.sector) == ("FRA", "MIL")
    assert bare.sector is None  # a copy: the coreference memory keeps the words' reading


def test_state_pointed_back_at_is_its_military(resolver):
    country = Actor(text="The country", name="Finland", country="FIN", why="'the country' -> 'Finland'")
    assert resolver.doer_by_mode(country, "aerial").sector == "MIL"


def test_mode_gives_no_sector_to_others(resolver):
    assert resolver.doer_by_mode(resolver.lookup("French"), None).sector is None
    assert resolver.doer_by_mode(resolver.lookup("French"), "firearms").sector is None
    assert resolver.doer_by_mode(resolver.lookup("Hezbollah"), "drone").sector == "REB"
    chechen = resolver.lookup("Chechen")  # a region's people, not a state
    assert resolver.doer_by_mode(chechen, "heavy-weapons").sector is None


def test_takes_event_country():
    assert takes_event_country(Actor(text="A man", name="man", sector="UNK"))
    assert takes_event_country(Actor(text="the residents", name="residents", sector="CVL"))
    assert takes_event_country(Actor(text="Four children", name="Four children", sector="CVL"))
    assert takes_event_country(Actor(text="police", name="police", sector="COP"))
    assert not takes_event_country(Actor(text="the army", name="army", sector="MIL"))
    assert not takes_event_country(Actor(text="a drone", name="drone", sector="MIL"))
    assert not takes_event_country(Actor(text="he", name="Donald Trump", sector="GOV"))
    assert not takes_event_country(Actor(text="a man", name="man", country="PSE", sector="UNK"))
    assert not takes_event_country(Actor(text="a town", name="town", sector=None))
