"""Stated intentions and refusals: when a future or refused act is itself an event.

PLOVER codes stated intentions as events in their own right: a future
cooperative act is an AGREE ("Iraq will allow inspectors"), a future hostile
act a THREATEN ("Iran will retaliate"), a refused cooperative act a REJECT
("Syria will not accept refugees"). A forecast by the reporter ("the leaders
will meet on Friday", "Obama is scheduled to attend") is no statement by the
actor and stays a future act; a document or measure ("a plan that will not
allow candidates", "the new system will allow users") states nothing.
`intent_entry` and `refusal_entry` give the recoding when no other trigger
already covers the statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import LexEntry
from ..lexicon.cues import code_map, word_set
from ..ontology import Ontology
from .arguments import SPEECH_VERBS
from .headline import headline_future
from .modality import FUTURE_GOVERNORS, READY_ADJ

# Word lists are data (data/lexicon/cues/intent.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
SCHEDULE = word_set("intent", "schedule_words")
# A stated intent is reported by a speech verb or made by a commitment verb
# ("pledged to ..."); reports of facts ("admitted", "claimed") state no intent.
STATEMENT_VERBS = (SPEECH_VERBS - word_set("intent", "fact_report_verbs")) | word_set("intent", "commitment_verbs")


# Granting is a decision of the granter: "X will allow / permit" is X's own commitment.
PERMISSION_VERBS = word_set("intent", "permission_verbs")


# Common nouns that name a party able to grant or refuse ("the government will allow").
PARTY_NOUNS = word_set("intent", "party_nouns")


def _is_party(tok: Token) -> bool:
    """A name or an institution, not a thing ("the new system will allow users ...")."""
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
        or tok.lemma_.lower() in PARTY_NOUNS
    )


def is_stated_intent(trigger: Token) -> bool:
    """Is a future act the actor's own stated intention (not the reporter's schedule)?

    "Iraq said it would allow", "Greece plans to impose", "is ready to host",
    "Turkey will allow refugees to return" (a permission is the granter's decision):
    yes. "Obama is scheduled to attend", "the leaders will meet on Friday" in
    plain narration: no, that is a forecast, not a statement by the actor.
    """
    if headline_future(trigger):
        return True
    if trigger.lemma_.lower() in PERMISSION_VERBS:
        if any(c.dep_ == "nsubj" and _is_party(c) for c in trigger.children):
            return True  # "Turkey will allow refugees to return": only Turkey can say so
        if _subject_is_thing(trigger) or any(
            c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in trigger.children
        ):
            return False  # "the project will allow others to learn", "a manner that would allow"
    tok = trigger
    for _ in range(4):
        if tok.dep_ in ("xcomp", "acomp") or (
            tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children)
        ):
            lemma = tok.head.lemma_.lower()
            if lemma in SCHEDULE or tok.head.lower_ in SCHEDULE:
                return False
            to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            if tok.dep_ == "xcomp" and lemma == "be" and to_infinitive:
                return False  # "the minister is to visit Cairo": the reporter's timetable
            if lemma in FUTURE_GOVERNORS or lemma in READY_ADJ or tok.head.lower_ in READY_ADJ:
                return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return any(t.lemma_.lower() in STATEMENT_VERBS and t.pos_ == "VERB" for t in trigger.sent)


def is_ultimatum(trigger: Token) -> bool:
    """'will withdraw its force from Chad unless the president arranges a ceasefire'."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in trigger.children
    )


# Documents and measures: "a plan that will not allow candidates" describes the plan, refuses nothing.
THING_SUBJECTS = word_set("intent", "thing_subjects")


def _subject_is_thing(verb: Token) -> bool:
    """Is the verb's subject (or a relative pronoun's antecedent) a document or measure?"""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            subj = verb.head if c.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" else c
            return subj.lemma_.lower() in THING_SUBJECTS
    return False


def is_refusal(trigger: Token) -> bool:
    """'will not accept', 'would not allow': a negated future is a refusal, not a non-event.

    Only a party refuses: "a plan that will not allow candidates" describes the plan.
    """
    kids = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "neg")}
    return (
        bool(kids & {"not", "n't", "never"})
        and bool(kids & {"will", "wo", "would", "shall"})
        and not _subject_is_thing(trigger)
    )


COOPERATIVE_INTENT = code_map("intent", "cooperative_intent")
HOSTILE_INTENT = code_map("intent", "hostile_intent")
# An announced deployment is itself a show of force (CAMEO 150): kept as MOBILIZE.
SHOW_OF_FORCE = {"MOBILIZE"}


def refusal_entry(entry: LexEntry) -> LexEntry | None:
    """A refused cooperative act is a REJECT ('Syria will not accept refugees')."""
    if entry.type not in COOPERATIVE_INTENT:
        return None
    return LexEntry(
        lemma=entry.lemma,
        pattern=entry.pattern,
        type="REJECT",
        mode=None,
        cameo="120",
        kind=entry.kind,
        words=entry.words,
        targets=entry.targets,
        confidence=max(0.05, entry.confidence - 0.15),
        source=entry.source,
    )


def intent_entry(entry: LexEntry, onto: Ontology) -> LexEntry | None:
    """The AGREE / THREATEN coding of a stated future act (None: not recoded)."""
    if entry.type in SHOW_OF_FORCE:
        return entry
    code = COOPERATIVE_INTENT.get(entry.type) or HOSTILE_INTENT.get(entry.type)
    if code is None:
        return None
    cameo = onto.cameo(code)
    return LexEntry(
        lemma=entry.lemma,
        pattern=entry.pattern,
        type=cameo.plover_type or "AGREE",
        mode=cameo.plover_mode,
        cameo=code,
        contexts=entry.contexts,
        kind=entry.kind,
        words=entry.words,
        targets=entry.targets,
        confidence=max(0.05, entry.confidence - 0.15),
        source=entry.source,
    )
