"""Finding event triggers in a parsed sentence with the lexicon.

For each verb the most specific entry wins: a light-verb construction
("launched + attack") over a phrasal verb ("pull out of") over a Phoenix
pattern over the bare verb. A verb with a particle that no phrasal entry
knows is left alone ("call off" is not "call"). Event nouns ("airstrikes",
"the protest") are triggers only where the sentence presents them as
happening: subject of an occurrence verb ("protests erupted", "the blast
killed"), head of a killing clause ("airstrikes that killed 25"), an
attack "by" someone, the place or cause of a killing ("killed in the attack", "by tank fire"), or
a headline fragment's root, or a cause of death ("died of torture"). A noun
that is merely talked about ("condemned the attack") is left to the verb
that governs it. Idioms, manners, questions and misparsed participles are
screened out by `idioms`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import LexEntry, Lexicon
from .arguments import is_time
from .background import is_habitual
from .headline import bare_passive, in_root_phrase, is_headline, root_noun_predicate
from .idioms import (
    ASKED_OF,
    agrees_with_view,
    asks_for_something,
    assures_a_state,
    declines_comment,
    figurative_force,
    is_idiom,
    is_reduced_relative,
    lacks_partner,
    means_given,
    no_partner,
    noun_misread,
    particle_is_preposition,
    reduced_relative_object,
    wishes_a_state,
)
from .patterns import match_pattern
from .verbs import lexicon_entries, noun_matches, phrase_words, verb_particles
from ..lexicon.cues import word_set

OCCUR = {
    "happen",
    "occur",
    "erupt",
    "break",
    "take",
    "kill",
    "wound",
    "injure",
    "leave",
    "hit",
    "target",
    "destroy",
    "damage",
    "continue",
    "rage",
    "spread",
    "come",
    "claim",
    "rock",
    "shake",
    "strike",
    "begin",
    "start",
    "resume",
    "intensify",
    "escalate",
    "flare",
    "turn",
    "left",
    "cause",
    "paralyze",
    "paralyse",
    "disrupt",
    "force",
    "draw",
    "attract",
    "gather",
    "swell",
    "block",
    "arrive",
    "reach",
    "increase",
    "grow",
    "mount",
    "stop",
    "halt",
    "end",
    "enter",
}
KILL_VERBS = word_set("events", "toll_verbs")
IN_EVENT_VERBS = word_set("events", "in_event_verbs")
DEATH_VERBS = word_set("events", "death_verbs")
SKIP_DEPS = {"amod", "compound", "aux", "auxpass"}
# Verbs too ambiguous alone: they code only with a direct object and no
# predicate complement ("called the premier" is a phone call, "called it a
# crime" is not).
NEEDS_OBJECT = {
    "call",
    "target",
    "back",
    "press",
    "strike",
    "block",
    "help",
    "slam",
    "blast",
    "warn",
    "pound",
    "hit",
}


@dataclass(slots=True)
class Trigger:
    """A matched trigger: `head` is the verb (or the event noun for nominal triggers)."""

    span: Span
    head: Token
    entry: LexEntry
    noun: Token | None = None  # the event noun of a light-verb construction

    @property
    def is_nominal(self) -> bool:
        return self.entry.kind == "noun"


COLLECTIVE_HEADS = {
    "wave",
    "series",
    "number",
    "string",
    "barrage",
    "volley",
    "spate",
    "round",
    "salvo",
    "flurry",
    "hail",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "shipment",
    "package",
    "amount",
    "supply",
    "convoy",
    "batch",
    "day",
    "days",
    "week",
    "weeks",
    "night",
}
GENERIC_HEADS = {
    "effort",
    "efforts",
    "bid",
    "campaign",
    "initiative",
    "process",
    "mission",
    "wave",
    "series",
    "round",
}


def _light_candidates(verb: Token, passive: bool, extra: list[Token]) -> list[Token]:
    """Nouns that may complete a light verb: objects (passive subjects), `extra` prepositional
    objects, their later conjuncts, nouns behind quantity heads and generic heads' modifiers."""
    cands = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "attr", "obj") or (passive and c.dep_ in ("nsubjpass", "nsubj"))
    ]
    cands += extra
    for c in verb.children:  # "announced asset freezes and bans ... as well as sanctions against X"
        if c.dep_ == "ccomp" and _compound_as_clause(c):
            cands += [t for t in c.subtree if t.pos_ == "NOUN" and t.i > c.i]
    cands += [cc for c in list(cands) for cc in c.conjuncts if cc.i > c.i]  # "photographs and intelligence"
    # "launched a wave of attacks": look through a quantity head
    cands += [
        o
        for c in list(cands)
        if c.lemma_.lower() in COLLECTIVE_HEADS
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    # "launched a mediation effort": a generic head names the event by its modifier
    cands += [
        m
        for c in list(cands)
        if c.lemma_.lower() in GENERIC_HEADS
        for m in c.lefts
        if m.dep_ in ("compound", "amod")
    ]
    return cands


def _compound_as_clause(verb: Token) -> bool:
    """A plural noun compound the parser read as a clause: "announced asset freezes and bans"
    ("asset" the subject of "freezes"): a present-tense verb with no object, auxiliary or
    determined subject, its bare noun "subject" right before it."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.i == 0:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("dobj", "aux", "auxpass", "neg", "attr", "acomp") for c in kids):
        return False
    prev = verb.doc[verb.i - 1]
    return prev.dep_ == "nsubj" and prev.head.i == verb.i and prev.pos_ == "NOUN" and not list(prev.children)


def _light(verb: Token, lex: Lexicon) -> tuple[LexEntry, Token] | None:
    """The longest light-verb entry whose noun is among the verb's candidates.

    Most verbs have no light entry: look that up first, and build the parse
    context (`around`, candidates) only once per verb rather than per entry;
    that made this the matcher's hot spot.
    """
    entries = lexicon_entries(lex, "light", verb)
    if not entries:
        return None
    best: tuple[int, LexEntry, Token] | None = None
    around = phrase_words(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or bare_passive(verb)
    particles = {p.lower_ for p in verb_particles(verb)}
    by_prep: dict[str | None, list[Token]] = {}
    for e in entries:
        plus = e.words.index("+")
        pre, noun_words = e.words[:plus], e.words[plus + 1 :]
        if not all(w in around for w in pre) or not particles <= set(pre):
            continue
        prep = pre[-1] if pre and pre[-1] in around and around[pre[-1]].dep_ == "prep" else None
        if prep not in by_prep:
            extra = [o for o in around[prep].children if o.dep_ == "pobj"] if prep else []
            by_prep[prep] = _light_candidates(verb, passive, extra)
        for cand in by_prep[prep]:
            if e.needs and not _light_needs(verb, cand, e.needs):
                continue  # "produced evidence of trading" accuses no one
            if noun_matches(cand, noun_words):
                score = len(e.words)
                if best is None or score > best[0]:
                    best = (score, e, cand)
    return (best[1], best[2]) if best else None


def _light_needs(verb: Token, noun: Token, needs: tuple[str, ...]) -> bool:
    """A light entry's `needs`: one of the words heads a dependent of the verb or its noun
    ("presented evidence *against* Russia", "evidence *that* Iran supplied ...")."""
    deps = [*verb.children, *noun.children]
    deps += [m for c in deps if c.dep_ in ("acl", "ccomp", "relcl") for m in c.children if m.dep_ == "mark"]
    return any(c.lower_ in needs for c in deps)


def _phrasal(verb: Token, lex: Lexicon) -> LexEntry | None:
    entries = lexicon_entries(lex, "phrasal", verb)
    if not entries:
        return None  # most verbs: skip building the parse context
    around = phrase_words(verb)
    best = None
    for e in entries:
        if not all(w in around for w in e.words) or particle_is_preposition(e.words, around):
            continue
        if _dates_the_act(verb, e.words):
            continue  # "called the premier on Sunday" is no "call on"
        if e.type == "CONSULT" and no_partner(verb):
            continue
        if best is None or len(e.words) > len(best.words):
            best = e
    return best


def _dates_the_act(verb: Token, words: tuple[str, ...]) -> bool:
    """The phrasal verb's preposition heads only dates, no object: "called X on Sunday"
    (but "on Sunday called on Israel" has an "on" with an object)."""
    preps = [c for c in verb.children if c.dep_ == "prep" and words and c.lower_ == words[-1]]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return bool(objects) and all(is_time(o) for o in objects)


SEEK_TO = word_set("events", "seek_verbs")
VIOLENT_TYPES = {"ASSAULT", "COERCE", "SANCTION"}
# Acts done in words: held as a habit they are a position, not an event.
VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# Protest verbs that mean something else with an object ("demonstrated its resolve").
SHOW_VERBS = word_set("events", "show_verbs")
DEP_LABELS = {"ccomp", "xcomp", "dative", "advcl", "prep", "agent"}
VOWS = word_set("events", "vow_verbs")
NEEDS_AGENT = word_set("events", "needs_agent_verbs")


def _has_doer(verb: Token) -> bool:
    kids = {c.dep_ for c in verb.children}
    if kids & {"auxpass", "nsubjpass"} or verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return "agent" in kids
    return bool(kids & {"nsubj"}) or verb.dep_ in ("xcomp", "conj", "advcl")


def _verb_ok(verb: Token, entry: LexEntry) -> bool:
    if entry.type == "CONSULT" and (no_partner(verb) or lacks_partner(verb)):
        return False  # "met with criticism"; "he would not discuss reports" (no one to meet)
    if entry.type == "REJECT" and declines_comment(verb):
        return False  # "declined to comment": no answer to a reporter, not a rejection
    if entry.type in VIOLENT_TYPES and figurative_force(verb):
        return False  # "the law targeted gaming addictions": a measure's aim, not force
    if means_given(verb):
        return False  # "retaliated by announcing tariffs": the means codes itself
    if entry.type == "REQUEST" and wishes_a_state(verb):
        return False  # "we want Michael to be accessible": a wish, no request
    if entry.type == "AGREE" and (agrees_with_view(verb) or assures_a_state(verb)):
        return False  # "agreed with officials' concerns", "promised it would not be a talking shop"
    kids = {c.dep_ for c in verb.children}
    vowed = verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in VOWS
    if (
        entry.needs
        and not vowed
        and not any(
            (w == "dobj" and kids & {"dobj", "nsubjpass"})
            or (w in DEP_LABELS and w in kids)
            or any(c.lower_ == w for c in verb.children)
            for w in entry.needs
        )
    ):
        return False  # "he is still fighting" (no foe), "talking about a lease" (no partner)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)  # "the statement released hours after the attack"
    elif reduced_relative_object(verb) is not None:
        objects.append(verb.doc[verb.i - 1])  # the same, misparsed as a clause of its own
    if entry.not_with and any(not _names(c).isdisjoint(entry.not_with) for c in objects):
        return False  # "released a report", "requested comment"
    if entry.lemma == "call" and any(
        c.lower_ == "what" or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
    ):
        return False  # "what it called resistance workers", "called as witnesses": naming, a summons
    if entry.type == "PROTEST" and entry.lemma in SHOW_VERBS and "dobj" in kids:
        return False  # "demonstrates a complete disregard", "rallied supporters": showing, gathering
    if entry.lemma in SEEK_TO and "xcomp" in kids and "dobj" not in kids:
        return False  # "seeking to mend ties" is the seeker's own intent, not a request
    if entry.lemma in ASKED_OF and not asks_for_something(verb):
        return False  # "asked by VOA whether ...", "insists it is committed": a question, a claim
    if entry.lemma in NEEDS_AGENT and not _has_doer(verb):
        return False  # "62 people were wounded": the toll of another event, not an event
    if entry.lemma in NEEDS_OBJECT:
        kids = {c.dep_ for c in verb.children}
        if entry.lemma in WARNED_OF and _party_after(verb, WARNED_OF[entry.lemma]):
            return True  # "warned of the Prince of Dol Amroth": a warning about a party
        return bool(kids & {"dobj", "nsubjpass"}) and not kids & {"oprd", "xcomp", "ccomp", "attr"}
    return True


# Object-needing verbs that also take their party after a preposition. Only a party
# counts: "warned of a catastrophe" is a pessimistic comment, not an event.
WARNED_OF = {"warn": ("of", "about", "against")}
PARTY_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


def _names(noun: Token) -> set[str]:
    """How a `not_with` list may name an object: lemma, form, or with its compounds
    ("news conference": hosting one is no visit, hosting a peace conference is)."""
    compounds = [c.lower_ for c in noun.lefts if c.dep_ == "compound"]
    return {noun.lemma_.lower(), noun.lower_, " ".join([*compounds, noun.lower_])}


def _party_after(verb: Token, preps: tuple[str, ...]) -> bool:
    """Does one of `preps` after the verb govern a named party (a proper name or named entity)?"""
    return any(
        o.pos_ == "PROPN" or o.ent_type_ in PARTY_ENTS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in preps
        for o in c.children
        if o.dep_ == "pobj"
    )


def _passive_without_agent(verb: Token) -> bool:
    if root_noun_predicate(verb):
        return False
    kids = {c.dep_ for c in verb.children}
    passive = verb.tag_ == "VBN" and (
        verb.dep_ == "acl" and "dobj" not in kids or bool(kids & {"auxpass", "nsubjpass"})
    )
    if passive and verb.dep_ == "acl" and in_root_phrase(verb.head) and is_headline(verb.sent):
        return False  # headline: "Dozens of captives released in Lyon" is the news itself
    if (
        passive
        and verb.dep_ == "acl"
        and verb.head.dep_ == "attr"
        and any(c.dep_ == "expl" for c in verb.head.head.children)
    ):
        return False  # "There were 10 soldiers killed": the news itself
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def _imperative(verb: Token) -> bool:
    """A base-form root with no subject opening the sentence: an instruction, not a report."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and verb.i == verb.sent.start
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    )


def is_verbal(tok: Token) -> bool:
    if noun_misread(tok):
        return False
    return tok.tag_.startswith("VB") and tok.pos_ != "AUX" and tok.dep_ not in SKIP_DEPS


def match_verb(verb: Token, lex: Lexicon) -> Trigger | None:
    """The most specific lexicon entry for a verb token, or None."""
    if verb.dep_ in ("acl", "relcl") and _passive_without_agent(verb):
        return None  # "officials accused of ...", "a member jailed a year ago": background
    if _imperative(verb):
        return None  # "Sign up for our newsletter", "Share this article"
    if is_idiom(verb):
        return None  # "the drive to meet demand for coal"
    if is_reduced_relative(verb):
        return None  # "Journalists detained last week were freed": the detention is background
    trig = _match_verb(verb, lex)
    if trig is not None and trig.entry.type in VERBAL_TYPES and is_habitual(verb, trig.noun):
        return None  # "the Taliban routinely deny ...", "has regular meetings": a habit, not an act
    return trig


def _match_verb(verb: Token, lex: Lexicon) -> Trigger | None:
    """Light verb, phrasal verb, Phoenix pattern, bare verb: the first that matches."""
    doc = verb.doc
    light = _light(verb, lex)
    if light is not None:
        entry, noun = light
        lo = min(verb.i, noun.i, *(p.i for p in verb_particles(verb)))
        hi = max(verb.i, noun.i, *(p.i for p in verb_particles(verb)))
        return Trigger(doc[lo : hi + 1], verb, entry, noun)
    pattern = match_pattern(verb, lex)
    phrasal = _phrasal(verb, lex)
    if phrasal is not None and (pattern is None or len(pattern.words) < len(phrasal.words)):
        parts = [verb, *verb_particles(verb)]
        return Trigger(doc[min(t.i for t in parts) : max(t.i for t in parts) + 1], verb, phrasal)
    if pattern is not None:  # a pattern of the phrasal verb itself is more specific than it
        parts = [verb, *verb_particles(verb)]
        return Trigger(doc[min(t.i for t in parts) : max(t.i for t in parts) + 1], verb, pattern)
    if verb_particles(verb):
        return None  # "sign up", "call off": the bare verb's meaning does not hold
    for entry in lexicon_entries(lex, "verb", verb):
        if _verb_ok(verb, entry):
            return Trigger(doc[verb.i : verb.i + 1], verb, entry)
    return None


REPORTING = {
    "report",
    "confirm",
    "describe",
    "show",
    "witness",
    "document",
    "record",
    "film",
    "claim",
    "condemn",
    "denounce",
}


def noun_is_event(noun: Token) -> bool:
    """Is this event noun presented as something that happened (see module docstring)?"""
    head = noun.head
    headline = (
        is_headline(noun.sent)
        or noun.doc.user_data.get("kind") == "title"
        or noun.doc.user_data.get("headline")
    )
    if headline and noun.dep_ in ("nsubj", "nsubjpass", "appos", "ROOT", "conj") and not _mentioned(noun):
        return True  # headline grammar: "Drone strikes increase", "Riots cast doubt on transition"
    if noun.dep_ == "dobj" and head.lemma_.lower() in REPORTING - {"condemn", "denounce"}:
        return True  # "witnesses reported heavy shelling", "video shows execution"
    if (noun.dep_ in ("nsubj", "nsubjpass") or gerund_subject(noun)) and head.lemma_.lower() in OCCUR:
        return True
    if noun.dep_ == "ROOT":  # headline fragment: "US airstrikes on militia bases"
        return True
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in KILL_VERBS | {"carry", "launch", "claim"}:
            return True
        if c.dep_ == "prep" and c.lower_ == "by" and any(o.dep_ == "pobj" for o in c.children):
            return True
    if noun.dep_ == "pobj" and head.lower_ in ("in", "during", "by") and head.head.lemma_.lower() in IN_EVENT_VERBS:
        return True  # "killed in an airstrike", "killed by tank fire"
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        return True  # "claimed responsibility for Tuesday's suicide bombing"
    return _cause_of_death(noun)


def gerund_subject(tok: Token) -> bool:
    """An event noun in -ing the parser read as an auxiliary: "Russian shelling hit a
    hospital", "government shelling killed seven" ("shelling" an aux of the verb). Only
    "being", "having", "getting" and "going" are auxiliaries in -ing."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "aux"
        and tok.head.pos_ == "VERB"
        and tok.lemma_.lower() not in ("be", "have", "get", "go")
    )


def _cause_of_death(noun: Token) -> bool:
    """'died of torture', 'died from the beating', 'died as a result of torture'."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("of", "from"):
        return False
    node = noun.head.head
    if node.lemma_.lower() in ("result", "consequence") and node.dep_ == "pobj":
        node = node.head.head  # "as a result of": up to the verb
    return node.lemma_.lower() in DEATH_VERBS


def _mentioned(noun: Token) -> bool:
    """An event noun inside another phrase ('victims of the attack') is only mentioned."""
    return noun.dep_ == "conj" and noun.head.dep_ == "pobj"


def match_noun(noun: Token, lex: Lexicon) -> Trigger | None:
    if noun.pos_ not in ("NOUN", "PROPN") and not gerund_subject(noun):
        return None
    entries = lex.nouns(noun.lemma_.lower()) or lex.nouns(noun.lower_)
    # compound nouns written as one word: "airstrike" / "air-strike"
    best = None
    for e in entries:
        if (not e.words or noun_matches(noun, (*e.words, e.lemma))) and (
            best is None or len(e.words) > len(best.words)
        ):
            best = e
    if best is None or not noun_is_event(noun):
        return None
    start = noun.i - len(best.words)
    start = start if start >= noun.sent.start else noun.i
    return Trigger(noun.doc[start : noun.i + 1], noun, best)


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    """Every trigger in the sentence, verbs and event nouns, in text order."""
    found: list[Trigger] = []
    used: set[int] = set()
    for tok in sent:
        if is_verbal(tok) or (tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and _headline_verb(tok)):
            trig = match_verb(tok, lex)
            if trig is not None:
                found.append(trig)
                used.update(t.i for t in trig.span)
                if trig.noun is not None:
                    used.add(trig.noun.i)
    for tok in sent:
        if tok.i in used:
            continue
        trig = match_noun(tok, lex)
        if trig is not None:
            found.append(trig)
    nouns = {t.head.i for t in found if t.is_nominal}
    found = [t for t in found if t.is_nominal or not _caused_by_noun(t.head, nouns)]
    return sorted(found, key=lambda t: t.head.i)


def _caused_by_noun(verb: Token, nouns: set[int]) -> bool:
    """'were killed by tank fire', 'by an explosive device': the event noun in the passive's
    agent is the happening; the killing is its toll, left to the noun's clause."""
    return verb.lemma_.lower() in IN_EVENT_VERBS and any(
        o.i in nouns for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
    )


def _headline_verb(tok: Token) -> bool:
    """Headline grammar: 'Protesters storm embassy' parsed with 'storm' as a noun root."""
    return any(c.dep_ in ("nsubj", "compound") for c in tok.lefts) and any(
        c.dep_ in ("dobj", "appos", "npadvmod") for c in tok.rights
    )
