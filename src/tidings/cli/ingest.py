"""`tidings ingest INPUT... --db PATH`: resumable batch coding into the store."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click

from ..errors import InputFailure
from .common import coder_options, option_fields, report_failure, valid_date


@dataclass(frozen=True, slots=True)
class _Job:
    inputs: list[str]
    db: str | None
    date: str | None
    workers: int
    batch_size: int
    coder_options: Any  # tidings.pipeline.CoderOptions (imported lazily)
    on_failure: Callable[[InputFailure], None]


def _default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help="SQLite file or postgresql:// URL to code into (required with --engine local).")
@click.option("--date", callback=valid_date, help="Publication date (YYYY-MM-DD) for inputs that have none.")
@click.option("--workers", type=click.IntRange(1, 256), default=_default_workers, show_default="cores, at most 4",
              help="Worker processes (local) or coder actors (ray).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=32, show_default=True,
              help="Articles per task sent to a worker or actor.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--parquet", "parquet_dir",
              help="With --engine ray: write events as Parquet files into this folder or s3://... URI "
                   "(the same command run again writes only what is missing).")
@click.option("--ray-address", help="With --engine ray: join this cluster ('auto', ray://host:10001).")
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
    ray_address: str | None,
    failures_path: str | None,
    progress: bool | None,
    **opts: Any,
) -> None:
    """Code files, folders, JSONL/CSV/Parquet, WARC files, feeds and URLs into a store.

    Safe to interrupt (even kill -9): run the same command again and it codes
    only what is not stored yet. Failing inputs are reported and skipped.
    """
    from ..pipeline import CoderOptions
    from ..run.batch import FailureLog

    log = FailureLog(failures_path)

    def on_failure(failure: InputFailure) -> None:
        report_failure(failure)
        log(failure)

    job = _Job(
        inputs=list(inputs), db=db, date=date, workers=workers, batch_size=batch_size,
        coder_options=CoderOptions(**option_fields(opts)),
        on_failure=on_failure,
    )
    try:
        if engine == "ray":
            _run_ray(job, parquet_dir, ray_address, progress)
        else:
            _run_local(job, progress)
    finally:
        log.close()


def _progress(total: int | None, show: bool | None) -> tuple[Any, Callable[[Any], None]]:
    """A rich progress bar on stderr (when it is a terminal, or when asked) and its update callback."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    bar = Progress(
        TextColumn("[bold]coding"),
        BarColumn(),
        TextColumn("{task.completed:,.0f}/{task.fields[total_text]}"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not (console.is_terminal if show is None else show),
    )
    task = bar.add_task("coding", total=total, rate=0.0, counts="", total_text=f"{total:,}" if total else "?")

    def on_progress(s: Any) -> None:  # a RunStats
        bar.update(task, completed=s.coded + s.skipped + s.failed, rate=s.rate,
                   counts=f"new {s.coded:,} · stored {s.skipped:,} · failed {s.failed:,}")

    return bar, on_progress


def _run_local(job: _Job, progress: bool | None) -> None:
    from ..errors import TidingsError
    from ..run.batch import ingest_items
    from ..run.local import RunOptions
    from ..run.sources import count_records, read_sources

    if not job.db:
        raise click.UsageError("--db is required with --engine local")
    total = count_records(job.inputs)
    # A small input does not pay for loading the coder in more workers than it has batches.
    workers = min(job.workers, max(1, -(-total // job.batch_size))) if total is not None else job.workers
    bar, on_progress = _progress(total, progress)
    try:
        with bar:
            stats = ingest_items(
                read_sources(job.inputs, job.date), job.db,
                coder_options=job.coder_options,
                run_options=RunOptions(workers=workers, batch_size=job.batch_size),
                on_failure=job.on_failure, on_progress=on_progress,
            )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("tidings: interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    click.echo(
        f"tidings: coded {stats.coded:,} articles ({stats.events:,} events) in {stats.seconds:.1f} s "
        f"= {stats.rate:.1f} articles/s (+{stats.setup_seconds:.1f} s setup); "
        f"{stats.skipped:,} already stored, {stats.failed:,} failed",
        err=True,
    )
    if stats.failed and not (stats.coded or stats.skipped):
        sys.exit(1)  # nothing at all could be read or coded


def _run_ray(job: _Job, parquet_dir: str | None, address: str | None, progress: bool | None) -> None:
    from ..errors import TidingsError
    from ..run.batch import coder_factory
    from ..run.ray_runner import RayOptions, run_ray
    from ..run.sources import count_records

    if not (job.db or parquet_dir):
        raise click.UsageError("--engine ray needs --parquet DIR or --db postgresql://...")
    bar, on_progress = _progress(count_records(job.inputs), progress)
    try:
        with bar:
            stats = run_ray(
                job.inputs,
                coder_factory=coder_factory(job.coder_options),
                options=RayOptions(actors=job.workers, batch_size=job.batch_size, address=address),
                parquet_dir=parquet_dir,
                db=job.db,
                date=job.date,
                on_failure=job.on_failure,
                on_progress=on_progress,
            )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("tidings: interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    first = (f", first results after {stats.first_result:.1f} s, then {stats.steady_rate:.1f} articles/s"
             if stats.first_result is not None else "")
    click.echo(
        f"tidings: ray coded {stats.coded:,} articles ({stats.events:,} events) in {stats.seconds:.1f} s "
        f"= {stats.rate:.1f} articles/s (+{stats.setup_seconds:.1f} s starting Ray{first}); "
        f"{stats.skipped:,} already stored, {stats.failed:,} failed",
        err=True,
    )
    if stats.failed and not (stats.coded or stats.skipped):
        sys.exit(1)
