"""Trigger idioms and nouns presented as causes (extract/triggers.py)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses

pytestmark = pytest.mark.model


def clauses(nlp, lex, text):
    return [c for s in nlp(text).sents for c in find_clauses(s, lex)]


@pytest.mark.parametrize(
    "text",
    [
        "The mines run day and night in the drive to meet demand for coal.",
        "The ministry met the deadline for the report.",
        "The country has met its targets for emissions.",
    ],
)
def test_a_requirement_met_is_not_a_meeting(nlp, lex, text):
    assert not [c for c in clauses(nlp, lex, text) if c.type == "CONSULT"]


def test_a_meeting_with_a_party_still_codes(nlp, lex):
    found = clauses(nlp, lex, "Obama met Putin in Geneva on Monday.")
    assert [c.type for c in found] == ["CONSULT"]


def test_meeting_demands_is_a_concession(nlp, lex):
    found = clauses(nlp, lex, "The government met the protesters' demands.")
    assert [c.type for c in found] == ["CONCEDE"]


@pytest.mark.parametrize(
    "text",
    [
        "A prisoner died as a result of torture in police custody.",
        "The journalist died of torture in custody.",
    ],
)
def test_cause_of_death_noun_is_an_event(nlp, lex, text):
    found = clauses(nlp, lex, text)
    assert [(c.type, c.entry.mode) for c in found] == [("ASSAULT", "torture")]


def test_natural_death_is_no_event(nlp, lex):
    assert clauses(nlp, lex, "The former minister died of cancer.") == []


def test_proposing_ones_own_act_is_no_request(nlp):
    from tidings.extract.triggers import match_verb
    from tidings.lexicon import LexEntry, Lexicon

    lex = Lexicon()
    lex.add(LexEntry(lemma="propose", pattern="propose", type="REQUEST", mode=None, cameo="100"))
    own = nlp("The government proposed to take up the issue with the bank.")
    assert match_verb(next(t for t in own if t.lower_ == "proposed"), lex) is None
    other = nlp("The government proposed talks to the rebels.")
    assert match_verb(next(t for t in other if t.lower_ == "proposed"), lex) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The civilians imprisoned for acting against Moscow were released yesterday by Putin.",
        "Two journalists detained in Cairo last week were freed on Sunday.",
    ],
)
def test_participle_misread_as_main_verb_is_background(nlp, lex, text):
    assert [c.type for c in clauses(nlp, lex, text)] == ["RETREAT"]


def test_two_acts_in_a_row_both_code(nlp, lex):
    found = clauses(nlp, lex, "Protesters marched through the city, were dispersed by police.")
    assert "PROTEST" in [c.type for c in found]


@pytest.mark.parametrize(
    "text",
    [
        "Asked by reporters if the U.S. was considering punitive action, Rubio declined to answer.",
        'The minister then asked aloud: "Who is dead?"',
        "China's leadership insists it is committed to peace.",
    ],
)
def test_a_question_or_a_claim_is_no_request(nlp, lex, text):
    assert "REQUEST" not in [c.type for c in clauses(nlp, lex, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Israel asked the UN to intervene.",
        "Lawyers had asked that he be released on bail.",
        "Iran insisted that the troops leave.",
        "Iran insisted on the withdrawal of foreign troops.",
    ],
)
def test_asking_for_something_is_a_request(nlp, lex, text):
    assert "REQUEST" in [c.type for c in clauses(nlp, lex, text)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Women face many challenges when seeking employment.", "REQUEST"),
        ("She is helping them build up their own businesses.", "MOBILIZE"),
        ("Officials said the tariffs are targeting products from Republican states.", "ASSAULT"),
        ("The dig produced evidence of extensive trading with Europeans.", "ACCUSE"),
        ("We continue to recognize a difficult and complex situation.", "SUPPORT"),
        ("All communities want constitutional guarantees.", "REQUEST"),
    ],
)
def test_non_political_objects_void_the_entry(nlp, lex, text, absent):
    assert absent not in [c.type for c in clauses(nlp, lex, text)]


def test_retaliating_with_tariffs_is_a_sanction(nlp, lex):
    found = clauses(nlp, lex, "Europe retaliated with its own tariffs on U.S. exports.")
    assert [c.type for c in found] == ["SANCTION"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Some 83 MPs gave their answers in 100 hours of interviews.", "CONCEDE"),
        ("Mr Blair had spoken with such sincerity.", "CONSULT"),
        ("He was confident the chancellor would meet his fiscal rules.", "CONSULT"),
        ("The party has chosen Manchester to host the annual event.", "CONSULT"),
        ("The athlete has already smashed the British record twice this season.", "ASSAULT"),
        ("I just had to relax and use my racing knowledge.", "CONCEDE"),
        ("They have offered us great moments.", "AGREE"),
        ('"We must tackle the structural mess," he wrote.', "REQUEST"),
    ],
)
def test_idioms_and_manners_give_no_event(nlp, lex, text, absent):
    assert absent not in [c.type for c in clauses(nlp, lex, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government finally gave in to the demands.", "CONCEDE"),
        ("Obama spoke with Putin on Monday.", "CONSULT"),
        ("Egypt hosted the Israeli prime minister.", "CONSULT"),
        ("The rebels backed down after talks.", "CONCEDE"),
    ],
)
def test_the_political_reading_still_codes(nlp, lex, text, expected):
    assert expected in [c.type for c in clauses(nlp, lex, text)]


def test_helping_a_party_is_aid_helping_the_economy_is_not(nlp, lex):
    assert [c.type for c in clauses(nlp, lex, "The United States helped the exiled dissidents.")] == ["AID"]
    assert clauses(nlp, lex, "Lower interest rates helped the economy.") == []
    assert clauses(nlp, lex, "The deal helped him win the election.") == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Authorities dispatched coffins from the railway station.", "MOBILIZE"),
        ("The group demanded the release of what it called resistance workers.", "CONSULT"),
        ("S&P lifted India's rating by one notch.", "CONCEDE"),
    ],
)
def test_objects_and_namings_that_void_a_verb(nlp, lex, text, absent):
    assert absent not in [c.type for c in clauses(nlp, lex, text)]


def test_demonstrating_something_is_no_protest(nlp, lex):
    assert clauses(nlp, lex, "The policy demonstrates a complete disregard for human dignity.") == []
    assert [c.type for c in clauses(nlp, lex, "Thousands demonstrated in Cairo.")] == ["PROTEST"]


def test_calling_a_meeting_convenes_it(nlp, lex):
    found = clauses(nlp, lex, "The United States called an emergency meeting of the Security Council.")
    assert [(c.type, c.entry.cameo) for c in found] == [("CONSULT", "040")]
