"""`read_inputs`: paths, directories and stdin to a stream of Articles and failures.

One bad input must never stop a backfill: every failure becomes an
`InputFailure` with the input's name (and line, for records) and a one-line
reason, and reading carries on with the next input.
"""

from __future__ import annotations

import gzip
import io
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError, InputFailure, MissingInput
from ..model import Article
from .article import article_from_text
from .decoding import MAX_BYTES, check_size, decode_bytes
from .html import article_from_html
from .records import Result, read_csv, read_json, read_jsonl

RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>", b"<p ", b"<meta", b"<title")
_SNIFF = 2048
_JSON_OBJECT = re.compile(rb'\{\s*"')  # a record line opens with {"key"; prose never does


def read_inputs(inputs: list[str], date: str | None = None) -> Iterator[Article | InputFailure]:
    """Articles (or failures) from files, directories, record files and `-` (stdin).

    `date` is the `--date` fallback publication date for articles that give none.
    Never raises for a bad input.
    """
    for item in map(str, inputs):
        yield from _guarded(item, lambda item=item: _read_item(item, date))


def _guarded(origin: str, produce: Callable[[], Iterable[Result]]) -> Iterator[Result]:
    """Run a reader, turning whatever it raises into one InputFailure for `origin`."""
    try:
        yield from produce()
    except InputError as exc:
        yield InputFailure(origin, exc)
    except OSError as exc:
        yield InputFailure(origin, InputError(f"cannot read: {exc.strerror or exc}"))
    except Exception as exc:  # noqa: BLE001 - a library bug on one page must not end the run
        first_line = next(iter(str(exc).splitlines()), "")
        yield InputFailure(origin, InputError(f"unexpected {type(exc).__name__}: {first_line}"))


def _read_item(item: str, date: str | None) -> Iterator[Result]:
    if item == "-":
        yield from read_stream(sys.stdin.buffer, "<stdin>", date)
        return
    path = Path(item)
    if path.is_dir():
        for file in iter_directory(path):
            yield from _guarded(str(file), lambda file=file: read_file(file, date))
    elif path.is_file():
        yield from read_file(path, date)
    elif path.exists():
        raise InputError("not a regular file or directory")
    else:
        raise MissingInput("no such file or directory")


def iter_directory(root: Path) -> Iterator[Path]:
    """Files under `root`, recursively, in sorted order, skipping hidden names."""
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(current) / name


def _kind(path: Path) -> tuple[str, bool]:
    """(kind, gzipped) from the file name: jsonl | json | csv | tsv | html | txt | unknown."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in RECORD_SUFFIXES:
        return RECORD_SUFFIXES[last], gz
    if last in HTML_SUFFIXES:
        return "html", gz
    return ("txt" if last == ".txt" else "unknown"), gz


def _open(path: Path, gz: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if gz else path.open("rb")


def _read_limited(stream: IO[bytes]) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    check_size(len(data))
    return data


def read_file(path: Path, date: str | None = None) -> Iterator[Result]:
    """One file: record files stream records; other files are one article."""
    name = str(path)
    if not path.is_file():
        raise InputError("not a regular file (a pipe, socket or device is never read)")
    kind, gz = _kind(path)
    if not gz and kind in ("html", "txt", "unknown"):
        check_size(path.stat().st_size)
    with _open(path, gz) as stream:
        if kind == "jsonl":
            yield from read_jsonl(limited_lines(stream), name, date)
        elif kind == "csv" or kind == "tsv":
            yield from read_csv(stream, name, "\t" if kind == "tsv" else ",", date)
        elif kind == "json":
            yield from read_json(stream.read(), name, date)
        else:
            yield from read_stream(stream, name, date, html=kind == "html", records=kind == "unknown")


def limited_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """Lines of a record stream, each cut at MAX_BYTES + 1 bytes.

    An over-long line (a decompression bomb, a corrupt export) is yielded cut
    short, so the record reader reports it, and the rest of it is skipped
    without ever being held in memory.
    """
    while True:
        line = stream.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            rest = stream.readline(MAX_BYTES)
            while rest and not rest.endswith(b"\n"):
                rest = stream.readline(MAX_BYTES)
        yield line


def sniff(head: bytes) -> str:
    """'jsonl', 'html' or 'text' from the first bytes of an unnamed input."""
    lead = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _JSON_OBJECT.match(lead):
        return "jsonl"
    lower = lead[:_SNIFF].lower()
    if lower.startswith(b"<") and any(m in lower for m in _HTML_MARKERS):
        return "html"
    return "text"


def read_stream(
    stream: IO[bytes], name: str, date: str | None = None, *, html: bool = False, records: bool = True
) -> Iterator[Result]:
    """One article from a stream (stdin, a file), sniffing HTML and, if `records`, JSONL."""
    head = stream.read(_SNIFF)
    kind = "html" if html else sniff(head)
    if kind == "jsonl" and not records:
        kind = "text"
    if kind == "jsonl":
        head += stream.readline(MAX_BYTES)
        lines = itertools.chain(limited_lines(io.BytesIO(head)), limited_lines(stream))
        yield from read_jsonl(lines, name, date)
        return
    data = head + _read_limited(stream)
    check_size(len(data))
    if kind == "html":
        yield article_from_html(data, origin=name, default_date=date)
    else:
        text = decode_bytes(data)
        if sniff(text[:_SNIFF].encode("utf-8", "replace")) == "html":
            yield article_from_html(text, origin=name, default_date=date)
        else:
            yield article_from_text(text, origin=name, default_date=date)
