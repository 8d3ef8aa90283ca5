"""Nominal events after clause finding: one event per happening, and who did it.

News reports an attack twice in one clause: by its toll ("Four children were
killed") and by the attack itself ("in Israeli tank shelling", "when Israeli
aircraft bombed a house"). Coders count one event: the attack, with the toll's
victims as its recipients and the toll's dead and wounded. `clauses` already
folds the cleanly parsed cases ("airstrikes killed 25", "killed in an
airstrike"); this pass, run on a sentence's clauses, catches the rest:

- the cause is a prepositional object of the toll verb or of a conjoined toll
  verb ("Seven soldiers were killed and 12 wounded in a Taliban ambush"), or
  the subject the toll verbs share ("a bombing killed one and wounded two"),
  also when the parser cut it from its modifier ("Ukrainian shelling killed"),
  or the subject of the verb a toll participle follows ("an air strike hit a
  hospital, killing two doctors");
- the cause is an event noun the parser read as a gerund after its modifiers
  ("in Israeli tank shelling": "tank" the object of "in", "shelling" a verb);
- the cause is a clause of time ("were killed when Israeli aircraft bombed").

When the toll gave no clause of its own ("Three civilians were wounded in
Turkish mortar fire": a wounding with no doer is no event), its victims, place
and time go to the attack noun; an attack noun that is the subject of a
striking verb ("Russian shelling hit a hospital") takes the verb's object as
its target.

The doer of an event noun is named by its modifiers ("Israeli tank shelling",
"a Saudi-led coalition airstrike", "Russian artillery shelling"): the whole
modifier phrase is kept, so the dictionary can read its sector from the
weapon or force ("tank", "artillery", "coalition" -> military) as well as its
country from the nationality. With no modifier, where the attack came from
("rocket fire from Lebanon"), who held the victim ("died ... in Israeli police
custody") or the weapon itself ("killed by a roadside bomb", for an
unidentified attacker) stands for the doer.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from . import arguments as args
from .clauses import Clause
from .phrases import (
    antecedent,
    content_head,
    is_name,
    member_span,
    national,
    noun_span,
    split_conj,
)
from .triggers import gerund_subject
from ..lexicon.cues import word_set

FORCE_TYPES = {"ASSAULT", "COERCE"}
# Verbs that report a toll: what happened to the victims, not who did it.
TOLL_LEMMAS = word_set("events", "toll_lemmas")
DEATH_LEMMAS = word_set("events", "death_lemmas")  # their subject is the victim ("two soldiers died in ...")
# "killed in / during / by the shelling": the object names the cause.
CAUSE_PREPS = {"in", "during", "by"}
# "were killed when aircraft bombed a house": a clause of time names the cause.
CAUSE_MARKS = {"when", "as"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# What an attack noun does to its target ("shelling hit a hospital"); not "angered", "prompted".
STRIKE_LEMMAS = word_set("events", "strike_lemmas")


def one_per_happening(clauses: list[Clause], lex: Lexicon) -> list[Clause]:
    """Merge each toll clause into the attack clause that caused it; name nominal doers.

    The merged clause keeps the attack's trigger, its doers (else the toll's),
    the toll's victims before the attack's own recipients, the larger counts,
    the more specific mode and the toll's modality. `lex` tells weapons ("tank
    fire") from other words of an event's name ("air strike").
    """
    out = list(clauses)
    for toll in [c for c in clauses if _is_toll(c)]:
        causes = [c for c in out if c is not toll and c.type in FORCE_TYPES and _caused(toll, c.trigger.root)]
        if causes:
            merged = _merge(toll, causes[0])
            out = [merged if c is causes[0] else c for c in out if c is not toll]
    return [_with_nominal_doers(c, lex.instruments) for c in out]


def _is_toll(clause: Clause) -> bool:
    root = clause.trigger.root
    return clause.type in FORCE_TYPES and root.pos_ == "VERB" and root.lemma_.lower() in TOLL_LEMMAS


def _toll_verbs(verb: Token) -> list[Token]:
    """The toll verb and the toll verbs conjoined with it ("were killed and 12 wounded")."""
    return [verb, *(v for v in verb.conjuncts if v.lemma_.lower() in TOLL_LEMMAS)]


def _caused(toll: Clause, node: Token) -> bool:
    """Is `node` (another clause's trigger head) the cause of the toll in the same clause?"""
    verbs = {v.i for v in _toll_verbs(toll.trigger.root)}
    if node.dep_ == "pobj" and _cause_prep(node.head, verbs):
        return True
    root = toll.trigger.root
    participle = root.dep_ == "advcl" and root.tag_ == "VBG"
    if participle and node.head.i == root.head.i and (node.dep_ == "nsubj" or gerund_subject(node)):
        return True  # "a Russian air strike hit a hospital, killing two doctors"
    if node.head.i not in verbs or node.i == node.head.i:
        return False
    if node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in CAUSE_MARKS for c in node.children):
        # "were killed when Israeli aircraft bombed a house"; not "killed by jets, as ...", nor
        # "were killed when they opened fire" (a pronoun subject points back at the victims)
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        return not toll.agents and not any(c.pos_ == "PRON" for c in subjects)
    if gerund_subject(node) or node.dep_ in ("nsubj", "nsubjpass") or _split_subject(node):
        return True  # "the bombing killed one and wounded two"; "government shelling killed seven"
    prev = _stranded_modifier(node)  # "were killed in Israeli tank shelling"
    return prev is not None and _cause_prep(prev.head, verbs)


def _split_subject(node: Token) -> bool:
    """An event noun in -ing the parser cut from its modifier, which it made the subject:
    "Ukrainian shelling killed three" ("Ukrainian" the subject, "shelling" an adverb of
    "killed"). The gerund stands right between the subject and the verb, with no words
    of its own."""
    verb = node.head
    return (
        node.tag_ == "VBG"
        and node.dep_ == "advmod"
        and node.i + 1 == verb.i
        and node.n_lefts == node.n_rights == 0
        and any(c.dep_ == "nsubj" and c.i + 1 == node.i for c in verb.children)
    )


def _cause_prep(prep: Token, verbs: set[int]) -> bool:
    return prep.dep_ in ("prep", "agent") and prep.lower_ in CAUSE_PREPS and prep.head.i in verbs


def _stranded_modifier(node: Token) -> Token | None:
    """The modifier noun the parser made the object of the preposition in front of an event
    noun: "in Israeli tank shelling" ("tank" the object of "in", "shelling" a verb with no
    object of its own), "in Russian artillery shelling" (two objects of "in"); else None."""
    if node.i == 0:
        return None
    prev = node.doc[node.i - 1]
    if prev.dep_ != "pobj" or prev.pos_ not in ("NOUN", "PROPN") or prev.head.dep_ != "prep":
        return None
    if node.tag_ == "VBG" and not any(c.dep_ in ("dobj", "nsubj") for c in node.children):
        return prev
    return prev if node.dep_ == "pobj" and node.head.i == prev.head.i else None


def _merge(toll: Clause, cause: Clause) -> Clause:
    """The attack clause with the toll's victims, counts and (when sharper) mode."""
    entry = cause.entry if cause.entry.mode or not toll.entry.mode else toll.entry
    place_roots = {p.root.i for p in (*cause.places, *toll.places)}
    victims = [p for p in toll.patients if p.root.i not in place_roots and not _is_place(p)]
    # a place stands in for the people there only until the victims are named
    own = [p for p in cause.patients if not (victims and (p.root.i in place_roots or _is_place(p)))]
    return replace(
        cause,
        entry=entry,
        agents=cause.agents or _modifier_doers(cause.trigger.root) or toll.agents,
        patients=_unique([*victims, *own]),
        places=_unique([*cause.places, *toll.places]),
        times=_unique([*cause.times, *toll.times]),
        fatalities=_larger(cause.fatalities, toll.fatalities),
        injuries=_larger(cause.injuries, toll.injuries),
        size=cause.size or toll.size,
        modality=toll.modality,
        confidence=max(cause.confidence, toll.confidence),
    )


def _with_nominal_doers(clause: Clause, weapons: dict[str, str]) -> Clause:
    """An attack named by an event noun takes its doer from the noun's modifiers (see the
    module docstring), and the victims, place and time of a toll that gave no clause."""
    noun = clause.trigger.root
    if clause.type not in FORCE_TYPES or (noun.pos_ not in ("NOUN", "PROPN") and noun.tag_ != "VBG"):
        return clause
    agents = [_with_force(a, noun, clause.trigger, weapons) for a in clause.agents]
    agents += _conjoined_doers(agents, noun)
    agents = agents or _modifier_doers(noun) or _origin(noun)
    subject = noun.dep_ in ("nsubj", "csubj") or gerund_subject(noun)
    if subject and _strikes(noun.head) and (not clause.patients or noun.dep_ == "csubj"):
        # a gerund subject's own recipients ("Shelling from Syrian territory") are its origin
        return _without_doers(_with_struck(replace(clause, agents=agents), noun.head))
    verb = _toll_verb(noun)
    if verb is None:
        return _without_doers(replace(clause, agents=agents))
    agents = agents or _custodian(verb) or ([noun_span(noun)] if noun.head.dep_ == "agent" else [])
    victims = [v for v in _toll_victims(verb) if not any(p.start <= v.root.i < p.end for p in clause.patients)]
    return _without_doers(
        replace(
            clause,
            agents=agents,
            patients=[*victims, *(p for p in clause.patients if not (_is_place(p) and _common(victims)))],
            places=_unique([*clause.places, *args.places(verb, verb.sent)]),  # "by a bomb outside Basra"
            times=clause.times or args.times(verb, verb.sent),
        )
    )


def _common(victims: list[Span]) -> bool:
    """Victims named by a common noun ("12 civilians") make a place recipient redundant; a
    name the dictionary may not know ("al-Rufay'i") does not."""
    return any(v.root.pos_ == "NOUN" for v in victims)


def _without_doers(clause: Clause) -> Clause:
    """A doer is not its own recipient."""
    doers = [(a.start, a.end) for a in clause.agents]
    return replace(clause, patients=[p for p in clause.patients if not any(s <= p.root.i < e for s, e in doers)])


def _strikes(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in STRIKE_LEMMAS


def _with_struck(clause: Clause, verb: Token) -> Clause:
    """An attack noun as the subject of what it did ("Russian shelling hit a hospital in
    Kharkiv"): the verb's object is what was attacked, its place where."""
    struck = [
        member_span(content_head(t))
        for c in verb.children
        if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
        for t in split_conj(content_head(c))
    ]
    return replace(
        clause,
        patients=struck,
        places=_unique([*clause.places, *args.places(verb, verb.sent)]),
        times=clause.times or args.times(verb, verb.sent),
    )


def _toll_verb(noun: Token) -> Token | None:
    """The toll verb whose cause an event noun is ("died in an Israeli bombardment",
    "died as a result of torture")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ not in ("prep", "agent"):
        return None
    verb = prep.head
    if prep.lower_ in ("of", "from"):  # a cause of death
        if verb.lemma_.lower() in ("result", "consequence") and verb.dep_ == "pobj":
            verb = verb.head.head  # "as a result of"
        return verb if verb.lemma_.lower() in DEATH_LEMMAS else None
    return verb if prep.lower_ in CAUSE_PREPS and verb.lemma_.lower() in TOLL_LEMMAS else None


def _toll_victims(verb: Token) -> list[Span]:
    """The victims of a toll verb ("two soldiers died in an Israeli bombardment", "were
    wounded in mortar fire"); numbers alone are no victims."""
    if any(c.dep_ == "neg" for c in verb.children):
        return []  # "the civilians were not injured in the attack"
    verbs = [verb, verb.head] if verb.dep_ == "conj" and verb.head.lemma_.lower() in TOLL_LEMMAS else [verb]
    if verb.lemma_.lower() in DEATH_LEMMAS:
        deps = {"nsubj"}
    elif any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        deps = {"nsubjpass"}
    else:
        deps = {"nsubjpass", "dobj"}  # a bare participle ("12 wounded") or an active verb
    victims = [antecedent(c) for v in verbs for c in v.children if c.dep_ in deps and c.pos_ != "NUM"]
    return [member_span(content_head(t)) for s in victims for t in split_conj(content_head(s))]


def _modifier_doers(noun: Token) -> list[Span]:
    """Who an event noun's modifiers name: "Israeli tank" (shelling), "a Saudi-led
    coalition" (airstrike), "Russian artillery" (shelling)."""
    prev = _stranded_modifier(noun)
    if prev is not None and (is_name(prev) or national(prev)):
        return [noun_span(prev)]  # "in Israeli tank shelling"
    for c in noun.lefts:
        if c.dep_ != "compound" or c.pos_ != "NOUN":
            continue
        if national(c):
            return [noun_span(c)]  # "Russian artillery shelling"
        led = [m for m in noun.lefts if m.i < c.i and _led_by_name(m)]
        if led:
            return [noun.doc[led[0].left_edge.i : c.i + 1]]  # "a Saudi-led coalition airstrike"
    led = [m for m in noun.lefts if _led_by_name(m) and m.i + 1 == noun.i]
    return [noun.doc[led[0].left_edge.i : led[0].i + 1]] if led else []  # "a Saudi-led airstrike"


def _led_by_name(mod: Token) -> bool:
    """'Saudi-led', 'US-backed': a modifier naming who led or backed the event."""
    return mod.dep_ == "amod" and mod.lower_ in ("led", "backed") and any(
        is_name(t) or t.ent_type_ == "NORP" for t in mod.lefts)


def _conjoined_doers(agents: list[Span], noun: Token) -> list[Span]:
    """'Iraqi and U.S. airstrikes': the modifier's conjuncts are doers too."""
    taken = {t.i for a in agents for t in a}
    return [
        noun.doc[c.i : c.i + 1]
        for a in agents
        if len(a) == 1 and a.root.head.i == noun.i
        for c in a.root.conjuncts
        if c.i not in taken and (is_name(c) or c.ent_type_ == "NORP")
    ]


def _origin(noun: Token) -> list[Span]:
    """Where an attack came from stands for its unnamed doer: "rocket fire from Lebanon",
    "shelling from Syrian territory" (a named place or a national one, not "from the air")."""
    for o in (o for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children):
        if o.dep_ == "pobj" and (o.ent_type_ in PLACE_ENTS or national(o)):
            return [noun_span(o)]
    return []


def _custodian(verb: Token) -> list[Span]:
    """Who held the victim: "died ... while in Israeli police custody" -> Israeli police."""
    for o in (o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children):
        if o.dep_ == "pobj" and o.lemma_.lower() == "custody":
            mods = [m for m in o.lefts if m.dep_ in ("amod", "compound", "poss", "nmod")]
            if mods:
                return [o.doc[min(m.left_edge.i for m in mods) : o.i]]
    return []


def _with_force(agent: Span, noun: Token, trigger: Span, weapons: dict[str, str]) -> Span:
    """A nationality on an event noun followed by the force or weapon that carried it out
    ("Russian artillery shelling", "a Kurdish rebel attack", "Israeli tank fire") names
    the doer with that force; another word of the event's name ("a French air strike")
    does not."""
    if len(agent) != 1 or agent.root.head.i != noun.i or agent.root.dep_ != "amod":
        return agent
    force = [
        c
        for c in noun.lefts
        if c.dep_ in ("compound", "amod")  # after a nationality, a kind of force: "Kurdish rebel"
        and c.pos_ in ("NOUN", "ADJ")
        and c.i == agent.end
        and (c.i < trigger.start or c.lower_ in weapons or c.lemma_.lower() in weapons)
    ]
    return noun.doc[agent.start : force[0].i + 1] if force else agent


def _is_place(span: Span) -> bool:
    return span.root.ent_type_ in PLACE_ENTS


def _larger(a: int | None, b: int | None) -> int | None:
    return max(a, b) if a is not None and b is not None else (a if a is not None else b)


def _unique(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out: list[Span] = []
    for s in spans:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out
