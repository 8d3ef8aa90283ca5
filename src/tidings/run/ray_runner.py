"""The Ray Data runner (`tidings ingest --engine ray`), for clusters.

Plan of a run:

1. read  – JSONL/CSV lines (`read_text`), Parquet rows (`read_parquet`) and WARC
           files (one task per file, streaming its HTML records) into rows of
           one small schema: `kind` (record | html), `payload`, `origin`.
2. split – small inputs arrive as one block; they are repartitioned so that
           every actor gets work.
3. code  – `map_batches` with `CoderActor`, an actor pool holding the Coder
           (loaded once per actor in `__init__`; the model cache lives in the
           installed `tidings.nlp`, not in a script). Actors get fractional CPUs
           and the readers a quarter CPU: actors that reserve every CPU leave
           none for the read tasks and the job hangs.
4. write – with `--db postgresql://...` each actor saves its results itself
           (skipping content hashes already stored, so a rerun resumes);
           otherwise the driver streams the per-article outcomes back and writes
           the events as Parquet partitions (contract columns, nested parts
           nested), reporting failures as they come.

Ray's own cost is ~4 s to start a local cluster and ~600 MiB of memory, so on
one machine the local runner is the default.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import InputError, InputFailure, RayRunError
from ..model import Article, ArticleResult
from .arrow import ARTICLE_OUTCOME, EVENT
from .local import RunStats, code_batch_safely
from .sources import is_parquet, is_warc

ROW = pa.schema([("kind", pa.string()), ("payload", pa.string()), ("origin", pa.string())])
# Inputs smaller than this are repartitioned so every actor gets blocks.
SMALL_INPUT_BYTES = 256 * 2**20
EVENTS_PER_FILE = 200_000


@dataclass(frozen=True, slots=True)
class RayOptions:
    actors: int = 2
    batch_size: int = 256  # articles per map_batches call: a task costs 1-2 ms, so never 1
    actor_cpus: float | None = None  # None: share all but one CPU of the cluster among the actors
    read_cpus: float = 0.25
    address: str | None = None  # None: start a local cluster; "auto" or ray://...: join one
    blocks_per_actor: int = 4  # when repartitioning small inputs
    progress_bars: bool = False


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
        ds = ds.repartition(options.actors * options.blocks_per_actor)
    return ds


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
    """

    def __init__(self, coder_factory: Callable[[], Any], date: str | None = None, db: str | None = None) -> None:
        self.coder = coder_factory()
        self.coder.setup()
        self.date = date
        self.store = None
        if db:
            from ..store import open_store

            self.store = open_store(db)

    def __call__(self, batch: pa.Table) -> pa.Table:
        from .batch import article_hash

        outcomes: list[dict[str, Any]] = []
        todo: list[Article] = []
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
            if self.store is not None and self.store.has(article_hash(art)):
                outcomes.append(_outcome(art, "stored"))
            else:
                todo.append(art)
        coded: list[ArticleResult] = []
        for result in code_batch_safely(self.coder, todo) if todo else []:
            if isinstance(result, InputFailure):
                outcomes.append(_failed(result))
            else:
                coded.append(result)
        if self.store is not None and coded:
            self.store.save(coded)
        with_events = self.store is None
        outcomes.extend(_outcome(r.article, "coded", r, with_events) for r in coded)
        return pa.Table.from_pylist(outcomes, schema=ARTICLE_OUTCOME)


def _outcome(art: Article, status: str, result: ArticleResult | None = None,
             with_events: bool = True) -> dict[str, Any]:
    events = result.events if result is not None else []
    return {
        "article_id": art.id, "origin": art.origin, "status": status, "code": None, "reason": None,
        "words": len(art.text.split()), "n_events": len(events),
        "events": [e.to_contract() for e in events] if with_events else [],
    }


def _failed(failure: InputFailure) -> dict[str, Any]:
    return {
        "article_id": None, "origin": failure.origin, "status": "failed", "code": failure.code,
        "reason": failure.reason, "words": 0, "n_events": 0, "events": [],
    }


# -- driver ------------------------------------------------------------------


class _ParquetSink:
    """Writes events into numbered Parquet files of at most EVENTS_PER_FILE rows.

    `folder` is a local path or any URI pyarrow writes (s3://bucket/events/).
    """

    def __init__(self, folder: str) -> None:
        from pyarrow import fs

        if "://" in folder:
            self.fs, self.folder = fs.FileSystem.from_uri(folder)
        else:
            self.fs, self.folder = fs.LocalFileSystem(), str(Path(folder).resolve())
        self.fs.create_dir(self.folder, recursive=True)
        self.run = uuid.uuid4().hex[:8]
        self.n_files = 0
        self._writer: Any = None
        self._rows = 0

    def write(self, events: pa.Table) -> None:
        import pyarrow.parquet as pq

        if events.num_rows == 0:
            return
        if self._writer is None or self._rows >= EVENTS_PER_FILE:
            self.close()
            path = f"{self.folder.rstrip('/')}/events-{self.run}-{self.n_files:05d}.parquet"
            self._writer = pq.ParquetWriter(path, EVENT, filesystem=self.fs)
            self.n_files += 1
            self._rows = 0
        self._writer.write_table(events)
        self._rows += events.num_rows

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


def run_ray(
    inputs: list[str],
    *,
    coder_factory: Callable[[], Any],
    options: RayOptions | None = None,
    parquet_dir: str | Path | None = None,
    db: str | None = None,
    date: str | None = None,
    on_failure: Callable[[InputFailure], None] = lambda f: None,
) -> RunStats:
    """Code `inputs` on Ray into Parquet partitions (`parquet_dir`: a folder or
    s3://... URI) or a PostgreSQL database (`db`)."""
    import ray
    import ray.data

    options = options or RayOptions()
    if db and not db.startswith(("postgresql", "postgres")):
        raise RayRunError("with --engine ray, --db must be a postgresql:// URL (SQLite takes one writer)")
    if not db and parquet_dir is None:
        raise RayRunError("give a Parquet folder or a postgresql:// URL")
    stats = RunStats()
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(address=options.address, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING)
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = options.progress_bars
        stats.setup_seconds = stats.seconds
        stats.started = time.monotonic()
        ds = _dataset(inputs, options).map_batches(
            CoderActor,
            fn_constructor_kwargs={"coder_factory": coder_factory, "date": date, "db": db},
            batch_size=options.batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=options.actors),
            num_cpus=options.actor_cpus or actor_cpus(ray.cluster_resources().get("CPU", 1), options.actors),
        )
        sink = _ParquetSink(str(parquet_dir)) if parquet_dir is not None and not db else None
        try:
            for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
                _tally(batch, stats, on_failure)
                if sink is not None:
                    events = pa.Table.from_struct_array(
                        batch.column("events").combine_chunks().flatten()
                    ) if batch.num_rows else None
                    if events is not None:
                        sink.write(events.cast(EVENT))
        finally:
            if sink is not None:
                sink.close()
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


def _tally(batch: pa.Table, stats: RunStats, on_failure: Callable[[InputFailure], None]) -> None:
    for row in batch.select(["origin", "status", "code", "reason", "words", "n_events"]).to_pylist():
        if row["status"] == "failed":
            stats.failed += 1
            on_failure(InputFailure(row["origin"] or "", _error(row["code"], row["reason"] or "")))
            continue
        stats.read += 1
        if row["status"] == "stored":
            stats.skipped += 1
        else:
            stats.coded += 1
            stats.events += row["n_events"]
            stats.words += row["words"]



def _error(code: str | None, reason: str) -> InputError:
    """Rebuild the named error a failure row carries (its class is found by its code)."""
    pending: list[type[InputError]] = [InputError]
    while pending:
        cls = pending.pop()
        if cls.code == code:
            return cls(reason)
        pending.extend(cls.__subclasses__())
    return InputError(reason)
