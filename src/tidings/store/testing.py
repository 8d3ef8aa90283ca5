"""Test support: a real PostgreSQL for store and API tests, started once per process.

`TIDINGS_TEST_PG_URL` wins (CI or a developer's own server); otherwise
`scripts/start_postgres.sh` from the repository checkout starts a throwaway
cluster, stopped again at interpreter exit. `fresh_postgres_db()` gives each
test its own empty database on it. When no server can be had, `PostgresUnavailable`
says why, so tests can skip with that message.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import sqlalchemy as sa

from ..errors import PostgresUnavailable

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "start_postgres.sh"




_state: dict[str, str] = {}


def postgres_url() -> str:
    """URL of the test server (started on first call)."""
    if "url" in _state:
        return _state["url"]
    if "error" in _state:
        raise PostgresUnavailable(_state["error"])
    url = os.environ.get("TIDINGS_TEST_PG_URL")
    if not url:
        url = _start_cluster()
    _state["url"] = url
    return url


def _start_cluster() -> str:
    if not SCRIPT.is_file():
        _state["error"] = f"no TIDINGS_TEST_PG_URL and no {SCRIPT}"
        raise PostgresUnavailable(_state["error"])
    folder = tempfile.mkdtemp(prefix="tidings-pg-")
    try:
        out = subprocess.run(["bash", str(SCRIPT), folder], capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        _state["error"] = f"could not run {SCRIPT.name}: {exc}"
        raise PostgresUnavailable(_state["error"]) from None
    if out.returncode != 0:
        _state["error"] = f"{SCRIPT.name} failed: {out.stderr.strip()[-400:]}"
        raise PostgresUnavailable(_state["error"])
    atexit.register(_stop_cluster, folder)
    return out.stdout.strip().splitlines()[-1]


def _stop_cluster(folder: str) -> None:
    subprocess.run(["bash", str(SCRIPT), "--stop", folder], capture_output=True, timeout=60)
    shutil.rmtree(folder, ignore_errors=True)


def fresh_postgres_db() -> str:
    """URL of a new, empty database on the test server."""
    base = sa.make_url(postgres_url())
    name = f"tidings_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base.set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')  # name made here, not from input
    finally:
        admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)
