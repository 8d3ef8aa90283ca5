"""Property tests (hypothesis) of each stage's invariants, on generated inputs.

Bounded for CI: about 50 examples per property, no deadline (the coder's
first call in a worker is slower than the rest). The invariants are the ones
the module contracts promise (docs/ARCHITECTURE.md, the output contract in
DESIGN.md), not particular answers.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.errors import InputError, InputFailure
from tidings.model import (
    DATE_PRECISIONS,
    MODALITIES,
    PLOVER_TYPES,
    Article,
    ArticleResult,
)

BOUNDED = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])

# -- ingest -------------------------------------------------------------------

NEWS_TEXT = st.lists(
    st.sampled_from(["The", " minister", " said", " police", " arrested", " 25", " people", " in", " Baghdad",
                     ".", ",", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u201c", "\u201d", "\u2019",
                     "\u2014", "é", "Share this", "Newsletter", "(AFP) -", "BAGHDAD", "x", "1", "\u200b", "\ufeff",
                     "\x0c", "<p>", "</p>", "&amp;", "Photo: Reuters"]),
    max_size=120,
).map("".join)


def check_article(article: Article) -> None:
    assert article.id and isinstance(article.id, str)
    assert article.text.strip()
    last_end = 0
    for p in article.paragraphs:
        assert 0 <= p.start < p.end <= len(article.text), (p, len(article.text))
        assert p.start >= last_end, "paragraphs overlap or go backwards"
        assert article.text[p.start:p.end].strip()
        last_end = p.end
    if article.date is not None:
        dt.date.fromisoformat(article.date)


@BOUNDED
@given(text=NEWS_TEXT)
def test_robust_article_from_text_offsets_inside_or_named_error(text: str) -> None:
    from tidings.ingest import article_from_text

    try:
        article = article_from_text(text, date="2020-02-03")
    except InputError as exc:
        assert "\n" not in exc.message and exc.code.startswith("T01")
        return
    check_article(article)


def test_robust_letterless_text_with_curly_quote_is_a_named_error() -> None:
    from tidings.ingest import article_from_text

    try:
        article_from_text(" 25\u201c")
    except InputError:
        pass


FILE_NAMES = st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.csv", "a.tsv", "a.json", "a", "a.txt.gz", "a.htm"])


@BOUNDED
@given(data=st.one_of(st.binary(max_size=2000), NEWS_TEXT.map(lambda t: t.encode("utf-8")),
                      st.builds(lambda t, enc: t.encode(enc, "replace"), NEWS_TEXT,
                                st.sampled_from(["utf-16", "utf-16-le", "cp1252", "latin-1", "utf-8-sig"]))),
       name=FILE_NAMES)
def test_robust_read_inputs_never_raises(data: bytes, name: str) -> None:
    from tidings.ingest import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        results = list(read_inputs([str(path), str(Path(tmp) / "missing.txt")]))
    assert results, "every input yields at least one result"
    assert isinstance(results[-1], InputFailure) and results[-1].code == "T017"
    for r in results:
        if isinstance(r, InputFailure):
            assert "\n" not in str(r) and r.code.startswith("T01"), str(r)
        else:
            check_article(r)


# -- resolve.dates ----------------------------------------------------------------

PUB_DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PAST = st.one_of(
    st.sampled_from(["yesterday", "late yesterday", "the day before yesterday", "last week", "last month",
                     "last year", "earlier this week", "earlier this month", "earlier this year",
                     "last night", "yesterday morning"]),
    st.sampled_from(WEEKDAYS).map(lambda d: f"last {d}"),
    st.builds(lambda n, u: f"{n} {u} ago", st.integers(0, 4000),
              st.sampled_from(["days", "weeks", "months", "years", "day", "week"])),
    st.builds(lambda n, u: f"{n} {u} ago", st.sampled_from(["two", "three", "ten", "a", "several"]),
              st.sampled_from(["days", "weeks"])),
)


def check_resolved(resolved, expr: str) -> dt.date | None:
    if resolved is None:
        return None
    assert resolved.precision in DATE_PRECISIONS, (expr, resolved)
    day = dt.date.fromisoformat(resolved.date)
    assert resolved.date == day.isoformat()
    return day


@BOUNDED
@given(expr=PAST, pub=PUB_DATES)
def test_robust_past_date_expressions_never_after_publication(expr: str, pub: dt.date) -> None:
    from tidings.resolve.dates import resolve

    day = check_resolved(resolve(expr, pub.isoformat()), expr)
    if day is not None:
        assert day <= pub, (expr, pub, day)


@BOUNDED
@given(expr=st.one_of(st.text(max_size=60), PAST, st.builds(lambda a, b: f"{a} {b}", PAST, st.text(max_size=10))),
       pub=st.one_of(st.none(), PUB_DATES.map(dt.date.isoformat)))
def test_robust_date_resolution_is_iso_or_none(expr: str, pub: str | None) -> None:
    from tidings.resolve.dates import resolve

    check_resolved(resolve(expr, pub), expr)


@settings(max_examples=50, deadline=None)
@given(n=st.integers(10**6, 10**12), unit=st.sampled_from(["days", "weeks"]))
def test_robust_huge_ago_counts_do_not_overflow(n: int, unit: str) -> None:
    from tidings.resolve.dates import resolve

    check_resolved(resolve(f"{n} {unit} ago", "2020-01-01"), f"{n} {unit} ago")


# -- extract.counts ---------------------------------------------------------------

COUNT_WORDS = st.lists(
    st.sampled_from(["at", "least", "more", "than", "about", "nearly", "two", "dozen", "dozens", "of",
                     "hundreds", "thousands", "million", "25", "1,200", "3.5", "-4", "a", "few", "twenty",
                     "one", "hundred", "and", "five", "several", "some", "-", "–", "0", "999999999999"]),
    max_size=6,
).map(" ".join)


@BOUNDED
@given(text=st.one_of(COUNT_WORDS, st.text(max_size=40)))
def test_robust_parse_number_is_a_non_negative_int_or_none(text: str) -> None:
    from tidings.extract.counts import parse_number

    value = parse_number(text)
    assert value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0), (text, value)


# -- the coder ----------------------------------------------------------------------

ACTORS = ["Protesters", "Police", "The army", "Rebels", "President Joe Biden", "Iran", "The United Nations",
          "Hamas fighters", "The government of Iraq", "Russian troops", "Angela Merkel", "Kenyan police",
          "Opposition leaders", "Villagers", "The foreign minister", "Taliban militants", "He", "They"]
VERBS = ["attacked", "stormed", "met", "accused", "condemned", "arrested", "signed an agreement with",
         "threatened", "protested against", "shelled", "killed", "rejected", "praised", "urged",
         "sent aid to", "imposed sanctions on", "fired on", "negotiated with", "would not attack",
         "may attack", "will meet", "denied attacking", "called on", "withdrew from", "deployed troops to"]
TARGETS = ["the embassy", "the parliament", "civilians", "the US", "Israel", "the government", "Ukraine",
           "journalists", "the village", "NATO", "the rebels", "Kabul", "China", "the ministry"]
EXTRAS = ["", " in Baghdad", " on Tuesday", " in northern Syria", " last week", ", killing 25 people",
          ", wounding dozens", " near Kabul on Sunday", ", officials said", " two days ago",
          " after talks in Geneva", ", according to witnesses", " on 3 March 2021"]
FILLER = ["the", "a", "and", "of", "said", "after", "when", "which", "Tuesday", "city", "people",
          "\u201cwe", "will", "not", "leave,\u201d", "(AFP)", "—", "5", "hundreds", "2019"]

SENTENCES = st.builds(lambda a, v, t, e: f"{a} {v} {t}{e}.", st.sampled_from(ACTORS), st.sampled_from(VERBS),
                      st.sampled_from(TARGETS), st.sampled_from(EXTRAS))
NOISE = st.lists(st.sampled_from(FILLER + ACTORS + VERBS + TARGETS), min_size=1, max_size=25).map(
    lambda ws: " ".join(ws) + ".")
PARAGRAPHS = st.lists(st.one_of(SENTENCES, SENTENCES, NOISE), min_size=1, max_size=4).map(" ".join)
ARTICLES = st.lists(PARAGRAPHS, min_size=1, max_size=4).map("\n\n".join)


@pytest.fixture(scope="module")
def ontology():
    from tidings.ontology import load

    return load()


def check_result(result: ArticleResult, ontology) -> int:
    """Check every invariant of the events of one article; return how many there were."""
    from tidings.model import Event

    text = result.article.text
    for s, e in result.sentences:
        assert 0 <= s <= e <= len(text)
    for event in result.events:
        assert event.article_id == result.article.id
        s, e = event.sentence_start, event.sentence_end
        assert s is not None and e is not None and 0 <= s < e <= len(text)
        assert text[s:e] == event.sentence
        ts, te = event.trigger_start, event.trigger_end
        assert ts is not None and te is not None and s <= ts < te <= e, (event.trigger, ts, te, s, e)
        assert text[ts:te] == event.trigger
        if event.date_start is not None:
            assert s <= event.date_start < event.date_end <= e and text[event.date_start:event.date_end] == event.date_text
        for actor in (*event.actors, *event.recipients):
            if actor.start is not None:
                assert 0 <= actor.start < actor.end <= len(text)
                assert actor.text, actor
        if event.location is not None and event.location.start is not None:
            assert 0 <= event.location.start < event.location.end <= len(text)
        assert event.type in PLOVER_TYPES
        assert ontology.is_mode(event.type, event.mode), (event.type, event.mode)
        assert set(event.contexts) <= set(ontology.contexts), event.contexts
        if event.cameo is not None:
            assert ontology.has_cameo(event.cameo) or ontology.cameo(event.cameo), event.cameo
        assert event.quad_class is None or event.quad_class in (1, 2, 3, 4)
        assert event.goldstein is None or -10 <= event.goldstein <= 10
        assert event.modality in MODALITIES
        assert 0.0 <= event.confidence <= 1.0
        check_contract(event.to_contract())
        assert Event.from_contract(event.to_contract()).to_contract() == event.to_contract()
    for quote in result.quotes:
        if quote.start is not None:
            assert 0 <= quote.start < quote.end <= len(text) and text[quote.start:quote.end] == quote.text
    return len(result.events)


CONTRACT_KEYS = {"id", "article_id", "sentence_index", "sentence", "trigger", "type", "mode", "contexts", "cameo",
                 "quad_class", "goldstein", "actors", "recipients", "location", "date", "date_text",
                 "date_precision", "fatalities", "injuries", "size", "modality", "confidence"}


def check_contract(d: dict) -> None:
    """The output contract of DESIGN.md, field by field."""
    assert set(d) == CONTRACT_KEYS
    assert isinstance(d["cameo"], (str, type(None))) and (d["cameo"] is None or d["cameo"].isdigit())
    assert isinstance(d["sentence_index"], int) and d["sentence_index"] >= 0
    for key in ("fatalities", "injuries", "size"):
        assert d[key] is None or (isinstance(d[key], int) and d[key] >= 0), (key, d[key])
    for actor in (*d["actors"], *d["recipients"]):
        assert set(actor) == {"text", "name", "country", "sector", "wikidata"}
        # An implicit actor ("unidentified attackers") has no words in the text, but a name.
        assert isinstance(actor["text"], str) and (actor["text"] or actor["name"]), actor
        assert actor["country"] is None or (actor["country"].isupper() and 3 <= len(actor["country"]) <= 5)
    loc = d["location"]
    if loc is not None:
        assert set(loc) == {"text", "name", "country", "admin1", "lat", "lon", "geonameid", "feature"}
        assert loc["lat"] is None or -90 <= loc["lat"] <= 90
        assert loc["lon"] is None or -180 <= loc["lon"] <= 180
    if d["date"] is not None:
        dt.date.fromisoformat(d["date"])
        assert d["date_precision"] in DATE_PRECISIONS
    assert d["modality"] in MODALITIES and 0 <= d["confidence"] <= 1


@BOUNDED
@given(text=ARTICLES, pub=st.one_of(st.none(), PUB_DATES.map(dt.date.isoformat)))
def test_robust_coder_events_keep_every_invariant(coder, ontology, text: str, pub: str | None) -> None:
    from tidings.ingest import article_from_text

    try:
        article = article_from_text(text, date=pub)
    except InputError:
        return
    (result,) = coder.code_batch([article])
    assert not isinstance(result, InputFailure), str(result)
    check_result(result, ontology)
    if pub is not None:
        for event in result.events:
            if event.date is not None and event.date_text and "ago" in event.date_text.lower():
                assert event.date <= pub, (event.date_text, event.date, pub)


def test_robust_coder_invariants_hold_on_a_batch_of_many_articles(coder, ontology) -> None:
    """One batch of 40 generated articles: results come back one per article, in order."""
    from tidings.ingest import article_from_text

    rng = random.Random(40)
    texts = [
        "\n\n".join(
            " ".join(f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(TARGETS)}{rng.choice(EXTRAS)}."
                     for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 3)))
        for _ in range(40)
    ]
    articles = []
    for i, t in enumerate(texts):
        try:
            articles.append(article_from_text(f"{t}\n\nReport {i}.", id=f"a{i}", date="2021-06-15"))
        except InputError:
            continue
    results = coder.code_batch(articles)
    assert [r.article.id for r in results if isinstance(r, ArticleResult)] == [a.id for a in articles]
    assert sum(check_result(r, ontology) for r in results) > 0, "no events at all from 40 news-like articles"
