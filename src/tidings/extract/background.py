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
A relative clause in the simple present with no date describes its noun the
same way: "Mr Kennedy, whose party opposes the ID cards plan", "Addaction,
which she supports" say who a party is or where it stands, not what it did.

A stated position held as a habit is no event either: "the Taliban routinely
deny providing sanctuary", "licensees who persistently refuse to comply",
"Iran has denied for years". A frequency adverb or a long running duration
says how a party speaks, not what it said on a day (`is_habitual`, applied by
`triggers` to verbal acts only: "soldiers routinely beat detainees" reports
abuse, and "repeatedly called on China" still codes).
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
# Adverbs of habit: "routinely deny", "persistently refuse".
HABITUAL = word_set("background", "habitual_words")
# Adjectives of habit on an event noun: "has regular meetings with them".
HABITUAL_ADJ = word_set("background", "habitual_adjectives")
# Units of a running duration: "has denied for years".
DURATION_UNITS = word_set("background", "duration_units")
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
    """Is `verb` (or the event noun's verb) a relative clause in the present perfect or
    the simple present with no date ("a group that has seized ...", "where 28 have been
    killed this year", "whose party opposes the plan")?"""
    verb = _clause_verb(verb)
    if verb.dep_ != "relcl" or _has_date(verb):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & PERFECT) or _simple_present(verb, aux)


def _simple_present(verb: Token, aux: set[str]) -> bool:
    """'whose party opposes the plan', 'which she supports': a present verb, no auxiliary."""
    return verb.tag_ in ("VBZ", "VBP") and not aux


def is_habitual(verb: Token, noun: Token | None = None) -> bool:
    """Is the act a habit, not an event: a frequency adverb on the verb ("routinely deny"),
    a frequency adjective on its event noun ("has regular meetings") or a perfect with a
    running duration ("has denied for years")?"""
    verb = _clause_verb(verb)
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children):
        return True
    if noun is not None and any(c.dep_ == "amod" and c.lower_ in HABITUAL_ADJ for c in noun.children):
        return True
    perfect = any(c.dep_ == "aux" and c.lower_ in PERFECT for c in verb.children)
    return perfect and any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(o.dep_ == "pobj" and o.lower_ in DURATION_UNITS for o in c.children)
        for c in verb.children
    )
