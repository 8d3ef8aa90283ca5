"""The actor knowledge base: entries, dated codes, and the token index over them.

Everything the resolver knows is an `Entry` reachable from token keys:
countries (names, demonyms, capitals and seats of government), persons with
dated offices, organisations and armed groups, and role nouns ("lawmakers",
"troops") mapped to PLOVER sectors. Entries come from our data files
(`data/actors/`, see its README), from users' files in the same formats, and
from Phoenix / PETRARCH / TABARI dictionaries (`phoenix.py`). Later files win:
a user's entry replaces ours under the same key.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..paths import data_dir
from .actor_text import plural_key, raw_tokens, tokens

# PLOVER sector codes (manual, table 5.2) and the non-state "country" codes (table 5.1).
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED "
    "REF OPP PRE REL SOC".split()
)
INTERNATIONAL = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})
# Offices whose holders become ELI ("former officials") once their term is over.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
# Kinds of entries. Named things first; then the parts of noun phrases.
NAMED_KINDS = frozenset({"person", "org", "group", "place"})
COUNTRY_KINDS = frozenset({"country", "seat", "demonym", "people", "city"})
ROLE_KINDS = frozenset({"role", "leader", "modifier"})
KINDS = NAMED_KINDS | COUNTRY_KINDS | ROLE_KINDS


@dataclass(frozen=True, slots=True)
class Code:
    """A country + sector holding between two dates (inclusive, ISO, open-ended if None)."""

    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None
    title: str | None = None  # the office, for `why` ("president", "foreign minister")

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(slots=True)
class Entry:
    """One thing the resolver can match: a country, person, organisation or role noun."""

    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    codes: list[Code] = field(default_factory=list)
    source: str = ""
    raw_code: str | None = None  # the user's own code (Phoenix "ISRMIL"), kept for audits
    names: list[tuple[str, ...]] = field(default_factory=list)  # token keys of its name and aliases

    @property
    def words(self) -> frozenset[str]:
        """Every word of its name and aliases: a first name written before a surname
        alias must be one of these for the text to mean this person (`actor_namesakes`)."""
        return frozenset(w for name in self.names for w in name)

    def code_at(self, date: str | None) -> tuple[str | None, str | None, str]:
        """(country, sector, note) that hold on `date` (None: the latest known)."""
        if self.codes:
            if date is None:
                current = max(self.codes, key=lambda c: c.start or "")
                if current.end is None:
                    return current.country or self.country, current.sector, _note(current)
                date = "9999-12-31"
            covering = [c for c in self.codes if c.covers(date)]
            if covering:
                c = max(covering, key=lambda c: c.start or "")
                return c.country or self.country, c.sector, _note(c)
            ended = [c for c in self.codes if c.end is not None and c.end < date]
            if ended and self.sector is None:
                last = max(ended, key=lambda c: c.end or "")
                if self.kind == "person" and any(c.sector in OFFICE_SECTORS for c in ended):
                    note = f"former {last.title or last.sector} (until {last.end})"
                    return last.country or self.country, "ELI", note
                if self.kind != "person":  # a dissolved body keeps what it was
                    return last.country or self.country, last.sector, f"{_note(last)} (dissolved)"
        return self.country, self.sector, ""


def _note(c: Code) -> str:
    span = f"{c.start or '...'} to {c.end or 'now'}"
    return f"{c.title or c.sector} {span}"


@dataclass(slots=True)
class KnowledgeBase:
    """Token-key index over all entries; the longest key wins when matching.

    One-word proper names ("Trump", "Chad", "Shell") and acronyms ("US", "WHO")
    live in `proper` with the case they need in the text, so "us", "who" and
    "a shell" never match them; everything else is matched in any case.
    """

    index: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    proper: dict[tuple[str, ...], tuple[Entry, str]] = field(default_factory=dict)
    max_len: dict[str, int] = field(default_factory=dict)  # first token -> longest key
    entries: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # lines skipped in legacy files
    given: frozenset[str] | None = None  # first names of the people (`actor_namesakes`), built on first use

    def add(self, entry: Entry, names: Iterable[str], plurals: bool = False, any_case: bool = False) -> None:
        """Index `entry` under each name (and, for role nouns, under its plural)."""
        self.entries.append(entry)
        self.given = None
        for name in names:
            raw = raw_tokens(name)
            entry.names.append(tuple(t.lower() for t in raw))
            self._index(entry, raw, plurals, any_case)

    def _index(self, entry: Entry, raw: tuple[str, ...], plurals: bool, any_case: bool) -> None:
        key = tuple(t.lower() for t in raw)
        if not key:
            return
        if not any_case and entry.kind not in ROLE_KINDS and len(raw) == 1 and raw[0][:1].isupper():
            need = "upper" if raw[0].isupper() and 1 < len(raw[0]) <= 5 else "title"
            old = self.proper.get(key)
            if old is not None and old[0] is entry and old[1] == "title":
                need = "title"
            self.proper[key] = (entry, need)  # an any-case entry under the key stays the fallback
            self._grow(key)
            return
        if key[0] == "the" and len(key) > 1:  # "The Pentagon" is also "Pentagon"
            self._index(entry, raw[1:], plurals, any_case)
        self.add_key(key, entry)
        if plurals:
            self.add_key(plural_key(key), entry)

    def add_key(self, key: tuple[str, ...], entry: Entry) -> None:
        """Index under an exact token key, in any case (role nouns, Phoenix phrases)."""
        self.index[key] = entry
        self.proper.pop(key, None)
        self._grow(key)

    def _grow(self, key: tuple[str, ...]) -> None:
        if len(key) > self.max_len.get(key[0], 0):
            self.max_len[key[0]] = len(key)

    def find(self, key: tuple[str, ...], raw: tuple[str, ...]) -> Entry | None:
        """The entry under `key`, if the text's case (`raw`) suits it."""
        hit = self.proper.get(key)
        if hit is not None:
            entry, need = hit
            word = raw[0]
            if (need == "upper" and word.isupper()) or (need == "title" and word[:1].isupper()):
                return entry
        return self.index.get(key)

    def get(self, text: str) -> Entry | None:
        return self.find(tokens(text), raw_tokens(text))


# -- reading our own formats ------------------------------------------------


def _rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Header-driven TSV/CSV rows (comment lines starting with # skipped)."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise DataFileError(f"{path}: no entries")
    delimiter = "\t" if "\t" in lines[0][1] else ","
    reader = csv.reader(io.StringIO("\n".join(line for _, line in lines)), delimiter=delimiter)
    rows = list(reader)
    header = [h.strip().lower() for h in rows[0]]
    for (n, _), row in zip(lines[1:], rows[1:]):
        yield n, {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}


def _split(value: str | list | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split(";") if v.strip()]


def _check_sector(sector: str | None, where: str) -> str | None:
    if not sector:
        return None
    sector = sector.upper()
    if sector not in SECTORS:
        known = " ".join(sorted(SECTORS))
        raise DataFileError(f"{where}: unknown sector {sector!r} (PLOVER sectors: {known})")
    return sector


def _check_date(value: str | None, where: str) -> str | None:
    if not value:
        return None
    value = str(value)
    if len(value) == 4 and value.isdigit():
        return f"{value}-01-01"
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return value
    raise DataFileError(f"{where}: date {value!r} is not YYYY-MM-DD")


def load_countries(kb: KnowledgeBase, path: Path) -> None:
    """countries.tsv: iso3, name, names, demonyms, plural_demonyms, capital, seats."""
    text = path.read_text(encoding="utf-8")
    for n, row in _rows(path, text):
        where = f"{path.name}:{n}"
        iso3, name = row.get("iso3", ""), row.get("name", "")
        if len(iso3) != 3 or not name:
            raise DataFileError(f"{where}: a country needs a 3-letter code and a name")
        names = [name, *_split(row.get("names"))]
        demonyms = _split(row.get("demonyms"))
        country = Entry("country", name, iso3, None, source=where)
        demonym = Entry("demonym", name, iso3, None, source=where)
        kb.add(country, names)
        kb.add(demonym, demonyms)
        # Sloppy text ("tunisian rioters", "help iSrael"): one-word names and nationality
        # words that are no ordinary English word match in any case as well.
        for entry, words in ((country, names), (demonym, demonyms)):
            for word in words:
                if _any_case_ok(word):
                    kb.add_key(tokens(word), entry)
        kb.add(Entry("people", name, iso3, "CVL", source=where), _split(row.get("plural_demonyms")))
        seats = [row.get("capital", ""), *_split(row.get("seats"))]
        kb.add(Entry("seat", name, iso3, "GOV", source=where), [s for s in seats if s])


# Country names and nationality words that are also everyday English words in lower
# case ("turkey", "china", "polish", "a chad"); these keep needing a capital.
COMMON_WORDS = frozenset(
    "turkey china chad jordan georgia guinea jersey niger chile cuba japan man panama "
    "polish dutch danish swiss french swede finnish greek english scotch welsh".split()
)


def _any_case_ok(name: str) -> bool:
    """Whether a one-word country name or nationality word may match in lower case."""
    key = tokens(name)
    return len(key) == 1 and len(key[0]) >= 4 and key[0].isalpha() and key[0] not in COMMON_WORDS


def load_roles(kb: KnowledgeBase, path: Path, text: str | None = None) -> None:
    """roles.tsv: phrase, sector, kind (role|leader|modifier), plural ('' auto, '-' none, or forms)."""
    text = path.read_text(encoding="utf-8") if text is None else text
    for n, row in _rows(path, text):
        where = f"{path.name}:{n}"
        phrase = row.get("phrase", "")
        kind = row.get("kind") or "role"
        if not phrase or kind not in ROLE_KINDS:
            raise DataFileError(f"{where}: a role needs a phrase and kind role|leader|modifier")
        entry = Entry(kind, phrase, None, _check_sector(row.get("sector"), where), source=where)
        plural_spec = row.get("plural", "")
        kb.add(entry, [phrase], plurals=plural_spec == "" and kind != "modifier")
        for form in _split(plural_spec) if plural_spec not in ("", "-") else []:
            kb.add(entry, [form])


def _entity_from(rows: list[tuple[str, dict]], kind_default: str) -> tuple[Entry, list[str]]:
    """Merge the rows of one named entity (one row per dated office) into an Entry."""
    where, first = rows[0]
    kind = (first.get("kind") or kind_default).lower()
    if kind not in NAMED_KINDS:
        raise DataFileError(f"{where}: kind must be one of {sorted(NAMED_KINDS)}, not {kind!r}")
    entry = Entry(kind, str(first["name"]).strip(), source=where)
    names = [entry.name]
    for w, row in rows:
        names += _split(row.get("aliases"))
        country = (str(row.get("country") or "").strip().upper()) or None
        sector = _check_sector(row.get("sector"), w)
        start, end = _check_date(row.get("start"), w), _check_date(row.get("end"), w)
        if start or end:
            entry.codes.append(Code(country, sector, start, end, row.get("title") or row.get("role") or None))
        else:
            entry.country = country or entry.country
            entry.sector = sector or entry.sector
        entry.country = entry.country or country
        for sub in row.get("roles") or []:  # YAML: nested dated roles
            sw = f"{w} roles"
            entry.codes.append(Code(
                (str(sub.get("country") or "").upper() or country),
                _check_sector(sub.get("sector"), sw),
                _check_date(sub.get("start"), sw), _check_date(sub.get("end"), sw),
                sub.get("title") or sub.get("role"),
            ))
    return entry, names


def load_entities(kb: KnowledgeBase, path: Path, text: str | None = None, kind_default: str = "org") -> None:
    """Entity files (TSV/CSV): kind, name, country, sector, start, end, title, aliases.

    Several rows with the same name are one entity: rows with start/end are its
    dated offices, a row without dates gives its default country and sector.
    """
    text = path.read_text(encoding="utf-8") if text is None else text
    grouped: dict[str, list[tuple[str, dict]]] = {}
    for n, row in _rows(path, text):
        if not row.get("name"):
            raise DataFileError(f"{path.name}:{n}: entity without a name")
        grouped.setdefault(row["name"].strip().lower(), []).append((f"{path.name}:{n}", row))
    for rows in grouped.values():
        entry, names = _entity_from(rows, kind_default)
        kb.add(entry, names)


def load_yaml(kb: KnowledgeBase, path: Path) -> None:
    """Users' YAML: `actors:` (entities, optional nested `roles:`) and `roles:` (role nouns)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})") from None
    if isinstance(data, list):
        data = {"actors": data}
    if not isinstance(data, dict) or not (data.get("actors") or data.get("roles")):
        raise DataFileError(f"{path}: expected a list of actors or a mapping with 'actors:' / 'roles:'")
    for i, item in enumerate(data.get("actors") or [], 1):
        if not isinstance(item, dict) or not item.get("name"):
            raise DataFileError(f"{path.name} actor #{i}: needs at least a name")
        entry, names = _entity_from([(f"{path.name} actor #{i}", item)], "org")
        kb.add(entry, names)
    for i, item in enumerate(data.get("roles") or [], 1):
        where = f"{path.name} role #{i}"
        if not isinstance(item, dict) or not item.get("phrase"):
            raise DataFileError(f"{where}: needs a phrase")
        kind = item.get("kind", "role")
        if kind not in ROLE_KINDS:
            raise DataFileError(f"{where}: kind must be role, leader or modifier")
        entry = Entry(kind, item["phrase"], None, _check_sector(item.get("sector"), where), source=where)
        kb.add(entry, [item["phrase"], *_split(item.get("plural"))], plurals=not item.get("plural"))


def load_builtin(kb: KnowledgeBase) -> None:
    """Our packaged knowledge: countries, organisations, armed groups, people, roles."""
    folder = data_dir("actors")
    load_countries(kb, folder / "countries.tsv")
    load_roles(kb, folder / "roles.tsv")
    for name in ("places.tsv", "organisations.tsv", "armed_groups.tsv", "people.tsv"):
        load_entities(kb, folder / name, kind_default="person" if name == "people.tsv" else "org")
