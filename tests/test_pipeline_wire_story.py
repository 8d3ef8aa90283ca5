"""Acceptance: the embassy wire story yields the events an analyst expects, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.ingest import read_inputs
from tidings.model import ArticleResult

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def result(coder) -> ArticleResult:
    (article,) = list(read_inputs([str(EXAMPLES / "embassy_storm.txt")]))
    (res,) = coder.code_batch([article])
    assert isinstance(res, ArticleResult), res
    return res


def asserted(result, type_):
    return [e for e in result.events if e.type == type_ and e.modality == "asserted"]


def countries(actors):
    return {a.country for a in actors}


def test_pipeline_reads_dateline_date(result):
    assert result.article.date == "2019-12-31"
    assert result.article.source == "AFP"


def test_pipeline_protest_at_embassy(result):
    protests = [e for e in asserted(result, "PROTEST") if e.date == "2019-12-31"]
    assert protests, [(e.type, e.trigger, e.date) for e in result.events]
    storm = protests[0]
    assert "IRQ" in countries(storm.actors)
    assert "USA" in countries(storm.recipients)
    assert storm.location is not None and storm.location.name == "Baghdad"
    assert storm.location.country == "IRQ" and storm.location.lat is not None


def test_pipeline_deployment_of_marines(result):
    mob = asserted(result, "MOBILIZE")
    assert mob and "USA" in countries(mob[0].actors)


def test_pipeline_airstrikes_with_death_toll(result):
    strikes = [e for e in asserted(result, "ASSAULT") if e.fatalities == 25]
    assert strikes, [(e.trigger, e.fatalities) for e in asserted(result, "ASSAULT")]
    assert any("USA" in countries(e.actors) for e in strikes)


def test_pipeline_sunday_strikes_dated_two_days_before(result):
    bombed = [e for e in asserted(result, "ASSAULT") if e.trigger.lower().startswith("bomb")]
    assert bombed and bombed[0].date == "2019-12-29"


def test_pipeline_injuries_counted(result):
    assert any(e.injuries == 62 for e in result.events)


def test_pipeline_accusations_both_ways(result):
    acc = asserted(result, "ACCUSE")
    pairs = {(a.country, r.country) for e in acc for a in e.actors for r in e.recipients}
    assert ("USA", "IRN") in pairs
    assert ("IRN", "USA") in pairs


def test_pipeline_phone_call(result):
    calls = asserted(result, "CONSULT")
    assert any("USA" in countries(e.actors) and "IRQ" in countries(e.recipients) for e in calls)


def test_pipeline_threat_to_summon_is_a_threat(result):
    threats = asserted(result, "THREATEN")
    assert threats and "IRQ" in countries(threats[0].actors)
    summons = [e for e in result.events if e.trigger.lower() == "summon" and e.modality == "asserted"]
    assert not summons


def test_pipeline_no_evacuation_from_negated_clause(result):
    assert not [e for e in result.events if "evacuat" in e.trigger.lower() and e.modality == "asserted"]


def test_pipeline_nothing_from_page_furniture(result):
    for e in result.events:
        assert "newsletter" not in e.sentence.lower()
        assert "privacy" not in e.sentence.lower()
        assert "Photo" not in e.sentence


def test_pipeline_offsets_point_into_original_text(result):
    text = result.article.text
    for e in result.events:
        assert text[e.sentence_start:e.sentence_end] == e.sentence
        assert text[e.trigger_start:e.trigger_end] == e.trigger
