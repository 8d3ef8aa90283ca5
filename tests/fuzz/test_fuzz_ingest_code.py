"""Time-budgeted fuzz targets for ingest and the coder (hypothesis-driven).

atheris 3.1.0 has no build for this Python on the package index here, so the
fuzzing is hypothesis-based: each target mutates a small seed corpus of real
input shapes (text, HTML, JSONL, CSV, UTF-16, cp1252) with byte flips,
insertions, splices and truncations, and runs hypothesis again and again with
fresh seeds until the time budget (TIDINGS_FUZZ_SECONDS, default 30 s split
between the two targets) is spent. The number of inputs tried is printed
(`pytest -s`) so a run can be reported.

Invariants: `read_inputs` never raises and every failure is one coded line;
the coder never fails on an article ingest accepted (a T050 CodingError is a
bug), and every event's spans point into the article text.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tidings.errors import InputFailure
from tidings.model import MODALITIES, PLOVER_TYPES, Article

BUDGET = float(os.environ.get("TIDINGS_FUZZ_SECONDS", "30"))

STORY = ("Protesters stormed the US embassy in Baghdad on Tuesday, police said. Iraqi troops fired "
         "tear gas and 62 people were hurt.\n\nPresident Donald Trump accused Iran of orchestrating "
         "the attack. \u201cThey will pay a very big price,\u201d he wrote two days later.")
SEEDS: list[tuple[str, bytes]] = [
    ("a.txt", STORY.encode()),
    ("a.txt", STORY.encode("utf-16")),
    ("a.txt", STORY.encode("cp1252")),
    ("a", ("BAGHDAD (Reuters) - " + STORY).encode()),
    ("a.html", (f"<html><head><title>Embassy</title><script>var a=1;</script></head><body><article>"
                f"<h1>Embassy stormed</h1>{''.join(f'<p>{p}</p>' for p in STORY.split(chr(10) * 2))}"
                "<figure><figcaption>Protesters at the gate. Photo: AFP</figcaption></figure>"
                "</article></body></html>").encode()),
    ("a.jsonl", "\n".join(json.dumps({"id": f"r{i}", "date": "2019-12-31", "title": "Embassy", "text": STORY})
                         for i in range(2)).encode()),
    ("a.csv", ('id,date,text\nc1,2019-12-31,"' + STORY.replace('"', '""') + '"\n').encode()),
    ("a.json", json.dumps([{"id": "j1", "text": STORY}]).encode()),
]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed input with a few random mutations (a small-scale atheris-style mutator)."""
    name, data = draw(st.sampled_from(SEEDS))
    buf = bytearray(data)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "splice", "truncate", "repeat"]))
        pos = draw(st.integers(0, max(0, len(buf) - 1)))
        if op == "flip" and buf:
            buf[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            buf[pos:pos] = draw(st.one_of(st.binary(max_size=16), st.sampled_from(
                [b"\x00", b"<div>", b"</p>", b"\n\n", b'"', b"{", b"\xff\xfe", b"\xef\xbb\xbf", b"\r", b"<script>",
                 b"\xe2\x80", b"&#0;", b"<![CDATA[", b"<!--"])))
        elif op == "delete":
            del buf[pos:pos + draw(st.integers(1, 64))]
        elif op == "splice":
            other = draw(st.sampled_from(SEEDS))[1]
            cut = draw(st.integers(0, len(other)))
            buf[pos:] = other[cut:]
        elif op == "truncate":
            del buf[pos:]
        elif op == "repeat":
            buf[pos:pos] = bytes(buf[pos:pos + 40]) * draw(st.integers(2, 50))
    return draw(st.sampled_from([name, "a.txt", "a.html", "a.jsonl", "a"])), bytes(buf)


def run_for(budget: float, make_test: Callable[[], Callable[[], None]]) -> int:
    """Run a hypothesis test with fresh seeds until the budget is spent; return the runs."""
    deadline = time.monotonic() + budget
    runs = 0
    while time.monotonic() < deadline:
        seed(runs)(make_test())()
        runs += 1
    return runs


FUZZ = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def read_all(name: str, data: bytes) -> list[Article | InputFailure]:
    from tidings.ingest import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return list(read_inputs([str(path)], date="2019-12-31"))


# Internal errors that read_inputs turned into "unexpected ..." failures and that have an
# xfail test of their own (tests/test_robust_properties.py); any other one fails the fuzz.
KNOWN_UNEXPECTED = {"unexpected IndexError: list index out of range"}  # ingest/language.py:73


def check_ingested(results: list[Article | InputFailure]) -> list[Article]:
    articles = []
    for r in results:
        if isinstance(r, InputFailure):
            assert "\n" not in str(r) and r.code.startswith("T01"), str(r)
            assert not r.reason.startswith("unexpected ") or r.reason in KNOWN_UNEXPECTED, str(r)
        else:
            assert r.text.strip()
            assert all(0 <= p.start < p.end <= len(r.text) for p in r.paragraphs)
            articles.append(r)
    return articles


def test_fuzz_ingest(capsys: pytest.CaptureFixture[str]) -> None:
    tried = [0]

    def make_test() -> Callable[[], None]:
        @FUZZ
        @given(sample=mutated())
        def target(sample: tuple[str, bytes]) -> None:
            tried[0] += 1
            check_ingested(read_all(*sample))

        return target

    runs = run_for(BUDGET / 3, make_test)
    with capsys.disabled():
        print(f"\nfuzz ingest: {tried[0]} inputs in {runs} hypothesis runs ({BUDGET / 3:.0f} s budget)")
    assert tried[0] >= 100


@pytest.mark.model
def test_fuzz_code(coder, capsys: pytest.CaptureFixture[str]) -> None:
    tried = [0]
    coded = [0]

    def make_test() -> Callable[[], None]:
        @FUZZ
        @given(sample=mutated())
        def target(sample: tuple[str, bytes]) -> None:
            tried[0] += 1
            articles = check_ingested(read_all(*sample))
            for result in coder.code_batch(articles):
                assert not isinstance(result, InputFailure), f"coder failed on accepted input: {result}"
                coded[0] += 1
                text = result.article.text
                for e in result.events:
                    assert e.type in PLOVER_TYPES and e.modality in MODALITIES and 0 <= e.confidence <= 1
                    assert text[e.sentence_start:e.sentence_end] == e.sentence
                    assert text[e.trigger_start:e.trigger_end] == e.trigger
                    json.dumps(e.to_contract())

        return target

    runs = run_for(BUDGET * 2 / 3, make_test)
    with capsys.disabled():
        print(f"\nfuzz code: {tried[0]} inputs, {coded[0]} articles coded in {runs} hypothesis runs "
              f"({BUDGET * 2 / 3:.0f} s budget)")
    assert tried[0] >= 20
