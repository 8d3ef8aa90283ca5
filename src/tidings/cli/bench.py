"""`tidings bench CORPUS`: our throughput against spaCy's full-pipeline nlp.pipe."""

from __future__ import annotations

import json
import os

import click


@click.command("bench")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(1), help="Use at most this many articles (after --repeat).")
@click.option("--repeat", type=click.IntRange(1), default=1, show_default=True,
              help="Build a larger corpus: each article plus N-1 copies with shuffled paragraphs (or sentences).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the shuffled copies.")
@click.option("--workers", type=click.IntRange(1, 64), default=lambda: min(2, os.cpu_count() or 1),
              show_default="2", help="Processes for both sides.")
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True)
@click.option("--components", is_flag=True, help="Also time each spaCy component (one process).")
@click.option("--write-corpus", type=click.Path(dir_okay=False),
              help="Write the (repeated) corpus as JSONL for `tidings ingest`, and stop.")
def bench(
    inputs: tuple[str, ...],
    limit: int | None,
    repeat: int,
    seed: int,
    workers: int,
    batch_size: int,
    components: bool,
    write_corpus: str | None,
) -> None:
    """Print articles/s, words/s and peak memory for tidings and for spaCy, then `ratio: X.XX`."""
    from ..nlp import MODEL_NAME
    from ..pipeline import CoderOptions
    from ..run.batch import coder_factory
    from ..run.bench import (
        bench_pipeline,
        bench_spacy,
        load_corpus,
        spacy_component_seconds,
        word_count,
    )
    from ..run.sources import read_sources

    articles = load_corpus(read_sources(inputs), limit=limit, repeat=repeat, seed=seed)
    if not articles:
        raise click.ClickException("no readable articles in the corpus")
    words = sum(word_count(a.text) for a in articles)
    how = f"{len(articles):,} articles, {words / len(articles):.0f} words each on average"
    if repeat > 1:
        how += f" ({repeat}x the corpus: copies keep the lead and shuffle the other paragraphs, or sentences of one-paragraph bodies; seed {seed})"
    click.echo(f"corpus: {how}")
    if write_corpus:
        with open(write_corpus, "w", encoding="utf-8") as fh:
            for a in articles:
                rec = {"id": a.id, "title": a.title, "date": a.date, "url": a.url, "source": a.source, "text": a.text}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        click.echo(f"wrote {write_corpus}")
        return
    click.echo(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    ours = bench_pipeline(articles, coder_factory(CoderOptions()), workers=workers, batch_size=batch_size)
    click.echo(ours.line() + f"  events {ours.extra['events']:,}, failed {ours.extra['failed']}")
    theirs = bench_spacy([a.text for a in articles], model=MODEL_NAME, workers=workers, batch_size=batch_size)
    click.echo(theirs.line())
    if components:
        times = spacy_component_seconds([a.text for a in articles], MODEL_NAME, batch_size)
        total = sum(times.values())
        click.echo("spaCy component CPU seconds (1 proc): " + ", ".join(
            f"{name} {t:.2f} ({t / total:.0%})" for name, t in times.items()))
    click.echo(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    # Per CPU-second figures hold on a busy machine, where wall time mostly measures the neighbours.
    per_cpu = ours.articles_per_cpu_s / theirs.articles_per_cpu_s if theirs.articles_per_cpu_s else 0.0
    click.echo(f"ratio per cpu-s: {per_cpu:.2f}")
    ratio = ours.articles_per_s / theirs.articles_per_s if theirs.articles_per_s else 0.0
    click.echo(f"ratio: {ratio:.2f}")
