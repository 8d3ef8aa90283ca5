"""Exports: every format parses back and carries the stored events."""

from __future__ import annotations

import csv
import io

import orjson
import pyarrow.parquet as pq
import pytest

from tidings.errors import QueryError
from tidings.model import Event
from tidings.store import EventFilters, export_stream, open_store
from tidings.store.export import CSV_COLUMNS, PHOENIX_COLUMNS, POLECAT_COLUMNS
from tidings.store.synthetic import synthetic_results

RESULTS = list(synthetic_results(25, events_per_article=4, seed=21))
EVENTS = {e.id: e for r in RESULTS for e in r.events}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("db") / "events.db")
    s.save(RESULTS)
    yield s
    s.close()


def export(store, fmt, **filters):
    return b"".join(export_stream(store, fmt, EventFilters.parse(**filters)))


def test_store_export_jsonl_is_the_output_contract(store):
    lines = export(store, "jsonl").splitlines()
    assert len(lines) == len(EVENTS)
    for line in lines:
        obj = orjson.loads(line)
        assert obj == EVENTS[obj["id"]].to_contract()


def test_store_export_csv_columns_and_filter(store):
    rows = list(csv.DictReader(io.StringIO(export(store, "csv", type="ASSAULT").decode())))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    want = {i for i, e in EVENTS.items() if e.type == "ASSAULT"}
    assert {r["id"] for r in rows} == want
    for r in rows:
        e = EVENTS[r["id"]]
        assert r["actor_country"] == e.actors[0].country and float(r["lat"]) == pytest.approx(e.location.lat)


def test_store_export_parquet_reads_back(store):
    table = pq.read_table(io.BytesIO(export(store, "parquet")))
    assert table.num_rows == len(EVENTS)
    assert tuple(table.column_names) == CSV_COLUMNS
    assert set(table.column("id").to_pylist()) == set(EVENTS)


def tsv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode()), delimiter="\t"))


def test_store_export_polecat_table(store):
    rows = tsv(export(store, "polecat"))
    assert tuple(rows[0].keys()) == POLECAT_COLUMNS and len(rows) == len(EVENTS)
    for r in rows:
        e = EVENTS[r["Event ID"]]
        assert (r["Event Type"], r["Actor Country"], r["Recipient Name"]) == (
            e.type, e.actors[0].country, e.recipients[0].name)
        assert r["Country"] == e.location.country and r["Event Date"] == e.date


def test_store_export_phoenix_table(store):
    rows = tsv(export(store, "phoenix"))
    assert tuple(rows[0].keys()) == PHOENIX_COLUMNS and len(rows) == len(EVENTS)
    for r in rows:
        e: Event = EVENTS[r["EventID"]]
        assert r["Date"] == e.date.replace("-", "") and r["Year"] == e.date[:4]
        assert r["EventCode"] == e.cameo and r["EventRootCode"] == e.cameo[:2]
        assert r["SourceActorFull"] == e.actors[0].country + e.actors[0].sector
        assert int(r["QuadClass"]) == e.quad_class


def test_store_export_rejects_unknown_format(store):
    with pytest.raises(QueryError):
        export_stream(store, "xlsx")
