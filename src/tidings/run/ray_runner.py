"""The Ray Data runner (`tidings ingest --engine ray`), for clusters.

Plan of a run:

1. read  – JSONL/CSV lines (`read_text`), Parquet rows (`read_parquet`) and WARC
           files (one task per file, streaming its HTML records) into rows of
           one small schema: `kind` (record | html), `payload`, `origin`.
2. split – small inputs arrive as one block; they are repartitioned into
           about one block per batch, so that every actor gets work and the
           actors finish together.
3. code  – `map_batches` with `CoderActor`, an actor pool holding the Coder
           (loaded once per actor in `__init__`; the model cache lives in the
           installed `tidings.nlp`, not in a script). Actors get fractional CPUs
           and the readers a quarter CPU: actors that reserve every CPU leave
           none for the read tasks and the job hangs. Articles already written
           by an earlier run (or seen before by the same actor) are skipped
           before coding.
4. write – with `--db postgresql://...` each actor saves its results itself
           (skipping content hashes already stored, so a rerun resumes);
           otherwise the driver streams the per-article outcomes back and writes
           the events as Parquet parts (`parquet_out.py`: committed whole,
           resumable, each article written once), reporting failures as they come.

Ray's own cost is ~4 s to start a local cluster and ~600 MiB of memory, so on
one machine the local runner is the default.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from ..errors import InputError, InputFailure, RayRunError
from ..model import Article, ArticleResult
from .arrow import ARTICLE_OUTCOME
from .local import ONE_THREAD, RunStats, code_batch_safely
from .parquet_out import (
    PART_SECONDS,
    ParquetOutput,
    WriteCounts,
    empty_keys,
    hash_key,
    keys_in,
)
from .sources import count_records, is_parquet, is_warc

ROW = pa.schema([("kind", pa.string()), ("payload", pa.string()), ("origin", pa.string())])
# Inputs smaller than this are repartitioned so every actor gets blocks.
SMALL_INPUT_BYTES = 256 * 2**20


@dataclass(frozen=True, slots=True)
class RayOptions:
    actors: int = 2
    batch_size: int = 256  # articles per map_batches call: a task costs 1-2 ms, so never 1
    actor_cpus: float | None = None  # None: share all but one CPU of the cluster among the actors
    read_cpus: float = 0.25
    address: str | None = None  # None: start a local cluster; "auto" or ray://...: join one
    blocks_per_actor: int = 4  # when repartitioning small inputs
    progress_bars: bool = False  # Ray Data's own bars (the CLI draws its own from on_progress)
    part_seconds: float = PART_SECONDS  # Parquet output: commit a part at least this often


# -- reading -----------------------------------------------------------------


def _json_lines(batch: pa.Table) -> pa.Table:
    """Lines of JSONL files -> record rows (blank lines dropped)."""
    lines = batch.column("text").to_pylist()
    paths = batch.column("path").to_pylist()
    rows = [
        {"kind": "record", "payload": line, "origin": path}
        for line, path in zip(lines, paths)
        if line and line.strip()
    ]
    return pa.Table.from_pylist(rows, schema=ROW)


def _parquet_records(batch: pa.Table) -> pa.Table:
    paths = batch.column("path").to_pylist() if "path" in batch.column_names else [None] * batch.num_rows
    keep = [c for c in ("id", "text", "title", "date", "url", "source") if c in batch.column_names]
    records = batch.select(keep).to_pylist()
    rows = [
        {"kind": "record", "payload": json.dumps(r, default=str), "origin": p}
        for r, p in zip(records, paths)
    ]
    return pa.Table.from_pylist(rows, schema=ROW)


def _warc_records(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """HTML response records of one WARC file (streamed, never loaded whole).

    Paths may be local or any URI pyarrow reads (s3://, gs://, hdfs://), so
    a cluster can read Common Crawl files straight from object storage.
    """
    from pyarrow import fs
    from warcio.archiveiterator import ArchiveIterator

    path = row["path"]
    filesystem, where = fs.FileSystem.from_uri(path) if "://" in path else (fs.LocalFileSystem(), path)
    with filesystem.open_input_stream(where) as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype or record.http_headers.get_statuscode() != "200":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            meta = {
                "url": uri or None,
                "date": (record.rec_headers.get_header("WARC-Date") or "")[:10] or None,
                "html": record.content_stream().read().decode("utf-8", errors="replace"),
            }
            yield {"kind": "html", "payload": json.dumps(meta), "origin": f"{path}#{uri}"}


def _dataset(inputs: list[str], options: RayOptions) -> Any:
    import ray.data

    warcs = [p for p in inputs if is_warc(p)]
    parquets = [p for p in inputs if is_parquet(p)]
    texts = [p for p in inputs if p not in warcs and p not in parquets]
    parts = []
    if texts:
        ds = ray.data.read_text(texts, include_paths=True, num_cpus=options.read_cpus,
                                file_extensions=["jsonl", "json", "jsonl.gz"])
        parts.append(ds.map_batches(_json_lines, batch_format="pyarrow", num_cpus=options.read_cpus))
    if parquets:
        ds = ray.data.read_parquet(parquets, include_paths=True, num_cpus=options.read_cpus)
        parts.append(ds.map_batches(_parquet_records, batch_format="pyarrow", num_cpus=options.read_cpus))
    if warcs:
        ds = ray.data.from_items([{"path": p} for p in warcs])
        parts.append(ds.flat_map(_warc_records, num_cpus=options.read_cpus))
    if not parts:
        raise RayRunError("no inputs")
    ds = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    if _input_bytes(inputs) < SMALL_INPUT_BYTES:
        ds = ds.repartition(_blocks(inputs, options))
    return ds


def _blocks(inputs: list[str], options: RayOptions) -> int:
    """How many blocks to cut a small input into: one per batch where the rows can be counted.

    A block is the unit an actor takes, and each actor holds two at a time;
    blocks much larger than a batch leave one actor coding the last block
    alone while the others wait (with 4 blocks per actor, a quarter of each
    actor's share: seconds to minutes).
    """
    rows = count_records(inputs)
    floor = options.actors * options.blocks_per_actor
    return max(floor, -(-rows // options.batch_size)) if rows else floor


def _input_bytes(inputs: list[str]) -> int:
    total = 0
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            total += sum(f.stat().st_size for f in p.rglob("*") if f.is_file())
        elif p.exists():
            total += p.stat().st_size
        else:  # remote (s3://...): assume large, rely on file splitting
            return SMALL_INPUT_BYTES
    return total


# -- coding ------------------------------------------------------------------


def row_article(kind: str, payload: str, origin: str, date: str | None) -> Article:
    """Build the article for one input row; raises InputError for unusable ones."""
    from ..errors import BrokenRecord
    from ..ingest import article_from_html, article_from_record

    try:
        rec = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise BrokenRecord(f"broken JSON record: {exc.msg}") from None
    if kind == "html":
        return article_from_html(rec.get("html") or "", url=rec.get("url"), origin=origin,
                                 default_date=rec.get("date") or date)
    return article_from_record(rec, origin, default_date=date)


class CoderActor:
    """Ray actor: holds a set-up coder (and a store connection with `db`).

    `coder_factory` builds the coder (`run.batch.coder_factory(options)`); the
    model it loads is cached in the installed `tidings.nlp`, once per actor.
    `done` holds the keys (`parquet_out.hash_key`) of articles a previous run
    wrote: they are skipped before coding, as are repeats this actor has seen.
    """

    def __init__(self, coder_factory: Callable[[], Any], date: str | None = None, db: str | None = None,
                 done: np.ndarray | None = None) -> None:
        self.coder = coder_factory()
        self.coder.setup()
        self.date = date
        self.done = done if done is not None else empty_keys()
        self.seen: set[bytes] = set()
        self.store = None
        if db:
            from ..store import open_store

            self.store = open_store(db)

    def __call__(self, batch: pa.Table) -> pa.Table:
        from .batch import article_hash

        outcomes: list[dict[str, Any]] = []
        built: list[tuple[Article, str]] = []
        for kind, payload, origin in zip(
            batch.column("kind").to_pylist(), batch.column("payload").to_pylist(),
            batch.column("origin").to_pylist(),
        ):
            try:
                art = row_article(kind, payload, origin or "", self.date)
            except InputError as exc:
                outcomes.append(_failed(InputFailure(origin or "", exc)))
                continue
            except Exception as exc:  # noqa: BLE001 - a library bug on one page must not fail the job
                outcomes.append(_failed(InputFailure(origin or "", InputError(f"unexpected {type(exc).__name__}: {exc}"))))
                continue
            built.append((art, article_hash(art)))
        todo: list[Article] = []
        for (art, h), stored in zip(built, self._stored([h for _, h in built])):
            key = hash_key(h)
            if stored or key in self.seen:
                outcomes.append(_outcome(art, h, "stored"))
            else:
                self.seen.add(key)
                todo.append(art)
        coded: list[ArticleResult] = []
        for result in code_batch_safely(self.coder, todo) if todo else []:
            if isinstance(result, InputFailure):
                outcomes.append(_failed(result))
            else:
                coded.append(result)
        if self.store is not None and coded:
            save_shared(self.store, coded)
        with_events = self.store is None
        outcomes.extend(_outcome(r.article, article_hash(r.article), "coded", r, with_events) for r in coded)
        return pa.Table.from_pylist(outcomes, schema=ARTICLE_OUTCOME)

    def _stored(self, hashes: list[str]) -> list[bool]:
        """Which articles an earlier run already wrote (to the database, or to the Parquet folder)."""
        if self.store is not None:
            known = self.store.known(hashes)
            return [h in known for h in hashes]
        return keys_in(self.done, map(hash_key, hashes)).tolist()


def save_shared(store: Any, coded: list[ArticleResult]) -> None:
    """Save into a database other actors write to at the same time.

    A unique-key clash means another actor saved the same article (or took the
    same id) between this save's lookup and its insert: saving again skips or
    renames it, since a save is idempotent by content hash. Measured: two
    actors saving the same 150 articles at once clashed 6 times in 6. A
    deadlock rolls the save back whole, so it is saved again too.
    """
    import psycopg
    import sqlalchemy as sa

    try:
        store.save(coded)
    except (sa.exc.IntegrityError, psycopg.IntegrityError):  # the COPY raises psycopg's own
        store.save(coded)
    except (sa.exc.OperationalError, psycopg.errors.DeadlockDetected) as exc:
        # PostgreSQL broke a lock cycle by rolling this save back: nothing of it was
        # written, so saving again is safe (rollup rows are locked in key order, so a
        # cycle needs rows outside them)
        if not isinstance(getattr(exc, "orig", exc), psycopg.errors.DeadlockDetected):
            raise
        store.save(coded)


def _outcome(art: Article, content_hash: str, status: str, result: ArticleResult | None = None,
             with_events: bool = True) -> dict[str, Any]:
    events = result.events if result is not None else []
    return {
        "article_id": art.id, "content_hash": content_hash, "origin": art.origin, "status": status,
        "code": None, "reason": None,
        "words": len(art.text.split()), "n_events": len(events),
        "events": [e.to_contract() for e in events] if with_events else [],
    }


def _failed(failure: InputFailure) -> dict[str, Any]:
    return {
        "article_id": None, "content_hash": None, "origin": failure.origin, "status": "failed",
        "code": failure.code, "reason": failure.reason, "words": 0, "n_events": 0, "events": [],
    }


# -- driver ------------------------------------------------------------------


def run_ray(
    inputs: list[str],
    *,
    coder_factory: Callable[[], Any],
    options: RayOptions | None = None,
    parquet_dir: str | Path | None = None,
    db: str | None = None,
    date: str | None = None,
    on_failure: Callable[[InputFailure], None] = lambda f: None,
    on_progress: Callable[[RunStats], None] = lambda s: None,
) -> RunStats:
    """Code `inputs` on Ray into Parquet partitions (`parquet_dir`: a folder or
    s3://... URI) or a PostgreSQL database (`db`). Either way a rerun of the
    same inputs codes only the articles not written yet."""
    import ray
    import ray.data

    options = options or RayOptions()
    if db and not db.startswith(("postgresql", "postgres")):
        raise RayRunError("with --engine ray, --db must be a postgresql:// URL (SQLite takes one writer)")
    if not db and parquet_dir is None:
        raise RayRunError("give a Parquet folder or a postgresql:// URL")
    stats = RunStats()
    out = None if db or parquet_dir is None else ParquetOutput(parquet_dir, part_seconds=options.part_seconds)
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=options.address, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING, runtime_env={"env_vars": dict(ONE_THREAD)})
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = options.progress_bars
        stats.setup_seconds = stats.seconds
        stats.started = time.monotonic()
        kwargs = {"coder_factory": coder_factory, "date": date, "db": db,
                  "done": out.done if out is not None else None}
        ds = _dataset(inputs, options).map_batches(
            CoderActor,
            fn_constructor_kwargs=kwargs,
            batch_size=options.batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=options.actors),
            num_cpus=options.actor_cpus or actor_cpus(ray.cluster_resources().get("CPU", 1), options.actors),
        )
        try:
            for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
                _tally(batch, stats, on_failure, out.add(batch) if out is not None else None)
                if stats.first_result is None and stats.coded:
                    stats.first_result, stats.first_coded = stats.seconds, stats.coded
                on_progress(stats)
        finally:
            if out is not None:
                out.close()
    finally:
        if started_here:
            ray.shutdown()
    return stats


def actor_cpus(cluster_cpus: float, actors: int) -> float:
    """CPUs each actor reserves: all but one CPU shared out, at most one each.

    Logical CPUs only steer scheduling; the spare one is what read and
    repartition tasks (one CPU each by default) need to start at all.
    """
    return max(0.1, min(1.0, (cluster_cpus - 1) / max(1, actors)))


def _tally(batch: pa.Table, stats: RunStats, on_failure: Callable[[InputFailure], None],
           written: WriteCounts | None = None) -> None:
    """Count one batch of outcomes. With Parquet output, `written` says how many coded
    articles were new: a repeat of an article already written counts as stored."""
    coded = events = words = 0
    for row in batch.select(["origin", "status", "code", "reason", "words", "n_events"]).to_pylist():
        if row["status"] == "failed":
            stats.failed += 1
            on_failure(InputFailure(row["origin"] or "", _error(row["code"], row["reason"] or "")))
            continue
        stats.read += 1
        if row["status"] == "stored":
            stats.skipped += 1
        else:
            coded += 1
            events += row["n_events"]
            words += row["words"]
    if written is not None:
        stats.skipped += written.duplicates
        coded, events = written.written, written.events
    stats.coded += coded
    stats.events += events
    stats.words += words


def _error(code: str | None, reason: str) -> InputError:
    """Rebuild the named error a failure row carries (its class is found by its code)."""
    pending: list[type[InputError]] = [InputError]
    while pending:
        cls = pending.pop()
        if cls.code == code:
            return cls(reason)
        pending.extend(cls.__subclasses__())
    return InputError(reason)
