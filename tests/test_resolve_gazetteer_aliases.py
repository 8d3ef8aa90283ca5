"""Supplement rows that add aliases to divisions the packages have ("WA" is both
Washington and Western Australia: the article's country decides) and landmarks that
outrank the small towns sharing their names."""

from __future__ import annotations

import pytest

from tidings.resolve.gazetteer import Gazetteer, get


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return get()


def test_a_shared_abbreviation_indexes_every_division_it_names(gaz) -> None:
    divisions = {(c.country, c.name) for c in gaz.candidates("WA") if c.feature == "ADM1"}
    assert {("USA", "Washington"), ("AUS", "Western Australia")} <= divisions
    # the alias row keeps the division's own record: no second Western Australia
    assert sum(c.name == "Western Australia" for c in gaz.candidates("Western Australia")) == 1


@pytest.mark.parametrize(("name", "record", "country"), [
    ("Heathrow", "Heathrow", "GBR"), ("Heathrow Airport", "Heathrow", "GBR"),
    ("White House", "White House", "USA"), ("Broadway", "Broadway", "USA")])
def test_landmarks_outweigh_towns_of_their_own_name(gaz, name, record, country) -> None:
    """Among the records called `record` that `name` finds (aliases of other places
    aside: Casablanca is "White House" too), the landmark carries the largest weight."""
    own = [c for c in gaz.candidates(name) if c.name == record]
    best = max(own, key=lambda c: c.population)
    assert (best.country, best.feature) in ((country, "AIRP"), (country, "PPLX"))
