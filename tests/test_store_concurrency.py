"""One writer process and a reader at the same time on a SQLite file: no lock errors."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from tidings.store import EventFilters, open_store

WRITER = textwrap.dedent(
    """
    import sys
    from tidings.store import open_store
    from tidings.store.synthetic import synthetic_results
    store = open_store(sys.argv[1])
    results = list(synthetic_results(400, events_per_article=5, seed=31))
    for i in range(0, 400, 20):
        store.save(results[i:i + 20])
    """
)


def test_store_writer_and_readers_across_processes(tmp_path):
    path = tmp_path / "busy.db"
    reader = open_store(path)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stderr=subprocess.PIPE, text=True)
    seen = []
    while writer.poll() is None:
        seen.append(reader.query_events(EventFilters.parse(type="PROTEST"), limit=20).total)
        reader.counts("day")
        time.sleep(0.01)
    _, err = writer.communicate()
    assert writer.returncode == 0, err
    assert seen == sorted(seen)  # readers only ever see whole, committed batches, growing
    assert reader.stats() == {"articles": 400, "events": 2000}
