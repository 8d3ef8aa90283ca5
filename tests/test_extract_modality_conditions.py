"""Modality of acts that are wanted, claimed or conditional, and granted permissions (extract/modality.py)."""

from __future__ import annotations

import pytest

from tidings.extract.intent import is_stated_intent
from tidings.extract.modality import modality

pytestmark = pytest.mark.model


def token(nlp, text, word):
    return next(t for t in nlp(text) if t.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The union demanded that the company reinstate the workers.", "reinstate"),
        ("The council insisted that Israel ease restrictions on workers.", "ease"),
        ("The envoy recommended that the army withdraw its troops.", "withdraw"),
    ],
)
def test_mandative_subjunctive_is_wanted_not_done(nlp, text, word):
    assert modality(token(nlp, text, word)) == "hypothetical"


def test_indicative_that_clause_is_still_reported(nlp):
    text = "The ministry said that troops withdrew from the town."
    assert modality(token(nlp, text, "withdrew")) == "asserted"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Poland demanded an admission by Moscow that its forces murdered the officers.", "murdered"),
        ("Kigali repeated allegations that French troops trained the militias.", "trained"),
    ],
)
def test_content_of_a_claim_noun_is_not_asserted(nlp, text, word):
    assert modality(token(nlp, text, word)) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The rebels must agree to changes before they demobilize.", "demobilize", "hypothetical"),
        ("Talks must end before the aid is released.", "released", "hypothetical"),
        ("The rebels attacked the town before they withdrew.", "withdrew", "asserted"),
        ("Police searched the house before they arrested him.", "arrested", "asserted"),
    ],
)
def test_present_tense_condition_has_not_happened(nlp, text, word, expected):
    assert modality(token(nlp, text, word)) == expected


def test_a_party_granting_permission_states_its_intent(nlp):
    assert is_stated_intent(token(nlp, "Turkey will allow the refugees to return home.", "allow"))
    assert is_stated_intent(token(nlp, "The government will permit observers to attend.", "permit"))


def test_a_thing_that_allows_is_no_party(nlp):
    assert not is_stated_intent(token(nlp, "The new system will allow analysts to see the data.", "allow"))


def test_a_measure_refuses_nothing(nlp):
    from tidings.extract.intent import is_refusal

    assert is_refusal(token(nlp, "Syria will not accept more refugees.", "accept"))
    text = "The cabinet approved a plan that will not allow candidates from Hamas on the ballot."
    assert not is_refusal(token(nlp, text, "allow"))


def test_a_decision_to_act_is_not_the_act(nlp):
    text = "Students protested the decision of sending troops to Iraq."
    assert modality(token(nlp, text, "sending")) == "future"


def test_no_intention_of_acting_is_negated(nlp):
    text = "Russia has no intention of invading Ukraine, the Kremlin said."
    assert modality(token(nlp, text, "invading")) == "negated"


def test_warning_of_ones_own_possible_act_is_a_threat(nlp):
    assert modality(token(nlp, "Iran warned that it could close the strait.", "close")) == "future"


def test_warning_about_someone_else_is_no_threat(nlp):
    text = "Officials warned that militants could attack the capital."
    assert modality(token(nlp, text, "attack")) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rubio told reporters that he believes the leaders will meet at some point.", "meet"),
        ("He hopes the project will allow others to learn about the region.", "allow"),
        ('"It was evident that they would impose restrictions," he said.', "impose"),
        ("Police believe the militants attacked the convoy.", "attacked"),
        ("The two countries were supposed to sign a minerals deal.", "sign"),
        ("The package includes relaxing fiscal rules.", "relaxing"),
        ("Analysts asked what concessions Ukraine might be willing to make.", "make"),
    ],
)
def test_beliefs_forecasts_and_contents_are_not_reports(nlp, text, word):
    assert modality(token(nlp, text, word)) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rebels launched several attacks, including a bombing in Kabul.", "bombing", "asserted"),
        ("Kosovo was the first country to recognize the government.", "recognize", "asserted"),
        ("An attempt to assassinate the governor was thwarted.", "assassinate", "asserted"),
        ("Troops were sent to the region to protect the pipeline.", "protect", "hypothetical"),
        ("Iran is not ready to sign the deal.", "sign", "negated"),
    ],
)
def test_infinitives_after_nouns_and_adjectives(nlp, text, word, expected):
    assert modality(token(nlp, text, word)) == expected


def test_event_noun_takes_the_mood_of_its_verb(nlp):
    from tidings.extract.modality import noun_modality

    hoped = token(nlp, "He hopes a ceasefire could take place within days.", "ceasefire")
    assert noun_modality(hoped) == "hypothetical"
    assert noun_modality(token(nlp, "No attack took place.", "attack")) == "negated"
    assert noun_modality(token(nlp, "Protests erupted in Cairo on Friday.", "protests")) == "asserted"
