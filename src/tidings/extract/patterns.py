"""Phoenix / PETRARCH verb patterns matched against the parse, as PETRARCH reads them.

A pattern names words before the verb and after it ("* AGAINST", "- % * [030]"), in order;
`_` asks for adjacent words, `%` for a compound subject or object, and synset phrases
("+TOTAL BOYCOTT") must match whole. The longest pattern that matches wins.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import LexEntry, Lexicon, PatternSlot
from .verbs import lexicon_entries, phrase_words, verb_particles, words_of


def match_pattern(verb: Token, lex: Lexicon) -> LexEntry | None:
    """The Phoenix pattern of this verb with the most words that all match in order.

    A multi-word verb's patterns need its other words ("break down"), and a
    verb with a particle takes no pattern of the bare verb ("call off" is not
    "call") unless the particle is the pattern's first word after the verb (a
    parser's particle may be PETRARCH's preposition: "break *in* ..."). Words
    after the verb are looked for in its phrase, words before it anywhere
    earlier in the sentence. Among equally long patterns the first in the
    dictionary wins, as in PETRARCH; a `%` (compound) condition counts as one word.
    """
    entries = lexicon_entries(lex, "pattern", verb)
    if not entries:
        return None
    around = phrase_words(verb)
    particles = {p.lower_ for p in verb_particles(verb)}
    after = [t for t in verb.subtree if t.i > verb.i]
    before = [t for t in verb.sent if t.i < verb.i][::-1]  # nearest first
    best: tuple[int, LexEntry] | None = None
    for e in entries:
        if not all(w in around for w in e.words) or not particles <= {*e.words, *_first_after(e)}:
            continue  # a particle the pattern does not name as a verb word must be its first word
        if e.compound == "subject" and not _compound_subject(verb):
            continue
        if e.compound == "object" and not any(s.compound for s in e.after) and not _compound_object(verb):
            continue
        end = max([verb.i, *(around[w].i for w in e.words)])
        tail = [t for t in after if t.i > end]
        if not _slots_match(e.before, before, verb.i, -1) or not _slots_match(e.after, tail, end, 1):
            continue
        score = len(e.requires) + bool(e.compound)
        if best is None or score > best[0]:
            best = (score, e)
    return best[1] if best else None


def _first_after(e: LexEntry) -> frozenset[str]:
    """The pattern's first word after the verb ("break *in*"), which a parser may read as a particle."""
    return e.after[0].words if e.after else frozenset()


def _slots_match(slots: tuple[PatternSlot, ...], toks: list[Token], anchor: int, step: int) -> bool:
    """Do the pattern words occur in `toks` (walking away from the verb at `anchor`) in order?

    A tight slot ('_') must sit right next to the previous match; a loose one
    takes the first later token that fits. A slot marked compound needs its
    token to govern a compound ("* WITH %": "met with Gondor and Arnor").
    """
    pos, last = 0, anchor
    for slot in slots:
        reach = max(len(w.split()) for w in slot.words)  # a tight phrase ends this far away at most
        while pos < len(toks):
            tok = toks[pos]
            pos += 1
            if slot.tight and abs(tok.i - last) > reach:
                return False
            start = _phrase_start(tok, slot.words)
            if start is None or (slot.compound and not _governs_compound(tok)):
                continue
            near, far = (start, tok.i) if step > 0 else (tok.i, start)
            if slot.tight and near != last + step:
                continue
            while step < 0 and pos < len(toks) and toks[pos].i >= start:
                pos += 1  # walking left: step over the phrase's earlier words
            last = far
            break
        else:
            return False
    return True


def _phrase_start(tok: Token, phrases: frozenset[str]) -> int | None:
    """Where a synset phrase ending at `tok` starts ("total boycott"), or None if none ends there."""
    doc, words = tok.doc, words_of(tok)
    for phrase in phrases:
        parts = phrase.split()
        if parts[-1] not in words:
            continue
        start = tok.i - len(parts) + 1
        if start >= tok.sent.start and all(
            parts[k] in words_of(doc[start + k]) for k in range(len(parts) - 1)
        ):
            return start
    return None


def _compound_subject(verb: Token) -> bool:
    """'Gondor and Osgiliath agree': the verb's subject (or its governor's) has conjuncts."""
    node = verb
    while True:
        subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return any(s.conjuncts for s in subj)
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False
        node = node.head


def _compound_object(verb: Token) -> bool:
    return any(c.conjuncts for c in verb.children if c.dep_ in ("dobj", "dative"))


def _governs_compound(tok: Token) -> bool:
    """A preposition (or verb) whose object has conjuncts: 'with Gondor and Arnor'."""
    return any(c.conjuncts for c in tok.children if c.dep_ in ("pobj", "dobj"))
