"""The local runner: a pool of worker processes coding batches into one store.

Why it is shaped this way:

- **One writer.** SQLite takes one writer at a time, so workers only code; the
  parent process reads the inputs, hands out batches and saves every result
  batch in one transaction. The store's save is idempotent by content hash.
- **Resumable.** Before an article is sent to a worker, the parent asks the
  store whether its content hash is already there and skips it. Killing the
  run at any moment (even `kill -9`) loses at most the batches in flight,
  which were never committed; rerunning codes exactly those again.
- **Bounded memory.** Inputs are streamed, and at most `workers *
  batches_per_worker` batches are in flight; the parent blocks on results
  before it reads further.
- **Never stops on one article.** Reading and coding failures are reported
  through `on_failure` and skipped. A worker that dies (segfault, OOM kill)
  is replaced; its batch is retried one article at a time, and an article that
  kills a worker on its own is reported as a `CodingError`.
- **Engine-agnostic coder.** Workers build the coder from a picklable factory
  and call `setup()` once, then `code_batch()` per batch: the same contract the
  Ray runner uses.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from ..errors import CodingError, InputFailure, RunnerError
from ..model import Article, ArticleResult

Item = Article | InputFailure
Result = ArticleResult | InputFailure

# How long the parent waits for a result before checking worker health.
POLL_SECONDS = 0.5
# Math libraries (OpenBLAS under numpy) start a thread per core in every
# process, which spin while idle; with one coding process per core they only
# steal CPU from the other processes: 10 % more articles per CPU-second
# measured with one thread. Applied to worker processes unless already set.
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class CoderLike(Protocol):
    def setup(self) -> object: ...

    def code_batch(self, articles: list[Article]) -> list[Result]: ...


class Sink(Protocol):
    """Where results go: `tidings.store.Store` fits."""

    def has(self, content_hash: str) -> bool: ...

    def save(self, results: list[ArticleResult]) -> object: ...

    # Optional, and used when present: `known(hashes) -> set of the stored ones`,
    # one question per batch instead of one per article (Store has it).


@dataclass(frozen=True, slots=True)
class RunOptions:
    workers: int = 2
    batch_size: int = 32  # articles per task: big enough to amortise IPC, small for flat memory
    batches_per_worker: int = 2  # in flight per worker: one being coded, one waiting
    start_method: str = "forkserver"  # never "fork": spaCy/threads in the parent


@dataclass(slots=True)
class RunStats:
    read: int = 0  # articles read from the inputs
    skipped: int = 0  # already in the store (resume) or a duplicate in flight
    coded: int = 0  # articles coded and saved in this run
    failed: int = 0  # reading or coding failures
    events: int = 0
    words: int = 0  # words in the coded articles
    cpu_seconds: float = 0.0  # CPU time the workers spent coding (per-core cost, whatever the load)
    setup_seconds: float = 0.0  # starting the workers and loading the coder in each
    first_result: float | None = None  # seconds from `started` to the first coded batch (Ray: actor start-up)
    first_coded: int = 0  # articles in that first batch
    started: float = field(default_factory=time.monotonic)  # reset once the workers are ready

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.coded / self.seconds if self.seconds > 0 else 0.0

    @property
    def steady_rate(self) -> float:
        """Articles/s after the first batch arrived: the rate once start-up costs are paid."""
        if self.first_result is None or self.seconds <= self.first_result:
            return self.rate
        return (self.coded - self.first_coded) / (self.seconds - self.first_result)


def _exit_with_parent() -> None:
    """Exit this worker as soon as the parent process is gone (even mid-batch).

    A `kill -9` of the run gives the workers no chance to be told; without
    this they would sit on a model's worth of memory (and keep the
    multiprocessing helper processes alive) until the machine reboots.
    """
    parent = mp.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


@contextmanager
def _child_env(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables (unless already set) while a child process starts.

    The fork server and the workers it forks inherit the environment they
    start with; the parent's own environment is restored afterwards.
    """
    added = {k: v for k, v in values.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


def _worker_main(factory: Callable[[], CoderLike], wid: int, tasks: Any, results: Connection) -> None:
    """Worker loop: set the coder up once, then code batches until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _exit_with_parent()
    try:
        coder = factory()
        coder.setup()
    except Exception as exc:  # reported to the parent, which stops the run with it
        results.send(("setup_failed", wid, None, f"{type(exc).__name__}: {exc}"))
        return
    results.send(("ready", wid, None, None))
    while (task := tasks.get()) is not None:
        bid, batch = task
        cpu = time.process_time()
        coded = code_batch_safely(coder, batch)
        results.send(("done", wid, bid, (coded, time.process_time() - cpu)))


def code_batch_safely(coder: CoderLike, batch: list[Article]) -> list[Result]:
    """`coder.code_batch`, but an exception that takes the whole batch down is
    narrowed to the article(s) it is about, which become failures; the rest is kept."""
    try:
        return coder.code_batch(batch)
    except Exception:  # a batch-level bug: retried article by article below
        return [_code_one(coder, art) for art in batch]


def _code_one(coder: CoderLike, article: Article) -> Result:
    try:
        (result,) = coder.code_batch([article])
    except Exception as exc:  # reported as this article's failure; the run goes on
        return InputFailure(article.origin or article.id, CodingError(f"coding failed: {type(exc).__name__}: {exc}"))
    return result


@dataclass(slots=True)
class _Batch:
    articles: list[Article]
    hashes: list[str]
    single: bool = False  # a retry of one article after a worker died on its batch


@dataclass(slots=True)
class _Worker:
    proc: Any
    tasks: Any  # its own queue, so the parent knows exactly which batches it holds
    results: Connection  # its own pipe: a worker killed mid-send cannot block the others
    assigned: list[int] = field(default_factory=list)  # batch ids, in the order sent


class LocalRunner:
    """Code a stream of articles with worker processes, saving into `sink`."""

    def __init__(
        self,
        coder_factory: Callable[[], CoderLike],
        sink: Sink,
        options: RunOptions | None = None,
        *,
        content_hash: Callable[[Article], str],
        on_failure: Callable[[InputFailure], None] = lambda f: None,
        on_progress: Callable[[RunStats], None] = lambda s: None,
    ) -> None:
        self.factory = coder_factory
        self.sink = sink
        self.options = options or RunOptions()
        self.content_hash = content_hash
        self.on_failure = on_failure
        self.on_progress = on_progress
        self.stats = RunStats()
        self._ctx = mp.get_context(self.options.start_method)
        self._workers: dict[int, _Worker] = {}
        self._outstanding: dict[int, _Batch] = {}  # batch id -> batch, until saved
        self._inflight_hashes: set[str] = set()
        self._saved_recently: set[str] = set()  # saved since the store was last asked (see _unstored)
        self._ready: set[int] = set()  # first workers whose coder is set up
        self._started = False  # all first workers ready: later deaths are crashes, not setup failures
        self._next_bid = 0
        self._next_wid = 0

    # -- public --------------------------------------------------------------

    def run(self, items: Iterable[Item]) -> RunStats:
        """Code every item; returns the counts. Raises RunnerError if workers cannot start."""
        self.stats = RunStats()
        for _ in range(max(1, self.options.workers)):
            self._spawn()
        try:
            while len(self._ready) < len(self._workers):
                self._collect()
            self._started = True
            self.stats.setup_seconds = self.stats.seconds
            self.stats.started = time.monotonic()
            for batch in self._batches(items):
                self._submit(batch)
                while len(self._outstanding) >= self._max_inflight:
                    self._collect()
            while self._outstanding:
                self._collect()
        finally:
            self._shutdown()
        return self.stats

    # -- feeding -------------------------------------------------------------

    @property
    def _max_inflight(self) -> int:
        return max(1, self.options.workers) * max(1, self.options.batches_per_worker)

    def _batches(self, items: Iterable[Item]) -> Iterator[_Batch]:
        """Group new articles into batches, reporting failures and skipping known ones.

        The last full batch is held back until more articles follow: the
        articles left when the input ends are shared out in small batches, so
        the workers finish together instead of one coding a whole batch alone
        (half a batch of idle core per run on average, 8 % of a 30-second run).
        """
        batch, held = _Batch([], []), _Batch([], [])
        for art, h in self._unstored(items):
            if h in self._inflight_hashes or h in batch.hashes or h in held.hashes or h in self._saved_recently:
                self._skip()
                continue
            batch.articles.append(art)
            batch.hashes.append(h)
            if len(batch.articles) >= self.options.batch_size:
                if held.articles:
                    yield held
                held, batch = batch, _Batch([], [])
        rest = _Batch(held.articles + batch.articles, held.hashes + batch.hashes)
        pieces = min(len(rest.articles), 2 * max(1, self.options.workers))
        size = -(-len(rest.articles) // pieces) if pieces else 1
        for i in range(0, len(rest.articles), size):
            yield _Batch(rest.articles[i : i + size], rest.hashes[i : i + size])

    def _unstored(self, items: Iterable[Item]) -> Iterator[tuple[Article, str]]:
        """(article, content hash) for the articles not in the store, reporting failures.

        The store is asked once per `batch_size` articles (`known`), not once
        per article; anything saved after that question is in
        `_saved_recently`, which `_batches` checks too.
        """
        chunk: dict[str, Article] = {}
        for item in items:
            if isinstance(item, InputFailure):
                self._fail(item)
                continue
            self.stats.read += 1
            h = self.content_hash(item)
            if h in chunk:
                self._skip()
                continue
            chunk[h] = item
            if len(chunk) >= self.options.batch_size:
                yield from self._filter_stored(chunk)
                chunk = {}
        yield from self._filter_stored(chunk)

    def _filter_stored(self, chunk: dict[str, Article]) -> Iterator[tuple[Article, str]]:
        known = getattr(self.sink, "known", None)
        stored = known(list(chunk)) if known is not None else {h for h in chunk if self.sink.has(h)}
        self._saved_recently.clear()
        for h, art in chunk.items():
            if h in stored:
                self._skip()
            else:
                yield art, h

    def _skip(self) -> None:
        self.stats.skipped += 1
        self.on_progress(self.stats)

    def _submit(self, batch: _Batch) -> None:
        """Send a batch to the least-loaded worker."""
        bid = self._next_bid
        self._next_bid += 1
        self._outstanding[bid] = batch
        self._inflight_hashes.update(batch.hashes)
        worker = min(self._workers.values(), key=lambda w: len(w.assigned))
        worker.assigned.append(bid)
        worker.tasks.put((bid, batch.articles))

    # -- collecting ----------------------------------------------------------

    def _collect(self) -> None:
        """Handle the messages the workers have sent, or check their health on a timeout.

        Each worker has its own results pipe. A shared queue would not do: a
        worker killed while it held the queue's write lock would block every
        other worker's results for ever.
        """
        by_conn = {w.results: wid for wid, w in self._workers.items()}
        ready = wait(list(by_conn), timeout=POLL_SECONDS)
        if not ready:
            self._check_workers()
            return
        for conn in ready:
            try:
                message = conn.recv()  # type: ignore[union-attr]
            except (EOFError, OSError):  # the worker died: reap it and retry its batches
                self._workers[by_conn[conn]].proc.join(timeout=5)
                self._check_workers()
                return
            self._handle(*message)

    def _handle(self, kind: str, wid: int, bid: int | None, payload: Any) -> None:
        if kind == "setup_failed":
            raise RunnerError(f"worker could not set up the coder: {payload}")
        if kind == "ready":
            self._ready.add(wid)
            return
        worker = self._workers.get(wid)
        if worker is not None and bid in worker.assigned:
            worker.assigned.remove(bid)
        batch = self._outstanding.pop(bid, None)
        if batch is not None:
            coded, cpu = payload
            self.stats.cpu_seconds += cpu
            self._save(batch, coded)

    def _save(self, batch: _Batch, results: list[Result]) -> None:
        good: list[ArticleResult] = []
        for r in results:
            if isinstance(r, InputFailure):
                self._fail(r)
            else:
                good.append(r)
        if good:
            self.sink.save(good)
        self._inflight_hashes.difference_update(batch.hashes)
        self._saved_recently.update(self.content_hash(r.article) for r in good)
        self.stats.coded += len(good)
        self.stats.events += sum(len(r.events) for r in good)
        self.stats.words += sum(len(r.article.text.split()) for r in good)
        self.on_progress(self.stats)

    def _fail(self, failure: InputFailure) -> None:
        self.stats.failed += 1
        self.on_failure(failure)
        self.on_progress(self.stats)

    def _check_workers(self) -> None:
        """Replace dead workers; retry or fail the batches each one held.

        A worker codes its batches in the order sent, so the first one it held
        is the one it died on: that batch is retried one article at a time (an
        article that kills a worker alone is reported as a failure), the
        others are simply sent again.
        """
        for wid, worker in list(self._workers.items()):
            if worker.proc.is_alive():
                continue
            del self._workers[wid]
            worker.results.close()
            if not self._started:  # dying before the first batch: the coder cannot load
                raise RunnerError(f"worker exited with code {worker.proc.exitcode} while setting up")
            self._spawn()
            code = worker.proc.exitcode
            for n, bid in enumerate(worker.assigned):
                batch = self._outstanding.pop(bid)
                self._inflight_hashes.difference_update(batch.hashes)
                if n > 0:
                    self._submit(batch)
                elif batch.single or len(batch.articles) == 1:
                    art = batch.articles[0]
                    self._fail(InputFailure(
                        art.origin or art.id,
                        CodingError(f"worker process died (exit code {code}) on this article"),
                    ))
                else:
                    for art, h in zip(batch.articles, batch.hashes):
                        self._submit(_Batch([art], [h], single=True))

    # -- processes -----------------------------------------------------------

    def _spawn(self) -> None:
        wid = self._next_wid
        self._next_wid += 1
        tasks = self._ctx.Queue()
        receive, send = self._ctx.Pipe(duplex=False)
        proc = self._ctx.Process(
            target=_worker_main,
            args=(self.factory, wid, tasks, send),
            name=f"tidings-worker-{wid}",
            daemon=True,
        )
        with _child_env(ONE_THREAD):
            proc.start()
        send.close()  # the worker holds the only sending end: its death reads as EOF here
        self._workers[wid] = _Worker(proc, tasks, receive)

    def _shutdown(self) -> None:
        for worker in self._workers.values():
            worker.tasks.put(None)
        deadline = time.monotonic() + 10
        for worker in self._workers.values():
            worker.proc.join(timeout=max(0.1, deadline - time.monotonic()))
            if worker.proc.is_alive():
                worker.proc.terminate()
                worker.proc.join(timeout=2)
            worker.results.close()
        self._workers.clear()
