"""Country from the rest of the sentence, for actors whose own words name none.

An office holder we do not know ("President Levy Mwanawasa ... to the Zambian
people") serves the one state the sentence names; people and bodies that act where
they are (rebels, students, a newspaper) take the one state the sentence names, or
the one it names at least twice and most; unidentified attackers' devices take the
state of the places named; an ethnic group is coded with the state it lives in.
Reported speech, nationality words modifying other nouns and the other party's
states (`skip`) count less or not at all. Moved out of `actors.py`, which calls
`sentence_rules` after resolving a phrase.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..lexicon.cues import word_set
from ..model import Actor
from .coref import ActorContext, Mention

# Sectors of office holders whose country a story names beside them.
OFFICE_SECTORS = frozenset({"GOV", "ELI", "JUD", "LEG", "MIL"})
# Sectors of people and bodies that act where they are ("Shona rebels" fighting the
# Mozambique government, "a newspaper" in Beirut): a role noun of these sectors with no
# country of its own belongs to the one country its sentence names. Office holders
# ("a president") and unidentified or criminal actors ("gunmen") are left alone.
LOCAL_SECTORS = frozenset({"REB", "OPP", "PTY", "CVL", "JRN", "LAB", "EDU", "MED", "REL",
                           "SOC", "BUS", "AGR", "REF"})

# Codes that are not a state: a sentence naming the UN does not make its rebels the UN's.
NOT_STATES = frozenset({"UNO", "EUR", "IGO", "NGO", "IMG", "ISM", "MNC"})

# Mention kinds that are places: a bomb in Basra is Iraqi, whoever it killed.
PLACE_KINDS = frozenset({"country", "place"})


def sentence_rules(actor: Actor, span: Span, ctx: ActorContext, keys: tuple[str, ...],
                    skip: Sequence[Mention] = (), fallback: bool = True) -> None:
    """Country from the rest of the sentence, for actors whose phrase gives none (or
    only an ethnicity); the `skip` mentions (`_states_apart`) count only as a
    `fallback` (`_sentence_countries`)."""
    if actor.country is None and actor.sector in OFFICE_SECTORS and span.root.pos_ == "PROPN":
        _sentence_country(actor, span, ctx, skip=skip, fallback=fallback)
    elif actor.country is None and actor.sector in LOCAL_SECTORS:
        _sentence_country(actor, span, ctx, local=True, skip=skip, fallback=fallback)
    elif actor.country is None and actor.sector == "UAF":
        _sentence_country(actor, span, ctx, kinds=PLACE_KINDS, skip=skip,
                          fallback=fallback)
    if "ethnic" in keys and actor.country is not None:
        _ethnic_country(actor, span, ctx)


def _sentence_countries(actor: Actor, span: Span, ctx: ActorContext,
                        kinds: frozenset[str] | None = None, local: bool = False,
                        skip: Sequence[Mention] = (), fallback: bool = True) -> Counter:
    """How often each state is named in the span's sentence (by mentions of `kinds`,
    default all), the span itself and reported speech left out. Nationality words
    modifying other nouns count only for office holders and ethnic groups, and, for
    `local` actors, only when they modify a body that acts at home ("Egyptian police").
    The `skip` mentions (the other party's states, `_states_apart`) count only as a
    `fallback`, when no other mention does."""
    offset = span.doc.user_data.get("offset", 0)
    lo, hi = offset + span.sent.start_char, offset + span.sent.end_char
    own = (actor.start, actor.end)
    reported = _reported_tokens(span, reporter=local)
    found: Counter = Counter()
    held: Counter = Counter()
    for m in ctx.mentions:
        if not m.actor.country or m.actor.country in NOT_STATES or not lo <= m.position < hi:
            continue
        if own[0] is not None and own[0] <= m.position < (own[1] or own[0]):
            continue
        tok = mention_root(span, m.actor, offset)
        if tok is not None and tok.i in reported:
            continue
        if kinds is not None and m.kind not in kinds:
            continue
        if tok is not None and tok.dep_ in _MODIFIER_DEPS and (
                kinds is not None or (local and not domestic(tok))):
            continue
        (held if any(m is s for s in skip) else found)[m.actor.country] += 1
    return found if found or not fallback else held


# "French" in "nine French peacekeepers" gives the peacekeepers' country, not the place
# of the sentence: the rebels who killed them are not French. Only bodies that act at
# home ("Egyptian police", "Turkish authorities") place the sentence by their nationality.
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
_DOMESTIC_HEADS = word_set("coref", "domestic_heads")


def domestic(tok: Token) -> bool:
    """Whether a nationality word modifies a body that acts at home ("Egyptian police")."""
    return tok.dep_ in _MODIFIER_DEPS and tok.head.lemma_.lower() in _DOMESTIC_HEADS


def placed(tok: Token, phrase: Span) -> bool:
    """Whether a mention inside a phrase says where the phrase's actor is, not who it
    is: it hangs from a preposition inside the phrase ("Rebels in | the Ivory Coast",
    "troops based in | Mali")."""
    while phrase.start <= tok.i < phrase.end and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.i > phrase.start:
            return True
        tok = tok.head
    return False


def mention_root(span: Span, actor: Actor, offset: int) -> Token | None:
    """The head word of a remembered mention in the span's doc ("Aoun" of "General
    Michel Aoun"), if its offsets still fall on token boundaries there."""
    if actor.start is None or actor.end is None:
        return None
    mention = span.doc.char_span(actor.start - offset, actor.end - offset)
    return mention.root if mention is not None and len(mention) else None


# Speech verbs whose subject reports on the people in its complement (see _reported_tokens).
REPORTER_VERBS = word_set("speech", "reporter_verbs")


def _reported_tokens(span: Span, reporter: bool = False) -> set[int]:
    """Tokens of complement clauses the span is not part of: "Clerics believe Dagolath
    can cope" says what the clerics think about Dagolath, not where they are. With
    `reporter`, also the subject of the speech verb whose report holds the span: "The
    Observatory, a UK-based group, said eight people were killed" places the reporter,
    not the people reported on."""
    out: set[int] = set()
    for tok in span.sent:
        inside = tok.left_edge.i <= span.root.i <= tok.right_edge.i
        if tok.dep_ == "ccomp" and not inside:
            out.update(range(tok.left_edge.i, tok.right_edge.i + 1))
        elif reporter and inside and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTER_VERBS:
            for s in tok.head.children:
                if s.dep_ == "nsubj":
                    out.update(range(s.left_edge.i, s.right_edge.i + 1))
    return out


def _sentence_country(actor: Actor, span: Span, ctx: ActorContext,
                      kinds: frozenset[str] | None = None, local: bool = False,
                      skip: Sequence[Mention] = (), fallback: bool = True) -> None:
    """'President Levy Mwanawasa ... to the Zambian people': an office holder we do not
    know serves the one country the same sentence names (several: left unknown).

    For `local` actors (people and bodies acting where they are), a country named at
    least twice and more often than any other also counts ("students ... near AKP offices in Sivas ... sending Turkish troops to
    Iraq"): people and bodies act where the sentence mostly is.
    """
    found = _sentence_countries(actor, span, ctx, kinds, local=local, skip=skip, fallback=fallback)
    if len(found) == 1:
        actor.country = next(iter(found))
        actor.why = f"{actor.why}; country {actor.country}, the only one named in the sentence"
        return
    ranked = found.most_common(2)
    if local and len(ranked) == 2 and ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
        actor.country = ranked[0][0]
        actor.why = f"{actor.why}; country {actor.country}, the one the sentence names most"


def _ethnic_country(actor: Actor, span: Span, ctx: ActorContext) -> None:
    """'Ethnic Albanians ... near Macedonia's border': an ethnic group is coded with the
    state it lives in (PLOVER), which the sentence names most often; the nationality
    word only names the ethnicity. With no clear other state the nationality stays."""
    found = _sentence_countries(actor, span, ctx)
    found.pop(actor.country, None)
    ranked = found.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        ethnic = actor.country
        actor.country = ranked[0][0]
        actor.why = f"{actor.why}; ethnic {ethnic} living in {actor.country}, named in the sentence"
