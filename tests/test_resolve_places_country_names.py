"""Country points from the supplement, saint/st spellings as a place's own name, and a
country's name read as the country rather than a city named after it."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from tidings.paths import data_dir
from tidings.resolve.gazetteer import Gazetteer, get
from tidings.resolve.places import Geoparser


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get()


@pytest.fixture(scope="module")
def geo(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz)


def _supplement_country_points() -> list[tuple[str, float, float]]:
    path = data_dir("places", "supplement.tsv")
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return [(r["country"], float(r["lat"]), float(r["lon"]))
            for r in csv.DictReader(lines, delimiter="\t") if r["feature"] == "PCLI" and r["lat"].strip()]


def test_every_supplement_country_point_replaces_the_packaged_one(gaz: Gazetteer) -> None:
    points = _supplement_country_points()
    assert len(points) >= 10
    for iso3, lat, lon in points:
        entry = gaz.country(iso3)
        assert entry is not None, iso3
        assert (entry.lat, entry.lon) == (lat, lon), iso3


def test_st_spelling_is_the_places_own_name_not_an_alias(geo: Geoparser) -> None:
    # the abbreviated spelling must not cost the big city its own-name standing
    for spelled in ("st petersburg", "saint petersburg"):
        best = geo.rank(spelled)[0][1]
        assert best.country == "RUS", spelled


def test_country_name_beats_its_capital_even_with_local_evidence(geo: Geoparser, gaz: Gazetteer) -> None:
    capital = next(c for c in gaz.candidates("Mexico") if c.feature == "PPLC")
    near = [(capital.lat, capital.lon, 1.0)] * 3
    ranked = geo.rank("mexico", countries=Counter({"MEX": 3.0}), points=near)
    assert ranked[0][1].feature == "PCLI"
    assert ranked[0][1].country == "MEX"
