"""Checks of the place supplement (data/places/supplement.tsv): its rows parse, no
spelling is claimed twice for two different places of one country, and the places of
recent wars resolve under the spellings English-language wire copy uses.

These check the data, not gold records: each name is one a conflict researcher meets in
Reuters/AP/AFP copy, resolved alone in a one-sentence article, so only the gazetteer
(and not an article's other places) decides where it lands.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from tidings.cli.places import place_records
from tidings.ingest.article import article_from_text
from tidings.paths import data_dir
from tidings.resolve.gazetteer import SUPPLEMENT_COLUMNS, norm, read_user_places

SUPPLEMENT = data_dir("places", "supplement.tsv")
# Feature codes of divisions and regions: a city may share its name with the division
# it heads (Jenin, Bethlehem, Deir al-Balah), so a name is checked within each kind.
AREA_FEATURES = {"PCLI", "ADM1", "ADM2", "RGN", "AREA"}
CITY_STATES = {"VAT", "MCO", "SGP"}  # no first-level division to name

# (spelling as wire copy writes it, ISO3 of the country it is in)
CONFLICT_SPELLINGS = [
    ("Qamishli", "SYR"), ("Deir el-Zour", "SYR"), ("Tal Abyad", "SYR"), ("Ras al-Ain", "SYR"),
    ("Maarat al-Numan", "SYR"), ("Eastern Ghouta", "SYR"), ("Sulaimaniyah", "IRQ"),
    ("Tal Afar", "IRQ"), ("Hodeidah", "YEM"), ("Lashkar Gah", "AFG"), ("Bagram", "AFG"),
    ("Panjshir", "AFG"), ("Bajaur", "PAK"), ("Barawe", "SOM"), ("Wad Madani", "SDN"),
    ("Ed Daein", "SDN"), ("Humera", "ETH"), ("Derna", "LBY"), ("Brega", "LBY"),
    ("Sevare", "MLI"), ("Minova", "COD"), ("Kiwanja", "COD"), ("Sloviansk", "UKR"),
    ("Balakliia", "UKR"), ("Khan Younis", "PSE"), ("Deir al-Balah", "PSE"),
    ("Shejaiya", "PSE"), ("Dahiyeh", "LBN"), ("Bint Jbeil", "LBN"), ("Maungdaw", "MMR"),
    ("Catatumbo", "COL"), ("Petion-Ville", "HTI"), ("Stepanakert", "AZE"),
    ("Baramulla", "IND"),
]


@pytest.fixture(scope="session")
def supplement_rows():
    return read_user_places(SUPPLEMENT)


def test_every_supplement_row_parses_with_all_columns(supplement_rows) -> None:
    header_and_rows = [ln for ln in SUPPLEMENT.read_text(encoding="utf-8").splitlines()
                       if ln.strip() and not ln.startswith("#")]
    assert tuple(header_and_rows[0].split("\t")) == SUPPLEMENT_COLUMNS
    assert len(supplement_rows) == len(header_and_rows) - 1
    for line in header_and_rows[1:]:
        assert len(line.split("\t")) == len(SUPPLEMENT_COLUMNS), line


def test_no_spelling_names_two_places_of_one_kind_in_one_country(supplement_rows) -> None:
    claimed: dict[tuple[str, str | None, bool], list[str]] = defaultdict(list)
    for row, names, _alias_only in supplement_rows:
        kind = row[6] in AREA_FEATURES
        for key in {norm(n) for n in names}:
            claimed[(key, row[2], kind)].append(row[1])
    twice = {k: v for k, v in claimed.items() if len(v) > 1}
    assert not twice, f"spellings claimed by two rows: {twice}"


def test_every_place_row_has_a_salience_and_a_division(supplement_rows) -> None:
    """A town or camp row without a population would lose every bare-name tie, and one
    without its division gives the geoparser no coherence evidence."""
    for row, _names, alias_only in supplement_rows:
        if alias_only or row[6] not in ("PPL", "PPLX"):
            continue
        assert row[7] > 0, f"{row[1]}: no population"
        assert row[3] or row[2] in CITY_STATES, f"{row[1]}: no admin1"


def _resolved(names: list[str]) -> dict[str, dict]:
    articles = [article_from_text(f"Fighting was reported in {n} on Monday.", id=str(i))
                for i, n in enumerate(names)]
    out: dict[str, dict] = {}
    for rec in place_records(articles):
        name = names[int(rec["article_id"])]
        if rec["text"] == name:
            out[name] = rec
    return out


def test_conflict_spellings_resolve_to_their_country() -> None:
    names = [n for n, _ in CONFLICT_SPELLINGS]
    got = _resolved(names)
    wrong = {n: (got[n]["country"] if n in got else None) for n, iso in CONFLICT_SPELLINGS
             if n not in got or got[n]["country"] != iso}
    assert not wrong, f"resolved elsewhere or not at all: {wrong}"


def test_small_conflict_towns_do_not_take_over_larger_namesakes() -> None:
    """Populations are the towns' own: Mozambique's Palma is in the supplement, but a
    bare "Palma" is still Palma de Mallorca."""
    assert _resolved(["Palma"])["Palma"]["country"] == "ESP"
