"""Store benchmark: fill N synthetic events, then time list pages and daily counts.

    .venv/bin/python benchmarks/bench_store.py --events 1000000            # SQLite
    .venv/bin/python benchmarks/bench_store.py --events 1000000 --postgres auto
    .venv/bin/python benchmarks/bench_store.py --events 1000000 --postgres postgresql://...

Targets (issue 6): a filtered list page <= 100 ms and a daily-count aggregate
<= 200 ms with 1,000,000 events. Each query is run `--repeat` times after one
warm-up; the median and the worst are reported. A list page includes its
total count, as the API returns it. Output: a table on stderr, JSON on stdout.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tidings.store import EventFilters, Store, open_store
from tidings.store.synthetic import synthetic_results

LIST_TARGET_MS = 100.0
COUNT_TARGET_MS = 200.0


def timed(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    fn()  # warm-up: caches, prepared plans
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return {"median_ms": round(statistics.median(runs), 2), "max_ms": round(max(runs), 2)}


def fill(store: Store, n_events: int, per_article: int) -> dict[str, float]:
    t = time.perf_counter()
    stats = store.save(synthetic_results(n_events // per_article, per_article, seed=2024), batch_size=2000)
    secs = time.perf_counter() - t
    store.optimize()
    return {"events": stats.events_added, "seconds": round(secs, 1), "events_per_s": round(stats.events_added / secs)}


def queries(store: Store) -> list[tuple[str, str, Callable[[], Any], float]]:
    f = EventFilters.parse
    return [
        ("list", "no filter", lambda: store.query_events(f(), limit=50), LIST_TARGET_MS),
        ("list", "type=PROTEST", lambda: store.query_events(f(type="PROTEST"), limit=50), LIST_TARGET_MS),
        ("list", "country=IRQ, 2019", lambda: store.query_events(
            f(country="IRQ", date_from="2019-01-01", date_to="2019-12-31"), limit=50), LIST_TARGET_MS),
        ("list", "type=ASSAULT, country=IRQ", lambda: store.query_events(
            f(type="ASSAULT", country="IRQ"), limit=50), LIST_TARGET_MS),
        ("list", "type=PROTEST, page 20", lambda: store.query_events(f(type="PROTEST"), limit=50, offset=950),
         LIST_TARGET_MS),
        ("list", "actor~'hezbollah'", lambda: store.query_events(f(actor="hezbollah"), limit=50), LIST_TARGET_MS),
        ("list", "bbox Iraq", lambda: store.query_events(f(bbox="38,29,49,38"), limit=50), LIST_TARGET_MS),
        ("counts", "by day, no filter", lambda: store.counts("day"), COUNT_TARGET_MS),
        ("counts", "by day, type=PROTEST", lambda: store.counts("day", f(type="PROTEST")), COUNT_TARGET_MS),
        ("counts", "by week, country=IRQ", lambda: store.counts("week", f(country="IRQ")), COUNT_TARGET_MS),
        ("counts", "by day, type+country (no rollup)", lambda: store.counts(
            "day", f(type="ASSAULT", country="IRQ")), COUNT_TARGET_MS),
        ("counts", "by type, 2019", lambda: store.counts(
            "type", f(date_from="2019-01-01", date_to="2019-12-31")), COUNT_TARGET_MS),
        ("dyads", "by country, no filter", lambda: store.dyads(level="country", limit=50), COUNT_TARGET_MS),
    ]


def run(url: str, label: str, n_events: int, per_article: int, repeat: int) -> dict[str, Any]:
    store = open_store(url)
    have = store.stats()["events"]
    filled = fill(store, n_events, per_article) if have < n_events else {"events": 0, "reused": have}
    out: dict[str, Any] = {"database": label, "fill": filled, "events": store.stats()["events"], "queries": []}
    for kind, name, fn, target in queries(store):
        r = timed(fn, repeat)
        out["queries"].append({"kind": kind, "query": name, **r, "target_ms": target, "ok": r["median_ms"] <= target})
    store.close()
    return out


def report(result: dict[str, Any]) -> None:
    w = sys.stderr.write
    w(f"\n== {result['database']}: {result['events']:,} events; fill {result['fill']}\n")
    for q in result["queries"]:
        mark = "ok" if q["ok"] else "SLOW"
        w(f"  {q['kind']:7} {q['query']:36} median {q['median_ms']:8.2f} ms  max {q['max_ms']:8.2f} ms"
          f"  (target {q['target_ms']:.0f})  {mark}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--per-article", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--sqlite", help="SQLite file to fill (reused if already full); default a temp file")
    ap.add_argument("--postgres", help="postgresql:// URL, or 'auto' to start a throwaway cluster")
    ap.add_argument("--no-sqlite", action="store_true")
    args = ap.parse_args()
    results = []
    if not args.no_sqlite:
        path = args.sqlite or str(Path(tempfile.mkdtemp(prefix="tidings-bench-")) / "bench.db")
        results.append(run(path, "sqlite", args.events, args.per_article, args.repeat))
        report(results[-1])
    if args.postgres:
        from tidings.store.testing import fresh_postgres_db

        url = fresh_postgres_db() if args.postgres == "auto" else args.postgres
        results.append(run(url, "postgresql", args.events, args.per_article, args.repeat))
        report(results[-1])
    json.dump(results, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
