"""`tidings places INPUT...`: every toponym in the articles, one JSON object a line.

A standalone geoparser (like Mordecai): `article_id, text, start, end, name,
country, admin1, lat, lon, geonameid, feature`, with `start`/`end` offsets into
the article text exactly as given.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click
import orjson

from ..errors import InputFailure
from ..model import Article
from .common import report_failure, valid_date

FORMATS = ("jsonl", "tsv")
FIELDS = ("article_id", "text", "start", "end", "name", "country", "admin1", "lat", "lon",
          "geonameid", "feature")


def place_records(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """The toponym records of each article, in text order (the library behind the command)."""
    from ..nlp import load, parse_articles
    from ..resolve.places import Geoparser

    geo = Geoparser()
    for article, docs in parse_articles(load(), articles):
        for p in sorted(geo.find(docs, article), key=lambda p: p.start or 0):
            rec = {"article_id": article.id, "text": p.text, "start": p.start, "end": p.end}
            rec.update({k: v for k, v in p.contract().items() if k != "text"})
            yield rec


@click.command("places")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--date", callback=valid_date, help="Publication date (YYYY-MM-DD) for inputs that have none.")
def places(inputs: tuple[str, ...], fmt: str, date: str | None) -> None:
    """Find and resolve the place names in articles (files, directories, `-`, records)."""
    from ..ingest import read_inputs

    failed = 0

    def articles() -> Iterator[Article]:
        nonlocal failed
        for item in read_inputs(list(inputs), date=date):
            if isinstance(item, InputFailure):
                failed += 1
                report_failure(item)
            else:
                yield item

    if fmt == "tsv":
        sys.stdout.write("\t".join(FIELDS) + "\n")
    for rec in place_records(articles()):
        if fmt == "jsonl":
            sys.stdout.write(orjson.dumps(rec).decode() + "\n")
        else:
            sys.stdout.write("\t".join("" if rec[k] is None else str(rec[k]) for k in FIELDS) + "\n")
    sys.stdout.flush()
    if failed:
        sys.exit(1)
