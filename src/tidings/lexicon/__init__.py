"""Trigger lexicon: words and constructions that signal an event, as data.

The packaged lexicon is `data/lexicon/*.yaml` (format in
`data/lexicon/README.md`): for each PLOVER type, verbs, phrasal verbs, light-verb
constructions and nominal triggers, each with a CAMEO code and optional mode,
contexts, recipient prepositions and confidence. `load(extra=[...])` overlays
users' own YAML files (same format) or Phoenix/PETRARCH `.verbs` dictionaries
(see `tidings.lexicon.phoenix`) without editing the package: an entry with the
same kind and pattern replaces the packaged one, and `null` deletes it.

    >>> from tidings import lexicon
    >>> lex = lexicon.load()
    >>> [e.type for e in lex.verbs("storm")]
    ['PROTEST']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import DataFileError
from ..model import PLOVER_TYPES
from ..ontology import Ontology
from ..ontology import load as load_ontology
from ..paths import data_dir
from .strict_yaml import load_strict

KINDS = ("verb", "phrasal", "light", "noun", "pattern")
SECTION_KIND = {"verbs": "verb", "phrasal": "phrasal", "light": "light", "nouns": "noun"}
ENTRY_KEYS = {
    "cameo",
    "mode",
    "contexts",
    "to",
    "confidence",
    "note",
    "type",
    "reverse",
    "needs",
    "not_with",
    "stated",
    "party",
}
DEFAULT_CONFIDENCE = {"verb": 0.8, "phrasal": 0.85, "light": 0.85, "noun": 0.65, "pattern": 0.75}


@dataclass(frozen=True, slots=True)
class PatternSlot:
    """One literal word (or synset) of a Phoenix pattern.

    `tight` means joined by '_' to its neighbour on the verb's side (the verb
    itself for the first slot): the words must then be consecutive, as in
    "RECENTLY_*" or "MEMOS_ON_&TIETYPES". `compound` marks a word followed by
    '%' ("* WITH %"): its object must be a compound.
    """

    words: frozenset[str]
    tight: bool = False
    compound: bool = False


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One trigger pattern and the event it codes.

    `lemma` is the head verb (or noun for nominal triggers); `words` holds the
    rest of the pattern: particles/prepositions for phrasal verbs ("out", "of"),
    the object noun for light verbs ("attack"), and for Phoenix patterns the
    word sets that must occur after the verb. `targets` are prepositions
    whose object is the recipient ("against", "with").
    """

    lemma: str
    pattern: str
    type: str
    mode: str | None
    cameo: str
    contexts: tuple[str, ...] = ()
    kind: str = "verb"
    words: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    confidence: float = 0.8
    requires: tuple[frozenset[str], ...] = ()  # Phoenix patterns: each set must be matched
    # Phoenix patterns in order: the words before the verb (nearest first) and after it.
    before: tuple[PatternSlot, ...] = ()
    after: tuple[PatternSlot, ...] = ()
    # Phoenix '%': "subject" (before '*') or "object" (after it) must be a compound
    # ("Gondor and Osgiliath agreed"); "" when the pattern has no '%'.
    compound: str = ""
    source: str = "package"
    reverse: bool = False  # the subject receives the act ("X faced charges from Y", "received aid from Y")
    needs: tuple[
        str, ...
    ] = ()  # one of these must head a dependent ("talk" needs "with"/"to"; "dobj" = an object)
    not_with: tuple[str, ...] = ()  # object nouns that void the entry ("released a report")
    stated: bool = False  # codes only as a promise or refusal ("said it would allow", "will not allow")
    party: bool = False  # a light verb's noun is the recipient, not the act ("expelled the ambassador")
    # CAMEO code of the act the recipient does in return: Phoenix "[032:033]" (X visits Y:
    # Y hosts X), "[032:032]" (talks both ways); None for one-way events.
    paired: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.pattern)


@dataclass(slots=True)
class Lexicon:
    """Entries indexed for the matcher: by verb lemma, light verb, and noun."""

    entries: dict[tuple[str, str], LexEntry] = field(default_factory=dict)
    _by_lemma: dict[tuple[str, str], list[LexEntry]] = field(default_factory=dict, repr=False)
    _vocabulary: set[str] = field(default_factory=set, repr=False)
    instruments: dict[str, str] = field(default_factory=dict)  # weapon word(s) -> ASSAULT mode

    def add(self, entry: LexEntry) -> None:
        self.entries[entry.key] = entry
        self._by_lemma.clear()
        self._vocabulary.clear()

    def remove(self, kind: str, pattern: str) -> None:
        self.entries.pop((kind, pattern), None)
        self._by_lemma.clear()
        self._vocabulary.clear()

    def vocabulary(self) -> set[str]:
        """Every word the entries use (lemmas and pattern words), lower-cased."""
        if not self._vocabulary:
            for e in self.entries.values():
                self._vocabulary.add(e.lemma)
                self._vocabulary.update(w for w in e.words if w.isalpha())
                self._vocabulary.update(w for words in e.requires for w in words if w.isalpha())
        return self._vocabulary

    def _index(self) -> dict[tuple[str, str], list[LexEntry]]:
        if not self._by_lemma:
            for e in self.entries.values():
                self._by_lemma.setdefault((e.kind, e.lemma), []).append(e)
        return self._by_lemma

    def lookup(self, kind: str, lemma: str) -> list[LexEntry]:
        return self._index().get((kind, lemma.lower()), [])

    def verbs(self, lemma: str) -> list[LexEntry]:
        return self.lookup("verb", lemma)

    def nouns(self, lemma: str) -> list[LexEntry]:
        return self.lookup("noun", lemma)

    def __len__(self) -> int:
        return len(self.entries)

    def types(self) -> set[str]:
        return {e.type for e in self.entries.values()}


def _norm(text: str) -> str:
    return " ".join(str(text).lower().replace("_", " ").split())


def make_entry(kind: str, pattern: str, type_: str, spec: dict, onto: Ontology, where: str) -> LexEntry:
    """Build and validate one entry; `where` names the file for error messages."""
    if kind not in KINDS:
        raise DataFileError(f"{where}: unknown kind {kind!r}")
    if unknown := set(spec) - ENTRY_KEYS:
        raise DataFileError(f"{where}: {pattern!r}: unknown keys {sorted(unknown)}")
    type_ = spec.get("type", type_)
    if type_ not in PLOVER_TYPES:
        raise DataFileError(f"{where}: {pattern!r}: unknown PLOVER type {type_!r}")
    mode = spec.get("mode")
    cameo = str(spec["cameo"]) if spec.get("cameo") is not None else None
    if cameo is not None:
        # a code more specific than the codebook ("1459") is kept; its parent gives the meaning;
        # a user's own code ("903", "174K") must be in a codes file the ontology was loaded with
        if not onto.has_cameo(cameo) and not (cameo.isdigit() and 2 <= len(cameo) <= 4 and onto.has_cameo(cameo[:2])):
            raise DataFileError(f"{where}: {pattern!r}: unknown CAMEO code {cameo}")
        try:
            code = onto.cameo(cameo)
        except KeyError as exc:
            raise DataFileError(f"{where}: {pattern!r}: unknown CAMEO code {cameo}") from exc
        if mode is None and code.plover_type == type_:
            mode = code.plover_mode
    else:
        cameo = onto.default_cameo(type_, mode)
    if mode is not None and not onto.is_mode(type_, mode):
        raise DataFileError(f"{where}: {pattern!r}: {mode!r} is not a mode of {type_}")
    contexts = tuple(spec.get("contexts") or ())
    if contexts == () and cameo is not None and onto.cameo(cameo).plover_type == type_:
        contexts = onto.cameo(cameo).contexts
    if bad := [c for c in contexts if c not in onto.contexts]:
        raise DataFileError(f"{where}: {pattern!r}: unknown contexts {bad}")
    conf = float(spec.get("confidence", DEFAULT_CONFIDENCE[kind]))
    if not 0.0 < conf <= 1.0:
        raise DataFileError(f"{where}: {pattern!r}: confidence must be in (0, 1]")
    words = _norm(pattern).split()
    if not words:
        raise DataFileError(f"{where}: empty pattern")
    if kind not in ("light", "pattern") and ("+" in pattern or "|" in pattern):
        raise DataFileError(f"{where}: {pattern!r}: '+' and '|' belong in the light section only")
    targets = tuple(_norm(t) for t in (spec.get("to") or ()))
    if kind == "light":
        # "carry out + attack": verb words before '+', object noun after
        verb_part, _, noun = _norm(pattern).partition("+")
        vwords, noun = verb_part.split(), noun.strip()
        if not vwords or not noun:
            raise DataFileError(f"{where}: light pattern must be 'verb + noun': {pattern!r}")
        lemma, rest = vwords[0], (*vwords[1:], "+", *noun.split())
    elif kind == "noun":
        # "rocket attack": head noun last, the words before it are its modifiers
        lemma, rest = words[-1], tuple(words[:-1])
    else:
        lemma, rest = words[0], tuple(words[1:])
    return LexEntry(
        lemma=lemma,
        pattern=_norm(pattern),
        type=type_,
        mode=mode,
        cameo=cameo,
        contexts=contexts,
        kind=kind,
        words=rest,
        targets=targets,
        confidence=conf,
        source=where,
        reverse=bool(spec.get("reverse", False)),
        needs=tuple(_norm(w) for w in (spec.get("needs") or ())),
        not_with=tuple(_norm(w) for w in (spec.get("not_with") or ())),
        stated=bool(spec.get("stated", False)),
        party=bool(spec.get("party", False)),
    )


def _spec(value: object, where: str, pattern: str) -> dict | None:
    """`lemma: 190`, `lemma: {cameo: 190, mode: ...}` or `lemma: null` (delete)."""
    if value is None:
        return None
    if isinstance(value, (int, str)):
        return {"cameo": str(value).zfill(3) if isinstance(value, int) else value}
    if isinstance(value, dict):
        return dict(value)
    raise DataFileError(f"{where}: {pattern!r}: expected a CAMEO code or a mapping")


def _expand_light(pattern: str) -> list[str]:
    """'launch|carry out + attack|offensive' -> every verb + noun combination."""
    verbs, sep, nouns = pattern.partition("+")
    if not sep:
        return [pattern]
    return [f"{v.strip()} + {n.strip()}" for v in verbs.split("|") for n in nouns.split("|")]


def read_yaml(path: Path, onto: Ontology) -> list[tuple[str, str, LexEntry | None]]:
    """Entries of one YAML lexicon file as (kind, pattern, entry or None=delete)."""
    try:
        doc = load_strict(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read lexicon: {exc}") from exc
    if not isinstance(doc, dict):
        raise DataFileError(f"{path}: a lexicon file is a mapping of PLOVER types")
    out: list[tuple[str, str, LexEntry | None]] = []
    for type_, sections in doc.items():
        if type_ not in PLOVER_TYPES:
            raise DataFileError(f"{path}: unknown PLOVER type {type_!r}")
        if not isinstance(sections, dict):
            raise DataFileError(f"{path}: {type_}: expected sections verbs/phrasal/light/nouns")
        for section, items in sections.items():
            kind = SECTION_KIND.get(section)
            if kind is None or not isinstance(items, dict):
                raise DataFileError(f"{path}: {type_}: unknown or malformed section {section!r}")
            for raw, value in items.items():
                for pattern in _expand_light(str(raw)) if kind == "light" else [str(raw)]:
                    spec = _spec(value, str(path), pattern)
                    norm = _norm(pattern)
                    if spec is None:
                        out.append((kind, norm, None))
                        continue
                    out.append((kind, norm, make_entry(kind, pattern, type_, spec, onto, str(path))))
    if not out:
        raise DataFileError(f"{path}: no lexicon entries")
    return out


def read_instruments(path: Path, onto: Ontology) -> dict[str, str]:
    """`word<TAB>mode` rows: weapons and means that set an ASSAULT's mode."""
    out: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read instruments: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("word\t"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].strip():
            raise DataFileError(f"{path}:{n}: expected 'word<TAB>mode'")
        word, mode = _norm(cells[0]), cells[1].strip()
        if mode not in onto.types["ASSAULT"].modes:
            raise DataFileError(f"{path}:{n}: {mode!r} is not an ASSAULT mode")
        out[word] = mode
    return out


def packaged_files() -> list[Path]:
    return sorted([*data_dir("lexicon").glob("*.yaml"), *data_dir("lexicon").glob("*.tsv")])


def load(
    extra: Sequence[Path | str] = (), replace: bool = False, codes: Sequence[Path | str] = ()
) -> Lexicon:
    """The packaged lexicon overlaid with `extra` files (YAML, or Phoenix `.txt` verb files).

    With `replace`, only the extra files are used. Later files win. `codes` are
    users' codes files (`tidings.ontology.codes`): entries may then use those codes.
    """
    from .phoenix import read_phoenix  # local: phoenix imports this module

    onto = load_ontology(codes)
    lex = Lexicon()
    files: Iterable[Path] = [] if replace else packaged_files()
    for path in [*files, *(Path(p) for p in extra)]:
        if not path.is_file():
            raise DataFileError(f"{path}: lexicon file not found")
        if path.suffix.lower() == ".tsv":
            lex.instruments.update(read_instruments(path, onto))
            continue
        if path.suffix.lower() in (".yaml", ".yml"):
            items = read_yaml(path, onto)
        else:
            items = [(e.kind, e.pattern, e) for e in read_phoenix(path, onto)]
        for kind, pattern, entry in items:
            if entry is None:
                lex.remove(kind, pattern)
            else:
                lex.add(entry)
    if not lex.entries:
        raise DataFileError("the lexicon is empty")
    return lex


__all__ = ["LexEntry", "Lexicon", "PatternSlot", "load", "make_entry", "read_yaml"]
