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
    """--actors / --lexicon: users' own dictionaries, added to (or replacing) ours."""
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


def load_coder(
    actor_files: tuple[str, ...] = (),
    lexicon_files: tuple[str, ...] = (),
    replace_actors: bool = False,
    replace_lexicon: bool = False,
):
    """Build and set up a Coder, turning knowledge-file errors into one-line messages."""
    from ..errors import TidingsError
    from ..pipeline import Coder, CoderOptions

    options = CoderOptions(
        actor_files=tuple(actor_files),
        lexicon_files=tuple(lexicon_files),
        replace_actors=replace_actors,
        replace_lexicon=replace_lexicon,
    )
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
