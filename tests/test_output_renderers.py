"""Renderers keep to the contract and never lose an actor or a field."""

from __future__ import annotations

import csv
import io
import json

from tidings.model import Actor, Event, Place
from tidings.output import CSV_COLUMNS, jsonl_line, table_rows, to_csv_string


def make_event(**kw) -> Event:
    base = dict(
        id="a-0-0", article_id="a", sentence_index=0, sentence="Iraqi protesters stormed the US embassy.",
        trigger="stormed", type="PROTEST", mode="riot", cameo="145", quad_class=4, goldstein=-7.0,
        actors=[Actor("Iraqi protesters", "protesters", "IRQ", "OPP"), Actor("Hashed", "Hashed al-Shaabi", "IRQ", "REB")],
        recipients=[Actor("the US embassy", "United States", "USA", "GOV")],
        location=Place("Baghdad", "Baghdad", "IRQ", "Baghdad", 33.34, 44.4, 98182, "PPLC"),
        date="2019-12-31", date_text="Tuesday", date_precision="day", injuries=62,
    )
    base.update(kw)
    return Event(**base)


def test_output_jsonl_round_trips_contract():
    ev = make_event()
    obj = json.loads(jsonl_line(ev))
    assert obj["cameo"] == "145" and obj["location"]["lat"] == 33.34
    assert [a["country"] for a in obj["actors"]] == ["IRQ", "IRQ"]
    assert "sentence_start" not in obj  # spans are not part of the contract


def test_output_csv_joins_compound_actors():
    rows = list(csv.DictReader(io.StringIO(to_csv_string([make_event(), make_event(id="a-0-1", location=None)]))))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert rows[0]["actor_country"] == "IRQ;IRQ"
    assert rows[1]["lat"] == ""


def test_output_table_shows_toll_and_modality():
    (row,) = table_rows([make_event(modality="negated", fatalities=3)])
    assert "3 dead" in row[6] and "62 hurt" in row[6]
    assert row[-1] == "negated"
    assert row[1] == "PROTEST (riot)"
