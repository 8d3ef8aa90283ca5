"""Gold-set scorers and the regression gate.

`run(set_name, coder=None, limit=None)` scores one set and returns its
`Report`s; `SETS` maps each set name to its runner, so adding a set is one
entry. Event sets (plover_gsr, petr2_gsr, petr_unittest) code the gold
sentences through `tidings.pipeline.Coder` and score only the output
contract; the actor, geoparsing and event-location scorers live in their own
modules and are called when present.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .common import EvalError, Report

if TYPE_CHECKING:
    from ..pipeline import Coder

# --quick must finish in < 45 s on a busy 2-core machine. The event sets code
# in about a second each, so they run in full (and --quick figures on them are
# the gated ones); the article-length geoparsing and event-location sets are cut.
QUICK_LIMITS: dict[str, int | None] = {
    "plover_gsr": None,
    "petr2_gsr": None,
    "petr_unittest": None,
    "actors": None,
    "geo": 5,
    "event_location": 100,
}
GEO_SETS = ("lgl", "gwn")


def report_names(set_name: str) -> tuple[str, ...]:
    """The Report.set_name(s) a set's runner produces (the keys floors are pinned on)."""
    if set_name == "geo":
        return tuple(f"geoparsing_{s}" for s in GEO_SETS)
    return (set_name,)


class CoderCache:
    """One default coder per eval run, built (and its model loaded) only if needed."""

    def __init__(self, coder: "Coder | None" = None) -> None:
        self._coder = coder

    def get(self) -> "Coder":
        if self._coder is None:
            from ..pipeline import Coder

            self._coder = Coder()
        return self._coder.setup()


Runner = Callable[[CoderCache, "int | None"], list[Report]]


def _module(name: str) -> Any:
    """A sibling scorer module; EvalError (not ImportError) when it is not there yet."""
    full = f"{__name__}.{name}"
    if importlib.util.find_spec(full) is None:
        raise EvalError(f"scorer module {full} is not available")
    return importlib.import_module(full)


def as_report(set_name: str, result: Any, limit: int | None = None) -> Report:
    """Accept a Report, or a mapping whose rates (numbers in 0..1) become the
    headline (+ optional "n" and "gold_sha256"); counts and timings are left out."""
    if isinstance(result, Report):
        return result
    if isinstance(result, dict):
        headline = {k: float(v) for k, v in result.items()
                    if isinstance(v, int | float) and not isinstance(v, bool) and 0.0 <= v <= 1.0
                    and k != "n"}
        if headline:
            return Report(set_name, n=int(result.get("n", 0)), headline=headline, limit=limit,
                          gold_sha256=result.get("gold_sha256"))
    raise EvalError(f"{set_name}: scorer returned {type(result).__name__}, not a Report")


def _scored(set_name: str, module: Any, *args: Any, limit: int | None = None) -> Report:
    """A sibling scorer's Report: its `report()` when it has one, else its `score()`."""
    if hasattr(module, "report"):
        return as_report(set_name, module.report(*args), limit)
    return as_report(set_name, module.score(*args), limit)


def _plover(coders: CoderCache, limit: int | None) -> list[Report]:
    from . import plover_gsr

    return [plover_gsr.run(coders.get(), limit)]


def _petr2(coders: CoderCache, limit: int | None) -> list[Report]:
    from . import petr2_gsr

    return [petr2_gsr.run(coders.get(), limit)]


def _petr_unittest(coders: CoderCache, limit: int | None) -> list[Report]:
    from . import petr_unittest

    return [petr_unittest.run(None, limit)]  # its own coder: validation dictionaries only


def _actors(coders: CoderCache, limit: int | None) -> list[Report]:
    return [_scored("actors", _module("actor_resolution"))]


def _geo(coders: CoderCache, limit: int | None) -> list[Report]:
    mod = _module("geoparsing")
    return [_scored(f"geoparsing_{s}", mod, s, limit, limit=limit) for s in GEO_SETS]


def _event_location(coders: CoderCache, limit: int | None) -> list[Report]:
    return [_scored("event_location", _module("event_location"), limit, limit=limit)]


SETS: dict[str, Runner] = {
    "plover_gsr": _plover,
    "petr2_gsr": _petr2,
    "petr_unittest": _petr_unittest,
    "actors": _actors,
    "geo": _geo,
    "event_location": _event_location,
}


def run(
    set_name: str,
    coder: "Coder | None" = None,
    limit: int | None = None,
    *,
    coders: CoderCache | None = None,
) -> list[Report]:
    """Score one gold set; `coder` defaults to `Coder()` with the packaged knowledge."""
    if set_name not in SETS:
        raise EvalError(f"unknown gold set {set_name!r}; one of: {', '.join(SETS)}")
    return SETS[set_name](coders or CoderCache(coder), limit)


__all__ = ["QUICK_LIMITS", "SETS", "CoderCache", "EvalError", "Report", "as_report", "report_names", "run"]
