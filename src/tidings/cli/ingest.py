"""`tidings ingest INPUT... --db PATH`: resumable batch coding into the store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .common import coder_options, report_failure, valid_date


def _default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help="SQLite file or postgresql:// URL to code into (required with --engine local).")
@click.option("--date", callback=valid_date, help="Publication date (YYYY-MM-DD) for inputs that have none.")
@click.option("--workers", type=click.IntRange(1, 256), default=_default_workers, show_default="cores, at most 4",
              help="Worker processes (local) or coder actors (ray).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=32, show_default=True,
              help="Articles per task sent to a worker.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False),
              help="With --engine ray: write events as Parquet partitions into this folder.")
@click.option("--failures", "failures_path", type=click.Path(dir_okay=False),
              help="Append one JSON line per skipped input or article (origin, code, reason).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@coder_options
def ingest(
    inputs: tuple[str, ...],
    db: str | None,
    date: str | None,
    workers: int,
    batch_size: int,
    engine: str,
    parquet_dir: str | None,
    failures_path: str | None,
    progress: bool | None,
    **opts: object,
) -> None:
    """Code files, folders, JSONL/CSV/Parquet, WARC files, feeds and URLs into a store.

    Safe to interrupt: run the same command again and it codes only what is
    not stored yet. Failing inputs are reported and skipped.
    """
    from ..pipeline import CoderOptions
    from ..run.batch import FailureLog

    options = CoderOptions(
        actor_files=tuple(opts["actor_files"]),  # type: ignore[arg-type]
        lexicon_files=tuple(opts["lexicon_files"]),  # type: ignore[arg-type]
        replace_actors=bool(opts["replace_actors"]),
        replace_lexicon=bool(opts["replace_lexicon"]),
    )
    log = FailureLog(failures_path)

    def on_failure(failure):  # type: ignore[no-untyped-def]
        report_failure(failure)
        log(failure)

    try:
        if engine == "ray":
            _run_ray(inputs, db, parquet_dir, date, workers, batch_size, options, on_failure)
        else:
            if not db:
                raise click.UsageError("--db is required with --engine local")
            _run_local(inputs, db, date, workers, batch_size, options, on_failure, progress)
    finally:
        log.close()


def _run_local(inputs, db, date, workers, batch_size, options, on_failure, progress) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from ..errors import TidingsError
    from ..run.batch import ingest_items
    from ..run.local import RunOptions
    from ..run.sources import count_records, read_sources

    console = Console(stderr=True)
    show = console.is_terminal if progress is None else progress
    total = count_records(inputs) if show else None
    bar = Progress(
        TextColumn("[bold]coding"),
        BarColumn(),
        TextColumn("{task.completed:,.0f}/{task.fields[total_text]}"),
        TextColumn("{task.fields[rate]:.1f} art/s"),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not show,
    )
    task = bar.add_task("coding", total=total, rate=0.0, counts="", total_text=f"{total:,}" if total else "?")

    def on_progress(s):  # type: ignore[no-untyped-def]
        bar.update(task, completed=s.coded + s.skipped + s.failed, rate=s.rate,
                   counts=f"new {s.coded:,} · stored {s.skipped:,} · failed {s.failed:,}")

    try:
        with bar:
            stats = ingest_items(
                read_sources(inputs, date), db,
                coder_options=options,
                run_options=RunOptions(workers=workers, batch_size=batch_size),
                on_failure=on_failure, on_progress=on_progress,
            )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"tidings: coded {stats.coded:,} articles ({stats.events:,} events) in {stats.seconds:.1f} s "
        f"= {stats.rate:.1f} articles/s; {stats.skipped:,} already stored, {stats.failed:,} failed",
        err=True,
    )


def _run_ray(inputs, db, parquet_dir, date, workers, batch_size, options, on_failure) -> None:  # type: ignore[no-untyped-def]
    from ..errors import TidingsError
    from ..run.batch import coder_factory
    from ..run.ray_runner import RayOptions, run_ray

    if not (db or parquet_dir):
        raise click.UsageError("--engine ray needs --parquet DIR or --db postgresql://...")
    try:
        stats = run_ray(
            list(inputs),
            coder_factory=coder_factory(options),
            options=RayOptions(actors=workers, batch_size=batch_size),
            parquet_dir=Path(parquet_dir) if parquet_dir else None,
            db=db,
            date=date,
            on_failure=on_failure,
        )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"tidings: ray coded {stats.coded:,} articles ({stats.events:,} events) in {stats.seconds:.1f} s "
        f"= {stats.rate:.1f} articles/s; {stats.failed:,} failed",
        err=True,
    )
    if stats.failed and not stats.coded:
        sys.exit(1)
