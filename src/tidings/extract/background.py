"""Background clauses: descriptions of a participant, not reported events.

"the militant group that has seized parts of Iraq" describes who the group
is: a relative clause in the present perfect with no date of its own recalls
the group's history to identify it. A news editor codes the event the
sentence reports, not that history. A dated relative clause ("rebels who
attacked the town on Monday") and an earlier event used to date another
("a day after protesters stormed the parliament") still code: they say when
something happened.

A running period that reaches the present ("this year", "so far", "since
March", "in recent months") dates nothing: "Montenegro, where 28 people have
been killed in ethnic riots this year" is a tally that describes the place.
An event noun inside such a clause ("killed in *riots*") is background with it.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.cues import word_set
from .arguments import is_time

PERFECT = {"has", "have", "'ve", "'s"}
# Word lists are data (data/lexicon/cues/background.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
# Words that make a time expression a period running up to now, not a date.
RUNNING = word_set("background", "running_period_words")
# "killed in the riots": the event noun's clause is the verb's
NOUN_CLAUSE_PREPS = {"in", "during", "by", "from"}


def _dates(verb: Token) -> list[Token]:
    return [
        c
        for c in verb.subtree
        if c.i != verb.i and (c.ent_type_ in ("DATE", "TIME") or is_time(c))
    ]


def _has_date(verb: Token) -> bool:
    """A time that dates the act; a running period ("this year", "since March") does not."""
    times = _dates(verb)
    if not times:
        return False
    words = (
        {t.lower_ for t in times}
        | {t.head.lower_ for t in times if t.head.dep_ == "prep"}
        | {c.lower_ for t in times for c in t.children}
    )
    return not words & RUNNING


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause an event noun sits in ("killed in the riots" -> killed)."""
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ == "pobj"
        and tok.head.lower_ in NOUN_CLAUSE_PREPS
    ):
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX"):
            return verb
    return tok


def is_background(verb: Token) -> bool:
    """Is `verb` (or the event noun's verb) a relative clause in the present perfect
    with no date ("a group that has seized ...", "where 28 have been killed this year")?"""
    verb = _clause_verb(verb)
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.dep_ == "relcl" and bool(aux & PERFECT) and not _has_date(verb)
