"""What the trigger finder and the Phoenix pattern matcher read around a verb: its
candidate lemmas (with guesses for the lemmatizer's slips), its particles, the words
that may complete a phrasal verb, and the lexicon entries for it."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import LexEntry, Lexicon
from .words import inflection_guesses, quantity_up


def verb_lemmas(tok: Token) -> list[str]:
    """The lemma, plus regular-inflection guesses for the lemmatizer's slips ('staged' -> 'stag')."""
    return list(dict.fromkeys([tok.lemma_.lower(), *inflection_guesses(tok.lower_)]))


def words_of(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def verb_particles(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "prt" and quantity_up(c) is None]


def phrase_words(verb: Token) -> dict[str, Token]:
    """Words that may complete a phrasal verb: particles, prepositions, their objects, complements."""
    found: dict[str, Token] = {}
    for c in verb.children:
        if c.dep_ in (
            "prt",
            "prep",
            "agent",
            "advmod",
            "acomp",
            "oprd",
            "dobj",
            "dative",
            "ccomp",
            "xcomp",
            "npadvmod",
        ):
            for w in words_of(c):
                found.setdefault(w, c)
            if c.dep_ in ("prep", "agent"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        for w in words_of(o):
                            found.setdefault(w, o)
                        for m in o.lefts:
                            if m.dep_ == "det":
                                found.setdefault(m.lower_, m)
    return found


def noun_matches(noun: Token, words: tuple[str, ...]) -> bool:
    """'air strike' matches the noun 'strikes' with a left 'air' modifier (or 'air-strike')."""
    if not words:
        return False
    if words[-1] not in words_of(noun):
        joined = "".join(words)
        return len(words) > 1 and (
            noun.lemma_.lower().replace("-", "") == joined
            or noun.lower_.replace("-", "") in (joined, joined + "s")
        )
    mods = {w for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod") for w in words_of(c)}
    return all(w in mods for w in words[:-1])


def lexicon_entries(lex: Lexicon, kind: str, verb: Token) -> list[LexEntry]:
    """Entries for the first of the verb's candidate lemmas the lexicon knows."""
    for lemma in verb_lemmas(verb):
        found = lex.lookup(kind, lemma)
        if found:
            return found
    return []
