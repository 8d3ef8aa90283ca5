"""`tidings events --db PATH`: read coded events back from the store, filtered."""

from __future__ import annotations

import sys

import click

from .common import valid_date

FORMATS = ("table", "jsonl", "csv")


@click.command("events")
@click.option("--db", required=True, help="SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--type", "types", multiple=True, help="PLOVER event type; repeatable.")
@click.option("--country", "countries", multiple=True, help="Actor country (ISO3); repeatable.")
@click.option("--actor", help="Substring of an actor's or recipient's name.")
@click.option("--from", "date_from", callback=valid_date, help="Events on or after this day.")
@click.option("--to", "date_to", callback=valid_date, help="Events on or before this day.")
@click.option("--text", "q", help="Full-text search over the articles.")
@click.option("--all", "include_all", is_flag=True, help="Also list negated, hypothetical and future events.")
@click.option("--limit", type=click.IntRange(1, 100_000), default=200, show_default=True)
def events(db: str, fmt: str, types: tuple[str, ...], countries: tuple[str, ...], actor: str | None,
           date_from: str | None, date_to: str | None, q: str | None, include_all: bool, limit: int) -> None:
    """List stored events, newest first."""
    from ..errors import TidingsError
    from ..model import Event
    from ..output import CsvWriter, jsonl_line, render_table
    from ..store import EventFilters, open_store

    try:
        store = open_store(db)
        filters = EventFilters.parse(type=list(types), country=list(countries), actor=actor,
                                     date_from=date_from, date_to=date_to, q=q,
                                     modality=None if include_all else "asserted")
        page = store.query_events(filters, limit=min(limit, 1000))
        found = [Event.from_contract(d) for d in page.items]
        offset = len(found)
        while len(found) < min(limit, page.total) and offset < page.total:
            more = store.query_events(filters, limit=min(1000, limit - len(found)), offset=offset)
            if not more.items:
                break
            found += [Event.from_contract(d) for d in more.items]
            offset += len(more.items)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "jsonl":
        for e in found:
            sys.stdout.write(jsonl_line(e) + "\n")
    elif fmt == "csv":
        writer = CsvWriter(sys.stdout)
        for e in found:
            writer.write(e)
    else:
        render_table(found, title=f"{len(found)} of {page.total} events in {db}")
