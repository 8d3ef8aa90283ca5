"""Statements that are no event: refusals to comment, habits, wishes, views and assurances
(extract/idioms.py, extract/background.py, extract/triggers.py). Made-up sentences."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses

pytestmark = pytest.mark.model


def asserted(nlp, lex, text):
    """(type, trigger) of every asserted clause in the text."""
    return [
        (c.type, c.trigger.text)
        for sent in nlp(text).sents
        for c in find_clauses(sent, lex)
        if c.modality == "asserted"
    ]


def types(nlp, lex, text):
    return {t for t, _ in asserted(nlp, lex, text)}


@pytest.mark.parametrize(
    "text",
    [
        "A ministry spokeswoman declined comment on the report.",
        "The embassy declined to respond to questions about the detainees.",
        "The general refused to be identified.",
        "The minister's aide declined to say whether talks had begun.",
    ],
)
def test_declining_to_comment_is_no_rejection(nlp, lex, text):
    assert "REJECT" not in types(nlp, lex, text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebel leader refused to respond to a demand from the mediators to disarm.",
        "Ruritania declined the invitation to the summit.",
        "Ruritania declined to attend the summit.",
    ],
)
def test_refusing_a_party_is_still_a_rejection(nlp, lex, text):
    assert "REJECT" in types(nlp, lex, text)


def test_intransitive_decline_is_no_refusal(nlp, lex):
    assert "REJECT" not in types(nlp, lex, "Exports were declining before the new tariffs.")


@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian officials routinely deny arming the rebels.",
        "Ruritania has denied for years that its reactor is military.",
        "Landlords who persistently refuse to register will lose their licence.",
    ],
)
def test_habitual_statement_is_a_position_not_an_event(nlp, lex, text):
    assert "REJECT" not in types(nlp, lex, text)


def test_routine_violence_still_reports_abuse(nlp, lex):
    text = "Guards routinely beat detainees at the prison, a court was told on Monday."
    assert "ASSAULT" in types(nlp, lex, text)


def test_repeated_call_still_codes(nlp, lex):
    assert "REQUEST" in types(nlp, lex, "Western leaders have repeatedly called on Ruritania to free the journalists.")


def test_present_relative_clause_describes_the_party(nlp, lex):
    text = "Mr Dunmore, whose party opposes the road plan, spoke in the debate."
    assert "REJECT" not in types(nlp, lex, text)


def test_dated_relative_clause_still_codes(nlp, lex):
    text = "Police arrested rebels who attacked the town on Monday."
    assert "ASSAULT" in types(nlp, lex, text)


@pytest.mark.parametrize(
    "text",
    [
        "We want the new mayor to be as open as possible, the party chairman said.",
        "The minister wants young people to feel they belong.",
    ],
)
def test_wishing_a_state_is_no_request(nlp, lex, text):
    assert "REQUEST" not in types(nlp, lex, text)


def test_wanting_an_act_of_a_party_is_a_request(nlp, lex):
    assert "REQUEST" in types(nlp, lex, "Ruritania wants Freedonia to lift its sanctions.")


def test_agreeing_with_a_view_is_no_agreement(nlp, lex):
    assert "AGREE" not in types(nlp, lex, "A student said she agreed with the officials' concerns.")


def test_agreeing_with_a_party_is_an_agreement(nlp, lex):
    assert "AGREE" in types(nlp, lex, "Ruritania agreed with Freedonia on a ceasefire.")


def test_assuring_a_state_promises_no_act(nlp, lex):
    text = "The envoy promised that the new commission would not be a talking shop."
    assert "AGREE" not in types(nlp, lex, text)


@pytest.mark.parametrize(
    "text",
    [
        "He said he accepted that young voters were angry.",
        "The employers' federation complains of a lack of skills.",
        "The finance minister rebuffed fears that the tariffs would cause a recession.",
    ],
)
def test_views_and_complaints_about_things_are_no_events(nlp, lex, text):
    assert not asserted(nlp, lex, text)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Ruritania accepted the ceasefire proposal.", "AGREE"),
        ("Ruritania complained to the United Nations about the border incursion.", "ACCUSE"),
    ],
)
def test_acceptance_and_complaint_to_a_party_still_code(nlp, lex, text, kind):
    assert kind in types(nlp, lex, text)


def test_regular_meetings_are_a_habit(nlp, lex):
    text = "The spokesman said the prime minister has regular meetings with both party leaders."
    assert "CONSULT" not in types(nlp, lex, text)


def test_a_meeting_held_is_an_event(nlp, lex):
    assert "CONSULT" in types(nlp, lex, "The prime minister held a meeting with both party leaders on Monday.")


def test_concurring_after_a_quotation_is_a_source_line(nlp, lex):
    text = "\u201cThe danger has not passed yet,\u201d agreed a rights activist living abroad."
    assert "AGREE" not in types(nlp, lex, text)


def test_agreeing_to_an_act_is_an_agreement(nlp, lex):
    assert "AGREE" in types(nlp, lex, "Ruritania agreed to resume talks with the agency.")
