"""Running the coder at scale (see docs/SCALE.md).

- `sources`: WARC, Parquet, feeds and URLs on top of `tidings.ingest`; `fetch`: polite HTTP.
- `local`: the worker-process runner (resumable, bounded memory, one writer).
- `batch`: `tidings ingest` as a library call (sources -> runner -> store).
- `ray_runner` + `arrow`: the Ray Data runner and the contract's Arrow schema.
- `watch`: polling feeds; `bench`: throughput against spaCy's nlp.pipe.
"""
