"""Scorer for the PETRARCH-2 validation records (`eval/petr2_gsr/PETR2_GSR_validation.xml`).

Each sentence carries CAMEO codings `(eventcode, sourcecode, targetcode)` or
`noevents="True"`. We compare at the level users of CAMEO data aggregate to:
the CAMEO root (first two digits) and the country part of each actor code
("USAGOV" -> USA, "---REB" -> unknown; IGO codes keep PLOVER's
IGO detail: "IGOUNOMIL" -> UNO, "IGOEUREEC" -> EUR, "IGOCOPITP" -> IGO). Per sentence the
gold and output triples are sets; F1 is micro-averaged over sentences.

An output event becomes triples the way PETRARCH writes compound actors:
every (actor, recipient) pair; with no recipient and two or more actor
countries ("Brazil and the United States are seeking to deepen..."), every
ordered pair of distinct actor countries (the reciprocal reading).
"""

from __future__ import annotations

from collections import Counter
from itertools import permutations, product
from pathlib import Path
from typing import TYPE_CHECKING

from .common import (
    Contract,
    EvalError,
    PetrSentence,
    Predictions,
    Report,
    Table,
    actor_country,
    f1,
    fmt,
    gold_path,
    parse_petr_xml,
    ratio,
    PETRARCH_MODALITIES,
    score_run,
    split_code,
)

if TYPE_CHECKING:
    from ..pipeline import Coder

SET_NAME = "petr2_gsr"
GOLD_FILE = ("petr2_gsr", "PETR2_GSR_validation.xml")

HEADLINE_LABELS = {
    "root_actors_f1": "root+source+target F1",
    "root_f1": "root F1",
    "empty_kept": "no-event kept empty",
}

Triple = tuple[str | None, str | None, str | None]  # (root, source country, target country)


def load(path: Path | None = None) -> list[PetrSentence]:
    path = path or gold_path(*GOLD_FILE)
    try:
        return parse_petr_xml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc}") from exc


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code and len(code) >= 2 and code[:2].isdigit() else None


def gold_triples(sent: PetrSentence) -> set[Triple]:
    return {
        (cameo_root(c.event), split_code(c.source)[0], split_code(c.target)[0])
        for c in sent.codings
    }


def _countries(actors: list[Contract]) -> list[str | None]:
    seen: list[str | None] = []
    for a in actors:
        c = actor_country(a)
        if c not in seen:
            seen.append(c)
    return seen


def event_triples(event: Contract) -> set[Triple]:
    """One output event as PETRARCH-style triples (see the module docstring)."""
    root = cameo_root(event.get("cameo"))
    sources = _countries(event.get("actors") or [])
    targets = _countries(event.get("recipients") or [])
    known = [c for c in sources if c]
    if not targets and len(known) >= 2:
        return {(root, s, t) for s, t in permutations(known, 2)}
    return {(root, s, t) for s, t in product(sources or [None], targets or [None])}


def score(gold: list[PetrSentence], predictions: Predictions) -> Report:
    tp = fp = fn = 0
    rtp = rfp = rfn = 0
    empty_n = empty_ok = 0
    by_root: dict[str, Counter] = {}
    confusions: Counter = Counter()
    misses = Table("disagreements", ["sentence", "missed (gold)", "spurious (output)", "text"])
    for sent in gold:
        out = predictions.get(sent.id, [])
        g = gold_triples(sent)
        p: set[Triple] = set().union(*(event_triples(e) for e in out)) if out else set()
        if g != p:
            misses.rows.append([sent.id, _triples_text(g - p), _triples_text(p - g), sent.text])
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
        g_roots = {t[0] for t in g}
        p_roots = {cameo_root(e.get("cameo")) for e in out}
        rtp += len(g_roots & p_roots)
        rfp += len(p_roots - g_roots)
        rfn += len(g_roots - p_roots)
        for triples, key in ((g & p, "tp"), (p - g, "fp"), (g - p, "fn")):
            for t in triples:
                by_root.setdefault(t[0] or "??", Counter())[key] += 1
        for r in g_roots - p_roots:
            confusions[(r or "??", "+".join(sorted(x or "??" for x in p_roots)) or "(none)")] += 1
        if sent.empty:
            empty_n += 1
            empty_ok += not out
    precision, recall, f = f1(tp, fp, fn)
    rp, rr, rf = f1(rtp, rfp, rfn)
    headline = {"root_actors_f1": f, "root_f1": rf, "empty_kept": ratio(empty_ok, empty_n)}
    report = Report(SET_NAME, n=len(gold), headline=headline, labels=dict(HEADLINE_LABELS),
                    misses=misses)
    report.tables.append(_root_table(by_root))
    report.tables.append(Table(
        "missed gold roots: roots output instead",
        ["gold root", "output roots", "count"],
        [[g, o, c] for (g, o), c in confusions.most_common(15)],
    ))
    report.notes.append(
        f"root+source+target: precision {fmt(precision)} recall {fmt(recall)} "
        f"(tp {tp}, fp {fp}, fn {fn}); root only: precision {fmt(rp)} recall {fmt(rr)}"
    )
    report.notes.append(
        f"{sum(len(s.codings) for s in gold)} gold codings in {len(gold)} sentences; "
        f"{empty_ok}/{empty_n} no-event sentences left empty"
    )
    return report


def _triples_text(triples: set[Triple]) -> str:
    return " ".join(f"{r or '??'}:{s or '---'}>{t or '---'}" for r, s, t in
                    sorted(triples, key=lambda x: tuple(v or "" for v in x))) or "-"


def _root_table(by_root: dict[str, Counter]) -> Table:
    rows = []
    for root in sorted(by_root):
        c = by_root[root]
        p, r, f = f1(c["tp"], c["fp"], c["fn"])
        rows.append([root, c["tp"] + c["fn"], c["tp"] + c["fp"], c["tp"], fmt(p), fmt(r), fmt(f)])
    return Table(
        "root+source+target triples per CAMEO root",
        ["root", "gold", "output", "right", "precision", "recall", "F1"],
        rows,
    )


def run(coder: "Coder", limit: int | None = None) -> Report:
    """Code the gold sentences (the first `limit` of them) and score them."""
    path = gold_path(*GOLD_FILE)
    return score_run(coder, path, load(path), score, limit,
                     side_modalities=PETRARCH_MODALITIES)
