"""Shared fixtures: the coder, the spaCy model, the lexicon and the geoparser are loaded once per
test session (a test module may still define its own)."""

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


@pytest.fixture(scope="session")
def nlp():
    from tidings.nlp import load

    return load()


@pytest.fixture(scope="session")
def geo():
    from tidings.resolve.places import Geoparser

    return Geoparser()


@pytest.fixture(scope="session")
def lex():
    from tidings.lexicon import load

    return load()
