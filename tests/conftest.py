"""Shared fixtures: the coder is loaded once per test session (spaCy + knowledge)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def coder():
    from tidings.pipeline import Coder

    return Coder().setup()


@pytest.fixture(scope="session")
def shared():
    from tidings.paths import shared_dir

    path = shared_dir()
    if path is None:
        pytest.skip("../shared is absent: gold sets and corpora not available here")
    return path
