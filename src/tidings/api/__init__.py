"""HTTP API and dashboard server: `create_app(db, ...)` -> FastAPI app; see app.py."""

from __future__ import annotations

from .app import create_app
from .server import ServerThread, is_loopback, run

__all__ = ["ServerThread", "create_app", "is_loopback", "run"]
