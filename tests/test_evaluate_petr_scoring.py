"""petr2_gsr and petr_unittest scorers: triples, reciprocal compounds, root F1,
no-event sentences, exact-code production, on hand-built gold and predictions."""

from __future__ import annotations

import pytest

from tidings.evaluate import petr2_gsr, petr_unittest
from tidings.evaluate.common import PetrCoding, PetrSentence


def actor(country, sector=None, text="x"):
    return {"text": text, "name": text, "country": country, "sector": sector, "wikidata": None}


def ev(cameo, actors=(), recipients=()):
    return {"type": "X", "cameo": cameo, "actors": list(actors), "recipients": list(recipients),
            "modality": "asserted"}


def sent(id_, *codings, noevents=False):
    return PetrSentence(id=id_, text="t", codings=[PetrCoding(*c) for c in codings], noevents=noevents)


def test_triples_compare_root_and_country_part():
    gold = [sent("a", ("0841", "RUSGOV", "---CVL")), sent("b", ("112", "SYROPPHRI", "USA"))]
    preds = {
        "a": [ev("084", [actor("RUS", "GOV")], [actor(None, "CVL")])],  # same root, countries
        "b": [ev("111", [actor("SYR")], [actor("USA")])],  # same root 11, right actors
    }
    r = petr2_gsr.score(gold, preds)
    assert r.headline["root_actors_f1"] == 1.0 and r.headline["root_f1"] == 1.0


def test_igo_codes_keep_plover_igo_detail():
    assert petr2_gsr.gold_triples(sent("a", ("036", "IGOCOPITP", "---"))) == {("03", "IGO", None)}
    assert petr2_gsr.gold_triples(sent("b", ("043", "IGOUNOMIL", "IGOEUREEC"))) == {("04", "UNO", "EUR")}


def test_reciprocal_compound_expands_to_ordered_pairs():
    e = ev("031", [actor("BRA"), actor("USA")])
    assert petr2_gsr.event_triples(e) == {("03", "BRA", "USA"), ("03", "USA", "BRA")}
    one = ev("190", [actor("ISR")], [actor("PSE"), actor("PSE")])
    assert petr2_gsr.event_triples(one) == {("19", "ISR", "PSE")}


def test_f1_counts_wrong_actor_and_spurious_event():
    gold = [sent("a", ("190", "ISR", "PSE"), ("190", "ISR", "LBN")), sent("b", noevents=True)]
    preds = {"a": [ev("190", [actor("ISR")], [actor("PSE")])],
             "b": [ev("040", [actor("USA")], [actor("CHN")])]}
    r = petr2_gsr.score(gold, preds)
    # tp 1, fp 1 (sentence b), fn 1 -> P 0.5 R 0.5
    assert r.headline["root_actors_f1"] == pytest.approx(0.5)
    # roots: a {19} vs {19}; b {} vs {04} -> tp 1 fp 1 fn 0
    assert r.headline["root_f1"] == pytest.approx(2 * 0.5 * 1 / 1.5)
    assert r.headline["empty_kept"] == 0.0


def test_no_event_sentences_kept_empty_rate():
    gold = [sent("a", noevents=True), sent("b"), sent("c", ("040", "USA", "CHN"))]
    r = petr2_gsr.score(gold, {"a": [], "b": [ev("040", [actor("USA")])]})
    assert r.headline["empty_kept"] == 0.5  # b has no codings: counts as a no-event sentence
    assert r.n == 3


def test_unittest_requires_exact_code_and_sector():
    gold = [sent("a", ("064", "ARN", "GON")), sent("b", ("023", "BREGOV", "---")),
            sent("c", ("041", "OSGMIL", "GON"))]
    preds = {
        "a": [ev("064", [actor("ARN", "GOV")], [actor("GON")])],  # gold without sector: any
        "b": [ev("023", [actor("BRE", "GOV")])],  # "---": no recipient
        "c": [ev("040", [actor("OSG", "MIL")], [actor("GON")])],  # wrong leaf code
    }
    r = petr_unittest.score(gold, preds)
    assert r.headline["produced"] == pytest.approx(2 / 3)
    assert r.headline["root_countries"] == 1.0


def test_unittest_sector_mismatch_is_not_produced():
    gold = [sent("a", ("064", "BREGOV", "GON"))]
    r = petr_unittest.score(gold, {"a": [ev("064", [actor("BRE", "MIL")], [actor("GON")])]})
    assert r.headline["produced"] == 0.0


def test_unittest_missing_actor_only_matches_empty_code():
    assert petr_unittest.actor_matches("---", None)
    assert not petr_unittest.actor_matches("GON", None)
    assert not petr_unittest.actor_matches("---GOV", None)


def test_disagreements_name_missed_and_spurious_triples():
    gold = [sent("a", ("190", "ISR", "PSE")), sent("b", ("040", "USA", "CHN"))]
    preds = {"a": [ev("190", [actor("ISR")], [actor("LBN")])],
             "b": [ev("040", [actor("USA")], [actor("CHN")])]}
    r = petr2_gsr.score(gold, preds)
    assert [row[:3] for row in r.misses.rows] == [["a", "19:ISR>PSE", "19:ISR>LBN"]]
    u = petr_unittest.score(gold, preds)
    assert [row[:3] for row in u.misses.rows] == [["a", "190:ISR>PSE", "190:ISR>LBN"]]


def test_unittest_compound_actor_without_recipient_reads_as_reciprocal():
    gold = [sent("a", ("064", "GON", "OSG"), ("064", "OSG", "GON")), sent("b", ("064", "GON", "GON"))]
    both = ev("064", [actor("GON"), actor("OSG")])
    r = petr_unittest.score(gold, {"a": [both], "b": [both]})
    assert r.headline["produced"] == pytest.approx(2 / 3)  # never an actor paired with itself
    with_target = ev("064", [actor("GON"), actor("OSG")], [actor("ERI")])
    assert petr_unittest.score(gold[:1], {"a": [with_target]}).headline["produced"] == 0.0
