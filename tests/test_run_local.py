"""The local runner's orchestration, with a stand-in coder (no model needed)."""

from __future__ import annotations

import hashlib
import os

import pytest

from tidings.errors import CodingError, InputError, InputFailure, RunnerError
from tidings.model import Article, ArticleResult
from tidings.run.local import LocalRunner, RunOptions


class FakeCoder:
    """Codes instantly; 'FAIL' articles become failures, 'CRASH' kills the worker."""

    def setup(self) -> FakeCoder:
        return self

    def code_batch(self, articles: list[Article]) -> list[ArticleResult | InputFailure]:
        out: list[ArticleResult | InputFailure] = []
        for a in articles:
            if "CRASH" in a.text:
                os._exit(3)
            if "RAISE" in a.text:
                raise RuntimeError("a bug that takes the whole batch down")
            if "FAIL" in a.text:
                out.append(InputFailure(a.id, CodingError("boom")))
            else:
                out.append(ArticleResult(article=a))
        return out


class BrokenCoder:
    def setup(self) -> None:
        raise ValueError("no model here")

    def code_batch(self, articles: list[Article]) -> list[ArticleResult | InputFailure]:
        raise AssertionError("never called")


class DyingCoder(BrokenCoder):
    def setup(self) -> None:
        os._exit(5)  # e.g. the OOM killer while loading the model


class MemorySink:
    def __init__(self) -> None:
        self.saved: dict[str, int] = {}

    def has(self, h: str) -> bool:
        return h in self.saved

    def save(self, results: list[ArticleResult]) -> None:
        for r in results:
            h = chash(r.article)
            self.saved[h] = self.saved.get(h, 0) + 1


def chash(a: Article) -> str:
    return hashlib.sha1(a.text.encode()).hexdigest()


def art(n: int, text: str | None = None) -> Article:
    return Article(id=f"a{n}", text=text or f"Article number {n} about talks.")


def run(items, sink, **opts):
    failures: list[InputFailure] = []
    runner = LocalRunner(
        FakeCoder, sink, RunOptions(**opts), content_hash=chash, on_failure=failures.append
    )
    return runner.run(items), failures


def test_run_local_codes_every_article_once_and_skips_stored() -> None:
    sink = MemorySink()
    items = [art(n) for n in range(50)] + [art(7)]  # a duplicate
    stats, failures = run(items, sink, workers=2, batch_size=4)
    assert stats.coded == 50 and stats.skipped == 1 and not failures
    assert sorted(sink.saved.values()) == [1] * 50
    again, _ = run([art(n) for n in range(60)], sink, workers=2, batch_size=4)
    assert again.skipped == 50 and again.coded == 10
    assert set(sink.saved.values()) == {1}


def test_run_local_reports_failures_and_goes_on() -> None:
    sink = MemorySink()
    bad_input = InputFailure("x.html", InputError("empty"))
    items = [art(1), bad_input, art(2, "FAIL this one"), art(3)]
    stats, failures = run(items, sink, workers=1, batch_size=2)
    assert stats.coded == 2 and stats.failed == 2
    assert {f.origin for f in failures} == {"x.html", "a2"}


def test_run_local_isolates_an_article_that_breaks_its_batch() -> None:
    sink = MemorySink()
    items = [art(n) for n in range(6)] + [art(50, "RAISE an error")]
    stats, failures = run(items, sink, workers=1, batch_size=7)
    assert stats.coded == 6 and len(sink.saved) == 6
    (bad,) = failures
    assert bad.origin == "a50" and "RuntimeError" in bad.reason


def test_run_local_survives_a_worker_crash() -> None:
    sink = MemorySink()
    items = [art(n) for n in range(12)]
    items.insert(5, art(99, "CRASH the worker"))
    stats, failures = run(items, sink, workers=2, batch_size=4)
    assert stats.coded == 12
    assert len(failures) == 1 and isinstance(failures[0].error, CodingError)
    assert chash(items[5]) not in sink.saved


def test_run_local_stops_when_the_coder_cannot_set_up() -> None:
    runner = LocalRunner(BrokenCoder, MemorySink(), RunOptions(workers=1), content_hash=chash)
    with pytest.raises(RunnerError, match="no model here"):
        runner.run([art(1)])


@pytest.mark.parametrize("coder", [BrokenCoder, DyingCoder])
def test_run_local_stops_when_the_coder_cannot_set_up_any_way(coder: type) -> None:
    runner = LocalRunner(coder, MemorySink(), RunOptions(workers=2), content_hash=chash)
    with pytest.raises(RunnerError, match="set"):
        runner.run([art(1)])


class CountingSink(MemorySink):
    """Answers `known` for a whole batch, and records each saved batch's size."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups = 0
        self.batches: list[int] = []

    def has(self, h: str) -> bool:
        raise AssertionError("asked one article at a time")

    def known(self, hashes: list[str]) -> set[str]:
        self.lookups += 1
        return {h for h in hashes if h in self.saved}

    def save(self, results: list[ArticleResult]) -> None:
        self.batches.append(len(results))
        super().save(results)


def test_run_local_asks_the_store_once_per_batch_and_resumes() -> None:
    sink = CountingSink()
    run([art(n) for n in range(20)], sink, workers=2, batch_size=5)
    sink.lookups = 0
    again, _ = run([art(n) for n in range(40)] + [art(3)], sink, workers=2, batch_size=5)
    assert (again.coded, again.skipped) == (20, 21)
    assert sink.lookups <= 41 // 5 + 1
    assert set(sink.saved.values()) == {1}


def test_run_local_shares_out_the_last_articles_in_small_batches() -> None:
    sink = CountingSink()
    stats, _ = run([art(n) for n in range(50)], sink, workers=2, batch_size=8)
    assert stats.coded == 50
    # five full batches, then the last 10 articles (one held-back batch and the
    # remainder) split four ways so the two workers finish together
    assert sorted(sink.batches) == [1, 3, 3, 3, 8, 8, 8, 8, 8]


class EnvCoder(FakeCoder):
    """Reports the math-library thread setting its worker process sees, as a failure reason."""

    def code_batch(self, articles: list[Article]) -> list[ArticleResult | InputFailure]:
        seen = os.environ.get("OPENBLAS_NUM_THREADS", "unset")
        return [InputFailure(a.id, CodingError(f"threads={seen}")) for a in articles]


def test_run_local_workers_run_math_libraries_on_one_thread() -> None:
    before = os.environ.get("OPENBLAS_NUM_THREADS")
    failures: list[InputFailure] = []
    runner = LocalRunner(EnvCoder, MemorySink(), RunOptions(workers=1), content_hash=chash,
                         on_failure=failures.append)
    runner.run([art(1)])
    assert [f.reason for f in failures] == [f"threads={before or 1}"]
    assert os.environ.get("OPENBLAS_NUM_THREADS") == before  # the parent's own setting is left alone
