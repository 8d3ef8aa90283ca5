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
  week were freed" (background, the freeing is the news), or as a clause of its
  own ("the statement *released* hours after ..."), and a noun read as a verb
  ("the Oval Office *clash* between ...");
- no one to meet: "he would not discuss reports" (one party discussing a topic);
- no answer to a reporter: "declined to comment", "refused to answer questions";
- force in figure: "the law *targeted* gaming addictions", "the law *banning* hunting",
  "sexism *prevents* women ...";
- a reaction by some means: "retaliated *by announcing* tariffs" (the means is the event);
- wishes and views: "we want Michael *to be* accessible" (a state wished for, no request),
  "agreed with officials' *concerns*" (a shared view, no agreement), "promised that the
  commission *would not be* a talking shop" (an assurance about a state, no act promised).
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


# Verbs that are a meeting only with a partner or among several parties:
# "the ministers discussed trade", "discussed trade with Iran", not "he would not discuss reports".
PARTNER_VERBS = word_set("idioms", "partner_verbs")
SEVERAL = {"we", "they", "both", "all"}


def lacks_partner(verb: Token) -> bool:
    """A partner verb ("discuss") with no "with" partner and one party as its subject."""
    if verb.lemma_.lower() not in PARTNER_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(
        c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
        for node in (verb, *objects)
        for c in node.children
    ):
        return False  # "discussed trade with Iran" (the parser may hang "with" on the topic)
    subject = _subject(verb)
    if subject is None:
        return False  # "discussions ... discussing trade": who is unclear, leave it
    several = (
        subject.tag_ in ("NNS", "NNPS")
        or subject.lower_ in SEVERAL
        or any(c.dep_ == "conj" or c.dep_ == "nummod" for c in subject.children)
        or any(c.dep_ == "appos" and c.tag_ in ("NNS", "NNPS") for c in subject.children)
    )
    return not several


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or its governor's for an infinitive or a shared clause."""
    node = verb
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if node.dep_ not in ("xcomp", "conj", "advcl") or node.head.i == node.i:
            return None
        node = node.head
    return None


# What a refusal to speak refuses: "declined comment", "declined to respond to questions".
DECLINE_VERBS = word_set("idioms", "decline_verbs")
COMMENT_NOUNS = word_set("idioms", "comment_nouns")
COMMENT_VERBS = word_set("idioms", "comment_verbs")


def declines_comment(verb: Token) -> bool:
    """'declined comment', 'refused to answer questions', 'declined to be identified': a
    source not speaking to the press (CAMEO 01x, no PLOVER event), not a rejection.
    "refused to respond to a demand" answers a party: that stays a rejection."""
    if verb.lemma_.lower() not in DECLINE_VERBS:
        return False
    return any(
        (c.dep_ == "dobj" and c.lemma_.lower() in COMMENT_NOUNS)
        or (c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_VERBS and not _answers_something(c))
        for c in verb.children
    )


def _answers_something(verb: Token) -> bool:
    """'respond to a demand', 'answer the charges': the speech verb has an object other
    than the press's questions."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"
    ]
    return any(o.lemma_.lower() not in COMMENT_NOUNS for o in objects)


# Subjects that are a measure, a text or a circumstance: with a verb of force it is a figure.
IMPERSONAL_SUBJECTS = word_set("idioms", "impersonal_subjects")


def figurative_force(verb: Token) -> bool:
    """'the law targeted gaming addictions', 'the law banning hunting with dogs', 'sexism
    prevents women ...', 'raising the threshold would prevent buyers from paying': what a
    measure or a circumstance does, not force used by a party (a measure's passing codes
    on its own)."""
    if any(c.dep_ == "csubj" for c in verb.children):
        return True  # "raising the threshold would prevent ...": an act as the subject
    doer = _subject(verb)  # "sexism limits opportunities and prevents women ...": shared
    if doer is not None and doer.dep_ == "nsubjpass":
        doer = None  # "was prevented by X": the passive subject is no doer
    if doer is None and verb.dep_ == "acl" and verb.tag_ == "VBG":
        doer = verb.head  # "the law banning hunting"
    return doer is not None and doer.lemma_.lower() in IMPERSONAL_SUBJECTS


# Verbs of reacting whose "by"-gerund names the act: "retaliated by announcing tariffs".
MEANS_VERBS = word_set("idioms", "means_verbs")


def means_given(verb: Token) -> bool:
    """A reaction with its means ("retaliated by imposing tariffs"): the means is the event."""
    return verb.lemma_.lower() in MEANS_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "by" and any(o.dep_ == "pcomp" for o in c.children)
        for c in verb.children
    )


# Verbs of wishing and the states a wish may be for: "we want Michael to be accessible",
# "wants young people to feel they belong" ask no one for an act.
WISH_VERBS = word_set("idioms", "wish_verbs")
STATE_VERBS = word_set("idioms", "state_verbs")


def wishes_a_state(verb: Token) -> bool:
    """'want X to be / feel / know ...': a state wished for, not an act requested."""
    return verb.lemma_.lower() in WISH_VERBS and any(
        c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in STATE_VERBS for c in verb.children
    )


# Nouns of a view: agreeing *with* one shares an opinion ("agreed with officials' concerns").
VIEW_NOUNS = word_set("idioms", "view_nouns")


def agrees_with_view(verb: Token) -> bool:
    """'agreed with the assessment / officials' concerns': an opinion shared, no agreement."""
    return verb.lemma_.lower() == "agree" and any(
        o.lemma_.lower() in VIEW_NOUNS or o.lower_ in VIEW_NOUNS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in c.children
        if o.dep_ == "pobj"
    )


# Verbs of assuring: with a state as content ("would not be a talking shop") they promise no act.
ASSURANCE_VERBS = word_set("idioms", "assurance_verbs")


def assures_a_state(verb: Token) -> bool:
    """'promised that the commission would not just be a talking shop': the content is a
    copula with a predicate, a state of affairs, not an act the promiser will do."""
    if verb.lemma_.lower() not in ASSURANCE_VERBS:
        return False
    contents = [c for c in verb.children if c.dep_ == "ccomp"]
    return bool(contents) and all(
        c.lemma_ == "be" and any(d.dep_ in ("attr", "acomp") for d in c.children) for c in contents
    )


# Roles only a noun fills: a base-form "verb" there is a noun the tagger misread
# ("following the Oval Office clash between Trump and Zelenskyy": "clash" as a verb).
NOUN_ROLES = {"dobj", "pobj"}
CLAUSE_MARKERS = {"aux", "auxpass", "nsubj", "nsubjpass", "mark"}


def noun_misread(tok: Token) -> bool:
    """A base form with no subject, auxiliary or "to" cannot head a clause of its own: in a
    noun's role, or after a noun as a stray clause ("the Oval Office clash between ..."),
    it is a noun. ("to meet and discuss": a conjunct of a base form shares its "to".)"""
    if tok.tag_ not in ("VB", "VBP") or any(c.dep_ in CLAUSE_MARKERS for c in tok.children):
        return False
    if tok.dep_ in NOUN_ROLES:
        return True
    after_noun = tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("NOUN", "PROPN")
    stray = tok.dep_ == "advcl" or tok.dep_ == "conj" and tok.head.tag_ not in ("VB", "VBP")
    return after_noun and stray


def reduced_relative_object(verb: Token) -> Token | None:
    """'In the statement released hours after the attack, ...' parsed with "released" as a
    clause of its own: a subjectless past participle right after a noun describes that noun."""
    if verb.tag_ != "VBN" or verb.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    return prev if prev.pos_ == "NOUN" and prev.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") else None
