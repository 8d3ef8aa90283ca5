"""Where an event happened: choosing among the places of its sentence.

An event's place is the toponym reached from its trigger through a locative
preposition ("killed in Baghdad", "at the embassy in Baghdad", "during the
offensive in Afghanistan", "In Vienna, ... marched"); the closer its
attachment to the trigger in the parse, the better. A place that only
describes an actor is never the event's place: possessives and modifiers
("Iraq's premier", "Baghdad-based", "a driver from Abidjan"), and subjects or
objects ("Iran accused the US"). Nor is a place that describes something else
in the sentence: an office ("the commander in Iraq" loses to "during a visit
to Beirut" and is kept only as the last resort), a relative clause on a noun
("troops which have their bases in Turkey", unless the noun is where it
happened: "at a shop they ran in Colombo"), an attribution ("according to
officials in Kabul"), or a topic ("a statement on Iraq"), and a place that
owns or is a reference point for another ("Jerusalem's Old City", "north of
the city of Multan") gives way to it. Where a visit, a march or an entrance leads ("to") is a
place like "in"; verbs sharing a subject ("shot and killed ... in X") share
their place. With no locative place in the sentence the caller may fall back
to the dateline (`dateline=`), which this module only passes through.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon.cues import word_set
from ..model import Place
from .geo_recognise import DIRECTIONS, territorial_verbs

# Prepositions that put an event somewhere (not "from": a driver from Abidjan).
EVENT_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "into", "on",
    "off", "along", "between", "onto", "towards", "toward", "over", "under", "beyond", "through"})
# Nouns naming people or their institutions: a place modifying them describes
# an actor ("Iraqi forces", "the US embassy", "Iraq's premier"), not where.
ACTOR_NOUNS = word_set("places", "actor_nouns")
# Nouns that are themselves places, so a name modifying them still locates ("Aziziyah district").
PLACE_NOUNS = word_set("places", "place_nouns")
# An office's place ("the commander in Iraq") describes the person: any other locative
# place beats it (data/lexicon/cues/places.yaml `title_nouns`).
TITLE_NOUNS = word_set("places", "title_nouns")
OFFICE_PENALTY = 3.0
# Where a visit, a march or an entrance leads ("during a visit to Beirut") is the event's place.
TRAVEL_WORDS = word_set("places", "travel_words")
DESTINATION_PREPS = frozenset({"to"})
# Leaving a place happens there: "troops withdrew from Gaza", "expelled from Iran".
DEPARTURE_WORDS = word_set("places", "departure_words")
# A country's own war is in it ("Syria's civil war"); its offensive is its act.
SITUATION_NOUNS = word_set("places", "situation_nouns")
# Words and acts about a place: "a statement on Iraq", "sanctions on Iran", "a dispute
# over Kashmir" name what they are about, not where anything happened.
TOPIC_PREPS = frozenset({"on", "over", "about"})
TOPIC_NOUNS = word_set("places", "topic_nouns")
# Attributions: "according to officials in Kabul" places the source, not the event.
ATTRIBUTION_WORDS = frozenset({"according"})
# Heads through which a locative phrase still belongs to the event it modifies.
CLIMB_DEPS = frozenset({"compound", "amod", "nmod", "appos", "conj", "pobj", "npadvmod", "poss"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative", "attr"})
# Nouns for a part of or a place near another: its "of" complement is the container.
RELATIVE_NOUNS = word_set("places", "relative_nouns")
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "conj", "pcomp"})
DISTANCE_WORDS = word_set("places", "distance_words")
# A place that owns another ("Jerusalem's Old City") only says where that one is.
POSSESSOR_PENALTY = 0.5
# Finer places win over the wider ones on the same phrase ("the Belarus capital Minsk").
SPECIFICITY = {"PCLI": 0.0, "CONT": 0.0, "RGN": 0.1, "ADM1": 0.1, "ADM2": 0.15}


def _object_place(tok: Token, trigger: Token, country: bool = False) -> bool:
    """The place is what a territorial verb acts on: "captured (the town of) Badme";
    not the owner named before what was acted on ("stormed the US embassy")."""
    if trigger.lemma_.lower() not in territorial_verbs():
        return False
    cur = tok
    for _ in range(4):
        if cur.head == trigger and cur.dep_ in ("dobj", "nsubjpass"):
            return True
        if cur.dep_ in ("compound", "amod", "poss") and (
                _actorish(cur.head) or (country and cur.head.lemma_.lower() not in PLACE_NOUNS)):
            return False
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
                _actorish(cur.head) or (country and cur.head.lemma_.lower() not in PLACE_NOUNS | SITUATION_NOUNS)):
            return None  # "US embassy", "Iraq's premier", "a U.S. airstrike": who, not where
        head = cur.head
        if cur.dep_ == "pobj" and head.dep_ in ("prep", "conj"):
            if head.lower_ in TOPIC_PREPS and head.head.lemma_.lower() in TOPIC_NOUNS:
                return None  # "a statement on Iraq", "sovereignty over Kashmir": what, not where
            if head.lower_ in EVENT_PREPS or (head.lower_ in DESTINATION_PREPS
                                              and head.head.lemma_.lower() in TRAVEL_WORDS) or (
                    head.lower_ == "from" and head.head.lemma_.lower() in DEPARTURE_WORDS):
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


def _shares_subject(verb: Token) -> bool:
    """A conjoined verb with no subject of its own is the same act as the verb it
    joins ("shot and killed a motorist in the West Bank"), not another clause."""
    return verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _describes_person(prep: Token, trigger: Token) -> bool:
    """Whether a locative phrase belongs to who someone is rather than to what
    happened: an office ("the commander in Iraq") or an apposition that says who
    someone is ("Kupczyk, an officer with the brigade in the Baltic port,")."""
    if prep.head.lemma_.lower() in TITLE_NOUNS:
        return True
    cur = prep.head
    while cur != trigger and cur.head != cur:
        if cur.dep_ == "appos" and (_actorish(cur) or cur.lemma_.lower() in TITLE_NOUNS):
            return True
        cur = cur.head
    return False


def _describes_noun(clause: Token) -> bool:
    """A relative clause tells about its noun, not the event: "troops which have their
    bases in Turkey", "a grenade that killed a soldier in Afghanistan". Only when the
    noun is itself where the event happened does its clause's place still locate it
    ("shot at a shop they ran in Colombo")."""
    noun = clause.head
    return clause.dep_ == "relcl" and not (noun.dep_ == "pobj" and noun.head.lower_ in EVENT_PREPS)


def _attachment(prep: Token, trigger: Token) -> float | None:
    """How close a locative phrase is to the trigger in the parse (higher = closer);
    None when it lies in a relative clause that describes a noun (`_describes_noun`;
    a clause on the event's own noun still tells where: "the attacks it carried out
    in Iraq") or in an attribution ("according to officials in Kabul")."""
    head = prep.head
    if head == trigger:
        return 3.0
    if trigger.is_ancestor(head):
        cur, clause = head, False
        while cur != trigger and cur.head != cur:
            if (_describes_noun(cur) and cur.head != trigger) or cur.lower_ in ATTRIBUTION_WORDS:
                return None
            clause |= cur.pos_ in ("VERB", "AUX") and cur.dep_ in CLAUSE_DEPS and not _shares_subject(cur)
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
    northern Iraq", "110 km east of Algiers", "north of Baghdad", and a
    possessor of a place ("Dagestan's capital Makhachkala", "Jerusalem's Old City")."""
    owner = POSSESSOR_PENALTY if tok.dep_ == "poss" and _placeish(tok.head) else 0.0
    return owner + _reference(tok, prep)


def _placeish(tok: Token) -> bool:
    return tok.lemma_.lower() in PLACE_NOUNS or tok.ent_type_ in ("GPE", "LOC", "FAC")


def _reference(tok: Token, prep: Token | None) -> float:
    """The penalty for a reference point or a container (see `_container`)."""
    framed = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PLACE_NOUNS
    ref = tok.head.head if framed else tok  # "northeast of the city of Multan": as "of Multan"
    if ref.dep_ == "pobj" and ref.head.lower_ == "of" and (
            ref.head.head.lower_ in DIRECTIONS or ref.head.head.lemma_.lower() in DISTANCE_WORDS):
        return 1.0
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in RELATIVE_NOUNS:
        return 0.5  # "the southern countryside of Aleppo", "the outskirts of Kabul"
    if prep is not None and _placeish(prep.head):
        return 0.5
    if tok.dep_ == "appos" and _placeish(tok.head):
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
        if _object_place(root, tok, country=place.feature == "PCLI") or (root.head == tok and root.dep_ == "npadvmod"):
            score = 3.0  # "captured Badme", "captured off Mogadishu"
        else:
            prep = _locative_prep(root, country=place.feature == "PCLI")
            attachment = _attachment(prep, tok) if prep is not None else None
            if prep is None or attachment is None:
                continue
            score = attachment - _container(root, prep)
            if _describes_person(prep, tok):
                score -= OFFICE_PENALTY  # "the commander in Iraq": only when nothing else says where
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
