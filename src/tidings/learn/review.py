"""Review policies: how the classifier's second opinion may change the rules' events.

A review only touches events the rules are unsure of (confidence below
`unsure_below`; 0.8 is the lexicon's default for a plain verb trigger, so
anything lower had a penalty or a weaker trigger) and never adds an event:

- drop:   remove the event when the classifier gives its type less than `drop_below`;
- retype: give the event the classifier's top type (and that type's default CAMEO
          code, no mode) when the top type has at least `retype_at`.

Thresholds come from the synthetic held-out split recorded in the model
(`Review.from_heldout`), not from the gold sets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ontology import Ontology
from .second_opinion import SecondOpinion

UNSURE_BELOW = 0.8  # the lexicon's DEFAULT_CONFIDENCE for a plain verb trigger
POLICIES = ("drop", "retype", "both")


@dataclass(frozen=True, slots=True)
class Review:
    """One policy with its thresholds; a threshold of None disables that action."""

    drop_below: float | None = None
    retype_at: float | None = None
    unsure_below: float = UNSURE_BELOW

    @classmethod
    def from_heldout(cls, heldout: dict[str, Any], policy: str) -> Review:
        """The policy with thresholds from the model's synthetic held-out figures."""
        if policy not in POLICIES:
            raise ValueError(f"unknown review policy {policy!r}; one of {POLICIES}")
        drop = heldout.get("drop_below") if policy in ("drop", "both") else None
        retype = heldout.get("retype_at") if policy in ("retype", "both") else None
        if (policy in ("drop", "both") and drop is None) or (policy in ("retype", "both") and retype is None):
            raise ValueError(f"the model's held-out figures give no threshold for {policy!r}")
        return cls(drop, retype)

    @classmethod
    def sweep(cls) -> list[Review]:
        """A grid of other settings, for describing the trade-off only."""
        grid = [cls(drop_below=p) for p in (0.01, 0.03, 0.05, 0.1, 0.2)]
        grid += [cls(drop_below=p, unsure_below=1.01) for p in (0.01, 0.05, 0.1)]
        grid += [cls(retype_at=q) for q in (0.5, 0.7, 0.9)]
        return grid

    def label(self) -> str:
        parts = []
        if self.drop_below is not None:
            parts.append(f"drop<{self.drop_below:g}")
        if self.retype_at is not None:
            parts.append(f"retype>={self.retype_at:g}")
        return " ".join(parts) + f" if conf<{self.unsure_below:g}"


def verdict(type_: str, confidence: float, probs: dict[str, float], review: Review) -> str | None:
    """What to do with one event: its type (keep), another type (retype) or None (drop)."""
    if confidence >= review.unsure_below:
        return type_
    if review.retype_at is not None:
        top = max(probs, key=probs.__getitem__)
        if top != type_ and probs[top] >= review.retype_at:
            return top
    if review.drop_below is not None and probs.get(type_, 0.0) < review.drop_below:
        return None
    return type_


def review_events(events: list[dict[str, Any]], sentence: str, model: SecondOpinion,
                  review: Review, ontology: Ontology) -> tuple[list[dict[str, Any]], int, int]:
    """Apply `review` to the contract dicts of one sentence's events (edited in place).

    -> (kept events, number dropped, number retyped). The classifier runs once
    per sentence, and only when some event is unsure.
    """
    if not any(e.get("confidence", 0.0) < review.unsure_below for e in events):
        return events, 0, 0
    probs = model.predict(sentence)
    kept, dropped, retyped = [], 0, 0
    for e in events:
        new = verdict(e["type"], e.get("confidence", 0.0), probs, review)
        if new is None:
            dropped += 1
            continue
        if new != e["type"]:
            cameo = ontology.cameo(ontology.default_cameo(new))
            e.update(type=new, mode=None, cameo=cameo.code, quad_class=cameo.quad_class,
                     goldstein=cameo.goldstein)
            retyped += 1
        kept.append(e)
    return kept, dropped, retyped
