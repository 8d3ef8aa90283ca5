"""Crowd violence is a riot; the weapon decides a bombing's mode; protest slogans give no request
(extract/refine.py)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses

pytestmark = pytest.mark.model


def clauses(nlp, lex, text):
    return [c for s in nlp(text).sents for c in find_clauses(s, lex)]


@pytest.mark.parametrize(
    "text",
    [
        "The building was demolished by a protestor.",
        "Rioters torched cars in the city centre.",
        "Demonstrators attacked the police station.",
    ],
)
def test_crowd_violence_is_a_riot(nlp, lex, text):
    found = [c for c in clauses(nlp, lex, text) if c.modality == "asserted"]
    assert [(c.type, c.entry.mode, c.entry.cameo) for c in found] == [("PROTEST", "riot", "145")]


def test_weapons_of_war_keep_an_assault(nlp, lex):
    found = clauses(nlp, lex, "Demonstrators launched missiles at the government.")
    assert [c.type for c in found] == ["ASSAULT"]


def test_soldiers_demolishing_is_no_riot(nlp, lex):
    found = clauses(nlp, lex, "Soldiers demolished the building.")
    assert [c.type for c in found] == ["ASSAULT"]


def test_blown_up_by_a_missile_is_not_a_bombing(nlp, lex):
    found = clauses(nlp, lex, "The airliner was blown up by a surface-to-air missile.")
    assert [(c.entry.mode, c.entry.cameo) for c in found] == [("heavy-weapons", "194")]


def test_blown_up_by_militants_stays_explosives(nlp, lex):
    found = clauses(nlp, lex, "Militants blew up a bridge near the border.")
    assert [c.entry.mode for c in found] == ["explosives"]


@pytest.mark.parametrize(
    "text",
    [
        "Activists staged rallies in Gaza against the leader, saying he must resign.",
        "Prisoners rioted at a jail on Monday, joining thousands of demonstrators in demanding a referendum.",
    ],
)
def test_protest_slogan_is_no_separate_request(nlp, lex, text):
    found = [c for c in clauses(nlp, lex, text) if c.modality == "asserted"]
    assert [c.type for c in found] == ["PROTEST"]


def test_a_demand_outside_a_protest_still_codes(nlp, lex):
    found = clauses(nlp, lex, "The minister said the rebels must disarm.")
    assert "REQUEST" in [c.type for c in found if c.modality == "asserted"]


def test_armed_men_storming_is_an_attack(nlp, lex):
    found = clauses(nlp, lex, "Gunmen stormed a hotel in the city on Tuesday.")
    assert [(c.type, c.entry.cameo) for c in found] == [("ASSAULT", "190")]


def test_protesters_storming_is_a_riot(nlp, lex):
    found = clauses(nlp, lex, "Protesters stormed the embassy on Tuesday.")
    assert [c.type for c in found] == ["PROTEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Trump attacked the newspaper for refusing to support his plans.",
        "The opposition attacked the plan as reckless.",
    ],
)
def test_an_attack_in_words_is_criticism(nlp, lex, text):
    found = [c for c in clauses(nlp, lex, text) if c.modality == "asserted"]
    assert [(c.type, c.entry.cameo) for c in found][:1] == [("ACCUSE", "111")]


def test_a_suicide_bomber_detonating_is_a_suicide_attack(nlp, lex):
    found = clauses(nlp, lex, "A suicide bomber detonated explosives near a military convoy.")
    assert [c.entry.mode for c in found if c.type == "ASSAULT"][:1] == ["suicide-attack"]


def test_tariffs_targeting_a_country_are_a_sanction(nlp, lex):
    found = clauses(nlp, lex, "Trump's tariffs targeting Canada took effect on Tuesday.")
    assert [(c.type, c.entry.cameo) for c in found][:1] == [("SANCTION", "163")]
