"""Headline grammar: Title Case, dropped auxiliaries, "to" for the future.

Headlines break the parser in three ways, each handled here or by the
helpers below:
- Title Case ("France Denounces Actions By Germany") makes every word a
  proper noun. `recase` lower-cases the words that are not names (stop words
  and words the lexicon knows) so the sentence can be parsed again; the
  character offsets do not change, so the clauses map back onto the original
  sentence exactly.
- a dropped "was/were" ("Curfew imposed after clashes") leaves a bare past
  participle as the root: `bare_passive` treats it as passive.
- "X to Y" ("Government to detain journalists") announces a plan: `headline_future`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import Lexicon
from .words import inflection_guesses

FINITE = {"VBD", "VBZ", "VBP", "MD"}


def is_title_case(sent: Span) -> bool:
    """Most content words capitalised, as in "Rebels Reject Offer of Mediation"."""
    words = [t for t in sent if t.is_alpha and len(t) > 3 and not t.is_stop]
    if len(words) < 3:
        return False
    capital = sum(1 for t in words if t.text[0].isupper())
    return capital / len(words) >= 0.7 and not all(t.is_upper for t in words)


def _known(word: str, vocabulary: set[str]) -> bool:
    return any(w in vocabulary for w in inflection_guesses(word))


def recase(sent: Span, lex: Lexicon) -> str:
    """The sentence with non-name words lower-cased (same length, same offsets)."""
    vocabulary = lex.vocabulary()
    out: list[str] = []
    for i, tok in enumerate(sent):
        text = tok.text
        low = text.lower()
        acronym = text.isupper() and len(text) > 1
        if (
            not acronym
            and text[:1].isupper()
            and (tok.is_stop or _known(low, vocabulary))
            and tok.ent_type_ not in ("GPE", "NORP")
            or (
                i > 0
                and not acronym
                and low
                in (
                    "of",
                    "the",
                    "a",
                    "an",
                    "to",
                    "in",
                    "on",
                    "for",
                    "with",
                    "by",
                    "at",
                    "as",
                    "after",
                    "over",
                    "and",
                )
            )
        ):
            text = low
        out.append(text + tok.whitespace_)
    return "".join(out)


def is_headline(sent: Span) -> bool:
    """No finite verb: headline grammar ("Dozens of captives released in Lyon")."""
    return not any(t.tag_ in FINITE for t in sent)


def bare_passive(verb: Token) -> bool:
    """'Captives released in Lyon': a root participle with a subject and no auxiliary, in a headline."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False
    return verb.tag_ == "VBN" and is_headline(verb.sent)


def root_noun_predicate(verb: Token) -> bool:
    """'Up to 20,000 people protested across ...' parsed as 'people' + a participle.

    In a full sentence (ending in a full stop) whose root is a noun, a past
    participle hanging on that root is the missing main verb, not a passive
    modifier: the noun is its subject.
    """
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and verb.sent.text.rstrip().endswith(".")
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def in_root_phrase(tok: Token) -> bool:
    """Is the token inside the noun phrase that is the headline's root ('Dozens of captives')?"""
    node = tok
    while node.dep_ != "ROOT":
        if node.pos_ not in ("NOUN", "PROPN", "ADP", "NUM", "ADJ", "DET") or node.head.i == node.i:
            return False
        node = node.head
    return node.pos_ in ("NOUN", "PROPN", "NUM")


def headline_future(verb: Token) -> bool:
    """'Government to detain journalists': an announced plan."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and is_headline(verb.sent)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
