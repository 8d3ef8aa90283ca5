"""The dated office-holders in `data/actors/people.tsv` hang together.

The file holds a few thousand dated offices typed in by hand, so these tests check
properties every entry must have rather than particular answers: spans run forwards,
country codes exist, two people never claim the same name at the same time (the
resolver would silently pick one), every state has a head of state on a reference
day, and each holder's own name reaches them on a day of their office (no other
entry shadows it).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pycountry
import pytest

from tidings.paths import data_dir
from tidings.resolve.actor_kb import INTERNATIONAL, Code, Entry, KnowledgeBase, load_entities
from tidings.resolve.actor_text import tokens
from tidings.resolve.actors import ActorResolver

# The 193 member states of the United Nations (ISO 3166-1 alpha-3), plus the three
# entities the knowledge base also promises heads for: Palestine, Kosovo and Taiwan.
UN_MEMBERS = frozenset("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP
CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU
GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN
PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN
TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
ALSO_COVERED = frozenset({"PSE", "XKX", "TWN"})
# Commonwealth realms on the reference day: the British monarch is their head of state.
REALMS = frozenset("ATG AUS BHS BLZ BRB CAN GRD JAM NZL PNG KNA LCA VCT SLB TUV".split())
REFERENCE_DAY = "2020-01-01"

# Offices that make their holder the head of state (or, in collective and transitional
# arrangements, one of the persons who together are).
HEAD_OF_STATE = re.compile(
    r"^(acting |interim |transitional |de facto |episcopal )?"
    r"(president|king|queen|emir|sultan|grand duke|prince|emperor|co-prince|co-president"
    r"|captain regent|head of state|member of the presidency|supreme leader|leader"
    r"|general secretary / president|junta leader|military council head)\b"
    r"|^(sovereign|presidential|transitional presidential) council chairman",
    re.IGNORECASE,
)


class _RecordingKB(KnowledgeBase):
    """A knowledge base that also remembers which names each entry was indexed under."""

    def add(self, entry: Entry, names, plurals: bool = False, any_case: bool = False) -> None:
        names = list(names)
        NAMES[id(entry)] = names
        super().add(entry, names, plurals, any_case)


NAMES: dict[int, list[str]] = {}


@pytest.fixture(scope="module")
def people() -> list[Entry]:
    kb = _RecordingKB()
    load_entities(kb, data_dir("actors") / "people.tsv", kind_default="person")
    found = [e for e in kb.entries if e.kind == "person"]
    assert len(found) > 1500, "people.tsv should list the leaders of every state"
    return found


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _spans(entry: Entry) -> list[tuple[str, str]]:
    """The periods an entry answers to its names: its offices, or always if it has a
    dateless row (or no dated one)."""
    if entry.sector is not None or not entry.codes:
        return [("0000-00-00", "9999-12-31")]
    return [(c.start or "0000-00-00", c.end or "9999-12-31") for c in entry.codes]


def test_every_office_runs_forwards(people):
    backwards = [(p.name, c.start, c.end) for p in people for c in p.codes
                 if c.start and c.end and c.start > c.end]
    assert not backwards


def test_every_dated_office_has_a_title(people):
    untitled = [(p.name, c.start) for p in people for c in p.codes if not c.title]
    assert not untitled


def test_country_codes_exist(people, shared):
    path = shared / "reference" / "plover" / "countries.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as f:
        known = {row["CCA3"].strip() for row in csv.DictReader(f)}
    # PLOVER's table predates South Sudan and leaves out Dominica: ISO 3166 adds them.
    known |= {c.alpha_3 for c in pycountry.countries} | INTERNATIONAL | ALSO_COVERED
    codes: list[tuple[str, str | None]] = [(p.name, p.country) for p in people]
    codes += [(p.name, c.country) for p in people for c in p.codes]
    unknown = sorted({(name, code) for name, code in codes if code and code not in known})
    assert not unknown


def test_no_name_is_claimed_by_two_people_at_once(people):
    owners: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for person in people:
        for key in {tokens(n) for n in NAMES[id(person)] if tokens(n)}:
            owners[key].append(person)
    clashes = []
    for key, holders in owners.items():
        for i, a in enumerate(holders):
            for b in holders[i + 1:]:
                if any(s1 <= e2 and s2 <= e1 for s1, e1 in _spans(a) for s2, e2 in _spans(b)):
                    clashes.append((" ".join(key), a.name, b.name))
    assert not clashes


def _holds_head_office(code: Code, country: str, day: str) -> bool:
    return code.country == country and code.covers(day) and bool(HEAD_OF_STATE.search(code.title or ""))


@pytest.mark.parametrize("country", sorted(UN_MEMBERS | ALSO_COVERED))
def test_every_state_has_a_head_of_state_on_the_reference_day(people, country):
    holder = country if country not in REALMS else "GBR"
    heads = [p.name for p in people for c in p.codes if _holds_head_office(c, holder, REFERENCE_DAY)]
    assert heads, f"no head of state of {holder} on {REFERENCE_DAY}"


def test_realms_are_not_also_listed_as_republics_on_the_reference_day(people):
    # A realm's own "president" on the reference day would mean a code or date slip.
    presidents = [(p.name, c.country) for p in people for c in p.codes
                  if c.country in REALMS and c.covers(REFERENCE_DAY)
                  and (c.title or "").lower().startswith("president")]
    assert not presidents


def test_each_head_is_found_by_name_during_the_office(people, resolver):
    """Looking a head of state or government up by full name on the middle day of an
    office gives that office's country: no other entry shadows the name."""
    missed = []
    for person in people:
        for c in person.codes:
            title = (c.title or "").lower()
            if not (HEAD_OF_STATE.search(title) or "prime minister" in title or "premier" in title):
                continue
            if not c.start or c.start < "2000-01-01":
                continue
            end = c.end or "2026-11-01"
            middle = _middle(c.start, end)
            actor = resolver.lookup(person.name, middle)
            if actor is None or actor.name != person.name or actor.country != (c.country or person.country):
                missed.append((person.name, middle, None if actor is None else (actor.name, actor.country)))
    assert not missed


def _middle(start: str, end: str) -> str:
    from datetime import date

    a, b = date.fromisoformat(start), date.fromisoformat(end)
    return (a + (b - a) / 2).isoformat()
