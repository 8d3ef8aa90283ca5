"""Phoenix / TABARI actor entries with several codes ([FRO/BIL/SAM]) and the discard code [###]."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.model import Actor
from tidings.resolve.actors import ActorResolver
from tidings.resolve.phoenix import (
    discard_phrases,
    every_code,
    shared_codes,
    split_codes,
)

ACTORS = """THE_SHIRE  [FRO/BIL/SAM]
LORIEN  [ELR/GAL]   # elves
GONDOR [GONGOV/ARN]
ARNOR_  [ARN]
NASGUL  [###]  # a TABARI discard, not a comment
+RINGWRAITHS_
"""


@pytest.fixture(scope="module")
def resolver(tmp_path_factory) -> ActorResolver:
    path = tmp_path_factory.mktemp("dicts") / "middle.actors.txt"
    path.write_text(ACTORS)
    return ActorResolver(extra_files=[path], replace=True)


def test_split_codes():
    assert split_codes("FRO/BIL/SAM") == ["FRO", "BIL", "SAM"]
    assert split_codes("USAGOV") == ["USAGOV"]


def test_multicode_entry_resolves_to_one_actor_per_code(resolver: ActorResolver):
    table = shared_codes(resolver.kb)
    actor = resolver.lookup("the Shire")
    assert actor is not None and actor.country == "FRO"  # the first code
    widened = every_code(actor, table)
    assert [(a.country, a.sector) for a in widened] == [("FRO", None), ("BIL", None), ("SAM", None)]
    assert all(a.text == "the Shire" and "FRO/BIL/SAM" in (a.why or "") for a in widened)


def test_multicode_entry_keeps_each_codes_sector(resolver: ActorResolver):
    widened = every_code(resolver.lookup("Gondor"), shared_codes(resolver.kb))
    assert [(a.country, a.sector) for a in widened] == [("GON", "GOV"), ("ARN", None)]


def test_single_code_actor_is_left_alone(resolver: ActorResolver):
    table = shared_codes(resolver.kb)
    arnor = resolver.lookup("Arnor")
    assert every_code(arnor, table) == [arnor]
    stranger = Actor(text="Lorien", name="Lorien", country="XYZ")  # same name, other entry
    assert every_code(stranger, table) == [stranger]


def test_discard_code_is_no_actor_but_a_discard_phrase(resolver: ActorResolver):
    assert discard_phrases(resolver.kb) == ["nasgul_", "ringwraiths_"]
    assert resolver.lookup("Nasgul") is None  # names no actor


def test_validation_dictionary_multicode_entries(shared: Path):
    folder = shared / "eval" / "petr_unittest"
    resolver = ActorResolver(extra_files=[folder / "PETR.Validate.actors.txt"], replace=True)
    table = shared_codes(resolver.kb)
    assert [c for c, _ in table[("Lorien", "ELR")]] == ["ELR", "GAL"]
    assert [c for c, _ in table[("The Shire", "FRO")]] == ["FRO", "BIL", "SAM"]


def test_multicode_default_line_is_read_like_a_primary_code(tmp_path: Path):
    path = tmp_path / "tabs.actors.txt"
    path.write_text("ENTWIVES\n\t[ENT/ELF]\n")
    resolver = ActorResolver(extra_files=[path], replace=True)
    widened = every_code(resolver.lookup("Entwives"), shared_codes(resolver.kb))
    assert [a.country for a in widened] == ["ENT", "ELF"]
