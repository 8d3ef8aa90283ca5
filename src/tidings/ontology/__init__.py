"""PLOVER and CAMEO as data: types, modes, contexts, CAMEO codes and the mapping.

The facts live in `data/ontology/plover.yaml` (types, modes, contexts, default
CAMEO codes) and `data/ontology/cameo.tsv` (every CAMEO code with its name,
quad class, Goldstein score and PLOVER coding). Both are checked on load, so a
broken edit fails loudly with a `DataFileError` naming the file and line.

    >>> from tidings import ontology
    >>> onto = ontology.load()
    >>> onto.cameo("145").plover_type
    'PROTEST'
    >>> onto.default_cameo("ASSAULT", "aerial")
    '195'

`load(code_files=[...])` adds users' own codes (`codes.py`): a private code of
an old verb dictionary ("903") mapped to a PLOVER type, so its events code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..model import PLOVER_TYPES
from ..paths import data_dir
from .codes import read_codes

CAMEO_COLUMNS = ("code", "name", "quad_class", "goldstein", "plover_type", "plover_mode", "contexts")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and its PLOVER equivalent (type None for CAMEO 01x)."""

    code: str
    name: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    contexts: tuple[str, ...] = ()

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    definition: str
    default_cameo: str
    modes: dict[str, str] = field(default_factory=dict)  # mode -> default CAMEO code
    mode_definitions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Ontology:
    """The loaded ontology; look-ups raise KeyError for unknown codes."""

    types: dict[str, PloverType]
    contexts: tuple[str, ...]
    codes: dict[str, CameoCode]

    def cameo(self, code: str) -> CameoCode:
        """The CameoCode for `code`; unknown sub-codes fall back to their parent."""
        code = code.strip()
        for k in range(len(code), 1, -1):
            found = self.codes.get(code[:k])
            if found is not None:
                return found
        raise KeyError(f"unknown CAMEO code {code!r}")

    def has_cameo(self, code: str) -> bool:
        return code.strip() in self.codes

    def default_cameo(self, type_: str, mode: str | None = None) -> str:
        """The CAMEO code standing for a PLOVER (type, mode) when a rule gives no code."""
        t = self.types[type_]
        if mode and mode in t.modes:
            return t.modes[mode]
        return t.default_cameo

    def is_mode(self, type_: str, mode: str | None) -> bool:
        return mode is None or (type_ in self.types and mode in self.types[type_].modes)


def _read_cameo(path: Path, plover_types: dict[str, PloverType], contexts: set[str]) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    header_seen = False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != CAMEO_COLUMNS:
                raise DataFileError(f"{path}:{n}: header must be {' '.join(CAMEO_COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(CAMEO_COLUMNS):
            raise DataFileError(f"{path}:{n}: expected {len(CAMEO_COLUMNS)} tab-separated cells")
        code, name, quad, gold, ptype, pmode, ctx = (c.strip() for c in cells)
        if not code.isdigit() or not 2 <= len(code) <= 4 or not name:
            raise DataFileError(f"{path}:{n}: bad code or empty name: {code!r}")
        try:
            quad_class, goldstein = int(quad), float(gold)
        except ValueError as exc:
            raise DataFileError(f"{path}:{n}: quad class / Goldstein not numeric") from exc
        if quad_class not in (1, 2, 3, 4) or not -10.0 <= goldstein <= 10.0:
            raise DataFileError(f"{path}:{n}: quad class or Goldstein out of range")
        if ptype and ptype not in plover_types:
            raise DataFileError(f"{path}:{n}: unknown PLOVER type {ptype!r}")
        if pmode and (not ptype or pmode not in plover_types[ptype].modes):
            raise DataFileError(f"{path}:{n}: mode {pmode!r} is not a mode of {ptype!r}")
        ctxs = tuple(c for c in ctx.split(";") if c)
        if bad := [c for c in ctxs if c not in contexts]:
            raise DataFileError(f"{path}:{n}: unknown contexts {bad}")
        if code in codes:
            raise DataFileError(f"{path}:{n}: duplicate code {code}")
        codes[code] = CameoCode(code, name, quad_class, goldstein, ptype or None, pmode or None, ctxs)
    if not codes:
        raise DataFileError(f"{path}: no CAMEO codes")
    return codes


def _read_plover(path: Path) -> tuple[dict[str, PloverType], tuple[str, ...]]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("types"), dict):
        raise DataFileError(f"{path}: needs a 'types' mapping")
    types: dict[str, PloverType] = {}
    for name, spec in doc["types"].items():
        if name not in PLOVER_TYPES or not isinstance(spec, dict):
            raise DataFileError(f"{path}: unknown or malformed PLOVER type {name!r}")
        modes = spec.get("modes") or {}
        types[name] = PloverType(
            name=name,
            definition=str(spec.get("definition", "")),
            default_cameo=str(spec["default_cameo"]),
            modes={m: str(v["default_cameo"]) for m, v in modes.items()},
            mode_definitions={m: str(v.get("definition", "")) for m, v in modes.items()},
        )
    if missing := set(PLOVER_TYPES) - set(types):
        raise DataFileError(f"{path}: missing PLOVER types {sorted(missing)}")
    contexts = tuple(doc.get("contexts") or ())
    if not contexts:
        raise DataFileError(f"{path}: no contexts listed")
    return types, contexts


def load(code_files: Iterable[str | Path] = ()) -> Ontology:
    """The packaged ontology, plus users' codes files (`codes.read_codes`; later files win).

    Cached per list of files: the ontology never changes at run time.
    """
    return _load(tuple(str(p) for p in code_files))


@lru_cache(maxsize=8)
def _load(code_files: tuple[str, ...]) -> Ontology:
    types, contexts = _read_plover(data_dir("ontology", "plover.yaml"))
    codes = _read_cameo(data_dir("ontology", "cameo.tsv"), types, set(contexts))
    for t in types.values():
        for code in (t.default_cameo, *t.modes.values()):
            if code not in codes:
                raise DataFileError(f"plover.yaml: default CAMEO {code} of {t.name} is not in cameo.tsv")
    for name in code_files:
        path = Path(name)
        if not path.is_file():
            raise DataFileError(f"{path}: codes file not found")
        codes = {**codes, **read_codes(path, types, contexts, codes)}
    return Ontology(types=types, contexts=contexts, codes=codes)


__all__ = ["CameoCode", "Ontology", "PloverType", "load", "read_codes"]
