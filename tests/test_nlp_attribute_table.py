"""The table-driven attribute ruler sets exactly what spaCy's AttributeRuler sets."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from tidings import nlp as nlp_mod

pytestmark = pytest.mark.model

TEXTS = [
    "Pro-Iran protesters stormed the US embassy in Baghdad on Tuesday, a day after air strikes killed 25.",
    "I ain't gonna sign it, he said. They'd've gone if we'd asked, wouldn't they?",
    "\u201cWe're not leaving,\u201d said Maj. Gen. Yahya Rasool.  \n\n The U.N. envoy's report wasn't out.",
    "Her ministry's spokesman told AFP: 'it is his and hers, not theirs' - 3.5% of 1,200 voters agreed!",
    "Gonna wanna gotta: cannot can't won't shan't y'all ma'am o'clock.",
]


@pytest.fixture(scope="module")
def pipelines():
    reference = spacy.load(nlp_mod.MODEL_NAME, exclude=["ner"])
    return reference, nlp_mod.load()


def test_nlp_attribute_table_replaces_the_ruler(pipelines) -> None:
    _, ours = pipelines
    assert isinstance(ours.get_pipe("attribute_ruler"), nlp_mod.AttributeTable)
    assert ours.pipe_names.index("attribute_ruler") == ours.pipe_names.index("parser") + 1


@pytest.mark.parametrize("text", TEXTS)
def test_nlp_attribute_table_sets_the_same_attributes(pipelines, text: str) -> None:
    reference, ours = pipelines
    expected, got = reference(text), ours(text)
    attrs = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
    assert [t.text for t in expected] == [t.text for t in got]
    assert (expected.to_array(attrs) == got.to_array(attrs)).all()
    assert [str(t.morph) for t in expected] == [str(t.morph) for t in got]


def test_nlp_attribute_table_later_patterns_win() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "bank"}]], {"POS": "NOUN", "LEMMA": "bank"})
    ruler.add([[{"LOWER": "bank"}, {"LOWER": "on"}]], {"POS": "VERB"}, index=0)
    ruler.add([[{"LOWER": {"IN": ["rely", "count"]}}]], {"LEMMA": "trust"})
    table = nlp_mod.AttributeTable(nlp.vocab)
    table.add_from(ruler)
    text = "You can bank on it; count the bank."
    got = [(t.pos_, t.lemma_) for t in table(nlp.make_doc(text))]
    assert got == [(t.pos_, t.lemma_) for t in ruler(nlp.make_doc(text))]
    assert got[2] == ("VERB", "bank") and got[-2] == ("NOUN", "bank")  # the two-token rule came later


def test_nlp_attribute_table_declines_tests_it_cannot_evaluate() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">": 3}}]], {"POS": "NOUN"})
    assert not nlp_mod.AttributeTable.supports(ruler)
    nlp_mod.use_attribute_table(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), nlp_mod.AttributeTable)
