"""Clauses: one trigger with its who / whom / where / when / how many and modality.

`find_clauses(sent, lexicon)` is the extractor's entry point. Steps:
1. a Title Case headline is parsed again in sentence case (`headline`);
2. triggers (verbs, phrasal and light verbs, event nouns) from `triggers`;
3. a killing verb whose subject (or "in ...") is an event noun ("airstrikes
   killed 25", "was killed in an airstrike") folds into the noun's clause,
   so the strike is one event; "..., killing 25" folds into its shooting;
4. who / whom / where / when from `arguments`, modality from `modality`;
   a stated future act not governed by another trigger is recoded as AGREE
   or THREATEN, and a refused cooperative act ("will not accept") as REJECT,
   as PLOVER codes intentions; "X said Y must ..." is a REQUEST;
5. sharper codes and recipients from `refine` (threat codes, assault modes,
   owners of the things acted on); governors (threaten, agree, refuse) take
   their complement's recipients;
6. dead / wounded / crowd size from `counts`, each count to its own clause;
7. confidence starts from the entry and drops for missing actors, quoted
   speech and recoded intentions.
Slogans and imperatives in quotes, natural causes ("the cyclone slammed")
and background participles ("a member jailed a year ago") give no clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..lexicon import LexEntry, Lexicon
from ..lexicon.cues import word_set
from ..ontology import load as load_ontology
from . import allegations, background, recipients, refine
from . import arguments as args
from .attribution import is_attribution
from .counts import count_of, sentence_counts
from .headline import is_title_case, recase
from .intent import (
    intent_entry,
    is_refusal,
    is_stated_intent,
    is_ultimatum,
    refusal_entry,
)
from .modality import modality, noun_modality
from .phrases import carry_reading
from .quotes import inside_quotes, quote_regions
from .triggers import Trigger, find_triggers

VIOLENT = {"ASSAULT", "COERCE"}
# Word lists are data (data/lexicon/cues/clauses.yaml and speech.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
# Natural and accidental causes are not political actors ("floods destroyed houses").
NATURAL_CAUSES = word_set("clauses", "natural_causes")
# Words that title a named storm anywhere in the subject: "Tropical Cyclone Jude".
STORM_TITLES = word_set("clauses", "storm_titles")
NATIONAL_MODS = {"GPE", "NORP", "ORG"}


@dataclass(slots=True)
class Clause:
    """One event mention. Spans point into the sentence's Doc."""

    trigger: Span
    entry: LexEntry
    agents: list[Span] = field(default_factory=list)
    patients: list[Span] = field(default_factory=list)
    places: list[Span] = field(default_factory=list)
    times: list[Span] = field(default_factory=list)
    fatalities: int | None = None
    injuries: int | None = None
    size: int | None = None
    modality: str = "asserted"
    confidence: float = 0.5

    @property
    def type(self) -> str:
        return self.entry.type


# Nouns whose possessor is the victim, not the doer ("al-Rufai's killing").
VICTIM_POSSESSOR = word_set("clauses", "victim_possessor_nouns")


def _noun_agents(noun: Token) -> list[Span]:
    """Who carried out a nominal event: 'by' agent, possessor, national modifier."""
    out: list[Span] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for o in c.children:
                if o.dep_ == "pobj":
                    out += [args.noun_span(args.content_head(t)) for t in args.split_conj(o)]
    if out:
        return out
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        return args.agents(head.head.head)  # "IS claimed responsibility for the bombing": IS
    for c in noun.lefts:
        if args.is_time(c):
            continue  # "Tuesday's bombing"
        if c.dep_ == "poss" and noun.lemma_.lower() not in VICTIM_POSSESSOR:
            out.append(args.noun_span(c))
        elif c.dep_ in ("compound", "amod", "nmod") and (c.ent_type_ in NATIONAL_MODS or c.pos_ == "PROPN"):
            out.append(noun.doc[c.i : c.i + 1] if c.dep_ == "amod" else args.noun_span(c))
    for c in noun.children:  # "airstrikes carried out by US jets"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            out += [a for a in args.agents(c) if a.root.i != noun.i]
    return out


def _noun_patients(trig: Trigger, verb: Token | None) -> list[Span]:
    noun = trig.head
    out = args.patients(noun, trig.entry.targets, trig.entry.type)
    if noun.lemma_.lower() in VICTIM_POSSESSOR:
        out += [args.noun_span(c) for c in noun.lefts if c.dep_ == "poss"]
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("target", "hit", "kill", "destroy", "wound"):
            out += [args.noun_span(d) for d in c.children if d.dep_ == "dobj"]
    if verb is not None:
        out += [args.noun_span(d) for d in verb.children if d.dep_ in ("dobj", "nsubjpass")]
    return out


def _folded_verbs(triggers: list[Trigger]) -> tuple[list[Trigger], dict[int, Token]]:
    """Drop verb triggers whose subject is a nominal trigger; remember the verb for the noun."""
    nouns = {t.head.i: t for t in triggers if t.is_nominal}
    keep: list[Trigger] = []
    verb_of: dict[int, Token] = {}
    by_head = {t.head.i: t for t in triggers}
    protests = {t.head.i for t in triggers if t.entry.type == "PROTEST"}
    for t in triggers:
        if not t.is_nominal:
            subj = [c for c in t.head.children if c.dep_ in ("nsubj",) and c.i in nouns]
            if not subj and t.head.dep_ in ("acl", "relcl") and t.head.head.i in nouns:
                subj = [t.head.head]  # "airstrikes that killed 25", "US airstrikes killed 25" (headline)
            if not subj and t.entry.lemma in ("kill", "wound", "injure"):
                # "was killed Thursday in an airstrike": the strike is the event
                subj = [
                    o
                    for c in t.head.children
                    if c.dep_ == "prep" and c.lower_ in ("in", "during", "by")
                    for o in c.children
                    if o.dep_ == "pobj" and o.i in nouns
                ][:1]
            if subj and t.entry.type in ("ASSAULT", "COERCE"):
                verb_of[subj[0].i] = t.head
                continue
        gov = by_head.get(t.head.head.i)
        if t.entry.type in ("REQUEST", "ACCUSE") and refine.is_protest_slogan(t.head, protests):
            continue  # "demonstrated calling for independence": the slogan of the protest (H3)
        if (
            t.entry.lemma in ("kill", "wound", "injure")
            and t.head.tag_ == "VBG"
            and t.head.dep_ in ("advcl", "conj", "xcomp")
            and gov is not None
            and gov is not t
            and gov.entry.type in ("ASSAULT", "COERCE", "PROTEST")
        ):
            continue  # "opened fire, killing 3": the killing is the shooting's toll
        keep.append(t)
    return keep, verb_of


def _governing_trigger(tok: Token, heads: dict[int, Trigger]) -> Trigger | None:
    """The trigger whose complement this act is ('threatened to summon' -> threatened)."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in (
            "xcomp",
            "ccomp",
            "pcomp",
            "pobj",
            "prep",
            "acl",
            "advcl",
            "dobj",
        ):
            return None
        node = node.head
        if node.i in heads:
            return heads[node.i]
    return None


def _assign_counts(clauses: list[tuple[Trigger, Clause]], sent: Span, verb_of: dict[int, Token]) -> None:
    """Give each death / injury count to the violent clause it belongs to."""
    violent = [(t, c) for t, c in clauses if c.type in VIOLENT or c.type == "PROTEST"]
    if not violent:
        return
    nodes: dict[int, Clause] = {}
    for t, c in violent:
        for tok in (t.head, t.noun, verb_of.get(t.head.i)):
            if tok is not None:
                nodes.setdefault(tok.i, c)
    for kind, value, anchor in sentence_counts(sent):
        owner = None
        for node in [anchor, *anchor.ancestors]:
            owner = nodes.get(node.i)
            if owner is not None:
                break
        if owner is None:
            for t, c in violent:
                if anchor.i in {x.i for x in t.head.subtree} or t.head.i in {x.i for x in anchor.subtree}:
                    owner = c
                    break
        if owner is None:
            owner = min(violent, key=lambda tc: abs(tc[0].head.i - anchor.i))[1]
        if getattr(owner, kind) is None or getattr(owner, kind) < value:
            setattr(owner, kind, value)


def _size(agents: list[Span]) -> int | None:
    for span in agents:
        root = span.root
        for tok in (root, *(t for t in span if t.dep_ in ("nummod",))):
            value = count_of(root if tok is root else tok.head)
            if value is not None and value > 1:
                return value
        # "hundreds of protesters": the quantity head governs the agent
        head = root.head
        if root.dep_ == "pobj" and head.lower_ == "of":
            value = count_of(head.head)
            if value is not None and value > 1:
                return value
    return None


def _confidence(entry: LexEntry, clause: Clause, quoted: bool, recoded: bool) -> float:
    conf = entry.confidence
    if not clause.agents:
        conf -= 0.15
    if quoted:
        conf -= 0.15
    if recoded:
        conf -= 0.05
    return round(min(0.99, max(0.05, conf)), 3)


def find_clauses(sent: Span, lexicon: Lexicon) -> list[Clause]:
    """All event clauses in one sentence (every modality; callers filter).

    A Title Case headline is parsed again in sentence case (see `headline`)
    and its clauses mapped back onto `sent` by character offsets.
    """
    if is_title_case(sent):
        text = recase(sent, lexicon)
        if text != sent.text:
            return _recased(sent, text, lexicon)
    return _clauses(sent, lexicon)


def _recased(sent: Span, text: str, lexicon: Lexicon) -> list[Clause]:
    from ..nlp import load as load_nlp

    redone = load_nlp()(text)
    redone.user_data["headline"] = True
    found = [c for s in redone.sents for c in _clauses(s, lexicon)]
    doc, base = sent.doc, sent.start_char

    def back(span: Span) -> Span | None:
        mapped = doc.char_span(base + span.start_char, base + span.end_char, alignment_mode="expand")
        if mapped is not None:
            carry_reading(span, mapped, base)  # "Ministers of France, Germany": each minister's own words
        return mapped

    def back_all(spans: list[Span]) -> list[Span]:
        return [m for m in (back(s) for s in spans) if m is not None]

    out: list[Clause] = []
    for c in found:
        trigger = back(c.trigger)
        if trigger is None:
            continue
        c.trigger, c.agents, c.patients = trigger, back_all(c.agents), back_all(c.patients)
        c.places, c.times = back_all(c.places), back_all(c.times)
        out.append(c)
    return out


def _clauses(sent: Span, lexicon: Lexicon) -> list[Clause]:
    triggers = find_triggers(sent, lexicon)
    demands = _demands(sent, {t.head.i for t in triggers if t.entry.type == "REQUEST"})
    protests = {t.head.i for t in triggers if t.entry.type == "PROTEST"}  # "rallied, saying X must go" (H3)
    demands = [d for d in demands if not refine.is_protest_slogan(d.trigger.root.head, protests)]
    if not triggers:
        return demands
    triggers, verb_of = _folded_verbs(triggers)
    trigger_heads = {t.head.i for t in triggers}
    triggers = [t for t in triggers if not is_attribution(t.head, t.entry, trigger_heads)]  # "..., he said"
    heads = {t.head.i: t for t in triggers}
    regions = quote_regions(sent.doc)
    onto = load_ontology()
    out: list[tuple[Trigger, Clause]] = []
    inner_patients: dict[int, list[Span]] = {}
    for trig in triggers:
        head, entry = trig.head, trig.entry
        quoted = inside_quotes(head, regions)
        if trig.is_nominal:
            verb = verb_of.get(head.i) or next(
                (
                    c
                    for c in head.children
                    if c.dep_ in ("acl", "relcl")
                    and c.lemma_.lower() in ("kill", "wound", "injure", "hit", "target")
                ),
                None,
            )
            agents = _noun_agents(head)
            if not agents and verb is not None:  # "guerrillas wounded two soldiers in a bomb attack"
                agents = args.agents(verb)
            patients = _noun_patients(trig, verb)
            mood = modality(verb) if verb is not None else noun_modality(head)  # (H3)
            anchor = verb or (head.head if head.dep_ in ("nsubj", "nsubjpass") else head)
        else:
            agents = args.agents(head)
            skip = ("for",) if entry.kind == "phrasal" else ()
            patients = args.patients(head, entry.targets, entry.type)
            if entry.kind == "phrasal":  # "opened fire on X": 'fire' is part of the verb
                patients = [p for p in patients if p.root.lower_ not in entry.words]
            if entry.kind == "phrasal" and entry.words and entry.words[-1] not in skip:
                patients += [
                    args.noun_span(o)
                    for c in head.children
                    if c.dep_ == "prep" and c.lower_ == entry.words[-1]
                    for o in c.children
                    if o.dep_ == "pobj"
                ]
            if entry.kind == "pattern" and entry.targets:  # Phoenix '+': the object of that preposition
                patients += [
                    args.noun_span(o)
                    for p in args.local_subtree(head)
                    if p.dep_ == "prep" and p.lower_ in entry.targets
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
            if trig.noun is not None and not entry.party:  # the event noun is not its own recipient
                patients = [p for p in patients if not (p.start <= trig.noun.i < p.end)]
                patients += args.patients(trig.noun, entry.targets, entry.type)
                if trig.noun.dep_ in ("compound", "amod"):  # "a mediation effort between X and Y"
                    patients += args.patients(trig.noun.head, entry.targets, entry.type)
            mood = modality(head)
            anchor = head
        if quoted and not agents:
            continue  # a slogan or an imperative in quotes, not a reported act
        if background.is_background(anchor):
            continue  # "the group that has seized parts of Iraq": who the group is, not an event
        if any(
            a.root.lemma_.lower() in NATURAL_CAUSES
            or a.root.lower_ in NATURAL_CAUSES
            or any(t.lower_ in STORM_TITLES for t in a)
            for a in agents
        ):
            continue  # "Tropical Cyclone Jude slammed...", "collapsing buildings injured 15"
        if entry.reverse:  # "X faced charges from Y": Y acts on X
            agents, patients = patients, agents
        governor = _governing_trigger(head if not trig.is_nominal else anchor, heads)
        recoded = False
        if governor is not None and governor.entry.type == "THREATEN" and entry.type != "THREATEN":
            heads[governor.head.i] = Trigger(
                governor.span, governor.head, refine.sharpen_threat(governor.entry, entry), governor.noun
            )
        attributive = anchor.dep_ == "acl" and anchor.head.pos_ == "NOUN"  # "a threat to boycott"
        ultimatum = mood == "future" and entry.type != "THREATEN" and is_ultimatum(anchor)
        if mood == "future" and governor is None and not attributive and (ultimatum or is_stated_intent(anchor)):
            intent = refine.ultimatum(entry) if ultimatum else intent_entry(entry, onto)
            if intent is not None and intent.type == "THREATEN" and (code := refine.threat_code(entry)):
                intent = refine.with_changes(intent, cameo=code, mode=onto.cameo(code).plover_mode)
            if intent is not None:
                entry, mood, recoded = intent, "asserted", True
        elif mood == "negated" and governor is None and is_refusal(anchor):
            refusal = refusal_entry(entry)
            if refusal is not None:
                entry, mood, recoded = refusal, "asserted", True
        if trig.entry.stated and not recoded:
            continue  # "the approach allows analysts to ...": only a promise or refusal is an event
        patients = refine.with_owners(patients, trig, entry, anchor, sent)
        if entry.type == "PROTEST":
            patients += refine.protest_targets(head if not trig.is_nominal else anchor)
        if not entry.reverse and not any(args.is_name(p.root) for p in patients):
            # "signed a protocol with X", "protested in Beijing", "left for Cairo"
            patients = patients + recipients.fallback_patients(
                anchor, entry.type, has_object=bool(patients), taken=patients
            )
        if governor is not None and governor.entry.type in refine.INHERITS:
            inner_patients.setdefault(governor.head.i, patients)  # "threatened to summon the ambassador"
        entry = refine.assault_mode(entry, anchor, agents, patients, lexicon)
        agent_roots = {a.root.i for a in agents}
        patients = recipients.drop_containers(_unique([p for p in patients if p.root.i not in agent_roots]))
        clause = Clause(
            trigger=trig.span,
            entry=entry,
            agents=_unique(agents),
            patients=patients,
            places=args.places(anchor, sent) + (args.places(head, sent) if anchor is not head else []),
            times=args.times(anchor, sent),
            modality=mood,
        )
        if entry.type == "PROTEST":
            clause.size = _size(clause.agents)
        clause.confidence = _confidence(entry, clause, quoted, recoded)
        out.append((trig, clause))
    for trig, clause in out:  # threats take the threatened act's code; governors its recipients
        new = heads.get(trig.head.i)
        if new is not None and new.entry is not trig.entry and clause.entry.type == "THREATEN":
            clause.entry = new.entry
        if clause.entry.type in refine.INHERITS and not clause.patients:
            agent_roots = {a.root.i for a in clause.agents}
            clause.patients = [p for p in inner_patients.get(trig.head.i, []) if p.root.i not in agent_roots]
    _assign_counts(out, sent, verb_of)
    returned = [  # "X visited Y" is also "Y hosted X" where the dictionary pairs the codes
        replace(c, entry=refine.paired_entry(c.entry), agents=c.patients, patients=c.agents)
        for _, c in out
        if c.entry.paired and c.agents and c.patients
    ]
    found = allegations.recast([c for _, c in out], sent)  # "X claimed that Y attacked Z": ACCUSE
    return sorted(found + returned + demands, key=lambda c: c.trigger.start)


SPEECH = word_set("speech", "must_speech_verbs")
MUST = LexEntry(
    lemma="must",
    pattern="say + must",
    type="REQUEST",
    mode=None,
    cameo="100",
    kind="verb",
    confidence=0.6,
    source="rule",
)


def _demands(sent: Span, taken: set[int]) -> list[Clause]:
    """'X said Y must Z' is X demanding Z of Y (PLOVER REQUEST, CAMEO 100)."""
    out: list[Clause] = []
    for verb in sent:
        if verb.lemma_.lower() not in SPEECH or verb.pos_ != "VERB":
            continue
        for comp in verb.children:
            if comp.dep_ != "ccomp" or comp.i in taken:
                continue
            musts = [c for c in comp.children if c.dep_ == "aux" and c.lower_ == "must"]
            if not musts or any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in comp.children):
                continue  # (H3) "we must tackle the mess": a resolve, not a demand on anyone
            doc = sent.doc
            out.append(
                Clause(
                    trigger=doc[musts[0].i : comp.i + 1] if musts[0].i < comp.i else doc[comp.i : comp.i + 1],
                    entry=MUST,
                    agents=args.agents(verb),
                    patients=[args.noun_span(c) for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")],
                    places=args.places(verb, sent),
                    times=args.times(verb, sent),
                    confidence=0.6 if args.agents(verb) else 0.45,
                )
            )
    return out


def _unique(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out: list[Span] = []
    for s in spans:
        if (s.start, s.end) not in seen and len(s):
            seen.add((s.start, s.end))
            out.append(s)
    return out
