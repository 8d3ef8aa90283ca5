"""Read Phoenix / PETRARCH verb dictionaries (`CAMEO.2.0.txt`, `*.verbs.txt`) as LexEntries.

Users of the older coders keep their verb dictionaries: `lexicon.load(extra=
["my.verbs.txt"])` turns each verb of a synonym block into a `verb` entry
(the block's or the verb's own CAMEO code) and each `- ... * ... [code]`
pattern into a `pattern` entry for every verb of the block. A pattern entry
requires its literal words (synsets expanded) in PETRARCH's order: those
before `*` before the verb, those after it in the verb's phrase, words joined
by `_` consecutive. `%` requires a compound subject (before `*`: "Gondor and
Osgiliath agree", `- % * [030:030]`) or object (after it: `- * WITH %`). The
source/target markers (`$`, `+`), skips (`^`) and grouping parentheses only
place actors in PETRARCH and are not needed here, because tidings takes
who/whom from the dependency parse. A multi-word verb's patterns keep its
other words (`LexEntry.words`, "down" of BREAK_DOWN): they apply to that verb
only, and before its bare phrasal coding.

A paired code (`[032:033]`, `[032:032]`) keeps its second half as
`LexEntry.paired`: the act the recipient does in return (a visit is hosted,
talks go both ways); the extractor then emits that event too.

Codes without a PLOVER type (CAMEO 01x statements, project-specific codes
such as 9xx or "174K") produce no entry rather than being coded as something
else: they are counted per code in `PhoenixReport.unmapped`, and loading logs
one warning naming the commonest, so users know to map them to PLOVER types
with a codes file (`tidings.ontology.load(code_files=...)`, `--codes FILE`).
Null codes (`---`) and TABARI's discard code `###` code nothing on purpose.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..ontology import Ontology
from ..ontology import load as load_ontology
from . import LexEntry, PatternSlot, make_entry

log = logging.getLogger(__name__)
_COMMENT_HTML = re.compile(r"<!--.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^-{3}\s*(.*?)\s*(?:\[([^\]]*)\])?\s*-{3}\s*$")
_FORMS = re.compile(r"\{[^}]*\}")


@dataclass(slots=True)
class PhoenixReport:
    """What a Phoenix file gave: entries, and how many items had no PLOVER coding."""

    entries: list[LexEntry] = field(default_factory=list)
    skipped: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)  # code -> items it left uncoded


_NULL_CODES = ("---", "###")  # no event; TABARI's discard code


def _strip_comments(text: str) -> list[str]:
    text = _COMMENT_HTML.sub(" ", text)
    lines = []
    for line in text.splitlines():
        # "[###]" is TABARI's discard code, not a comment (hidden while cutting comments)
        line = line.replace("[###]", "[\0]").split("#", 1)[0].split(";", 1)[0].rstrip()
        lines.append(line.replace("[\0]", "[###]"))
    return lines


def _one_code(text: str) -> str | None:
    code = text.strip().upper()
    return None if not code or code in _NULL_CODES or " " in code else code


def _code(raw: str | None) -> str | None:
    """'[190]' -> '190'; '[050:050]' -> '050'; '[174K]' -> '174K'; '[---]' or missing -> None."""
    return _one_code(raw.split(":", 1)[0]) if raw else None


def _paired(raw: str | None) -> str | None:
    """'[032:033]' -> '033' (the recipient's act in return); one code or a null -> None."""
    return _one_code(raw.split(":", 1)[1]) if raw and ":" in raw else None


def _plover(onto: Ontology, code: str | None) -> tuple[str, str] | None:
    """(type, code) for a code the ontology maps to a PLOVER type.

    A code the ontology lists (CAMEO's, or a user's codes file's) maps as
    listed; a longer all-digit code falls back to its CAMEO parent ("1459").
    """
    if code is None:
        return None
    if not onto.has_cameo(code) and not (code.isdigit() and onto.has_cameo(code[:2])):
        return None
    try:
        cameo = onto.cameo(code)
    except KeyError:
        return None
    if cameo.plover_type is None:
        return None
    return cameo.plover_type, code  # keep the dictionary's own code, even if more specific


def warn_unmapped(path: Path, report: PhoenixReport, onto: Ontology, shown: int = 6) -> None:
    """One warning for the codes that left dictionary items uncoded, commonest first."""
    if not report.unmapped:
        return
    outside = Counter({c: n for c, n in report.unmapped.items() if not _in_cameo(onto, c)})
    plover_less = sum(report.unmapped.values()) - sum(outside.values())
    commonest = (outside or report.unmapped).most_common(shown)
    names = ", ".join(f"{c} x{n}" for c, n in commonest)
    log.warning(
        "%s: verbs/patterns with codes that have no PLOVER type code no events: %d with %d "
        "codes outside CAMEO, %d with CAMEO codes PLOVER leaves out (01x statements); e.g. %s. "
        "Map codes to PLOVER types with a codes file (--codes FILE; see "
        "tidings/data/ontology/README.md)",
        path.name, sum(outside.values()), len(outside), plover_less, names,
    )


def _in_cameo(onto: Ontology, code: str) -> bool:
    return onto.has_cameo(code) or (code.isdigit() and onto.has_cameo(code[:2]))


def _verb_words(line: str) -> tuple[list[str], int]:
    """'+CORDON_OFF {+CORDONS_OFF ...} [191]' -> (['cordon', 'off'], 0); 'WIRE_+TAP' -> (['wire', 'tap'], 1).

    The second value is the index of the inflected head verb: the word marked
    '+' when it is not the first ("WIRE_+TAP": "wire" is a fixed word before it).
    """
    head = _FORMS.sub(" ", _CODE.sub(" ", line)).split()
    if not head:
        return [], 0
    parts = [w for w in head[0].split("_") if w.strip("+")]
    at = next((i for i, w in enumerate(parts) if w.startswith("+")), 0)
    return [w.replace("+", "").lower() for w in parts], at


def _prefix_slots(words: list[str], at: int) -> list[PatternSlot]:
    """Fixed words before a multi-word verb's head, nearest first, each touching the next."""
    return [PatternSlot(frozenset([w]), tight=True) for w in reversed(words[:at])]


@dataclass(slots=True)
class PatternShape:
    """The parsed body of a Phoenix pattern (see `_pattern_slots`)."""

    before: list[PatternSlot] = field(default_factory=list)
    after: list[PatternSlot] = field(default_factory=list)
    compound: str = ""

    @property
    def requires(self) -> tuple[frozenset[str], ...]:
        return tuple(s.words for s in [*reversed(self.before), *self.after])


def _slot_words(piece: str, synsets: dict[str, set[str]]) -> frozenset[str] | None:
    """The words one pattern piece stands for; None for an unknown synset, empty for a marker."""
    tok = piece.strip("*+$^%-")
    if not tok:
        return frozenset()
    if tok.startswith("&"):
        syn = frozenset(w for w in synsets.get(tok.upper(), ()) if not w.startswith("&"))
        return syn or None
    if tok.isalpha() or "-" in tok or "'" in tok:
        return frozenset([tok.lower()])
    return frozenset()


def _pattern_slots(body: str, synsets: dict[str, set[str]]) -> PatternShape | None:
    """A pattern's literal words on each side of the verb ('*'), in order, with '_' adjacency.

    PETRARCH matches the words before the verb right to left from it and the
    words after it left to right; words joined by '_' must be consecutive
    ("RECENTLY_*" is "recently allowed", not "recently did allow"). A '_'
    next to a space (or an actor marker) joins nothing. None when the pattern
    has no '*', uses an unknown synset or a disjunctive '{...}' set (which
    PETRARCH does not support either).
    """
    items: list[tuple[str, frozenset[str], bool]] = []  # (kind, words, tight to the previous item)
    for chunk in body.replace("(", " ").replace(")", " ").split():
        if chunk.startswith("{") or chunk.endswith("}"):
            return None
        for n, piece in enumerate(p for p in chunk.split("_") if p):
            tight = n > 0
            if piece == "*":
                items.append(("verb", frozenset(), tight))
            elif piece == "%":
                items.append(("compound", frozenset(), tight))
            else:
                words = _slot_words(piece, synsets)
                if words is None:
                    return None
                items.append(("word" if words else "marker", words, tight))
    verb_at = next((i for i, it in enumerate(items) if it[0] == "verb"), None)
    if verb_at is None:
        return None
    shape = PatternShape()
    for i in range(verb_at - 1, -1, -1):  # before the verb, nearest first
        kind, words, _ = items[i]
        nxt = items[i + 1]
        if kind == "compound":
            shape.compound = "subject"
        elif kind == "word":
            shape.before.append(PatternSlot(words, tight=nxt[2] and nxt[0] in ("word", "verb")))
    for i in range(verb_at + 1, len(items)):
        kind, words, tight = items[i]
        prev = items[i - 1]
        if kind == "compound":
            shape.compound = shape.compound or "object"
            if prev[0] == "word" and shape.after:
                shape.after[-1] = PatternSlot(shape.after[-1].words, shape.after[-1].tight, compound=True)
        elif kind == "word":
            shape.after.append(PatternSlot(words, tight=tight and prev[0] in ("word", "verb")))
    return shape


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
            if len(phrase) == 1 and phrase[0].startswith("&"):
                synsets[current].add(phrase[0].upper())  # a nested synset, expanded below
            elif phrase:
                # "+TOTAL BOYCOTT" needs both words, consecutive: kept as a phrase
                synsets[current].add(" ".join(w for w in phrase if not w.startswith("&")))
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
        shape: PatternShape | None = None,
        targets: tuple[str, ...] = (),
        paired: str | None = None,
        verb: tuple[str, ...] = (),
        head: int = 0,
    ) -> None:
        mapped = _plover(onto, code)
        if mapped is None:
            report.skipped += 1
            if code is not None:
                report.unmapped[code] += 1
            return
        type_, cameo = mapped
        entry = make_entry(kind, pattern, type_, {"cameo": cameo}, onto, where)
        # the return act is coded with the packaged ontology (extract.refine.paired_entry)
        if paired is not None and _plover(load_ontology(), paired) is not None:
            entry = LexEntry(**{**_fields(entry), "paired": paired})
        if shape is not None:
            entry = LexEntry(
                **{
                    **_fields(entry),
                    "requires": shape.requires,
                    "before": tuple(shape.before),
                    "after": tuple(shape.after),
                    "compound": shape.compound,
                    "kind": "pattern",
                    "targets": targets,
                    "lemma": verb[head] if verb else entry.lemma,
                    "words": verb[head + 1 :],  # a multi-word verb's other words ("break down")
                }
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
            shape = _pattern_slots(body, synsets)
            if shape is None or not (shape.requires or shape.compound):
                report.skipped += 1
                continue
            label = " ".join(body.split()).lower()
            for words, at in verbs:
                full = PatternShape([*_prefix_slots(words, at), *shape.before], shape.after, shape.compound)
                emit(
                    "pattern",
                    f"{' '.join(words)} :: {label}",
                    code,
                    full,
                    _target_preps(body),
                    _paired(raw),
                    tuple(words),
                    at,
                )
            continue
        if s.startswith("+") and _synset_member(s):
            continue
        words, at = _verb_words(s)
        if not words:
            continue
        raw = m.group(1) if (m := _CODE.search(s)) else None
        own = _code(raw)
        verbs.append((words, at))
        code = own or block_code
        if code is None:
            continue
        paired = _paired(raw) if own else block_paired
        if at:  # "wire tap": the head verb with its fixed words before it, matched as a pattern
            shape = PatternShape(_prefix_slots(words, at))
            emit("pattern", " ".join(words), code, shape, paired=paired, verb=tuple(words), head=at)
        else:
            emit("verb" if len(words) == 1 else "phrasal", " ".join(words), code, paired=paired)
    warn_unmapped(path, report, onto)
    if not report.entries:
        raise DataFileError(f"{path}: no verb entries with a PLOVER coding found")
    return report


def _synset_member(s: str) -> bool:
    """A '+WORD' line inside a synset (not a '+CORDON_OFF' multi-word verb)."""
    return "_" not in s.split()[0] and "{" not in s


def _fields(entry: LexEntry) -> dict:
    return {f: getattr(entry, f) for f in entry.__slots__}
