"""Trigger words out of their political sense (extract/idioms.py, extract/triggers.py,
extract/refine.py and the lexicon's `not_with` / `needs`). Made-up sentences."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses

pytestmark = pytest.mark.model


def clauses(nlp, lex, text):
    return [c for sent in nlp(text).sents for c in find_clauses(sent, lex) if c.modality == "asserted"]


def types(nlp, lex, text):
    return {c.type for c in clauses(nlp, lex, text)}


@pytest.mark.parametrize(
    "text",
    [
        "He would not discuss reports that the party repaid the loan.",
        "The union congress is discussing the issue next Monday.",
    ],
)
def test_one_party_discussing_a_topic_is_no_meeting(nlp, lex, text):
    assert not types(nlp, lex, text) & {"CONSULT", "REJECT"}


def test_several_parties_discussing_is_a_meeting(nlp, lex):
    assert "CONSULT" in types(nlp, lex, "The foreign ministers discussed maritime security on Friday.")


def test_discussion_partner_is_the_recipient_not_the_topic(nlp, lex):
    found = [c for c in clauses(nlp, lex, "Ruritania discussed Freedonia's role with Sylvania.") if c.type == "CONSULT"]
    assert found
    recipients = {p.text for c in found for p in c.patients}
    assert "Sylvania" in recipients
    assert not any("role" in r for r in recipients)


@pytest.mark.parametrize(
    "text",
    [
        "The new law targeted gambling addiction in particular.",
        "An appeal against the law banning fox hunting has begun.",
    ],
)
def test_a_measure_uses_no_force(nlp, lex, text):
    assert not types(nlp, lex, text) & {"ASSAULT", "COERCE"}


def test_a_government_ban_still_codes(nlp, lex):
    assert "COERCE" in types(nlp, lex, "The junta banned the opposition party on Tuesday.")


def test_retaliating_by_a_measure_is_the_measure(nlp, lex):
    found = types(nlp, lex, "Freedonia retaliated by announcing tariffs on Ruritanian exports.")
    assert "ASSAULT" not in found
    assert "SANCTION" in found


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania conferred its highest honour on the visiting president.",
        "The budget frees up money for priorities such as fighting terrorism.",
        "The president signed the legislation late on Tuesday.",
    ],
)
def test_non_political_objects_give_no_event(nlp, lex, text):
    assert not types(nlp, lex, text)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The two presidents signed a trade agreement in the capital.", "SUPPORT"),
        ("Rebels fought government troops near the border town.", "ASSAULT"),
    ],
)
def test_political_objects_still_code(nlp, lex, text, kind):
    assert kind in types(nlp, lex, text)


def test_armed_men_named_by_a_pronoun_storm_not_riot(nlp, lex):
    text = "The gunmen blew up the rails, halting the train in a tunnel, where they stormed it."
    stormed = [c for c in clauses(nlp, lex, text) if c.trigger.text == "stormed"]
    assert stormed and stormed[0].type == "ASSAULT"


def test_protesters_storming_is_still_a_riot(nlp, lex):
    stormed = [c for c in clauses(nlp, lex, "Protesters stormed the parliament building.") if c.trigger.text == "stormed"]
    assert stormed and stormed[0].type == "PROTEST"


def test_statement_released_is_no_release_of_people(nlp, lex):
    text = "In the statement released hours after the attack, the group gave the army two days to comply."
    assert "RETREAT" not in types(nlp, lex, text)


def test_hostages_released_still_code(nlp, lex):
    assert "RETREAT" in types(nlp, lex, "Militants released the hostages on Friday.")


def test_noun_misread_as_verb_is_no_trigger(nlp, lex):
    text = "The aid was cut, following the Oval Office clash between the two presidents on Friday."
    assert "ASSAULT" not in types(nlp, lex, text)


def test_charging_a_price_is_no_accusation(nlp, lex):
    assert "ACCUSE" not in types(nlp, lex, "The university is charging students for tuition fees.")


def test_charging_suspects_is_an_accusation(nlp, lex):
    assert "ACCUSE" in types(nlp, lex, "Prosecutors charged three men with murder.")


def test_examples_after_such_as_are_no_events(nlp, lex):
    assert not types(nlp, lex, "The budget frees up money for priorities such as attacking rebels.")


def test_hosting_a_news_conference_is_no_visit(nlp, lex):
    text = "The opposition leader will host a news conference every morning, his aide said."
    assert not types(nlp, lex, text) & {"AGREE", "CONSULT"}


def test_hosting_a_peace_conference_is_a_stated_intent(nlp, lex):
    text = "Egypt will host a peace conference on Gaza next week, the foreign minister said."
    assert types(nlp, lex, text) & {"AGREE", "CONSULT"}


def test_offering_an_agenda_commits_to_nothing(nlp, lex):
    assert "AGREE" not in types(nlp, lex, "The prime minister said the opposition offered a hard right agenda.")


def test_plea_in_court_is_no_appeal(nlp, lex):
    assert "REQUEST" not in types(nlp, lex, "The two defendants have pleaded not guilty.")


def test_pleading_with_a_party_is_an_appeal(nlp, lex):
    assert "REQUEST" in types(nlp, lex, "The mothers pleaded with the governor for mercy.")


@pytest.mark.parametrize(
    "text",
    [
        "Three former ministers have been called as witnesses in the trial.",
        "The activist called the decision a blatant case of harassment.",
    ],
)
def test_naming_and_summoning_are_no_calls(nlp, lex, text):
    assert "CONSULT" not in types(nlp, lex, text)


def test_a_call_dated_on_a_day_is_no_call_on(nlp, lex):
    found = types(nlp, lex, "The president called the Ruritanian prime minister on Sunday.")
    assert "REQUEST" not in found
    assert "CONSULT" in found


def test_call_on_after_a_date_is_still_a_request(nlp, lex):
    assert "REQUEST" in types(nlp, lex, "The council on Sunday called on Ruritania to halt the offensive.")


@pytest.mark.parametrize(
    "text",
    [
        "Career sexism limits opportunities for women and prevents them from reaching the top.",
        "Raising the threshold would prevent thousands of buyers from paying the tax, he said.",
        "The situation has forced a third of the farmers to close.",
    ],
)
def test_circumstances_coerce_no_one(nlp, lex, text):
    assert not types(nlp, lex, text) & {"COERCE", "SANCTION", "ASSAULT"}


def test_police_preventing_a_march_is_coercion(nlp, lex):
    assert "COERCE" in types(nlp, lex, "Police prevented the protesters from reaching the square.")


@pytest.mark.parametrize(
    "text",
    ["Schools are now seizing the tools we have given them.", "News of the review was released early."],
)
def test_figures_of_seizing_and_releasing_are_no_events(nlp, lex, text):
    assert not types(nlp, lex, text)
