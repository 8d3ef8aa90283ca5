"""A future act made conditional with "unless" is a threat (modality.is_ultimatum, refine.ultimatum)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses

pytestmark = pytest.mark.model


def clauses(nlp, lex, text):
    return [c for s in nlp(text).sents for c in find_clauses(s, lex)]


def test_withdrawal_unless_is_a_threat(nlp, lex):
    found = clauses(nlp, lex, "Nigeria announced that it will withdraw its peacekeepers from Chad unless "
                              "the president holds elections.")
    withdraw = [c for c in found if c.trigger.root.lemma_ == "withdraw"]
    assert withdraw and withdraw[0].type == "THREATEN" and withdraw[0].modality == "asserted"
    assert withdraw[0].entry.cameo.startswith("13")


def test_plain_announced_withdrawal_is_no_threat(nlp, lex):
    found = clauses(nlp, lex, "Nigeria announced that it will withdraw its peacekeepers from Chad.")
    assert all(c.type != "THREATEN" for c in found)
