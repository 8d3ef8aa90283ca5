"""Counts and dyads, answered from rollup tables whenever the filters allow.

A daily count over a million events is a GROUP BY over a million rows (about
a quarter of a second on SQLite); the rollups `daily_type_counts` and
`daily_country_counts` hold the same numbers pre-summed per day, so the
common dashboard questions (all events, or one type, or one actor country,
over a date range) read a few thousand rows instead. Any other filter falls
back to grouping the events table.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import sqlalchemy as sa

from ..errors import QueryError
from .filters import EventFilters, event_conditions
from .schema import daily_country_counts, daily_type_counts, dyad_counts, events

COUNT_BY = ("day", "week", "month", "type", "country")
_DATE_FILTERS = {"date_from", "date_to"}


def _rollup_for(f: EventFilters, by: str) -> tuple[sa.Table, str] | None:
    """The rollup table (and its key column) that can answer `by` under `f`."""
    used = f.set_fields()
    if used <= _DATE_FILTERS | {"type"} and by != "country":
        return daily_type_counts, "type"
    if used <= _DATE_FILTERS | {"country"} and by != "type":
        return daily_country_counts, "country"
    return None


def _rollup_select(table: sa.Table, key: str, f: EventFilters, by: str) -> sa.Select[Any]:
    c = table.c
    conds: list[sa.ColumnElement[bool]] = []
    values = f.type if key == "type" else f.country
    if values:
        conds.append(c[key].in_(values))
    if f.date_from:
        conds.append(c.day >= f.date_from)
    if f.date_to:
        conds.append(c.day <= f.date_to)
    if by in ("day", "week", "month") or f.date_from or f.date_to:
        conds.append(c.day != "")
    group = c.day if by in ("day", "week", "month") else c[key]
    return sa.select(group, sa.func.sum(c.n)).where(*conds).group_by(group)


# Substring and full-text filters cannot use an index to count: their totals
# stop counting here (the page itself is exact) and say so.
COUNT_CAP = 1_000
_UNINDEXED = {"actor", "q"}


def total(conn: sa.Connection, f: EventFilters) -> tuple[int, bool]:
    """(number of events matching `f`, whether that number is exact).

    From a rollup when the filters allow; otherwise a COUNT, capped at
    COUNT_CAP for substring / full-text filters so a page stays fast."""
    rollup = _rollup_for(f, "type")
    if rollup is not None:
        table, key = rollup
        rows = conn.execute(_rollup_select(table, key, f, "type")).all()
        return int(sum(n for _, n in rows)), True
    conds = event_conditions(f, conn.dialect.name)
    if f.set_fields() & _UNINDEXED:
        capped = sa.select(events.c.pk).where(*conds).limit(COUNT_CAP + 1).subquery()
        n = int(conn.execute(sa.select(sa.func.count()).select_from(capped)).scalar_one())
        return min(n, COUNT_CAP), n <= COUNT_CAP
    stmt = sa.select(sa.func.count()).select_from(events).where(*conds)
    return int(conn.execute(stmt).scalar_one()), True


def counts(conn: sa.Connection, by: str, f: EventFilters) -> list[dict[str, Any]]:
    """[{key, n}]: per day/week (ISO Monday)/month in date order, or per type/country by n."""
    if by not in COUNT_BY:
        raise QueryError(f"by: must be one of {', '.join(COUNT_BY)}")
    rollup = _rollup_for(f, by)
    if rollup is not None:
        table, key = rollup
        rows = conn.execute(_rollup_select(table, key, f, by)).all()
    else:
        col = {"type": events.c.type, "country": events.c.actor_country}.get(by, events.c.date)
        conds = event_conditions(f, conn.dialect.name)
        if by in ("day", "week", "month"):
            conds.append(events.c.date.is_not(None))
        rows = conn.execute(sa.select(col, sa.func.count()).where(*conds).group_by(col)).all()
    tally: Counter[str] = Counter()
    for key_value, n in rows:
        tally[_bucket(key_value, by)] += int(n)
    if by in ("type", "country"):
        return [{"key": k or None, "n": n} for k, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))]
    return [{"key": k, "n": n} for k, n in sorted(tally.items())]


def _dyad_rollup() -> Any:
    """dyad_counts with "" turned back into NULL, so it reads like the events columns."""
    c = dyad_counts.c
    cols = [sa.func.nullif(c[k], "").label(k) for k in ("actor_name", "actor_country", "recipient_name", "recipient_country")]
    return sa.select(*cols, c.n).subquery("dyads").c


def _bucket(value: str | None, by: str) -> str:
    if by in ("type", "country") or value is None:
        return value or ""
    if by == "month":
        return value[:7]
    if by == "week":
        day = dt.date.fromisoformat(value[:10])
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    return value[:10]


def dyads(conn: sa.Connection, f: EventFilters, level: str = "name", limit: int = 100) -> list[dict[str, Any]]:
    """Most frequent (actor, recipient) pairs, by actor name or by country."""
    e = events.c if f.set_fields() else _dyad_rollup()
    if level == "name":
        keys = [e.actor_name, e.actor_country, e.recipient_name, e.recipient_country]
        present = [e.actor_name.is_not(None), e.recipient_name.is_not(None)]
    elif level == "country":
        keys = [e.actor_country, e.recipient_country]
        present = [e.actor_country.is_not(None), e.recipient_country.is_not(None)]
    else:
        raise QueryError("level: must be name or country")
    n = (sa.func.count() if f.set_fields() else sa.func.sum(e.n)).label("n")
    stmt = (
        sa.select(*keys, n)
        .where(*event_conditions(f, conn.dialect.name), *present)
        .group_by(*keys)
        .order_by(n.desc(), *keys)
        .limit(limit)
    )
    out = []
    for row in conn.execute(stmt).all():
        m = row._mapping
        if level == "name":
            out.append(
                {
                    "actor": m["actor_name"],
                    "actor_country": m["actor_country"],
                    "recipient": m["recipient_name"],
                    "recipient_country": m["recipient_country"],
                    "n": int(m["n"]),
                }
            )
        else:
            out.append({"actor": m["actor_country"], "recipient": m["recipient_country"], "n": int(m["n"])})
    return out
