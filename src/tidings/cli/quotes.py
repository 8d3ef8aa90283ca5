"""`tidings quotes INPUT...`: quotations with their speakers, one JSON object a line."""

from __future__ import annotations

import sys

import click
import orjson

from .common import ResultStream, coder_options, load_coder, valid_date


@click.command("quotes")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--date", callback=valid_date, help="Publication date for inputs that have none.")
@coder_options
def quotes(inputs: tuple[str, ...], date: str | None, **opts: object) -> None:
    """Print direct and indirect quotations and statements with the speaker resolved."""
    stream = ResultStream(load_coder(**opts), inputs, date)
    for result in stream:
        for q in result.quotes:
            sys.stdout.write(orjson.dumps(q.to_dict()).decode() + "\n")
    if stream.failed:
        sys.exit(1)
