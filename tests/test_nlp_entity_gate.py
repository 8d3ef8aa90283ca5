"""Entities on picked sentences only: same entities there, none elsewhere, right offsets."""

from __future__ import annotations

import pytest

from tidings import nlp as nlp_mod
from tidings.ingest import article_from_text

pytestmark = pytest.mark.model

TEXT = (
    "The weather in Nairobi was mild on Monday. "
    "Kenyan police arrested 40 students outside the Parliament of Kenya in Nairobi. "
    "Vladimir Putin and Angela Merkel had dinner in Berlin.\n\n"
    "Later, the Red Cross said it had sent a team to Mombasa."
)


def _parse(entities_for=None):
    nlp = nlp_mod.load()
    article = article_from_text(TEXT, id="gate", date="2024-06-25")
    ((_, docs),) = nlp_mod.parse_articles(nlp, [article], entities_for=entities_for)
    return docs


def _ents(docs):
    return [(d.user_data["offset"] + e.start_char, e.text, e.label_) for d in docs for e in d.ents]


def test_nlp_entity_gate_only_picked_sentences_get_entities() -> None:
    picked = lambda sent: "arrested" in sent.text or "Red Cross" in sent.text
    full, gated = _parse(), _parse(picked)
    sents = [s for d in gated for s in d.sents]
    assert [nlp_mod.has_entities(s) for s in sents] == [picked(s) for s in sents]
    wanted = {(d.user_data["offset"] + s.start_char, d.user_data["offset"] + s.end_char)
              for d in full for s in d.sents if picked(s)}
    in_picked = [e for e in _ents(full) if any(a <= e[0] < b for a, b in wanted)]
    assert in_picked and _ents(gated) == in_picked  # same entities, same offsets, nothing else
    for d in gated:
        for s in d.sents:
            if not nlp_mod.has_entities(s):
                assert all(t.ent_iob_ == "O" for t in s)


def test_nlp_entity_gate_absent_means_every_sentence() -> None:
    docs = _parse()
    assert all(nlp_mod.has_entities(s) for d in docs for s in d.sents)
    assert {"Nairobi", "Berlin", "Mombasa"} <= {e[1] for e in _ents(docs)}
