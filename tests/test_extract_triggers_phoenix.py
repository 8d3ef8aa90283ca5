"""Phoenix patterns matched on a parse: order, adjacency, compounds, multi-word verbs (extract/triggers.py)."""

from __future__ import annotations

import pytest

from tidings import lexicon
from tidings.extract.triggers import find_triggers

pytestmark = pytest.mark.model

VERBS = """\
--- AGREE [081] ---
AGREE
- % * [030:030]
- RECENTLY_* [025]

--- BREAK [172] ---
BREAK
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN}
- * TREATY [161]

--- WARN [160] ---
WARN

&SANCTIONS
+TOTAL BOYCOTT
+EMBARGO

--- CALL [---] ---
CALL
- * FOR &SANCTIONS [172]
- * FOR [096]

--- EXCLUDE [1721] ---
+CORDON_OFF {+CORDONS_OFF +CORDONED_OFF}
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPS} [1711]
"""


@pytest.fixture(scope="session")
def lex(tmp_path_factory):
    path = tmp_path_factory.mktemp("phoenix") / "test.verbs.txt"
    path.write_text(VERBS)
    return lexicon.load(extra=[path], replace=True)


def codes(nlp, lex, text):
    return [(t.head.lemma_, t.entry.cameo) for s in nlp(text).sents for t in find_triggers(s, lex)]


def test_compound_subject_pattern_needs_two_parties(nlp, lex):
    assert codes(nlp, lex, "Brazil and Chile agree that the border should be reopened.") == [("agree", "030")]
    assert codes(nlp, lex, "Brazil agrees that the border should be reopened.") == [("agree", "081")]


def test_underscore_word_must_touch_the_verb(nlp, lex):
    assert codes(nlp, lex, "Peru recently agreed to the plan.") == [("agree", "025")]
    assert codes(nlp, lex, "Peru recently did agree to the plan.") == [("agree", "081")]


def test_words_after_the_verb_must_follow_it(nlp, lex):
    assert codes(nlp, lex, "Peru broke the treaty.") == [("break", "161")]
    assert ("break", "161") not in codes(nlp, lex, "The treaty that Peru broke was old.")


def test_pattern_of_a_phrasal_verb_beats_its_bare_code(nlp, lex):
    (trig,) = [t for s in nlp("Peru broke down the treaty.").sents for t in find_triggers(s, lex)]
    assert trig.entry.cameo == "161" and trig.span.text == "broke down"
    assert codes(nlp, lex, "Talks with Peru broke down.") == [("break", "172")]


def test_warned_of_codes_only_for_a_party(nlp, lex):
    assert codes(nlp, lex, "The president warned of Russia.") == [("warn", "160")]
    assert codes(nlp, lex, "The president warned of a disaster.") == []


def test_synset_phrase_needs_all_its_words(nlp, lex):
    assert codes(nlp, lex, "The union called for a total boycott of the firm.") == [("call", "172")]
    assert codes(nlp, lex, "The union called for a boycott of the firm.") == [("call", "096")]
    assert codes(nlp, lex, "The union called for an embargo.") == [("call", "172")]


def test_particle_right_after_an_objectless_verb_is_a_particle(nlp, lex):
    found = [t.entry for s in nlp("Police cordoned off the roads.").sents for t in find_triggers(s, lex)]
    assert [(e.pattern, e.cameo) for e in found] == [("cordon off", "1721")]


def test_fixed_word_before_the_head_verb(nlp, lex):
    assert codes(nlp, lex, "Agents wire tapped the phones of the minister.") == [("tap", "1711")]
    assert codes(nlp, lex, "Agents tapped the phones of the minister.") == []
