"""One event per attack, with its doer, when the attack is named by a noun the parser
splits from its modifier or follows with a toll participle (`extract.nominal`)."""

from __future__ import annotations

from tidings.pipeline import code


def attacks(coder, text):
    return [e for e in code(text, date="2015-06-01", coder=coder) if e.type == "ASSAULT"]


def test_pipeline_led_airstrike_names_its_leader(coder):
    (event,) = attacks(coder, "Seven people were killed in a Saudi-led airstrike in Saada.")
    assert [(a.country, a.sector) for a in event.actors] == [("SAU", "MIL")]
    assert [(r.text, r.country) for r in event.recipients] == [("Seven people", "YEM")]
    assert event.fatalities == 7


def test_pipeline_gerund_cut_from_its_nationality_is_one_event(coder):
    (event,) = attacks(coder, "Ukrainian shelling killed three people in Donetsk.")
    assert event.trigger == "shelling"
    assert [(a.country, a.sector) for a in event.actors] == [("UKR", "MIL")]
    assert [r.text for r in event.recipients] == ["three people"]


def test_pipeline_toll_participle_joins_the_strike(coder):
    (event,) = attacks(coder, "A Russian air strike hit a hospital in Idlib, killing two doctors.")
    assert event.trigger == "air strike"
    assert [(a.country, a.sector) for a in event.actors] == [("RUS", "MIL")]
    assert [(r.text, r.country) for r in event.recipients] == [("two doctors", "SYR")]
    assert event.fatalities == 2
