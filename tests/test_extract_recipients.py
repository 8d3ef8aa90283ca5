"""Recipients found when a trigger has no object of its own (extract/recipients.py)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses
from tidings.extract.recipients import complement_parties, fallback_patients, host_places

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    from tidings.nlp import load

    return load()


@pytest.fixture(scope="module")
def lex():
    from tidings.lexicon import load

    return load()


def root(nlp, text):
    return next(iter(nlp(text).sents)).root


def texts(spans):
    return [s.text for s in spans]


def test_party_in_the_complement_of_the_thing_signed(nlp):
    verb = root(nlp, "Kenya signed a trade agreement with Uganda on Monday.")
    assert verb.lemma_ == "sign"
    assert "Uganda" in texts(complement_parties(verb))


def test_party_in_an_infinitive_on_the_object(nlp):
    verb = root(nlp, "Canada signed an accord to supply Jordan with wheat.")
    found = texts(complement_parties(verb))
    assert "Jordan" in found and "wheat" not in found


def test_things_in_the_complement_are_no_party(nlp):
    verb = root(nlp, "The rebels attacked the convoy with rockets.")
    assert complement_parties(verb) == []


def test_host_place_of_a_protest(nlp):
    verb = root(nlp, "Students protested in Nairobi on Tuesday.")
    assert texts(fallback_patients(verb, "PROTEST")) == ["Nairobi"]


def test_place_inside_the_subject_is_no_host(nlp):
    verb = root(nlp, "Police in Nairobi arrested the students.")
    assert host_places(verb) == []


def test_host_only_for_types_whose_place_is_the_other_party(nlp):
    verb = root(nlp, "The minister praised the reforms in Nairobi.")
    assert fallback_patients(verb, "SUPPORT") == []


def test_no_host_when_the_trigger_has_an_object(nlp):
    verb = root(nlp, "Troops shelled the villages in Darfur.")
    assert fallback_patients(verb, "ASSAULT", has_object=True) == []


def test_travel_destination_is_the_recipient(nlp):
    verb = root(nlp, "The foreign minister left for Cairo on Wednesday for talks.")
    assert "Cairo" in texts(fallback_patients(verb, "AGREE"))


def test_clause_gets_the_host_as_recipient(nlp, lex):
    sent = next(iter(nlp("US and British activists staged a protest in Beijing on Wednesday.").sents))
    protests = [c for c in find_clauses(sent, lex) if c.type == "PROTEST"]
    assert protests and "Beijing" in texts(protests[0].patients)


def test_party_behind_an_of_chain(nlp):
    verb = root(nlp, "Egypt welcomed the resumption of talks with Israel.")
    assert "Israel" in texts(complement_parties(verb))


def test_target_of_a_sanction_noun(nlp):
    verb = root(nlp, "Washington lifted the sanctions on Iran.")
    assert "Iran" in texts(complement_parties(verb))
