"""Small word-level helpers shared by the trigger matcher and the headline recaser."""

from __future__ import annotations


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
