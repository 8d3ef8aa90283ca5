"""Where an event happened: choosing among the places of its sentence.

An event's place is the toponym reached from its trigger through a locative
preposition ("killed in Baghdad", "at the embassy in Baghdad", "during the
offensive in Afghanistan", "In Vienna, ... marched"); the closer its
attachment to the trigger in the parse, the better. A place that only
describes an actor is never the event's place: possessives and modifiers
("Iraq's premier", "Baghdad-based", "a driver from Abidjan"), and subjects or
objects ("Iran accused the US"). With no locative place in the sentence the
caller may fall back to the dateline (`dateline=`), which this module only
passes through.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Place
from .geo_recognise import DIRECTIONS, territorial_verbs

# Prepositions that put an event somewhere (not "from": a driver from Abidjan).
EVENT_PREPS = frozenset(
    "in at near outside inside across throughout around within into on off along between "
    "onto towards toward over under beyond through".split())
# Nouns naming people or their institutions: a place modifying them describes
# an actor ("Iraqi forces", "the US embassy", "Iraq's premier"), not where.
ACTOR_NOUNS = frozenset(
    "force forces troop troops soldier army military police policeman officer official "
    "government minister ministry president premier leader leadership militant rebel "
    "fighter protester demonstrator people man woman civilian spokesman spokeswoman "
    "ambassador envoy embassy consulate mission delegation diplomat authority authorities "
    "regime parliament team player national citizen resident worker student journalist "
    "reporter group member commander general chief king prince queen counterpart side "
    "people's".split())
# Nouns that are themselves places, so a name modifying them still locates ("Aziziyah district").
PLACE_NOUNS = frozenset(
    "city town village district province governorate region area neighbourhood "
    "neighborhood suburb capital state county camp border territory enclave strip valley "
    "zone quarter outskirts municipality island coast port base airport street square "
    "market mosque checkpoint highway road compound refugee countryside vicinity suburb "
    "suburbs villages towns cities settlement settlements neighbourhoods neighborhoods "
    "districts".split())
# Heads through which a locative phrase still belongs to the event it modifies.
CLIMB_DEPS = frozenset({"compound", "amod", "nmod", "appos", "conj", "pobj", "npadvmod", "poss"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative", "attr"})
# Nouns for a part of or a place near another: its "of" complement is the container.
RELATIVE_NOUNS = frozenset(
    "countryside outskirts vicinity suburb suburbs perimeter environs edge heart centre "
    "center part parts north south east west".split())
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "conj", "pcomp"})
DISTANCE_WORDS = frozenset("km kilometre kilometer kilometres kilometers mile miles".split())
# Finer places win over the wider ones on the same phrase ("the Belarus capital Minsk").
SPECIFICITY = {"PCLI": 0.0, "CONT": 0.0, "RGN": 0.1, "ADM1": 0.1, "ADM2": 0.15}


def _object_place(tok: Token, trigger: Token) -> bool:
    """The place is what a territorial verb acts on: "captured (the town of) Badme"."""
    if trigger.lemma_.lower() not in territorial_verbs():
        return False
    cur = tok
    for _ in range(4):
        if cur.head == trigger and cur.dep_ in ("dobj", "nsubjpass"):
            return True
        if cur.dep_ in ("compound", "amod", "appos", "conj", "poss") or (
                cur.dep_ == "pobj" and cur.head.lower_ == "of"):
            cur = cur.head if cur.dep_ != "pobj" else cur.head.head
            continue
        return False
    return False


def _tokens(doc: Doc, place: Place) -> Span | None:
    off = doc.user_data.get("offset", 0)
    if place.start is None or place.end is None:
        return None
    return doc.char_span(place.start - off, place.end - off, alignment_mode="expand")


def _locative_prep(tok: Token, country: bool = False) -> Token | None:
    """The locative preposition a place token hangs from, or None if it describes
    an actor or nothing (walks up compounds, "of"-phrases and appositions)."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ACTOR_DEPS and cur.lemma_.lower() not in PLACE_NOUNS:
            return None
        if cur.dep_ in ("compound", "amod", "nmod", "poss") and (
                _actorish(cur.head) or (country and cur.head.lemma_.lower() not in PLACE_NOUNS)):
            return None  # "US embassy", "Iraq's premier", "a U.S. airstrike": who, not where
        head = cur.head
        if cur.dep_ == "pobj" and head.dep_ in ("prep", "conj"):
            if head.lower_ in EVENT_PREPS:
                return head.head if head.dep_ == "conj" and head.head.dep_ == "prep" else head
            if head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS | {"bombardment", "outskirts"}:
                cur = head.head  # "the town of Bakwa": climb to "town"
                continue
            if head.lower_ == "of":
                cur = head.head
                continue
            return None
        if (cur.dep_ in CLIMB_DEPS or (cur.dep_ == "advmod" and cur.lower_ in DIRECTIONS)) and head is not cur:
            cur = head
            continue
        return None
    return None


def _actorish(tok: Token) -> bool:
    return tok.lemma_.lower() in ACTOR_NOUNS or tok.lower_ in ACTOR_NOUNS or tok.ent_type_ in (
        "PERSON", "ORG", "NORP")


def _attachment(prep: Token, trigger: Token) -> float:
    """How close a locative phrase is to the trigger in the parse (higher = closer)."""
    head = prep.head
    if head == trigger:
        return 3.0
    if trigger.is_ancestor(head):
        cur, clause = head, False
        while cur != trigger and cur.head != cur:
            clause |= cur.pos_ in ("VERB", "AUX") and cur.dep_ in CLAUSE_DEPS
            cur = cur.head
        # on a noun of the event's own phrase ("the offensive in Afghanistan"),
        # not inside another clause ("..., which was followed by a blast in Colombo")
        return 1.0 if clause else 2.5
    if head.is_ancestor(trigger):
        return 1.5  # on a governing verb ("In Vienna, ... marched to celebrate")
    return 1.0


def _container(tok: Token, prep: Token | None) -> float:
    """A penalty for a place that only locates another place or serves as a
    reference point: "the X district in central Damascus", "Makhmur district,
    northern Iraq", "110 km east of Algiers", "north of Baghdad"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
            tok.head.head.lower_ in DIRECTIONS or tok.head.head.lemma_.lower() in DISTANCE_WORDS):
        return 1.0
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in RELATIVE_NOUNS:
        return 0.5  # "the southern countryside of Aleppo", "the outskirts of Kabul"
    if prep is not None and (prep.head.lemma_.lower() in PLACE_NOUNS or prep.head.ent_type_ in ("GPE", "LOC", "FAC")):
        return 0.5
    if tok.dep_ == "appos" and (tok.head.lemma_.lower() in PLACE_NOUNS or tok.head.ent_type_ in ("GPE", "LOC", "FAC")):
        return 0.5
    return 0.0


def event_place(trigger: Span | Token, places: list[Place], *, dateline: Place | None = None) -> Place | None:
    """The place an event (its trigger) happened at among `places`, else `dateline`."""
    tok = trigger.root if isinstance(trigger, Span) else trigger
    doc = tok.doc
    sent = tok.sent
    best: tuple[float, Place] | None = None
    for place in places:
        span = _tokens(doc, place)
        if span is None or span.start < sent.start or span.end > sent.end:
            continue
        root = span.root
        if _object_place(root, tok) or (root.head == tok and root.dep_ == "npadvmod"):
            score = 3.0  # "captured Badme", "captured off Mogadishu"
        else:
            prep = _locative_prep(root, country=place.feature == "PCLI")
            if prep is None:
                continue
            score = _attachment(prep, tok) - _container(root, prep)
        score += SPECIFICITY.get(place.feature or "", 0.2) - 0.001 * abs(span.root.i - tok.i)
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS \
                and root.lemma_.lower() not in PLACE_NOUNS:
            score += 0.1  # "the town of Bakwa": the named place is the focus (not "district of Yala province")
        elif root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_NOUNS and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in root.head.children):
            score -= 0.05  # "the south Baghdad neighbourhood of Al-Bayaa": the wider place
        if best is None or score > best[0]:
            best = (score, place)
    return best[1] if best else dateline
