"""Event-location scorer: which place in a sentence an event (verb) happened at.

Gold: ../shared/eval/event_location/labeled_text.json, adjudicated records only
(`source == "RELABEL"`). Each record is one sentence with a VERB span and zero
or more LOCATION spans (token offsets; the char offsets are unreliable, so
characters come from the gold tokens). The sentence is parsed, its places
found by the Geoparser (resolved toponyms plus the NER places the gazetteer
lacks, since a neighbourhood is still the event's place), and
`PlaceContext.event_place(trigger)` chooses one. Correct when it overlaps any gold
LOCATION, or when both say none.

Run: `python -m tidings.evaluate.event_location [--limit N]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass

from ..model import Article, Paragraph
from .common import EvalError, Report, gold_path, ratio, sha256_of


@dataclass(slots=True)
class LocRecord:
    id: str
    text: str
    verb: tuple[int, int]
    locations: list[tuple[int, int]]


def _chars(tokens: list[dict], span: dict) -> tuple[int, int]:
    """Character offsets of a gold span from its token offsets (the reliable ones)."""
    return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]


def read_gold(limit: int | None = None) -> list[LocRecord]:
    path = gold_path("event_location", "labeled_text.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path}: {exc}") from exc
    out: list[LocRecord] = []
    for n, rec in enumerate(data):
        if rec.get("source") != "RELABEL" or not rec.get("spans") or rec.get("answer") not in (None, "accept"):
            continue
        toks = rec["tokens"]
        verbs = [_chars(toks, s) for s in rec["spans"] if s["label"] == "VERB"]
        if not verbs:
            continue
        locs = [_chars(toks, s) for s in rec["spans"] if s["label"] == "LOCATION"]
        out.append(LocRecord(str(rec.get("_id") or n), rec["text"], verbs[0], locs))
    return out[:limit]


def score(limit: int | None = None, errors: list | None = None) -> dict:
    """Accuracy of the event's place (or none) on the adjudicated records."""
    from ..nlp import load
    from ..resolve.places import Geoparser

    gold = read_gold(limit)
    nlp, geo = load(), Geoparser()
    c = {"n": 0, "ok": 0, "with_loc": 0, "with_loc_ok": 0, "none": 0, "none_ok": 0}
    for rec, doc in zip(gold, nlp.pipe(r.text for r in gold)):
        doc.user_data["offset"] = 0
        art = Article(id=rec.id, text=rec.text, paragraphs=[Paragraph(0, len(rec.text))])
        ctx = geo.context([doc], art)
        trigger = doc.char_span(*rec.verb, alignment_mode="expand")
        if trigger is None:
            continue
        pred = ctx.event_place(trigger)
        if rec.locations:
            ok = pred is not None and any(pred.start < e and s < pred.end for s, e in rec.locations)
            c["with_loc"] += 1
            c["with_loc_ok"] += ok
        else:
            ok = pred is None
            c["none"] += 1
            c["none_ok"] += ok
        c["n"] += 1
        c["ok"] += ok
        if errors is not None and not ok:
            errors.append((rec.text, rec.text[slice(*rec.verb)], [rec.text[s:e] for s, e in rec.locations],
                           pred.text if pred else None))
    return {
        "records": c["n"],
        "accuracy": ratio(c["ok"], c["n"]),
        "accuracy_with_location": ratio(c["with_loc_ok"], c["with_loc"]),
        "accuracy_no_location": ratio(c["none_ok"], c["none"]),
        "with_location": c["with_loc"],
        "gold_sha256": sha256_of(gold_path("event_location", "labeled_text.json")),
    }


def report(limit: int | None = None) -> Report:
    r = score(limit)
    return Report(set_name="event_location", n=r["records"], limit=limit, gold_sha256=r["gold_sha256"],
                  headline={k: r[k] for k in ("accuracy", "accuracy_with_location", "accuracy_no_location")})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.evaluate.event_location")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print this many misses")
    args = ap.parse_args(argv)
    errs: list = []
    print(json.dumps(score(args.limit, errs if args.errors else None), indent=1))
    for e in errs[: args.errors]:
        print(*e, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
