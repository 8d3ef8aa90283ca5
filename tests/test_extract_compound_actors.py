"""Compound actors the parser hangs on their last member ("Fornost and the evil Gondor")."""

from __future__ import annotations

import pytest

from tidings.extract import arguments as args
from tidings.extract import phrases

pytestmark = pytest.mark.model


def subject_texts(nlp, text):
    doc = nlp(text)
    verb = next(iter(doc.sents)).root
    return [s.text for s in args.agents(verb)]


def test_list_parsed_as_a_modifier_is_split(nlp):
    doc = nlp("Fornost and the evil awful Gondor welcomed the talks.")
    gondor = doc[5]
    mods = [m for m in gondor.lefts if phrases.coordinated_modifier(m)]
    if not mods:
        pytest.skip("the parser read this list as a plain coordination")
    found = subject_texts(nlp, "Fornost and the evil awful Gondor welcomed the talks.")
    assert "Fornost" in found and any(t.endswith("Gondor") and "Fornost" not in t for t in found)


def test_nationalities_before_a_common_noun_stay_one_group(nlp):
    found = subject_texts(nlp, "US and British activists staged a protest.")
    assert found[0] == "US and British activists"


def test_list_member_parsed_as_an_apposition_is_split(nlp):
    text = "Evil Mordor, the awful Fornost, and good Gondor welcomed a resumption of ties with Osgiliath."
    doc = nlp(text)
    mordor = next(t for t in doc if t.text == "Mordor")
    if not any(c.dep_ == "appos" and c.text == "Fornost" for c in mordor.children):
        pytest.skip("the parser read this list as a plain coordination")
    found = [s.text for s in args.agents(next(t for t in doc if t.text == "welcomed"))]
    assert found == ["Evil Mordor", "the awful Fornost", "good Gondor"]


def test_title_in_apposition_before_a_conjunct_stays_with_its_name(nlp):
    doc = nlp("Kenzo Oshima, the UN relief coordinator, and the Red Cross chief met the minister.")
    oshima = next(t for t in doc if t.text == "Oshima")
    spans = [args.noun_span(t).text for t in args.split_conj(oshima)]
    assert not any(s.startswith("the UN relief coordinator") for s in spans)
