"""Crash safety across real processes: a server reading while an ingest writes,
and kill -9 at kill points that tests/test_run_resume.py does not cover.

test_run_resume.py kills the whole run 1-6 s after it starts. Here: a kill
during start-up (before the first batch can be stored), a kill -9 of one
worker process while the run goes on (the runner must replace it and lose
nothing), and kills of a resumed run, after which a rerun must leave every
article stored exactly once and the SQLite file intact.
"""

from __future__ import annotations

import json
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

pytestmark = [pytest.mark.model]

CLI = [sys.executable, "-m", "tidings"]
PLACES = ["Baghdad", "Kabul", "Nairobi", "Caracas", "Manila", "Kyiv", "Khartoum", "Beirut", "Tripoli", "Lima"]
SENTENCES = [
    "Protesters stormed the parliament in {p} on Tuesday, demanding new elections.",
    "Security forces in {p} detained {n} opposition activists, a rights group said.",
    "Rebels attacked an army base near {p} overnight, killing {n} soldiers.",
    "The president met the visiting foreign minister in {p} to discuss a trade deal.",
    "Officials in {p} accused the neighbouring government of backing the insurgents.",
]


def make_corpus(path: Path, n: int, seed: int) -> None:
    """n distinct small articles as JSONL (content differs by a closing line numbered by
    article and seed, so two corpora never share a text: the store keeps one per text)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = " ".join(rng.choice(SENTENCES).format(p=rng.choice(PLACES), n=rng.randint(2, 80))
                            for _ in range(rng.randint(2, 4)))
            fh.write(json.dumps({"id": f"k{i}", "date": "2023-05-0" + str(1 + i % 9),
                                 "text": f"{body}\n\nDispatch {i} of series {seed}."}) + "\n")


def ingest_cmd(corpus: Path, db: Path, workers: int = 2, batch: int = 4) -> list[str]:
    return [*CLI, "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
            "--batch-size", str(batch), "--no-progress"]


def check_store(db: Path, n: int) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        total, distinct_ids, distinct_hashes = con.execute(
            "SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) FROM articles").fetchone()
        mismatched = con.execute(
            "SELECT count(*) FROM articles a WHERE a.n_events != "
            "(SELECT count(*) FROM events e WHERE e.article_pk = a.pk)").fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM events e LEFT JOIN articles a ON a.pk = e.article_pk WHERE a.pk IS NULL"
        ).fetchone()[0]
    assert total == distinct_ids == distinct_hashes == n, (total, distinct_ids, distinct_hashes, n)
    assert mismatched == 0 and orphans == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(url + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("server did not answer within 60 s")


def test_robust_server_answers_while_ingest_writes(tmp_path: Path) -> None:
    n = 240
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "live.db"
    make_corpus(corpus, n, seed=11)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*CLI, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_server(url, server)
        ingest = subprocess.Popen(ingest_cmd(corpus, db, workers=1, batch=2),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        statuses: list[int] = []
        totals: list[int] = []
        bad_bodies: list[str] = []
        with httpx.Client(base_url=url, timeout=30) as client:
            while ingest.poll() is None:
                for path in ("/api/events?limit=5", "/api/stats", "/api/aggregates/counts?by=day"):
                    r = client.get(path)
                    statuses.append(r.status_code)
                    if r.status_code >= 500 or "locked" in r.text:
                        bad_bodies.append(f"{path} {r.status_code} {r.text[:200]}")
                    if path == "/api/stats" and r.status_code == 200:
                        totals.append(r.json()["articles"])
                time.sleep(0.05)
            final = client.get("/api/stats").json()
        _, ingest_err = ingest.communicate(timeout=30)
        assert ingest.returncode == 0, ingest_err[-2000:]
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, server_err = server.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            _, server_err = server.communicate()
    assert not bad_bodies, bad_bodies[:5]
    assert len(statuses) >= 30 and set(statuses) == {200}, sorted(set(statuses))
    assert totals == sorted(totals), "readers must only ever see committed, growing data"
    assert len(set(totals)) >= 3, f"polls saw too few intermediate states: {sorted(set(totals))}"
    assert final["articles"] == n
    assert "database is locked" not in server_err and "Traceback" not in server_err, server_err[-2000:]
    check_store(db, n)


def _workers_of(run: psutil.Process) -> list[psutil.Process]:
    """The coding workers: children of the forkserver the run started (not the helpers)."""
    workers = []
    for child in run.children():
        try:
            if "forkserver" in " ".join(child.cmdline()):
                workers.extend(child.children())
        except psutil.NoSuchProcess:
            continue
    return workers


@pytest.mark.slow
def test_robust_kill9_at_more_points_then_rerun_stores_each_article_once(tmp_path: Path) -> None:
    seed = int(time.time())
    rng = random.Random(seed)
    n = 240  # enough that a run is still coding when the kill comes, on a fast or a loaded machine
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "killed.db"
    make_corpus(corpus, n, seed)
    cmd = ingest_cmd(corpus, db, batch=2)  # two workers, so one can be killed while the other goes on
    kill_points: list[str] = []

    # 1. kill -9 during start-up, before any batch can be stored.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.1, 0.8))
    run = psutil.Process(proc.pid)
    helpers = run.children(recursive=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    _, alive = psutil.wait_procs(helpers, timeout=30)
    assert not alive, f"orphans after an early kill (seed {seed}): {alive}"
    kill_points.append("start-up")

    # 2. kill -9 one worker while the run codes: the run must replace it and finish.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    run = psutil.Process(proc.pid)
    threshold = rng.randint(1, n // 4)  # kill points are progress points: machines differ 20x in speed
    deadline = time.monotonic() + 120
    killed_worker = False
    while time.monotonic() < deadline and proc.poll() is None and not killed_worker:
        workers = _workers_of(run)
        if workers and _stored(db) >= threshold:
            try:
                rng.choice(workers).send_signal(signal.SIGKILL)
                killed_worker = True
            except psutil.NoSuchProcess:
                pass
        time.sleep(0.01)
    _, err = proc.communicate(timeout=600)
    assert killed_worker, f"no worker was killed (seed {seed}): {err[-500:]}"
    kill_points.append(f"worker after {threshold}")
    assert proc.returncode == 0, err[-2000:]
    assert "0 failed" in err, err[-2000:]
    check_store(db, n)

    # 3. a second corpus into the same store, killed at random progress points.
    corpus2 = tmp_path / "corpus2.jsonl"
    make_corpus(corpus2, n, seed + 1)
    cmd2 = ingest_cmd(corpus2, db, workers=1, batch=2)
    for _ in range(3):
        before = _stored(db)
        threshold = before + rng.randint(1, max(1, (2 * n - before) // 4))
        proc = subprocess.Popen(cmd2, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run = psutil.Process(proc.pid)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and _stored(db) < threshold:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.2))  # not always right after a commit
        helpers = run.children(recursive=True) if proc.poll() is None else []
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kill_points.append(f"run after {threshold - n}/{n}")
        proc.wait(timeout=30)
        _, alive = psutil.wait_procs(helpers, timeout=30)
        assert not alive, f"orphans after kill (seed {seed})"
        with sqlite3.connect(db) as con:  # the file opens and is whole after every kill
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    final = subprocess.run(cmd2, capture_output=True, text=True, timeout=600, check=False)
    assert final.returncode == 0 and "0 failed" in final.stderr, final.stderr[-2000:]
    check_store(db, 2 * n)
    print(f"\nkill points (seed {seed}): {kill_points}")
    assert sum(k.startswith("run after") for k in kill_points) >= 2, (kill_points, seed)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
