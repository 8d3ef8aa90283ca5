#!/usr/bin/env python
"""Does the second-opinion classifier pay? Score plover_gsr and petr2_gsr with
and without review policies applied to the rule coder's output.

The gold sentences are coded once with the normal `Coder` (all modalities,
then asserted events only, as `tidings eval` scores them); each policy then
rewrites the predicted contract dicts and the sets' own `score()` functions
score the result. Policies never add an event the rules did not find.

The one policy judged (`--policy`, default `drop`) takes its thresholds from
the model's held-out split of the synthetic data (`meta["heldout"]`), never
from these gold sets. `--sweep` also prints other thresholds for the record;
they are descriptive and must not be used to pick a setting.

    .venv/bin/python scripts/eval_second_opinion.py [--model PATH] [--sweep]
"""

from __future__ import annotations

import argparse
import copy
import time
from collections.abc import Callable
from pathlib import Path

from tidings.evaluate import petr2_gsr, plover_gsr
from tidings.evaluate.common import (
    ASSERTED,
    Predictions,
    code_sentences,
    gold_path,
    with_modalities,
)
from tidings.learn.review import Review, review_events
from tidings.learn.second_opinion import SecondOpinion
from tidings.ontology import load as load_ontology
from tidings.pipeline import Coder

SETS: dict[str, tuple[Callable, Callable, tuple[str, ...]]] = {
    "plover_gsr": (lambda: plover_gsr.load(gold_path(*plover_gsr.GOLD_FILE)), plover_gsr.score,
                   ("type_recall", "type_precision", "mode", "actor_country")),
    "petr2_gsr": (lambda: petr2_gsr.load(gold_path(*petr2_gsr.GOLD_FILE)), petr2_gsr.score,
                  ("root_actors_f1", "root_f1", "empty_kept")),
}


def apply(predictions: Predictions, texts: dict[str, str], model: SecondOpinion,
          review: Review, ontology) -> tuple[Predictions, int, int]:
    """Predictions after the review; -> (predictions, events dropped, events retyped)."""
    out: Predictions = {}
    dropped = retyped = 0
    for sid, events in predictions.items():
        events = copy.deepcopy(events)
        kept, d, r = review_events(events, texts[sid], model, review, ontology)
        out[sid] = kept
        dropped += d
        retyped += r
    return out, dropped, retyped


def alone(gold: list, model: SecondOpinion) -> str:
    """How often the classifier's top (top-3) type is one of a sentence's gold types."""
    top1 = top3 = 0
    for s in gold:
        probs = model.predict(s.text)
        ranked = sorted(probs, key=probs.__getitem__, reverse=True)
        types = {g.type for g in s.events}
        top1 += ranked[0] in types
        top3 += bool(types & set(ranked[:3]))
    return f"top-1 type right {top1 / len(gold):.2f}, top-3 {top3 / len(gold):.2f} (n={len(gold)})"


def plover_f1(h: dict) -> float | None:
    p, r = h.get("type_precision"), h.get("type_recall")
    return 2 * p * r / (p + r) if p and r else None


def fmt3(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def line(name: str, headline: dict, keys: tuple[str, ...], extra: str = "") -> str:
    figs = " ".join(f"{k} {fmt3(headline.get(k))}" for k in keys)
    if "type_precision" in headline:
        figs += f" type_f1 {fmt3(plover_f1(headline))}"
    return f"  {name:<34} {figs}{extra}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, default=None, help="model file (default: packaged)")
    ap.add_argument("--policy", choices=("drop", "retype", "both"), default="drop")
    ap.add_argument("--sweep", action="store_true", help="also print other thresholds (descriptive)")
    args = ap.parse_args(argv)
    model = SecondOpinion.load(args.model)
    held = (model.meta or {}).get("heldout", {})
    chosen = Review.from_heldout(held, args.policy)
    print(f"model: {args.model or 'packaged'}; synthetic held-out {held}")
    print(f"chosen policy (thresholds from the synthetic held-out split): {chosen}")
    ontology = load_ontology()
    coder = Coder().setup()
    t0 = time.perf_counter()
    n_sent = 0
    for set_name, (load, score, keys) in SETS.items():
        gold = load()
        texts = {s.id: s.text for s in gold}
        n_sent += len(gold)
        raw, failures = code_sentences(coder, gold)
        base = with_modalities(raw, ASSERTED)
        print(f"{set_name} ({len(gold)} sentences, {len(failures)} failed to code)")
        print(line("rules only", score(gold, base).headline, keys))
        if set_name == "plover_gsr":
            print("  classifier alone: " + alone(gold, model))
        reviews = [chosen]
        if args.sweep:
            reviews += Review.sweep()
        for rv in reviews:
            reviewed, d, r = apply(base, texts, model, rv, ontology)
            tag = "CHOSEN " if rv is chosen else "sweep  "
            print(line(tag + rv.label(), score(gold, reviewed).headline, keys,
                       f"  (dropped {d}, retyped {r})"))
    t1 = time.perf_counter()
    sentences = [s.text for name in SETS for s in SETS[name][0]()]
    t2 = time.perf_counter()
    for s in sentences:
        model.predict(s)
    rate = len(sentences) / (time.perf_counter() - t2)
    print(f"coding + reviewing {n_sent} sentences took {t1 - t0:.1f} s; "
          f"classifier alone: {rate:,.0f} sentences/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
