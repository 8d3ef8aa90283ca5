"""`tidings actor`: text and JSON output of one lookup (command tested directly)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tidings.cli.actor import actor


def test_text_output_names_country_sector_and_why():
    result = CliRunner().invoke(actor, ["President Kassym-Jomart Tokayev", "--date", "2023-01-01"])
    assert result.exit_code == 0, result.output
    assert "name:    Kassym-Jomart Tokayev" in result.output
    assert "country: KAZ" in result.output and "sector:  GOV" in result.output
    assert "why:" in result.output


def test_json_output_is_one_object_with_the_contract_fields():
    result = CliRunner().invoke(actor, ["Iraqi lawmakers", "--format", "json"])
    record = json.loads(result.output)
    assert {k: record[k] for k in ("text", "name", "country", "sector")} == {
        "text": "Iraqi lawmakers", "name": "Iraq", "country": "IRQ", "sector": "LEG"}


def test_unresolved_text_says_so():
    result = CliRunner().invoke(actor, ["Marcus Beam", "--format", "json"])
    assert json.loads(result.output)["country"] is None


def test_bad_date_and_bad_dictionary_are_one_line_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,sector\nX,NOPE\n", encoding="utf-8")
    assert CliRunner().invoke(actor, ["Iran", "--date", "2023-13-01"]).exit_code != 0
    result = CliRunner().invoke(actor, ["Iran", "--actors", str(bad)])
    assert result.exit_code != 0 and "T020" in result.output
