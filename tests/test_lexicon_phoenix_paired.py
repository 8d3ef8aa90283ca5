"""Paired Phoenix codes ("[042:043]": a visit is hosted) and the extra event they give."""

from __future__ import annotations

import pytest

from tidings import lexicon
from tidings.lexicon.phoenix import read_phoenix_report
from tidings.ontology import load as load_ontology

SAMPLE = """\
--- VISIT  [042:043]  ---
VISIT
- * TALKS  [040:040]

--- SHELL [194] ---
SHELL
"""


@pytest.fixture()
def dictionary(tmp_path):
    path = tmp_path / "paired.verbs.txt"
    path.write_text(SAMPLE)
    return path


def test_second_code_is_kept_as_the_paired_act(dictionary):
    report = read_phoenix_report(dictionary, load_ontology())
    by_pattern = {e.pattern: e for e in report.entries}
    assert by_pattern["visit"].cameo == "042" and by_pattern["visit"].paired == "043"
    talks = next(e for e in report.entries if e.kind == "pattern")
    assert talks.cameo == "040" and talks.paired == "040"
    assert by_pattern["shell"].paired is None


@pytest.mark.model
def test_paired_entry_gives_the_return_event(dictionary):
    from tidings.extract import find_clauses
    from tidings.nlp import load

    lex = lexicon.load(extra=[dictionary], replace=True)
    sent = next(iter(load()("President Ruto visited Uganda on Monday.").sents))
    found = {(c.entry.cameo, tuple(a.text for a in c.agents), tuple(p.text for p in c.patients))
             for c in find_clauses(sent, lex)}
    assert ("042", ("President Ruto",), ("Uganda",)) in found
    assert ("043", ("Uganda",), ("President Ruto",)) in found
