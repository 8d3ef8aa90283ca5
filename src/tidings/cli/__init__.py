"""The `tidings` command line: thin click commands over the library.

Each command lives in its own module here and is registered below. Commands
print user errors as one `T0xx: message` line and exit non-zero, never with a
traceback.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def main() -> None:
    """tidings: news articles to PLOVER / CAMEO political event data, offline."""


def _register() -> None:
    from . import actor, bench, code, events, ingest, places, quotes, serve, watch
    from . import eval as eval_mod

    for command in (
        code.code, ingest.ingest, events.events, serve.serve, actor.actor, places.places,
        quotes.quotes, eval_mod.eval_command, bench.bench, watch.watch,
    ):
        main.add_command(command)


_register()
