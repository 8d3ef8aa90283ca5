"""The regression gate: floors logic on hand-built reports, and the real gate -
every gold set scored in full and checked against the pinned floors
in src/tidings/evaluate/eval_floors.json (skipped when ../shared is absent)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tidings.evaluate import gate
from tidings.evaluate.common import EvalError, Report

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def report(name="plover_gsr", n=179, sha="abc", limit=None, **figures):
    return Report(name, n=n, headline=figures, gold_sha256=sha, limit=limit)


def floors(**sets):
    return {"sets": sets, "history": []}


def test_figure_below_floor_fails_and_equal_passes():
    fl = floors(plover_gsr={"floors": {"type_recall": 0.8, "mode": 0.5}, "sha256": "abc", "n": 179})
    assert gate.check({"plover_gsr": report(type_recall=0.8, mode=0.6)}, fl) == []
    failures = gate.check({"plover_gsr": report(type_recall=0.79, mode=0.6)}, fl)
    assert len(failures) == 1 and "type_recall 0.790 below floor 0.800" in failures[0]


def test_missing_figure_changed_gold_and_quick_run_fail():
    fl = floors(plover_gsr={"floors": {"mode": 0.5}, "sha256": "abc", "n": 179})
    assert "missing" in gate.check({"plover_gsr": report(mode=None)}, fl)[0]
    assert "gold file changed" in gate.check({"plover_gsr": report(sha="zzz", mode=0.9)}, fl)[0]
    assert "cannot be gated" in gate.check({"plover_gsr": report(n=80, mode=0.9)}, fl)[0]


def test_coding_failures_fail_the_gate_and_block_updates():
    fl = floors(plover_gsr={"floors": {"mode": 0.5}, "sha256": "abc", "n": 179})
    broken = report(mode=0.9)
    broken.failed = 3
    assert "failed on 3" in gate.check({"plover_gsr": broken}, fl)[0]
    with pytest.raises(EvalError, match="failed on 3"):
        gate.update({"plover_gsr": broken}, fl, "pin")


def test_sets_without_floors_or_not_run_are_not_failures():
    fl = floors(plover_gsr={"floors": {}}, petr2_gsr={"floors": {"root_f1": 0.5}})
    assert gate.check({"plover_gsr": report(type_recall=0.1)}, fl) == []


def test_update_raises_floors_rounding_down_and_records_reason():
    fl = floors(plover_gsr={"floors": {"type_recall": 0.5}})
    new, changes = gate.update({"plover_gsr": report(type_recall=0.8769, mode=0.7)}, fl,
                               "lexicon v2", now=NOW)
    pinned = new["sets"]["plover_gsr"]
    assert pinned["floors"] == {"type_recall": 0.876, "mode": 0.7}
    assert pinned["sha256"] == "abc" and pinned["n"] == 179
    assert new["history"][-1]["reason"] == "lexicon v2" and len(changes) == 2
    assert fl["sets"]["plover_gsr"]["floors"] == {"type_recall": 0.5}  # input untouched


def test_lowering_needs_allow_lower_and_is_recorded():
    fl = floors(plover_gsr={"floors": {"type_recall": 0.9}, "sha256": "abc"})
    results = {"plover_gsr": report(type_recall=0.85)}
    with pytest.raises(EvalError, match="--allow-lower"):
        gate.update(results, fl, "regressed")
    new, _ = gate.update(results, fl, "accepted: new gold", allow_lower=True, now=NOW)
    assert new["sets"]["plover_gsr"]["floors"]["type_recall"] == 0.85
    assert new["history"][-1]["lowered"] == ["plover_gsr: type_recall 0.900 -> 0.850"]


def test_update_refuses_limited_runs_and_empty_reason():
    with pytest.raises(EvalError):
        gate.update({"plover_gsr": report(limit=80, type_recall=0.9)}, floors(), "quick")
    with pytest.raises(EvalError):
        gate.update({"plover_gsr": report(type_recall=0.9)}, floors(), "  ")


def test_floors_file_round_trips(tmp_path):
    path = tmp_path / "floors.json"
    gate.save_floors(floors(petr2_gsr={"floors": {"root_f1": 0.7}}), path)
    assert gate.load_floors(path)["sets"]["petr2_gsr"]["floors"]["root_f1"] == 0.7
    path.write_text("{}")
    with pytest.raises(EvalError):
        gate.load_floors(path)


def test_packaged_floors_file_is_valid():
    data = gate.load_floors()
    for name, entry in data["sets"].items():
        assert all(0.0 <= v <= 1.0 for v in entry.get("floors", {}).values()), name


GATED_SETS = ("plover_gsr", "petr2_gsr", "petr_unittest", "actors", "event_location", "geo")


@pytest.mark.shared
@pytest.mark.model
def test_gold_sets_hold_their_floors(shared, request):
    """The gate itself: a full run of each gated set must meet every pinned floor."""
    from tidings.evaluate import report_names, run

    pinned = gate.load_floors()
    todo = [s for s in GATED_SETS
            if any(pinned["sets"].get(name, {}).get("floors") for name in report_names(s))]
    if not todo:
        pytest.skip("no floors pinned yet in eval_floors.json (see its 'procedure')")
    coder = request.getfixturevalue("coder")  # load the model only when there is a gate
    results = {r.set_name: r for s in todo for r in run(s, coder)}
    failures = gate.check(results, pinned)
    lines = "\n".join(r.headline_line() for r in results.values())
    assert not failures, "\n".join(failures) + "\n" + lines
