"""Recipients found when the trigger has no object of its own.

Event coders since TABARI fill an empty target slot from places a news
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
  subject ("police in Jerusalem arrested ...");
- failing those, the first named party in the verb phrase, PETRARCH's rule:
  "departed from Libya", "criticized the closure of guest houses in Bree"
  (`lower_parties`).

`fallback_patients` is called by `clauses` only when no recipient found so
far is a name, so it never overrides a named object.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from . import arguments as args
from . import phrases
from ..lexicon.cues import word_set

# Types whose place names the other party ("the host").
HOST_TYPES = {"ASSAULT", "PROTEST", "MOBILIZE", "AID", "CONSULT", "COERCE"}
# Types whose purpose clause names the target ("fired to disperse the crowd"); for the
# others an infinitive is the act's content ("threatened to cut off power"), handled by `clauses`.
FORCE_TYPES = {"ASSAULT", "COERCE"}
HOST_PREPS = {"in", "at", "into", "inside", "to"}
# Movement verbs whose "for" phrase is a destination ("left for Cairo").
# ("left" is listed because the small model lemmatises the past tense as itself.)
TRAVEL = word_set("events", "travel_verbs")
# Prepositions on a thing acted on that name the other party: "a deal with X", "aid to X",
# "talks between X and Y", "sanctions on X", "a campaign against X", "a programme for X".
DEAL_PREPS = ("with", "to", "between", "on", "against", "for")
PLACE_LABELS = {"GPE", "LOC"}
NOT_PLACE = {"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}


def fallback_patients(
    anchor: Token, type_: str, *, has_object: bool = False, taken: Sequence[Span] = ()
) -> list[Span]:
    """Parties behind the object's complement; with no object at all, the destination or host;
    failing those, the first name in the verb phrase (`lower_parties`).

    `has_object`: the trigger already has a (non-name) object, a thing such as
    "a trade protocol", whose complement may still name the party; the host
    place is then not needed. `taken`: the recipients found so far; when one
    of them holds a name or nationality ("Palestinian workers") the verb
    phrase is not searched further.
    """
    found = complement_parties(anchor)
    for inner in (c for c in anchor.children if c.dep_ == "xcomp" and not found):
        # "threatened to break relations with Russia", "to cut off power to Nakhichevan"
        found = complement_parties(inner) or _names(
            [o for p in inner.children if p.dep_ == "prep" and p.lower_ in DEAL_PREPS for o in _pobjs(p)]
        )
    if found:
        return found
    if has_object:
        if any(_named(t) for span in taken for t in span):
            return []
        return lower_parties(anchor, taken, hosts=type_ in HOST_TYPES)
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and anchor.head.pos_ in ("NOUN", "PROPN"):
        return [args.noun_span(t) for t in args.split_conj(args.content_head(anchor.head))]  # "soldiers killed in X"
    purpose = [c for c in anchor.children if c.dep_ == "advcl" and c.pos_ == "VERB"
               and any(a.lower_ == "to" for a in c.children)] if type_ in FORCE_TYPES else []
    for verb in purpose:  # "opened fire to disperse the demonstrators"
        objects = [d for d in verb.children if d.dep_ == "dobj"]
        if objects:
            return [args.noun_span(t) for o in objects for t in args.split_conj(args.content_head(o))]
    if anchor.lemma_.lower() in TRAVEL:
        return host_places(anchor, travel=True) or lower_parties(anchor, hosts=True)
    if type_ in HOST_TYPES:
        return host_places(anchor) or lower_parties(anchor, hosts=True)
    return lower_parties(anchor)


def _named(tok: Token) -> bool:
    """A name or nationality: a recipient holding one ("Palestinian workers", "leaders of
    the Muslim Brotherhood") names its party, and the verb phrase is not searched further."""
    return args.is_name(tok) or tok.ent_type_ == "NORP"


# Dependents of the trigger that are not part of what it acts on.
NOT_LOWER = {"nsubj", "nsubjpass", "csubj", "expl", "agent", "aux", "auxpass", "mark", "punct", "cc", "neg"}
LOCATIVE = {"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within"}
NOT_PARTY = {"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "ORDINAL", "QUANTITY"}


def lower_parties(anchor: Token, taken: Sequence[Span] = (), *, hosts: bool = False) -> list[Span]:
    """The first named party inside what the trigger acts on, PETRARCH's target rule.

    With no party found otherwise, coders since TABARI take the first actor in
    the verb phrase: "departed from Libya", "fired shells at Seoul", "criticized
    the closure of guest houses in Bree", "marched close to the border with
    Mordor". Only the trigger's own clause is searched, after the trigger (no
    subject, no nested clause such as "for acting against Moscow"); a proper
    name modifying a noun stands alone ("an anti-Gondor parade" -> Gondor), a
    nationality adjective does not, but the noun it qualifies does ("his
    commitment to the Zambian people"). A passive
    trigger's target is its subject, so nothing is searched ("were killed in
    Israeli shelling": Israel is the doer). Names inside a recipient already
    found (`taken`: "all settlements in the Gaza Strip") are the resolver's to
    read there, not separate parties. Where the act happened (a locative on
    the trigger itself: "spoke in Nairobi") names the other party only for
    types whose place is the host (`hosts`, see HOST_TYPES); a place on what
    is acted on does ("criticized the closure of guest houses in Bree").
    """
    if args.is_passive(anchor):
        return []
    inside = {i for span in taken for i in range(span.start, span.end)}
    # the verb's own arguments come before its complement clause: "called on Gondor to
    # allow ..."; after it ("offered to negotiate ... following the invasion of Dagestan")
    # the complement's act names its own party
    comps = [c.i for c in anchor.children if c.dep_ in ("xcomp", "ccomp") and c.i > anchor.i]
    limit = min(comps, default=len(anchor.doc))
    for tok in _lower_tokens(anchor):
        if tok.i >= limit:
            break
        if tok.i in inside or tok.ent_type_ in NOT_PARTY or not tok.is_alpha:
            continue
        if not hosts and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE and tok.head.head == anchor:
            continue  # where the act happened, not what it acted on
        if tok.dep_ in ("amod", "compound", "nmod", "poss") and not args.is_name(tok.head):
            if tok.pos_ == "PROPN":
                return [args.noun_span(tok) if tok.dep_ != "amod" else tok.doc[tok.i : tok.i + 1]]
            continue
        if tok.dep_ in ("compound", "flat") or not (args.is_name(tok) or _national_noun(tok)):
            continue  # part of a longer name (its head comes later), or not a party
        return [args.noun_span(t) for t in args.split_conj(args.content_head(tok))]
    return []


# Faiths the NER tags like nationalities: "a strict Islamic state" names no party.
RELIGIOUS = word_set("events", "religious_words")


def _national_noun(tok: Token) -> bool:
    """A common noun with a nationality or name: "the Zambian people", "Kampuchean guerrilla camps"."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("pobj", "dobj", "conj", "appos"):
        return False
    return any(
        c.dep_ in ("amod", "compound", "poss", "nmod")
        and (args.is_name(c) or c.ent_type_ == "NORP")
        and c.lower_ not in RELIGIOUS
        for c in tok.lefts
    )


def _lower_tokens(anchor: Token) -> list[Token]:
    """Tokens after the trigger in its own clause, minus subjects and nested clauses."""
    out, stack = [], [c for c in anchor.children if c.i > anchor.i and _lower(c) and c.dep_ not in NOT_LOWER]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if _lower(c)]
    return sorted(out, key=lambda t: t.i)


def _lower(tok: Token) -> bool:
    """Is the token part of what the trigger acts on? Not a nested clause or a conjoined
    verb, except a participle describing a noun ("the roads leading into Mordor", "memos
    sent by Bree") and an infinitive of purpose ("signed an accord to supply Gondor")."""
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("VBG", "VBN"):
        return True
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True
    return (
        tok.dep_ not in args.CLAUSE_DEPS
        and tok.dep_ != "pcomp"
        and not (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))
    )


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
            named = args.is_name(tok) or phrases.national(tok)  # "Panamanian army officers"
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


def _inside_name(part: Span, whole: Span) -> bool:
    """Is `part` a piece of the one name `whole` spells out (both in the same entity)?"""
    if not (whole.start <= part.start and part.end <= whole.end and len(part) < len(whole)):
        return False
    return whole.root.i < part.start and args.same_entity(whole.root, part.root)


# Nouns for people of an organisation or place: "workers of the United Bus Company"
# are the party themselves, not a thing that belongs to the company.
PEOPLE = word_set("events", "member_nouns")


def drop_containers(patients: list[Span]) -> list[Span]:
    """Keep the party, not the thing around it: "demanded the resignation of President X"
    has X as recipient, so the span "the resignation of President X" is dropped when X
    is a recipient of its own (in a phrase after the container's head: "of", "from",
    "in"). A modifier does not replace its noun ("the Turkish government" stays), nor
    does anything replace a named container or people of a party ("workers of the
    United Bus Company"), nor does an unnamed thing replace a
    container that names a party elsewhere ("guest houses" does not replace "the
    closure of guest houses in Bree")."""
    out = []
    for p in patients:
        if any(q is not p and _inside_name(p, q) for q in patients):
            continue  # "the Total Independence of Angola" inside "National Union for the ... of Angola"
        inner = [q for q in patients if q is not p and p.root.i < q.start and q.end <= p.end]
        covered = {i for q in inner for i in range(q.start, q.end)}
        named_elsewhere = any(args.is_name(t) for t in p if t.i not in covered and t.i != p.root.i)
        if args.is_name(p.root) or p.root.lemma_.lower() in PEOPLE or not any(
            args.is_name(q.root) or phrases.national(q.root) or not named_elsewhere for q in inner
        ):
            out.append(p)
    return out
