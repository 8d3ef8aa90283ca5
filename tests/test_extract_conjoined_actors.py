"""Coded actors of shared heads: each country in a list under one role noun gets
the role's sector; a list that is one country's name ("Trinidad and Tobago") stays
one actor."""

from __future__ import annotations

import pytest

from tidings.extract.phrases import list_members
from tidings.ingest import article_from_text
from tidings.resolve.actor_match import one_name

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code(coder):
    def run(text: str, type_: str):
        (res,) = coder.code_batch([article_from_text(text, date="2008-08-06")])
        found = [e for e in res.events if e.type == type_]
        assert len(found) == 1, [(e.trigger, e.type) for e in res.events]
        return found[0]

    return run


def codes(actors):
    return sorted((a.country, a.sector) for a in actors)


def test_foreign_ministers_of_three_countries_are_three_government_actors(code):
    e = code("The foreign ministers of France, Germany and Britain met Iranian officials in Geneva.", "CONSULT")
    assert codes(e.actors) == [("DEU", "GOV"), ("FRA", "GOV"), ("GBR", "GOV")]
    assert codes(e.recipients) == [("IRN", "GOV")]


def test_lawmakers_in_two_countries_are_two_legislatures(code):
    e = code("Lawmakers in France and Germany welcomed the agreement.", "SUPPORT")
    assert codes(e.actors) == [("DEU", "LEG"), ("FRA", "LEG")]


def test_recipients_share_their_head(code):
    e = code("Iran held talks with officials from Qatar and Egypt.", "CONSULT")
    assert codes(e.recipients) == [("EGY", "GOV"), ("QAT", "GOV")]
    e = code("The Iranian president met the leaders of Egypt and Jordan in Cairo.", "CONSULT")
    assert codes(e.recipients) == [("EGY", "GOV"), ("JOR", "GOV")]


def test_troops_from_two_countries_are_two_militaries(code):
    e = code("Troops from Chad and Niger attacked rebel positions near the border.", "ASSAULT")
    assert codes(e.actors) == [("NER", "MIL"), ("TCD", "MIL")]


def test_nationalities_before_one_head_are_one_actor_each(code):
    e = code("French and Egyptian warships fired on the rebel boats.", "ASSAULT")
    assert codes(e.actors) == [("EGY", "MIL"), ("FRA", "MIL")]
    assert all("warships" in a.text for a in e.actors)  # the span keeps what identifies the actor


def test_a_country_named_with_and_stays_one_actor(code):
    e = code("The president of Trinidad and Tobago met the Venezuelan foreign minister.", "CONSULT")
    assert codes(e.actors) == [("TTO", "GOV")]


def test_one_name_tells_a_compound_country_from_a_list(coder):
    kb = coder.knowledge.actors.kb
    assert one_name(kb, "Bosnia and Herzegovina")
    assert one_name(kb, "Trinidad and Tobago")
    assert not one_name(kb, "France and Germany")


def test_countries_sharing_a_possessed_noun(code):
    e = code("Egypt and Jordan's leaders condemned the attack.", "ACCUSE")
    assert codes(e.actors) == [("EGY", "GOV"), ("JOR", "GOV")]


def test_a_head_that_names_no_actor_is_not_shared(coder, nlp):
    doc = nlp("A strong performance in the Americas and China lifted the results.")
    head = next(t for t in doc if t.text == "performance")
    spans = list_members(head)
    assert len(spans) == 2  # the list is split; the resolver decides what the head names
    resolver = coder.knowledge.actors
    ctx = resolver.context("2008-08-06")
    assert resolver.resolve_span(spans[1], ctx) is None  # no "performance" of China's as an actor


def test_a_member_inside_a_longer_name_reads_as_that_name(code):
    e = code("The presidents of Cuba and Saint Vincent and the Grenadines agreed to strengthen relations.", "AGREE")
    assert codes(e.actors) == [("CUB", "GOV"), ("VCT", "GOV")]


def test_an_unknown_member_gives_no_countryless_actor(code):
    e = code("The governments of Peru and Qwertania have agreed to cooperate on climate change.", "AGREE")
    assert codes(e.actors) == [("PER", "GOV")]
