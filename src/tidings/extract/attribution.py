"""Attribution verbs: "..., a senior official said" reports an event, it is not one.

Verb dictionaries of the older coders (Phoenix/PETRARCH `SAID [023]`) give
plain speech verbs a code of their own. A news editor reads "Ethiopia left
Libya, a senior official said" as one event (the leaving) with a source for
it, so a bare speech verb that introduces a reported clause gives no event.
Patterns that name the content ("SAID * WAS UNSATISFACTORY") still code:
there the saying itself is the act. A speech verb that opens a direct quotation
("..., said: `` A lot of families' ideas were included") only attributes the
quoted words: the quotation is the content, the saying no act of its own.
A verb of concurring after a quotation ("'The danger has not passed,' agreed
an activist") is a source line too, though "Iran agreed to talks" is an act.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import LexEntry
from ..lexicon.cues import word_set

# Word lists are data (data/lexicon/cues/speech.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
# Verbs that only attribute; "warn", "accuse", "deny", "praise" are acts and not listed.
ATTRIBUTION_VERBS = word_set("speech", "attribution_verbs")
# Verbs of concurring: an act ("Iran agreed to ..."), but a source line after a quotation
# ("'The danger has not passed,' agreed a rights activist").
CONCUR_VERBS = word_set("speech", "concur_verbs")
REPORTED = ("ccomp", "parataxis")
QUOTE_OPENERS = {":", "``", '"', "“", "'", "`"}


def is_attribution(head: Token, entry: LexEntry, others: set[int]) -> bool:
    """Does a plain speech-verb trigger only attribute: a trailing source line ("...,
    officials said"), or a report that holds another trigger ("said it had left")?

    `others`: token indices of the sentence's other trigger heads. "X said on Friday
    that an arms embargo ..." with no event in the report stays a coded statement.
    """
    if entry.kind not in ("verb",) or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_.lower() in CONCUR_VERBS and any(
        c.dep_ in REPORTED and c.i < head.i for c in head.children
    ):
        return True  # "'The danger has not passed,' agreed Polat Sayim": a source line
    if head.lemma_.lower() not in ATTRIBUTION_VERBS and head.lower_ not in ATTRIBUTION_VERBS:
        return False
    reported = [c for c in head.children if c.dep_ in REPORTED]
    if head.dep_ == "parataxis":
        reported.append(head.head)
    if any(r.i < head.i for r in reported):
        return True  # "Ethiopia left Libya, a senior official said": a source line
    if _opens_quotation(head):
        return True  # 'he said: "We will not give up"': the quotation is the content
    return any(t.i in others for r in reported for t in r.subtree if t.i != head.i)


def _opens_quotation(head: Token) -> bool:
    """Is the speech verb followed directly by a colon or an opening quote mark?"""
    nxt = head.i + 1
    return nxt < head.sent.end and head.doc[nxt].text in QUOTE_OPENERS
