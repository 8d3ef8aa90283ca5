"""A surname alias written with another first name or a peerage names another person."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.resolve.actors import ActorResolver

# Invented people, so the rule is tested apart from our dictionaries' contents.
PEOPLE = """
actors:
  - name: Zorblat Quenton
    kind: person
    country: KEN
    aliases: [Quenton]
    roles:
      - {title: president, sector: GOV, start: 2030-01-01}
  - name: Mabel Trask
    kind: person
    country: GHA
    aliases: [Trask]
    roles:
      - {title: foreign minister, sector: GOV, start: 2030-01-01}
  - name: Mohamed Vardelli
    kind: person
    country: EGY
    aliases: [Vardelli]
    roles:
      - {title: prime minister, sector: GOV, start: 2030-01-01}
"""
DATE = "2031-01-01"


@pytest.fixture(scope="module")
def resolver(tmp_path_factory) -> ActorResolver:
    path: Path = tmp_path_factory.mktemp("namesakes") / "people.yaml"
    path.write_text(PEOPLE, encoding="utf-8")
    return ActorResolver(extra_files=[path])


def name_of(resolver: ActorResolver, text: str) -> str | None:
    actor = resolver.lookup(text, DATE)
    return None if actor is None else actor.name


@pytest.mark.parametrize("text", ["Quenton", "Zorblat Quenton", "President Quenton",
                                  "Kenyan President Zorblat Quenton", "Mr Quenton",
                                  "Zorblat K. Quenton", "Sir Zorblat Quenton"])
def test_the_known_person_is_still_found(resolver, text):
    assert name_of(resolver, text) == "Zorblat Quenton"


@pytest.mark.parametrize("text", ["Mabel Quenton", "Mabel K. Quenton"])
def test_another_first_name_is_another_person(resolver, text):
    assert name_of(resolver, text) != "Zorblat Quenton"


@pytest.mark.parametrize("text", ["Lord Quenton", "Baroness Trask", "Lady Trask"])
def test_a_peerage_the_person_does_not_hold_is_another_person(resolver, text):
    assert name_of(resolver, text) not in ("Zorblat Quenton", "Mabel Trask")


def test_a_spelling_of_the_same_first_name_is_the_same_person(resolver):
    assert name_of(resolver, "Mohammed Vardelli") == "Mohamed Vardelli"


def test_the_reason_is_given(resolver):
    actor = resolver.lookup("Kenyan minister Mabel Quenton", DATE)
    assert actor is not None and actor.name != "Zorblat Quenton"
    assert "another person" in actor.why


@pytest.mark.parametrize("text, wrong", [
    ("Jack McConnell", "USA"),      # Scotland's first minister, not the US senator
    ("Lord Ashcroft", "USA"),       # the Conservative peer, not the US attorney general
    ("Jimmy Lai", "TWN"),           # the Hong Kong publisher, not Taiwan's president
])
def test_well_known_namesakes_are_not_taken(resolver, text, wrong):
    actor = resolver.lookup(text, "2005-05-01")
    assert actor is None or actor.country != wrong
