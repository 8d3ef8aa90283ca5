"""The benchmark: corpus expansion, process-tree measurement, and the command's output."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_run_resume import make_corpus

from tidings.ingest import article_from_text
from tidings.run.bench import TreeMonitor, expand, shuffled_copy


def test_run_bench_copies_keep_words_and_change_the_text() -> None:
    text = "\n\n".join(f"Paragraph {n} says the minister met envoys in Doha on day {n}." for n in range(6))
    art = article_from_text(text, id="p", date="2024-01-01")
    copy = shuffled_copy(art, 1, random.Random(3))
    assert copy.id == "p~r1" and copy.text != art.text
    assert Counter(copy.text.split()) == Counter(art.text.split())
    assert copy.text.startswith("Paragraph 0")  # the lead stays first
    assert all(copy.text[p.start:p.end].startswith("Paragraph") for p in copy.paragraphs)
    assert "content_hash" not in copy.meta


def test_run_bench_one_paragraph_bodies_are_shuffled_by_sentence() -> None:
    text = " ".join(f"Sentence {n} reports talks between the two sides." for n in range(8))
    art = article_from_text(text, id="s", date="2024-01-01")
    out = list(expand([art], repeat=4, seed=1))
    assert len({a.text for a in out}) == 4
    assert all(Counter(a.text.split()) == Counter(text.split()) for a in out)
    assert all(a.text[p.start:p.end].strip() for a in out for p in a.paragraphs)


def test_run_bench_monitor_sees_child_processes() -> None:
    code = "import time; b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096]); time.sleep(1.0)"
    with TreeMonitor(interval=0.02) as mon:
        subprocess.run([sys.executable, "-c", code], check=True)
    assert mon.peak_mb > 200
    assert mon.cpu_seconds > 0


@pytest.mark.model
def test_run_bench_command_prints_both_sides_and_the_ratio(tmp_path: Path) -> None:
    from tidings.cli.bench import bench

    corpus = tmp_path / "c.jsonl"
    make_corpus(corpus, 6, seed=2)
    result = CliRunner().invoke(bench, [str(corpus), "--workers", "1", "--repeat", "2", "--limit", "10"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("corpus: 10 articles")
    assert any(line.startswith("tidings (1 proc)") and "articles/s" in line for line in lines)
    assert any(line.startswith("spaCy nlp.pipe (1 proc)") and "words/s" in line for line in lines)
    assert re.fullmatch(r"ratio per cpu-s: \d+\.\d\d", lines[-2])
    assert re.fullmatch(r"ratio: \d+\.\d\d", lines[-1])
