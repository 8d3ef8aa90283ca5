"""A body's short alias inside a longer unknown name names another body; party short names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.resolve.actors import ActorResolver

# An invented legislature known by a one-word alias, so the rule is tested apart from
# our dictionaries' contents.
BODIES = """
actors:
  - {name: Grand Zorblat Chamber, country: KEN, sector: LEG, aliases: [Chamber]}
"""
DATE = "2005-05-01"


@pytest.fixture(scope="module")
def resolver(tmp_path_factory) -> ActorResolver:
    path: Path = tmp_path_factory.mktemp("bodies") / "bodies.yaml"
    path.write_text(BODIES, encoding="utf-8")
    return ActorResolver(extra_files=[path])


def name_of(resolver: ActorResolver, text: str) -> str | None:
    actor = resolver.lookup(text, DATE)
    return None if actor is None else actor.name


@pytest.mark.parametrize("text", ["the Chamber", "Kenya's Chamber", "the Kenyan Chamber",
                                  "Chamber", "Many Chamber members"])
def test_the_alias_alone_or_qualified_by_a_known_name_is_the_body(resolver, text):
    assert name_of(resolver, text) == "Grand Zorblat Chamber"


@pytest.mark.parametrize("text", ["the Qwertish Chamber", "Flumpton Traders Chamber",
                                  "the Chamber of Flumpton Traders"])
def test_unknown_capitalised_words_around_the_alias_name_another_body(resolver, text):
    actor = resolver.lookup(text, DATE)
    assert actor is None or actor.name != "Grand Zorblat Chamber"


def test_the_reason_is_given(resolver):
    actor = resolver.lookup("Flumpton Traders Union Chamber", DATE)
    assert actor is not None and actor.name != "Grand Zorblat Chamber"
    assert "another body" in actor.why


@pytest.mark.parametrize("text", ["Trades Union Congress", "Congress of South African Trade Unions",
                                  "Pan Africanist Congress", "Nepali Congress", "the Liberal Democrats"])
def test_other_bodies_are_not_the_us_congress_or_party(resolver, text):
    actor = resolver.lookup(text, DATE)
    assert actor is None or actor.country != "USA"


@pytest.mark.parametrize("text", ["US Congress", "Congress", "Senate Republicans", "the Democrats",
                                  "House Democrats"])
def test_us_bodies_keep_their_aliases(resolver, text):
    actor = resolver.lookup(text, DATE)
    assert actor is not None and actor.country == "USA"


@pytest.mark.parametrize("text, country", [
    ("the Lib Dems", "GBR"), ("Tories", "GBR"), ("Labour", "GBR"), ("SNP", "GBR"),
    ("Republicans", "USA"), ("GOP", "USA"), ("BJP", "IND"), ("AfD", "DEU"), ("CDU", "DEU"),
    ("African National Congress", "ZAF"), ("Indian National Congress", "IND"),
])
def test_party_short_names_resolve_with_their_country(resolver, text, country):
    actor = resolver.lookup(text, DATE)
    assert actor is not None and (actor.country, actor.sector) == (country, "PTY")


def test_a_party_title_gives_the_party_sector(resolver):
    actor = resolver.lookup("Tory co-chairman Liam Fox", DATE)
    assert actor is not None and actor.sector == "PTY"
