"""The one schema that SQLite and PostgreSQL share (SQLAlchemy Core tables).

Plain tables with plain column types, so the SQLite file opens in datasette
and sqlite-utils as it is. Structured parts of an event (actor lists, the
location record, argument spans) are kept whole in JSON columns for
round-tripping the output contract, and the parts people filter on are
flattened into indexed columns beside them (first actor, first recipient,
location country and coordinates). `event_actors` has one row per actor or
recipient so that an actor filter can look at all of them, not just the first.

Surrogate integer keys (`pk`) keep joins and indexes small; the contract ids
(`articles.id`, `events.id`) are unique text columns that the API exposes.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("applied_at", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.Text, nullable=False, unique=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("date", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("dateline", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("language", sa.Text),
    sa.Column("n_events", sa.Integer, nullable=False, default=0),
    sa.Column("coded_at", sa.Text, nullable=False),
    sa.Index("ix_articles_date", "date"),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.Text, nullable=False, unique=True),
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk"), nullable=False),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("sentence_index", sa.Integer),
    sa.Column("sentence", sa.Text),
    sa.Column("trigger", sa.Text),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("contexts", sa.JSON),
    sa.Column("cameo", sa.Text),
    sa.Column("quad_class", sa.Integer),
    sa.Column("goldstein", sa.Float),
    sa.Column("actors", sa.JSON),
    sa.Column("recipients", sa.JSON),
    sa.Column("location", sa.JSON),
    # flattened for filtering: first actor, first recipient, location
    sa.Column("actor_name", sa.Text),
    sa.Column("actor_country", sa.Text),
    sa.Column("actor_sector", sa.Text),
    sa.Column("recipient_name", sa.Text),
    sa.Column("recipient_country", sa.Text),
    sa.Column("recipient_sector", sa.Text),
    sa.Column("place_name", sa.Text),
    sa.Column("place_country", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("date", sa.Text),
    sa.Column("date_text", sa.Text),
    sa.Column("date_precision", sa.Text),
    sa.Column("fatalities", sa.Integer),
    sa.Column("injuries", sa.Integer),
    sa.Column("size", sa.Integer),
    sa.Column("modality", sa.Text, nullable=False),
    sa.Column("confidence", sa.Float),
    sa.Column("spans", sa.JSON),
    # "date DESC, pk DESC" is the list order: each filter index ends in date
    sa.Index("ix_events_date", "date"),
    sa.Index("ix_events_type_date", "type", "date"),
    sa.Index("ix_events_actor_country_date", "actor_country", "date"),
    sa.Index("ix_events_actor_country_type_date", "actor_country", "type", "date"),
    sa.Index("ix_events_actor_sector", "actor_sector"),
    sa.Index("ix_events_recipient_country_date", "recipient_country", "date"),
    sa.Index("ix_events_lat_lon", "lat", "lon"),
    sa.Index("ix_events_article_pk", "article_pk"),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk"), nullable=False),
    sa.Column("role", sa.Text, nullable=False),  # actor | recipient
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("text", sa.Text),
    sa.Column("name", sa.Text),
    sa.Column("country", sa.Text),
    sa.Column("sector", sa.Text),
    sa.Column("wikidata", sa.Text),
    sa.Index("ix_event_actors_event_pk", "event_pk"),
    sa.Index("ix_event_actors_country", "country"),
    sa.Index("ix_event_actors_name", "name"),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk"), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("name", sa.Text),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geonameid", sa.Integer),
    sa.Column("feature", sa.Text),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Index("ix_places_article_pk", "article_pk"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_pk", sa.Integer, sa.ForeignKey("articles.pk"), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("speaker_name", sa.Text),
    sa.Column("speaker_country", sa.Text),
    sa.Column("speaker", sa.JSON),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("sentence_index", sa.Integer),
    sa.Index("ix_quotes_article_pk", "article_pk"),
)

# Rollups, kept current by Store.save in the same transaction as the events.
# `day` is "" for events without a date, so totals by type/country stay exact.
daily_type_counts = sa.Table(
    "daily_type_counts",
    metadata,
    sa.Column("day", sa.Text, primary_key=True),
    sa.Column("type", sa.Text, primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
)

# All-time dyads ("" where a name or country is missing), for the unfiltered
# network view: a GROUP BY over a million wide event rows takes seconds.
dyad_counts = sa.Table(
    "dyad_counts",
    metadata,
    sa.Column("actor_name", sa.Text, primary_key=True),
    sa.Column("actor_country", sa.Text, primary_key=True),
    sa.Column("recipient_name", sa.Text, primary_key=True),
    sa.Column("recipient_country", sa.Text, primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
)

daily_country_counts = sa.Table(
    "daily_country_counts",
    metadata,
    sa.Column("day", sa.Text, primary_key=True),
    sa.Column("country", sa.Text, primary_key=True),  # first actor's country, "" if none
    sa.Column("n", sa.Integer, nullable=False),
)
