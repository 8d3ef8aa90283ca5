"""The coder: articles in, events out.

Stages, in order, for each batch of articles:

1. parse   – spaCy over each kept paragraph (`nlp.parse_articles`); entities only
              in sentences that need them (`CoderOptions.entities`)
2. places  – every toponym in the article, resolved with article context
3. clauses – per sentence, trigger + who / whom / where / when / how many
4. actors  – clause arguments resolved to name, country, sector (with coreference)
5. events  – ontology codes, location, calendar date, counts, modality, confidence
6. quotes  – quotations with their speakers

`Coder` is engine-agnostic: `setup()` loads the model and knowledge once per
process, `code_batch()` is batch in, batch out, so local worker processes,
Ray, Dask or Spark can all drive it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from . import nlp as nlp_mod
from .errors import CodingError, InputFailure, TooLarge
from .extract import find_clauses
from .extract.clauses import Clause
from .extract.nominal import one_per_happening
from .extract.quotes import find_quotes
from .extract.triggers import find_triggers
from .lexicon import Lexicon
from .lexicon import load as load_lexicon
from .lexicon.discards import Discards
from .model import Actor, Article, ArticleResult, Event, Place, Quote
from .ontology import Ontology
from .ontology import load as load_ontology
from .resolve import dates
from .resolve import phoenix as actor_phoenix
from .resolve.actors import ActorContext, ActorResolver, takes_event_country
from .resolve.places import Geoparser, PlaceContext

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CoderOptions:
    """Everything that changes what the coder produces; immutable, passed to workers."""

    model: str = nlp_mod.MODEL_NAME
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    replace_actors: bool = False  # use only actor_files, not the packaged dictionaries
    replace_lexicon: bool = False  # use only lexicon_files, not the packaged lexicon
    # Articles per spaCy nlp.pipe batch. Measured on 668-word articles: peak RSS per
    # worker 849 MiB at 32, 647 at 16, 538 at 8, for the same CPU time (within 2%).
    batch_size: int = 8
    # Longest article text coded (characters). Parsing memory grows with one article's
    # length (a 1 MB single paragraph took 2 GB); no news story comes near this.
    max_chars: int = 200_000
    # Sentences the entity recogniser (45% of spaCy's time) runs on: "all", or
    # "events" — those with a candidate trigger (or a "must" demand), where the
    # clause rules read entity labels; in the others, runs of proper nouns stand
    # in for entities as coreference antecedents (`_observe_names`).
    entities: str = "events"
    # Users' place dictionaries (`Gazetteer.with_places`): the supplement's columns,
    # TSV or CSV; their names win over ours.
    place_files: tuple[str, ...] = ()
    # PETRARCH/TABARI discard lists (`lexicon.discards`): a sentence with a listed
    # phrase is not coded, a '+' phrase drops the whole story. None by default.
    discard_files: tuple[str, ...] = ()
    # Users' codes files (`ontology.codes`): their own event codes mapped to PLOVER types.
    code_files: tuple[str, ...] = ()


@dataclass(slots=True)
class _Knowledge:
    nlp: object
    lexicon: Lexicon
    ontology: Ontology
    actors: ActorResolver
    geoparser: Geoparser
    discards: Discards
    shared_codes: actor_phoenix.SharedCodes  # entries coded "[FRO/BIL/SAM]": one actor per code


@dataclass
class Coder:
    """Codes articles into events; call `setup()` once per process (idempotent)."""

    options: CoderOptions = field(default_factory=CoderOptions)
    _k: _Knowledge | None = field(default=None, init=False, repr=False)

    def setup(self) -> Coder:
        if self._k is None:
            o = self.options
            actors = ActorResolver(extra_files=o.actor_files, replace=o.replace_actors)
            discards = Discards.from_files(o.discard_files)
            discards.extend(actor_phoenix.discard_phrases(actors.kb))  # TABARI "[###]" actors
            self._k = _Knowledge(
                nlp=nlp_mod.load(o.model),
                lexicon=load_lexicon(
                    extra=[Path(p) for p in o.lexicon_files], replace=o.replace_lexicon,
                    codes=o.code_files,
                ),
                ontology=load_ontology(o.code_files),
                actors=actors,
                geoparser=Geoparser(place_files=o.place_files),
                discards=discards,
                shared_codes=actor_phoenix.shared_codes(actors.kb),
            )
        return self

    @property
    def knowledge(self) -> _Knowledge:
        return self.setup()._k  # type: ignore[return-value]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[ArticleResult | InputFailure]:
        """Stream results; a failing or over-long article becomes an InputFailure."""
        k = self.knowledge
        too_long: list[InputFailure] = []

        def codable() -> Iterator[Article]:
            for article in articles:
                size = sum(p.end - p.start for p in article.paragraphs)
                if size > self.options.max_chars:
                    too_long.append(InputFailure(article.origin or article.id, TooLarge(
                        f"article too long to code: {size:,} characters "
                        f"(limit {self.options.max_chars:,})")))
                else:
                    yield article

        gate = self._wants_entities if self.options.entities == "events" else None
        parsed = nlp_mod.parse_articles(k.nlp, codable(), self.options.batch_size, entities_for=gate)
        for article, docs in parsed:
            yield from too_long
            too_long.clear()
            try:
                yield self._code_article(article, docs)
            except Exception as exc:  # a coder bug must not stop a backfill
                log.debug("coding failed for %s", article.id, exc_info=True)
                yield InputFailure(
                    article.origin or article.id,
                    CodingError(f"coding failed: {type(exc).__name__}: {exc}"),
                )
        yield from too_long

    def code_batch(self, articles: list[Article]) -> list[ArticleResult | InputFailure]:
        """Batch in, batch out: the unit of work for any execution engine."""
        return list(self.code_articles(articles))

    def _wants_entities(self, sent: Span) -> bool:
        """Whether a sentence's entity labels matter.

        They do where the sentence can yield a clause, and where the geoparser
        cannot do without them: a name the gazetteer knows inside a longer
        proper-noun run ("Vladimir Putin" is no town of Vladimir) or opening the
        sentence (where its capitalisation says nothing).
        """
        gaz = self.knowledge.geoparser.gaz
        doc = sent.doc
        for t in sent:
            if t.lower_ == "must":
                return True  # "X said Y must ...": a demand (see extract.clauses)
            if t.pos_ != "PROPN" or not t.text[:1].isupper():
                continue
            in_run = (t.i > sent.start and doc[t.i - 1].pos_ == "PROPN") or (
                t.i + 1 < sent.end and doc[t.i + 1].pos_ == "PROPN")
            if (in_run or t.i == sent.start) and gaz.has(t.text):
                return True
        return bool(find_triggers(sent, self.knowledge.lexicon))

    def _observe_names(self, sent: Span, ctx: ActorContext) -> None:
        """Coreference memory for a sentence the recogniser skipped: each run of proper
        nouns (or a capitalised adjective such as "Albanian", the recogniser's NORP),
        with its left modifiers, is resolved as `observe` resolves an entity."""
        doc = sent.doc
        i = sent.start
        while i < sent.end:
            if not _name_like(doc[i]):
                i += 1
                continue
            end = i + 1
            while end < sent.end and doc[end].pos_ == "PROPN":
                end += 1
            first = max(doc[i:end].root.left_edge.i, sent.start)
            self.knowledge.actors.resolve_span(doc[min(first, i):end], ctx)
            i = end

    # -- one article ---------------------------------------------------------

    def _code_article(self, article: Article, docs: list[Doc]) -> ArticleResult:
        k = self.knowledge
        places = k.geoparser.find(docs, article)
        actor_ctx = k.actors.context(article.date)
        dateline = places.dateline_place()
        if dateline is not None and dateline.country:
            actor_ctx.country = dateline.country  # home of "the army", unknown local groups
        result = ArticleResult(article=article, places=list(places.places))
        if k.discards and (phrase := k.discards.story("\n".join(d.text for d in docs))):
            log.debug("%s: story discarded (%r)", article.id, phrase)
            return result
        index = 0
        for doc in docs:
            offset = doc.user_data.get("offset", 0)
            sent_index_of: dict[int, int] = {}
            for sent in doc.sents:
                sent_index_of[sent.start] = index
                result.sentences.append((offset + sent.start_char, offset + sent.end_char))
                if nlp_mod.has_entities(sent):
                    k.actors.observe(sent, actor_ctx)
                else:
                    self._observe_names(sent, actor_ctx)
                clauses = [] if k.discards.sentence(sent.text) else find_clauses(sent, k.lexicon)
                clauses = one_per_happening(clauses, k.lexicon)  # a toll and its attack are one event
                events = [
                    self._event(article, sent, index, n, clause, actor_ctx, places)
                    for n, clause in enumerate(clauses)
                ]
                _anchor_dates(clauses, events)
                result.events.extend(events)
                index += 1
            for q in find_quotes(doc):
                speaker = k.actors.resolve_span(q.speaker, actor_ctx) if q.speaker is not None else None
                result.quotes.append(
                    Quote(
                        article_id=article.id,
                        text=q.quote.text,
                        kind=q.kind,
                        speaker=speaker,
                        start=offset + q.quote.start_char,
                        end=offset + q.quote.end_char,
                        sentence_index=sent_index_of.get(q.quote.sent.start),
                    )
                )
        return result

    def _event(
        self,
        article: Article,
        sent: Span,
        index: int,
        n: int,
        clause: Clause,
        actor_ctx: ActorContext,
        places: PlaceContext,
    ) -> Event:
        k = self.knowledge
        offset = sent.doc.user_data.get("offset", 0)
        entry = clause.entry
        code = k.ontology.cameo(entry.cameo) if entry.cameo else None
        location = self._location(clause, places)
        actors = [k.actors.doer_by_mode(a, entry.mode) for a in self._actors(clause.agents, actor_ctx)]
        # the doers' words say who acted, not who the recipients are (`resolve_span`)
        where = location.country if location is not None else None
        recipients = [r for r in self._actors(clause.patients, actor_ctx, apart=clause.agents, where=where)
                      if not _points_back(r, actors)]
        event = Event(
            id=f"{article.id}-{index}-{n}",
            article_id=article.id,
            sentence_index=index,
            sentence=sent.text,
            trigger=clause.trigger.text,
            type=entry.type,
            mode=entry.mode,
            contexts=list(entry.contexts),
            cameo=entry.cameo,
            quad_class=code.quad_class if code else None,
            goldstein=code.goldstein if code else None,
            actors=actors,
            recipients=recipients,
            location=location,
            fatalities=clause.fatalities,
            injuries=clause.injuries,
            size=clause.size,
            modality=clause.modality,
            confidence=clause.confidence,
            sentence_start=offset + sent.start_char,
            sentence_end=offset + sent.end_char,
            trigger_start=offset + clause.trigger.start_char,
            trigger_end=offset + clause.trigger.end_char,
        )
        self._date(event, clause, article)
        _country_from_location(event)
        _unidentified_attacker(event)
        return event

    def _actors(self, spans: list[Span], ctx: ActorContext, apart: list[Span] | None = None,
                where: str | None = None) -> list[Actor]:
        out: list[Actor] = []
        for span in spans:
            resolved = self.knowledge.actors.resolve_span(span, ctx, apart=apart or (), where=where)
            for actor in actor_phoenix.every_code(resolved, self.knowledge.shared_codes) if resolved else []:
                if all((a.name, a.country, a.sector) != (actor.name, actor.country, actor.sector) for a in out):
                    out.append(actor)
        return out

    def _location(self, clause: Clause, places: PlaceContext) -> Place | None:
        """Where the event happened among the sentence's places and the clause's
        where-phrases (`PlaceContext.event_place`), else the dateline's place."""
        return places.event_place(clause.trigger, clause.places) or places.dateline_place()

    def _date(self, event: Event, clause: Clause, article: Article) -> None:
        for span in clause.times:
            resolved = dates.resolve(span.text, article.date)
            if resolved is not None:
                offset = span.doc.user_data.get("offset", 0)
                event.date = resolved.date
                event.date_precision = resolved.precision
                event.date_text = span.text
                event.date_start = offset + span.start_char
                event.date_end = offset + span.end_char
                return


# Pronouns that, as a recipient, may only point back at the doer.
_BACK_PRONOUNS = frozenset({"it", "its", "itself", "they", "their", "themselves",
                            "he", "his", "himself", "she", "her", "herself"})


def _points_back(recipient: Actor, actors: list[Actor]) -> bool:
    """A recipient pronoun resolved to the doer itself ("France said it would consult its
    partners": "its" is France) names no other party, so it is no recipient."""
    return recipient.text.lower() in _BACK_PRONOUNS and any(
        (a.name, a.country, a.sector) == (recipient.name, recipient.country, recipient.sector) for a in actors
    )


def _name_like(tok: Token) -> bool:
    """A proper noun, or a capitalised adjective inside a sentence ("Albanian")."""
    return tok.pos_ == "PROPN" or (tok.pos_ == "ADJ" and tok.text[:1].isupper() and not tok.is_sent_start)


_TIME_UNITS = {"day", "days", "week", "weeks"}


def _clause_verb(clause: Clause) -> Token:
    """The verb that carries a clause: its trigger, or the verb a nominal trigger
    is the subject or object of ("air strikes killed" -> killed)."""
    tok = clause.trigger.root
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return tok.head
    return tok


def _anchor_dates(clauses: list[Clause], events: list[Event]) -> None:
    """Date an event from another in its sentence: "stormed the embassy on Tuesday,
    two days after US air strikes killed 25" puts the strikes two days before Tuesday.

    Applies where the clause is an adverbial clause marked by after/before with a
    measure of days or weeks, and the clause it modifies has a resolved date.
    """
    verbs = [_clause_verb(c) for c in clauses]
    for i, verb in enumerate(verbs):
        if verb.dep_ != "advcl":
            continue
        marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
        measures = [c for c in verb.children if c.dep_ == "npadvmod" and c.lower_ in _TIME_UNITS]
        if not marks or not measures:
            continue
        anchor = next(
            (events[j] for j, v in enumerate(verbs) if v == verb.head and events[j].date), None
        )
        if anchor is None or anchor.date_precision != "day":
            continue
        measure = measures[0]
        expr = " ".join(t.text for t in measure.doc[measure.left_edge.i:measure.i + 1]) + " " + marks[0].text
        days = dates.offset_days(expr)
        if days is None:
            continue
        # "X, two days after Y": Y is two days before X (and the reverse for "before").
        shifted = dates.shift(dates.ResolvedDate(anchor.date, "day"), -days)
        event = events[i]
        offset = measure.doc.user_data.get("offset", 0)
        event.date, event.date_precision = shifted.date, shifted.precision
        event.date_text = expr
        event.date_start = offset + measure.left_edge.idx
        event.date_end = offset + marks[0].idx + len(marks[0])


def _country_from_location(event: Event) -> None:
    """A role actor with no nationality ("protesters", "police") acts where the event is.

    News names the country once and then speaks of "police" or "protesters"; coders
    since TABARI give such actors the country of the event's place; so do people
    said with an article ("a man", "the residents"), not "the army" or "a drone",
    which may be a foreign state's (`takes_event_country`).
    """
    loc = event.location
    if loc is None or not loc.country:
        return
    for actor in (*event.actors, *event.recipients):
        if takes_event_country(actor):
            actor.country = loc.country
            actor.why = f"{actor.why or 'role'}; country from event location {loc.name}"


def _unidentified_attacker(event: Event) -> None:
    """An attack with no named perpetrator ("a car bomb killed 12 in Beirut") is coded,
    as PLOVER does, to unidentified forces (UAF) of the country where it happened."""
    loc = event.location
    if event.type != "ASSAULT" or event.actors or loc is None or not loc.country:
        return
    event.actors.append(Actor(
        text="", name="unidentified attackers", country=loc.country, sector="UAF",
        why=f"unidentified attacker; country of the event's place {loc.name}",
    ))


def code(
    text: str,
    date: str | None = None,
    *,
    title: str | None = None,
    source: str | None = None,
    include_all: bool = False,
    coder: Coder | None = None,
) -> list[Event]:
    """Code one text: `tidings.code("Protesters stormed ...", date="2019-12-31")`.

    Returns asserted events unless `include_all` (negated, hypothetical and
    future clauses too). Raises `InputError` for unusable text.
    """
    from .ingest import article_from_text

    coder = coder or _default_coder()
    article = article_from_text(text, title=title, date=date, source=source)
    (result,) = coder.code_batch([article])
    if isinstance(result, InputFailure):
        raise result.error
    return [e for e in result.events if include_all or e.modality == "asserted"]


_DEFAULT: Coder | None = None


def _default_coder() -> Coder:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Coder().setup()
    return _DEFAULT
