"""Users' own event codes ("codes files"): private codes mapped to PLOVER types.

Old verb dictionaries often code with project codes outside CAMEO (PETRARCH's
validation set uses 9xx, 212, 1717, 174K...). The output contract needs a
PLOVER type for every event, so such codes code nothing until a user says what
they mean. A codes file says it, one code a row; format in
`data/ontology/README.md`:

    code    type     mode    quad_class  goldstein  name
    903     AID      -       2           7.0         aid in money (our code)
    174K    COERCE   -       4           -5.0

(TSV or CSV with a header; only `code` and `type` are required), or YAML:

    codes:
      "903": AID
      "174K": {type: COERCE, quad_class: 4, goldstein: -5.0}

A missing quad class or Goldstein score is taken from the CAMEO code standing
for the type (or its mode) in `plover.yaml`. A row may also recode a CAMEO code
(the user's file wins). Every mistake is a `DataFileError` naming file and row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..errors import DataFileError

if TYPE_CHECKING:
    from . import CameoCode, PloverType

COLUMNS = ("code", "type", "mode", "quad_class", "goldstein", "name", "contexts")
REQUIRED = ("code", "type")
_EMPTY = ("", "-")


def read_codes(
    path: Path,
    types: dict[str, PloverType],
    contexts: tuple[str, ...],
    codes: dict[str, CameoCode],
) -> dict[str, CameoCode]:
    """The CameoCodes a user's codes file defines (checked against the loaded ontology)."""
    from . import CameoCode

    out: dict[str, CameoCode] = {}
    for where, row in _rows(path):
        code = str(row.get("code") or "").strip().upper()
        if not code.isalnum() or len(code) > 8:
            raise DataFileError(f"{where}: bad code {code!r} (letters and digits, at most 8)")
        if code in out:
            raise DataFileError(f"{where}: duplicate code {code}")
        type_ = str(row.get("type") or "").strip().upper()
        if type_ not in types:
            raise DataFileError(f"{where}: {code}: unknown PLOVER type {type_!r} "
                                f"(one of {' '.join(types)})")
        mode = _cell(row.get("mode"))
        if mode is not None and mode not in types[type_].modes:
            raise DataFileError(f"{where}: {code}: {mode!r} is not a mode of {type_}")
        default = codes[types[type_].modes.get(mode or "", types[type_].default_cameo)]
        quad, goldstein = _numbers(row, default, f"{where}: {code}")
        ctx = tuple(c.strip() for c in (_cell(row.get("contexts")) or "").split(";") if c.strip())
        if bad := [c for c in ctx if c not in contexts]:
            raise DataFileError(f"{where}: {code}: unknown contexts {bad}")
        name = _cell(row.get("name")) or f"user code {code} ({type_}{'/' + mode if mode else ''})"
        out[code] = CameoCode(code, name, quad, goldstein, type_, mode, ctx)
    if not out:
        raise DataFileError(f"{path}: no codes")
    return out


def _cell(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return None if text in _EMPTY else text


def _numbers(row: dict[str, Any], default: CameoCode, where: str) -> tuple[int, float]:
    quad_text, gold_text = _cell(row.get("quad_class")), _cell(row.get("goldstein"))
    try:
        quad = int(quad_text) if quad_text is not None else default.quad_class
        goldstein = float(gold_text) if gold_text is not None else default.goldstein
    except ValueError:
        raise DataFileError(f"{where}: quad class / Goldstein not numeric") from None
    if quad not in (1, 2, 3, 4) or not -10.0 <= goldstein <= 10.0:
        raise DataFileError(f"{where}: quad class (1-4) or Goldstein (-10..10) out of range")
    return quad, goldstein


def _rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, row) from a YAML, TSV or CSV codes file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read codes file: {exc}") from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        yield from _yaml_rows(path, text)
    else:
        yield from _table_rows(path, text)


def _yaml_rows(path: Path, text: str) -> Iterator[tuple[str, dict[str, Any]]]:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
    items = doc.get("codes") if isinstance(doc, dict) else None
    if not isinstance(items, dict):
        raise DataFileError(f"{path}: expected 'codes:' mapping each code to a type or a mapping")
    for code, spec in items.items():
        where = f"{path.name} code {code}"
        if isinstance(spec, str):
            spec = {"type": spec}
        if not isinstance(spec, dict):
            raise DataFileError(f"{where}: expected a PLOVER type or a mapping")
        if unknown := set(spec) - set(COLUMNS):
            raise DataFileError(f"{where}: unknown keys {sorted(unknown)}")
        yield where, {**spec, "code": code}


def _table_rows(path: Path, text: str) -> Iterator[tuple[str, dict[str, Any]]]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise DataFileError(f"{path}: no codes")
    delimiter = "\t" if "\t" in lines[0][1] else ","
    rows = list(csv.reader(io.StringIO("\n".join(line for _, line in lines)), delimiter=delimiter))
    header = [h.strip().lower() for h in rows[0]]
    if missing := [c for c in REQUIRED if c not in header]:
        raise DataFileError(f"{path}:{lines[0][0]}: header needs {' '.join(missing)} "
                            f"(columns: {' '.join(COLUMNS)})")
    if unknown := [h for h in header if h not in COLUMNS]:
        raise DataFileError(f"{path}:{lines[0][0]}: unknown columns {unknown}")
    for (n, _), row in zip(lines[1:], rows[1:]):
        yield f"{path.name}:{n}", {h: (row[i] if i < len(row) else "") for i, h in enumerate(header)}


__all__ = ["COLUMNS", "read_codes"]
