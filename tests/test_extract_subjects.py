"""Who acts in infinitive adjuncts and in participles on issued documents (extract/arguments.py)."""

from __future__ import annotations

import pytest

from tidings.extract import arguments as args

pytestmark = pytest.mark.model


def subjects_of(nlp, text, word):
    doc = nlp(text)
    verb = next(t for t in doc if t.lower_ == word)
    return [s.text for s in args.agents(verb)]


def test_infinitive_adjunct_shares_the_subject(nlp):
    doc = nlp("Ethnic Albanians have sworn to fight until they gain control of villages.")
    fight = next(t for t in doc if t.lower_ == "fight")
    if fight.dep_ not in ("advcl", "xcomp"):
        pytest.skip("parsed without an infinitive clause")
    assert subjects_of(nlp, doc.text, "fight") == ["Ethnic Albanians"]


def test_participle_on_an_issued_statement_is_the_issuers_act(nlp):
    found = subjects_of(nlp, "The Kurdish party issued a declaration demanding reforms.", "demanding")
    assert found == ["The Kurdish party"]


def test_statement_in_a_prepositional_phrase(nlp):
    found = subjects_of(nlp, "In a statement condemning the attack, Egypt called for calm.", "condemning")
    assert found == ["Egypt"]


def test_participle_on_people_keeps_the_people(nlp):
    found = subjects_of(nlp, "Police arrested protesters storming the embassy.", "storming")
    assert found == ["protesters"]


def test_raised_subject_of_a_passive_does_the_inner_act(nlp):
    doc = nlp("Gollum was seen to break into the parade on Saturday.")
    brk = next(t for t in doc if t.lower_ == "break")
    if brk.dep_ != "xcomp":
        pytest.skip("parsed without an infinitive complement")
    assert subjects_of(nlp, doc.text, "break") == ["Gollum"]


def test_raised_subject_with_an_object_of_its_own(nlp):
    doc = nlp("The general was known to support the rebels.")
    if next(t for t in doc if t.lower_ == "support").dep_ != "xcomp":
        pytest.skip("parsed without an infinitive complement")
    assert subjects_of(nlp, doc.text, "support") == ["The general"]


def test_accusation_against_a_party_names_the_recipient(nlp):
    doc = nlp("Judge Rivera opened investigations against 28 Chilean government officials.")
    noun = next(t for t in doc if t.lower_ == "investigations")
    against = next(t for t in doc if t.lower_ == "against")
    if against.head != noun:
        pytest.skip("'against' not parsed on the event noun")
    assert [s.text for s in args.patients(noun, (), "ACCUSE")] == ["28 Chilean government officials"]
    assert args.patients(noun, (), "SUPPORT") == []  # "against" names no recipient of support
