"""The Parquet output of Ray runs: committed parts, resume, and exactly-once after a crash.

No Ray here: the driver's writer is fed outcome tables as the actors return them.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tidings.run.arrow import ARTICLE_OUTCOME, EVENT
from tidings.run.parquet_out import STATE_DIR, ParquetOutput, hash_key, keys_in


def outcome(n: int, n_events: int = 2, status: str = "coded") -> dict:
    events = [
        {**{name: None for name in EVENT.names}, "id": f"a{n}-e{i}", "article_id": f"a{n}",
         "type": "PROTEST", "modality": "asserted", "contexts": [], "actors": [], "recipients": []}
        for i in range(n_events)
    ]
    return {"article_id": f"a{n}", "content_hash": f"h{n}", "origin": "in.jsonl", "status": status,
            "code": None, "reason": None, "words": 10, "n_events": n_events, "events": events}


def table(*rows: dict) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=ARTICLE_OUTCOME)


def event_ids(folder: Path) -> list[str]:
    return sorted(pq.read_table(folder).column("id").to_pylist())


def test_run_parquet_out_rerun_writes_nothing_twice(tmp_path: Path) -> None:
    out = ParquetOutput(tmp_path)
    first = out.add(table(outcome(1), outcome(2, n_events=0), outcome(3)))
    out.close()
    assert (first.written, first.duplicates, first.events) == (3, 0, 4)
    again = ParquetOutput(tmp_path)
    assert keys_in(again.done, [hash_key("h1"), hash_key("h2"), hash_key("h9")]).tolist() == [True, True, False]
    second = again.add(table(outcome(1), outcome(2, n_events=0), outcome(4)))
    again.close()
    assert (second.written, second.duplicates, second.events) == (1, 2, 2)
    assert event_ids(tmp_path) == ["a1-e0", "a1-e1", "a3-e0", "a3-e1", "a4-e0", "a4-e1"]


def test_run_parquet_out_writes_an_article_repeated_in_the_inputs_once(tmp_path: Path) -> None:
    out = ParquetOutput(tmp_path)
    counts = out.add(table(outcome(1), outcome(1), outcome(2, status="stored")))
    counts2 = out.add(table(outcome(1)))
    out.close()
    assert (counts.written, counts.duplicates, counts2.duplicates) == (1, 1, 1)
    assert event_ids(tmp_path) == ["a1-e0", "a1-e1"]


def test_run_parquet_out_drops_parts_cut_short_by_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = ParquetOutput(tmp_path, part_seconds=0)  # every add commits a part
    out.add(table(outcome(1)))

    midway, between = ParquetOutput(tmp_path), ParquetOutput(tmp_path)  # two runs, both killed
    # Killed in the middle of a part: only a _tmp file (ignored by readers) is left.
    midway.add(table(outcome(3)))
    assert [p.name for p in tmp_path.glob("_tmp-events-*")]
    # Killed between the two renames: events in place, manifest never written.
    between.add(table(outcome(2)))
    with monkeypatch.context() as m:
        m.setattr(pq, "write_table", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("killed")))
        with pytest.raises(RuntimeError, match="killed"):
            between.commit()
    assert event_ids(tmp_path) == ["a1-e0", "a1-e1", "a2-e0", "a2-e1"]  # readers see it now

    resumed = ParquetOutput(tmp_path)
    assert resumed.removed == 2
    assert keys_in(resumed.done, [hash_key(h) for h in ("h1", "h2", "h3")]).tolist() == [True, False, False]
    assert resumed.add(table(outcome(2), outcome(3), outcome(1))).written == 2
    resumed.close()
    assert event_ids(tmp_path) == ["a1-e0", "a1-e1", "a2-e0", "a2-e1", "a3-e0", "a3-e1"]
    assert not list(tmp_path.glob("_tmp-*"))
    manifests = pq.read_table(tmp_path / STATE_DIR)
    assert sorted(manifests.column("content_hash").to_pylist()) == ["h1", "h2", "h3"]


def test_run_parquet_out_commits_on_time_and_size(tmp_path: Path) -> None:
    out = ParquetOutput(tmp_path, events_per_part=3, part_seconds=3600)
    out.add(table(outcome(1)))
    assert not list(tmp_path.glob("events-*.parquet"))  # 2 events: still open
    out.add(table(outcome(2)))
    assert len(list(tmp_path.glob("events-*.parquet"))) == 1  # 4 events: committed
    out.close()
    assert pq.read_table(tmp_path).schema.equals(EVENT)


def test_run_parquet_out_still_dedupes_after_folding_keys_into_the_array(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tidings.run.parquet_out as po

    monkeypatch.setattr(po, "FOLD_KEYS", 2)
    out = ParquetOutput(tmp_path, part_seconds=0)
    out.add(table(outcome(1), outcome(2), outcome(3)))  # committed, then folded
    assert len(out.done) == 3
    assert out.add(table(outcome(2), outcome(4))).duplicates == 1
    out.close()
    assert event_ids(tmp_path) == [f"a{n}-e{i}" for n in (1, 2, 3, 4) for i in (0, 1)]
