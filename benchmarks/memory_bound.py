"""Peak memory of coding a big JSONL: does RSS stay flat as the input grows?

Builds a JSONL of the requested size by repeating the texts of the shared
corpora (../shared/corpora: VOA and BBC) with a unique id and a unique closing
line per record (so `ingest` does not skip repeats by content hash), then runs
`tidings ingest` (default) or `tidings code` on it as a subprocess and samples
the RSS of the whole process tree (runner, forkserver, workers) every
--interval seconds. Coding 1 GB takes many hours on 2 cores, so the run can
stop after --max-articles articles or --time-limit seconds: what it reports
is the RSS plateau (peak over the whole run, and over its first and second
halves), which is what bounds a run of any length.

    python benchmarks/memory_bound.py                       # 1 GB file, runs until done
    python benchmarks/memory_bound.py --size 20MB --max-articles 200 --workers 1
    python benchmarks/memory_bound.py --size 1GB --time-limit 600 --command code

Prints one JSON line with the figures; exit code 0 (or 1 with --ceiling-mb
when the peak goes over it).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

SIZES = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "K": 10**3, "M": 10**6, "G": 10**9}


def parse_size(text: str) -> int:
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", text.upper())
    if not m:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 20MB or 1GB")
    return int(float(m.group(1)) * SIZES[m.group(2)])


def corpus_texts(shared: Path) -> list[dict]:
    """Records from the shared corpora, in a fixed order (VOA first: it has dates)."""
    records = []
    for path in (shared / "corpora" / "voa" / "voa_stories.jsonl", shared / "corpora" / "bbc" / "bbc_news_2225.jsonl"):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("text"):
                    records.append({"title": rec.get("title"), "date": (rec.get("published") or "")[:10] or None,
                                    "text": rec["text"]})
    if not records:
        raise SystemExit("memory_bound: no texts in ../shared/corpora")
    return records


def build_jsonl(path: Path, size: int, shared: Path) -> int:
    """Write about `size` bytes of unique article records; return how many."""
    base = corpus_texts(shared)
    written = n = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < size:
            rec = base[n % len(base)]
            line = json.dumps({
                "id": f"mem-{n}",
                "title": rec["title"],
                "date": rec["date"] or "2024-01-15",
                "text": f"{rec['text']}\n\n(Copy {n // len(base)} of corpus record {n % len(base)}.)",
            }, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


@dataclass
class Samples:
    times: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    processes: int = 0


def tree_rss_mb(proc: psutil.Process) -> tuple[float, int]:
    """RSS of a process and all its descendants, in MB (shared pages counted per process)."""
    total = 0
    procs = [proc]
    try:
        procs += proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0.0, 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total / 1e6, len(procs)


def sample(proc: psutil.Process, out: Samples, interval: float, stop: threading.Event) -> None:
    start = time.monotonic()
    while not stop.is_set():
        rss, count = tree_rss_mb(proc)
        if count:
            out.times.append(time.monotonic() - start)
            out.rss_mb.append(rss)
            out.processes = max(out.processes, count)
        stop.wait(interval)


def articles_done(command: str, db: Path, stdout_path: Path) -> int:
    if command == "ingest":
        if not db.exists():
            return 0
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
                return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            return 0
    ids = set()
    with stdout_path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = re.search(r'"article_id":\s*"([^"]+)"', line)
            if m:
                ids.add(m.group(1))
    return len(ids)


def run(args: argparse.Namespace) -> dict:
    from tidings.paths import shared_dir

    shared = shared_dir()
    if shared is None:
        raise SystemExit("memory_bound: ../shared is absent (set TIDINGS_SHARED): no corpora to build from")
    made_workdir = not args.workdir
    work = Path(args.workdir or tempfile.mkdtemp(prefix="tidings-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    jsonl, db, stdout_path = work / "big.jsonl", work / "mem.db", work / "events.jsonl"
    t0 = time.monotonic()
    n_records = build_jsonl(jsonl, args.size, shared)
    build_seconds = time.monotonic() - t0
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    tidings = [sys.executable, "-m", "tidings"]
    if args.command == "ingest":
        cmd = [*tidings, "ingest", str(jsonl), "--db", str(db), "--workers", str(args.workers),
               "--batch-size", str(args.batch_size), "--no-progress"]
    else:
        cmd = [*tidings, "code", str(jsonl)]
    samples = Samples()
    stop = threading.Event()
    start = time.monotonic()
    with stdout_path.open("w", encoding="utf-8") as out:
        child = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
        sampler = threading.Thread(target=sample, args=(psutil.Process(child.pid), samples, args.interval, stop),
                                   daemon=True)
        sampler.start()
        stopped_early = False
        while child.poll() is None:
            time.sleep(1.0)
            elapsed = time.monotonic() - start
            if (args.time_limit and elapsed > args.time_limit) or (
                    args.max_articles and articles_done(args.command, db, stdout_path) >= args.max_articles):
                stopped_early = True
                child.send_signal(signal.SIGINT)  # as Ctrl-C: the runner stops cleanly; a rerun resumes
                try:
                    child.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    child.kill()
                break
        _, err = child.communicate()
    stop.set()
    sampler.join()
    seconds = time.monotonic() - start
    done = articles_done(args.command, db, stdout_path)
    rss = samples.rss_mb or [0.0]
    half = len(rss) // 2
    report = {
        "command": " ".join(cmd[2:]),
        "file_bytes": jsonl.stat().st_size,
        "records_in_file": n_records,
        "build_seconds": round(build_seconds, 1),
        "articles_coded": done,
        "stopped_early": stopped_early,
        "exit_code": child.returncode,
        "seconds": round(seconds, 1),
        "articles_per_second": round(done / seconds, 2) if seconds else None,
        "peak_rss_mb": round(max(rss), 1),
        "peak_rss_first_half_mb": round(max(rss[:half] or rss), 1),
        "peak_rss_second_half_mb": round(max(rss[half:] or rss), 1),
        "final_rss_mb": round(rss[-1], 1),
        "max_processes": samples.processes,
        "samples": len(samples.rss_mb),
        "stderr_tail": err.strip().splitlines()[-1:] if err.strip() else [],
    }
    if not args.keep:
        for path in (jsonl, db, Path(f"{db}-wal"), Path(f"{db}-shm"), stdout_path):
            path.unlink(missing_ok=True)
        if made_workdir:
            shutil.rmtree(work, ignore_errors=True)
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--size", type=parse_size, default=parse_size("1GB"), help="JSONL size to build (default 1GB)")
    p.add_argument("--command", choices=["ingest", "code"], default="ingest")
    p.add_argument("--max-articles", type=int, default=0, help="stop after this many articles are coded")
    p.add_argument("--time-limit", type=float, default=0, help="stop after this many seconds")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--interval", type=float, default=0.5, help="seconds between RSS samples")
    p.add_argument("--ceiling-mb", type=float, default=0, help="exit 1 when the peak RSS goes over this")
    p.add_argument("--workdir", help="where to build the file (default: a new temporary folder)")
    p.add_argument("--keep", action="store_true", help="keep the JSONL, store and output afterwards")
    args = p.parse_args(argv)
    report = run(args)
    print(json.dumps(report))
    if args.ceiling_mb and report["peak_rss_mb"] > args.ceiling_mb:
        print(f"memory_bound: peak RSS {report['peak_rss_mb']} MB is over the {args.ceiling_mb} MB ceiling",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
