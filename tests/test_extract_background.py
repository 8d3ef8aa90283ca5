"""Background clauses describe participants or date an event; they give no event (extract/background.py)."""

from __future__ import annotations

import pytest

from tidings.extract.background import is_background

pytestmark = pytest.mark.model


def verb(nlp, text, word):
    return next(t for t in nlp(text) if t.lower_ == word)


def test_perfect_relative_clause_describes_the_group(nlp):
    tok = verb(
        nlp,
        "Jets struck the militant group that has seized parts of Iraq and Syria.",
        "seized",
    )
    assert is_background(tok)


def test_dated_relative_clause_is_still_an_event(nlp):
    tok = verb(
        nlp, "Police arrested rebels who attacked the town on Monday.", "attacked"
    )
    assert not is_background(tok)


def test_dated_earlier_event_still_codes(nlp):
    text = "UN troops withdrew on Monday, two weeks after rebels kidnapped dozens of peacekeepers."
    assert not is_background(verb(nlp, text, "kidnapped"))


def test_perfect_main_clause_is_an_event(nlp):
    assert not is_background(verb(nlp, "Rebels have seized the airport.", "seized"))


def test_running_period_does_not_date_a_perfect_clause(nlp):
    text = "Serbia lifted a curfew in Montenegro where 28 people have been killed this year."
    assert is_background(verb(nlp, text, "killed"))


def test_event_noun_in_a_background_clause_is_background(nlp):
    text = "Serbia lifted a curfew in Montenegro where 28 people have been killed in ethnic riots this year."
    assert is_background(verb(nlp, text, "riots"))


def test_dated_perfect_clause_still_codes(nlp):
    text = "Police arrested rebels who have attacked the town on Monday."
    assert not is_background(verb(nlp, text, "attacked"))
