"""Attribution verbs ("..., an official said") give no event of their own (extract/attribution.py)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses
from tidings.extract.attribution import is_attribution
from tidings.lexicon import LexEntry

pytestmark = pytest.mark.model

SAY = LexEntry(lemma="say", pattern="say", type="CONSULT", mode=None, cameo="040", kind="verb")


def said(sent):
    return next(t for t in sent if t.lemma_ == "say")


def test_trailing_source_line_is_attribution(nlp):
    sent = next(iter(nlp("Kenya closed its border with Somalia, a senior official said.").sents))
    assert is_attribution(said(sent), SAY, set())


def test_report_holding_another_trigger_is_attribution(nlp):
    sent = next(iter(nlp("The ministry said that Kenya had closed its border.").sents))
    closed = next(t for t in sent if t.lower_ == "closed")
    assert is_attribution(said(sent), SAY, {closed.i})
    assert not is_attribution(said(sent), SAY, set())  # nothing else coded: the statement stands


def test_patterns_naming_the_content_still_code(nlp):
    sent = next(iter(nlp("Kenya closed its border, a senior official said.").sents))
    pattern = LexEntry(lemma="say", pattern="say * pleased", type="CONSULT", mode=None, cameo="040",
                       kind="pattern")
    assert not is_attribution(said(sent), pattern, set())


def test_phoenix_said_entry_yields_only_the_reported_event(nlp, tmp_path):
    from tidings.lexicon import load

    verbs = tmp_path / "mini.verbs.txt"
    verbs.write_text("--- SAID [040] ---\nSAID\n\n--- DEPART [042] ---\nDEPART\n", encoding="utf-8")
    lex = load(extra=[verbs], replace=True)
    sent = next(iter(nlp("Ethiopia departed from Libya on Monday, a senior official said.").sents))
    found = find_clauses(sent, lex)
    assert [c.trigger.root.lemma_ for c in found] == ["depart"]


def test_speech_verb_opening_a_quotation_only_attributes(nlp):
    sent = next(iter(nlp('The father said: "A lot of families\' ideas were included in the design."').sents))
    assert is_attribution(said(sent), SAY, set())


def test_speech_verb_with_indirect_report_and_no_event_stands(nlp):
    sent = next(iter(nlp("The father said the design was very different.").sents))
    assert not is_attribution(said(sent), SAY, set())
