"""Victims of an attack take the place's country, not the attacker's; people said with an
article take the event's place; a state's air, drone or artillery strike is its
military's."""

from __future__ import annotations

import pytest

from tidings.pipeline import code


def attack(coder, text):
    events = [e for e in code(text, date="2015-06-01", coder=coder) if e.type == "ASSAULT"]
    assert len(events) == 1, [(e.trigger, e.type) for e in events]
    return events[0]


@pytest.mark.parametrize("text, doer, place", [
    ("Seven people were killed in a Saudi-led coalition airstrike in Saada.", "SAU", "YEM"),
    ("Five civilians were killed in Russian artillery shelling near Idlib.", "RUS", "SYR"),
    ("Three villagers were killed in an Israeli drone strike in southern Lebanon.", "ISR", "LBN"),
])
def test_pipeline_victims_take_the_place_not_the_attacker(coder, text, doer, place):
    event = attack(coder, text)
    assert [(a.country, a.sector) for a in event.actors] == [(doer, "MIL")]
    assert event.recipients
    assert all(r.country == place for r in event.recipients)


@pytest.mark.parametrize("text, victim, place", [
    ("A man was killed in an Israeli air strike in Gaza.", "A man", "PSE"),
    ("A woman was wounded in Turkish shelling near Afrin.", "A woman", "SYR"),
    ("The residents were wounded in a Russian drone strike in Idlib.", "The residents", "SYR"),
])
def test_pipeline_people_with_an_article_take_the_place(coder, text, victim, place):
    event = attack(coder, text)
    (person,) = [r for r in event.recipients if r.text == victim]
    assert person.country == place


@pytest.mark.parametrize("text, doer", [
    ("A French air strike killed three militants near Mosul.", "FRA"),
    ("A U.S. drone strike killed four militants in North Waziristan.", "USA"),
    ("Two civilians were killed in Turkish shelling near Afrin.", "TUR"),
])
def test_pipeline_state_strike_is_military(coder, text, doer):
    event = attack(coder, text)
    assert [(a.country, a.sector) for a in event.actors] == [(doer, "MIL")]


def test_pipeline_other_events_keep_their_countries(coder):
    (arrest,) = code("Israeli police arrested three Palestinians in Hebron.", date="2015-06-01", coder=coder)
    assert [(a.country, a.sector) for a in arrest.actors] == [("ISR", "COP")]
    assert [r.country for r in arrest.recipients] == ["PSE"]
    (storm,) = code("Iraqi protesters stormed the US embassy in Baghdad.", date="2015-06-01", coder=coder)
    assert [a.country for a in storm.actors] == ["IRQ"]
    assert [(r.country, r.sector) for r in storm.recipients] == [("USA", "GOV")]
