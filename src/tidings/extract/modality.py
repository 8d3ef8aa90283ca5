"""Is the act asserted, negated, hypothetical or future?

Read from the trigger and the verbs that govern it:
- negated: "did not / never / no longer attack", "no plans to evacuate",
  "refused / declined / failed to release", "denied attacking".
- hypothetical: "could / may / might / should", "if ... attacked", acts
  someone wants, seeks, considers, proposes or is accused of ("accused Iran
  of orchestrating the attack": the orchestrating is alleged, not reported);
  a mandative subjunctive ("demanded that Israel ease restrictions": the bare
  verb in a that-clause is what is wanted); the content of a claim noun ("an
  admission that its forces murdered ...", "allegations that it played a
  role": someone's statement, not the reporter's); a condition in the
  present tense ("must agree to changes before they demobilize", "before the
  aid is released": the act has not happened); beliefs and forecasts ("police
  believe the militants attacked", "he hopes the project will allow", "it was
  evident they would impose"); purposes and contents ("troops to protect",
  "the package includes relaxing ...").
- future: "will / shall / would", "plans / intends / is expected / is set /
  is going to", "is ready / prepared / willing to", "threatened / vowed /
  promised / agreed to X" (X is what was threatened or promised; the
  threatening or promising is itself the asserted event); "warned it could
  close the strait" (a threat).

An event noun takes the mood of the verb it is the subject of (`noun_modality`:
"a ceasefire could take place"). Whether a future or refused act is the
actor's own stated intention, and how PLOVER recodes it (AGREE, THREATEN,
REJECT), is `intent`'s business.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.cues import word_set
from .headline import headline_future
from .words import inflection_guesses

NEG_WORDS = {"not", "n't", "never", "no", "nor", "neither"}
HYPO_AUX = {"could", "may", "might", "should", "can", "ca", "must", "ought"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d"}
# Word lists are data (data/lexicon/cues/modality.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
REFUSE = word_set("modality", "refuse_verbs")
FUTURE_GOVERNORS = word_set("modality", "future_governors")
HYPO_GOVERNORS = word_set("modality", "hypo_governors")
# Beliefs and predictions, when they open the sentence's report ("police think rebels
# attacked"); a trailing "..., officials believe" is a source line, as "..., officials said".
BELIEF_VERBS = word_set("modality", "belief_verbs")
# Governors whose "that" clause is a belief or a hope even when it says "will":
# "he believes leaders will meet", "he hopes the project will allow ...".
BELIEF_GOVERNORS = word_set("modality", "belief_governors")
# "It was evident / clear / likely that they would impose restrictions": an observer's forecast.
JUDGEMENT_ADJ = word_set("modality", "judgement_adjectives")
# Ordinals make an infinitive after a noun a report: "the first country to recognize Kosovo";
# an attempt is itself the act in PLOVER ("an attempt to assassinate the governor").
ORDINALS = {"first", "second", "third", "last", "only", "latest", "next"}
ATTEMPT_NOUNS = word_set("modality", "attempt_nouns")
INTENT_NOUNS = word_set("modality", "intent_nouns")
# "an appeal to lay down arms", "an invitation to attend": asked for, not done
WISH_NOUNS = word_set("modality", "wish_nouns")
REFUSE_NOUNS = word_set("modality", "refuse_nouns")
# Nouns whose "that" clause is someone's statement or belief, not a reported fact:
# "an admission that Soviet forces murdered ...", "allegations that it played a role".
CONTENT_NOUNS = word_set("modality", "content_nouns")
# Conditions stated in the present tense ("before they demobilize", "once the aid is released").
CONDITION_MARKS = {"before", "once", "till"}
# Verbs whose to-infinitive reports the act itself ("began to withdraw"); any
# other verb's to-infinitive is a purpose ("deployed Marines to reinforce").
ASPECTUAL = word_set("modality", "aspectual_verbs")
# "jailed for helping militants", "convicted of spying": the offence is alleged
PUNISH = word_set("modality", "punish_verbs")
READY_ADJ = word_set("modality", "ready_words")
# Nouns of a means or a chance: their infinitive is an act possible, not done.
MEANS_NOUNS = word_set("modality", "means_nouns")
# Phrasal verbs of hope ("verb particle") whose gerund is an act wished for, not done.
HOPE_PHRASALS = word_set("modality", "hope_phrasals")


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
    # "held no talks", "took no action", "no complaint had been made": a light verb's noun with "no"
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "nsubjpass") and any(
            d.lower_ in ("no",) and d.dep_ == "det" for d in c.children
        ):
            return "negated"
    return None


def _present_condition(verb: Token) -> bool:
    """'before they demobilize', 'once the aid is released': a condition still to be met."""
    if not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") for a in auxes):
        return False  # "before they had left", "before it could strike": narrated past
    return verb.tag_ in ("VBP", "VBZ") or any(a.tag_ in ("VBP", "VBZ") for a in auxes)


def is_subjunctive(verb: Token) -> bool:
    """A bare verb with its own subject in a that-clause: 'demanded that he resign' (mandative).

    A present form after a past governor counts too ("insisted that the troops leave"): a
    report would shift it to the past ("said that the troops left").
    """
    kids = list(verb.children)
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return False
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VB" and not auxes:
        return True
    if verb.lemma_ == "be" and verb.tag_ == "VB" or any(a.tag_ == "VB" and a.lower_ == "be" for a in auxes):
        return not any(a.tag_ != "VB" for a in auxes)  # "that he be released"
    return verb.tag_ == "VBP" and not auxes and verb.head.tag_ == "VBD"


WARN_VERBS = word_set("modality", "warn_verbs")
POSSIBILITY_AUX = {"could", "may", "might", "can"}


SELF_PRONOUNS = {"it", "they", "we", "he", "she", "i"}


def _warned_possibility(verb: Token) -> bool:
    """'Iran warned (that) it could close the strait': the warner holds out its own act.

    "Officials warned that militants could attack" is a warning about someone else.
    """
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in WARN_VERBS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in verb.children):
        return False
    warners = {c.lemma_.lower() for c in verb.head.children if c.dep_ == "nsubj"}
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(warners) and any(d.lower_ in SELF_PRONOUNS or d.lemma_.lower() in warners for d in doers)


def _judged(head: Token) -> bool:
    """'(it was) evident / clear / likely that ...': an observer's judgement governs the clause."""
    return head.lower_ in JUDGEMENT_ADJ or any(
        c.dep_ == "acomp" and c.lower_ in JUDGEMENT_ADJ for c in head.children
    )


def _lemmas(tok: Token) -> set[str]:
    """The lemma and regular-inflection guesses (the lemmatizer reads "hopes" as "hop")."""
    return {tok.lemma_.lower(), *inflection_guesses(tok.lower_)}


def _governor_mood(governor: Token) -> str | None:
    """A modal or negation on the governor of a planned act: "might be willing to make",
    "is not ready to sign", "may plan to attack" (the copula of an adjective counts)."""
    found = _local(governor)
    if found is None and governor.pos_ == "ADJ" and governor.dep_ == "acomp":
        found = _local(governor.head)
    if found is None and governor.dep_ == "ccomp" and _believed(governor):
        found = "hypothetical"  # "I think the president has decided to lift ...": a belief
    return found if found in ("hypothetical", "negated") else None


def _believed(verb: Token) -> bool:
    """A clause opened by a belief verb before it: "I think the president has decided ..."."""
    return bool(_lemmas(verb.head) & BELIEF_VERBS) and verb.head.i < verb.i


def _hoped(verb: Token) -> bool:
    """A phrasal verb of hope governs the act: "I look forward to discussing ..." (not done)."""
    particles = " ".join(c.lower_ for c in verb.children if c.dep_ in ("advmod", "prt"))
    return any(f"{verb.lemma_.lower()} {p}" in HOPE_PHRASALS for p in particles.split())


# How far up the parse a governor is looked for: "aimed at raising revenue, protecting
# jobs and pressuring manufacturers" puts the last act five steps below "aimed".
MAX_HOPS = 6


def modality(trigger: Token) -> str:
    """The modality of the act the trigger names; see the module docstring."""
    if headline_future(trigger):
        return "future"
    local = _local(trigger)
    if local == "hypothetical" and _warned_possibility(trigger):
        return "future"  # "warned that it could close the strait": a threat, coded as intent
    if local == "future" and trigger.dep_ == "ccomp" and (
        _lemmas(trigger.head) & BELIEF_GOVERNORS or _judged(trigger.head)
    ):
        return "hypothetical"  # "he believes the leaders will meet", "it was evident they would ..."
    if local == "future" and _asked(trigger):
        return "hypothetical"  # "until they can say how they would fund it": a question
    if local is not None:
        return local
    tok = trigger
    for _ in range(MAX_HOPS):
        head, dep = tok.head, tok.dep_
        if head.i == tok.i:
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
            if dep == "advcl" and _present_condition(tok):
                return "hypothetical"  # "must agree ... before they demobilize": not yet done
            if dep in ("ccomp", "acl") and is_subjunctive(tok):
                return "hypothetical"  # "demanded that Israel ease restrictions"
            if dep in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in CONTENT_NOUNS:
                return "hypothetical"  # "an admission that its forces murdered ...": a claim's content
            if (
                dep == "advcl"
                and head.lemma_.lower() not in FUTURE_GOVERNORS | REFUSE
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            ):
                return "hypothetical"  # purpose: "met to discuss", "deployed to protect"
            if dep == "relcl" and _infinitive(tok) and head.pos_ == "NOUN" and _lemmas(head) & MEANS_NOUNS:
                return "hypothetical"  # "a way to push for his release": a means considered
            if dep == "acl" and head.pos_ == "NOUN":
                if _lemmas(head) & MEANS_NOUNS:
                    return "hypothetical"
                dets = {c.lower_ for c in head.children if c.dep_ == "det"}
                if "no" in dets or _local(head.head) == "negated" and head.dep_ in ("dobj", "attr"):
                    return "negated"
                if head.lower_ in INTENT_NOUNS or head.lemma_ in INTENT_NOUNS:
                    return "future"
                if head.lower_ in WISH_NOUNS or head.lemma_ in WISH_NOUNS:
                    return "hypothetical"
                if head.lemma_ in REFUSE_NOUNS:
                    return "negated"
                if (
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                    and head.lemma_.lower() not in ATTEMPT_NOUNS
                    and not any(
                        m.lower_ in ORDINALS or m.tag_ == "JJS" for m in head.children if m.dep_ == "amod"
                    )
                ):
                    return "hypothetical"  # "quotas to support conservation": a purpose, not a report
            if dep == "ccomp" and head.pos_ == "NOUN" and head.lemma_ in WISH_NOUNS:
                return "hypothetical"  # "its demand that Israel ease restrictions"
            if dep == "prep" and tok.lower_ in ("for", "of", "over") and lemma in PUNISH:
                return "hypothetical"
            if _compared(tok):
                return "hypothetical"  # "policies like supporting X", "it is like the state is prosecuting"
            if dep == "xcomp" and head.lemma_ == "be" and _infinitive(tok):
                return "future"  # "campaigners are to stage a rally": a scheduled act
            if dep == "prep" and _hoped(head):
                return "hypothetical"  # "I look forward to discussing ...": a hope
            if dep == "advcl" and _bare_participle(tok):
                inherited = _local(head)
                if inherited in ("hypothetical", "future"):
                    return inherited  # "they may impose sanctions, cutting aid": the same possibility
                if head.tag_ == "VBG":
                    tok = head  # "aimed at raising revenue, protecting jobs": up the chain of gerunds
                    continue
            if dep == "prep" and head.pos_ == "NOUN":  # "a proposal for signing", "plans for withdrawing"
                if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                    return "negated"  # "has no intention of invading"
                if _lemmas(head) & MEANS_NOUNS:
                    return "hypothetical"  # "a way of recognising young people"
                if head.lower_ in WISH_NOUNS or head.lemma_ in WISH_NOUNS:
                    return "hypothetical"
                if head.lower_ in INTENT_NOUNS or head.lemma_ in INTENT_NOUNS:
                    return "future"
            infinitive = dep == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)
            if dep in ("xcomp", "pcomp", "prep", "pobj", "ccomp", "acomp") or infinitive:
                if lemma in REFUSE:
                    return "negated" if dep != "ccomp" else "asserted"
                if lemma in FUTURE_GOVERNORS and (dep == "xcomp" or infinitive):
                    return _governor_mood(head) or "future"
                if lemma in HYPO_GOVERNORS and not (head.tag_ == "VBG" and head.dep_ == "prep"):
                    return "hypothetical"  # "urged X to", "demanded that X provide", "alleged that"
                if _lemmas(head) & BELIEF_VERBS and head.i < tok.i:
                    return "hypothetical"  # "police believe the militants attacked the convoy"
                if lemma in READY_ADJ or head.lower_ in READY_ADJ:
                    return _governor_mood(head) or "future"
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


def _compared(verb: Token) -> bool:
    """An example or a likeness, not a report: a gerund after "like" / "such as" under a noun
    ("a wrong policy, like supporting the Brotherhood", "priorities such as fighting
    terrorism") or a clause opened by "like" ("it is like the government is prosecuting")."""
    if any(c.dep_ == "mark" and c.lower_ == "like" for c in verb.children):
        return True
    head = verb.head
    return (
        verb.dep_ == "pcomp"
        and head.dep_ == "prep"
        and (head.lower_ == "like" or head.lower_ == "as" and (_such(head) or _such(head.head)))
        and head.head.pos_ in ("NOUN", "PROPN", "PRON")
    )


QUESTION_WORDS = {"how", "why", "whether"}


def _asked(verb: Token) -> bool:
    """A clause that is an indirect question ("say how they would fund it", "whether it would
    attack"): what the actor would do is asked, not stated."""
    return verb.dep_ in ("ccomp", "xcomp") and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in QUESTION_WORDS for c in verb.children
    )


def _such(noun: Token) -> bool:
    """'priorities such as ...': "such" (on the noun or on "as") introduces examples."""
    return any(c.lower_ == "such" for c in noun.children)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _bare_participle(verb: Token) -> bool:
    """A participle clause with no subject or marker of its own ("..., cutting aid",
    "lead to Turkey reneging"): it shares its governor's mood."""
    return verb.tag_ == "VBG" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in verb.children
    )


def noun_modality(noun: Token) -> str:
    """The modality of an event noun: that of the verb it is the subject of.

    "a ceasefire could take place within days", "protests may erupt", "no attack
    took place": the occurrence verb carries the mood. Other nouns (headline
    fragments, "an attack by X") are asserted.
    """
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return "negated"  # "no attack took place"
        return modality(noun.head)
    return "asserted"
