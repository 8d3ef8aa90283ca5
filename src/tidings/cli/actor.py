"""`tidings actor`: look an actor phrase up the way the coder would resolve it."""

from __future__ import annotations

import json

import click

from ..errors import TidingsError
from .common import valid_date


@click.command("actor")
@click.argument("text")
@click.option("--date", callback=valid_date, help="Date (YYYY-MM-DD) that picks the offices people held.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor dictionary (our YAML/CSV/TSV, or Phoenix/TABARI format); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def actor(text: str, date: str | None, actor_files: tuple[str, ...], fmt: str) -> None:
    """Resolve TEXT (e.g. "President Kassym-Jomart Tokayev") to name, country, sector and why."""
    from ..resolve.actors import ActorResolver

    try:
        resolver = ActorResolver(extra_files=actor_files)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None
    found = resolver.lookup(text, date)
    if fmt == "json":
        record = found.contract() if found else {"text": text, "name": None, "country": None,
                                                 "sector": None, "wikidata": None}
        record["why"] = found.why if found else "no dictionary entry, role noun or place matched"
        record["date"] = date
        click.echo(json.dumps(record, ensure_ascii=False))
        return
    if found is None:
        click.echo(f"{text}: not resolved (no dictionary entry, role noun or place matched)")
        return
    click.echo(f"text:    {found.text}")
    click.echo(f"name:    {found.name}")
    click.echo(f"country: {found.country or '-'}")
    click.echo(f"sector:  {found.sector or '-'}")
    click.echo(f"why:     {found.why}")
