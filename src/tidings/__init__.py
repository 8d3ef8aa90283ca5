"""tidings: news articles to structured political event data (PLOVER + CAMEO)."""

from __future__ import annotations

__version__ = "0.1.0"
