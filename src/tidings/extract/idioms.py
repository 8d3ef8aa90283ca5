"""Context guards for trigger words: idioms, manners, questions and misparsed participles.

A dictionary word is an event only in its political sense. These guards hold
whatever dictionary is loaded (ours or a user's Phoenix file):
- idioms: "met the deadline / demand for coal / its fiscal rules" (no meeting);
- manners: "met with criticism", "spoke with sincerity" (no partner);
- a particle heading a phrase: "gave their answers *in* 100 hours" is not "give in"
  (but right after a verb with no object it is one: "cordoned *off* the roads");
- questions and claims: "asked by reporters whether ...", "insists it is
  committed" ask for nothing (a request needs an infinitive, "for"/"on" or a
  mandative that-clause);
- a participle the parser read as the main verb: "journalists *detained* last
  week were freed" (background, the freeing is the news).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.cues import word_set
from .modality import is_subjunctive

# Particles that end a phrasal verb with no object of their own ("give in", "back down").
ADVERBIAL_PARTICLES = {"in", "down", "up", "out", "off", "back", "over", "away"}


def particle_is_preposition(words: tuple[str, ...], around: dict[str, Token]) -> bool:
    """'gave their answers *in* 100 hours' is not 'give in': a final particle heading a phrase."""
    if not words or words[-1] not in ADVERBIAL_PARTICLES:
        return False
    tok = around[words[-1]]
    verb = tok.head
    if tok.i == verb.i + 1 and not any(c.dep_ == "dobj" for c in verb.children):
        return False  # "cordoned off the roads": right after an object-less verb it is the particle
    return tok.dep_ == "prep" and any(o.dep_ == "pobj" for o in tok.children)


# Word lists are data (data/lexicon/cues/idioms.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
# "met with success / criticism", "spoke with such sincerity": an idiom or a manner, not a meeting
NOT_PARTNERS = word_set("idioms", "not_partners")


# "met the deadline / the demand for coal / its targets": fulfilled, not a meeting
MET_REQUIREMENTS = word_set("idioms", "met_requirements")


def is_idiom(verb: Token) -> bool:
    """Idioms that look like an event verb in any dictionary: "met the deadline",
    "meet demand for coal", "met his death" (a requirement met, not a meeting).

    "meet demand" with no determiner or possessor is the market's demand; "met the
    protesters' demands" stays a concession (lexicon: meet + demands).
    """
    if verb.lemma_.lower() != "meet":
        return False
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if c.lemma_.lower() in MET_REQUIREMENTS:
            return True
        if c.lower_ == "demand" and not any(d.dep_ in ("det", "poss") for d in c.children):
            return True
    return False


# Verbs that are a request only when something is asked for ("asked Iran to release",
# "asked for aid", "insisted on a withdrawal", "insisted that the troops leave").
ASKED_OF = word_set("idioms", "asked_of_verbs")
DEMAND_AUX = {"must", "should", "to"}


def asks_for_something(verb: Token) -> bool:
    """Does the verb carry what is asked for: an infinitive, 'for'/'on', a mandative that-clause?"""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "on", "upon"):
            return True
        if c.dep_ in ("xcomp", "ccomp", "advcl"):
            if {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")} & DEMAND_AUX:
                return True
            if is_subjunctive(c):
                return True  # "insisted that he resign", "asked that he be bailed out"
    return False


def no_partner(verb: Token) -> bool:
    """'met with criticism', 'spoke with sincerity': the 'with' object is no party."""
    return any(
        o.lemma_.lower() in NOT_PARTNERS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in c.children
        if o.dep_ == "pobj"
    )


FINITE_BE_HAVE = {"was", "were", "is", "are", "has", "have", "had"}


def is_reduced_relative(verb: Token) -> bool:
    """A participle the parser took for the main verb: "The civilians *imprisoned* for
    acting against Moscow were released", "Two journalists *detained* last week were freed".

    The real main verb follows with its own "were/was", no subject and no comma
    between; the participle, with no object and no "by" agent, only describes its
    noun (background, as an agentless "accused of ..." is).
    """
    if verb.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if any(c.dep_ in ("dobj", "agent", "cc") for c in verb.children):
        return False
    doc = verb.doc
    return any(
        c.dep_ in ("conj", "ccomp")
        and c.i > verb.i
        and any(a.dep_ in ("aux", "auxpass") and a.lower_ in FINITE_BE_HAVE for a in c.children)
        and not any(a.dep_ in ("nsubj", "nsubjpass", "expl") for a in c.children)
        and not any(t.is_punct for t in doc[verb.i + 1 : c.i])  # "marched, were dispersed": two acts
        for c in verb.children
    )
