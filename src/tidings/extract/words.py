"""Small word-level helpers shared by the trigger matcher and the headline recaser."""

from __future__ import annotations

from spacy.tokens import Token


def inflection_guesses(low: str) -> list[str]:
    """The word and the stems regular English inflection could have made it from."""
    out = [low]
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + repl)
    if len(low) > 4 and low[-3] == low[-4] and low.endswith(("ed",)):
        out.append(low[:-3])  # "shelled" -> "shell", "planned" -> "plan"
    return out


def quantity_up(tok: Token) -> Token | None:
    """'kidnapped up to 16 advisers': the parser's particle "up" is a quantity; -> advisers.

    Returns the counted noun (the object of "to") when `tok` is such an "up", else None.
    """
    if tok.lower_ != "up" or tok.dep_ not in ("prt", "advmod", "prep"):
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None or not any(t.like_num for t in to.subtree):
        return None
    return next((o for o in to.children if o.dep_ == "pobj"), None)
