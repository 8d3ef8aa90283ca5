"""Discard lists: phrases that keep a sentence, or a whole story, from being coded.

PETRARCH and TABARI users keep lists of phrases that mark text with no political
event worth coding - sports results ("AFRICAN NATIONS CUP"), chronologies
("YEARS LATER"), entertainment. The format (`Dictionaries_README_formats.md`,
"Discard List"): one phrase a line; a sentence containing it is not coded; a
leading `+` discards the whole story; a trailing `_` asks for a word end after
the phrase, otherwise it is a stem ("BASEBALL" also finds "baseballs"); matching
ignores case; `#`, `;` and `<!-- -->` start comments. A phrase always starts at a
word start (PETRARCH looks for it with a blank before it).

TABARI dictionaries also mark discards with the code `[###]` on an actor or
pattern; `tidings.resolve.phoenix.discard_phrases` collects those actors so the
pipeline can add them here as sentence discards (verb patterns coded `[###]`
are skipped: they code nothing, and discard nothing either).

    >>> d = Discards.from_lines(["BASEBALL", "+TYPHOON", "GROUP A_"])
    >>> d.sentence("He played baseballs in Ohio.")
    'BASEBALL'
    >>> d.sentence("Group Alpha met.") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError

_COMMENT_HTML = re.compile(r"<!--.*?-->", re.DOTALL)
_WORD_START = r"(?<!\w)"


@dataclass(frozen=True, slots=True)
class DiscardPhrase:
    """One phrase as written (for messages) and the pattern that finds it."""

    text: str
    story: bool
    pattern: re.Pattern[str]


def compile_phrase(raw: str) -> tuple[str, bool, re.Pattern[str]] | None:
    """'+ASIAN CUP_' -> ('ASIAN CUP', True, pattern); None for a line with no words.

    Words are separated by blanks or '_' (blanks or hyphens match them); the
    phrase must start at a word start, and ends at a word end only when it is
    written with a trailing '_'.
    """
    text = raw.strip()
    story = text.startswith("+")
    text = text.lstrip("+").strip()
    whole_word = text.endswith("_")
    words = text.replace("_", " ").split()
    if not words:
        return None
    body = r"[\s-]+".join(re.escape(w) for w in words)  # "al qaeda" also finds "al-Qaeda"
    tail = r"(?!\w)" if whole_word else ""
    return " ".join(words), story, re.compile(rf"{_WORD_START}{body}{tail}", re.IGNORECASE)


@dataclass(slots=True)
class Discards:
    """Sentence and story discard phrases; `sentence()` / `story()` name the phrase found."""

    phrases: list[DiscardPhrase] = field(default_factory=list)
    # every phrase in one alternation, so a sentence with none costs one search
    # (Phoenix.discards.txt has 500 phrases); rebuilt when phrases are added
    _any: re.Pattern[str] | None = field(default=None, repr=False)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Discards:
        out = cls()
        out.extend(lines)
        return out

    @classmethod
    def from_files(cls, paths: Sequence[str | Path]) -> Discards:
        """Read discard files; a missing or empty file is a `DataFileError`."""
        out = cls()
        for p in paths:
            path = Path(p)
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                raise DataFileError(f"{path}: cannot read discard list: {exc}") from exc
            before = len(out.phrases)
            out.extend(_content_lines(text))
            if len(out.phrases) == before:
                raise DataFileError(f"{path}: no discard phrases found")
        return out

    def extend(self, lines: Iterable[str]) -> None:
        """Add phrases (already free of comments)."""
        for line in lines:
            compiled = compile_phrase(line)
            if compiled is not None:
                self.phrases.append(DiscardPhrase(*compiled))
        self._any = None

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def sentence(self, text: str) -> str | None:
        """The first phrase (of either kind) found in a sentence; None when it may be coded."""
        if not self.phrases:
            return None
        if self._any is None:
            bodies = "|".join(p.pattern.pattern.removeprefix(_WORD_START) for p in self.phrases)
            self._any = re.compile(f"{_WORD_START}(?:{bodies})", re.IGNORECASE)
        if not self._any.search(text):
            return None
        return next((p.text for p in self.phrases if p.pattern.search(text)), None)

    def story(self, text: str) -> str | None:
        """The first story-level ('+') phrase found anywhere in a story's text."""
        return next((p.text for p in self.phrases if p.story and p.pattern.search(text)), None)


def _content_lines(text: str) -> list[str]:
    """Lines without XML, '#' and legacy ';' comments."""
    text = _COMMENT_HTML.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return [line.split("#", 1)[0].split(";", 1)[0] for line in text.splitlines()]


__all__ = ["DiscardPhrase", "Discards", "compile_phrase"]
