"""Clauses: one trigger with its who / whom / where / when / how many and modality.

`find_clauses(sent, lexicon)` is the extractor's entry point. Steps:
1. triggers (verbs, phrasal and light verbs, event nouns) from `triggers`;
2. a verb whose subject is itself an event noun ("airstrikes killed 25")
   folds into the noun's clause, so the strike is one event, not two;
3. arguments from `arguments`, counts from `counts`, modality from
   `modality`; a stated future act not governed by another trigger is
   recoded as AGREE or THREATEN, as PLOVER codes intentions;
4. a THREATEN whose threatened act is known takes the sharper CAMEO code
   ("threatened to impose sanctions" 1312-style, via the act's type);
5. confidence starts from the entry and drops for missing actors, quoted
   speech and recoded intentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..lexicon import LexEntry, Lexicon
from ..ontology import load as load_ontology
from . import arguments as args
from .counts import count_of, sentence_counts
from .headline import is_title_case, recase
from .modality import intent_entry, is_refusal, is_stated_intent, modality, refusal_entry
from .quotes import inside_quotes, quote_regions
from .triggers import Trigger, find_triggers

VIOLENT = {"ASSAULT", "COERCE"}
# Natural and accidental causes are not political actors ("floods destroyed houses").
NATURAL_CAUSES = {
    "flood",
    "floods",
    "flooding",
    "storm",
    "storms",
    "cyclone",
    "hurricane",
    "typhoon",
    "earthquake",
    "quake",
    "wildfire",
    "wildfires",
    "fire",
    "fires",
    "landslide",
    "landslides",
    "tsunami",
    "drought",
    "rain",
    "rains",
    "collapse",
    "building",
    "buildings",
    "accident",
    "crash",
    "disease",
    "virus",
    "outbreak",
    "pandemic",
    "epidemic",
    "heatwave",
    "avalanche",
    "eruption",
    "lightning",
    "winds",
    "tornado",
}
NATIONAL_MODS = {"GPE", "NORP", "ORG"}
# The CAMEO threat matching the threatened act, by the act's code (longest prefix wins):
# "threatened to cut ties" 1313, "to impose sanctions" 1312, "to impose a curfew" 1323...
THREAT_BY_ACT = {
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "137",
    "171": "1382",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "173": "132",
    "174": "136",
    "191": "1381",
    "192": "1382",
    "14": "133",
    "15": "138",
    "18": "138",
    "19": "1384",
    "20": "1385",
    "08": "136",
}
PRIORITY = (
    "suicide-attack",
    "unconventional",
    "explosives",
    "drone",
    "aerial",
    "heavy-weapons",
    "firearms",
    "primitive",
    "crowd-control",
)
HIGH_OFFICE = {
    "president",
    "minister",
    "chief",
    "governor",
    "mayor",
    "leader",
    "commander",
    "general",
    "judge",
    "prosecutor",
    "senator",
    "lawmaker",
    "deputy",
    "premier",
    "king",
    "prince",
    "ambassador",
    "envoy",
    "candidate",
    "official",
    "spokesman",
    "cleric",
    "imam",
    "journalist",
    "activist",
}


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
VICTIM_POSSESSOR = {
    "killing",
    "assassination",
    "execution",
    "murder",
    "death",
    "arrest",
    "detention",
    "kidnapping",
    "abduction",
    "release",
    "torture",
    "beheading",
}


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
    for c in noun.lefts:
        if c.dep_ == "poss" and noun.lemma_.lower() not in VICTIM_POSSESSOR:
            out.append(args.noun_span(c))
        elif c.dep_ in ("compound", "amod", "nmod") and (c.ent_type_ in NATIONAL_MODS or c.pos_ == "PROPN"):
            out.append(noun.doc[c.i : c.i + 1] if c.dep_ == "amod" else args.noun_span(c))
    for c in noun.children:  # "airstrikes carried out by US jets"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            out += args.agents(c)
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
        if (
            t.entry.type in ("REQUEST", "ACCUSE")
            and t.head.tag_ == "VBG"
            and gov is not None
            and gov.entry.type == "PROTEST"
            and t.head.dep_ in ("advcl", "xcomp", "acl", "pcomp", "conj")
        ):
            continue  # "demonstrated calling for independence": the slogan of the protest
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
        if node.head is node or node.dep_ not in (
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


def _with(entry: LexEntry, **changes: object) -> LexEntry:
    return LexEntry(**{**{f: getattr(entry, f) for f in entry.__slots__}, **changes})


def threat_code(act: LexEntry) -> str | None:
    for k in range(len(act.cameo), 1, -1):
        if act.cameo[:k] in THREAT_BY_ACT:
            return THREAT_BY_ACT[act.cameo[:k]]
    return None


def _sharpen_threat(entry: LexEntry, act: LexEntry) -> LexEntry:
    """THREATEN + the threatened act -> the matching CAMEO threat code and mode."""
    code = threat_code(act)
    if code is None or entry.cameo not in ("130", "13"):
        return entry
    cameo = load_ontology().cameo(code)
    return _with(entry, cameo=code, mode=cameo.plover_mode, contexts=cameo.contexts)


def _assault_mode(
    entry: LexEntry, anchor: Token, agents: list[Span], patients: list[Span], lex: Lexicon
) -> LexEntry:
    """An ASSAULT with no mode takes one from its weapons or its victim.

    "attacked by militiamen armed with machetes" -> primitive; "killed by an
    improvised explosive device" -> explosives; "US warplanes bombed" ->
    aerial; killing a named office-holder ("killed the deputy chief") ->
    assassinate.
    """
    if entry.type != "ASSAULT" or entry.mode is not None:
        return entry
    onto = load_ontology()
    victims = {t.i for p in patients for t in p}
    pool = [t for t in args.local_subtree(anchor) if t.i not in victims and t.i != anchor.i]
    pool += [t for a in agents for t in a.root.subtree if t.i not in victims]
    found: set[str] = set()
    for tok in pool:
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        for key in (
            tok.lower_,
            tok.lemma_.lower(),
            f"{prev.lower_} {tok.lower_}" if prev is not None else "",
        ):
            if key in lex.instruments:
                found.add(lex.instruments[key])
    mode = next((m for m in PRIORITY if m in found), None)
    if (
        mode is None
        and entry.lemma in ("kill", "shoot", "murder", "gun")
        and any(p.root.lemma_.lower() in HIGH_OFFICE for p in patients)
    ):
        mode = "assassinate"
    if mode is None:
        return entry
    code = onto.default_cameo("ASSAULT", mode)
    return _with(entry, mode=mode, cameo=code, contexts=entry.contexts or onto.cameo(code).contexts)


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
        return doc.char_span(base + span.start_char, base + span.end_char, alignment_mode="expand")

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
    if not triggers:
        return demands
    triggers, verb_of = _folded_verbs(triggers)
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
            mood = modality(verb) if verb is not None else "asserted"
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
            if trig.noun is not None:  # the event noun is not its own recipient ("a series of airstrikes")
                patients = [p for p in patients if not (p.start <= trig.noun.i < p.end)]
                patients += args.patients(trig.noun, entry.targets, entry.type)
                if trig.noun.dep_ in ("compound", "amod"):  # "a mediation effort between X and Y"
                    patients += args.patients(trig.noun.head, entry.targets, entry.type)
            mood = modality(head)
            anchor = head
        if quoted and not agents:
            continue  # a slogan or an imperative in quotes, not a reported act
        if any(
            a.root.lemma_.lower() in NATURAL_CAUSES
            or a.root.lower_ in NATURAL_CAUSES
            or any(t.lower_ in ("cyclone", "hurricane", "typhoon", "storm") for t in a)
            for a in agents
        ):
            continue  # "Tropical Cyclone Jude slammed...", "collapsing buildings injured 15"
        if entry.reverse:  # "X faced charges from Y": Y acts on X
            agents, patients = patients, agents
        governor = _governing_trigger(head if not trig.is_nominal else anchor, heads)
        recoded = False
        if governor is not None and governor.entry.type == "THREATEN" and entry.type != "THREATEN":
            heads[governor.head.i] = Trigger(
                governor.span, governor.head, _sharpen_threat(governor.entry, entry), governor.noun
            )
        attributive = anchor.dep_ == "acl" and anchor.head.pos_ == "NOUN"  # "a threat to boycott"
        if mood == "future" and governor is None and not attributive and is_stated_intent(anchor):
            intent = intent_entry(entry, onto)
            if intent is not None and intent.type == "THREATEN" and (code := threat_code(entry)):
                intent = _with(intent, cameo=code, mode=onto.cameo(code).plover_mode)
            if intent is not None:
                entry, mood, recoded = intent, "asserted", True
        elif mood == "negated" and governor is None and is_refusal(anchor):
            refusal = refusal_entry(entry)
            if refusal is not None:
                entry, mood, recoded = refusal, "asserted", True
        patients = _with_owners(patients, trig, entry, anchor, sent)
        if entry.type == "PROTEST":
            patients += _protest_targets(head if not trig.is_nominal else anchor)
        if governor is not None and governor.entry.type in INHERITS:
            inner_patients.setdefault(governor.head.i, patients)  # "threatened to summon the ambassador"
        entry = _assault_mode(entry, anchor, agents, patients, lexicon)
        agent_roots = {a.root.i for a in agents}
        patients = _unique([p for p in patients if p.root.i not in agent_roots])
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
        if clause.entry.type in INHERITS and not clause.patients:
            agent_roots = {a.root.i for a in clause.agents}
            clause.patients = [p for p in inner_patients.get(trig.head.i, []) if p.root.i not in agent_roots]
    _assign_counts(out, sent, verb_of)
    return sorted([c for _, c in out] + demands, key=lambda c: c.trigger.start)


SPEECH = {
    "say",
    "declare",
    "announce",
    "conclude",
    "insist",
    "state",
    "reiterate",
    "tell",
    "add",
    "stress",
    "argue",
    "write",
    "warn",
}
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
            if not musts:
                continue
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


# Governors that take their complement's recipients when they have none
# ("threatened to summon the ambassador", "offered to hand over suspects to Britain").
INHERITS = {"THREATEN", "AGREE", "REJECT", "CONCEDE"}
PROTEST_AIMS = {"demand", "protest", "call", "press", "urge", "denounce", "condemn", "oppose", "reject", "seek"}


def _protest_targets(verb: Token) -> list[Span]:
    """Whom a protest is aimed at: "to demand reforms by Suharto", "in protest against Sweden's decision"."""
    out: list[Span] = []
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp", "acl", "conj") and c.lemma_.lower() in PROTEST_AIMS:
            for p in args.patients(c, ("against", "from", "by", "on"), "PROTEST"):
                out += [p, *args.owners(p.root)]
        if c.dep_ == "prep" and c.lower_ in ("in", "to"):
            for noun in (o for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in ("protest", "opposition")):
                for p in args.patients(noun, ("against", "of", "at", "over"), "PROTEST"):
                    out += [p, *args.owners(p.root)]
    return out


# The light noun of these types is the other party's proposal or demand
# ("rejected calls by Annan", "accepted demands from the rebels").
OTHER_PARTY_NOUN = {"REJECT", "CONCEDE", "AGREE", "SUPPORT", "ACCUSE"}
# Types whose direct object is usually a thing whose owner is the recipient.
THING_OBJECTS = {"REJECT", "CONCEDE", "AGREE", "REQUEST", "THREATEN", "SANCTION", "RETREAT", "SUPPORT"}
# Where these acts apply is who they apply to ("extended the curfew in Abidjan").
TERRITORIAL = {"COERCE", "CONCEDE", "THREATEN", "MOBILIZE", "SANCTION"}


def _with_owners(patients: list[Span], trig: Trigger, entry: LexEntry, anchor: Token, sent: Span) -> list[Span]:
    """Add the owners of things acted on, and for territorial acts the place, as recipients.

    Only for types whose object is usually a thing (a plan, a demand, a ban),
    not a party: "rejected an Indian proposal" -> India, but "met the US envoy"
    stays one recipient.
    """
    if entry.reverse:
        return patients
    extra = [o for p in patients for o in args.owners(p.root)] if entry.type in THING_OBJECTS else []
    if trig.noun is not None and entry.type in OTHER_PARTY_NOUN:
        extra += args.owners(trig.noun)
    out = patients + extra
    people = entry.mode in ("arrest", "deport", "release")
    if entry.type in TERRITORIAL and not people and not any(args.is_name(p.root) for p in out):
        out += args.places(anchor, sent)  # "lifted the curfew in Abidjan"
    return out


def _unique(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out: list[Span] = []
    for s in spans:
        if (s.start, s.end) not in seen and len(s):
            seen.add((s.start, s.end))
            out.append(s)
    return out
