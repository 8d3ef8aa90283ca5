"""Renderers of coded events: JSON lines (the output contract), CSV and a terminal table."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any, TextIO

import orjson

from .model import Actor, Event

CSV_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "sentence_index", "date", "date_precision", "type", "mode", "cameo",
    "quad_class", "goldstein", "actor_name", "actor_country", "actor_sector",
    "recipient_name", "recipient_country", "recipient_sector", "location_name",
    "location_country", "lat", "lon", "fatalities", "injuries", "size", "modality",
    "confidence", "trigger", "date_text", "contexts", "sentence",
)


def jsonl_line(event: Event) -> str:
    return orjson.dumps(event.to_contract()).decode()


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def _join(actors: list[Actor], attr: str) -> str:
    return ";".join(str(getattr(a, attr) or "") for a in actors)


def csv_row(event: Event) -> dict[str, Any]:
    loc = event.location
    return {
        "id": event.id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "date": event.date,
        "date_precision": event.date_precision,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "actor_name": _join(event.actors, "name"),
        "actor_country": _join(event.actors, "country"),
        "actor_sector": _join(event.actors, "sector"),
        "recipient_name": _join(event.recipients, "name"),
        "recipient_country": _join(event.recipients, "country"),
        "recipient_sector": _join(event.recipients, "sector"),
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "fatalities": event.fatalities,
        "injuries": event.injuries,
        "size": event.size,
        "modality": event.modality,
        "confidence": round(event.confidence, 3),
        "trigger": event.trigger,
        "date_text": event.date_text,
        "contexts": ";".join(event.contexts),
        "sentence": event.sentence,
    }


class CsvWriter:
    """Writes the header once, then one row per event."""

    def __init__(self, out: TextIO) -> None:
        self._w = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        self._w.writeheader()

    def write(self, event: Event) -> None:
        self._w.writerow(csv_row(event))


def _actor_label(actors: list[Actor]) -> str:
    parts = []
    for a in actors:
        code = " ".join(x for x in (a.country, a.sector) if x)
        parts.append(f"{a.name or a.text} ({code})" if code else (a.name or a.text))
    return "; ".join(parts) or "—"


def table_rows(events: Iterable[Event]) -> list[list[str]]:
    """Rows for the terminal table: who, what, whom, where, when, toll."""
    rows = []
    for e in events:
        toll = ", ".join(
            f"{n} {label}"
            for n, label in ((e.fatalities, "dead"), (e.injuries, "hurt"), (e.size, "people"))
            if n is not None
        )
        where = ""
        if e.location:
            where = f"{e.location.name or e.location.text}, {e.location.country or '?'}"
        kind = e.type + (f" ({e.mode})" if e.mode else "")
        rows.append([
            _actor_label(e.actors), kind, e.cameo or "", _actor_label(e.recipients), where,
            e.date or "", toll, e.trigger, e.modality if e.modality != "asserted" else "",
        ])
    return rows


TABLE_HEADER = ["actor", "type (mode)", "cameo", "recipient", "where", "when", "toll", "trigger", "modality"]


def render_table(events: list[Event], title: str | None = None, out: TextIO | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for h in TABLE_HEADER:
        table.add_column(h, overflow="fold")
    for row in table_rows(events):
        table.add_row(*row)
    Console(file=out, width=200).print(table)


def to_csv_string(events: Iterable[Event]) -> str:
    buf = io.StringIO()
    w = CsvWriter(buf)
    for e in events:
        w.write(e)
    return buf.getvalue()
