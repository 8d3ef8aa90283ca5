"""The NGEC actor-resolution scorer: case expansion, operators, figures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tidings.evaluate.actor_resolution import CASES, parse_date, score
from tidings.resolve.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_parse_date_reads_ngec_forms():
    ref = dt.date(2022, 6, 1)
    assert parse_date("Today", ref) == "2022-06-01"
    assert parse_date("", ref) == "2022-06-01"
    assert parse_date("10 May 2015", ref) == "2015-05-10"
    assert parse_date("1 july 2021", ref) == "2021-07-01"
    assert parse_date("October 1, 2021", ref) == "2021-10-01"
    with pytest.raises(ValueError):
        parse_date("sometime", ref)


def test_score_counts_each_kind_of_expectation(tmp_path: Path, resolver):
    path = _write(tmp_path / "cases.jsonl", [
        {"test": "a", "calls": [{"method": "agent_to_code", "args": ["Iraqi lawmakers", "", "Today"]}],
         "expected": [{"lhs": "code['country']", "op": "Eq", "value": "IRQ"},
                      {"lhs": "code['code_1']", "op": "Eq", "value": "LEG"}]},
        {"test": "b", "calls": [{"method": "agent_to_code", "args": ["Iraqi lawmakers"]}],
         "expected": [{"lhs": "code['country']", "op": "Eq", "value": "IRN"},
                      {"lhs": "code['code_1']", "op": "Eq", "value": "LEG"}]},
        {"test": "c", "calls": [{"method": "short_text_to_agent", "args": ["<x>"]}],
         "expected": [{"lhs": "code['code_1']", "op": "Eq", "value": "COP"}],
         "parametrize": {"param": "x", "values": ["riot police", "puppies"]}},
        {"test": "d", "calls": [{"method": "trf_agent_match", "args": ["a cat named Frank"]}],
         "expected": [{"lhs": "code", "op": "Is", "value": None}]},
        {"test": "e", "calls": [{"method": "query_wiki", "args": ["Geneva"]}],
         "expected": [{"lhs": "wiki['title']", "op": "Eq", "value": "Geneva"}]},
    ])
    result = score(path, resolver)
    counts = result["counts"]
    assert (counts["country"], result["country_accuracy"]) == (2, 0.5)
    assert (counts["country_sector"], result["country_sector_accuracy"]) == (2, 0.5)
    assert (counts["sector"], result["sector_accuracy"]) == (4, 0.75)
    assert (counts["null"], result["null_accuracy"]) == (1, 1.0)
    assert counts["skipped"] == 1
    assert result["n"] == 5 and len(result["gold_sha256"]) == 64


def test_context_argument_fills_a_missing_country(tmp_path: Path, resolver):
    path = _write(tmp_path / "cases.jsonl", [
        {"test": "ctx", "calls": [{"method": "agent_to_code", "args": ["Defense Minister", "German"]}],
         "expected": [{"lhs": "code['country']", "op": "Eq", "value": "DEU"}]},
    ])
    assert score(path, resolver)["country_accuracy"] == 1.0


def test_shared_cases_hold_their_floor(shared, resolver):
    path = shared / CASES
    if not path.is_file():
        pytest.skip(f"{CASES} is absent from ../shared")
    result = score(path, resolver)
    assert result["counts"]["country"] > 300
    assert result["country_accuracy"] >= 0.85
    assert result["country_sector_accuracy"] >= 0.70
