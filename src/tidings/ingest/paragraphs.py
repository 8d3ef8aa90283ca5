"""Splitting text into paragraphs and leaving page furniture out.

Offsets always point into the text exactly as given: nothing is rewritten,
paragraphs are (start, end) spans. Blank lines always separate paragraphs.
Inside a block, lines are joined only when they look hard-wrapped (the next
line's first word would not have fitted on the line); otherwise each line is
its own paragraph. Furniture and caption lines are always cut out on their
own, so a photo credit can never merge into the next paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Paragraph
from .furniture import FurnitureRules

_LINE = re.compile(r"[^\r\n]+")
_HAS_WORD = re.compile(r"\w\w")
_BLANK_AFTER = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
_WRAP_WIDTH_MAX = 110
_WRAP_FILL = 0.9


@dataclass(slots=True)
class Dropped:
    """A span left out as furniture, kept for metadata (credits name agencies)."""

    start: int
    end: int
    rule: str


@dataclass(slots=True)
class Split:
    paragraphs: list[Paragraph] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def _blocks(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Stripped (start, end) of each non-blank line, grouped into blank-line blocks."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    prev_end = start
    for m in _LINE.finditer(text, start, end):
        s, e = m.span()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        gap = text[prev_end:s]
        if current and (gap.count("\n") + gap.count("\r") - gap.count("\r\n")) >= 2:
            blocks.append(current)
            current = []
        lead = len(line) - len(line.lstrip())
        current.append((s + lead, s + lead + len(stripped)))
        prev_end = e
    if current:
        blocks.append(current)
    return blocks


def _first_word_len(text: str, start: int, end: int) -> int:
    space = text.find(" ", start, end)
    return (space if space >= 0 else end) - start


def _wrapped(text: str, a: tuple[int, int], b: tuple[int, int], width: int) -> bool:
    """True when line `a` was broken only because `b`'s first word did not fit."""
    if width > _WRAP_WIDTH_MAX:
        return False
    return (a[1] - a[0]) + 1 + _first_word_len(text, b[0], b[1]) > _WRAP_FILL * width


def split_paragraphs(
    text: str, rules: FurnitureRules, start: int = 0, end: int | None = None, kind: str = "body"
) -> Split:
    """Kept paragraphs and dropped furniture spans of text[start:end].

    Paragraphs get `kind` unless a caption label ("Image caption") makes them captions.
    """
    out = Split()
    for block in _blocks(text, start, len(text) if end is None else end):
        width = max(e - s for s, e in block)
        run: list[tuple[int, int]] = []
        for line in block:
            s, e = line
            content = text[s:e]
            rule = rules.furniture(content)
            caption = 0 if rule else rules.caption_prefix(content)
            if rule or caption:
                _emit(text, run, kind, rules, out)
                run = []
                if rule:
                    out.dropped.append(Dropped(s, e, rule))
                else:
                    _emit(text, [(s + caption, e)], "caption", rules, out)
                continue
            if run and not _wrapped(text, run[-1], line, width):
                _emit(text, run, kind, rules, out)
                run = []
            run.append(line)
        _emit(text, run, kind, rules, out)
    return out


def _emit(text: str, run: list[tuple[int, int]], kind: str, rules: FurnitureRules, out: Split) -> None:
    """Add the joined lines as one paragraph, with leading/trailing credits trimmed."""
    if not run:
        return
    start, end = run[0][0], run[-1][1]
    cut_start, cut_end = rules.trim(text[start:end])
    if cut_start:
        out.dropped.append(Dropped(start, start + cut_start, "trim"))
    if start + cut_end < end:
        out.dropped.append(Dropped(start + cut_end, end, "trim"))
    piece = text[start + cut_start:start + cut_end]
    stripped = piece.strip()
    if not _HAS_WORD.search(stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    new_start = start + cut_start + lead
    out.paragraphs.append(Paragraph(new_start, new_start + len(stripped), kind))


def headline(text: str, first: Paragraph) -> bool:
    """True when the first paragraph looks like a headline on its own line.

    Short (at most 20 words / 200 characters), one line, no final full stop,
    and followed by a blank line.
    """
    line = text[first.start:first.end]
    if "\n" in line or "\r" in line or len(line) > 200 or len(line.split()) > 20:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    return _BLANK_AFTER.match(text, first.end) is not None
