"""Background clauses: descriptions of a participant, not reported events.

"the militant group that has seized parts of Iraq" describes who the group
is: a relative clause in the present perfect with no date of its own recalls
the group's history to identify it. A news editor codes the event the
sentence reports, not that history. A dated relative clause ("rebels who
attacked the town on Monday") and an earlier event used to date another
("a day after protesters stormed the parliament") still code: they say when
something happened.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import is_time

PERFECT = {"has", "have", "'ve", "'s"}


def _has_time(verb: Token) -> bool:
    return any(c.ent_type_ in ("DATE", "TIME") or is_time(c) for c in verb.subtree if c.i != verb.i)


def is_background(verb: Token) -> bool:
    """Is `verb` a relative clause in the present perfect with no date ("a group that has seized ...")?"""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.dep_ == "relcl" and bool(aux & PERFECT) and not _has_time(verb)
