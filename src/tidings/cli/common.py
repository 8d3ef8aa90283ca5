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


def checked_place_files(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """--places files are read and checked before anything starts: a bad row should
    stop `ingest` or `serve` at once, naming file and line, not fail in a worker later."""
    from ..errors import DataFileError
    from ..resolve.gazetteer import read_user_places

    for path in value:
        try:
            read_user_places(path)
        except DataFileError as exc:
            raise click.BadParameter(str(exc)) from None
    return value


def checked_discard_files(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """--discards files are read before anything starts (as --places files are)."""
    from ..errors import DataFileError
    from ..lexicon.discards import Discards

    try:
        Discards.from_files(value)
    except DataFileError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def checked_code_files(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """--codes files are read and checked against the ontology before anything starts."""
    from ..errors import DataFileError
    from ..ontology import load as load_ontology

    try:
        load_ontology(value)
    except DataFileError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def places_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """--places: users' own place dictionaries (villages, camps, checkpoints...)."""
    return click.option(
        "--places", "place_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        callback=checked_place_files,
        help="Extra places (the gazetteer supplement's columns, TSV or CSV; see "
             "tidings/data/places/README.md); their names win over ours; repeatable.",
    )(f)


def coder_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--actors / --lexicon: users' own dictionaries, added to (or replacing) ours;
    --discards / --codes: PETRARCH discard lists and users' own event codes;
    --places: users' own place dictionaries;
    --entities: where the entity recogniser runs (a speed/recall trade)."""
    f = places_option(f)
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
    f = click.option(
        "--discards", "discard_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        callback=checked_discard_files,
        help="PETRARCH/TABARI discard list: sentences with a listed phrase are not coded, "
             "'+' phrases drop the whole story; repeatable.",
    )(f)
    f = click.option(
        "--codes", "code_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
        callback=checked_code_files,
        help="Your own event codes mapped to PLOVER types (TSV/CSV/YAML; see "
             "tidings/data/ontology/README.md), for verb dictionaries coding outside CAMEO; repeatable.",
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
        "place_files": tuple(opts.get("place_files") or ()),
        "discard_files": tuple(opts.get("discard_files") or ()),
        "code_files": tuple(opts.get("code_files") or ()),
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
