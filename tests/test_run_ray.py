"""The Ray Data runner on a local Ray cluster with small data."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_run_resume import make_corpus
from test_run_sources import write_warc

from tidings.errors import InputFailure
from tidings.model import Article
from tidings.run.arrow import EVENT
from tidings.run.batch import coder_factory
from tidings.run.ray_runner import RayOptions, actor_cpus, run_ray
from tidings.run.sources import read_sources

pytestmark = [pytest.mark.slow, pytest.mark.model]
ray = pytest.importorskip("ray", reason="ray[data] is not installed (pip install 'ray[data]==2.60.0')")

N = 30


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("ray-in")
    corpus = folder / "corpus.jsonl"
    make_corpus(corpus, N, seed=7)
    with corpus.open("a") as fh:
        fh.write(json.dumps({"id": "empty", "text": "   "}) + "\n")
    write_warc(folder / "crawl.warc.gz")
    return [str(corpus), str(folder / "crawl.warc.gz")]


def test_run_ray_actor_cpus_leave_one_cpu_for_readers() -> None:
    assert actor_cpus(2, 2) == 0.5
    assert actor_cpus(64, 8) == 1.0
    assert actor_cpus(1, 4) == 0.1


def test_run_ray_writes_the_same_events_as_the_local_coder(
    cluster: None, inputs: list[str], tmp_path: Path, coder
) -> None:
    import pyarrow.parquet as pq

    from tidings.pipeline import CoderOptions

    failures: list[InputFailure] = []
    stats = run_ray(
        inputs, coder_factory=coder_factory(CoderOptions()),
        options=RayOptions(actors=2, batch_size=8), parquet_dir=tmp_path / "out",
        on_failure=failures.append,
    )
    arts = [a for a in read_sources(inputs) if isinstance(a, Article)]
    local = [e for r in coder.code_batch(arts) if not isinstance(r, InputFailure) for e in r.events]
    table = pq.read_table(tmp_path / "out")
    assert table.schema.equals(EVENT)
    assert stats.coded == len(arts) == N + 2 and stats.events == len(local) == table.num_rows
    key = lambda e: (e["article_id"], e["sentence_index"], e["trigger"], e["type"], e["cameo"])
    assert sorted(map(key, table.to_pylist())) == sorted(key(e.to_contract()) for e in local)
    (bad,) = failures
    assert bad.origin.endswith("corpus.jsonl") and bad.code.startswith("T01")


@pytest.mark.postgres
def test_run_ray_into_postgres_resumes(cluster: None, inputs: list[str]) -> None:
    from tidings.pipeline import CoderOptions
    from tidings.store import open_store
    from tidings.store.testing import PostgresUnavailable, fresh_postgres_db

    try:
        url = fresh_postgres_db()
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))
    options = RayOptions(actors=2, batch_size=8)
    first = run_ray(inputs[:1], coder_factory=coder_factory(CoderOptions()), options=options, db=url)
    again = run_ray(inputs[:1], coder_factory=coder_factory(CoderOptions()), options=options, db=url)
    assert first.coded == N and again.coded == 0 and again.skipped == N
    with open_store(url) as store:
        assert store.stats()["articles"] == N


def test_run_ray_parquet_rerun_and_repeated_inputs_write_each_article_once(
    cluster: None, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    from tidings.pipeline import CoderOptions

    corpus, repeat, out = tmp_path / "corpus.jsonl", tmp_path / "repeat.jsonl", tmp_path / "out"
    make_corpus(corpus, 12, seed=3)
    repeat.write_text("".join(corpus.read_text().splitlines(keepends=True)[:4]))  # 4 articles again
    options = RayOptions(actors=2, batch_size=4)
    factory = coder_factory(CoderOptions())
    first = run_ray([str(corpus), str(repeat)], coder_factory=factory, options=options, parquet_dir=out)
    table = pq.read_table(out)
    assert (first.coded, first.skipped, first.failed) == (12, 4, 0)
    assert first.events == table.num_rows > 0
    assert len(set(table.column("id").to_pylist())) == table.num_rows  # no event written twice

    again = run_ray([str(corpus), str(repeat)], coder_factory=factory, options=options, parquet_dir=out)
    assert (again.coded, again.skipped, again.events) == (0, 16, 0)
    assert pq.read_table(out).num_rows == table.num_rows


@pytest.mark.postgres
def test_run_ray_actors_saving_the_same_articles_at_once_store_them_once() -> None:
    import threading

    from tidings.run.ray_runner import save_shared
    from tidings.store import open_store
    from tidings.store.synthetic import synthetic_results
    from tidings.store.testing import PostgresUnavailable, fresh_postgres_db

    try:
        url = fresh_postgres_db()
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))
    errors: list[BaseException] = []
    for seed in range(3):  # two actors met the same input file at once
        results = list(synthetic_results(150, events_per_article=3, seed=seed))
        stores = [open_store(url) for _ in range(2)]
        start = threading.Barrier(2)

        def save(store, results=results, start=start) -> None:
            start.wait()
            try:
                save_shared(store, results)
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

        threads = [threading.Thread(target=save, args=(s,)) for s in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for s in stores:
            s.close()
    assert not errors
    with open_store(url) as store:
        assert store.stats() == {"articles": 450, "events": 1350}
