"""`tidings eval`: score the coder on the gold sets in ../shared/eval.

Prints each set's tables and a headline line (or JSON with --json); --check
applies the regression gate (exit 1 when a figure is below its floor), and
--update-floors pins the measured figures as the new floors.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

SET_CHOICES = ("plover_gsr", "petr2_gsr", "petr_unittest", "actors", "geo", "event_location", "all")


def _text_table(columns: list[str], rows: list[list[Any]]) -> str:
    cells = [[str(c) for c in columns]] + [[str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _clip(value: Any, width: int = 100) -> str:
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_report(report: Any, misses: int) -> None:
    click.echo(f"== {report.set_name} ==")
    for table in report.tables:
        if table.rows:
            click.echo(f"-- {table.title}")
            click.echo(_text_table(table.columns, table.rows))
    if misses and report.misses is not None and report.misses.rows:
        shown = report.misses.rows[:misses]
        click.echo(f"-- {report.misses.title} ({len(shown)} of {len(report.misses.rows)})")
        click.echo(_text_table(report.misses.columns, [[_clip(v) for v in r] for r in shown]))
    for note in report.notes:
        click.echo(f"note: {note}")
    click.echo("")


def _json_report(report: Any, misses: int) -> dict[str, Any]:
    data = report.to_dict()
    if data.get("misses"):
        data["misses"]["rows"] = data["misses"]["rows"][:misses]
    return data


@click.command("eval")
@click.option("--set", "set_name", type=click.Choice(SET_CHOICES), default="all", show_default=True,
              help="Gold set to score.")
@click.option("--quick", is_flag=True, help="Score a subset of each set (finishes in under 45 s).")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N gold units of each set.")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as one JSON object.")
@click.option("--misses", type=click.IntRange(min=0), default=0,
              help="Also print up to N disagreements per set (gold vs output), for error analysis.")
@click.option("--check", is_flag=True, help="Apply the regression gate: exit 1 if a figure is below its floor.")
@click.option("--update-floors", is_flag=True, help="Pin the measured figures as floors (full runs only).")
@click.option("--allow-lower", is_flag=True, help="With --update-floors: allow a floor to go down.")
@click.option("--reason", default="", help="Why the floors change (required with --update-floors).")
def eval_command(set_name: str, quick: bool, limit: int | None, as_json: bool, misses: int,
                 check: bool, update_floors: bool, allow_lower: bool, reason: str) -> None:
    """Score tidings against the gold sets: per-type tables and a headline line per set."""
    from ..errors import TidingsError
    from ..evaluate import QUICK_LIMITS, SETS, CoderCache, EvalError, gate, report_names
    from ..evaluate import run as run_set

    if update_floors and (quick or limit):
        raise click.UsageError("--update-floors needs a full run (no --quick / --limit)")
    if update_floors and not reason.strip():
        raise click.UsageError("--update-floors needs --reason")
    if allow_lower and not update_floors:
        raise click.UsageError("--allow-lower only goes with --update-floors")

    names = list(SETS) if set_name == "all" else [set_name]
    coders = CoderCache()
    reports = []
    skipped: list[str] = []
    for name in names:
        cap = limit if limit is not None else (QUICK_LIMITS.get(name) if quick else None)
        try:
            reports.extend(run_set(name, limit=cap, coders=coders))
        except TidingsError as exc:  # one set's missing gold or scorer must not stop the others
            if set_name != "all":
                raise click.ClickException(str(exc)) from None
            skipped.append(name)
            click.echo(f"tidings: {name} skipped: {exc}", err=True)
    if not reports:
        raise click.ClickException("no gold set could be scored")

    results = {r.set_name: r for r in reports}
    failures: list[str] = []
    try:
        floors = gate.load_floors()
        if check:
            failures = gate.check(results, floors)
            failures += [f"{key}: not scored, but floors are pinned for it"
                         for name in skipped for key in report_names(name)
                         if floors["sets"].get(key, {}).get("floors")]
        if update_floors:
            new, changes = gate.update(results, floors, reason, allow_lower=allow_lower)
            gate.save_floors(new)
            for line in changes or ["floors unchanged"]:
                click.echo(f"floors: {line}", err=True)
    except EvalError as exc:
        raise click.ClickException(str(exc)) from None

    if as_json:
        out = {"reports": [_json_report(r, misses) for r in reports]}
        if check:
            out["gate_failures"] = failures
        click.echo(json.dumps(out, indent=2))
    else:
        for report in reports:
            _print_report(report, misses)
        for report in reports:
            click.echo(report.headline_line())
    for line in failures:
        click.echo(f"gate: {line}", err=True)
    if failures:
        sys.exit(1)
