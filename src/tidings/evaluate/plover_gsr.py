"""Scorer for the PLOVER gold-standard records (`eval/plover_gsr/plover_gsr_dev.json`).

Each gold record is one event in one sentence, coded with PLOVER 0.5b1. Old
categories are mapped to the 2024 set as the gold README says (DEMAND ->
REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE mode investigate, FIGHT
-> ASSAULT); old mode names are renamed where a 2024 mode of the same type
says the same thing, and modes with no 2024 equivalent for their type are left
out of the mode figure (the report counts them). Records sharing a sentence
are scored against one coding of that sentence.

Figures, all over the output contract:
- type recall: a gold event's type is among the output types for its sentence;
- type precision: output events whose type is among the sentence's gold types;
- mode: an output event of the gold type carries the gold mode (denominator:
  every gold event with a scoreable mode, found or not);
- actor-country / recipient-country / sector: for gold events whose type was
  found, each gold source (target) is paired with an actor (recipient) of the
  output events of that type - by shared words of its text, else by country -
  and its country and sector compared.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import (
    Contract,
    EvalError,
    GoldSentence,
    Predictions,
    Report,
    Table,
    actor_country,
    actor_sector,
    country_matches,
    gold_path,
    ratio,
    score_run,
    sector_codes,
    shared_file,
    split_code,
)

if TYPE_CHECKING:
    from ..pipeline import Coder

SET_NAME = "plover_gsr"
GOLD_FILE = ("plover_gsr", "plover_gsr_dev.json")
CODEBOOK_FILE = ("reference", "plover", "PLOVER_structured_codebook_updated.csv")

# PLOVER 0.5b1 category -> (2024 type, implied mode)
TYPE_MAP: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}
# 0.5b1 mode names whose meaning a 2024 mode of the same type carries
MODE_RENAMES: dict[str, str] = {
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "strike-hun": "hunger",
    "detain": "arrest",
}

HEADLINE_LABELS = {
    "type_recall": "type recall",
    "type_precision": "precision",
    "mode": "mode",
    "actor_country": "actor-country",
    "recipient_country": "recipient-country",
    "sector": "sector",
}

_STOP = frozenset("the a an of and in on at to for by with from 's".split())


@dataclass(slots=True)
class GoldActor:
    text: str
    country: str | None
    sectors: list[str]


@dataclass(slots=True)
class GoldEvent:
    record_id: str
    type: str
    mode: str | None  # 2024 mode, None when the gold has none or no 2024 equivalent
    old_event: str
    old_mode: str | None
    sources: list[GoldActor] = field(default_factory=list)
    targets: list[GoldActor] = field(default_factory=list)


@dataclass(slots=True)
class PloverSentence(GoldSentence):
    events: list[GoldEvent] = field(default_factory=list)


def plover_modes(path: Path | None = None) -> dict[str, set[str]]:
    """2024 modes per event type, from the PLOVER structured codebook."""
    path = path or shared_file(*CODEBOOK_FILE)
    modes: dict[str, set[str]] = defaultdict(set)
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row.get("mode"):
                modes[row["event"].strip()].add(row["mode"].strip())
    if not modes:
        raise EvalError(f"no modes found in {path}")
    return dict(modes)


def _actors(value: Any) -> list[GoldActor]:
    """Gold `source`/`target`: a list of {actorText, code, sector?}, or ""/None."""
    if not isinstance(value, list):
        return []
    out = []
    for item in value:
        country, code_sectors = split_code(item.get("code"))
        sectors = sector_codes(item.get("sector")) or code_sectors
        out.append(GoldActor(item.get("actorText") or "", country, sectors))
    return out


def parse(records: list[dict[str, Any]], modes: dict[str, set[str]]) -> list[PloverSentence]:
    """Gold records -> sentences (records with the same text share one sentence)."""
    by_text: dict[str, PloverSentence] = {}
    for rec in records:
        old = (rec.get("event") or "").strip().upper()
        new_type, implied_mode = TYPE_MAP.get(old, (old, None))
        old_mode = (rec.get("mode") or "").strip() or None
        mode = implied_mode or MODE_RENAMES.get(old_mode or "", old_mode)
        if mode is not None and mode not in modes.get(new_type, set()):
            mode = None
        event = GoldEvent(
            record_id=rec["id"],
            type=new_type,
            mode=mode,
            old_event=old,
            old_mode=old_mode,
            sources=_actors(rec.get("source")),
            targets=_actors(rec.get("target")),
        )
        text = rec["text"].strip()
        if text not in by_text:
            by_text[text] = PloverSentence(id=rec["id"], text=text, date=rec.get("date"))
        by_text[text].events.append(event)
    return list(by_text.values())


def load(path: Path | None = None) -> list[PloverSentence]:
    path = path or gold_path(*GOLD_FILE)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read {path}: {exc}") from exc
    return parse(records, plover_modes())


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def pair_actor(gold: GoldActor, candidates: list[Contract]) -> Contract | None:
    """The output actor standing for a gold actor: most shared words, else same country."""
    words = _words(gold.text)
    best, best_score = None, 0.0
    for cand in candidates:
        shared = words & _words(cand.get("text") or "")
        score = len(shared) / len(words) if words else 0.0
        if score > best_score:
            best, best_score = cand, score
    if best is not None:
        return best
    if gold.country:
        return next((c for c in candidates if country_matches(gold.country, actor_country(c))), None)
    return None


@dataclass
class _Tally:
    """Counters per gold type (plus totals under the key "ALL")."""

    n: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    out: Counter = field(default_factory=Counter)
    out_right: Counter = field(default_factory=Counter)
    mode_n: Counter = field(default_factory=Counter)
    mode_ok: Counter = field(default_factory=Counter)
    src_n: Counter = field(default_factory=Counter)
    src_ok: Counter = field(default_factory=Counter)
    tgt_n: Counter = field(default_factory=Counter)
    tgt_ok: Counter = field(default_factory=Counter)
    sec_n: Counter = field(default_factory=Counter)
    sec_ok: Counter = field(default_factory=Counter)

    def add(self, name: str, key: str, k: int = 1) -> None:
        counter: Counter = getattr(self, name)
        counter[key] += k
        counter["ALL"] += k


def _score_actors(t: _Tally, g: GoldEvent, same: list[Contract]) -> None:
    for gold_side, key, n_name, ok_name in (
        (g.sources, "actors", "src_n", "src_ok"),
        (g.targets, "recipients", "tgt_n", "tgt_ok"),
    ):
        candidates = [a for e in same for a in e.get(key) or []]
        for ga in gold_side:
            match = pair_actor(ga, candidates)
            if ga.country:
                t.add(n_name, g.type)
                if match is not None and country_matches(ga.country, actor_country(match)):
                    t.add(ok_name, g.type)
            if ga.sectors:
                t.add("sec_n", g.type)
                if match is not None and actor_sector(match) in ga.sectors:
                    t.add("sec_ok", g.type)


def score(gold: list[PloverSentence], predictions: Predictions) -> Report:
    """Score output-contract events per sentence id against the gold sentences."""
    t = _Tally()
    confusions: Counter = Counter()
    misses = Table("disagreements", ["sentence", "gold types", "output types", "text"])
    for sent in gold:
        out = predictions.get(sent.id, [])
        gold_types = {g.type for g in sent.events}
        for e in out:
            t.add("out", e["type"])
            if e["type"] in gold_types:
                t.add("out_right", e["type"])
        out_types = sorted({e["type"] for e in out})
        if gold_types != set(out_types):
            misses.rows.append([sent.id, "+".join(sorted(gold_types)), "+".join(out_types) or "(none)",
                                sent.text])
        for g in sent.events:
            t.add("n", g.type)
            same = [e for e in out if e["type"] == g.type]
            if g.mode is not None:
                t.add("mode_n", g.type)
                if any(e.get("mode") == g.mode for e in same):
                    t.add("mode_ok", g.type)
            if not same:
                confusions[(g.type, "+".join(out_types) or "(none)")] += 1
                continue
            t.add("found", g.type)
            _score_actors(t, g, same)

    headline = {
        "type_recall": ratio(t.found["ALL"], t.n["ALL"]),
        "type_precision": ratio(t.out_right["ALL"], t.out["ALL"]),
        "mode": ratio(t.mode_ok["ALL"], t.mode_n["ALL"]),
        "actor_country": ratio(t.src_ok["ALL"], t.src_n["ALL"]),
        "recipient_country": ratio(t.tgt_ok["ALL"], t.tgt_n["ALL"]),
        "sector": ratio(t.sec_ok["ALL"], t.sec_n["ALL"]),
    }
    report = Report(SET_NAME, n=t.n["ALL"], headline=headline, labels=dict(HEADLINE_LABELS),
                    misses=misses)
    report.tables.append(_type_table(t))
    report.tables.append(Table(
        "missed gold types: what was output instead",
        ["gold type", "output types", "count"],
        [[g, o, c] for (g, o), c in confusions.most_common(15)],
    ))
    report.notes.extend(_mode_notes(gold))
    report.notes.append(
        f"{t.n['ALL']} gold events in {len(gold)} sentences; {t.out['ALL']} output events"
    )
    return report


def _cell(ok: int, n: int) -> str:
    return f"{ok / n:.2f} ({ok}/{n})" if n else "-"


def _type_table(t: _Tally) -> Table:
    types = sorted((set(t.n) | set(t.out)) - {"ALL"}) + ["ALL"]
    rows = []
    for ty in types:
        rows.append([
            ty, t.n[ty], _cell(t.found[ty], t.n[ty]), t.out[ty],
            _cell(t.out_right[ty], t.out[ty]), _cell(t.mode_ok[ty], t.mode_n[ty]),
            _cell(t.src_ok[ty], t.src_n[ty]), _cell(t.tgt_ok[ty], t.tgt_n[ty]),
            _cell(t.sec_ok[ty], t.sec_n[ty]),
        ])
    return Table(
        "per gold type (precision: output events of that type)",
        ["type", "gold", "recall", "output", "precision", "mode", "actor-country",
         "recipient-country", "sector"],
        rows,
    )


def _mode_notes(gold: list[PloverSentence]) -> list[str]:
    events = [g for s in gold for g in s.events]
    with_old = [g for g in events if g.old_mode or TYPE_MAP.get(g.old_event, ("", None))[1]]
    scored = [g for g in events if g.mode]
    dropped = Counter(f"{g.old_event}/{g.old_mode}" for g in with_old if not g.mode)
    note = (f"mode gold: {len(with_old)} events carry a mode (PLOVER 0.5b1 names), "
            f"{len(scored)} map to a 2024 mode of their type and are scored")
    if dropped:
        note += "; no 2024 equivalent: " + ", ".join(f"{k} x{v}" for k, v in sorted(dropped.items()))
    return [note]


def run(coder: "Coder", limit: int | None = None) -> Report:
    """Code the gold sentences (the first `limit` of them) and score them;
    the report's `n` counts gold events (179 on the full set)."""
    path = gold_path(*GOLD_FILE)
    return score_run(coder, path, load(path), score, limit)
