"""`tidings places`: one JSON object per toponym, offsets into the article text."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tidings.cli.places import FIELDS, places


def test_places_prints_one_record_per_toponym(tmp_path) -> None:
    text = "Protesters stormed the US embassy in Baghdad on Tuesday.\n\nMore clashes were reported in the Gaza Strip."
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(places, [str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert {r["name"] for r in recs} >= {"Baghdad", "Gaza Strip"}
    for r in recs:
        assert tuple(r) == FIELDS
    baghdad = next(r for r in recs if r["name"] == "Baghdad")
    assert (baghdad["country"], baghdad["feature"]) == ("IRQ", "PPLC")


def test_places_reports_a_missing_input_and_fails(tmp_path) -> None:
    result = CliRunner().invoke(places, [str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
