"""The offline gazetteer: countries in ISO3, our supplement, caching, speed, bad files."""

from __future__ import annotations

import time

import pytest

from tidings.errors import DataFileError
from tidings.resolve.gazetteer import Gazetteer, get, norm
from tidings.resolve.places import Geoparser


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get()


def test_norm_folds_case_accents_dots_and_hyphens() -> None:
    assert norm("Baghdād") == "baghdad"
    assert norm("U.S.") == "us"
    assert norm("Al-Bayaa") == "al bayaa"


def test_countries_resolve_with_iso3_and_pcli(gaz: Gazetteer) -> None:
    top = gaz.candidates("Iraq")[0]
    assert (top.country, top.feature) == ("IRQ", "PCLI")
    assert -90 <= top.lat <= 90 and -180 <= top.lon <= 180
    assert gaz.candidates("U.S.")[0].country == "USA"
    assert gaz.candidates("Britain")[0].country == "GBR"


def test_supplement_places_are_known(gaz: Gazetteer) -> None:
    for name, iso3 in [("Gaza Strip", "PSE"), ("West Bank", "PSE"), ("Donbas", "UKR"),
                       ("Darfur", "SDN"), ("Green Zone", "IRQ"), ("Nagorno-Karabakh", "AZE")]:
        cands = gaz.candidates(name)
        assert cands, name
        assert cands[0].country == iso3


def test_cities_and_states_come_from_the_packages(gaz: Gazetteer) -> None:
    baghdad = gaz.candidates("Baghdad")[0]
    assert (baghdad.country, baghdad.feature) == ("IRQ", "PPLC")
    assert baghdad.geonameid == 98182
    assert any(c.feature == "ADM1" and c.country == "USA" for c in gaz.candidates("Louisiana"))


def test_demonyms_map_to_countries(gaz: Gazetteer) -> None:
    assert gaz.demonym_country("Iraqi") == "IRQ"
    assert gaz.demonym_country("Baghdad") is None


def test_lookups_take_microseconds(gaz: Gazetteer) -> None:
    t0 = time.perf_counter()
    for _ in range(2000):
        gaz.candidates("Springfield")
    assert (time.perf_counter() - t0) / 2000 < 500e-6


def test_cache_is_rebuilt_when_missing(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIDINGS_CACHE", str(tmp_path))
    from tidings.paths import data_dir

    supplement = tmp_path / "supplement.tsv"
    supplement.write_text(data_dir("places", "supplement.tsv").read_text(encoding="utf-8")
                          + "Testville\t\tIRQ\tPPLX\t33.0\t44.0\t\t1\n", encoding="utf-8")
    first = Gazetteer.load(supplement=supplement)
    assert list(tmp_path.glob("gazetteer-*.pickle"))
    assert first.candidates("Testville")[0].country == "IRQ"
    again = Gazetteer.load(supplement=supplement)  # from the cache this time
    assert len(again) == len(first)


def test_malformed_supplement_is_a_data_file_error(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIDINGS_CACHE", str(tmp_path))
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\taliases\tcountry\tfeature\tlat\tlon\tadmin1\tpopulation\n"
                   "Nowhere\t\tIRAQ\tRGN\tnorth\t44\t\t0\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        Gazetteer.load(supplement=bad)


def test_lookup_with_country_and_qualifier() -> None:
    geo = Geoparser()
    assert geo.lookup("Alexandria").country == "EGY"
    la = geo.lookup("Alexandria, La.")
    assert (la.country, la.admin1) == ("USA", "Louisiana")
    assert geo.lookup("Alexandria", country="USA").country == "USA"
    assert geo.lookup("Qwxzv Nowhere") is None
