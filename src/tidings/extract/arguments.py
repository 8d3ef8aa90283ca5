"""Who, whom, where, when: the arguments of a trigger, read off the dependency parse.

Rules, in the order a reader applies them:
- who: the subject; in a passive the `by` agent ("was attacked by protesters");
  a relative pronoun stands for the noun it modifies ("protesters who stormed");
  a verb sharing a subject (xcomp "threatened to summon", conj "met and agreed",
  advcl "..., killing 25") takes its governor's; quantity heads give way to
  what they count ("hundreds of protesters" -> protesters).
- whom: the direct object; the passive subject; the dative; the object of a
  recipient preposition ("against", "on", "with"...) on the verb or, for light
  verbs and nominal triggers, on the event noun ("an attack on the embassy").
- where: place-like objects of "in/at/near/outside..." under the trigger.
- when: DATE/TIME entities under the trigger, then the sentence's.
Conjoined noun phrases are split into one span each.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .headline import bare_passive, in_root_phrase, is_headline, root_noun_predicate
from .words import quantity_up

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
PLACE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "into",
    "on",
    "from",
    "off",
    "along",
}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
DEFAULT_TARGETS = {
    "CONSULT": ("with",),
    "AGREE": ("with", "to"),
    "COOPERATE": ("with",),
    "AID": ("to",),
    "ASSAULT": ("on", "against"),
    "PROTEST": ("against", "outside"),
    "SANCTION": ("on", "against"),
    "MOBILIZE": ("against",),
    "ACCUSE": ("against",),  # "charges against X", "an investigation against X"
    "REQUEST": (),
    "REJECT": (),
    "THREATEN": ("against",),  # "threatened action against X"
    "SUPPORT": (),
    "CONCEDE": ("to",),
    "RETREAT": ("from",),
    "COERCE": ("against", "on", "to"),
}
# Verbs whose direct object is what is sent or moved, not who receives it.
THING_OBJECT = {
    "provide",
    "supply",
    "deliver",
    "donate",
    "airlift",
    "send",
    "deploy",
    "dispatch",
    "mobilize",
    "mobilise",
    "mass",
    "station",
    "withdraw",
    "pull",
    "reinforce",
    "ship",
    "offer",
    "pledge",
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
        if _coordinated_modifier(c):
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
        ):
            # "officials from the Georgian government", "a court in Guyana": where the actor belongs
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                last = max(t.i for t in noun_span(objs[0]))
                end = max(end, last + 1)
        elif c.dep_ in ("compound", "flat", "nummod") and c.i == end:
            end = c.i + 1
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
    return doc[start:end]


def _dateline(tok: Token) -> bool:
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


def _conjoined_modifiers(tok: Token) -> list[Span]:
    """'US and British activists' -> the extra actor 'British activists' beside 'US and British activists'."""
    out: list[Span] = []
    for m in tok.lefts:
        if m.dep_ in ("amod", "compound", "nmod") and not _coordinated_modifier(m):
            for c in m.conjuncts:
                if c.i > m.i and c.i < tok.i and (is_name(c) or c.ent_type_ == "NORP"):
                    out.append(tok.doc[c.i : tok.i + 1])
    return out


def _coordinated_modifier(mod: Token) -> bool:
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
    mods = [m for m in tok.lefts if _coordinated_modifier(m)]
    if mods:
        m = mods[0]
        names = [c for c in m.conjuncts if m.i < c.i < tok.i and (is_name(c) or c.is_title) and c.is_alpha]
        return [t for t in (m, *names, tok) if not _dateline(t)]
    for c in tok.children:
        if (
            c.dep_ == "appos"
            and is_name(c)
            and is_name(tok)
            and any(d.dep_ in ("cc", "conj") for d in c.children)
        ):
            return [t for t in (tok, *split_conj(c)) if not _dateline(t)]
    coordinated = any(c.dep_ == "cc" for t in (tok, *tok.conjuncts) for c in t.children)
    conj = [
        c
        for c in tok.conjuncts
        if c.pos_ in ("NOUN", "PROPN", "PRON") and c.i > tok.i and c.is_alpha and coordinated
    ]
    listed = [c for c in tok.children if _list_appos(tok, c)]
    return [t for t in (tok, *listed, *conj) if not _dateline(t)]


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
    """'hundreds of protesters' -> protesters; 'some of the fighters' -> fighters."""
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


def is_passive(verb: Token) -> bool:
    if root_noun_predicate(verb):
        return False
    return (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        or (
            verb.tag_ == "VBN"
            and verb.dep_ in ("acl", "relcl")
            and any(c.dep_ == "agent" for c in verb.children)
        )
        or bare_passive(verb)
        or (
            verb.tag_ == "VBN" and verb.dep_ == "acl" and in_root_phrase(verb.head) and is_headline(verb.sent)
        )
    )


def _agent_objects(verb: Token) -> list[Token]:
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def subject_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """Heads of the doer of `verb`, following shared-subject constructions upwards."""
    if is_passive(verb):
        return [content_head(antecedent(o)) for o in _agent_objects(verb)]
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subs and root_noun_predicate(verb):
        subs = [verb.head]  # "Up to 20,000 people protested": people
    if subs:
        return [content_head(antecedent(s)) for s in subs]
    if depth > 4 or verb.head == verb:
        return []
    head = verb.head
    if verb.dep_ == "acomp" or (verb.dep_ == "xcomp" and head.pos_ == "ADJ"):
        return subject_tokens(head, depth + 1)  # "it is ready to host": ready -> is -> it
    infinitive = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG") or infinitive:
        # "have sworn to fight": an infinitive adjunct shares its governor's subject
        # "threatened to summon": the threatener; "..., killing 25": the killer
        raised = [c for c in head.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "xcomp" and raised and is_passive(head):
            # "X was seen to break into", "X was asked to mediate": X does the inner act
            return [content_head(antecedent(s)) for s in raised]
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if (
            verb.dep_ == "xcomp"
            and objs
            and head.lemma_ in ("urge", "ask", "order", "force", "persuade", "tell", "call")
        ):
            return [content_head(objs[0])]
        return subject_tokens(head, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and _same_form(verb, head):
        return subject_tokens(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if head.lemma_.lower() in DOCUMENT_NOUNS and head.dep_ in ("dobj", "pobj"):
            # "X issued a statement condemning Y", "in a letter urging": the issuer acts
            issuer = head.head.head if head.dep_ == "pobj" else head.head
            if issuer.pos_ in ("VERB", "AUX"):
                return subject_tokens(issuer, depth + 1)
        if verb.tag_ == "VBG":  # "protesters storming the embassy"
            return [content_head(head)]
    return []


# Nouns for what an actor issues; a participle on them is the issuer's act.
DOCUMENT_NOUNS = {
    "statement",
    "declaration",
    "communique",
    "letter",
    "message",
    "resolution",
    "note",
    "decree",
    "appeal",
    "speech",
    "report",
}


def _same_form(a: Token, b: Token) -> bool:
    """Conjoined verbs share a subject when they share a tense ('met and agreed')."""
    past = {"VBD", "VBN"}
    return (
        a.tag_ == b.tag_
        or (a.tag_ in past and b.tag_ in past)
        or a.tag_ in ("VB",)
        and b.tag_ in ("VB", "VBP")
    )


SPEECH_VERBS = {
    "say",
    "announce",
    "declare",
    "confirm",
    "tell",
    "state",
    "insist",
    "add",
    "write",
    "warn",
    "indicate",
    "signal",
    "reiterate",
    "assure",
    "claim",
    "report",
    "quote",
    "admit",
    "stress",
}
PRONOUNS = {"it", "he", "she", "they", "we", "i"}


def speaker_of(tok: Token) -> Token | None:
    """The subject of the speech verb whose reported clause holds `tok` ("Hungary said it would ...")."""
    node = tok
    for _ in range(6):
        if node.head == node:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS:
            subs = [
                c for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in PRONOUNS
            ]
            if subs:
                return content_head(subs[0])
            if node.head.dep_ == "xcomp" or node.head.dep_ == "pcomp":  # "was quoted as saying"
                node = node.head
                continue
            return None
        node = node.head
    return None


def _name_fragments(heads: list[Token]) -> list[Token] | None:
    """Several 'subjects' that are one mis-parsed name ("Sheikh Hamad bin Khalifa al-Thani")."""
    if len(heads) < 2 or not all(h.pos_ == "PROPN" or h.text == "-" for h in heads):
        return None
    doc = heads[0].doc
    lo, hi = min(h.i for h in heads), max(h.i for h in heads)
    if all(doc[i].pos_ in ("PROPN", "PUNCT") and doc[i].text != "," for i in range(lo, hi + 1)):
        return heads
    return None


def agents(verb: Token) -> list[Span]:
    out: list[Span] = []
    heads = subject_tokens(verb)
    if (fragments := _name_fragments(heads)) is not None:
        first = noun_span(fragments[0])
        return [first.doc[first.start : max(h.i for h in fragments) + 1]]
    for head in heads:
        if _dateline(head):  # "KABUL, March 3 (AFP) - Thousands of protesters stormed": the apposition
            appos = [
                c for c in head.children if c.dep_ == "appos" and not is_time(c) and c.ent_type_ != "DATE"
            ]
            if not appos:
                continue
            head = content_head(appos[-1])
        if head.lower_ in PRONOUNS and head.pos_ == "PRON":
            head = speaker_of(verb) or head  # "Hungary said it will support": Hungary
        if head.pos_ in ("NUM",) or (head.lower_ in ("there", "it") and head.dep_ == "expl"):
            continue
        for tok in split_conj(head):
            out.append(noun_span(content_head(tok)))
            out += _conjoined_modifiers(content_head(tok))
    return out


WEEKDAYS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
}


def is_time(tok: Token) -> bool:
    """A date word; a name the NER swallowed into a date ("Bashar Assad Tuesday") is not."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    return tok.pos_ != "PROPN" or tok.lower_ in WEEKDAYS or tok.like_num


def _pobjs(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ == "pobj"]


def patients(
    verb: Token, targets: tuple[str, ...], type_: str, skip_preps: tuple[str, ...] = ()
) -> list[Span]:
    """Recipients of the act done by `verb` (a verb, or an event noun for nominal triggers)."""
    heads: list[Token] = []
    preps = set(targets or DEFAULT_TARGETS.get(type_, ())) - set(skip_preps)
    if verb.pos_ in ("VERB", "AUX"):
        if is_passive(verb):
            heads += [
                c
                for c in verb.children
                if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and bare_passive(verb))
            ]
            if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and not heads:
                heads.append(verb.head)  # "the embassy attacked by protesters"
        objects = ("dative",) if verb.lemma_.lower() in THING_OBJECT else ("dobj", "dative", "obj")
        heads += [c for c in verb.children if c.dep_ in objects]
        heads += [n for c in verb.children if (n := quantity_up(c)) is not None]  # "kidnapped up to 16"
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            heads += _pobjs(c)
        if c.dep_ == "ccomp" and type_ == "REQUEST":  # "demanded that the US cancel ..."
            heads += [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    heads = [o for h in heads for o in (_pobjs(h) if h.pos_ == "ADP" else [h])]  # dative "to" -> its object
    out: list[Span] = []
    for h in heads:
        h = antecedent(h)
        names = [c for c in h.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if is_time(h) and names:  # "met with Syrian President Bashar Assad Tuesday"
            h = names[-1]
        if (
            is_time(h)
            or h.ent_type_ in ("MONEY", "PERCENT")
            or (h.pos_ == "NUM" and not any(t.dep_ == "prep" for t in h.children))
        ):
            continue
        for tok in split_conj(content_head(h)):
            out.append(noun_span(content_head(tok)))
    return out


OWNER_PREPS = ("from", "by", "of", "for", "with", "against", "on", "to")
NAME_ENTS = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")


def is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in NAME_ENTS


def owners(thing: Token) -> list[Span]:
    """Whose a thing is, or whom it is aimed at: the recipient behind an object.

    "rejected an *Indian* proposal", "*Serbia's* suppression", "calls *by Kofi
    Annan*", "demands *from Shona rebels*", "aid *for Bosnia*", "contact *with the
    United States*". Names themselves have no owner.
    """
    if is_name(thing):
        return []
    out: list[Span] = []
    for c in thing.children:
        if c.dep_ == "poss":
            out.append(noun_span(c))
        elif c.dep_ in ("amod", "compound", "nmod") and is_name(c):
            out.append(thing.doc[c.i : c.i + 1] if c.dep_ == "amod" else noun_span(c))
        elif c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
            for o in _pobjs(c):
                if o.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"):
                    continue
                out += [noun_span(content_head(t)) for t in split_conj(content_head(o))]
    return out


CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "parataxis"}


def local_subtree(node: Token) -> list[Token]:
    """Tokens under `node` without descending into other clauses or conjoined verbs."""
    out, stack = [], [node]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.dep_ in CLAUSE_DEPS or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                continue
            stack.append(c)
    return out


def places(trigger: Token, sent: Span) -> list[Span]:
    """Place-like objects of 'in / at / near ...' within the trigger's own clause."""
    out: list[Span] = []
    seen: set[int] = set()
    for prep in sorted(local_subtree(trigger), key=lambda t: t.i):
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
            continue
        if prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN", "PRON"):
            continue  # "soldiers from Gondor": where the actor comes from, not where it acts
        for o in _pobjs(prep):
            found = None
            if o.ent_type_ in PLACE_ENTS or (
                o.pos_ == "PROPN" and o.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE")
            ):
                found = o
            else:  # "in the town of Gorazde"
                found = next((t for t in o.subtree if t.ent_type_ in PLACE_ENTS and t.dep_ == "pobj"), None)
            if found is not None and found.i not in seen:
                seen.add(found.i)
                out.append(noun_span(found))
    return out


def times(trigger: Token, sent: Span) -> list[Span]:
    """DATE/TIME entities under the trigger first, then the rest of the sentence's."""
    sub = set(t.i for t in trigger.subtree)
    ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    near = [e for e in ents if e.root.i in sub]
    return near + [e for e in ents if e not in near]
