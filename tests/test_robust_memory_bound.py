"""A CI-sized run of benchmarks/memory_bound.py: coding a 20 MB JSONL (limited to
the first articles) keeps the whole process tree under a fixed RSS ceiling.

The full-size figures (1 GB, run for minutes) are in docs/ROBUSTNESS.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "memory_bound.py"
CEILING_MB = 1500


def test_robust_memory_stays_under_ceiling_on_a_20mb_jsonl(shared, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--size", "20MB", "--max-articles", "30", "--time-limit", "120",
         "--workers", "1", "--batch-size", "8", "--ceiling-mb", str(CEILING_MB), "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=400, check=False,
    )
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["file_bytes"] >= 20_000_000 and report["records_in_file"] > 5000
    assert report["articles_coded"] >= 30, report
    assert report["samples"] >= 10, report
    assert proc.returncode == 0, (report, proc.stderr[-2000:])
    assert report["peak_rss_mb"] < CEILING_MB, report
    assert "Traceback" not in proc.stderr
