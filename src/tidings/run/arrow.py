"""The output contract as an Arrow schema, for Parquet partitions.

An explicit schema (rather than one inferred per batch) keeps every partition
identical even when a batch happens to have no location or no actors, so
DuckDB, pandas or Spark read the folder as one table. Nested parts of the
contract (actors, recipients, location, contexts) stay nested.
"""

from __future__ import annotations

import pyarrow as pa


ACTOR = pa.struct([
    ("text", pa.string()),
    ("name", pa.string()),
    ("country", pa.string()),
    ("sector", pa.string()),
    ("wikidata", pa.string()),
])

LOCATION = pa.struct([
    ("text", pa.string()),
    ("name", pa.string()),
    ("country", pa.string()),
    ("admin1", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("geonameid", pa.int64()),
    ("feature", pa.string()),
])

EVENT = pa.schema([
    ("id", pa.string()),
    ("article_id", pa.string()),
    ("sentence_index", pa.int32()),
    ("sentence", pa.string()),
    ("trigger", pa.string()),
    ("type", pa.string()),
    ("mode", pa.string()),
    ("contexts", pa.list_(pa.string())),
    ("cameo", pa.string()),
    ("quad_class", pa.int8()),
    ("goldstein", pa.float64()),
    ("actors", pa.list_(ACTOR)),
    ("recipients", pa.list_(ACTOR)),
    ("location", LOCATION),
    ("date", pa.string()),
    ("date_text", pa.string()),
    ("date_precision", pa.string()),
    ("fatalities", pa.int64()),
    ("injuries", pa.int64()),
    ("size", pa.int64()),
    ("modality", pa.string()),
    ("confidence", pa.float64()),
])

EVENT_STRUCT = pa.struct(list(EVENT))

# One row per input article as the Ray actors return it: what happened to it,
# and its events (empty when the events went straight into a database).
ARTICLE_OUTCOME = pa.schema([
    ("article_id", pa.string()),
    ("content_hash", pa.string()),  # the store's identity: resume and dedupe key
    ("origin", pa.string()),
    ("status", pa.string()),  # coded | stored (already in the db) | failed
    ("code", pa.string()),  # T0xx when failed
    ("reason", pa.string()),
    ("words", pa.int64()),
    ("n_events", pa.int32()),
    ("events", pa.list_(EVENT_STRUCT)),
])

