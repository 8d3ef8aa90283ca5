"""Acceptance picture for the extractor: a wire story in the style of DESIGN.md, our own text."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses

pytestmark = pytest.mark.model

STORY = [
    "Protesters storm Western embassy in Kabul after deadly drone strikes",
    "KABUL, March 3, 2021 (AFP) - Thousands of angry Afghan protesters stormed the British embassy "
    "in Kabul on Wednesday, two days after British drone strikes killed 14 fighters of a local militia.",
    "At least 40 people were wounded when guards fired tear gas, hospital officials said.",
    "Britain deployed paratroopers to Kabul late Wednesday to protect the compound.",
    "Prime Minister Boris Johnson accused Pakistan of orchestrating the assault on the embassy.",
    "Johnson also spoke by phone with Afghan President Ashraf Ghani.",
    "Pakistan's foreign ministry condemned the strikes.",
    "The Afghan government threatened to expel the British ambassador.",
    "An official said there were no plans to evacuate the embassy.",
    "Sign up for our newsletter",
]


@pytest.fixture(scope="module")
def events():
    from tidings.lexicon import load as load_lexicon
    from tidings.nlp import load

    nlp, lex = load(), load_lexicon()
    out = []
    for para in STORY:
        for sent in nlp(para).sents:
            out += [c for c in find_clauses(sent, lex) if c.modality == "asserted"]
    return out


def find(events, type_, agent_word):
    hits = [e for e in events if e.type == type_ and any(agent_word in a.text for a in e.agents)]
    assert hits, [(e.type, e.trigger.text, [a.text for a in e.agents]) for e in events]
    return hits[0]


def test_protest_with_crowd_and_target(events):
    e = find(events, "PROTEST", "protesters")
    assert e.entry.mode == "riot" and "British embassy" in e.patients[0].text
    assert [p.text for p in e.places] == ["Kabul"] and e.size == 2000


def test_drone_strikes_with_their_toll(events):
    e = find(events, "ASSAULT", "British")
    assert e.entry.mode == "drone" and e.fatalities == 14


def test_crowd_control_with_injuries(events):
    e = find(events, "ASSAULT", "guards")
    assert e.entry.mode == "crowd-control" and e.injuries == 40


def test_deployment_accusation_call_condemnation_threat(events):
    assert find(events, "MOBILIZE", "Britain").entry.mode == "troops"
    assert [p.text for p in find(events, "ACCUSE", "Johnson").patients] == ["Pakistan"]
    assert find(events, "CONSULT", "Johnson").entry.mode == "phone"
    assert find(events, "ACCUSE", "Pakistan").entry.mode == "disapprove"
    threat = find(events, "THREATEN", "Afghan government")
    assert threat.entry.cameo == "136" and [p.text for p in threat.patients] == ["the British ambassador"]


def test_nothing_from_negated_clauses_or_page_furniture(events):
    assert not [e for e in events if e.type == "AID"]
    assert not [e for e in events if e.trigger.text.lower().startswith("sign")]
