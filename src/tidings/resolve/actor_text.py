"""Turning actor phrases into the token keys every actor dictionary is indexed by.

Dictionary names ("al-Qaeda", "U.S.", "Kassym-Jomart Tokayev") and text
("the US embassy", "Iraq's premier", "KHÜRELSÜKH") must meet on the same form,
so both go through `tokens()`: accents stripped, lower case, periods dropped
("u.s." -> "us"), hyphens split, possessive 's split off as its own token and
commas kept as boundaries. Plural forms of role nouns are generated here too,
so a dictionary lists "soldier" once and matches "soldiers".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-_/]+")
_TOKEN = re.compile(r"[A-Za-z0-9&]+(?:'[A-Za-z0-9]+)*|'[sS]\b|[,;:()]")
BOUNDARY = frozenset({",", ";", ":", "(", ")"})


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """ASCII letters, straight apostrophes, no periods, dashes as spaces (case kept)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _DASHES.sub(" ", text.replace(".", "").replace("`", "'"))


@lru_cache(maxsize=65536)
def raw_tokens(text: str) -> tuple[str, ...]:
    """Tokens with their case kept: possessive 's split off, plural possessive s' dropped."""
    out: list[str] = []
    for tok in _TOKEN.findall(clean(text)):
        low = tok.lower()
        if low.endswith("'s") and len(tok) > 2:
            out.append(tok[:-2].replace("'", ""))
            out.append("'s")
        elif low == "'s":
            out.append("'s")
        else:
            out.append(tok.replace("'", ""))
    return tuple(t for t in out if t)


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """The lower-case key tokens of a phrase (see `raw_tokens`)."""
    return tuple(t.lower() for t in raw_tokens(text))


def plural(word: str) -> str:
    """Regular English plural of one word (the PETRARCH rules plus -man/-men)."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh", "z")):
        return word + "es"
    return word + "s"


def plural_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key with its last word pluralised (for role nouns listed in the singular)."""
    return key[:-1] + (plural(key[-1]),)
