"""Where tidings finds its packaged data and the team's shared reference folder."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def data_dir(*parts: str) -> Path:
    """A folder or file under the packaged knowledge files (src/tidings/data)."""
    return Path(str(resources.files("tidings") / "data")).joinpath(*parts)


def shared_dir() -> Path | None:
    """The `shared` reference folder (gold sets, corpora, reference dictionaries).

    TIDINGS_SHARED wins; otherwise the `shared` folder beside the repository
    checkout. None when absent, so callers can skip with a clear message.
    """
    env = os.environ.get("TIDINGS_SHARED")
    candidates = [Path(env)] if env else []
    repo = Path(__file__).resolve().parents[2]
    candidates.append(repo.parent / "shared")
    for c in candidates:
        if c.is_dir():
            return c
    return None
