"""Recipients found when the trigger has no object of its own.

Event coders since TABARI fill an empty target slot from two places a news
editor would point to:

- the party named in the *complement of the thing acted on*: "signed a trade
  protocol with Dagolath", "signed an accord to supply Gondor with wheat",
  "restored ties with Cairo": the deal's other side is the recipient;
- the noun a participle describes ("ten soldiers killed in Ukraine": the soldiers),
  and the object of a purpose clause ("opened fire to disperse the crowd");
- the *host* of an act that happens somewhere: "US and British activists
  protested in Beijing" (China), "Putin and Obama will meet in Zurich"
  (Switzerland), "the minister left for Cairo for talks" (Egypt), "troops
  deployed in Iraq" (Iraq). Only for types whose place is where the other
  party is (violence, protest, mobilisation, aid, meetings), and only for a
  named place the trigger itself governs -- never a place inside the
  subject ("police in Jerusalem arrested ...").

`fallback_patients` is called by `clauses` only when every other rule has
left the recipient list empty, so it never overrides a parsed object.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import arguments as args

# Types whose place names the other party ("the host").
HOST_TYPES = {"ASSAULT", "PROTEST", "MOBILIZE", "AID", "CONSULT", "COERCE"}
# Types whose purpose clause names the target ("fired to disperse the crowd"); for the
# others an infinitive is the act's content ("threatened to cut off power"), handled by `clauses`.
FORCE_TYPES = {"ASSAULT", "COERCE"}
HOST_PREPS = {"in", "at", "into", "inside", "to"}
# Movement verbs whose "for" phrase is a destination ("left for Cairo").
# ("left" is listed because the small model lemmatises the past tense as itself.)
TRAVEL = {"leave", "left", "depart", "fly", "head", "travel", "arrive", "go", "come", "visit"}
# Prepositions on a thing acted on that name the other party: "a deal with X", "aid to X",
# "talks between X and Y", "sanctions on X", "a campaign against X", "a programme for X".
DEAL_PREPS = ("with", "to", "between", "on", "against", "for")
PLACE_LABELS = {"GPE", "LOC"}
NOT_PLACE = {"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}


def fallback_patients(anchor: Token, type_: str, *, has_object: bool = False) -> list[Span]:
    """Parties behind the object's complement; with no object at all, the destination or host.

    `has_object`: the trigger already has a (non-name) object, a thing such as
    "a trade protocol", whose complement may still name the party; the host
    place is then not needed.
    """
    found = complement_parties(anchor)
    for inner in (c for c in anchor.children if c.dep_ == "xcomp" and not found):
        # "threatened to break relations with Russia", "to cut off power to Nakhichevan"
        found = complement_parties(inner) or _names(
            [o for p in inner.children if p.dep_ == "prep" and p.lower_ in DEAL_PREPS for o in _pobjs(p)]
        )
    if found or has_object:
        return found
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and anchor.head.pos_ in ("NOUN", "PROPN"):
        return [args.noun_span(t) for t in args.split_conj(args.content_head(anchor.head))]  # "soldiers killed in X"
    purpose = [c for c in anchor.children if c.dep_ == "advcl" and c.pos_ == "VERB"
               and any(a.lower_ == "to" for a in c.children)] if type_ in FORCE_TYPES else []
    for verb in purpose:  # "opened fire to disperse the demonstrators"
        objects = [d for d in verb.children if d.dep_ == "dobj"]
        if objects:
            return [args.noun_span(t) for o in objects for t in args.split_conj(args.content_head(o))]
    if anchor.lemma_.lower() in TRAVEL:
        return host_places(anchor, travel=True)
    if type_ in HOST_TYPES:
        return host_places(anchor)
    return []


def complement_parties(anchor: Token) -> list[Span]:
    """'signed a protocol with X', 'an accord to supply X': the party behind the thing acted on.

    The thing may sit in an "of"-chain ("welcomed the resumption of ties with X").
    A name in the trigger's own "with" phrase is the other party too ("signed a deal on
    Thursday with X"); things ("attacked with rockets") are not names and are left out.
    """
    out = _names([o for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                  for o in _pobjs(c)])
    for obj in _things(anchor):
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ in DEAL_PREPS:
                out += _names(_pobjs(c))
            elif c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
                out += _names([d for d in c.children if d.dep_ in ("dobj", "dative")])
                out += _names(
                    [o for p in c.children if p.dep_ == "prep" and p.lower_ in DEAL_PREPS for o in _pobjs(p)]
                )
    return out


def _things(anchor: Token) -> list[Token]:
    """The direct object and the nouns of its "of"-chain: 'a resumption of talks' -> resumption, talks."""
    out: list[Token] = []
    frontier = [c for c in anchor.children if c.dep_ == "dobj"]
    for _ in range(3):
        out += frontier
        frontier = [o for t in frontier for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in _pobjs(p) if not args.is_name(o)]
    return out


def _pobjs(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ == "pobj"]


def _names(heads: list[Token]) -> list[Span]:
    """Noun phrases naming a party (a name, or a noun with a nationality: "Panamanian
    officers"), conjuncts split; things ('wheat', 'rockets') are left out."""
    out: list[Span] = []
    for h in heads:
        for tok in args.split_conj(args.content_head(h)):
            named = args.is_name(tok) or args.national(tok)  # "Panamanian army officers"
            if named and tok.ent_type_ not in ("DATE", "TIME", "MONEY", "CARDINAL", "PERCENT"):
                out.append(args.noun_span(tok))
    return out


def _place_in(obj: Token, *, travel: bool) -> Token | None:
    """The named place an object of 'in/at/to' stands for ('the town of Gorazde' -> Gorazde).

    A travel destination is a place whatever the NER calls it ("left for Minas Tirith").
    """
    if obj.ent_type_ in PLACE_LABELS or (obj.pos_ == "PROPN" and (travel or obj.ent_type_ not in NOT_PLACE)):
        return obj
    return next((t for t in obj.subtree if t.ent_type_ in PLACE_LABELS and t.dep_ == "pobj"), None)


def host_places(anchor: Token, *, travel: bool = False) -> list[Span]:
    """Named places the trigger (or its object) governs with in/at/into/to ('for' after travel verbs)."""
    preps = HOST_PREPS | {"for"} if travel else HOST_PREPS
    holders = [anchor, *(c for c in anchor.children if c.dep_ in ("dobj", "xcomp", "advcl"))]
    out: list[Span] = []
    for holder in holders:
        for c in holder.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            for o in _pobjs(c):
                place = _place_in(o, travel=travel)
                if place is not None and all(place.i not in range(s.start, s.end) for s in out):
                    out.append(args.noun_span(place))
    return out


def drop_containers(patients: list[Span]) -> list[Span]:
    """Keep the party, not the thing around it: "demanded the resignation of President X"
    has X as recipient, so the span "the resignation of President X" is dropped when X
    is a recipient of its own (in a phrase after the container's head: "of", "from",
    "in"). A modifier does not replace its noun ("the Turkish government" stays), nor
    does anything replace a named container."""
    return [
        p
        for p in patients
        if args.is_name(p.root)
        or not any(q is not p and p.root.i < q.start and q.end <= p.end for q in patients)
    ]
