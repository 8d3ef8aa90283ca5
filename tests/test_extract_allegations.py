"""Alleged violence codes as the accusation, not the act (extract/allegations.py)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses
from tidings.lexicon import load as load_lexicon

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def asserted(nlp, lexicon, text):
    sent = next(iter(nlp(text).sents))
    return [c for c in find_clauses(sent, lexicon) if c.modality == "asserted"]


def test_claimed_attack_is_an_accusation_of_the_doer(nlp, lexicon):
    found = asserted(
        nlp, lexicon, "Pakistan claimed that Indian troops had shelled three villages."
    )
    assert [c.type for c in found] == ["ACCUSE"]
    assert "Pakistan" in found[0].agents[0].text
    assert any("Indian" in p.text for p in found[0].patients)


def test_said_that_with_another_doer_is_an_accusation(nlp, lexicon):
    found = asserted(
        nlp, lexicon, "Georgia said that Russian jets had bombed the port of Poti."
    )
    assert [c.type for c in found] == ["ACCUSE"]


def test_bare_source_line_stays_a_reported_attack(nlp, lexicon):
    found = asserted(
        nlp, lexicon, "Rebels attacked a police station in the north, the army said."
    )
    assert "ASSAULT" in [c.type for c in found]
    assert "ACCUSE" not in [c.type for c in found]


def test_grievance_inside_a_complaint_is_not_a_separate_event(nlp, lexicon):
    found = asserted(
        nlp,
        lexicon,
        "Chile complained to the United Nations over an attack on its embassy.",
    )
    assert "ASSAULT" not in [c.type for c in found]
