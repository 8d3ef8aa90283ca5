"""Page-furniture rules: the data file of patterns, loaded and validated once.

Newsletter blurbs, share buttons, photo credits and copyright lines are not
news, and if they reach the parser they merge into sentences and produce false
events ("Newsletter Privacy Policy Get top news"). The patterns live in
`data/ingest/furniture.yaml` so users can read and extend them; a malformed
file fails loudly with a `DataFileError` naming the entry.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..paths import data_dir

ENV_VAR = "TIDINGS_FURNITURE"
_SECTIONS = ("drop", "trim", "caption")
_KEYS = {"name", "pattern", "max_chars", "case", "where"}
_DEFAULT_MAX_CHARS = 200


@dataclass(frozen=True, slots=True)
class Rule:
    """One furniture pattern; `max_chars` only matters for drop rules."""

    name: str
    regex: re.Pattern[str]
    max_chars: int = _DEFAULT_MAX_CHARS
    where: str = "end"  # trim rules: start | end


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    """All rules, grouped by what a match does to a line."""

    drop: tuple[Rule, ...]
    trim_start: tuple[Rule, ...]
    trim_end: tuple[Rule, ...]
    caption: tuple[Rule, ...]

    def furniture(self, line: str) -> str | None:
        """The name of the drop rule a stripped line matches, else None."""
        n = len(line)
        for rule in self.drop:
            if n <= rule.max_chars and rule.regex.search(line):
                return rule.name
        return None

    def caption_prefix(self, line: str) -> int:
        """Length of a caption label ("Image caption ") starting the line, else 0."""
        for rule in self.caption:
            m = rule.regex.match(line)
            if m:
                return m.end()
        return 0

    def trim(self, text: str) -> tuple[int, int]:
        """(start, end) of `text` once leading and trailing credits are cut out."""
        start, end = 0, len(text)
        for rule in self.trim_start:
            m = rule.regex.match(text, start, end)
            if m:
                start = m.end()
        for rule in self.trim_end:
            # Credits are short: only look at the tail, so long paragraphs stay cheap.
            m = rule.regex.search(text, max(start, end - 260), end)
            if m:
                end = m.start()
        return start, max(start, end)


def _compile(entry: object, section: str, where: str) -> Rule:
    if not isinstance(entry, dict):
        raise DataFileError(f"{where}: {section} entries must be mappings, got {entry!r}")
    unknown = set(entry) - _KEYS
    if unknown:
        raise DataFileError(f"{where}: {section} entry has unknown keys {sorted(unknown)}")
    name = entry.get("name")
    pattern = entry.get("pattern")
    if not isinstance(name, str) or not name:
        raise DataFileError(f"{where}: a {section} entry has no name")
    if not isinstance(pattern, str) or not pattern.strip():
        raise DataFileError(f"{where}: {section} rule {name!r} has an empty pattern")
    flags = 0 if entry.get("case") else re.IGNORECASE
    try:
        regex = re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(f"{where}: {section} rule {name!r} has a bad pattern: {exc}") from exc
    if regex.search(""):
        raise DataFileError(f"{where}: {section} rule {name!r} matches empty text")
    max_chars = entry.get("max_chars", _DEFAULT_MAX_CHARS)
    if not isinstance(max_chars, int) or max_chars <= 0:
        raise DataFileError(f"{where}: {section} rule {name!r} needs a positive max_chars")
    position = entry.get("where", "end")
    if position not in ("start", "end"):
        raise DataFileError(f"{where}: trim rule {name!r}: where must be start or end")
    return Rule(name, regex, max_chars, position)


def _read(path: Path) -> dict[str, list[Rule]]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read furniture rules: {exc}") from exc
    if not isinstance(doc, dict):
        raise DataFileError(f"{path}: expected a mapping with {', '.join(_SECTIONS)}")
    unknown = set(doc) - set(_SECTIONS) - {"version"}
    if unknown:
        raise DataFileError(f"{path}: unknown sections {sorted(unknown)}")
    out: dict[str, list[Rule]] = {}
    for section in _SECTIONS:
        entries = doc.get(section) or []
        if not isinstance(entries, list):
            raise DataFileError(f"{path}: {section} must be a list")
        out[section] = [_compile(e, section, str(path)) for e in entries]
    return out


def load_rules(extra: Iterable[str | Path] = ()) -> FurnitureRules:
    """Packaged rules plus any extra files (user additions come after ours)."""
    files = [data_dir("ingest", "furniture.yaml"), *(Path(p) for p in extra)]
    merged: dict[str, list[Rule]] = {s: [] for s in _SECTIONS}
    for path in files:
        for section, rules in _read(path).items():
            merged[section].extend(rules)
    if not merged["drop"]:
        raise DataFileError("furniture rules: no drop rules loaded")
    return FurnitureRules(
        drop=tuple(merged["drop"]),
        trim_start=tuple(r for r in merged["trim"] if r.where == "start"),
        trim_end=tuple(r for r in merged["trim"] if r.where == "end"),
        caption=tuple(merged["caption"]),
    )


@lru_cache(maxsize=1)
def default_rules() -> FurnitureRules:
    """The rules every reader uses: packaged file + files named in $TIDINGS_FURNITURE."""
    extra = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p]
    return load_rules(extra)
