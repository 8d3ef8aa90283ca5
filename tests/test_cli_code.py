"""The `tidings code` command end to end, as a user runs it (a real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

CONTRACT_KEYS = {
    "id", "article_id", "sentence_index", "sentence", "trigger", "type", "mode", "contexts",
    "cameo", "quad_class", "goldstein", "actors", "recipients", "location", "date",
    "date_text", "date_precision", "fatalities", "injuries", "size", "modality", "confidence",
}
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tidings", *args], input=stdin, capture_output=True,
        text=True, timeout=300,
    )


def test_cli_code_jsonl_follows_contract():
    proc = run("code", str(EXAMPLES / "embassy_storm.txt"), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(events) >= 5
    for ev in events:
        assert set(ev) == CONTRACT_KEYS
        assert ev["type"] in PLOVER
        assert ev["modality"] == "asserted"
        assert isinstance(ev["cameo"], str) and ev["cameo"].isdigit()
        assert 1 <= ev["quad_class"] <= 4
        assert 0.0 <= ev["confidence"] <= 1.0
        for a in ev["actors"] + ev["recipients"]:
            assert {"text", "name", "country", "sector", "wikidata"} <= set(a)


def test_cli_code_bad_input_reported_others_still_coded(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    proc = run("code", str(empty), str(binary), str(EXAMPLES / "embassy_storm.txt"))
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr and "blob.txt" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 2
    assert proc.stdout.strip(), "the good input must still be coded"


def test_cli_code_stdin_and_date_option():
    text = "Police arrested 40 protesters in Nairobi on Monday, officials said."
    proc = run("code", "-", "--date", "2023-07-19", stdin=text)
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    arrests = [e for e in events if e["type"] == "COERCE"]
    assert arrests and arrests[0]["date"] == "2023-07-17"


def test_cli_code_rejects_bad_date():
    proc = run("code", "-", "--date", "2023-13-45", stdin="text")
    assert proc.returncode == 2
    assert "YYYY-MM-DD" in proc.stderr


def test_cli_code_csv_and_table(tmp_path: Path):
    proc = run("code", str(EXAMPLES / "articles.jsonl"), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0]
    assert header.startswith("id,article_id,sentence_index,date")
    table = run("code", str(EXAMPLES / "articles.jsonl"), "--format", "table")
    assert table.returncode == 0 and "type (mode)" in table.stdout


def test_cli_code_entities_all_codes_the_wire_story_like_the_gated_default():
    """--entities all runs the recogniser on every sentence; on the wire story the
    events (type, actors' countries) must be those of the faster default."""
    def coded(*extra: str) -> list[tuple]:
        proc = run("code", str(EXAMPLES / "embassy_storm.txt"), "--format", "jsonl", *extra)
        assert proc.returncode == 0, proc.stderr
        events = [json.loads(line) for line in proc.stdout.splitlines()]
        return sorted((e["type"], e["trigger"], tuple(a["country"] or "" for a in e["actors"]))
                      for e in events)

    gated, everywhere = coded(), coded("--entities", "all")
    assert gated and gated == everywhere
    bad = run("code", str(EXAMPLES / "embassy_storm.txt"), "--entities", "some")
    assert bad.returncode == 2 and "--entities" in bad.stderr


def test_cli_code_modality_option_selects_what_is_printed():
    """Stated plans are `future`: hidden by default, printed with --modality future
    (PETRARCH's reading with asserted), and a bad modality is a usage error."""
    text = ("Rebels attacked an army base near Goma on Monday. "
            "The president will meet opposition leaders on Friday.\n")
    default = [json.loads(x) for x in run("code", "-", stdin=text).stdout.splitlines()]
    both = run("code", "-", "--modality", "asserted", "--modality", "future", stdin=text)
    assert both.returncode == 0, both.stderr
    both_events = [json.loads(x) for x in both.stdout.splitlines()]
    future_only = [json.loads(x) for x in run("code", "-", "--modality", "future", stdin=text).stdout.splitlines()]
    assert {e["modality"] for e in default} == {"asserted"}
    assert future_only and {e["modality"] for e in future_only} == {"future"}
    assert len(both_events) == len(default) + len(future_only)
    bad = run("code", "-", "--modality", "maybe", stdin=text)
    assert bad.returncode == 2 and "maybe" in bad.stderr
