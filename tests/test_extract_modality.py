"""Modality of a trigger: asserted, negated, hypothetical or future."""

from __future__ import annotations

import pytest

from tidings.extract.intent import is_refusal
from tidings.extract.modality import modality

pytestmark = pytest.mark.model


def token(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Troops attacked the village.", "attacked", "asserted"),
        ("Troops did not attack the village.", "attack", "negated"),
        ("Troops never attacked the village.", "attacked", "negated"),
        ("There were no plans to evacuate the embassy.", "evacuate", "negated"),
        ("The government refused to release the prisoners.", "release", "negated"),
        ("Iran denied attacking the tanker.", "attacking", "negated"),
        ("The rebels could attack the capital.", "attack", "hypothetical"),
        ("If talks fail, the army may attack.", "attack", "hypothetical"),
        ("Trump accused Iran of attacking the embassy.", "attacking", "hypothetical"),
        ("The army will attack at dawn.", "attack", "future"),
        ("The government plans to impose a curfew.", "impose", "future"),
        ("Iraq threatened to summon the ambassador.", "summon", "future"),
        ("France is ready to send troops.", "send", "future"),
    ],
)
def test_modality(nlp, text, word, expected):
    assert modality(token(nlp, text, word)) == expected


def test_refusal_is_a_negated_future(nlp):
    assert is_refusal(token(nlp, "Syria will not accept more refugees.", "accept"))
    assert not is_refusal(token(nlp, "Syria did not accept more refugees.", "accept"))
