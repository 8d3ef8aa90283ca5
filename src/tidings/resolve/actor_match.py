"""Deciding the country and sector of one noun phrase from its dictionary matches.

A phrase is cut into a *core* (up to the first preposition or comma outside a
dictionary match) and a *tail* ("the president | of Armenia", "trade unions |
in Denmark"). In the core the last named thing or role noun is the head
("Iraqi lawmakers" -> lawmakers, "President Donald Trump" -> Trump, "Trump's
administration" -> administration); nationality words, country names,
possessives, capitals and cities give the country. Generic leader nouns
("president", "leader", "spokesman", "members") defer to the thing they lead,
in the core ("Hezbollah leader") or the tail ("president of the European
Council"). "former"/"retired" office holders become ELI; "pro-Iran" gives no
country. A title written before a name ("President Mohammad Zia-ul-Haq") outranks
our dates; an unlisted head noun for staff or held places ("army accountant",
"guerrilla camps") keeps the sector of what precedes it; an ethnic group or a people
"of" a place takes the place's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .actor_kb import (
    COUNTRY_KINDS,
    INTERNATIONAL,
    NAMED_KINDS,
    OFFICE_SECTORS,
    Entry,
    KnowledgeBase,
)
from .actor_namesakes import given_names, other_body, other_person
from .actor_text import BOUNDARY, raw_tokens, tokens

PREPOSITIONS = frozenset(
    "of in at to from for on with near across throughout inside outside against over under "
    "by into within around among amid via who which that whose fleeing".split()
)
AFFILIATION = frozenset({"pro", "anti"})
FUZZY_ROLE_MIN = 8  # misspelt role nouns are only guessed when long
# Words before "of" that leave the actor in the tail ("dozens of students", "members of SANDF").
PARTITIVE = frozenset(
    "a an the some several many most all any each both few one two three four five six seven eight "
    "nine ten dozen dozens hundreds thousands millions scores number numbers majority group groups "
    "members member part rest none half team teams squad unit units contingent band up about "
    "around nearly almost approximately over positions position headquarters offices convoy "
    "bases homes".split()
)
ARMED = frozenset({"REB", "UAF", "PRM", "CRM"})
_PLACE_KINDS = frozenset({"country", "seat", "city", "place"})


@dataclass(slots=True)
class Match:
    start: int
    end: int
    entry: Entry
    affiliation: bool = False  # "pro-Iran": a stance, not a country
    guessed: bool = False  # a one-edit guess at a misspelt word ("Kazahks")

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass(slots=True)
class Decision:
    """The outcome for one phrase, with the reasons in order."""

    country: str | None = None
    sector: str | None = None
    name: str | None = None
    head: Entry | None = None  # the named entry the phrase refers to, if any
    head_kind: str | None = None
    plural: bool = False
    covered: set[int] = field(default_factory=set)  # token positions inside matches
    country_only: bool = False  # the head names no actor ("military aid"): only the country is known
    why: list[str] = field(default_factory=list)


def find_matches(kb: KnowledgeBase, toks: tuple[str, ...], raw: tuple[str, ...],
                 cities=None, notes: list[str] | None = None) -> list[Match]:
    """Longest dictionary matches left to right; capitalised leftovers tried as cities.

    A person's or body's alias that the words around it show to name someone else
    ("Jack McConnell", "Trades Union Congress": `actor_namesakes`) is no match;
    the reason goes to `notes`.
    """
    out: list[Match] = []
    i, n = 0, len(toks)
    max_len = kb.max_len
    caps = tuple(t[:1].isupper() for t in raw)
    while i < n:
        longest = max_len.get(toks[i], 0)
        hit = None
        for length in range(min(longest, n - i), 0, -1):
            entry = kb.find(toks[i:i + length], raw[i:i + length])
            if entry is not None:
                hit = Match(i, i + length, entry)
                break
        if hit is not None and (reason := _namesake(kb, hit, toks, raw, out)) is not None:
            if notes is not None:
                notes.append(reason)
            # guesses at words of the other name go too ("Liberal" read as Liberia)
            while out and out[-1].guessed and _glued(raw, out[-1].end, hit.start):
                out.pop()
            i = hit.end
            continue
        if hit is None and cities is not None and caps[i]:
            hit = cities.match(toks, raw, i, kb)
            if hit is None and toks[i] not in max_len:
                entry = cities.fuzzy(toks[i])
                hit = Match(i, i + 1, entry, guessed=True) if entry is not None else None
        if hit is None and cities is not None and len(toks[i]) >= FUZZY_ROLE_MIN:
            entry = cities.fuzzy_role(toks[i])  # "peackeepers"
            hit = Match(i, i + 1, entry, guessed=True) if entry is not None else None
        if hit is None:
            i += 1
            continue
        hit.affiliation = i > 0 and toks[i - 1] in AFFILIATION
        out.append(hit)
        i = hit.end
    return out


def _glued(raw: tuple[str, ...], end: int, start: int) -> bool:
    """Whether only capitalised words stand between two positions."""
    return all(raw[k][:1].isupper() for k in range(end, start))


def _namesake(kb: KnowledgeBase, hit: Match, toks: tuple[str, ...], raw: tuple[str, ...],
              before: list[Match]) -> str | None:
    """Why a dictionary hit names another person or body than its entry, if it does."""
    if hit.kind == "person":
        if kb.given is None:
            kb.given = given_names(kb)
        free = before[-1].end if before else 0
        return other_person(hit.entry, toks, raw, hit.start, hit.end, free, kb.given)
    if hit.kind in ("org", "group"):
        return other_body(hit.entry, toks, raw, hit.start, hit.end,
                          [(m.start, m.end, "guess" if m.guessed else m.kind) for m in before])
    return None


def one_name(kb: KnowledgeBase, text: str, cities=None) -> bool:
    """Whether a list of names is one dictionary name ("Trinidad and Tobago",
    "Bosnia and Herzegovina"), not several actors ("France and Germany")."""
    toks = tokens(text)
    matches = find_matches(kb, toks, raw_tokens(text), cities)
    return len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(toks)


def member_is_actor(d: Decision | None) -> bool:
    """Whether a list member sharing a role noun ("the governments of Peru and |
    Chile") is an actor of its own: the role names an actor ("a strong performance
    in the Americas and | China" does not) and the member a country or a known body
    ("the governments of Peru and | Qwertania": no)."""
    return d is not None and not d.country_only and (d.country is not None or d.head is not None)


def name_in_list(kb: KnowledgeBase, group: str, name: str, cities=None) -> str | None:
    """The one dictionary name in a list that holds a member's name and more: "Saint
    Vincent and the Grenadines" for "the Grenadines" (or for "Saint Vincent") in
    "Cuba and Saint Vincent and the Grenadines"; None when the member is a name of
    its own."""
    toks, raw = tokens(group), raw_tokens(group)
    own = tokens(name)
    if not own:
        return None
    for m in find_matches(kb, toks, raw, cities):
        inner = toks[m.start:m.end]
        if len(inner) > len(own) and "and" in inner and any(
                inner[i:i + len(own)] == own for i in range(len(inner) - len(own) + 1)):
            return " ".join(raw[m.start:m.end])
    return None


def _split(toks: tuple[str, ...], matches: list[Match]) -> int:
    """Index of the first preposition/comma outside any match (len(toks) if none)."""
    inside = set()
    for m in matches:
        inside.update(range(m.start, m.end))
    for i, t in enumerate(toks):
        if i > 0 and i not in inside and (t in PREPOSITIONS or t in BOUNDARY):
            return i
    return len(toks)


# Endings of nouns for people by occupation ("accountant", "economist", "technician",
# "engineer"): after a body's name they are its staff ("army accountant" -> MIL).
_MEMBER_ENDINGS = ("ant", "ist", "ician", "eer")
_MEMBER_MIN = 7  # shorter words with these endings are things: "plant", "giant", "list"
_NOT_MEMBERS = frozenset("warrant variant restaurant covenant pendant implant pollutant "
                         "career".split())


# Places an armed group or body holds: an attack on "Karen guerrilla camps" or "rebel
# positions" is an attack on the guerrillas or rebels.
_HELD_PLACES = frozenset("camp stronghold hideout position outpost base barracks headquarters "
                         "bastion enclave compound".split())


def _member_noun(word: str) -> bool:
    """Whether an unlisted head noun names a person working for what precedes it, or
    a place it holds."""
    stem = word.removesuffix("s")
    if stem in _HELD_PLACES or word in _HELD_PLACES:
        return True
    return (len(stem) >= _MEMBER_MIN and stem.endswith(_MEMBER_ENDINGS)
            and not stem.endswith("list") and stem not in _NOT_MEMBERS)


def _describe(m: Match) -> str:
    e = m.entry
    where = f" ({e.source})" if e.source else ""
    return f"{e.kind} '{e.name}'{where}"


# Titles that some names carry in our files ("King Hassan", "President Trump").
NAME_TITLES = {"king": "GOV", "queen": "GOV", "president": "GOV", "emir": "GOV", "sultan": "GOV",
               "premier": "GOV", "general": "MIL"}
# A person's sector on the date that an office title written before the name overrides.
_OUT_OF_OFFICE = frozenset({"ELI", "LEG"})


def decide(kb: KnowledgeBase, toks: tuple[str, ...], caps: tuple[bool, ...], matches: list[Match],
           date: str | None) -> Decision | None:
    """Country and sector of the phrase, or None when nothing in it is known.

    `caps` tells which tokens were capitalised in the text.
    """
    if not matches:
        return None
    cut = _split(toks, matches)
    core = [m for m in matches if m.end <= cut]
    tail = [m for m in matches if m.start >= cut]
    if not core:
        # "several of the largest unions in Denmark": the tail is the actor;
        # "an amusement park in Kabul", "targets in Syria": it only places it.
        sub = tuple(toks[cut + 1:])
        shifted = [Match(m.start - cut - 1, m.end - cut - 1, m.entry, m.affiliation) for m in tail]
        result = decide(kb, sub, caps[cut + 1:], shifted, date)
        if result is None:
            return None
        result.covered = {i + cut + 1 for i in result.covered}
        apposition = toks[cut] in BOUNDARY  # "Harry Tseng, Taiwan's deputy foreign minister"
        if not apposition and any(t not in PARTITIVE and not t.isdigit() for t in toks[:cut]):
            result.why.append(f"'{' '.join(toks[:cut])}' is not an actor: country only")
            result.country_only = True
            result.sector, result.name, result.head, result.head_kind = None, None, None, None
        return result
    d = Decision()
    for m in matches:
        d.covered.update(range(m.start, m.end))
    _decide_core(d, toks, caps, core, tail, date)
    head_word = cut - 1
    word = toks[head_word]
    if head_word not in d.covered and word.isalpha() and not caps[head_word] \
            and not word.endswith(("ing", "ed")) \
            and not _member_noun(word):  # "Red Cross operating ...", "group based ...", "army accountant"
        # "military aid", "Chinese investment", "Tuesday's attack": the head is no actor
        d.why.append(f"head '{word}' is not an actor: country only")
        d.country_only = True
        d.sector, d.name, d.head, d.head_kind = None, None, None, None
    if d.country is None:
        for m in tail:
            if not m.affiliation and (m.kind in COUNTRY_KINDS or m.kind in NAMED_KINDS) and m.entry.country:
                country = m.entry.code_at(date)[0] if m.kind in NAMED_KINDS else m.entry.country
                if country:
                    d.country = country
                    d.why.append(f"country from {_describe(m)} after the head")
                    break
    elif (toks[cut:cut + 1] == ("of",) and core and core[-1].kind == "people") or "ethnic" in toks[:cut]:
        # "the Albanians of southern Serbia", "ethnic Albanian guerrillas operating in
        # Macedonia": an ethnic group is coded with the state of the place it lives in
        home = next((m for m in tail if not m.affiliation and m.kind in _PLACE_KINDS and m.entry.country), None)
        if home is not None and home.entry.country != d.country:
            d.why.append(f"living in {_describe(home)}: country {home.entry.country}")
            d.country = home.entry.country
    if d.country is None and d.sector is None:
        return None
    return d


def _leads(title: Match, usable: list[Match], date: str | None) -> Match | None:
    """The national body a leader title written before a name leads ("*Tory*
    co-chairman Liam Fox"), when one stands right before the title (a word between
    may be part of it: "co", "vice")."""
    if title.kind != "leader":
        return None
    owner = next((m for m in reversed(usable) if m.end <= title.start), None)
    if owner is None or owner.kind not in ("org", "group") or title.start - owner.end > 1:
        return None
    country, sector, _ = owner.entry.code_at(date)
    return owner if sector is not None and country not in INTERNATIONAL else None


def _decide_core(d: Decision, toks: tuple[str, ...], caps: tuple[bool, ...], core: list[Match],
                 tail: list[Match],
                 date: str | None) -> None:
    """Head, country and sector from the core's matches (the tail only helps leaders)."""
    usable = [m for m in core if not m.affiliation]
    candidates = [m for m in usable if m.kind in NAMED_KINDS or m.kind == "role"]
    leaders = [m for m in usable if m.kind == "leader"]
    places = [m for m in usable if m.kind in COUNTRY_KINDS]
    for m in core:
        if m.affiliation:
            d.why.append(f"'{m.entry.name}' read as a stance (pro-/anti-), not a country")
    head = candidates[-1] if candidates else None
    # An organisation that owns the role noun after it: "Hezbollah fighters", "CIA officers".
    if head is not None and head.kind == "role":
        owners = [m for m in candidates[:-1] if m.kind in ("org", "group")]
        if owners:
            owner = owners[-1]
            o_country, o_sector, _ = owner.entry.code_at(date)
            if o_sector is not None and o_country not in INTERNATIONAL:
                head = owner
    if head is None and leaders:
        # "president of the European Council", "members of SANDF", "chairman of the company's board"
        owners = [m for m in tail if not m.affiliation and (m.kind in NAMED_KINDS or m.kind == "role")]
        if owners:
            owner = owners[0]
            o_country, o_sector, note = owner.entry.code_at(date)
            if o_sector is not None or owner.kind in NAMED_KINDS:
                d.sector = o_sector or leaders[-1].entry.sector
                d.country = o_country if owner.kind in NAMED_KINDS else None
                d.why.append(f"'{leaders[-1].entry.name}' of {_describe(owner)}")
                if owner.kind in NAMED_KINDS:
                    d.name, d.head, d.head_kind = owner.entry.name, owner.entry, owner.kind
        if d.sector is None:
            d.sector = leaders[-1].entry.sector
            d.why.append(f"{_describe(leaders[-1])} -> {d.sector}")
        d.plural = False
    elif head is not None:
        e = head.entry
        if head.kind in NAMED_KINDS:
            country, sector, note = e.code_at(date)
            d.name, d.head, d.head_kind = e.name, e, head.kind
            d.country, d.sector = country, sector
            d.why.append(f"{_describe(head)}" + (f": {note}" if note else ""))
            if sector is None or country in INTERNATIONAL:
                # "UN peacekeepers", "EU legislators": a role after the name gives the sector;
                # "Prime Minister Ismail Haniyeh" (before his dated offices): the title does
                # (a leader title after an organisation with a sector leaves it: "Red Cross officials")
                after = [m for m in usable if m.start > head.start and (
                    m.kind == "role" or (m.kind == "leader" and sector is None))]
                before = [m for m in usable if m.kind in ("role", "leader") and m.start < head.start]
                pick = after[-1] if after else (before[-1] if before else None)
                owner = _leads(pick, usable, date) if pick is not None and not after else None
                if owner is not None:
                    # "Tory co-chairman Liam Fox": the title defers to what it leads (PTY)
                    d.sector = owner.entry.code_at(date)[1]
                    d.why.append(f"sector from {_describe(pick)} of {_describe(owner)}")
                elif pick is not None and pick.entry.sector:
                    d.sector = pick.entry.sector
                    d.why.append(f"sector from {_describe(pick)}")
            elif sector in _OUT_OF_OFFICE and head.kind == "person":
                # "Russian President Boris Yeltsin", "Prime Minister Scott Morrison" (an MP
                # now): the text gives the office at the time of writing, which outranks
                # our dates (the article may be undated or older than our tables);
                # "former ..." undoes it below.
                # A first name the entry lacks may stand between ("President Mohammad
                # Zia-ul-Haq"), and the name we matched may itself carry the title
                # ("King Hassan").
                title = next((m for m in reversed(usable) if m.kind in ("role", "leader")
                              and m.end <= head.start and m.entry.sector
                              and all(caps[m.end:head.start])), None)
                if title is not None:
                    d.sector = title.entry.sector
                    d.why.append(f"sector from the title {_describe(title)}")
                elif toks[head.start] in NAME_TITLES:
                    d.sector = NAME_TITLES[toks[head.start]]
                    d.why.append(f"sector from the title '{toks[head.start]}' in the name")
        else:
            d.sector = e.sector
            d.country = e.country
            d.why.append(f"{_describe(head)} -> {e.sector}")
            last = toks[head.end - 1]
            d.plural = last != tokens(e.name)[-1] or (last.endswith("s") and not last.endswith("ss"))
    # Country from the core's nationality words, names, capitals, possessors.
    if d.country is None:
        for m in places + [c for c in candidates if c is not head]:
            country = m.entry.code_at(date)[0] if m.kind in NAMED_KINDS else m.entry.country
            if country:
                d.country = country
                d.why.append(f"country from {_describe(m)}")
                break
    if d.sector is None and head is None and not leaders and places:
        only = places[-1]
        d.sector = only.entry.sector
        if d.name is None and only.kind in ("country", "seat", "city"):
            d.head_kind = only.kind
        d.plural = only.kind == "people"
        if only.entry.sector:
            d.why.append(f"{only.kind} -> {only.entry.sector}")
    # "two men" are unidentified (UNK), "four Saudi men" are Saudi civilians
    if d.sector == "UNK" and d.country and head is not None and head.kind == "role":
        d.sector = "CVL"
        d.why.append(f"unidentified '{head.entry.name}' with a nationality -> CVL")
    # "former"/"ousted" (modifier entries): office holders take the modifier's sector (ELI)
    modifier = next((m for m in usable if m.kind == "modifier" and m.entry.sector), None)
    if modifier is not None and (d.sector in OFFICE_SECTORS or d.head_kind == "person"):
        d.why.append(f"{_describe(modifier)}: {d.sector} -> {modifier.entry.sector}")
        d.sector = modifier.entry.sector
