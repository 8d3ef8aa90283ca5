"""`tidings code INPUT...`: code articles and print events per the output contract."""

from __future__ import annotations

import sys

import click

from ..model import MODALITIES
from .common import ResultStream, coder_options, load_coder, valid_date

FORMATS = ("jsonl", "table", "csv")


@click.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--date", callback=valid_date, help="Publication date (YYYY-MM-DD) for inputs that have none.")
@click.option("--all", "include_all", is_flag=True, help="Also print negated, hypothetical and future events.")
@click.option("--modality", "modalities", multiple=True, type=click.Choice(MODALITIES),
              help="Print events of this modality (repeatable; default asserted). PETRARCH coded "
                   "stated plans as acts: --modality asserted --modality future gives its reading.")
@coder_options
def code(inputs: tuple[str, ...], fmt: str, date: str | None, include_all: bool,
         modalities: tuple[str, ...], **opts: object) -> None:
    """Code articles (files, directories, `-` for stdin, .jsonl/.csv records) into events."""
    from ..output import CsvWriter, jsonl_line, render_table

    shown = set(MODALITIES if include_all else modalities or ("asserted",))
    stream = ResultStream(load_coder(**opts), inputs, date)
    writer = CsvWriter(sys.stdout) if fmt == "csv" else None
    for result in stream:
        events = [e for e in result.events if e.modality in shown]
        if fmt == "jsonl":
            for e in events:
                sys.stdout.write(jsonl_line(e) + "\n")
        elif writer is not None:
            for e in events:
                writer.write(e)
        else:
            art = result.article
            title = f"{art.title or art.id} — {art.date or 'no date'}"
            render_table(events, title=title)
        sys.stdout.flush()
    if stream.failed:
        sys.exit(1)
