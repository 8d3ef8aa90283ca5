"""`tidings places INPUT...`: every toponym in the articles, one JSON object a line.

A standalone geoparser (like Mordecai): `article_id, text, start, end, name,
country, admin1, lat, lon, geonameid, feature`, with `start`/`end` offsets into
the article text exactly as given. `--places FILE` adds a user's own places (the
same option as on the coding commands).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import click
import orjson

from ..errors import InputFailure, TidingsError
from ..model import Article
from .common import places_option, report_failure, valid_date

FORMATS = ("jsonl", "tsv")
FIELDS = ("article_id", "text", "start", "end", "name", "country", "admin1", "lat", "lon",
          "geonameid", "feature")


def place_records(articles: Iterable[Article], place_files: Sequence[str] = ()) -> Iterator[dict[str, Any]]:
    """The toponym records of each article, in text order (the library behind the command);
    `place_files` are users' place dictionaries (`Gazetteer.with_places`), read at the
    call, so a bad file raises `DataFileError` before any article is read."""
    from ..resolve.places import Geoparser

    return _records(Geoparser(place_files=place_files), articles)


def _records(geo: Any, articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    from ..nlp import load, parse_articles

    for article, docs in parse_articles(load(), articles):
        for p in sorted(geo.find(docs, article), key=lambda p: p.start or 0):
            rec = {"article_id": article.id, "text": p.text, "start": p.start, "end": p.end}
            rec.update({k: v for k, v in p.contract().items() if k != "text"})
            yield rec


@click.command("places")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--date", callback=valid_date, help="Publication date (YYYY-MM-DD) for inputs that have none.")
@places_option
def places(inputs: tuple[str, ...], fmt: str, date: str | None, place_files: tuple[str, ...]) -> None:
    """Find and resolve the place names in articles (files, directories, `-`, records).

    \b
    Your own places (villages, camps, checkpoints, neighbourhoods) go in a TSV or
    CSV file with the gazetteer supplement's columns, header first:
      name  aliases  country  feature  lat  lon  [admin1  population]
      Kafr Example  Kfar Example  SYR  PPL  35.93  36.63  Idlib  2000
    and are added with --places FILE (repeatable; also on code, ingest, quotes,
    watch and serve). A name in your file means your place wherever the text
    does not qualify it otherwise ("Springfield, Mass."). A bad row stops the run
    with the file and line named.
    """
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
    try:
        records = place_records(articles(), place_files)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None
    for rec in records:
        if fmt == "jsonl":
            sys.stdout.write(orjson.dumps(rec).decode() + "\n")
        else:
            sys.stdout.write("\t".join("" if rec[k] is None else str(rec[k]) for k in FIELDS) + "\n")
    sys.stdout.flush()
    if failed:
        sys.exit(1)
