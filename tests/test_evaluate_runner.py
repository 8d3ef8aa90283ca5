"""Runners and the `tidings eval` command, driven by a tiny fake coder / fake
set runner (test doubles for the wiring; the real coder is used by the gate test)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import tidings.evaluate as ev
from tidings.cli.eval import eval_command
from tidings.errors import CodingError, InputFailure
from tidings.evaluate import gate
from tidings.evaluate.common import (
    EvalError,
    GoldSentence,
    Report,
    Table,
    code_sentences,
    with_modalities,
)
from tidings.model import Actor, ArticleResult, Event


class FakeCoder:
    """Codes every sentence containing "attack" as an ASSAULT by USA on IRQ;
    negated and future copies are added (only the asserted one is scored, the
    future one also in PETRARCH's side figure) and "crash" fails."""

    def setup(self):
        return self

    def code_articles(self, articles):
        for art in articles:
            if "crash" in art.text:
                yield InputFailure(art.origin, CodingError("boom"))
                continue
            events = []
            if "attack" in art.text:
                for modality in ("asserted", "negated", "future"):
                    events.append(Event(
                        id=f"{art.id}-{modality}", article_id=art.id, sentence_index=0,
                        sentence=art.text, trigger="attack", type="ASSAULT", cameo="190",
                        actors=[Actor("US", country="USA", sector="MIL")],
                        recipients=[Actor("Iraq", country="IRQ")], modality=modality))
            yield ArticleResult(article=art, events=events)


def test_code_sentences_keeps_contract_dicts_and_failures():
    sents = [GoldSentence("a", "US jets attack Iraq.", "2020-01-01"),
             GoldSentence("b", "Talks went on."), GoldSentence("c", "crash here")]
    preds, failures = code_sentences(FakeCoder(), sents)
    assert [e["modality"] for e in preds["a"]] == ["asserted", "negated", "future"]
    asserted = with_modalities(preds, ("asserted",))
    assert [e["type"] for e in asserted["a"]] == ["ASSAULT"]
    assert preds["a"][0]["actors"][0]["country"] == "USA"
    assert preds["b"] == [] and preds["c"] == []
    assert len(failures) == 1 and "T050" in failures[0]


def test_petr2_run_wires_coder_to_scorer(shared):
    from tidings.evaluate import petr2_gsr

    r = petr2_gsr.run(FakeCoder(), limit=10)
    assert r.n == 10 and r.limit == 10 and len(r.gold_sha256) == 64 and r.failed == 0
    assert r.headline["root_f1"] is not None
    assert any("PETRARCH's convention" in note for note in r.notes)


def test_plover_run_with_no_events_scores_zero_recall(shared):
    from tidings.evaluate import plover_gsr

    class Silent(FakeCoder):
        def code_articles(self, articles):
            for art in articles:
                yield ArticleResult(article=art)

    r = plover_gsr.run(Silent())
    assert r.n == 179 and r.headline["type_recall"] == 0.0 and r.headline["type_precision"] is None


def test_unknown_set_and_missing_scorer_module_are_named_errors():
    with pytest.raises(EvalError, match="unknown gold set"):
        ev.run("nope")
    with pytest.raises(EvalError, match="not available"):
        ev._module("no_such_scorer")


def test_as_report_accepts_reports_and_figure_dicts():
    r = ev.as_report("actors", {"country_accuracy": 0.9, "n": 397, "label": "x", "seconds": 12.5})
    assert r.headline == {"country_accuracy": 0.9} and r.n == 397
    with pytest.raises(EvalError):
        ev.as_report("actors", [1, 2])


def _fake_sets(monkeypatch, value):
    def runner(coders, limit):
        rep = Report("fake", n=limit or 10, headline={"f1": value}, gold_sha256="s", limit=limit)
        rep.tables.append(Table("per type", ["type", "n"], [["AGREE", 3]]))
        rep.misses = Table("disagreements", ["sentence", "gold"], [["s7", "PROTEST"], ["s9", "AID"]])
        return [rep]

    def broken(coders, limit):
        raise EvalError("scorer module tidings.evaluate.geoparsing is not available")

    monkeypatch.setattr(ev, "SETS", {"plover_gsr": runner, "geo": broken})


def test_cli_prints_tables_and_headline(monkeypatch):
    _fake_sets(monkeypatch, 0.5)
    monkeypatch.setitem(ev.QUICK_LIMITS, "plover_gsr", 80)
    res = CliRunner().invoke(eval_command, ["--set", "all", "--quick"])
    assert res.exit_code == 0, res.output
    assert "AGREE" in res.output and "fake: f1 0.50 (n=80)" in res.output
    assert "geo skipped" in res.stderr
    assert "s7" not in res.output  # disagreements only on request


def test_cli_misses_prints_the_first_disagreements(monkeypatch):
    _fake_sets(monkeypatch, 0.5)
    res = CliRunner().invoke(eval_command, ["--set", "plover_gsr", "--misses", "1"])
    assert res.exit_code == 0 and "s7" in res.output and "s9" not in res.output
    js = json.loads(CliRunner().invoke(eval_command, ["--set", "plover_gsr", "--json"]).stdout)
    assert js["reports"][0]["misses"]["rows"] == []


def test_cli_check_fails_when_a_gated_set_could_not_be_scored(monkeypatch, tmp_path):
    _fake_sets(monkeypatch, 0.9)
    path = tmp_path / "floors.json"
    gate.save_floors({"sets": {"geoparsing_gwn": {"floors": {"acc161": 0.5}}}, "history": []}, path)
    monkeypatch.setattr(gate, "FLOORS_FILE", path)
    res = CliRunner().invoke(eval_command, ["--check"])
    assert res.exit_code == 1 and "geoparsing_gwn: not scored" in res.stderr


def test_cli_json_and_check_against_floors(monkeypatch, tmp_path):
    _fake_sets(monkeypatch, 0.5)
    path = tmp_path / "floors.json"
    gate.save_floors({"sets": {"fake": {"floors": {"f1": 0.6}, "n": 10}}, "history": []}, path)
    monkeypatch.setattr(gate, "FLOORS_FILE", path)
    res = CliRunner().invoke(eval_command, ["--set", "plover_gsr", "--json", "--check"])
    assert res.exit_code == 1
    out = json.loads(res.stdout)
    assert out["reports"][0]["headline"] == {"f1": 0.5}
    assert "below floor" in out["gate_failures"][0]


def test_cli_update_floors_needs_reason_and_full_run(monkeypatch, tmp_path):
    _fake_sets(monkeypatch, 0.75)
    path = tmp_path / "floors.json"
    gate.save_floors({"sets": {}, "history": []}, path)
    monkeypatch.setattr(gate, "FLOORS_FILE", path)
    runner = CliRunner()
    assert runner.invoke(eval_command, ["--set", "plover_gsr", "--update-floors"]).exit_code == 2
    assert runner.invoke(eval_command, ["--set", "plover_gsr", "--quick", "--update-floors",
                                        "--reason", "x"]).exit_code == 2
    res = runner.invoke(eval_command, ["--set", "plover_gsr", "--update-floors", "--reason", "first pin"])
    assert res.exit_code == 0, res.output
    saved = gate.load_floors(path)
    assert saved["sets"]["fake"]["floors"] == {"f1": 0.75}
    assert saved["history"][0]["reason"] == "first pin"
