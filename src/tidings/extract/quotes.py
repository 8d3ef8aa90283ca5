"""Quotations and their speakers: direct quotes, indirect speech, statements, posts.

Kinds: `direct` (words inside quotation marks), `indirect` ("X said that ..."),
`statement` ("in a statement", "X wrote on Twitter/X"). The speaker is the
noun phrase subject of the speech verb (said, told, added, wrote, according
to), searched in the quote's own sentence. Quotation marks also matter to the
clause finder: a slogan or an imperative inside quotes is not an event
(`inside_quotes`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .arguments import noun_span

SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "state",
    "declare",
    "announce",
    "write",
    "tweet",
    "post",
    "insist",
    "warn",
    "explain",
    "note",
    "claim",
    "stress",
    "argue",
    "reply",
    "ask",
    "shout",
    "chant",
    "acknowledge",
    "admit",
    "confirm",
    "report",
    "quote",
    "comment",
    "vow",
    "charge",
}
OPEN_QUOTES = {'"', "\u201c", "\u201e", "''", "``"}
CLOSE_QUOTES = {'"', "\u201d", "''"}
POST_WORDS = {
    "twitter",
    "x",
    "facebook",
    "telegram",
    "instagram",
    "truth",
    "social",
    "media",
    "post",
    "tweet",
}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    quote: Span
    speaker: Span | None
    kind: str  # direct | indirect | statement


def quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """[start, end) token ranges of text inside paired quotation marks.

    Computed once per doc and kept in `doc.user_data`: the extractor asks for every
    sentence, and rescanning the whole paragraph each time was quadratic."""
    cached = doc.user_data.get("tidings.quote_regions")
    if cached is None:
        cached = doc.user_data["tidings.quote_regions"] = _scan_quotes(doc)
    return cached


def _scan_quotes(doc: Doc) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    start: int | None = None
    for tok in doc:
        t = tok.text
        if start is None and (t in OPEN_QUOTES):
            start = tok.i + 1
        elif start is not None and t in CLOSE_QUOTES:
            if tok.i > start:
                regions.append((start, tok.i))
            start = None
    return regions


def inside_quotes(tok: Token, regions: list[tuple[int, int]]) -> bool:
    return any(s <= tok.i < e for s, e in regions)


def _speaker_of(verb: Token) -> Span | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return noun_span(subjects[0]) if subjects else None


def _speech_verb(sent: Span, exclude: tuple[int, int]) -> Token | None:
    """The sentence's speech verb outside the quoted words, if any."""
    for tok in sent:
        if exclude[0] <= tok.i < exclude[1]:
            continue
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
            return tok
    return None


def _according_to(sent: Span) -> Span | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            objs = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return noun_span(objs[0])
    return None


def find_quotes(doc: Doc) -> list[QuoteSpan]:
    """All direct and indirect quotations in a parsed paragraph."""
    out: list[QuoteSpan] = []
    covered: set[int] = set()
    for s, e in quote_regions(doc):
        quote = doc[s:e]
        if len(quote) < 2:
            continue  # a scare-quoted word, not a quotation
        sent = doc[s].sent
        verb = _speech_verb(sent, (s, e))
        speaker = _speaker_of(verb) if verb is not None else _according_to(sent)
        out.append(QuoteSpan(quote=quote, speaker=speaker, kind="direct"))
        covered.update(range(s, e))
    for sent in doc.sents:
        for tok in sent:
            if tok.i in covered or tok.lemma_.lower() not in SPEECH_VERBS or tok.pos_ != "VERB":
                continue
            comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i not in covered]
            if not comps:
                continue
            comp = comps[0]
            start = min(t.i for t in comp.subtree)
            while doc[start].dep_ == "mark" and start < comp.i:  # drop "that"
                start += 1
            span = doc[start : max(t.i for t in comp.subtree) + 1]
            if span.start in covered or len(span) < 3:
                continue
            posted = any(
                t.lower_ in POST_WORDS for t in tok.subtree if t.i not in range(span.start, span.end)
            )
            stated = any(t.lower_ == "statement" for t in sent)
            kind = "statement" if posted or stated or tok.lemma_ in ("write", "tweet", "post") else "indirect"
            out.append(QuoteSpan(quote=span, speaker=_speaker_of(tok) or _according_to(sent), kind=kind))
            covered.update(range(span.start, span.end))
    return sorted(out, key=lambda q: q.quote.start)
