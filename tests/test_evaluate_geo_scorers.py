"""The geoparsing and event-location scorers on a few gold records (needs ../shared)."""

from __future__ import annotations

import pytest

from tidings.evaluate import event_location, geoparsing
from tidings.evaluate.common import EvalError, gold_path


@pytest.fixture(scope="module")
def gold_dir(shared):
    return shared / "eval"


def test_km_is_great_circle_distance() -> None:
    assert geoparsing.km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)
    assert geoparsing.km(33.34, 44.40, 33.34, 44.40) == 0


def test_gold_readers_give_spans_that_match_the_text(gold_dir) -> None:
    lgl = geoparsing.read_lgl(gold_path("geoparsing", "lgl.xml"))
    gwn = geoparsing.read_gwn(gold_path("geoparsing", "GWN.xml"))
    assert len(lgl) == 588 and len(gwn) == 200
    spans = [(a.text[t.start:t.end], t.text) for a in lgl + gwn for t in a.toponyms]
    mismatched = [s for s in spans if s[0].lower() != s[1].lower()]
    assert len(mismatched) < 0.01 * len(spans)  # two GWN articles carry shifted offsets
    located = [t for a in lgl for t in a.toponyms if t.located]
    assert located and all(t.country for t in located[:50] if t.geonameid)


def test_article_paragraphs_keep_gold_offsets(gold_dir) -> None:
    g = geoparsing.read_gwn(gold_path("geoparsing", "GWN.xml"))[0]
    art = geoparsing.to_article(g)
    assert art.text == g.text
    assert all(g.text[p.start:p.end].strip() for p in art.paragraphs)


def test_geoparsing_score_on_a_few_articles(gold_dir) -> None:
    r = geoparsing.score("lgl", limit=3)
    assert r["articles"] == 3 and r["gold_toponyms"] > 0
    for key in ("acc161", "exact", "recall", "precision"):
        assert r[key] is None or 0.0 <= r[key] <= 1.0
    assert r["exact"] is None or r["exact"] <= r["acc161"] + 1e-9


def test_unknown_set_is_an_eval_error(gold_dir) -> None:
    with pytest.raises(EvalError):
        geoparsing.score("nonexistent", limit=1)


def test_event_location_reads_only_adjudicated_records(gold_dir) -> None:
    records = event_location.read_gold()
    assert 450 <= len(records) <= 496
    for r in records[:50]:
        s, e = r.verb
        assert r.text[s:e].strip()
        assert all(r.text[a:b].strip() for a, b in r.locations)


def test_event_location_score_on_a_few_records(gold_dir) -> None:
    r = event_location.score(limit=20)
    assert r["records"] == 20
    assert 0.0 <= r["accuracy"] <= 1.0
