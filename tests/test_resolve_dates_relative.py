"""Every news-relative date expression tidings resolves, against a fixed dateline.

Publication date: Tuesday 31 December 2019 (the wire-story example).
"""

from __future__ import annotations

import pytest

from tidings.resolve.dates import (
    ResolvedDate,
    find_date_expressions,
    offset_days,
    resolve,
    shift,
)

PUB = "2019-12-31"  # a Tuesday


@pytest.mark.parametrize(
    ("expr", "date", "precision"),
    [
        ("Tuesday", "2019-12-31", "day"),  # the same day counts
        ("Monday", "2019-12-30", "day"),
        ("Wednesday", "2019-12-25", "day"),
        ("late Tuesday", "2019-12-31", "day"),
        ("on Tuesday night", "2019-12-31", "day"),
        ("Sunday morning", "2019-12-29", "day"),
        ("last Tuesday", "2019-12-24", "day"),
        ("yesterday", "2019-12-30", "day"),
        ("today", "2019-12-31", "day"),
        ("tonight", "2019-12-31", "day"),
        ("last night", "2019-12-30", "day"),
        ("the weekend", "2019-12-28", "week"),
        ("weekend", "2019-12-28", "week"),
        ("last week", "2019-12-23", "week"),
        ("last month", "2019-11-01", "month"),
        ("earlier this month", "2019-12-01", "month"),
        ("this year", "2019-01-01", "year"),
        ("Dec. 31", "2019-12-31", "day"),
        ("December 29", "2019-12-29", "day"),
        ("31 December 2019", "2019-12-31", "day"),
        ("2019-12-31", "2019-12-31", "day"),
        ("December 2019", "2019-12-01", "month"),
        ("two days ago", "2019-12-29", "day"),
        ("3 days earlier", "2019-12-28", "day"),
        ("12/30/2019", "2019-12-30", "day"),
    ],
)
def test_resolve_expression(expr: str, date: str, precision: str) -> None:
    assert resolve(expr, PUB) == ResolvedDate(date, precision)


def test_date_without_year_in_early_january_is_last_year() -> None:
    assert resolve("Dec. 29", "2020-01-02") == ResolvedDate("2019-12-29", "day")


def test_weekend_on_a_sunday_is_the_weekend_in_progress() -> None:
    assert resolve("the weekend", "2019-12-29").date == "2019-12-28"


@pytest.mark.parametrize("expr", ["the 1990s", "decades", "soon", "the day before", ""])
def test_unsure_expressions_give_none(expr: str) -> None:
    assert resolve(expr, PUB) is None


def test_relative_expressions_need_a_publication_date() -> None:
    assert resolve("Tuesday", None) is None
    assert resolve("31 December 2019", None) == ResolvedDate("2019-12-31", "day")


def test_anchor_offsets_and_shift() -> None:
    assert offset_days("two days after US airstrikes") == 2
    assert offset_days("the day before the march") == -1
    assert offset_days("a week earlier") == -7
    assert offset_days("in the morning") is None
    assert shift(ResolvedDate("2019-12-31", "day"), -2) == ResolvedDate("2019-12-29", "day")


def test_find_date_expressions_in_a_sentence(nlp) -> None:
    doc = nlp("Protesters stormed the embassy late Tuesday after weekend air strikes killed 25.")
    texts = [s.text for s in find_date_expressions(next(doc.sents))]
    assert "late Tuesday" in texts
    assert any("weekend" in t for t in texts)
    resolved = {t: resolve(t, PUB) for t in texts}
    assert resolved["late Tuesday"] == ResolvedDate("2019-12-31", "day")
