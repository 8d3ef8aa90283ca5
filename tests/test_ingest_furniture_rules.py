"""The furniture data file is validated on load and can be extended by users."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.ingest import furniture
from tidings.ingest.furniture import load_rules


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_packaged_rules_load_with_every_section() -> None:
    rules = load_rules()
    assert rules.drop and rules.trim_end and rules.trim_start and rules.caption
    assert len({r.name for r in rules.drop}) == len(rules.drop), "drop rule names must be unique"


def test_user_file_adds_a_drop_rule(tmp_path: Path) -> None:
    extra = write(tmp_path, "drop:\n  - name: donate\n    pattern: '^support our journalism'\n")
    line = "Support our journalism today"
    assert load_rules().furniture(line) is None
    assert load_rules([extra]).furniture(line) == "donate"


def test_environment_variable_names_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = write(tmp_path, "drop:\n  - name: donate\n    pattern: '^support our journalism'\n")
    monkeypatch.setenv(furniture.ENV_VAR, str(extra))
    furniture.default_rules.cache_clear()
    try:
        assert furniture.default_rules().furniture("Support our journalism") == "donate"
    finally:
        monkeypatch.delenv(furniture.ENV_VAR)
        furniture.default_rules.cache_clear()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("drop:\n  - name: bad\n    pattern: '(unclosed'\n", "bad pattern"),
        ("drop:\n  - pattern: 'x'\n", "no name"),
        ("drop:\n  - name: empty\n    pattern: ''\n", "empty pattern"),
        ("drop:\n  - name: all\n    pattern: '.*'\n", "matches empty"),
        ("drop:\n  - name: x\n    pattern: 'x'\n    colour: red\n", "unknown keys"),
        ("trim:\n  - name: x\n    pattern: 'x'\n    where: middle\n", "start or end"),
        ("drops:\n  - name: x\n    pattern: 'x'\n", "unknown sections"),
        ("drop: [1, 2]\n", "mappings"),
        ("- just a list\n", "mapping"),
    ],
)
def test_malformed_user_file_fails_loudly(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        load_rules([write(tmp_path, body)])
