"""plover_gsr scorer: old-category mapping, recall/precision/mode/actor math on
hand-built gold records and output-contract predictions."""

from __future__ import annotations

import pytest

from tidings.evaluate import plover_gsr
from tidings.evaluate.common import split_code

MODES = {
    "ACCUSE": {"allege", "disapprove", "investigate"},
    "PROTEST": {"demo", "riot", "hunger"},
    "ASSAULT": {"firearms", "aerial"},
    "COERCE": {"arrest"},
}


def rec(id_, event, text, source=(), target=(), mode=None):
    r = {
        "id": id_, "event": event, "text": text, "date": "2000-01-01",
        "source": [dict(actorText=t, code=c, **({"sector": s} if s else {})) for t, c, s in source],
        "target": [dict(actorText=t, code=c, **({"sector": s} if s else {})) for t, c, s in target] or "",
    }
    if mode is not None:
        r["mode"] = mode
    return r


def actor(text, country, sector=None):
    return {"text": text, "name": text, "country": country, "sector": sector, "wikidata": None}


def ev(type_, actors=(), recipients=(), mode=None):
    return {"type": type_, "mode": mode, "cameo": None, "actors": list(actors),
            "recipients": list(recipients), "modality": "asserted"}


def test_old_categories_map_to_2024_types_and_modes():
    gold = plover_gsr.parse([
        rec("a", "DEMAND", "s1"), rec("b", "DISAPPROVE", "s2"),
        rec("c", "INVESTIGATE", "s3"), rec("d", "FIGHT", "s4", mode="firearms"),
        rec("e", "PROTEST", "s5", mode="strike-hun"), rec("f", "PROTEST", "s6", mode="martial-law"),
    ], MODES)
    got = [(s.events[0].type, s.events[0].mode) for s in gold]
    assert got == [("REQUEST", None), ("ACCUSE", None), ("ACCUSE", "investigate"),
                   ("ASSAULT", "firearms"), ("PROTEST", "hunger"), ("PROTEST", None)]


def test_records_sharing_a_sentence_are_one_sentence():
    gold = plover_gsr.parse([
        rec("a", "FIGHT", "Police opened fire and arrested 12."),
        rec("b", "COERCE", "Police opened fire and arrested 12."),
    ], MODES)
    assert len(gold) == 1 and [e.type for e in gold[0].events] == ["ASSAULT", "COERCE"]


def test_recall_precision_and_mode_counts():
    gold = plover_gsr.parse([
        rec("s1", "PROTEST", "Thousands marched.", mode="demo-org"),
        rec("s2", "DISAPPROVE", "France condemned Rwanda."),
        rec("s3", "FIGHT", "Troops shelled the town.", mode="firearms"),
    ], MODES)
    preds = {
        "s1": [ev("PROTEST", mode="demo"), ev("ASSAULT")],  # one right, one wrong
        "s2": [ev("ACCUSE")],
        "s3": [ev("MOBILIZE")],
    }
    r = plover_gsr.score(gold, preds)
    assert r.n == 3
    assert r.headline["type_recall"] == pytest.approx(2 / 3)
    assert r.headline["type_precision"] == pytest.approx(2 / 4)
    assert r.headline["mode"] == pytest.approx(1 / 2)  # s1 right, s3 type missed
    confusion = r.tables[1].rows
    assert ["ASSAULT", "MOBILIZE", 1] in confusion


def test_actor_country_sector_and_recipient_pairing():
    gold = plover_gsr.parse([
        rec("s1", "ACCUSE", "Israeli police accused Palestinian gunmen.",
            source=[("Israeli police", "ISR", "COP")],
            target=[("Palestinian gunmen", "PSE", "REBalb")]),
        rec("s2", "AGREE", "The United States and Jordan agreed.",
            source=[("United States", "USA", None), ("Jordan", "JOR", None)]),
    ], MODES)
    preds = {
        "s1": [ev("ACCUSE", [actor("Israeli police", "ISR", "GOV")],
                  [actor("gunmen", "PSE", "REB")])],
        # Jordan paired by text but coded wrong; the United States right
        "s2": [ev("AGREE", [actor("the United States", "USA"), actor("Jordan", "JAM")])],
    }
    r = plover_gsr.score(gold, preds)
    assert r.headline["actor_country"] == pytest.approx(2 / 3)
    assert r.headline["recipient_country"] == 1.0
    assert r.headline["sector"] == pytest.approx(1 / 2)  # COP wrong, REB (suffix dropped) right


def test_actor_figures_only_count_where_type_is_right():
    gold = plover_gsr.parse([
        rec("s1", "THREATEN", "Iran threatened Iraq.",
            source=[("Iran", "IRN", "GOV")], target=[("Iraq", "IRQ", None)]),
    ], MODES)
    r = plover_gsr.score(gold, {"s1": [ev("ACCUSE", [actor("Iran", "IRN", "GOV")])]})
    assert r.headline["type_recall"] == 0.0
    assert r.headline["actor_country"] is None and r.headline["sector"] is None


def test_unknown_codes_are_not_scored():
    assert split_code("***") == (None, [])
    gold = plover_gsr.parse([
        rec("s1", "PROTEST", "Protesters marched.", source=[("Protesters", "ISR", "***")]),
    ], MODES)
    r = plover_gsr.score(gold, {"s1": [ev("PROTEST", [actor("Protesters", "ISR", "CVL")])]})
    assert r.headline["sector"] is None and r.headline["actor_country"] == 1.0


def test_headline_line_names_the_figures():
    gold = plover_gsr.parse([rec("s1", "AGREE", "They agreed.")], MODES)
    line = plover_gsr.score(gold, {"s1": [ev("AGREE")]}).headline_line()
    assert line.startswith("plover_gsr: type recall 1.00 precision 1.00 mode n/a")
    assert line.endswith("(n=1)")


def test_plain_igo_gold_accepts_plover_igo_codes():
    gold = plover_gsr.parse([
        rec("s1", "AID", "The United Nations sent food.", source=[("United Nations", "IGO", None)]),
        rec("s2", "AID", "NATO sent tents.", source=[("NATO", "IGO", None)]),
    ], MODES)
    preds = {"s1": [ev("AID", [actor("the United Nations", "UNO")])],
             "s2": [ev("AID", [actor("NATO", "USA")])]}
    assert plover_gsr.score(gold, preds).headline["actor_country"] == 0.5


def test_disagreements_list_only_sentences_that_differ():
    gold = plover_gsr.parse([rec("s1", "AGREE", "They agreed."), rec("s2", "DEMAND", "They demanded.")],
                            MODES)
    r = plover_gsr.score(gold, {"s1": [ev("AGREE")], "s2": [ev("THREATEN")]})
    assert r.misses.rows == [["s2", "REQUEST", "THREATEN", "They demanded."]]
