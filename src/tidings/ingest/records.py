"""Article records: JSONL, JSON and CSV/TSV files of `{id, text, title, date, url, source}`.

Record files are streamed (a backfill can be gigabytes) and every record
stands alone: a broken line yields an `InputFailure` naming `file:line` and
the rest of the file carries on. Fields beyond the contract go to
`Article.meta`, so nothing the user supplied is lost.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import IO, Any

import orjson

from ..errors import BrokenRecord, InputError, InputFailure
from ..model import Article
from .article import article_from_text
from .decoding import MAX_BYTES, decode_bytes
from .html import article_from_html

CORE_FIELDS = ("id", "text", "title", "date", "url", "source")
# Common names for the publication date in exported corpora (VOA's `published`...).
DATE_ALIASES = ("published", "published_at", "publication_date", "pub_date", "pubdate", "datetime")

Result = Article | InputFailure


def _optional_str(rec: dict[str, Any], key: str) -> str | None:
    value = rec.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, (dict, list)):
        raise BrokenRecord(f"field {key!r} must be a string, not {type(value).__name__}")
    return str(value)


def article_from_record(rec: object, origin: str, default_date: str | None = None) -> Article:
    """One record to an Article; raises InputError subclasses for unusable records.

    `text` is required (or `html`, extracted like a page); `date` falls back to
    the usual alias fields; all other fields land in `meta`.
    """
    if not isinstance(rec, dict):
        raise BrokenRecord(f"a record must be an object, not {type(rec).__name__}")
    date = _optional_str(rec, "date")
    if date is None:
        date = next((_optional_str(rec, k) for k in DATE_ALIASES if rec.get(k)), None)
    meta = {k: v for k, v in rec.items() if k not in CORE_FIELDS}
    given = {
        "id": _optional_str(rec, "id"),
        "title": _optional_str(rec, "title"),
        "date": date,
        "url": _optional_str(rec, "url"),
        "source": _optional_str(rec, "source"),
        "origin": origin,
        "default_date": default_date,
    }
    text = rec.get("text")
    if text is None and isinstance(rec.get("html"), str):
        meta.pop("html")
        return article_from_html(rec["html"], meta=meta, **given)
    if not isinstance(text, str):
        raise BrokenRecord("record has no 'text' string" if text is None else "field 'text' must be a string")
    return article_from_text(text, meta=meta, **given)


def _record(rec: object, origin: str, default_date: str | None) -> Result:
    try:
        return article_from_record(rec, origin, default_date)
    except InputError as exc:
        return InputFailure(origin, exc)


def read_jsonl(lines: Iterable[bytes], name: str, default_date: str | None = None) -> Iterator[Result]:
    """One article per JSON line; blank lines are skipped, broken ones reported."""
    for number, raw in enumerate(lines, start=1):
        origin = f"{name}:{number}"
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        if len(raw) > MAX_BYTES:
            yield InputFailure(origin, BrokenRecord(f"line is {len(raw) / 1e6:.1f} MB, over the limit"))
            continue
        try:
            rec = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            try:
                rec = orjson.loads(decode_bytes(raw))  # cp1252 exports
            except (orjson.JSONDecodeError, InputError):
                yield InputFailure(origin, BrokenRecord(f"invalid JSON: {exc}"))
                continue
        yield _record(rec, origin, default_date)


def read_json(data: bytes, name: str, default_date: str | None = None) -> Iterator[Result]:
    """A JSON file holding one record or an array of records."""
    try:
        doc = orjson.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        yield InputFailure(name, BrokenRecord(f"invalid JSON: {exc}"))
        return
    records = doc if isinstance(doc, list) else [doc]
    for number, rec in enumerate(records, start=1):
        origin = f"{name}[{number - 1}]" if isinstance(doc, list) else name
        yield _record(rec, origin, default_date)


def read_csv(stream: IO[bytes], name: str, delimiter: str = ",", default_date: str | None = None) -> Iterator[Result]:
    """Rows of a CSV/TSV file with a header naming at least `text`.

    Quoted fields may contain newlines; `file:line` names the row's first line.
    """
    csv.field_size_limit(MAX_BYTES)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text, delimiter=delimiter)
    try:
        header = reader.fieldnames
        if not header or "text" not in header:
            yield InputFailure(name, BrokenRecord(f"the header has no 'text' column (found {header or 'none'})"))
            return
        line = reader.line_num + 1
        for row in reader:
            origin = f"{name}:{line}"
            line = reader.line_num + 1
            if None in row:
                yield InputFailure(origin, BrokenRecord("row has more fields than the header"))
                continue
            yield _record({k: v for k, v in row.items() if v is not None}, origin, default_date)
    except csv.Error as exc:
        yield InputFailure(f"{name}:{reader.line_num}", BrokenRecord(f"malformed CSV: {exc}"))
    except UnicodeDecodeError as exc:
        yield InputFailure(f"{name}:{reader.line_num + 1}", BrokenRecord(f"CSV is not UTF-8 here ({exc.reason})"))
    finally:
        text.detach()  # the caller owns (and closes) the byte stream
