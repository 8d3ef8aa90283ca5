"""Moods that keep an act from being reported as done (extract/modality.py, extract/intent.py).
Made-up sentences."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses

pytestmark = pytest.mark.model


def mood(nlp, lex, text, trigger):
    """The modality of the clause whose trigger contains `trigger`."""
    found = [c for sent in nlp(text).sents for c in find_clauses(sent, lex) if trigger in c.trigger.text]
    assert found, f"no clause for {trigger!r}"
    return found[0].modality


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        ("The spokesman said no complaint had been made against the mayor.", "complaint", "negated"),
        ("Officials said no civilians were killed in the operation.", "killed", "negated"),
        ("They may impose sanctions on Freedonia, cutting foreign aid.", "cutting", "hypothetical"),
        ("A new government could lead to Ruritania reneging on its reforms.", "reneging", "hypothetical"),
        ("I look forward to discussing the border with my counterpart.", "discussing", "hypothetical"),
        ("The analyst suggested sanctions as a way to push for the reporter's release.", "push", "hypothetical"),
        ("Protesters are to stage a rally in the capital on Saturday.", "rally", "future"),
        ("A wrong policy, like supporting the rebels, angered Freedonia.", "supporting", "hypothetical"),
        ("It is like the government is prosecuting its own case.", "prosecuting", "hypothetical"),
        ("The tariffs are aimed at raising revenue, protecting jobs and pressuring exporters to relocate.", "pressuring", "hypothetical"),
    ],
)
def test_act_not_reported_as_done(nlp, lex, text, trigger, expected):
    assert mood(nlp, lex, text, trigger) == expected


def test_belief_about_a_decision_is_no_decision(nlp, lex):
    text = "I think the president has now decided to lift the freeze on weapons."
    assert mood(nlp, lex, text, "lift") == "hypothetical"


def test_decision_itself_is_a_stated_intent(nlp, lex):
    found = [
        c
        for sent in nlp("The president said he has decided to lift the freeze on weapons.").sents
        for c in find_clauses(sent, lex)
    ]
    assert any(c.modality == "asserted" for c in found)


def test_participle_of_a_done_act_is_done(nlp, lex):
    assert mood(nlp, lex, "Soldiers opened fire on the crowd, wounding dozens.", "opened") == "asserted"


def test_rally_held_to_protest_is_no_mere_purpose(nlp, lex):
    text = "Thousands converged on Friday for a rally in the capital to protest the new law."
    found = [c for sent in nlp(text).sents for c in find_clauses(sent, lex) if c.type == "PROTEST"]
    assert found


def test_promise_reported_in_gratitude_is_still_a_stated_intent(nlp, lex):
    text = '"We were grateful that the president said that he will help release my father," she said.'
    found = [c for sent in nlp(text).sents for c in find_clauses(sent, lex) if c.modality == "asserted"]
    assert any(c.type == "AGREE" for c in found)


def test_indirect_question_about_a_future_act_is_no_intent(nlp, lex):
    text = "They must say how they would fund their spending commitments."
    assert mood(nlp, lex, text, "fund") == "hypothetical"


def test_witnesses_describing_an_attack_still_report_it(nlp, lex):
    text = "Witnesses described how soldiers opened fire on the crowd on Friday."
    assert mood(nlp, lex, text, "opened") == "asserted"


def test_a_way_of_doing_is_no_deed(nlp, lex):
    text = "The minister said the ceremony would be a way of recognising the new republic."
    assert mood(nlp, lex, text, "recognising") == "hypothetical"
