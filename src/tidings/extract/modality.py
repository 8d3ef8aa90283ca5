"""Is the act asserted, negated, hypothetical or future?

Read from the trigger and the verbs that govern it:
- negated: "did not / never / no longer attack", "no plans to evacuate",
  "refused / declined / failed to release", "denied attacking".
- hypothetical: "could / may / might / should", "if ... attacked", acts
  someone wants, seeks, considers, proposes or is accused of ("accused Iran
  of orchestrating the attack": the orchestrating is alleged, not reported).
- future: "will / shall / would", "plans / intends / is expected / is set /
  is going to", "is ready / prepared / willing to", "threatened / vowed /
  promised / agreed to X" (X is what was threatened or promised; the
  threatening or promising is itself the asserted event).

PLOVER codes stated intentions as events in their own right: a future
cooperative act is an AGREE ("Iraq will allow inspectors"), a future hostile
act a THREATEN ("Iran will retaliate"). `intent_entry` gives that recoding
when no other trigger already covers the statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import LexEntry
from ..ontology import Ontology
from .headline import headline_future

NEG_WORDS = {"not", "n't", "never", "no", "nor", "neither"}
HYPO_AUX = {"could", "may", "might", "should", "can", "ca", "must", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d"}
REFUSE = {"refuse", "decline", "fail", "reject", "deny", "avoid", "stop", "cease", "halt", "abandon"}
FUTURE_GOVERNORS = {
    "plan",
    "intend",
    "expect",
    "set",
    "go",
    "prepare",
    "threaten",
    "vow",
    "pledge",
    "promise",
    "agree",
    "offer",
    "schedule",
    "decide",
    "resolve",
    "announce",
    "warn",
    "swear",
    "commit",
    "want",
    "seek",
}
HYPO_GOVERNORS = {
    "try",
    "attempt",
    "consider",
    "propose",
    "hope",
    "wish",
    "urge",
    "ask",
    "aim",
    "demand",
    "call",
    "appeal",
    "press",
    "request",
    "discuss",
    "debate",
    "weigh",
    "mull",
    "need",
    "accuse",
    "blame",
    "allege",
    "suspect",
    "charge",
    "fear",
    "risk",
    "plot",
    "conspire",
}
INTENT_NOUNS = {"plan", "plans", "intention", "threat", "promise", "pledge", "offer"}
# "an appeal to lay down arms", "an invitation to attend": asked for, not done
WISH_NOUNS = {
    "appeal",
    "call",
    "calls",
    "demand",
    "demands",
    "request",
    "invitation",
    "proposal",
    "plea",
    "bid",
    "ultimatum",
    "order",
    "effort",
    "efforts",
    "push",
    "drive",
    "campaign",
    "initiative",
    "hope",
    "hopes",
}
REFUSE_NOUNS = {"refusal", "failure", "reluctance"}
# Verbs whose to-infinitive reports the act itself ("began to withdraw"); any
# other verb's to-infinitive is a purpose ("deployed Marines to reinforce").
ASPECTUAL = {
    "begin",
    "start",
    "continue",
    "resume",
    "manage",
    "help",
    "keep",
    "proceed",
    "go",
    "come",
    "be",
    "have",
    "get",
    "use",
    "move",
    "act",
    "vote",
    "choose",
    "opt",
    "rush",
    "hasten",
}
# "jailed for helping militants", "convicted of spying": the offence is alleged
PUNISH = {
    "jail",
    "arrest",
    "detain",
    "convict",
    "sentence",
    "charge",
    "indict",
    "punish",
    "prosecute",
    "fine",
    "execute",
    "sue",
    "imprison",
    "condemn",
    "criticize",
    "criticise",
    "denounce",
    "praise",
    "thank",
    "blame",
    "accuse",
    "investigate",
    "probe",
    "try",
}
READY_ADJ = {
    "ready",
    "prepared",
    "willing",
    "set",
    "poised",
    "determined",
    "likely",
    "due",
    "about",
    "expected",
    "eager",
}


def _local(tok: Token) -> str | None:
    """Markers on the token itself: negation, modal auxiliaries, 'if'."""
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (low in NEG_WORDS and c.dep_ in ("advmod", "det", "neg")):
            return "negated"
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lower_ in HYPO_AUX:
                return "hypothetical"
            if c.lower_ in FUTURE_AUX:
                return "future"
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest", "until"):
            return "hypothetical"
    # "held no talks", "took no action": negated object of a light verb
    for c in tok.children:
        if c.dep_ in ("dobj", "attr") and any(d.lower_ in ("no",) and d.dep_ == "det" for d in c.children):
            return "negated"
    return None


SCHEDULE = {"schedule", "set", "due", "expect", "go", "likely", "about", "expected"}
STATEMENT_VERBS = {
    "say",
    "announce",
    "declare",
    "confirm",
    "tell",
    "state",
    "insist",
    "pledge",
    "promise",
    "vow",
    "quote",
    "indicate",
    "signal",
    "write",
    "add",
    "reiterate",
    "assure",
    "warn",
    "offer",
    "decide",
}


def is_stated_intent(trigger: Token) -> bool:
    """Is a future act the actor's own stated intention (not the reporter's schedule)?

    "Iraq said it would allow", "Greece plans to impose", "is ready to host":
    yes. "Obama is scheduled to attend", "the leaders will meet on Friday" in
    plain narration: no, that is a forecast, not a statement by the actor.
    """
    if headline_future(trigger):
        return True
    tok = trigger
    for _ in range(4):
        if tok.dep_ in ("xcomp", "acomp") or (
            tok.dep_ == "advcl" and any(c.lower_ == "to" for c in tok.children)
        ):
            lemma = tok.head.lemma_.lower()
            if lemma in SCHEDULE or tok.head.lower_ in SCHEDULE:
                return False
            if lemma in FUTURE_GOVERNORS or lemma in READY_ADJ or tok.head.lower_ in READY_ADJ:
                return True
        if tok.head is tok:
            break
        tok = tok.head
    return any(t.lemma_.lower() in STATEMENT_VERBS and t.pos_ == "VERB" for t in trigger.sent)


def is_ultimatum(trigger: Token) -> bool:
    """'will withdraw its force from Chad unless the president arranges a ceasefire'."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        for c in trigger.children
    )


def is_refusal(trigger: Token) -> bool:
    """'will not accept', 'would not allow': a negated future is a refusal, not a non-event."""
    kids = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "neg")}
    return bool(kids & {"not", "n't", "never"}) and bool(kids & {"will", "wo", "would", "shall"})


def modality(trigger: Token) -> str:
    """The modality of the act the trigger names; see the module docstring."""
    if headline_future(trigger):
        return "future"
    local = _local(trigger)
    if local is not None:
        return local
    tok = trigger
    for _ in range(4):
        head, dep = tok.head, tok.dep_
        if head is tok:
            return "asserted"
        lemma = head.lemma_.lower()
        if dep in (
            "xcomp",
            "ccomp",
            "pcomp",
            "advcl",
            "acl",
            "relcl",
            "conj",
            "pobj",
            "dobj",
            "prep",
            "acomp",
        ):
            if dep == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless", "until") for c in tok.children
            ):
                return "hypothetical"
            if (
                dep == "advcl"
                and head.lemma_.lower() not in FUTURE_GOVERNORS | REFUSE
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            ):
                return "hypothetical"  # purpose: "met to discuss", "deployed to protect"
            if dep == "acl" and head.pos_ == "NOUN":
                dets = {c.lower_ for c in head.children if c.dep_ == "det"}
                if "no" in dets or _local(head.head) == "negated" and head.dep_ in ("dobj", "attr"):
                    return "negated"
                if head.lower_ in INTENT_NOUNS or head.lemma_ in INTENT_NOUNS:
                    return "future"
                if head.lower_ in WISH_NOUNS or head.lemma_ in WISH_NOUNS:
                    return "hypothetical"
                if head.lemma_ in REFUSE_NOUNS:
                    return "negated"
            if dep == "ccomp" and head.pos_ == "NOUN" and head.lemma_ in WISH_NOUNS:
                return "hypothetical"  # "its demand that Israel ease restrictions"
            if dep == "prep" and tok.lower_ in ("for", "of", "over") and lemma in PUNISH:
                return "hypothetical"
            if dep == "prep" and head.pos_ == "NOUN":  # "a proposal for signing", "plans for withdrawing"
                if head.lower_ in WISH_NOUNS or head.lemma_ in WISH_NOUNS:
                    return "hypothetical"
                if head.lower_ in INTENT_NOUNS or head.lemma_ in INTENT_NOUNS:
                    return "future"
            infinitive = dep == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)
            if dep in ("xcomp", "pcomp", "prep", "pobj", "ccomp", "acomp") or infinitive:
                if lemma in REFUSE:
                    return "negated" if dep != "ccomp" else "asserted"
                if lemma in FUTURE_GOVERNORS and (dep == "xcomp" or infinitive):
                    return "future"
                if lemma in HYPO_GOVERNORS:
                    return "hypothetical"  # "urged X to", "demanded that X provide", "alleged that"
                if lemma in READY_ADJ or head.lower_ in READY_ADJ:
                    return "future"
            if dep == "conj":
                tok = head
                continue
            if (
                dep == "xcomp"
                and head.pos_ == "VERB"
                and lemma not in ASPECTUAL
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                and any(c.dep_ == "dobj" for c in head.children)
            ):
                return "hypothetical"  # "deployed Marines to reinforce the embassy": purpose
            governed = _local(head)
            if governed in ("hypothetical", "future") and dep in ("xcomp", "ccomp"):
                return governed
            if governed == "negated" and dep == "xcomp":
                return "negated"
            if dep in ("xcomp", "prep", "pobj", "pcomp", "acomp"):
                tok = head
                continue
            if (
                dep == "ccomp"
                and lemma not in ASPECTUAL
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            ):
                return "hypothetical"  # "wants Putin to attack": an infinitive is not a report
        return "asserted"
    return "asserted"


COOPERATIVE_INTENT = {
    "CONSULT": "036",
    "AID": "033",
    "COOPERATE": "031",
    "RETREAT": "035",
    "CONCEDE": "035",
    "SUPPORT": "032",
    "AGREE": "030",
}
HOSTILE_INTENT = {"ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "PROTEST": "133"}
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
