"""`tidings watch FEED... --db PATH`: poll feeds and code new items into the store."""

from __future__ import annotations

import click

from .common import coder_options, load_coder, report_failure


@click.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option("--db", required=True, help="SQLite file or postgresql:// URL to code into.")
@click.option("--interval", type=click.FloatRange(1.0), default=300.0, show_default=True,
              help="Seconds between polls (start to start).")
@click.option("--once", is_flag=True, help="Poll once and exit.")
@click.option("--state", "state_path", type=click.Path(dir_okay=False),
              help="Seen-items file (default: DB path + .watch.sqlite).")
@coder_options
def watch(
    feeds: tuple[str, ...], db: str, interval: float, once: bool, state_path: str | None, **opts: object
) -> None:
    """Poll RSS/Atom FEEDS (URLs) and code each new item once."""
    from ..run.batch import article_hash
    from ..run.fetch import Fetcher
    from ..run.watch import Watcher, WatchState, default_state_path
    from ..store import open_store

    try:
        state = WatchState(state_path or default_state_path(db))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    coder = load_coder(**opts)  # type: ignore[arg-type]

    def echo(s) -> None:  # type: ignore[no-untyped-def]
        click.echo(
            f"tidings: polled {s.feeds} feeds: {s.new_items} new items, {s.coded} coded "
            f"({s.events} events), {s.failed} failed",
            err=True,
        )

    with open_store(db) as store, Fetcher() as fetcher:
        watcher = Watcher(list(feeds), store, coder, state, fetcher,
                          content_hash=article_hash, on_failure=report_failure)
        try:
            if once:
                echo(watcher.poll())
            else:
                watcher.run(interval, on_poll=echo)
        except KeyboardInterrupt:
            click.echo("tidings: watch stopped", err=True)
        finally:
            state.close()
