"""Kill `tidings ingest` with SIGKILL at random moments, rerun, and check every
article is stored exactly once (the resume guarantee of issue 7)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.model]

N_ARTICLES = 300
KILLS = 3
# The command object is called directly so the test does not depend on how
# the CLI group registers it.
RUN = "import sys; from tidings.cli.ingest import ingest; ingest(sys.argv[1:], prog_name='tidings ingest')"

PLACES = ["Baghdad", "Kabul", "Nairobi", "Caracas", "Manila", "Kyiv", "Khartoum", "Beirut"]
ACTS = [
    "Protesters marched on the parliament in {p} on Tuesday, demanding the resignation of the minister.",
    "Police in {p} arrested {n} people after clashes near the central market, officials said.",
    "The government in {p} signed a ceasefire agreement with rebel leaders on Monday.",
    "Soldiers fired on a crowd in {p}, killing {n} people and wounding dozens, witnesses said.",
    "The foreign minister met his counterpart in {p} to discuss trade and security.",
]


def make_corpus(path: Path, n: int, seed: int) -> None:
    """Small distinct articles (three to five sentences each)."""
    rng = random.Random(seed)
    with path.open("w") as fh:
        for i in range(n):
            sents = [rng.choice(ACTS).format(p=rng.choice(PLACES), n=rng.randint(2, 90))
                     for _ in range(rng.randint(3, 5))]
            sents.append(f"This is report number {i}.")
            rec = {"id": f"r{i}", "date": "2024-03-0" + str(1 + i % 9), "text": " ".join(sents)}
            fh.write(json.dumps(rec) + "\n")


def ingest_cmd(corpus: Path, db: Path, failures: Path) -> list[str]:
    return [sys.executable, "-c", RUN, str(corpus), "--db", str(db), "--workers", "2",
            "--batch-size", "8", "--no-progress", "--failures", str(failures)]


def stored(db: Path) -> int:
    """Articles committed so far (0 before the store exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not written yet
        return 0


def wait_for_articles(proc: subprocess.Popen, db: Path, target: int, timeout: float = 120.0) -> None:
    """Wait until `target` articles are committed (or the run ends): a kill then lands
    mid-run whatever the machine's speed, where a fixed sleep could outlast the run."""
    end = time.monotonic() + timeout
    while proc.poll() is None and stored(db) < target and time.monotonic() < end:
        time.sleep(0.05)


def test_run_resume_after_kill9_stores_every_article_once(tmp_path: Path) -> None:
    seed = int(os.environ.get("TIDINGS_RESUME_SEED", time.time()))
    rng = random.Random(seed)
    corpus, db, failures = tmp_path / "corpus.jsonl", tmp_path / "events.db", tmp_path / "failures.jsonl"
    make_corpus(corpus, N_ARTICLES, seed)
    cmd = ingest_cmd(corpus, db, failures)
    killed_mid_run = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for_articles(proc, db, stored(db) + rng.randint(1, N_ARTICLES // (KILLS + 1)))
        workers = psutil.Process(proc.pid).children(recursive=True) if proc.poll() is None else []
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_mid_run += 1
        proc.wait(timeout=30)
        _, still = psutil.wait_procs(workers, timeout=10)
        assert not still, f"orphan workers after kill -9 (seed {seed})"
    final = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr[-2000:]
    with sqlite3.connect(db) as con:
        n, distinct = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone()
        mismatched = con.execute(
            "SELECT count(*) FROM articles a WHERE a.n_events != "
            "(SELECT count(*) FROM events e WHERE e.article_pk = a.pk)"
        ).fetchone()[0]
        dup_sentences = con.execute(
            "SELECT count(*) FROM (SELECT article_pk, idx FROM sentences GROUP BY 1, 2 HAVING count(*) > 1)"
        ).fetchone()[0]
    assert killed_mid_run >= 1, f"no run was killed mid-way (seed {seed})"
    assert not failures.exists() or not failures.read_text(), failures.read_text()
    assert n == distinct == N_ARTICLES, (n, distinct, seed)
    assert mismatched == 0 and dup_sentences == 0
    assert "0 failed" in final.stderr
