"""Streaming exports of stored events: CSV, JSONL, Parquet, POLECAT and Phoenix tables.

Each format is a generator of byte chunks so the API can stream a million
events without holding them in memory.

- `jsonl`: one output-contract object per line (what `tidings code` prints).
- `csv`: the contract flattened to one row per event (first actor/recipient in
  their own columns, all of them joined with "; ").
- `parquet`: the CSV columns, typed, written in row groups.
- `polecat`: tab-separated, with the column set of the POLECAT weekly files;
  columns we cannot fill (COW codes, titles, story people) are left empty.
- `phoenix`: tab-separated, with the Phoenix (OEDA) daily-file columns (CAMEO
  code, root code, quad class, Goldstein, actor entity + role); a header
  row is written, which the original files lacked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

import orjson

from .. import __version__
from ..errors import QueryError
from .filters import EventFilters
from .store import CONTRACT_FIELDS, Store

CHUNK_ROWS = 2000

CSV_COLUMNS = (
    "id", "article_id", "sentence_index", "date", "date_text", "date_precision", "type", "mode",
    "contexts", "cameo", "quad_class", "goldstein", "actor", "actor_name", "actor_country",
    "actor_sector", "actor_wikidata", "actors", "recipient", "recipient_name", "recipient_country",
    "recipient_sector", "recipient_wikidata", "recipients", "place", "place_name", "place_country",
    "admin1", "lat", "lon", "geonameid", "feature", "fatalities", "injuries", "size", "modality",
    "confidence", "trigger", "sentence", "article_title", "article_date", "article_source", "article_url",
)

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude",
    "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)

PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
    "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
    "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode", "QuadClass",
    "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources",
)


def _join(values: list[Any]) -> str:
    return "; ".join(str(v) for v in values if v)


def _first(group: list[dict[str, Any]]) -> dict[str, Any]:
    return group[0] if group else {}


def csv_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event flattened to the CSV / Parquet columns."""
    a, r, loc, art = _first(e["actors"]), _first(e["recipients"]), e["location"] or {}, e.get("article", {})
    return {
        "id": e["id"], "article_id": e["article_id"], "sentence_index": e["sentence_index"],
        "date": e["date"], "date_text": e["date_text"], "date_precision": e["date_precision"],
        "type": e["type"], "mode": e["mode"], "contexts": _join(e["contexts"]), "cameo": e["cameo"],
        "quad_class": e["quad_class"], "goldstein": e["goldstein"],
        "actor": a.get("text"), "actor_name": a.get("name"), "actor_country": a.get("country"),
        "actor_sector": a.get("sector"), "actor_wikidata": a.get("wikidata"),
        "actors": _join([x.get("name") or x.get("text") for x in e["actors"]]),
        "recipient": r.get("text"), "recipient_name": r.get("name"), "recipient_country": r.get("country"),
        "recipient_sector": r.get("sector"), "recipient_wikidata": r.get("wikidata"),
        "recipients": _join([x.get("name") or x.get("text") for x in e["recipients"]]),
        "place": loc.get("text"), "place_name": loc.get("name"), "place_country": loc.get("country"),
        "admin1": loc.get("admin1"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "geonameid": loc.get("geonameid"), "feature": loc.get("feature"),
        "fatalities": e["fatalities"], "injuries": e["injuries"], "size": e["size"],
        "modality": e["modality"], "confidence": e["confidence"], "trigger": e["trigger"],
        "sentence": e["sentence"], "article_title": art.get("title"), "article_date": art.get("date"),
        "article_source": art.get("source"), "article_url": art.get("url"),
    }


def polecat_row(e: dict[str, Any]) -> tuple[Any, ...]:
    a, r, loc, art = _first(e["actors"]), _first(e["recipients"]), e["location"] or {}, e.get("article", {})
    is_city = str(loc.get("feature") or "").startswith("PPL")
    return (
        e["id"], e["date"], e["type"], e["mode"], e["goldstein"], e["quad_class"], ";".join(e["contexts"]),
        a.get("name"), a.get("country"), None, a.get("sector"), ";".join(x.get("sector") or "" for x in e["actors"]),
        None, a.get("text"), a.get("wikidata"),
        r.get("name"), r.get("country"), None, r.get("sector"), ";".join(x.get("sector") or "" for x in e["recipients"]),
        None, r.get("text"), r.get("wikidata"),
        loc.get("name"), loc.get("name") if is_city else None, None, loc.get("admin1"), loc.get("country"),
        loc.get("lat"), loc.get("lon"), loc.get("geonameid"), loc.get("text"), loc.get("feature"),
        art.get("source"), art.get("date"), None, None, None, art.get("language"), f"tidings-{__version__}",
    )


def phoenix_row(e: dict[str, Any]) -> tuple[Any, ...]:
    a, r, loc, art = _first(e["actors"]), _first(e["recipients"]), e["location"] or {}, e.get("article", {})
    date = e["date"] or ""
    ymd = date.split("-") if len(date) == 10 else [None, None, None]
    cameo = e["cameo"] or ""

    def full(x: dict[str, Any]) -> str:
        return (x.get("country") or "") + (x.get("sector") or "")

    return (
        e["id"], date.replace("-", "") or None, *ymd,
        full(a) or None, a.get("country"), a.get("sector"), None,
        full(r) or None, r.get("country"), r.get("sector"), None,
        cameo or None, cameo[:2] or None, e["quad_class"], e["goldstein"], None,
        loc.get("lat"), loc.get("lon"), loc.get("name"), loc.get("admin1"), loc.get("country"),
        f"{e['article_id']}_{e['sentence_index']}", art.get("url"), art.get("source"),
    )


def _text_table(events: Iterator[dict[str, Any]], header: tuple[str, ...], row: Callable[[dict[str, Any]], Any],
                dialect: str) -> Iterator[bytes]:
    buf = io.StringIO()
    if dialect == "csv":
        w: Any = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
        w.writeheader()
    else:
        w = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
    for i, e in enumerate(events, 1):
        w.writerow(row(e))
        if i % CHUNK_ROWS == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def _jsonl(events: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    lines: list[bytes] = []
    for e in events:
        lines.append(orjson.dumps({k: e[k] for k in CONTRACT_FIELDS}))
        if len(lines) >= CHUNK_ROWS:
            yield b"\n".join(lines) + b"\n"
            lines = []
    if lines:
        yield b"\n".join(lines) + b"\n"


class _Drain:
    """A write-only file for ParquetWriter whose bytes are taken out as they come."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.pos = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        self.pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self.pos

    def flush(self) -> None:
        """Nothing buffered here: bytes are handed on by take()."""

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts = []
        return out


def _parquet(events: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = {"sentence_index", "quad_class", "geonameid", "fatalities", "injuries", "size"}
    floats = {"goldstein", "lat", "lon", "confidence"}
    schema = pa.schema(
        [(c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string()) for c in CSV_COLUMNS]
    )
    sink = _Drain()
    writer = pq.ParquetWriter(sink, schema, compression="zstd")
    rows: list[dict[str, Any]] = []

    def flush_rows() -> bytes:
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        rows.clear()
        return sink.take()

    for e in events:
        rows.append(csv_row(e))
        if len(rows) >= CHUNK_ROWS * 5:
            yield flush_rows()
    if rows:
        yield flush_rows()
    writer.close()
    yield sink.take()


EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    # format: (media type, file extension)
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "polecat": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "phoenix": ("text/tab-separated-values; charset=utf-8", "tsv"),
}


def export_stream(store: Store, fmt: str, filters: EventFilters | None = None) -> Iterator[bytes]:
    """Byte chunks of the matching events in format `fmt` (see EXPORT_FORMATS)."""
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"format: must be one of {', '.join(EXPORT_FORMATS)}")
    events = store.iter_events(filters)
    if fmt == "jsonl":
        return _jsonl(events)
    if fmt == "parquet":
        return _parquet(events)
    if fmt == "csv":
        return _text_table(events, CSV_COLUMNS, csv_row, "csv")
    if fmt == "polecat":
        return _text_table(events, POLECAT_COLUMNS, polecat_row, "tsv")
    return _text_table(events, PHOENIX_COLUMNS, phoenix_row, "tsv")
