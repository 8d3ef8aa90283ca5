"""Phoenix / PETRARCH / TABARI actor and agent dictionaries, as users already have them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.resolve.actor_kb import KnowledgeBase
from tidings.resolve.actors import ActorResolver
from tidings.resolve.phoenix import agent_code, load, parse_code

ACTORS = """<!-- test dictionary -->
ARNOR [ARN]
+ARNORIAN   # a synonym
GONDOR_ARMY [GONMIL]
ARAGORN_  ; a dated record
\t[ARNREB 19950101-19991231]
\t[ARNGOV >20000101]
UNITED_NATIONS_ [IGOUNO]
"""

AGENTS = """!PERSON! = MAN, MEN, WOMAN, WOMEN
TROOP {} [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
RANGER [~REB]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY [NGO~]
"""


@pytest.mark.parametrize("code, expected", [
    ("USAGOV", ("USA", "GOV")),
    ("IGOUNO", ("UNO", None)),
    ("PSEREBHMS", ("PSE", "REB")),
    ("HOBCIV", ("HOB", "CVL")),
    ("ARN", ("ARN", None)),
    ("---GOV", (None, "GOV")),
    ("MRGORC", ("MRG", "ORC")),  # the user's own sector code, when PLOVER knows none
    ("IGOAFR", ("IGO", "AFR")),
    ("IGOUNOMIL", ("UNO", "MIL")),
])
def test_codes_split_into_country_and_sector(code, expected):
    assert parse_code(code) == expected


@pytest.mark.parametrize("code, expected", [
    ("~GOV", (None, "GOV")),
    ("~MOP", (None, "MOP")),  # the sector is the agent's own code, never a country
    ("~CHRCPT", (None, "CHR")),
    ("~GOVFRM", (None, "GOV")),
    ("NGO~", ("NGO", None)),  # a prefix standing in for the country
    ("  NGO~", ("NGO", None)),
])
def test_agent_codes_are_sectors_after_the_tilde(code, expected):
    assert agent_code(code) == expected


def _resolver(tmp_path: Path) -> ActorResolver:
    (tmp_path / "test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "test.agents.txt").write_text(AGENTS, encoding="utf-8")
    return ActorResolver(extra_files=[tmp_path / "test.actors.txt", tmp_path / "test.agents.txt"],
                         replace=True)


def test_actors_with_synonyms_and_date_restrictions(tmp_path: Path):
    r = _resolver(tmp_path)
    assert (r.lookup("Arnorian").country, r.lookup("Arnorian").sector) == ("ARN", None)
    assert r.lookup("the Gondor army").sector == "MIL"
    assert r.lookup("Aragorn", "1996-05-01").sector == "REB"
    assert r.lookup("Aragorn", "2003-05-01").sector == "GOV"
    assert r.lookup("the United Nations").country == "UNO"


def test_agent_code_combines_with_the_country_named_beside_it(tmp_path: Path):
    (tmp_path / "a.actors.txt").write_text("GONDOR [GON]\n", encoding="utf-8")
    (tmp_path / "b.agents.txt").write_text("MAIN_OPPOSITION_GROUP [~MOP]\n", encoding="utf-8")
    r = ActorResolver(extra_files=[tmp_path / "a.actors.txt", tmp_path / "b.agents.txt"], replace=True)
    found = r.lookup("Gondor's main opposition group")
    assert (found.country, found.sector) == ("GON", "MOP")


def test_agents_with_plurals_and_substitution_sets(tmp_path: Path):
    r = _resolver(tmp_path)
    assert (r.lookup("Arnor troop").country, r.lookup("Arnor troop").sector) == ("ARN", "MIL")
    assert r.lookup("rangers").sector == "REB"  # regular plural generated
    assert r.lookup("attorneys general").sector == "GOV"
    assert r.lookup("congresswomen").sector == "LEG"
    assert r.lookup("congressman").sector == "LEG"


def test_legacy_typos_are_skipped_and_reported(tmp_path: Path):
    path = tmp_path / "typos.actors.txt"
    path.write_text("ERIVAN_\n\t[ARMUNR 9008223-911221]\n\t[ARM >911221]\n", encoding="utf-8")
    kb = KnowledgeBase()
    assert load(kb, path) == 1
    assert len(kb.warnings) == 1 and "9008223" in kb.warnings[0]


def test_petrarch_validation_dictionaries_load(shared):
    folder = shared / "eval" / "petr_unittest"
    files = [folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"]
    if not all(f.is_file() for f in files):
        pytest.skip("PETR.Validate dictionaries are absent from ../shared/eval/petr_unittest")
    r = ActorResolver(extra_files=files, replace=True)
    assert r.lookup("Arnor").country == "ARN"
    assert (r.lookup("Israeli troops").country, r.lookup("Israeli troops").sector) == ("ISR", "MIL")
    gov = r.lookup("the Gondor government")
    assert (gov.country, gov.sector) == ("GON", "GOV")
    assert r.lookup("President George W. Bush").country == "USA"
