"""Recipients found when a trigger has no object of its own (extract/recipients.py)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses
from tidings.extract.recipients import (
    complement_parties,
    drop_containers,
    fallback_patients,
    host_places,
    lower_parties,
)

pytestmark = pytest.mark.model


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
    verb = root(nlp, "The minister praised the reforms on Monday in Nairobi.")
    if not any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children):
        pytest.skip("'in Nairobi' not parsed as the verb's own locative")
    assert fallback_patients(verb, "SUPPORT") == []  # where the praising happened
    assert texts(fallback_patients(verb, "PROTEST")) == ["Nairobi"]  # a protest's host


def test_no_host_when_the_object_already_names_the_place(nlp):
    doc = nlp("Troops shelled the villages in Darfur.")
    verb = next(iter(doc.sents)).root
    villages = next(t for t in doc if t.lower_ == "villages")
    obj = doc[villages.left_edge.i : villages.right_edge.i + 1]
    assert fallback_patients(verb, "ASSAULT", has_object=True, taken=[obj]) == []


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


def test_noun_described_by_a_participle_is_the_recipient(nlp):
    doc = nlp("There were ten Russian soldiers killed in Ukraine today.")
    killed = next(t for t in doc if t.lower_ == "killed")
    if killed.dep_ != "acl":
        pytest.skip("parsed without a participle clause")
    found = texts(fallback_patients(killed, "ASSAULT"))
    assert any("soldiers" in t for t in found) and "Ukraine" not in found


def test_purpose_clause_names_the_target_of_force(nlp):
    verb = root(nlp, "Police opened fire to disperse the protesters.")
    assert texts(fallback_patients(verb, "ASSAULT", has_object=False)) == ["the protesters"]


def test_purpose_clause_is_not_a_target_for_threats(nlp):
    verb = root(nlp, "The rebels threatened to cut off electricity to Nakhichevan.")
    found = texts(fallback_patients(verb, "THREATEN"))
    assert "electricity" not in found and "Nakhichevan" in found


def test_the_party_replaces_the_thing_around_it(nlp):
    doc = nlp("They demanded the resignation of President Smith.")
    outer, inner = doc[2:7], doc[5:7]
    assert texts(drop_containers([outer, inner])) == ["President Smith"]


def test_a_modifier_does_not_replace_its_noun(nlp):
    doc = nlp("They criticised the Turkish government.")
    outer, inner = doc[2:5], doc[3:4]
    assert texts(drop_containers([outer, inner])) == ["the Turkish government", "Turkish"]


def test_party_with_a_nationality_in_the_complement(nlp):
    verb = root(nlp, "Peru signed a deal with Panamanian army officers.")
    assert any("officers" in t for t in texts(complement_parties(verb)))


# -- the first name in the verb phrase (PETRARCH's target rule) ------------------


def test_first_name_in_a_prepositional_phrase_is_the_target(nlp):
    verb = root(nlp, "Ethiopia departed from Libya on Saturday.")
    assert texts(lower_parties(verb)) == ["Libya"]


def test_place_on_the_thing_acted_on_is_the_target(nlp):
    verb = root(nlp, "The minister praised the reforms in Nairobi.")
    if verb.lemma_ != "praise" or next(t for t in verb.doc if t.text == "in").head.lower_ != "reforms":
        pytest.skip("'in Nairobi' not parsed on the object")
    assert texts(fallback_patients(verb, "SUPPORT")) == ["Nairobi"]


def test_name_in_a_participle_on_the_object(nlp):
    assert texts(lower_parties(root(nlp, "Russia welcomed memos sent by France on the talks."))) == ["France"]
    assert texts(lower_parties(root(nlp, "Mordor has cordoned off the roads leading into Gondor."))) == ["Gondor"]


def test_no_search_for_a_passive_trigger(nlp):
    assert lower_parties(root(nlp, "The envoy was expelled from Cairo.")) == []


def test_no_search_past_a_complement_clause(nlp):
    verb = root(nlp, "Putin offered to negotiate with the president of Armenia following the invasions of Dagestan.")
    assert "Dagestan" not in texts(lower_parties(verb))


def test_no_search_when_a_recipient_already_names_its_party(nlp):
    doc = nlp("Israel eased the movement of Palestinian workers in the West Bank.")
    verb = next(iter(doc.sents)).root
    workers = next(t for t in doc if t.lower_ == "movement")
    obj = doc[workers.i - 1 : workers.right_edge.i + 1]
    assert fallback_patients(verb, "CONCEDE", has_object=True, taken=[obj]) == []


def test_unnamed_thing_does_not_replace_a_container_that_names_a_party(nlp):
    doc = nlp("Hamfast Gamgee has criticized the recent closure of guest houses in Bree.")
    closure = next(t for t in doc if t.lower_ == "closure")
    houses = next(t for t in doc if t.lower_ == "houses")
    container = doc[closure.i - 2 : closure.right_edge.i + 1]
    inner = doc[houses.i - 1 : houses.i + 1]
    if "Bree" not in container.text:
        pytest.skip("'in Bree' not parsed on the closure")
    assert texts(drop_containers([container, inner])) == [container.text, inner.text]


def test_noun_with_a_nationality_is_a_party_but_not_a_faith(nlp):
    verb = root(nlp, "President Mwanawasa has reneged on his commitment to the Zambian people.")
    assert texts(lower_parties(verb)) == ["the Zambian people"]
    verb = root(nlp, "Boko Haram launched attacks during its campaign for a strict Islamic state.")
    assert lower_parties(verb) == []
