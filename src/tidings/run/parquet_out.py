"""Parquet output of Ray runs: resumable and exactly-once, like the SQLite store.

The driver is the only writer of the output folder, so it can make the same
promise the local runner's parent makes: a run killed at any moment (even
`kill -9`) and run again writes every article's events exactly once.

How:

- **Parts are committed whole.** Events are written into `_tmp-events-…`
  (a leading underscore: Arrow, DuckDB's dataset readers and Spark skip such
  files), then renamed `events-<run>-NNNNN.parquet`; only then is the part's
  manifest, one row per article coded into it (events or none), written
  and renamed into `_tidings/articles-<run>-NNNNN.parquet`. The manifest is
  the commit record: an events part without its manifest was cut short
  between the two renames and is deleted when the next run starts, together
  with `_tmp` leftovers, so its articles are coded again exactly once.
- **A part is closed every `part_seconds` or `events_per_part` events**, so
  a kill loses at most about a minute of coding, not a 200k-row file.
- **Resume.** At start the manifests give the content hashes already done,
  as a sorted array of 16-byte keys (1.6 GB for 100M articles, shared with
  the actors through Ray's object store): actors skip those articles before
  coding them. The driver is the final arbiter: an article that appears twice
  in the inputs is written once (the second copy is reported as already
  stored; two actors that meet the same text at the same moment code it
  twice, but it is still written once). The run's own keys are kept in a set
  and folded into the sorted array every million articles.

One run per output folder at a time: two drivers writing one folder would
each believe the other's articles are new.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from pyarrow import fs

from .arrow import EVENT

STATE_DIR = "_tidings"
TMP_PREFIX = "_tmp-"
EVENTS_PER_PART = 200_000
PART_SECONDS = 60.0
KEY_BYTES = 16
# This run's keys live in a set until there are this many (~100 MB), then move into the sorted array.
FOLD_KEYS = 1_000_000

MANIFEST = pa.schema([
    ("content_hash", pa.string()),
    ("article_id", pa.string()),
    ("origin", pa.string()),
    ("n_events", pa.int32()),
])


def hash_key(content_hash: str) -> bytes:
    """A fixed-width key for a content hash of any form (16 bytes: compact in a numpy array)."""
    return hashlib.blake2b(content_hash.encode("utf-8"), digest_size=KEY_BYTES).digest()


def empty_keys() -> np.ndarray:
    return np.array([], dtype=f"S{KEY_BYTES}")


def keys_in(sorted_keys: np.ndarray, keys: Iterable[bytes]) -> np.ndarray:
    """Boolean mask: which of `keys` are in `sorted_keys` (a sorted, unique S16 array)."""
    probe = np.array(list(keys), dtype=f"S{KEY_BYTES}")
    if not len(sorted_keys) or not len(probe):
        return np.zeros(len(probe), dtype=bool)
    at = np.searchsorted(sorted_keys, probe)
    found = at < len(sorted_keys)
    found[found] = sorted_keys[at[found]] == probe[found]
    return found


@dataclass(slots=True)
class WriteCounts:
    """What `ParquetOutput.add` did with one batch of outcomes."""

    written: int = 0  # articles whose events were written (or that had none)
    duplicates: int = 0  # coded again in this run or a previous one: dropped
    events: int = 0


class ParquetOutput:
    """The output folder of a Ray run (a local path or any URI pyarrow writes, e.g. s3://)."""

    def __init__(self, folder: str | Path, *, events_per_part: int = EVENTS_PER_PART,
                 part_seconds: float = PART_SECONDS) -> None:
        text = str(folder)
        if "://" in text:
            self.fs, self.folder = fs.FileSystem.from_uri(text)
        else:
            self.fs, self.folder = fs.LocalFileSystem(), str(Path(text).resolve())
        self.folder = self.folder.rstrip("/")
        self.state = f"{self.folder}/{STATE_DIR}"
        self.fs.create_dir(self.state, recursive=True)
        self.events_per_part = events_per_part
        self.part_seconds = part_seconds
        self.run = uuid.uuid4().hex[:8]
        self.n_parts = 0
        self.removed = self._remove_uncommitted()
        self.done = self._committed_keys()
        self._new: set[bytes] = set()  # keys written (or pending) in this run
        self._writer: Any = None
        self._part_events = 0
        self._part_started = 0.0
        self._manifest: list[pa.Table] = []

    # -- start ---------------------------------------------------------------

    def _files(self, folder: str) -> list[fs.FileInfo]:
        infos = self.fs.get_file_info(fs.FileSelector(folder, allow_not_found=True))
        return [i for i in infos if i.type == fs.FileType.File]

    def _remove_uncommitted(self) -> int:
        """Delete `_tmp` leftovers and events parts whose manifest was never written."""
        committed = {Path(i.path).name.removeprefix("articles-") for i in self._files(self.state)
                     if i.base_name.startswith("articles-")}
        doomed = [i.path for i in self._files(self.folder) + self._files(self.state)
                  if i.base_name.startswith(TMP_PREFIX)
                  or (i.base_name.startswith("events-") and i.base_name.removeprefix("events-") not in committed)]
        for path in doomed:
            self.fs.delete_file(path)
        return len(doomed)

    def _committed_keys(self) -> np.ndarray:
        """Sorted unique keys of every article a previous run committed."""
        keys: list[bytes] = []
        for info in self._files(self.state):
            if info.base_name.startswith("articles-"):
                table = pq.read_table(info.path, columns=["content_hash"], filesystem=self.fs)
                keys.extend(hash_key(h) for h in table.column("content_hash").to_pylist())
        return np.unique(np.array(keys, dtype=f"S{KEY_BYTES}")) if keys else empty_keys()

    # -- writing -------------------------------------------------------------

    def add(self, outcomes: pa.Table) -> WriteCounts:
        """Write the events of the coded articles in `outcomes` (ARTICLE_OUTCOME rows);
        articles already written (in this run or before) are dropped and counted."""
        counts = WriteCounts()
        coded = outcomes.filter(pc.equal(outcomes.column("status"), "coded"))
        if not coded.num_rows:
            return counts
        keep = []
        prior = keys_in(self.done, (hash_key(h) for h in coded.column("content_hash").to_pylist()))
        for h, seen_before in zip(coded.column("content_hash").to_pylist(), prior):
            key = hash_key(h)
            fresh = not seen_before and key not in self._new
            keep.append(fresh)
            if fresh:
                self._new.add(key)
        counts.duplicates = keep.count(False)
        coded = coded.filter(pa.array(keep, type=pa.bool_()))
        if not coded.num_rows:
            return counts
        events = pa.Table.from_struct_array(coded.column("events").combine_chunks().flatten()).cast(EVENT)
        if events.num_rows:
            self._events_writer().write_table(events)
            self._part_events += events.num_rows
        self._manifest.append(
            coded.select(["content_hash", "article_id", "origin", "n_events"]).cast(MANIFEST)
        )
        if self._manifest and self._part_started == 0.0:
            self._part_started = time.monotonic()
        counts.written, counts.events = coded.num_rows, events.num_rows
        if self._part_events >= self.events_per_part or time.monotonic() - self._part_started >= self.part_seconds:
            self.commit()
        return counts

    def _part_name(self) -> str:
        return f"{self.run}-{self.n_parts:05d}.parquet"

    def _events_writer(self) -> Any:
        if self._writer is None:
            path = f"{self.folder}/{TMP_PREFIX}events-{self._part_name()}"
            self._writer = pq.ParquetWriter(path, EVENT, filesystem=self.fs)
        return self._writer

    def commit(self) -> None:
        """Make the open part durable: events renamed into place, then its manifest."""
        if not self._manifest:
            return
        name = self._part_name()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
            self.fs.move(f"{self.folder}/{TMP_PREFIX}events-{name}", f"{self.folder}/events-{name}")
        tmp = f"{self.state}/{TMP_PREFIX}articles-{name}"
        pq.write_table(pa.concat_tables(self._manifest), tmp, filesystem=self.fs)
        self.fs.move(tmp, f"{self.state}/articles-{name}")
        self.n_parts += 1
        self._manifest = []
        self._part_events = 0
        self._part_started = 0.0
        if len(self._new) >= FOLD_KEYS:
            self._fold_new_keys()

    def _fold_new_keys(self) -> None:
        """Move this run's keys into the sorted array: 16 bytes per article instead of ~100 in a set."""
        fresh = np.array(list(self._new), dtype=f"S{KEY_BYTES}")
        self.done = np.union1d(self.done, fresh)
        self._new.clear()

    def close(self) -> None:
        self.commit()
