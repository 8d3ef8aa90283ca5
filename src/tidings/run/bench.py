"""Throughput benchmark: the whole pipeline against spaCy's own `nlp.pipe`.

Both sides see the same article texts and the same number of processes, and
both are timed after their model is loaded, so `ratio` (ours over spaCy's
articles per second) says what our extraction costs beyond parsing, or what
our parsing choices save. Peak memory is the largest resident set of the
whole process tree (parent plus workers) seen while a side runs.

A larger corpus is built from a small one by repeating it: each copy keeps an
article's first paragraph and shuffles the others (its sentences, when the
body is one paragraph), seeded, so copies differ in content hash (the store
keeps them all) but not in length or vocabulary.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import psutil

from ..errors import InputFailure
from ..model import Article, ArticleResult, Paragraph
from .local import LocalRunner, RunOptions


@dataclass(slots=True)
class Measure:
    name: str
    articles: int
    words: int
    seconds: float
    peak_rss_mb: float
    setup_seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time spent on the articles, all processes
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def articles_per_cpu_s(self) -> float:
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0

    def line(self) -> str:
        return (
            f"{self.name:<26} {self.articles:>7,} articles {self.seconds:8.2f} s  "
            f"{self.articles_per_s:8.2f} articles/s {self.words_per_s:9,.0f} words/s  "
            f"peak {self.peak_rss_mb:6,.0f} MiB  "
            f"per core {self.articles_per_cpu_s:6.2f} articles/cpu-s  (setup {self.setup_seconds:.1f} s)"
        )


class TreeMonitor:
    """Samples this process and all its descendants in a thread: peak RSS and CPU time.

    CPU time is what a phase costs whatever else runs on the machine (the
    per-core figure a cluster estimate needs); wall time is what a user waits.
    A process that exits between samples loses at most one interval of CPU.
    """

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._cpu_start: dict[int, float] = {}
        self._cpu_last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeMonitor:
        self.sample()
        self._cpu_start = dict(self._cpu_last)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20

    @property
    def cpu_seconds(self) -> float:
        return sum(cpu - self._cpu_start.get(pid, 0.0) for pid, cpu in self._cpu_last.items())

    def sample(self) -> None:
        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                with proc.oneshot():
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            self._cpu_last[proc.pid] = times.user + times.system
        self.peak = max(self.peak, total)

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()


def word_count(text: str) -> int:
    return len(text.split())


def load_corpus(
    items: Iterable[Article | InputFailure], *, limit: int | None = None, repeat: int = 1, seed: int = 0
) -> list[Article]:
    """The articles to benchmark on: the readable ones, repeated `repeat` times, then cut to `limit`."""
    base = [a for a in items if isinstance(a, Article)]
    out = list(expand(base, repeat, seed))
    return out[:limit] if limit else out


def expand(articles: list[Article], repeat: int, seed: int = 0) -> Iterator[Article]:
    """Each article, then `repeat - 1` shuffled copies of each (see the module docstring)."""
    rng = random.Random(seed)
    yield from articles
    for k in range(1, repeat):
        order = list(articles)
        rng.shuffle(order)
        for art in order:
            yield shuffled_copy(art, k, rng)


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d]))\s+(?=[A-Z\"\u201c])")


def shuffled_copy(article: Article, k: int, rng: random.Random) -> Article:
    """A copy with its non-lead parts in another order, offsets rebuilt.

    The parts are the kept paragraphs, or the sentences of the body when it
    is a single paragraph (wire copy often is), so that copies differ.
    """
    pieces = [(article.text[p.start:p.end], p.kind) for p in article.paragraphs]
    body = [piece for piece in pieces if piece[1] == "body"]
    if len(body) < 3:
        pieces = [piece for piece in pieces if piece[1] != "body"] + [
            (sent, "body") for text, _ in body for sent in _SENTENCE_END.split(text) if sent.strip()
        ]
        sep = " "
    else:
        sep = "\n\n"
    head, rest = pieces[:1], pieces[1:]
    rng.shuffle(rest)
    text_parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for piece, kind in head + rest:
        paragraphs.append(Paragraph(pos, pos + len(piece), kind))
        text_parts.append(piece)
        pos += len(piece) + len(sep)
    if sep == " ":  # sentences joined back into one body paragraph per kind run
        paragraphs = _merge_runs(paragraphs, len(sep))
    meta = {key: v for key, v in article.meta.items() if key != "content_hash"}
    return replace(
        article, id=f"{article.id}~r{k}", text=sep.join(text_parts), paragraphs=paragraphs, meta=meta
    )


def _merge_runs(paragraphs: list[Paragraph], gap: int) -> list[Paragraph]:
    merged: list[Paragraph] = []
    for p in paragraphs:
        if merged and merged[-1].kind == p.kind and merged[-1].end + gap == p.start:
            merged[-1] = Paragraph(merged[-1].start, p.end, p.kind)
        else:
            merged.append(p)
    return merged


class NullSink:
    """Keeps nothing: the benchmark times coding, not storage."""

    def has(self, content_hash: str) -> bool:
        return False

    def save(self, results: list[ArticleResult]) -> None:
        return


def bench_pipeline(
    articles: list[Article],
    coder_factory: Callable[[], Any],
    *,
    workers: int,
    batch_size: int,
) -> Measure:
    """Our whole pipeline through the local runner (worker processes, no store)."""
    failures: list[InputFailure] = []
    runner = LocalRunner(
        coder_factory,
        NullSink(),
        RunOptions(workers=workers, batch_size=batch_size),
        content_hash=lambda a: f"{id(a)}",
        on_failure=failures.append,
    )
    with TreeMonitor() as mon:
        stats = runner.run(articles)
    return Measure(
        f"tidings ({workers} proc)",
        stats.coded,
        sum(word_count(a.text) for a in articles),
        stats.seconds,
        mon.peak_mb,
        stats.setup_seconds,
        stats.cpu_seconds,
        extra={"events": stats.events, "failed": len(failures)},
    )


def bench_spacy(
    texts: list[str], *, model: str, workers: int, batch_size: int, disable: tuple[str, ...] = ()
) -> Measure:
    """spaCy's own nlp.pipe over the same texts with the same number of processes."""
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(model)
    setup = time.perf_counter() - t0
    with TreeMonitor() as mon:
        t0 = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers, disable=list(disable)))
        seconds = time.perf_counter() - t0
    label = "spaCy nlp.pipe" + (f" -{','.join(disable)}" if disable else "")
    return Measure(
        f"{label} ({workers} proc)", n, sum(word_count(t) for t in texts), seconds, mon.peak_mb, setup,
        mon.cpu_seconds,
    )


def spacy_component_seconds(texts: list[str], model: str, batch_size: int = 16) -> dict[str, float]:
    """CPU seconds each component of the full pipeline takes on `texts` (this process).

    CPU time, not wall time, so the split holds on a busy machine.
    """
    import spacy

    nlp = spacy.load(model)
    times: dict[str, float] = {}
    t0 = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    times["tokenizer"] = time.process_time() - t0
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size))
        times[name] = time.process_time() - t0
    return times
