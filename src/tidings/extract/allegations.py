"""Allegations: "X claimed that Y attacked Z" reports X accusing Y, not an attack.

A news editor codes what the sentence establishes. When a party claims or
alleges that another party used violence, the established event is the
accusation (ACCUSE by the claimant against the alleged doer); the violence
itself is only alleged. The same holds for "X said *that* Y had attacked Z"
(an explicit reported clause naming a doer other than the speaker), but not
for a bare source line ("eight people were killed, the Observatory said"),
which stays a reported attack.

A violent act that is the content of an ACCUSE ("complained to the UN over
two Israeli air raids") is likewise the grievance, not a separate event.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..lexicon import LexEntry
from ..lexicon.cues import word_set
from . import arguments as args

if TYPE_CHECKING:
    from .clauses import Clause

# Word lists are data (data/lexicon/cues/speech.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
# Verbs whose reported clause is contested by nature.
CLAIM_VERBS = word_set("speech", "claim_verbs")
# Plain speech verbs: an allegation only with an explicit "that" clause.
SAY_VERBS = word_set("speech", "say_verbs")
ALLEGED_TYPES = {"ASSAULT", "COERCE"}
SELF_WORDS = {"they", "we", "it", "he", "she", "i", "themselves", "itself"}
ALLEGE = LexEntry(
    lemma="claim",
    pattern="claim that + violent act",
    type="ACCUSE",
    mode="allege",
    cameo="112",
    kind="verb",
    confidence=0.6,
    source="rule",
)


def claim_governor(tok: Token) -> Token | None:
    """The claim verb whose reported clause (ccomp) holds `tok`, or None."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.pos_ in ("VERB", "AUX"):
            gov = node.head
            lemma = gov.lemma_.lower()
            if lemma in CLAIM_VERBS:
                return gov
            if lemma in SAY_VERBS and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in node.children
            ):
                return gov
            return None
        if node.dep_ in ("relcl", "advcl", "acl") and node.head.pos_ in ("VERB", "AUX"):
            return None  # a clause about something else; a conjunct ("and taken Mosul") still counts
        node = node.head
    return None


def _same_party(speakers: list[Span], doers: list[Span]) -> bool:
    """Is the alleged doer the claimant itself ("the US claimed that they had attacked")?"""
    said = {s.root.lower_ for s in speakers}
    return any(d.root.lower_ in said or d.root.lower_ in SELF_WORDS for d in doers)


def _inside_accusation(tok: Token, accuse_heads: set[int]) -> bool:
    return any(a.i in accuse_heads for a in tok.ancestors)


def recast(clauses: list[Clause], sent: Span) -> list[Clause]:
    """Turn alleged violence into the accusation it is; returns the clauses to keep.

    An alleged act stays in the list as `hypothetical` (callers filter by
    modality), so downstream readers can still see what was alleged.
    """
    accuse_heads = {
        c.trigger.root.i
        for c in clauses
        if c.type == "ACCUSE" and c.modality == "asserted"
    }
    added: list[Clause] = []
    for i, clause in enumerate(clauses):
        if clause.type not in ALLEGED_TYPES or clause.modality != "asserted":
            continue
        root = clause.trigger.root
        if _inside_accusation(root, accuse_heads):
            clauses[i] = replace(clause, modality="hypothetical")
            continue
        gov = claim_governor(root)
        if gov is None or not clause.agents:
            continue
        speakers = args.agents(gov)
        if not speakers or _same_party(speakers, clause.agents):
            continue
        clauses[i] = replace(clause, modality="hypothetical")
        if (
            gov.i in accuse_heads
        ):  # "alleged that ...": the ACCUSE is already coded; name its target
            for j, other in enumerate(clauses):
                if other.trigger.root.i == gov.i and not other.patients:
                    clauses[j] = replace(other, patients=list(clause.agents))
            continue
        accuse_heads.add(gov.i)
        added.append(
            replace(
                clause,
                trigger=sent.doc[gov.i : gov.i + 1],
                entry=ALLEGE,
                agents=speakers,
                patients=list(clause.agents),
                fatalities=None,
                injuries=None,
                size=None,
                confidence=0.6,
            )
        )
    return sorted(clauses + added, key=lambda c: c.trigger.start)
