"""Sharper codings once a clause is found: threat codes, assault modes, recipients behind objects.

- THREATEN takes the CAMEO code of the threatened act ("threatened to cut
  ties" 1313, "to impose a curfew" 1323), and so do stated hostile intentions.
- An ASSAULT with no mode takes one from its weapons ("armed with machetes"
  primitive, "US warplanes" aerial) or its victim (killing an office-holder is
  an assassination).
- Recipients behind objects: the owner of the thing acted on ("rejected an
  *Indian* proposal", "calls *by Kofi Annan*"), the target of a protest's
  demand, and for territorial acts the place ("lifted the curfew in *Abidjan*").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import LexEntry, Lexicon
from ..ontology import load as load_ontology
from . import arguments as args
from .idioms import PARTNER_VERBS
from .triggers import Trigger
from ..lexicon.cues import word_set

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


def with_changes(entry: LexEntry, **changes: object) -> LexEntry:
    return LexEntry(**{**{f: getattr(entry, f) for f in entry.__slots__}, **changes})


def threat_code(act: LexEntry) -> str | None:
    for k in range(len(act.cameo), 1, -1):
        if act.cameo[:k] in THREAT_BY_ACT:
            return THREAT_BY_ACT[act.cameo[:k]]
    return None


def sharpen_threat(entry: LexEntry, act: LexEntry) -> LexEntry:
    """THREATEN + the threatened act -> the matching CAMEO threat code and mode."""
    code = threat_code(act)
    if code is None or entry.cameo not in ("130", "13"):
        return entry
    cameo = load_ontology().cameo(code)
    return with_changes(entry, cameo=code, mode=cameo.plover_mode, contexts=cameo.contexts)


def paired_entry(entry: LexEntry) -> LexEntry:
    """The act the recipient does in return (Phoenix "[032:033]": a visit is hosted)."""
    code = entry.paired or entry.cameo
    cameo = load_ontology().cameo(code)
    return with_changes(
        entry, type=cameo.plover_type or entry.type, cameo=code, mode=cameo.plover_mode,
        contexts=cameo.contexts, paired=None,
    )


def ultimatum(act: LexEntry) -> LexEntry:
    """'will withdraw its troops unless ...': a future act made conditional on the other
    side's conduct is a threat (PLOVER THREATEN; the CAMEO threat of that act, else 130)."""
    code = threat_code(act) or "130"
    cameo = load_ontology().cameo(code)
    return with_changes(
        act, type="THREATEN", cameo=code, mode=cameo.plover_mode, contexts=cameo.contexts,
        confidence=max(0.05, act.confidence - 0.1),
    )


# Crowd violence: who riots. Weapons of war keep an attack an ASSAULT whoever wields them.
PROTESTERS = {
    "protester",
    "protestor",
    "demonstrator",
    "rioter",
    "mob",
    "crowd",
    "marcher",
    "picketer",
}
RIOT_MODES = {None, "destroy", "primitive", "beat"}
# Armed men storming a place is an attack, not a crowd's riot ("gunmen stormed a hotel").
ARMED = {
    "gunman",
    "gunmen",
    "militant",
    "soldier",
    "troop",
    "force",
    "fighter",
    "rebel",
    "insurgent",
    "attacker",
    "assailant",
    "jihadist",
    "terrorist",
    "army",
    "commando",
    "militia",
    "militiaman",
    "paramilitary",
}
# "attacked the newspaper for refusing ...", "attacked the plan as reckless": words, not blows.
VERBAL_TARGETS = {
    "newspaper",
    "media",
    "press",
    "report",
    "remarks",
    "comments",
    "statement",
    "speech",
    "decision",
    "plan",
    "policy",
    "proposal",
    "law",
    "bill",
    "legislation",
    "regulation",
    "regulations",
    "budget",
    "ruling",
    "verdict",
    "scheme",
    "idea",
    "handling",
    "stance",
}
VERBAL_ATTACK_VERBS = word_set("events", "verbal_attack_verbs")
# Economic measures that "target" a country: sanctions, not violence.
MEASURES = {
    "tariff",
    "tariffs",
    "sanction",
    "sanctions",
    "duty",
    "duties",
    "embargo",
    "levy",
    "levies",
    "measure",
    "measures",
}


def assault_mode(
    entry: LexEntry, anchor: Token, agents: list[Span], patients: list[Span], lex: Lexicon
) -> LexEntry:
    """An ASSAULT with no mode takes one from its weapons or its victim; crowd violence is a riot.

    "attacked by militiamen armed with machetes" -> primitive; "killed by an
    improvised explosive device" -> explosives; "US warplanes bombed" ->
    aerial; killing a named office-holder ("killed the deputy chief") ->
    assassinate. Property destruction or unarmed violence by protesters ("a
    protestor demolished the building", "rioters torched cars") is PLOVER's
    PROTEST riot (CAMEO 145): "violent action ... intended to cause physical
    injury and/or property damage"; armed men storming a place ("gunmen stormed
    a hotel") is an attack (190); an attack in words ("attacked the newspaper
    for refusing ...", "attacked the plan as reckless") is criticism (ACCUSE 111).
    """
    if entry.type == "ASSAULT" and entry.lemma in VERBAL_ATTACK_VERBS and _verbal(anchor, patients):
        return _recoded(entry, "111")  # "Trump attacked the newspaper for refusing to support him"
    if entry.type == "ASSAULT" and entry.lemma == "target" and any(
        a.root.lemma_.lower() in MEASURES for a in agents
    ):
        return with_changes(_recoded(entry, "163"), type="SANCTION", mode=None)  # "tariffs targeting Canada"
    if entry.type == "PROTEST" and entry.mode == "riot" and any(_doer_lemma(a) in ARMED for a in agents):
        return _recoded(entry, "190")  # "gunmen stormed a hotel", "militants ..., where they stormed it"
    sharper = _weapon_mode(entry, anchor, agents, patients, lex)
    if sharper.type == "ASSAULT" and sharper.mode in RIOT_MODES and any(
        a.root.lemma_.lower() in PROTESTERS for a in agents
    ):
        return _recoded(sharper, "145")
    return sharper


PERSONAL_PRONOUNS = {"they", "he", "she"}


def _doer_lemma(agent: Span) -> str:
    """The agent's head lemma; for a pronoun, that of the nearest earlier subject noun of the
    sentence ("The militants blew up tracks ..., where they stormed it": militant)."""
    root = agent.root
    if root.lower_ not in PERSONAL_PRONOUNS:
        return root.lemma_.lower()
    earlier = [
        t
        for t in agent.sent
        if t.i < root.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
    ]
    return earlier[-1].lemma_.lower() if earlier else root.lemma_.lower()


def _recoded(entry: LexEntry, code: str) -> LexEntry:
    """The entry with another CAMEO code and that code's PLOVER type, mode and contexts."""
    cameo = load_ontology().cameo(code)
    return with_changes(
        entry, type=cameo.plover_type or entry.type, mode=cameo.plover_mode, cameo=code, contexts=cameo.contexts
    )


def _verbal(verb: Token, patients: list[Span]) -> bool:
    """An attack in words: a reason ("for refusing"), a label ("as reckless"), a text or a decision."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for" and any(o.tag_ == "VBG" for o in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "as":
            return True
    return any(p.root.lemma_.lower() in VERBAL_TARGETS for p in patients)


def _weapon_mode(
    entry: LexEntry, anchor: Token, agents: list[Span], patients: list[Span], lex: Lexicon
) -> LexEntry:
    if entry.type != "ASSAULT":
        return entry
    if entry.mode == "explosives":  # "blown up by a missile", "a suicide bomber detonated": the doer decides
        wielded = _instruments([t for a in agents for t in a], lex)
        mode = next((m for m in PRIORITY if m in wielded), None)
        return _with_mode(entry, mode) if mode in MILITARY_MODES | {"suicide-attack"} else entry
    if entry.mode is not None:
        return entry
    victims = {t.i for p in patients for t in p}
    pool = [t for t in args.local_subtree(anchor) if t.i not in victims and t.i != anchor.i]
    pool += [t for a in agents for t in a.root.subtree if t.i not in victims]
    found = _instruments(pool, lex)
    mode = next((m for m in PRIORITY if m in found), None)
    if (
        mode is None
        and entry.lemma in ("kill", "shoot", "murder", "gun")
        and any(p.root.lemma_.lower() in HIGH_OFFICE for p in patients)
    ):
        mode = "assassinate"
    return entry if mode is None else _with_mode(entry, mode)


# Weapons of war: a "bombing" carried out with them is not a non-military bombing (CAMEO 183).
MILITARY_MODES = {"drone", "aerial", "heavy-weapons"}


def _instruments(tokens: list[Token], lex: Lexicon) -> set[str]:
    """Assault modes named by weapon words among the tokens ("machetes", "car bomb")."""
    found: set[str] = set()
    for tok in tokens:
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        for key in (
            tok.lower_,
            tok.lemma_.lower(),
            f"{prev.lower_} {tok.lower_}" if prev is not None else "",
        ):
            if key in lex.instruments:
                found.add(lex.instruments[key])
    return found


def _with_mode(entry: LexEntry, mode: str) -> LexEntry:
    onto = load_ontology()
    code = onto.default_cameo("ASSAULT", mode)
    return with_changes(entry, mode=mode, cameo=code, contexts=entry.contexts or onto.cameo(code).contexts)


# Governors that take their complement's recipients when they have none
# ("threatened to summon the ambassador", "offered to hand over suspects to Britain").
INHERITS = {"THREATEN", "AGREE", "REJECT", "CONCEDE"}
PROTEST_AIMS = {
    "demand",
    "protest",
    "call",
    "press",
    "urge",
    "denounce",
    "condemn",
    "oppose",
    "reject",
    "seek",
}


def protest_targets(verb: Token) -> list[Span]:
    """Whom a protest is aimed at: "to demand reforms by Suharto", "in protest against Sweden's decision"."""
    out: list[Span] = []
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp", "acl", "conj") and c.lemma_.lower() in PROTEST_AIMS:
            for p in args.patients(c, ("against", "from", "by", "on"), "PROTEST"):
                out += [p, *args.owners(p.root)]
        if c.dep_ == "prep" and c.lower_ in ("in", "to"):
            for noun in (
                o for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in ("protest", "opposition")
            ):
                for p in args.patients(noun, ("against", "of", "at", "over"), "PROTEST"):
                    out += [p, *args.owners(p.root)]
    return out


SLOGAN_PATH = {"advcl", "xcomp", "acl", "pcomp", "prep", "conj"}


def is_protest_slogan(verb: Token, protest_heads: set[int]) -> bool:
    """Is this participle what protesters chant or demand, not an act of its own?

    "staged rallies against Abbas, *saying* he must resign", "rioted ... joining
    demonstrators in *demanding* a referendum": the demand is the protest's aim
    (coded as its recipient), so it gives no separate REQUEST.
    """
    if verb.tag_ != "VBG":
        return False
    node = verb
    for _ in range(3):
        if node.dep_ not in SLOGAN_PATH or node.head.i == node.i:
            return False
        node = node.head
        if node.i in protest_heads:
            return True
    return False


# The light noun of these types is the other party's proposal or demand
# ("rejected calls by Annan", "accepted demands from the rebels").
OTHER_PARTY_NOUN = {"REJECT", "CONCEDE", "AGREE", "SUPPORT", "ACCUSE"}
# Types whose direct object is usually a thing whose owner is the recipient.
THING_OBJECTS = {"REJECT", "CONCEDE", "AGREE", "REQUEST", "THREATEN", "SANCTION", "RETREAT", "SUPPORT"}
# Where these acts apply is who they apply to ("extended the curfew in Abidjan").
TERRITORIAL = {"COERCE", "CONCEDE", "THREATEN", "MOBILIZE", "SANCTION"}


def with_owners(
    patients: list[Span], trig: Trigger, entry: LexEntry, anchor: Token, sent: Span
) -> list[Span]:
    """Add the owners of things acted on, and for territorial acts the place, as recipients.

    Only for types whose object is usually a thing (a plan, a demand, a ban),
    not a party: "rejected an Indian proposal" -> India, but "met the US envoy"
    stays one recipient. The object of a partner verb is its topic, no party:
    "discussed China's role with Japan" meets Japan, not China.
    """
    if entry.reverse:
        return patients
    if entry.type == "CONSULT" and entry.lemma in PARTNER_VERBS:
        patients = [p for p in patients if not (p.root.dep_ == "dobj" and p.root.head.i == anchor.i)]
    party = (
        trig.noun.i if entry.party and trig.noun is not None else -1
    )  # "the British ambassador": one party
    things = [p for p in patients if p.root.i != party]
    extra = [o for p in things for o in args.owners(p.root)] if entry.type in THING_OBJECTS else []
    if trig.noun is not None and entry.type in OTHER_PARTY_NOUN:
        extra += args.owners(trig.noun)
    out = patients + extra
    people = entry.mode in ("arrest", "deport", "release")
    if entry.type in TERRITORIAL and not people and not any(args.is_name(p.root) for p in out):
        out += args.places(anchor, sent)  # "lifted the curfew in Abidjan"
    return out
