"""Read Phoenix / PETRARCH verb dictionaries (`CAMEO.2.0.txt`, `*.verbs.txt`) as LexEntries.

Users of the older coders keep their verb dictionaries: `lexicon.load(extra=
["my.verbs.txt"])` turns each verb of a synonym block into a `verb` entry
(the block's or the verb's own CAMEO code) and each `- ... * ... [code]`
pattern into a `pattern` entry for every verb of the block. A pattern entry
requires its literal words (synsets expanded) to occur among the verb's
dependents; the source/target markers (`$`, `+`), skips (`^`) and grouping
parentheses only place actors in PETRARCH and are not needed here, because
tidings takes who/whom from the dependency parse.

A paired code (`[032:033]`, `[032:032]`) keeps its second half as
`LexEntry.paired`: the act the recipient does in return (a visit is hosted,
talks go both ways); the extractor then emits that event too.

Codes outside CAMEO or without a PLOVER type (CAMEO 01x statements, null
`---` codes, project-specific 9xx codes) produce no entry: they are counted in
`PhoenixReport.skipped` rather than silently coded as something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..ontology import Ontology
from . import LexEntry, make_entry

_COMMENT_HTML = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^-{3}\s*(.*?)\s*(?:\[([^\]]*)\])?\s*-{3}\s*$")
_FORMS = re.compile(r"\{[^}]*\}")


@dataclass(slots=True)
class PhoenixReport:
    """What a Phoenix file gave: entries, and how many items had no PLOVER coding."""

    entries: list[LexEntry] = field(default_factory=list)
    skipped: int = 0


def _strip_comments(text: str) -> list[str]:
    text = _COMMENT_HTML.sub(" ", text)
    lines = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].split(";", 1)[0].rstrip()
        lines.append(line)
    return lines


def _code(raw: str | None) -> str | None:
    """'[190]' -> '190'; '[050:050]' -> '050'; '[---]' or missing -> None."""
    if not raw:
        return None
    first = raw.split(":", 1)[0].strip()
    return first if first.isdigit() else None


def _paired(raw: str | None) -> str | None:
    """'[032:033]' -> '033' (the recipient's act in return); one code or a null -> None."""
    if not raw or ":" not in raw:
        return None
    second = raw.split(":", 1)[1].strip()
    return second if second.isdigit() else None


def _plover(onto: Ontology, code: str | None) -> tuple[str, str] | None:
    """(type, code) for a CAMEO code known to the ontology with a PLOVER type."""
    if code is None or not onto.has_cameo(code[:2]):
        return None
    try:
        cameo = onto.cameo(code)
    except KeyError:
        return None
    if cameo.plover_type is None:
        return None
    return cameo.plover_type, code  # keep the dictionary's own code, even if more specific


def _verb_words(line: str) -> list[str]:
    """'+CORDON_OFF {+CORDONS_OFF ...} [191]' -> ['cordon', 'off']."""
    head = _FORMS.sub(" ", _CODE.sub(" ", line)).split()
    if not head:
        return []
    return [w for w in head[0].replace("+", "").lower().split("_") if w]


def _pattern_sets(body: str, synsets: dict[str, set[str]]) -> tuple[frozenset[str], ...] | None:
    """Literal words of a pattern as sets to match; None if it uses an unknown synset."""
    sets: list[frozenset[str]] = []
    parts = body.replace("(", " ").replace(")", " ").replace("_", " ").split()
    for raw in parts:
        if raw.startswith("{") or raw.endswith("}"):
            return None  # disjunctive sets are not supported by PETRARCH either
        tok = raw.strip("*+$^%-")
        if not tok:
            continue
        if tok.startswith("&"):
            syn = {w for w in synsets.get(tok.upper(), ()) if not w.startswith("&")}
            if not syn:
                return None
            sets.append(frozenset(syn))
        elif tok.isalpha() or "-" in tok or "'" in tok:
            sets.append(frozenset([tok.lower()]))
    return tuple(sets)


PREPOSITIONS = {
    "to",
    "with",
    "for",
    "against",
    "on",
    "at",
    "in",
    "into",
    "from",
    "by",
    "over",
    "toward",
    "towards",
    "upon",
    "between",
    "among",
    "of",
    "about",
    "onto",
}


def _target_preps(body: str) -> tuple[str, ...]:
    """Prepositions right before the target marker: '- * FOR + [032]' -> ('for',)."""
    toks = body.replace("(", " ").replace(")", " ").replace("_", " ").split()
    out = [
        toks[i - 1].lower()
        for i, t in enumerate(toks)
        if t == "+" and i > 0 and toks[i - 1].lower() in PREPOSITIONS
    ]
    return tuple(dict.fromkeys(out))


def _expand_nested(synsets: dict[str, set[str]]) -> None:
    """A synset listing another synset ('+&TIETYPES') takes over its words (one level)."""
    for words in synsets.values():
        for w in [w for w in words if w.startswith("&")]:
            words.discard(w)
            words |= {x for x in synsets.get(w.upper(), set()) if not x.startswith("&")}


def read_phoenix(path: Path, onto: Ontology) -> list[LexEntry]:
    return read_phoenix_report(path, onto).entries


def read_phoenix_report(path: Path, onto: Ontology) -> PhoenixReport:
    """Parse a Phoenix/PETRARCH verb dictionary into lexicon entries."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read verb dictionary: {exc}") from exc
    lines = _strip_comments(text)
    report = PhoenixReport()
    synsets: dict[str, set[str]] = {}
    # pass 1: synsets (they may be defined anywhere in the file)
    current: str | None = None
    for line in lines:
        s = line.strip()
        if s.startswith("&"):
            current = s.split()[0].rstrip("_").upper()
            synsets[current] = set()
        elif s.startswith("+") and current is not None:
            phrase = s[1:].strip().rstrip("_").lower().replace("_", " ").split()
            if phrase:
                word = phrase[-1] if not phrase[-1].startswith("&") else phrase[-1].upper()
                synsets[current].add(word)  # the head word of the phrase
        elif s:
            current = None
    _expand_nested(synsets)
    # pass 2: blocks of verbs and their patterns
    block_code: str | None = None
    block_paired: str | None = None
    verbs: list[tuple[list[str], str | None]] = []
    seen: set[tuple[str, str]] = set()
    where = str(path)

    def emit(
        kind: str,
        pattern: str,
        code: str | None,
        requires: tuple[frozenset[str], ...] = (),
        targets: tuple[str, ...] = (),
        paired: str | None = None,
    ) -> None:
        mapped = _plover(onto, code)
        if mapped is None:
            report.skipped += 1
            return
        type_, cameo = mapped
        entry = make_entry(kind, pattern, type_, {"cameo": cameo}, onto, where)
        if paired is not None and _plover(onto, paired) is not None:
            entry = LexEntry(**{**_fields(entry), "paired": paired})
        if requires:
            entry = LexEntry(
                **{**_fields(entry), "requires": requires, "kind": "pattern", "targets": targets}
            )
        if entry.key not in seen:
            seen.add(entry.key)
            report.entries.append(entry)

    for line in lines:
        s = line.strip()
        if not s or s.startswith("&") or (s.startswith("+") and " " not in s and "_" not in s and not verbs):
            continue
        if m := _BLOCK.match(s):
            block_code, block_paired, verbs = _code(m.group(2)), _paired(m.group(2)), []
            continue
        if s.startswith("-"):
            body = _CODE.sub(" ", s[1:])
            raw = m.group(1) if (m := _CODE.search(s)) else None
            code = _code(raw)
            requires = _pattern_sets(body, synsets)
            if requires is None or not requires:
                report.skipped += 1
                continue
            label = " ".join(body.split()).lower()
            for words, _ in verbs:
                emit("pattern", f"{' '.join(words)} :: {label}", code, requires, _target_preps(body), _paired(raw))
            continue
        if s.startswith("+") and _synset_member(s):
            continue
        words = _verb_words(s)
        if not words:
            continue
        raw = m.group(1) if (m := _CODE.search(s)) else None
        own = _code(raw)
        verbs.append((words, own))
        kind = "verb" if len(words) == 1 else "phrasal"
        code = own or block_code
        if code is None:
            continue
        emit(kind, " ".join(words), code, paired=_paired(raw) if own else block_paired)
    if not report.entries:
        raise DataFileError(f"{path}: no verb entries with a PLOVER coding found")
    return report


def _synset_member(s: str) -> bool:
    """A '+WORD' line inside a synset (not a '+CORDON_OFF' multi-word verb)."""
    return "_" not in s.split()[0] and "{" not in s


def _fields(entry: LexEntry) -> dict:
    return {f: getattr(entry, f) for f in entry.__slots__}
