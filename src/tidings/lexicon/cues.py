"""Cue words: the content words the extraction rules look for, kept as data.

The rules in `tidings.extract` and `tidings.resolve` are grammar (dependency
labels, auxiliaries, pronouns) plus word lists: the verbs that make an act
future ("vowed to attack"), the nouns whose clause is only a claim ("allegations
that ..."), the words that frame a name as a place ("the village of X"). The
word lists are knowledge an editor can read and extend, so they live in
`data/lexicon/cues/<area>.yaml`, one list per key, and the modules bind them to
their constants at import (`FUTURE_GOVERNORS = word_set("modality",
"future_governors")`).

Three kinds of list, told apart by the YAML shape:
- words: a list of lower-case words or phrases -> `frozenset[str]` (`word_set`);
- numbers: a mapping word -> integer ("dozen": 12) -> `dict[str, int]` (`number_map`);
- codes: a mapping PLOVER type -> CAMEO code ("AGREE": "030") -> `dict[str, str]` (`code_map`).

Users extend the lists without editing the package: set `TIDINGS_CUES` to a
folder (or several, separated by `os.pathsep`) holding `<area>.yaml` files of
the same shape. A word list there adds its words; `{add: [...], remove: [...]}`
also removes; a number or code mapping adds or replaces its keys and `null`
removes one. The variable is read once, when the lists are first loaded (at
import of the modules that use them), so set it before importing tidings.

A file or list that is missing, empty or malformed raises `DataFileError`
(T020) naming the file and the list: a typo must not silently empty a rule.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

import yaml

from ..errors import DataFileError
from ..model import PLOVER_TYPES
from ..paths import data_dir
from .strict_yaml import load_strict

ENV_VAR = "TIDINGS_CUES"
_CODE = re.compile(r"^\d{2,4}$")




@dataclass(frozen=True, slots=True)
class Cues:
    """The lists of one area (one YAML file plus users' additions), by name."""

    area: str
    path: Path
    words: Mapping[str, frozenset[str]]
    numbers: Mapping[str, Mapping[str, int]]
    codes: Mapping[str, Mapping[str, str]]

    def word_set(self, name: str) -> frozenset[str]:
        """The word list `name`; DataFileError naming the file when it has none."""
        if name not in self.words:
            raise DataFileError(f"{self.path}: no word list {name!r} (has: {', '.join(sorted(self.words))})")
        return self.words[name]

    def number_map(self, name: str) -> dict[str, int]:
        """A fresh copy of the word -> number list `name`, in file order."""
        if name not in self.numbers:
            raise DataFileError(f"{self.path}: no number list {name!r} (has: {', '.join(sorted(self.numbers))})")
        return dict(self.numbers[name])

    def code_map(self, name: str) -> dict[str, str]:
        """A fresh copy of the PLOVER type -> CAMEO code list `name`, in file order."""
        if name not in self.codes:
            raise DataFileError(f"{self.path}: no code list {name!r} (has: {', '.join(sorted(self.codes))})")
        return dict(self.codes[name])


def cues_dir() -> Path:
    """The packaged cue files: src/tidings/data/lexicon/cues."""
    return data_dir("lexicon", "cues")


def areas() -> list[str]:
    """Names of the packaged cue files (without `.yaml`)."""
    return sorted(p.stem for p in cues_dir().glob("*.yaml"))


def user_dirs() -> list[Path]:
    """Folders named by TIDINGS_CUES, each checked to exist."""
    raw = os.environ.get(ENV_VAR, "")
    dirs = [Path(p) for p in raw.split(os.pathsep) if p.strip()]
    for d in dirs:
        if not d.is_dir():
            raise DataFileError(f"{ENV_VAR}: {d} is not a folder of cue files")
    return dirs


@cache
def cues(area: str) -> Cues:
    """The packaged lists of `area` with the TIDINGS_CUES additions, parsed once per process."""
    return load_cues(area, extra_dirs=user_dirs())


def word_set(area: str, name: str) -> frozenset[str]:
    """One word list: `word_set("modality", "future_governors")`."""
    return cues(area).word_set(name)


def number_map(area: str, name: str) -> dict[str, int]:
    """One word -> number list: `number_map("counts", "units")`."""
    return cues(area).number_map(name)


def code_map(area: str, name: str) -> dict[str, str]:
    """One PLOVER type -> CAMEO code list: `code_map("intent", "cooperative_intent")`."""
    return cues(area).code_map(name)


def load_cues(area: str, *, base: Path | None = None, extra_dirs: list[Path] | tuple[Path, ...] = ()) -> Cues:
    """Read `<area>.yaml` from `base` (default: the packaged folder) and overlay users' folders.

    Uncached: tests and tools pass their own folders; the rules use `cues(area)`.
    """
    path = (base or cues_dir()) / f"{area}.yaml"
    if not path.is_file():
        raise DataFileError(f"{path}: no cue file for area {area!r}")
    words, numbers, codes = _parse(path, _read(path))
    for folder in extra_dirs:
        _check_user_folder(folder, base or cues_dir())
        user_path = folder / f"{area}.yaml"
        if user_path.is_file():
            _overlay(user_path, _read(user_path), words, numbers, codes)
    for name, ws in words.items():
        if not ws:
            raise DataFileError(f"{path}: list {name!r} is empty after the additions and removals")
    return Cues(
        area=area,
        path=path,
        words=MappingProxyType({k: frozenset(v) for k, v in words.items()}),
        numbers=MappingProxyType({k: MappingProxyType(v) for k, v in numbers.items()}),
        codes=MappingProxyType({k: MappingProxyType(v) for k, v in codes.items()}),
    )


def _read(path: Path) -> dict:
    """The file's top-level mapping of list names."""
    try:
        data = load_strict(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise DataFileError(f"{path}: expected a mapping of list names to lists")
    return data


def _check_user_folder(folder: Path, base: Path) -> None:
    """A user file whose name is no area (a typo: `modalty.yaml`) would be ignored: refuse it."""
    known = {p.stem for p in base.glob("*.yaml")}
    for p in folder.glob("*.yaml"):
        if p.stem not in known:
            raise DataFileError(f"{p}: no packaged cue file {p.name} (areas: {', '.join(sorted(known))})")


def _word(path: Path, name: str, w: object) -> str:
    """A cue word: a non-empty lower-case string without surrounding spaces."""
    if not isinstance(w, str) or not w.strip():
        raise DataFileError(f"{path}: list {name!r}: {w!r} is not a word (quote numbers and booleans)")
    if w != w.strip() or w != w.lower():
        raise DataFileError(f"{path}: list {name!r}: {w!r} must be lower-case with no surrounding spaces")
    return w


def _words(path: Path, name: str, items: list) -> list[str]:
    out = [_word(path, name, w) for w in items]
    dup = sorted({w for w in out if out.count(w) > 1})
    if dup:
        raise DataFileError(f"{path}: list {name!r}: {', '.join(dup)} written twice")
    return out


def _number(path: Path, name: str, key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DataFileError(f"{path}: list {name!r}: {key!r} needs a whole number >= 0, not {value!r}")
    return value


def _code(path: Path, name: str, key: object, value: object) -> tuple[str, str]:
    if key not in PLOVER_TYPES:
        raise DataFileError(f"{path}: list {name!r}: {key!r} is not a PLOVER type")
    if not isinstance(value, str) or not _CODE.match(value):
        raise DataFileError(f"{path}: list {name!r}: {key}: {value!r} is not a quoted CAMEO code")
    return str(key), value


def _parse(path: Path, data: dict) -> tuple[dict[str, set[str]], dict[str, dict[str, int]], dict[str, dict[str, str]]]:
    """Sort the packaged file's lists by shape and check every entry."""
    words: dict[str, set[str]] = {}
    numbers: dict[str, dict[str, int]] = {}
    codes: dict[str, dict[str, str]] = {}
    for name, value in data.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise DataFileError(f"{path}: list name {name!r} must be snake_case")
        if isinstance(value, list) and value:
            words[name] = set(_words(path, name, value))
        elif isinstance(value, dict) and value and all(isinstance(k, str) and k.isupper() for k in value):
            codes[name] = dict(_code(path, name, k, v) for k, v in value.items())
        elif isinstance(value, dict) and value:
            numbers[name] = {_word(path, name, k): _number(path, name, k, v) for k, v in value.items()}
        else:
            raise DataFileError(f"{path}: list {name!r} must be a non-empty list or mapping, not {value!r}")
    return words, numbers, codes


def _overlay(
    path: Path,
    data: dict,
    words: dict[str, set[str]],
    numbers: dict[str, dict[str, int]],
    codes: dict[str, dict[str, str]],
) -> None:
    """Apply a user's file: lists add, `{add, remove}` also removes, mapping keys set or (null) drop."""
    for name, value in data.items():
        if name in words:
            if isinstance(value, list):
                words[name] |= set(_words(path, name, value))
            elif isinstance(value, dict) and value and set(value) <= {"add", "remove"}:
                words[name] |= set(_words(path, name, value.get("add") or []))
                gone = set(_words(path, name, value.get("remove") or []))
                _check_removed(path, name, gone - words[name])
                words[name] -= gone
            else:
                raise DataFileError(f"{path}: list {name!r} takes a list of words or {{add: [...], remove: [...]}}")
        elif name in numbers or name in codes:
            if not isinstance(value, dict):
                raise DataFileError(f"{path}: list {name!r} takes a mapping (null removes a key)")
            target: dict = numbers[name] if name in numbers else codes[name]
            for k, v in value.items():
                if v is None:
                    _check_removed(path, name, {k} - set(target))
                    target.pop(k)
                elif name in numbers:
                    target[_word(path, name, k)] = _number(path, name, k, v)
                else:
                    key, code = _code(path, name, k, v)
                    target[key] = code
        else:
            raise DataFileError(f"{path}: no list {name!r} in the packaged file of this area")


def _check_removed(path: Path, name: str, missing: set) -> None:
    """Removing a word the list does not have is a typo that would change nothing: refuse it."""
    if missing:
        raise DataFileError(f"{path}: list {name!r}: cannot remove {', '.join(map(repr, sorted(missing)))}: not in it")
