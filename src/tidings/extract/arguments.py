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
from .phrases import (
    antecedent,
    content_head,
    is_dateline,
    is_name,
    list_members,
    noun_span,
    same_entity,
    specific_first,
    split_conj,
)
from .words import quantity_up

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
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return _gerund_doer(verb, depth)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and (_same_form(verb, head) or _finite_aux(verb)):
        return subject_tokens(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if infinitive_of_noun(verb):
            # "converged for a rally to protest X", "announced a plan to attack Y":
            # whoever holds the rally or makes the plan does the act
            holder = _governing_verb(head)
            if holder is not None:
                return subject_tokens(holder, depth + 1)
        if (root := _verbless_subject(verb)) is not None:
            return [content_head(root)]
        if head.lemma_.lower() in DOCUMENT_NOUNS and head.dep_ in ("dobj", "pobj"):
            # "X issued a statement condemning Y", "in a letter urging": the issuer acts
            issuer = head.head.head if head.dep_ == "pobj" else head.head
            if issuer.pos_ in ("VERB", "AUX"):
                return subject_tokens(issuer, depth + 1)
        if verb.tag_ == "VBG":  # "protesters storming the embassy"
            return [content_head(head)]
    return []


def infinitive_of_noun(verb: Token) -> bool:
    """'a rally to protest', 'a plan to attack': an infinitive describing a noun."""
    return verb.dep_ in ("acl", "relcl") and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition ('came for a rally')."""
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep":
        gov = gov.head
    elif noun.dep_ not in ("dobj", "attr"):
        return None
    return gov if gov.pos_ in ("VERB", "AUX") and gov != noun else None


def _verbless_subject(verb: Token) -> Token | None:
    """The subject of a main verb the parser read as a participle on a noun phrase.

    "Doctors from two American aid groups donated and delivered goods to X":
    with no verb at the root, the parser makes the noun phrase the sentence
    and "donated" a modifier of "groups". A past form that takes a direct object
    itself or through its conjunct ("delivered goods") is active, not a passive
    participle ("ten soldiers killed in X" has no object), so the root noun acts.
    """
    root = verb.sent.root
    if verb.tag_ not in ("VBD", "VBN") or root.pos_ not in ("NOUN", "PROPN") or root.i > verb.i:
        return None
    if any(c.dep_ in ("agent", "auxpass") for c in verb.children):
        return None
    if not any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children):
        return None
    node = verb.head
    while node != root and node.dep_ in ("pobj", "prep", "conj", "compound", "appos", "acl"):
        node = node.head
    return root if node == root else None


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


def _gerund_doer(verb: Token, depth: int) -> list[Token]:
    """Who does the act of a gerund after a preposition on a verb.

    "accused Rwanda of making accusations", "jailed a student for helping
    militants": after "of"/"for" the one acted on is the doer (the passive
    subject when passive: "X was accused of killing"); otherwise ("by alleging",
    "after meeting", "without consulting") the governor's subject is.
    """
    prep, gov = verb.head, verb.head.head
    if prep.lower_ in ("of", "for"):
        done_to = [c for c in gov.children if c.dep_ == "dobj"]
        if not done_to and is_passive(gov):
            done_to = [c for c in gov.children if c.dep_ == "nsubjpass"]
        if done_to:
            return [content_head(antecedent(done_to[0]))]
    return subject_tokens(gov, depth + 1)


def _finite_aux(verb: Token) -> bool:
    """'opened its borders but was still refusing ...': a conjoined verb phrase with a
    finite auxiliary of its own and no subject shares its governor's subject."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


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
        if is_dateline(head):  # "KABUL, March 3 (AFP) - Thousands of protesters stormed": the apposition
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
        out += list_members(head)
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
    """The objects of a preposition; for one left without ("granted asylum to five
    officers holed up in ...", where the parser made the officers the subject of
    "holed", a clause or the preposition's complement), the subject of the clause
    that starts right after it."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    if objs or prep.i + 1 >= len(prep.doc):
        return objs
    nxt = prep.doc[prep.i + 1]
    for tok in (nxt, *nxt.ancestors):
        if tok.left_edge.i != prep.i + 1:
            break
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
            return [tok]
    return []


# Types whose reported clause names the recipient in its subject.
CLAIM_ABOUT = ("REQUEST", "ACCUSE")


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
        if c.dep_ == "ccomp" and type_ in CLAIM_ABOUT:
            # "demanded that the US cancel ...", "alleged that France was aware ...":
            # the demand or charge is on the subject of the reported clause
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
        if any(s.start <= h.i < s.end and same_entity(s.root, h) for s in out):
            continue  # a part of a name already taken whole ("the Total Independence of Angola")
        out += specific_first(list_members(content_head(h)))  # "US and British forces", "leaders of X and Y"
    return out


OWNER_PREPS = ("from", "by", "of", "for", "with", "against", "on", "to")




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
    ents = _sentence_times(sent)
    if not ents:
        return []
    sub = {t.i for t in trigger.subtree}
    near = [e for e, root in ents if root in sub]
    return near + [e for e, root in ents if root not in sub]


TIMES_KEY = "tidings.arguments.times"


def _sentence_times(sent: Span) -> list[tuple[Span, int]]:
    """The sentence's DATE/TIME entities with their root token, found once per sentence.

    `Span.ents` rebuilds every entity of the document on each call, and a sentence
    has many triggers; the (start, end, label, root) of each entity is kept in the
    doc's user data, plain integers so the doc still serialises.
    """
    doc = sent.doc
    cache: dict[tuple[int, int], list[tuple[int, int, str, int]]] = doc.user_data.setdefault(TIMES_KEY, {})
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = [(e.start, e.end, e.label_, e.root.i) for e in sent.ents if e.label_ in ("DATE", "TIME")]
    return [(Span(doc, start, end, label=label), root) for start, end, label, root in cache[key]]
