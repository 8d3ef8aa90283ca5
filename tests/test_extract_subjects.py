"""Who acts in infinitive adjuncts and in participles on issued documents (extract/arguments.py)."""

from __future__ import annotations

import pytest

from tidings.extract import arguments as args

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from tidings.nlp import load

    return load()


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
