"""Noun phrases for actors: the span that names an actor, list splitting, and the
head a phrase stands for.

Split out of `arguments` (which reads who/whom/where/when off the parse) because the
same phrase rules serve agents, recipients, quote speakers and owners: "the head plus
its left modifiers, compounds, possessives and of-phrases", conjunctions split into one
span each ("US and British forces" -> both), quantity heads giving way to what they
count ("hundreds of protesters"), relative pronouns to their antecedent.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from ..lexicon.cues import word_set

REL_PRONOUNS = {"who", "which", "that", "whom", "whose"}


QUANTITY_HEADS = {
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
    "dozens",
    "score",
    "scores",
    "million",
    "millions",
    "number",
    "crowd",
    "crowds",
    "group",
    "groups",
    "band",
    "tens",
    "some",
    "many",
    "most",
    "all",
    "several",
    "one",
    "two",
    "three",
    "both",
    "members",
}


KEEP_LEFT = {
    "compound",
    "amod",
    "poss",
    "nmod",
    "det",
    "nummod",
    "quantmod",
    "case",
    "predet",
    "advmod",
    "npadvmod",
}


def noun_span(tok: Token) -> Span:
    """The noun phrase headed by `tok`: left modifiers, possessives, 'of'-phrases; no conjuncts."""
    doc = tok.doc
    start = tok.i
    for c in tok.lefts:
        if coordinated_modifier(c):
            continue  # "Fornost and the evil Gondor": another actor, split off by split_conj
        if c.dep_ in KEEP_LEFT or c.dep_ == "punct" and c.text in ("-", "'"):
            start = min(start, min(t.i for t in c.subtree))
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "punct":
            continue
        if c.dep_ == "case":  # possessive 's
            end = max(end, c.i + 1)
        elif c.dep_ == "prep" and (
            c.lower_ == "of"
            or (c.lower_ == "from" and any(is_name(t) for t in c.subtree))
            or (c.lower_ == "in" and not national(tok) and any(o.ent_type_ in ("GPE", "LOC") for o in c.children))
            or (c.lower_ == "for" and not is_name(tok) and not national(tok)
                and any(o.dep_ == "pobj" and national(o) and o.pos_ == "NOUN" for o in c.children))
        ):
            # "officials from the Georgian government", "a court in Guyana": where the actor belongs;
            # "a camp for Congolese refugees": whom it serves
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                last = max(t.i for t in noun_span(objs[0]))
                end = max(end, last + 1)
        elif c.dep_ in ("compound", "flat", "nummod") and c.i == end:
            end = c.i + 1
        elif (origin := _origin_place(tok, c)) is not None:
            end = max(end, origin.end)  # "a report released in the Rwandan capital"
            break
        elif c.dep_ == "appos" and _list_appos(tok, c):
            break  # "Mordor, the awful Fornost, and Gondor": a list member, split off by split_conj
        elif c.dep_ == "appos" and doc[end].text == "," and min(t.i for t in c.subtree) == end + 1:
            # "Kenzo Oshima, the UN relief coordinator": the title names the actor
            if tok.pos_ == "PROPN" and (c.pos_ == "NOUN" or any(d.dep_ == "det" for d in c.children)):
                end = max(t.i for t in c.subtree) + 1
                while end > tok.i + 1 and doc[end - 1].is_punct:
                    end -= 1
            break
        else:
            break
    while start < tok.i and doc[start].dep_ in ("cc", "punct", "prep"):
        start += 1
    return doc[start : _name_end(tok, end)]


# Participles that say where a group or a document comes from.
ORIGIN_VERBS = word_set("events", "origin_verbs")


def _origin_place(tok: Token, acl: Token) -> Span | None:
    """'a group based in Trinidad', 'a report released in the Rwandan capital': the place
    in such a participle identifies an actor with no name or nationality of its own."""
    if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_.lower() not in ORIGIN_VERBS:
        return None
    if is_name(tok) or national(tok):
        return None
    for prep in acl.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
            for o in prep.children:
                if o.dep_ == "pobj" and (o.ent_type_ in ("GPE", "LOC") or national(o)):
                    return noun_span(o)
    return None


def _name_end(tok: Token, end: int) -> int:
    """Where the name holding `tok` ends, when the parser cut it short.

    "National Union for the Total Independence of Angola": the parser hangs
    "for the Total Independence ..." on the verb, but the NER reads one
    organisation; its name runs to the entity's end. A list the NER fused
    ("Israel and Hamas") is not one name, so the entity is not followed past
    a conjunction or a comma.
    """
    if tok.ent_iob_ not in ("B", "I") or tok.ent_type_ not in NAME_ENTS:
        return end
    ent_end = tok.i + 1
    doc = tok.doc
    while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
        ent_end += 1
    if ent_end <= end or any(t.pos_ == "CCONJ" or t.text in (",", ";", "(") for t in doc[end:ent_end]):
        return end
    return ent_end


def is_dateline(tok: Token) -> bool:
    """'BAGHDAD, Dec 31 (AFP) - ...', 'GAZA CITY, ...': a capitalised place opening the sentence is no actor."""
    doc = tok.doc
    start = min([tok.i, *(c.i for c in tok.lefts if c.dep_ == "compound")])
    words = doc[start : tok.i + 1]
    return (
        start == tok.sent.start
        and all(t.is_upper for t in words if t.is_alpha)
        and len(tok) > 1
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text in (",", "-", "(", ":")
    )


def national(tok: Token) -> bool:
    """Does the noun already carry a nationality or name ("US troops", "Iraqi police")?"""
    return any(
        c.dep_ in ("amod", "compound", "poss", "nmod") and (is_name(c) or c.ent_type_ == "NORP")
        for c in tok.lefts
    )


def conjoined_modifiers(tok: Token) -> list[Span]:
    """'US and British activists' -> the extra actor 'British activists' beside 'US and British activists'."""
    out: list[Span] = []
    for m in tok.lefts:
        if m.dep_ in ("amod", "compound", "nmod") and not coordinated_modifier(m):
            for c in m.conjuncts:
                if c.i > m.i and c.i < tok.i and (is_name(c) or c.ent_type_ == "NORP"):
                    out.append(tok.doc[c.i : tok.i + 1])
    return out


# Endings of nationality words ("Sierra Leonean", "Congolese", "Pakistani"), for the
# ones the tagger reads as proper nouns without a NORP label.
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ican", "ani", "eli", "aqi", "iot")


def _shared_head(tok: Token) -> Token | None:
    """The noun a bare nationality shares with the next conjunct.

    "scores of Sierra Leonean and Liberian refugees": the parser coordinates
    "Sierra Leonean" with "Liberian refugees", but both nationalities qualify
    the refugees; the first member is "Sierra Leonean and Liberian refugees",
    as "US and British activists" is one group of activists. A country name
    ("Israel and Palestinian militants") stands on its own.
    """
    nationality = tok.ent_type_ == "NORP" or tok.pos_ == "ADJ" or (
        tok.pos_ == "PROPN" and tok.lower_.endswith(DEMONYM_ENDINGS) and tok.ent_type_ != "PERSON"
    )
    if not nationality or any(c.dep_ in ("det", "poss", "prep") for c in tok.children):
        return None
    later = [c for c in tok.conjuncts if c.i > tok.i]
    if not later or later[0].pos_ != "NOUN" or later[0].i != later[0].left_edge.i + 1:
        return None
    mod = later[0].doc[later[0].i - 1]
    if mod.dep_ in ("amod", "compound") and (mod.ent_type_ == "NORP" or is_name(mod)):
        return later[0]
    return None


def member_span(tok: Token) -> Span:
    """The span for one member of a list: its noun phrase, or, for a bare nationality
    sharing the next member's noun, the phrase up to that noun (see `_shared_head`)."""
    span = noun_span(tok)
    shared = _shared_head(tok)
    return span.doc[span.start : shared.i + 1] if shared is not None else span


def coordinated_modifier(mod: Token) -> bool:
    """A name parsed as a modifier of the head although it starts a coordination.

    "Fornost and the evil Gondor welcomed ...": the parser hangs "Fornost and"
    on "Gondor" as a modifier; the "and" among its children shows a list.
    """
    return (
        mod.dep_ in ("nmod", "compound")
        and mod.i < mod.head.i
        and is_name(mod.head)  # "US and British activists" is one group of activists
        and (is_name(mod) or (mod.is_title and mod.pos_ == "NOUN"))  # unknown names tag as nouns
        and any(c.dep_ == "cc" for t in (mod, *mod.conjuncts) for c in t.children)
    )


def split_conj(tok: Token) -> list[Token]:
    """The token and every noun conjoined with it ("Israel and Hamas").

    A list the parser reads as an apposition ("The US, Russia, and Switzerland")
    counts too: a name in apposition to a name that itself starts a coordination;
    so does a list read as a modifier of its last member ("Fornost and the Gondor").
    """
    mods = [m for m in tok.lefts if coordinated_modifier(m)]
    if mods:
        m = mods[0]
        names = [c for c in m.conjuncts if m.i < c.i < tok.i and (is_name(c) or c.is_title) and c.is_alpha]
        return [t for t in (m, *names, tok) if not is_dateline(t)]
    for c in tok.children:
        if (
            c.dep_ == "appos"
            and is_name(c)
            and is_name(tok)
            and any(d.dep_ in ("cc", "conj") for d in c.children)
        ):
            return [t for t in (tok, *split_conj(c)) if not is_dateline(t)]
    coordinated = any(c.dep_ == "cc" for t in (tok, *tok.conjuncts) for c in t.children) or _name_list(tok)
    conj = [
        c
        for c in tok.conjuncts
        if c.pos_ in ("NOUN", "PROPN", "PRON") and c.i > tok.i and c.is_alpha and coordinated
    ]
    listed = [c for c in tok.children if _list_appos(tok, c)]
    return [t for t in (tok, *listed, *conj) if not is_dateline(t)]


def _name_list(tok: Token) -> bool:
    """'to Iran, Libya, North Korea, Sudan, and ... Cuba': a comma list of names of one
    kind whose "and" the parser hung elsewhere is still a list."""
    members = [tok, *tok.conjuncts]
    return (
        len(members) >= 3
        and tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        and all(m.ent_type_ == tok.ent_type_ and m.pos_ == "PROPN" for m in members)
    )


def _list_appos(tok: Token, appos: Token) -> bool:
    """A name the parser hung as an apposition although it is a member of a list that
    goes on after it: "Evil Mordor, the awful Fornost, and good Gondor". A title
    ("Kenzo Oshima, the UN relief coordinator, and ...") is not a name and stays."""
    return (
        appos.dep_ == "appos"
        and appos.head == tok
        and (is_name(appos) or appos.is_title)
        and any(d.dep_ == "cc" and d.i > appos.i for d in tok.children)
        and any(d.dep_ == "conj" and d.i > appos.i for d in tok.children)
    )


def content_head(tok: Token) -> Token:
    """'hundreds of protesters' -> protesters; 'some of the fighters' -> fighters.

    A participle parsed as the subject, with the real subject under it ("The Red
    Cross operating in Iraq said": Cross <- operating <- said), gives way to that
    subject: the noun is the actor, the participle describes it.
    """
    if tok.pos_ == "VERB" and tok.dep_ in ("nsubj", "nsubjpass", "csubj") and tok.tag_ in ("VBG", "VBN"):
        inner = [c for c in tok.lefts if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
        if inner:
            return content_head(inner[-1])
    if tok.lower_ in QUANTITY_HEADS or tok.lemma_.lower() in QUANTITY_HEADS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    return content_head(objs[0])
    return tok


def antecedent(tok: Token) -> Token:
    """A relative pronoun's antecedent: 'protesters who stormed' -> protesters."""
    if tok.lower_ in REL_PRONOUNS and tok.tag_ in ("WP", "WDT", "WP$"):
        verb = tok.head
        while verb.dep_ not in ("relcl", "acl") and verb.head != verb:
            if verb.dep_ in ("conj", "xcomp", "ccomp"):
                verb = verb.head
            else:
                break
        if verb.dep_ in ("relcl", "acl"):
            return verb.head
    return tok


def same_entity(a: Token, b: Token) -> bool:
    """Are both tokens inside one named entity?"""
    lo, hi = sorted((a.i, b.i))
    doc = a.doc
    return a.ent_iob_ in ("B", "I") and all(doc[i].ent_iob_ == "I" for i in range(lo + 1, hi + 1))


def specific_first(spans: list[Span]) -> list[Span]:
    """Each recipient on its own before the group phrase holding it: "Liberian refugees"
    before "Sierra Leonean and Liberian refugees", which names the Sierra Leoneans by
    its first nationality; the order of the rest is kept."""
    def holds_other(span: Span) -> bool:
        return any(o is not span and span.start <= o.start and o.end <= span.end for o in spans)

    return sorted(spans, key=holds_other)


NAME_ENTS = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")


def is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in NAME_ENTS


# Prepositions whose list of names every role noun before them shares: "the foreign
# ministers of France, Germany and Britain", "lawmakers in Fornost and Gondor",
# "troops from Chad and Niger".
SHARED_PREPS = ("of", "in", "from")
# doc.user_data key: {"start:end": (reading, list start, list end, name start, name end,
# prefix, role)} for the spans of list members that share a head (see `list_members`);
# plain values and string keys so docs serialise.
READINGS_KEY = "tidings.phrases.readings"


class SharedReading(NamedTuple):
    """What names the actor of a list member's span (see `shared_reading`)."""

    text: str  # "The foreign ministers of Germany"
    group: Span  # the list it was cut from: "France, Germany and Britain"
    name: Span | None  # the member's own name in a list after a role noun: "Germany"
    prefix: str  # the role words the members share: "The foreign ministers of"
    role: bool  # a member beyond the one the role's own phrase names: the role must name an actor


def list_members(tok: Token) -> list[Span]:
    """One span per actor of the list headed by `tok`.

    Each member of the coordination gets its noun phrase (`member_span`), a
    nationality conjoined before a shared noun its own ("US and British activists"
    -> also "British activists"), and role nouns sharing a preposition's list of
    names one span per name ("the ambassadors of Arnor, Osgiliath and Gondor"
    -> three ambassadors; "lawmakers and officials in Fornost and Gondor" -> four
    actors; see `_shared_complement`), as do countries sharing a possessed noun
    ("Egypt and Jordan's leaders"). Where a span's words are not what names its
    actor, `shared_reading` gives the words that do.
    """
    members = [content_head(t) for t in split_conj(tok)]
    shared = _shared_complement(members)
    roles, taken = (shared[0], set(shared[2])) if shared is not None else ([], set())
    out: list[Span] = []
    for m in members:
        if m in taken:
            continue  # a name of the shared list the parser hung on the role noun
        own = _distributed(m, shared[1], shared[2]) if m in roles and shared is not None else [member_span(m)]
        if (owned := _shared_possession(m)) is not None:
            own = [owned]
        extra = conjoined_modifiers(m)
        _modifier_readings(m, [*own, *extra])
        out += own + extra
    return out


def shared_reading(span: Span) -> SharedReading | None:
    """For a member span from `list_members` that shares its head: the words naming
    that one actor ("The foreign ministers of Germany" for the span "The foreign
    ministers of France, Germany") and the list of names it was cut from ("France,
    Germany and Britain"), so the resolver can tell a list from one name that has
    an "and" in it ("Trinidad and Tobago"). None for any other span."""
    found = span.doc.user_data.get(READINGS_KEY, {}).get(_key(span))
    if found is None:
        return None
    reading, start, end, name_start, name_end, prefix, role = found
    name = span.doc[name_start:name_end] if name_end > name_start else None
    return SharedReading(reading, span.doc[start:end], name, prefix, role)


def _shared_complement(members: list[Token]) -> tuple[list[Token], Token, list[Token]] | None:
    """(role nouns, preposition, names) when role nouns share one list of names.

    The role nouns are the common nouns right before the preposition ("lawmakers
    and officials in ..."), a determiner starting a phrase of its own and a role
    with its own nationality ending the run; the names are the preposition's
    object and its conjuncts, and, where the parser hung the list's later names on the first role
    noun instead ("Lawmakers in Fornost and Gondor": Gondor conj Lawmakers), the
    names of the coordination after the object. A name among the members before
    the preposition keeps its own span ("Iran and officials from Qatar").
    """
    for h in members:
        prep = _complement(h)
        if prep is None:
            continue
        first = next(o for o in prep.children if o.dep_ == "pobj")
        if not _list_name(first) or (prep.lower_ == "in" and first.ent_type_ == "PERSON"):
            continue
        roles: list[Token] = []
        for m in members:  # the run of role nouns right before the preposition
            if m.i >= prep.i:
                continue
            own = m is not h and _complement(m) is not None  # "the president of Egypt and the king of ..."
            if is_name(m) or own or national(m):  # "the Ukrainian government and ...": its country is given
                roles = []
            elif any(c.dep_ in ("det", "poss") for c in m.lefts):
                roles = [m]  # "the government and the protesters in Minsk": a phrase of its own
            else:
                roles.append(m)
        if not roles or roles[-1].i < h.i:
            continue  # a name's own complement ("Iran from the north")
        names = [first, *(c for c in first.conjuncts if c.i > first.i and _list_name(c))]
        names += [m for m in members if m.i > first.i and _list_name(m) and m not in names]
        if len(roles) * len(names) >= 2:
            return roles, prep, sorted(names, key=lambda t: t.i)
    return None


def _complement(tok: Token) -> Token | None:
    """The first of/in/from preposition after `tok` that has an object."""
    return next(
        (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in SHARED_PREPS
         and any(o.dep_ == "pobj" for o in c.children)),
        None,
    )


def _list_name(tok: Token) -> bool:
    """A name that can be a member of a shared list (a country, a place, a body)."""
    return (
        is_name(tok)
        and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT")
        and (tok.is_alpha or tok.pos_ == "PROPN")
        and not is_dateline(tok)
        and not any(c.dep_ == "poss" for c in tok.children)  # "New York City's Fund": owned, not a place
    )


def _distributed(role: Token, prep: Token, names: list[Token]) -> list[Span]:
    """The spans of one role noun shared by a list of names, one per name.

    Each span runs from the role's phrase to the name, so every pair has its own
    tokens ("Lawmakers and officials in Fornost" for the lawmakers of Fornost);
    the words that name the pair ("Lawmakers in Fornost") are kept in the doc for
    `shared_reading`, with the member's own name in the list.
    """
    doc = role.doc
    plain = member_span(role)
    start = plain.start
    prefix = f"{doc[start : role.i + 1].text} {prep.text}"
    group = (noun_span(names[0]).start, noun_span(names[-1]).end)
    out: list[Span] = []
    for name in names:
        own = noun_span(name)
        span = doc[start : max(own.end, role.i + 1)]
        first = span.start == plain.start and span.end == plain.end  # the role's own phrase
        _remember(span, f"{prefix} {own.text}", group, (own.start, own.end, prefix, not first), always=True)
        out.append(span)
    return out


def _shared_possession(name: Token) -> Span | None:
    """'Egypt and Jordan's leaders', 'Egypt's and Jordan's foreign ministers': the
    parser makes the first country a member of its own and the second the
    possessor of the noun; both possess the people it names (plural). The span
    runs from the first name to the noun and reads "Egypt's leaders"."""
    if not is_name(name) or any(c.dep_ in ("det", "compound", "amod") for c in name.lefts):
        return None
    doc = name.doc
    nxt = name.i + 1
    if nxt < len(doc) and doc[nxt].dep_ == "case" and doc[nxt].head == name:
        nxt += 1  # "Egypt's and ..."
    if nxt + 1 >= len(doc) or doc[nxt].dep_ != "cc":
        return None
    owner = doc[nxt + 1]
    noun = owner.head
    if owner.dep_ != "poss" or not is_name(owner) or noun.dep_ != "conj" or noun.head != name:
        return None
    if noun.tag_ != "NNS":
        return None  # a singular noun is the second's alone: "Hamas and Israel's army"
    case = next((c for c in owner.rights if c.dep_ == "case"), None)
    if case is None or case.i >= noun.i:
        return None
    span = doc[name.i : noun.i + 1]
    _remember(span, f"{name.text}'s {doc[case.i + 1 : noun.i + 1].text}", (name.i, owner.i + 1))
    return span


def _modifier_readings(tok: Token, spans: list[Span]) -> None:
    """A span holding several conjoined modifiers of `tok` names its first one's
    actor: "US and British activists" reads "US activists", "Eriadori and
    Calenardhon leaders" "Eriadori leaders" (each later one has its own span from
    `conjoined_modifiers`)."""
    doc = tok.doc
    for m in tok.lefts:
        if m.dep_ not in ("amod", "compound", "nmod") or coordinated_modifier(m):
            continue
        if not (is_name(m) or m.ent_type_ == "NORP"):
            continue  # "international and Yemeni authorities": one group, named by its nationality
        later = [c for c in m.conjuncts if m.i < c.i < tok.i and (is_name(c) or c.ent_type_ == "NORP")]
        if not later:
            continue
        last = later[-1]
        taken = doc.user_data.get(READINGS_KEY, {})
        for span in spans:
            inside = [x for x in (m, *later) if span.start <= x.i < span.end]
            if len(inside) >= 2 and last.i + 1 < span.end and _key(span) not in taken:
                first = inside[0]
                reading = f"{doc[span.start : first.i + 1].text} {doc[last.i + 1 : span.end].text}"
                _remember(span, reading, (first.left_edge.i, last.i + 1))


def _remember(span: Span, reading: str, group: tuple[int, int],
              member: tuple[int, int, str, bool] = (0, 0, "", False), always: bool = False) -> None:
    """Keep the words naming a member span's actor, when they are not its text (or
    `always`, for a member of a list after a role noun, whose name the resolver checks)."""
    if always or span.text != reading:
        span.doc.user_data.setdefault(READINGS_KEY, {})[_key(span)] = (reading, *group, *member)


def _key(span: Span) -> str:
    """A span's key in READINGS_KEY: a string, which msgpack reads back as a dict key."""
    return f"{span.start}:{span.end}"


def carry_reading(src: Span, dst: Span, base: int) -> None:
    """Give `dst` the shared reading of `src`, a span of another parse of the same
    text starting `base` characters earlier (a recased headline mapped back)."""
    shared = shared_reading(src)
    if shared is None:
        return
    doc = dst.doc
    group = doc.char_span(base + shared.group.start_char, base + shared.group.end_char,
                          alignment_mode="expand")
    name = shared.name and doc.char_span(base + shared.name.start_char, base + shared.name.end_char,
                                          alignment_mode="expand")
    if group is not None:
        member = (name.start, name.end, shared.prefix, shared.role) if name else (0, 0, "", False)
        _remember(dst, shared.text, (group.start, group.end), member, always=name is not None)
