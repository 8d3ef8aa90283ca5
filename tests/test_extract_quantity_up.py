"""'up to 16' is a quantity, not the particle of a phrasal verb (words.quantity_up)."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses
from tidings.extract.words import quantity_up

pytestmark = pytest.mark.model


def test_up_to_a_number_names_the_counted_noun(nlp):
    doc = nlp("Rebels have kidnapped up to 16 Russian advisers.")
    up = next(t for t in doc if t.lower_ == "up")
    found = quantity_up(up)
    assert found is not None and found.lower_ == "advisers"


def test_a_real_particle_is_kept(nlp):
    doc = nlp("The rebels blew up the bridge.")
    up = next(t for t in doc if t.lower_ == "up")
    assert quantity_up(up) is None


def test_verb_with_up_to_count_still_triggers(nlp, lex):
    sent = next(iter(nlp("Afghan rebels have kidnapped up to 16 Russian civilian advisers.").sents))
    found = [c for c in find_clauses(sent, lex) if c.trigger.root.lemma_ == "kidnap"]
    assert found and any("advisers" in p.text for p in found[0].patients)
