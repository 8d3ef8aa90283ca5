"""The clause finder on hand-written wire-style sentences, one hard case each."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def clauses(nlp, lex):
    def run(text: str, asserted_only: bool = True):
        out = []
        for sent in nlp(text).sents:
            out += [c for c in find_clauses(sent, lex) if c.modality == "asserted" or not asserted_only]
        return out

    return run


def texts(spans):
    return [s.text for s in spans]


def only(found, type_):
    hits = [c for c in found if c.type == type_]
    assert len(hits) == 1, [(c.trigger.text, c.type) for c in found]
    return hits[0]


def test_headline_grammar(clauses):
    c = only(clauses("Pro-Iran protesters storm US embassy over Iraq strikes"), "PROTEST")
    assert c.entry.mode == "riot" and c.entry.cameo == "145"
    assert texts(c.agents) == ["Pro-Iran protesters"] and texts(c.patients) == ["US embassy"]


def test_active_clause_with_place_time_and_count(clauses):
    c = only(
        clauses("Rebels shelled the town of Gorazde in eastern Bosnia on Monday, killing 12 civilians."),
        "ASSAULT",
    )
    assert c.entry.mode == "heavy-weapons"
    assert texts(c.agents) == ["Rebels"]
    assert "eastern Bosnia" in texts(c.places) and texts(c.times) == ["Monday"]
    assert c.fatalities == 12


def test_passive_with_agent(clauses):
    c = only(clauses("The convoy was attacked by Taliban fighters near Kandahar."), "ASSAULT")
    assert texts(c.agents) == ["Taliban fighters"] and texts(c.patients) == ["The convoy"]
    assert texts(c.places) == ["Kandahar"]


def test_passive_without_agent_has_no_actor_and_less_confidence(clauses):
    c = only(clauses("Three journalists were arrested in Cairo on Friday."), "COERCE")
    assert c.agents == [] and texts(c.patients) == ["Three journalists"]
    assert c.confidence < 0.8


def test_nominal_trigger_with_killing_clause(clauses):
    c = only(
        clauses("US airstrikes killed at least 25 Kataeb Hezbollah fighters in western Iraq."), "ASSAULT"
    )
    assert c.entry.mode == "aerial" and texts(c.agents) == ["US"]
    assert c.fatalities == 25 and "western Iraq" in texts(c.places)


def test_nominal_trigger_with_by_agent(clauses):
    c = only(clauses("A rocket attack by the group killed two soldiers."), "ASSAULT")
    assert c.entry.mode == "heavy-weapons" and texts(c.agents) == ["the group"] and c.fatalities == 2


def test_nominal_trigger_as_subject_of_occurrence(clauses):
    c = only(clauses("Protests erupted in Tehran after the vote."), "PROTEST")
    assert texts(c.places) == ["Tehran"]


def test_event_noun_merely_mentioned_is_not_an_event(clauses):
    found = clauses("The minister condemned the attack on the embassy.")
    assert [c.type for c in found] == ["ACCUSE"]


def test_several_events_in_one_sentence(clauses):
    found = clauses("Police arrested 30 people and the army deployed troops to the capital.")
    assert {c.type for c in found} == {"COERCE", "MOBILIZE"}
    mob = only(found, "MOBILIZE")
    assert texts(mob.agents) == ["the army"]


def test_compound_actors_are_split(clauses):
    c = only(clauses("Egypt and Jordan condemned the raid."), "ACCUSE")
    assert texts(c.agents) == ["Egypt", "Jordan"]


def test_reciprocal_agreement_has_no_recipient(clauses):
    c = only(clauses("Israel and Hamas agreed to a ceasefire on Tuesday."), "AGREE")
    assert texts(c.agents) == ["Israel", "Hamas"] and c.patients == []


def test_relative_pronoun_takes_the_antecedent(clauses):
    c = only(clauses("The students, who protested outside parliament, were later released."), "PROTEST")
    assert texts(c.agents) == ["The students"]


def test_light_verbs(clauses):
    assert (
        only(clauses("The army launched an offensive against the rebels."), "ASSAULT").patients[0].text
        == "the rebels"
    )
    assert only(clauses("Washington imposed sanctions on Tehran."), "SANCTION").patients[0].text == "Tehran"
    c = only(clauses("Putin held talks with Erdogan in Sochi."), "CONSULT")
    assert texts(c.patients) == ["Erdogan"] and texts(c.places) == ["Sochi"]
    c = only(clauses("Workers staged a protest against the new law."), "PROTEST")
    assert c.entry.mode == "demo" and texts(c.patients) == ["the new law"]


def test_phone_call_is_consult(clauses):
    c = only(clauses("Pompeo spoke by phone with the Iraqi prime minister."), "CONSULT")
    assert c.entry.mode == "phone" and texts(c.patients) == ["the Iraqi prime minister"]


def test_phrasal_verbs(clauses):
    assert only(clauses("The union called off the strike."), "CONCEDE")
    assert only(clauses("Russia pulled out of the treaty."), "RETREAT").entry.mode == "withdraw"
    c = only(clauses("Police cracked down on demonstrators."), "COERCE")
    assert texts(c.patients) == ["demonstrators"]
    assert only(clauses("The UN called for an immediate ceasefire."), "REQUEST").entry.mode == "yield"


def test_threatened_to_summon_is_a_threat_not_a_summons(clauses):
    found = clauses("Iraq's government threatened to summon the US ambassador.")
    assert [c.type for c in found] == ["THREATEN"]
    assert texts(found[0].agents) == ["Iraq's government"]


def test_threat_takes_the_code_of_the_threatened_act(clauses):
    c = only(clauses("Iran threatened to attack American bases."), "THREATEN")
    assert c.entry.cameo == "1384" and c.entry.mode == "violence"
    c = only(clauses("Russia threatened to cut diplomatic ties with Lithuania."), "THREATEN")
    assert c.entry.cameo == "1313" and c.entry.mode == "relations"


def test_no_plans_to_evacuate_is_not_asserted(clauses):
    assert clauses("There were no plans to evacuate the mission, an official said.") == []
    found = clauses("There were no plans to evacuate the mission.", asserted_only=False)
    assert [(c.type, c.modality) for c in found] == [("AID", "negated")]


def test_refused_is_a_rejection_and_the_refused_act_is_negated(clauses):
    found = clauses("The government refused to release the prisoners.", asserted_only=False)
    assert {(c.type, c.modality) for c in found} == {("REJECT", "asserted"), ("RETREAT", "negated")}


def test_denied_and_did_not(clauses):
    found = clauses("Iran denied attacking the tanker.", asserted_only=False)
    assert ("ASSAULT", "negated") in {(c.type, c.modality) for c in found}
    found = clauses("The army did not attack the town.", asserted_only=False)
    assert [(c.type, c.modality) for c in found] == [("ASSAULT", "negated")]


def test_hypothetical_and_alleged_acts(clauses):
    found = clauses("The rebels could attack the capital.", asserted_only=False)
    assert [c.modality for c in found] == ["hypothetical"]
    found = clauses("Trump accused Iran of attacking the embassy.", asserted_only=False)
    assert {(c.type, c.modality) for c in found} == {("ACCUSE", "asserted"), ("ASSAULT", "hypothetical")}


def test_stated_intentions_become_agree_or_threaten(clauses):
    c = only(clauses("Turkey said it will allow the refugees to return home."), "AGREE")
    assert c.entry.cameo.startswith("03")
    c = only(clauses("Russia is ready to host talks between the two sides."), "AGREE")
    assert c.entry.cameo == "036" and texts(c.agents) == ["Russia"]
    c = only(clauses("Iran said it would retaliate against the United States."), "THREATEN")
    assert texts(c.patients) == ["the United States"]
    assert only(clauses("Syria says it will not accept more refugees."), "REJECT")


def test_scheduled_acts_are_future_not_intentions(clauses):
    found = clauses("Obama is scheduled to attend a summit in Geneva.", asserted_only=False)
    assert [(c.type, c.modality) for c in found] == [("CONSULT", "future")]
    found = clauses("The two leaders will meet in Zurich on Friday.", asserted_only=False)
    assert [(c.type, c.modality) for c in found] == [("CONSULT", "future")]


def test_said_must_is_a_demand(clauses):
    c = only(clauses("The minister said the rebels must lay down their arms."), "REQUEST")
    assert texts(c.agents) == ["The minister"] and texts(c.patients) == ["the rebels"]


def test_said_alone_and_slogans_are_not_events(clauses):
    assert clauses("The spokesman said the talks were useful, according to a statement.") == [] or all(
        c.type == "CONSULT" for c in clauses("The spokesman said the talks were useful.")
    )
    assert clauses('"Down with the regime," the crowd shouted.') == []
    assert clauses("Newsletter Privacy Policy Get top news") == []


def test_crowd_size(clauses):
    c = only(clauses("Thousands of protesters rallied in Baghdad on Friday."), "PROTEST")
    assert c.size == 2000 and texts(c.agents) == ["protesters"]


def test_title_case_headline_is_reparsed_and_mapped_back(nlp, lex):
    doc = nlp("France Denounces Actions By Germany")
    (c,) = find_clauses(next(doc.sents), lex)
    assert c.type == "ACCUSE" and c.trigger.doc is doc
    assert texts(c.agents) == ["France"] and c.trigger.text == "Denounces"


def test_headline_bare_passive_and_to_future(clauses):
    c = only(clauses("Curfew imposed in Lyon after clashes"), "COERCE")
    assert c.entry.mode == "curfew" and c.agents == []
    assert texts(c.patients) == ["Lyon"]  # a territorial act applies to the place
    c = only(clauses("Dozens of captives released in Lyon"), "RETREAT")
    assert c.entry.mode == "release"
    c = only(clauses("Government to impose curfew in capital"), "THREATEN")
    assert c.entry.cameo == "1323"


def test_reversed_roles(clauses):
    c = only(clauses("The rebels received weapons from Iran."), "AID")
    assert texts(c.agents) == ["Iran"] and texts(c.patients) == ["The rebels"]
    c = only(clauses("The former minister faces charges of corruption."), "ACCUSE")
    assert texts(c.patients) == ["The former minister"]


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("The camp was attacked by militiamen armed with machetes.", "primitive"),
        ("Three soldiers were killed by an improvised explosive device.", "explosives"),
        ("Gunmen attacked a police station in the north.", "firearms"),
        ("Government helicopters attacked rebel positions.", "aerial"),
        ("Insurgents killed the provincial governor on Monday.", "assassinate"),
    ],
)
def test_assault_mode_from_weapons_and_victims(clauses, sentence, mode):
    c = only(clauses(sentence), "ASSAULT")
    assert c.entry.mode == mode


def test_recipient_behind_the_object(clauses):
    c = only(clauses("Bangladesh rejected an Indian proposal for a free trade agreement."), "REJECT")
    assert "Indian" in texts(c.patients)
    c = only(clauses("The US rejected calls by Kofi Annan to adopt reforms."), "REJECT")
    assert "Kofi Annan" in texts(c.patients)
    c = only(clauses("Palestinian officials demanded that the United States cut aid."), "REQUEST")
    assert texts(c.patients) == ["the United States"]


def test_reported_pronoun_subject_is_the_speaker(clauses):
    c = only(clauses("Hungary has said it will support the resolution."), "AGREE")
    assert texts(c.agents) == ["Hungary"]


def test_entry_conditions_needs_not_with_and_stated(clauses):
    assert clauses("He said they were still talking about a long lease.") == []
    assert only(clauses("Putin talked with Erdogan on Monday."), "CONSULT")
    assert clauses("The ministry released a report on Monday.") == []
    assert only(clauses("The rebels released two hostages."), "RETREAT").entry.mode == "release"
    assert clauses("The new system allows analysts to predict risks.") == []
    assert only(clauses("Iraq said it would allow the inspectors to return."), "AGREE")
    assert clauses("He is still fighting, his son said.") == []


def test_natural_causes_are_not_actors(clauses):
    assert clauses("Tropical Cyclone Jude slammed into southern Africa this week.") == []
    assert clauses("Floods destroyed hundreds of houses in the region.") == []


def test_background_participles_are_not_events(clauses):
    found = clauses("Israel released the mayor, a Hamas member jailed over a year ago.")
    assert [c.type for c in found] == ["RETREAT"]


def test_actor_spans_keep_what_identifies_the_actor(clauses):
    c = only(clauses("A court in Guyana has issued arrest warrants for two Brazilian men."), "COERCE")
    assert texts(c.agents) == ["A court in Guyana"] and texts(c.patients) == ["two Brazilian men"]
    c = only(clauses("US and British activists staged a protest in Beijing."), "PROTEST")
    assert texts(c.agents) == ["US and British activists", "British activists"]
    c = only(clauses("Kenzo Oshima, the UN relief coordinator, demanded a ceasefire."), "REQUEST")
    assert texts(c.agents) == ["Kenzo Oshima, the UN relief coordinator"]


def test_dateline_is_not_an_actor(clauses):
    c = only(clauses("KABUL, March 3 (AFP) - Hundreds of protesters stormed the embassy."), "PROTEST")
    assert texts(c.agents) == ["protesters"] and c.size == 200
