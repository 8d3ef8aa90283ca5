"""Phoenix / PETRARCH verb dictionaries read as lexicon entries."""

from __future__ import annotations

import pytest

from tidings import lexicon
from tidings.lexicon.phoenix import read_phoenix_report
from tidings.ontology import load as load_ontology
from tidings.paths import shared_dir

SAMPLE = """\
# a small dictionary in the PETRARCH format
&CURRENCY
+DOLLARS
+EUROS

--- SHELL [194] ---
SHELL   # shell the town
BOMBARD {BOMBARDS BOMBARDED}
- * &CURRENCY  [071]   <!-- odd, but tests synsets -->

--- CORDON [---] ---
+CORDON_OFF {+CORDONS_OFF +CORDONED_OFF} [191]

--- EXPLAIN  [010] ---
EXPLAIN
"""


def test_blocks_verbs_patterns_and_synsets(tmp_path):
    path = tmp_path / "mini.verbs.txt"
    path.write_text(SAMPLE)
    report = read_phoenix_report(path, load_ontology())
    by_pattern = {e.pattern: e for e in report.entries}
    assert by_pattern["shell"].type == "ASSAULT" and by_pattern["shell"].cameo == "194"
    assert by_pattern["bombard"].cameo == "194"
    assert by_pattern["cordon off"].kind == "phrasal" and by_pattern["cordon off"].type == "COERCE"
    pattern = next(e for e in report.entries if e.kind == "pattern" and e.lemma == "shell")
    assert pattern.cameo == "071" and pattern.requires == (frozenset({"dollars", "euros"}),)
    assert "explain" not in by_pattern  # CAMEO 010 has no PLOVER type
    assert report.skipped >= 1


def test_phoenix_file_loads_through_lexicon_load(tmp_path):
    path = tmp_path / "mini.verbs.txt"
    path.write_text(SAMPLE)
    lex = lexicon.load(extra=[path])
    assert lex.verbs("bombard")[0].source.endswith("mini.verbs.txt")


@pytest.mark.shared
@pytest.mark.parametrize(
    "rel", ["reference/phoenix_dictionaries/CAMEO.2.0.txt", "eval/petr_unittest/PETR.Validate.verbs.txt"]
)
def test_reference_dictionaries_load(rel):
    shared = shared_dir()
    if shared is None or not (shared / rel).is_file():
        pytest.skip(f"../shared/{rel} not available")
    report = read_phoenix_report(shared / rel, load_ontology())
    assert len(report.entries) > 100
    assert {e.kind for e in report.entries} >= {"verb", "pattern"}


def test_target_preposition_of_a_pattern_becomes_a_recipient_preposition(tmp_path):
    path = tmp_path / "travel.verbs.txt"
    path.write_text("--- TRAVEL [---] ---\nLEAVE\n- * FOR + [042]\n")
    (entry,) = read_phoenix_report(path, load_ontology()).entries
    assert entry.kind == "pattern" and entry.targets == ("for",) and entry.cameo == "042"
