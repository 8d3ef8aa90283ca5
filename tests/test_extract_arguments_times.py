"""`arguments.times` finds a sentence's dates once and answers as the plain definition does."""

from __future__ import annotations

import pytest

from tidings.extract import arguments as args

pytestmark = pytest.mark.model


def reference(trigger, sent):
    """The definition: DATE/TIME entities under the trigger first, then the sentence's others."""
    sub = {t.i for t in trigger.subtree}
    ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    near = [e for e in ents if e.root.i in sub]
    return near + [e for e in ents if e not in near]


TEXT = (
    "On Monday, Gondor said its troops had attacked Mordor late on Sunday night. "
    "The talks resumed on 3 March after a pause of two weeks, officials said on Tuesday. "
    "Nobody was hurt."
)


def test_times_match_the_definition_for_every_token(nlp):
    doc = nlp(TEXT)
    for sent in doc.sents:
        for tok in sent:
            got = [(s.start, s.end, s.label_) for s in args.times(tok, sent)]
            want = [(s.start, s.end, s.label_) for s in reference(tok, sent)]
            assert got == want, tok.text


def test_sentence_entities_are_computed_once(nlp):
    doc = nlp(TEXT)
    sent = next(iter(doc.sents))
    args.times(sent.root, sent)
    cached = doc.user_data[args.TIMES_KEY][(sent.start, sent.end)]
    assert cached and all(isinstance(v, int) for item in cached for v in (item[0], item[1], item[3]))
    args.times(sent[0], sent)
    assert doc.user_data[args.TIMES_KEY][(sent.start, sent.end)] is cached


def test_sentence_without_dates_has_no_times(nlp):
    doc = nlp("Nobody was hurt.")
    sent = next(iter(doc.sents))
    assert args.times(sent.root, sent) == []
