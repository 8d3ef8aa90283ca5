"""`tidings ingest` end to end on small inputs: store, failures file, rerun."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_run_resume import make_corpus

from tidings.cli.ingest import ingest

pytestmark = pytest.mark.model


def test_run_ingest_cli_stores_logs_failures_and_resumes(tmp_path: Path) -> None:
    corpus, db, failures = tmp_path / "in.jsonl", tmp_path / "x.db", tmp_path / "failures.jsonl"
    make_corpus(corpus, 12, seed=3)
    with corpus.open("a") as fh:
        fh.write("{broken json\n")
    args = [str(corpus), str(tmp_path / "missing.txt"), "--db", str(db), "--workers", "1",
            "--batch-size", "4", "--failures", str(failures), "--no-progress"]
    first = CliRunner().invoke(ingest, args)
    assert first.exit_code == 0, first.output
    assert "coded 12 articles" in first.output and "2 failed" in first.output
    logged = [json.loads(line) for line in failures.read_text().splitlines()]
    assert {r["code"] for r in logged} == {"T015", "T017"}
    assert all(r["origin"] and r["reason"] for r in logged)
    again = CliRunner().invoke(ingest, args)
    assert "coded 0 articles" in again.output and "12 already stored" in again.output


def test_run_ingest_cli_fails_when_nothing_is_readable(tmp_path: Path) -> None:
    result = CliRunner().invoke(ingest, [str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "y.db")])
    assert result.exit_code == 1 and "T017" in result.output
