"""PLOVER conventions for phrases on their own: unidentified people, pronouns with no
story, sloppy case, staff of a body, and organisations named after their place."""

from __future__ import annotations

import pytest

from tidings.resolve.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def code(resolver: ActorResolver, text: str, date: str | None = None) -> tuple | None:
    actor = resolver.lookup(text, date)
    return None if actor is None else (actor.country, actor.sector)


@pytest.mark.parametrize("text, expected", [
    ("two men", (None, "UNK")),
    ("a group of men", (None, "UNK")),
    ("occupiers", (None, "UNK")),
    ("four Saudi men", ("SAU", "CVL")),  # a nationality identifies them as civilians
])
def test_bare_men_are_unidentified(resolver, text, expected):
    assert code(resolver, text) == expected


@pytest.mark.parametrize("pronoun", ["he", "She", "they"])
def test_a_pronoun_without_a_story_is_an_unidentified_actor(resolver, pronoun):
    actor = resolver.lookup(pronoun)
    assert (actor.country, actor.sector) == (None, "UNK")
    assert "no antecedent" in actor.why


def test_relative_pronouns_alone_are_no_actor(resolver):
    assert resolver.lookup("which") is None


def test_nationality_words_match_in_lower_case_unless_they_are_english_words(resolver):
    assert code(resolver, "tunisian rioters") == ("TUN", "CVL")
    assert code(resolver, "polish workers") == (None, "LAB")
    assert resolver.lookup("a turkey") is None


def test_misspelt_country_names_still_match(resolver):
    assert code(resolver, "Ethopia") == ("ETH", None)
    assert code(resolver, "Kazahks") == ("KAZ", "CVL")


@pytest.mark.parametrize("text, expected", [
    ("army accountant", (None, "MIL")),
    ("government economists", (None, "GOV")),
    ("an army restaurant", None),  # a thing, not staff
    ("Kampuchean guerrilla camps", ("KHM", "REB")),  # a place the guerrillas hold
    ("rebel positions", (None, "REB")),
    ("Chinese investment", ("CHN", None)),
])
def test_staff_nouns_after_a_body_keep_its_sector(resolver, text, expected):
    assert code(resolver, text) == expected


def test_a_place_after_an_organisation_word_gives_the_country(resolver):
    assert code(resolver, "Aboriginal Medical Services Alliance Northern Territory") == ("AUS", "MED")
    assert resolver.lookup("Leon Bobb") is None  # a person's name glued to a place stays unknown


@pytest.mark.parametrize("text, expected", [
    ("a car bomb", (None, "UAF")),
    ("an improvised explosive device", (None, "UAF")),
    ("President of the Chadian Human Rights League", ("TCD", "SOC")),
    ("Congressional group", (None, "LEG")),
    ("two large gang confederations", (None, "CRM")),
    ("white supremicists", (None, "CRM")),  # misspelt role noun
    ("Katushya", (None, "MIL")),  # misspelt, capitalised
    ("an Arleigh Burke-class destroyer", ("USA", "MIL")),
    ("Kampuchean guerrillas", ("KHM", "REB")),
    ("partially recognized country", (None, "PRE")),
    ("The Albanians of southern Serbia", ("SRB", "CVL")),  # a people of a place live in its state
    ("Albanians", ("ALB", "CVL")),
    ("ethnic Albanian guerrillas operating in Macedonia", ("MKD", "REB")),
    ("Albanian guerrillas operating in Macedonia", ("ALB", "REB")),
])
def test_role_nouns_and_knowledge_entries(resolver, text, expected):
    assert code(resolver, text) == expected


@pytest.mark.parametrize("text, date, expected", [
    ("Nelson Mandela", "1996-01-01", ("ZAF", "GOV")),
    ("Nelson Mandela", "2001-01-01", ("ZAF", "ELI")),
    ("Jean-Bertrand Aristide", "2002-06-01", ("HTI", "GOV")),
    ("Jam Kamal Khan", "2021-10-01", ("PAK", "GOV")),
    ("Jam Kamal Khan", "2022-10-20", ("PAK", "LEG")),
    ("Andrei Kartapolov", "2021-01-01", ("RUS", "GOV")),
    ("Diego Molano", "2022-06-01", ("COL", "GOV")),
])
def test_dated_offices_of_added_people(resolver, text, date, expected):
    assert code(resolver, text, date) == expected


@pytest.mark.parametrize("text, expected", [
    ("Pakistan President Mohammad Zia-Ul-Haq", ("PAK", "GOV")),  # a first name between title and entry
    ("King Hassan of Morocco", ("MAR", "GOV")),  # the title is part of the name we know
    ("Hassan II", ("MAR", "ELI")),  # no title written: our dates decide
    ("former President Mohammad Zia-Ul-Haq", ("PAK", "ELI")),
])
def test_a_written_title_outranks_our_dates(resolver, text, expected):
    assert code(resolver, text, "2000-01-01") == expected
