"""Our point files: US county points and other countries' division points replace
the stand-ins (the state's or the country's point) the packages would leave."""

from __future__ import annotations

import math

import pytest

from tidings.errors import DataFileError
from tidings.resolve.gazetteer import GazEntry, Gazetteer, get, read_points


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get()


def km(a: GazEntry, b: GazEntry) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def one(gaz: Gazetteer, name: str, feature: str, admin1: str | None = None) -> GazEntry:
    found = [e for e in gaz.candidates(name) if e.feature == feature and (admin1 is None or e.admin1 == admin1)]
    assert found, (name, feature, admin1)
    return found[0]


@pytest.mark.parametrize(("county", "state", "seat"), [
    ("Henry County", "Tennessee", "Paris"),
    ("Cook County", "Illinois", "Chicago"),
    ("Harris County", "Texas", "Houston"),
    ("Boone County", "Indiana", "Lebanon"),
])
def test_county_points_lie_near_the_county_seat_not_at_the_state(gaz, county, state, seat) -> None:
    c = one(gaz, county, "ADM2", state)
    town = one(gaz, seat, "PPL", state)
    st = one(gaz, state, "ADM1")
    assert km(c, town) < 40, (county, km(c, town))
    assert km(c, st) > km(c, town)


def test_same_named_counties_get_their_own_points(gaz) -> None:
    henrys = [e for e in gaz.candidates("Henry County") if e.feature == "ADM2"]
    assert len(henrys) >= 5
    assert len({(round(e.lat, 1), round(e.lon, 1)) for e in henrys}) == len(henrys)


@pytest.mark.parametrize(("division", "iso3", "capital"), [
    ("Benue", "NGA", "Makurdi"),
    ("Roraima", "BRA", "Boa Vista"),
])
def test_divisions_known_by_name_only_get_a_point_inside_them(gaz, division, iso3, capital) -> None:
    d = one(gaz, division, "ADM1")
    assert d.country == iso3
    town = next(e for e in gaz.candidates(capital) if e.country == iso3)
    country = gaz.country(iso3)
    assert km(d, town) < 250
    assert km(d, town) < km(country, town)


def test_point_files_are_checked_on_load(tmp_path) -> None:
    header = ("state", "county", "lat", "lon")
    bad = tmp_path / "points.tsv"
    bad.write_text("state\tcounty\tlat\tlon\nTN\tHenry County\t95\t-88\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        read_points(bad, header, 2)
    bad.write_text("state\tname\tlat\tlon\nTN\tHenry County\t36\t-88\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        read_points(bad, header, 2)
    bad.write_text("state\tcounty\tlat\tlon\nTenn\tHenry County\t36\t-88\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        read_points(bad, header, 2)
    good = tmp_path / "good.tsv"
    good.write_text("# comment\nstate\tcounty\tlat\tlon\nTN\tHenry County\t36.3\t-88.3\n", encoding="utf-8")
    rows = read_points(good, header, 2)
    assert [(r["county"], float(r["lat"])) for r in rows] == [("Henry County", 36.3)]


def test_cities_abroad_carry_their_division(gaz) -> None:
    """Coherence needs every town's division: London, Ontario is in Ontario."""
    london = next(e for e in gaz.candidates("London") if e.country == "CAN")
    assert london.admin1 == "Ontario"
    ontario = one(gaz, "Ontario", "ADM1")
    assert ontario.admin1 == london.admin1
