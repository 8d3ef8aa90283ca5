"""Options and helpers shared by the commands that code articles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import click

from ..errors import InputFailure


def valid_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--date must be a real calendar day; a typo should fail before any coding."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def coder_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--actors / --lexicon: users' own dictionaries, added to (or replacing) ours;
    --entities: where the entity recogniser runs (a speed/recall trade)."""
    f = click.option(
        "--entities", type=click.Choice(["events", "all"]), default="events", show_default=True,
        help="Sentences the entity recogniser runs on: those with a candidate event "
             "(faster), or all of them.",
    )(f)
    f = click.option(
        "--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        help="Extra actor dictionary (our YAML/CSV, or Phoenix/TABARI format); repeatable.",
    )(f)
    f = click.option(
        "--lexicon", "lexicon_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        help="Extra verb/trigger lexicon (our YAML/TSV, or Phoenix verb patterns); repeatable.",
    )(f)
    f = click.option("--only-user-actors", "replace_actors", is_flag=True,
                     help="Use only the --actors files, not the packaged dictionaries.")(f)
    f = click.option("--only-user-lexicon", "replace_lexicon", is_flag=True,
                     help="Use only the --lexicon files, not the packaged lexicon.")(f)
    return f


def option_fields(opts: dict[str, Any]) -> dict[str, Any]:
    """The `CoderOptions` fields that the `coder_options` flags set."""
    return {
        "actor_files": tuple(opts.get("actor_files") or ()),
        "lexicon_files": tuple(opts.get("lexicon_files") or ()),
        "replace_actors": bool(opts.get("replace_actors")),
        "replace_lexicon": bool(opts.get("replace_lexicon")),
        "entities": opts.get("entities") or "events",
    }


def load_coder(**opts: Any):
    """Build and set up a Coder from the `coder_options` flags, turning
    knowledge-file errors into one-line messages."""
    from ..errors import TidingsError
    from ..pipeline import Coder, CoderOptions

    options = CoderOptions(**option_fields(opts))
    try:
        return Coder(options).setup()
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None


def report_failure(failure: InputFailure) -> None:
    """One line per failed input on stderr: where, code, why."""
    click.echo(f"tidings: skipped {failure}", err=True)


class ResultStream:
    """Reads inputs, codes them, reports every failure on stderr and counts them.

    Iterate for the ArticleResults; `failed` tells the command its exit code.
    """

    def __init__(self, coder, inputs: tuple[str, ...], date: str | None) -> None:
        self.coder = coder
        self.inputs = list(inputs)
        self.date = date
        self.failed = 0

    def _articles(self):
        from ..ingest import read_inputs

        for item in read_inputs(self.inputs, date=self.date):
            if isinstance(item, InputFailure):
                self.failed += 1
                report_failure(item)
            else:
                yield item

    def __iter__(self):
        for result in self.coder.code_articles(self._articles()):
            if isinstance(result, InputFailure):
                self.failed += 1
                report_failure(result)
            else:
                yield result
