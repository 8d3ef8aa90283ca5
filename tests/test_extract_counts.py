"""Reading counts: number words, bounds, vague plurals, and who died or was hurt."""

from __future__ import annotations

import pytest

from tidings.extract.counts import parse_number, sentence_counts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("25", 25),
        ("at least 25", 25),
        ("more than 100", 100),
        ("1,200", 1200),
        ("two dozen", 24),
        ("a dozen", 12),
        ("dozens", 24),
        ("hundreds", 200),
        ("thousands of", 2000),
        ("tens of thousands", 20000),
        ("3.5 million", 3_500_000),
        ("two hundred and fifty", 250),
        ("twenty-five", 25),
        ("Sixty-two", 62),
        ("an", 1),
        ("nearly 40", 40),
        ("up to 16", 16),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["several", "many", "some people", "", "the"])
def test_vague_words_give_none(text):
    assert parse_number(text) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Airstrikes killed at least 25 fighters in western Iraq.", {("fatalities", 25)}),
        ("Sixty-two people were wounded in the clashes.", {("injuries", 62)}),
        (
            "Gunmen opened fire, killing two dozen passengers and wounding 40.",
            {("fatalities", 24), ("injuries", 40)},
        ),
        ("The blast left 12 dead.", {("fatalities", 12)}),
        ("Police arrested 100 protesters.", set()),
    ],
)
def test_sentence_counts(nlp, sentence, expected):
    sent = next(nlp(sentence).sents)
    assert {(k, v) for k, v, _ in sentence_counts(sent)} == expected
