"""Phoenix patterns keep PETRARCH's word order, '_' adjacency, '%' compounds and multi-word verbs."""

from __future__ import annotations

from tidings.lexicon import PatternSlot
from tidings.lexicon.phoenix import read_phoenix_report
from tidings.ontology import load as load_ontology

SAMPLE = """\
&CURRENCY
+DOLLARS
+EUROS

--- AGREE [081] ---
AGREE
- * WITH % [031]
- % * [030:030]
- RECENTLY_* [025]
- HEAVILY UNJUSTLY * [123]
- * MEMOS_ON_&CURRENCY FROM [071]

--- BREAK [172] ---
BREAK
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
- * TREATY [161]

&BANS
+TOTAL BOYCOTT
+EMBARGO

--- EXCLUDE [1721] ---
WIRE_+TAP {WIRE_+TAPPED} [1711]
- * &BANS [163]
"""


def entries(tmp_path):
    path = tmp_path / "order.verbs.txt"
    path.write_text(SAMPLE)
    return [e for e in read_phoenix_report(path, load_ontology()).entries if e.kind == "pattern"]


def find(found, lemma, words, cameo):
    return next(e for e in found if e.lemma == lemma and e.words == words and e.cameo == cameo)


def test_percent_before_the_verb_needs_a_compound_subject(tmp_path):
    found = entries(tmp_path)
    both = find(found, "agree", (), "030")
    assert both.compound == "subject" and both.requires == () and both.paired == "030"
    with_ = find(found, "agree", (), "031")
    assert with_.compound == "object" and with_.after == (PatternSlot(frozenset({"with"}), compound=True),)


def test_underscore_makes_words_consecutive_and_order_is_kept(tmp_path):
    found = entries(tmp_path)
    assert find(found, "agree", (), "025").before == (PatternSlot(frozenset({"recently"}), tight=True),)
    loose = find(found, "agree", (), "123").before
    assert [s.words for s in loose] == [frozenset({"unjustly"}), frozenset({"heavily"})]  # nearest first
    assert not any(s.tight for s in loose)
    memos = find(found, "agree", (), "071").after
    assert [s.tight for s in memos] == [False, True, True, False]
    assert memos[2].words == frozenset({"dollars", "euros"})


def test_patterns_of_a_multi_word_verb_keep_its_particle(tmp_path):
    found = entries(tmp_path)
    assert find(found, "break", ("down",), "161").after == (PatternSlot(frozenset({"treaty"})),)
    assert find(found, "break", (), "161").words == ()


def test_synset_phrases_are_kept_whole(tmp_path):
    assert find(entries(tmp_path), "tap", (), "163").requires == (
        frozenset({"wire"}),
        frozenset({"total boycott", "embargo"}),
    )


def test_a_plus_inside_a_verb_marks_its_head(tmp_path):
    tap = find(entries(tmp_path), "tap", (), "1711")
    assert tap.pattern == "wire tap" and tap.before == (PatternSlot(frozenset({"wire"}), tight=True),)
