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
    from . import code as code_cmd
    from . import eval as eval_cmd
    from . import quotes as quotes_cmd

    main.add_command(code_cmd.code)
    main.add_command(eval_cmd.eval_command)
    main.add_command(quotes_cmd.quotes)


_register()
