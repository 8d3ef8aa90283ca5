"""Rules that use the sentence around a phrase: ethnic groups, possessive pronouns,
role nouns with no country of their own, and unidentified attackers' devices."""

from __future__ import annotations

import pytest

from tidings.model import Actor
from tidings.resolve.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def resolve_in(nlp, resolver: ActorResolver, text: str, phrase: str, before: tuple[str, ...] = ()) -> Actor:
    """Resolve `phrase` inside `text` as the pipeline does: the sentence observed first,
    and any `before` phrases resolved earlier (for coreference)."""
    doc = nlp(text)
    ctx = resolver.context("2005-01-01")
    sent = next(iter(doc.sents))
    resolver.observe(sent, ctx)
    for earlier in before:
        i = text.index(earlier)
        resolver.resolve_span(doc.char_span(i, i + len(earlier)), ctx)
    i = text.index(phrase)
    actor = resolver.resolve_span(doc.char_span(i, i + len(phrase)), ctx)
    assert actor is not None
    return actor


def test_an_ethnic_group_takes_the_state_the_sentence_names(nlp, resolver):
    actor = resolve_in(nlp, resolver, "Ethnic Albanians in Macedonia vowed to keep fighting.", "Ethnic Albanians")
    assert (actor.country, actor.sector) == ("MKD", "CVL")
    assert "ethnic ALB" in actor.why


def test_an_ethnic_group_alone_keeps_its_nationality(nlp, resolver):
    actor = resolve_in(nlp, resolver, "Ethnic Albanians vowed to keep fighting.", "Ethnic Albanians")
    assert actor.country == "ALB"


def test_two_other_states_equally_named_leave_the_nationality(nlp, resolver):
    actor = resolve_in(nlp, resolver, "Ethnic Turks protested against Sweden's decision to send them to Bulgaria.",
                       "Ethnic Turks")
    assert actor.country == "TUR"


def test_their_forces_belong_to_the_possessor(nlp, resolver):
    text = "The Bosnian government said their forces had completed the withdrawal."
    actor = resolve_in(nlp, resolver, text, "their forces", before=("The Bosnian government",))
    assert (actor.country, actor.sector) == ("BIH", "MIL")


def test_rebels_with_no_country_take_the_one_the_sentence_names(nlp, resolver):
    actor = resolve_in(nlp, resolver, "The Mozambique government accepted demands from Shona rebels.",
                       "Shona rebels")
    assert (actor.country, actor.sector) == ("MOZ", "REB")


def test_a_bomb_takes_the_country_of_the_place_not_of_its_victims(nlp, resolver):
    text = "Three US servicemen were killed by a roadside bomb near the city of Basra."
    actor = resolve_in(nlp, resolver, text, "a roadside bomb")
    assert (actor.country, actor.sector) == ("IRQ", "UAF")


def test_gunmen_do_not_take_their_victims_nationality(nlp, resolver):
    actor = resolve_in(nlp, resolver, "Gunmen killed an American tourist.", "Gunmen")
    assert (actor.country, actor.sector) == (None, "UAF")


def test_a_stance_is_not_a_country_of_the_sentence(nlp, resolver):
    text = "A prominent anti-Syria journalist was killed by a car bomb in Beirut."
    actor = resolve_in(nlp, resolver, text, "A prominent anti-Syria journalist")
    assert (actor.country, actor.sector) == ("LBN", "JRN")


def test_a_body_takes_the_country_the_sentence_names_most(nlp, resolver):
    text = ("Turkish police stopped a march by students of Cumhuriyet University in Sivas "
            "against sending troops to Iraq.")
    actor = resolve_in(nlp, resolver, text, "Cumhuriyet University")
    assert (actor.country, actor.sector) == ("TUR", "EDU")


def test_a_body_between_two_equally_named_countries_stays_unknown(nlp, resolver):
    actor = resolve_in(nlp, resolver, "Students in a town near the border of Chile and Peru protested.", "Students")
    assert (actor.country, actor.sector) == (None, "EDU")


def test_a_country_in_what_they_say_is_not_where_they_are(nlp, resolver):
    actor = resolve_in(nlp, resolver, "Clerics believe Kenya can cope with less water.", "Clerics")
    assert (actor.country, actor.sector) == (None, "REL")


def test_the_nationality_of_the_victims_does_not_place_the_rebels(nlp, resolver):
    actor = resolve_in(nlp, resolver, "Rebels bombed their positions, killing nine French peacekeepers.", "Rebels")
    assert (actor.country, actor.sector) == (None, "REB")


def test_home_bodies_place_the_sentence_by_their_nationality(nlp, resolver):
    text = "Egyptian police opened fire to disperse fundamentalist demonstrators."
    actor = resolve_in(nlp, resolver, text, "fundamentalist demonstrators")
    assert (actor.country, actor.sector) == ("EGY", "CVL")
