"""The regression gate: pinned floors for each headline figure of each gold set.

`eval_floors.json` (beside this module) holds, per set, the floors, the
sha256 of the gold file they were measured on and the number of gold units
(so a `--quick` run is never compared with full-set floors), plus a history
of every change with its reason. `check()` lists what fell below its floor;
`update()` raises floors to freshly measured figures and refuses to lower one
unless `allow_lower` is given - always with a reason, which is recorded.

Procedure (also in the json's "procedure" field):
1. run `tidings eval --set all` on the full sets (no --quick) and read the figures;
2. `tidings eval --set plover_gsr --update-floors --reason "why"` (or `--set all`)
   pins the measured figures (rounded down to 3 decimals) as floors;
3. `pytest tests/test_evaluate_gate.py` then fails whenever a figure drops below
   its floor; lowering one needs `--allow-lower --reason "..."`, and the reason
   goes into the commit message too.
"""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .common import EvalError, Report

FLOORS_FILE = Path(__file__).with_name("eval_floors.json")
EPSILON = 1e-9


def load_floors(path: Path | None = None) -> dict[str, Any]:
    path = path or FLOORS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read floors file {path}: {exc}") from exc
    if not isinstance(data.get("sets"), dict):
        raise EvalError(f"{path}: no 'sets' object")
    return data


def save_floors(floors: dict[str, Any], path: Path | None = None) -> None:
    (path or FLOORS_FILE).write_text(json.dumps(floors, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def check(results: dict[str, Report], floors: dict[str, Any]) -> list[str]:
    """Failures (one line each) of the results against the floors; [] when all hold.

    Sets without floors, or floors for sets that were not run, are not failures.
    A changed gold file or a different number of gold units is one: the floors
    would not mean the same thing.
    """
    failures = []
    for name, report in results.items():
        pinned = floors["sets"].get(name)
        if not pinned or not pinned.get("floors"):
            continue
        sha = pinned.get("sha256")
        if sha and report.gold_sha256 and sha != report.gold_sha256:
            failures.append(f"{name}: gold file changed (sha256 {report.gold_sha256[:12]}, "
                            f"floors pinned on {sha[:12]}); re-measure and re-pin the floors")
            continue
        if pinned.get("n") is not None and pinned["n"] != report.n:
            failures.append(f"{name}: scored {report.n} gold units, floors pinned on "
                            f"{pinned['n']} (a --quick or limited run cannot be gated)")
            continue
        if report.failed:
            failures.append(f"{name}: the coder failed on {report.failed} gold unit(s)")
        for figure, floor in pinned["floors"].items():
            value = report.headline.get(figure)
            if value is None:
                failures.append(f"{name}: {figure} missing (floor {floor:.3f})")
            elif value + EPSILON < floor:
                failures.append(f"{name}: {figure} {value:.3f} below floor {floor:.3f}")
    return failures


def _round_down(value: float) -> float:
    return math.floor(value * 1000 + EPSILON) / 1000


def update(
    results: dict[str, Report],
    floors: dict[str, Any],
    reason: str,
    *,
    allow_lower: bool = False,
    now: datetime | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """New floors from measured results -> (floors, change lines).

    Every headline figure that was measured becomes its floor (rounded down to
    3 decimals). A floor that would go down raises EvalError unless
    `allow_lower`; a limited (--quick) run cannot set floors at all.
    """
    if not reason.strip():
        raise EvalError("changing floors needs a reason (--reason)")
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    new = json.loads(json.dumps(floors))  # deep copy: callers keep the old floors intact
    changes: list[str] = []
    lowered: list[str] = []
    for name, report in results.items():
        if report.limit is not None:
            raise EvalError(f"{name}: floors come from full runs only (this run had a limit)")
        if report.failed:
            raise EvalError(f"{name}: the coder failed on {report.failed} gold unit(s); fix that first")
        entry = new["sets"].setdefault(name, {"floors": {}})
        old_floors: dict[str, float] = entry.get("floors") or {}
        for figure, value in report.headline.items():
            if value is None:
                continue
            target = _round_down(value)
            old = old_floors.get(figure)
            if old is not None and target < old - EPSILON:
                lowered.append(f"{name}: {figure} {old:.3f} -> {target:.3f}")
                if not allow_lower:
                    continue
            if old is None or abs(target - old) > EPSILON:
                changes.append(f"{name}: {figure} {'-' if old is None else f'{old:.3f}'} -> {target:.3f}")
                old_floors[figure] = target
        entry.update({"floors": old_floors, "sha256": report.gold_sha256, "n": report.n})
    if lowered and not allow_lower:
        raise EvalError("lowering floors needs --allow-lower and a reason: " + "; ".join(lowered))
    if changes:
        new.setdefault("history", []).append(
            {"when": stamp, "reason": reason.strip(), "changes": changes,
             "lowered": lowered if allow_lower else []}
        )
    return new, changes
