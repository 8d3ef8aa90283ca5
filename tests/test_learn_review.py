"""Review policies: what the second opinion may do to the rules' events."""

from __future__ import annotations

import pytest

from tidings.learn.review import Review, review_events, verdict
from tidings.ontology import load as load_ontology

PROBS = {"PROTEST": 0.85, "ASSAULT": 0.14, "AID": 0.01}


def test_learn_review_leaves_confident_rules_alone():
    review = Review(drop_below=0.5, retype_at=0.5)
    assert verdict("AID", 0.85, PROBS, review) == "AID"


def test_learn_review_drops_and_retypes_only_unsure_events():
    assert verdict("AID", 0.6, PROBS, Review(drop_below=0.05)) is None
    assert verdict("ASSAULT", 0.6, PROBS, Review(drop_below=0.05)) == "ASSAULT"
    assert verdict("AID", 0.6, PROBS, Review(retype_at=0.8)) == "PROTEST"
    assert verdict("AID", 0.6, PROBS, Review(retype_at=0.9)) == "AID"


def test_learn_review_from_heldout_needs_its_thresholds():
    held = {"drop_below": 0.02, "retype_at": 0.75}
    assert Review.from_heldout(held, "drop") == Review(drop_below=0.02)
    assert Review.from_heldout(held, "both") == Review(drop_below=0.02, retype_at=0.75)
    with pytest.raises(ValueError):
        Review.from_heldout({"drop_below": 0.02}, "retype")
    with pytest.raises(ValueError):
        Review.from_heldout(held, "guess")


class _Fixed:
    """A stand-in model that always gives the same probabilities."""

    def __init__(self, probs):
        self.probs = probs
        self.calls = 0

    def predict(self, text):
        self.calls += 1
        return self.probs


def test_learn_review_events_recodes_a_retyped_event():
    ontology = load_ontology()
    events = [
        {"type": "AID", "mode": None, "cameo": "070", "confidence": 0.5},
        {"type": "ASSAULT", "mode": "firearms", "cameo": "193", "confidence": 0.9},
    ]
    model = _Fixed(PROBS)
    kept, dropped, retyped = review_events(events, "text", model, Review(retype_at=0.8), ontology)
    assert (dropped, retyped) == (0, 1)
    assert kept[0]["type"] == "PROTEST"
    assert ontology.cameo(kept[0]["cameo"]).plover_type == "PROTEST"
    assert kept[1]["cameo"] == "193"  # confident event untouched


def test_learn_review_skips_the_classifier_when_all_events_are_confident():
    model = _Fixed(PROBS)
    events = [{"type": "AID", "confidence": 0.9}]
    kept, dropped, _ = review_events(events, "text", model, Review(drop_below=0.5), load_ontology())
    assert kept == events and dropped == 0 and model.calls == 0
