"""A title written before a known person's name states the office at the time of writing;
role nouns added for crime, security and society map to their PLOVER sectors."""

from __future__ import annotations

import pytest

from tidings.resolve.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def sector(resolver: ActorResolver, text: str, date: str) -> str | None:
    actor = resolver.lookup(text, date)
    assert actor is not None, text
    return actor.sector


def test_title_outranks_a_past_office_on_the_date(resolver):
    # Yeltsin left office in 1999: bare, he is a former office holder on a 2020 date...
    assert sector(resolver, "Boris Yeltsin", "2020-01-01") == "ELI"
    # ...but a text that calls him President was written while he was.
    assert sector(resolver, "Russian President Boris Yeltsin", "2020-01-01") == "GOV"
    assert "title" in resolver.lookup("President Boris Yeltsin", "2020-01-01").why


def test_former_still_wins_over_the_title(resolver):
    assert sector(resolver, "former President Boris Yeltsin", "2020-01-01") == "ELI"


def test_title_does_not_change_a_holder_in_office(resolver):
    assert sector(resolver, "President Boris Yeltsin", "1995-01-01") == "GOV"


@pytest.mark.parametrize("text, expected", [
    ("Kenyan bandits", ("KEN", "CRM")),
    ("Israeli settlers", ("ISR", "CVL")),
    ("Panamanian immigration inspectors", ("PAN", "COP")),
    ("Malian commandos", ("MLI", "MIL")),
    ("Somali tribal elders", ("SOM", "CVL")),
    ("French photographers", ("FRA", "JRN")),
])
def test_added_role_nouns(resolver, text, expected):
    actor = resolver.lookup(text, "2022-01-01")
    assert actor is not None and (actor.country, actor.sector) == expected
