"""The coder runs the entity recogniser on event sentences only, and still finds
antecedents named in the sentences it skipped."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tidings import nlp as nlp_mod
from tidings.ingest import article_from_text
from tidings.pipeline import Coder, code

pytestmark = pytest.mark.model

# No trigger and no gazetteer name in the first two sentences: the recogniser skips them.
STORY = (
    "Speaking to reporters on Monday, Lavrov looked calm. "
    "The weather was warm and the streets were quiet. "
    "He accused Israel of undermining the ceasefire in Gaza."
)


def test_pipeline_entity_gate_skips_sentences_without_triggers(coder) -> None:
    article = article_from_text(STORY, id="g", date="2024-06-25")
    ((_, docs),) = nlp_mod.parse_articles(coder.knowledge.nlp, [article], entities_for=coder._wants_entities)
    flags = [nlp_mod.has_entities(s) for d in docs for s in d.sents]
    assert flags == [False, False, True]
    skipped = [s for d in docs for s in d.sents][:2]
    assert all(t.ent_iob_ == "O" for s in skipped for t in s)  # "Monday", "Lavrov" left unlabelled


def test_pipeline_entity_gate_pronoun_finds_a_name_from_a_skipped_sentence(coder) -> None:
    assert coder.options.entities == "events"
    (accuse,) = [e for e in code(STORY, date="2024-06-25", coder=coder) if e.type == "ACCUSE"]
    assert [a.country for a in accuse.actors] == ["RUS"]  # "He" -> Lavrov, named where no entities ran
    assert [r.country for r in accuse.recipients] == ["ISR"]


def test_pipeline_entity_gate_all_sentences_option(coder) -> None:
    full = Coder(replace(coder.options, entities="all"))
    full._k = coder.knowledge  # same loaded knowledge, other option
    events = code(STORY, date="2024-06-25", coder=full)
    gated = code(STORY, date="2024-06-25", coder=coder)
    assert [e.to_contract() | {"id": None} for e in events] == [e.to_contract() | {"id": None} for e in gated]
