"""The geoparser: toponyms in an article -> GeoNames-style `Place` records.

Usage (per process, then per article)::

    geo = Geoparser()
    ctx = geo.context(docs, article)      # PlaceContext: places, metonyms, evidence
    list(ctx)                             # the places (find() returns the same context)
    ctx.resolve_span(span)                # the place a spaCy span names, or None
    ctx.event_place(trigger)              # where that event happened, or None
    geo.lookup("Alexandria", country="USA")

Resolution scores every gazetteer reading of a name by population, feature
(countries and capitals are what news usually means), exactness of the name,
and the article's evidence: the dateline, countries and first-level divisions
named elsewhere in the article, demonyms, a ", State" qualifier, and the other
names' likely places (readings in the same division or near them win; every
name is read twice, the second time against the others' first readings, so
"Paris" and "Henry County" settle on Tennessee together). Evidence from a name
never supports its own reading (no self-reinforcement), and one name keeps one
reading throughout the article, except where the text itself tells two apart ("Camp
Murray, Wash." is the state, "Washington, D.C." the city: a qualifier and a qualified
name keep their own readings). A country's metropolis (Louisville, Portland) wins over
its far smaller namesakes unless the article's local evidence for one is strong. "Washington said" is the US
government, not a place: such metonyms are kept apart in `ctx.metonyms`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..model import Article, Place
from .gazetteer import GazEntry, Gazetteer, get, name_keys, norm
from .geo_recognise import Mention, Recogniser, _lookup_key, _trim

MAX_CANDIDATES = 60
FEATURE_BONUS = {"PCLI": 4.0, "CONT": 3.0, "PPLC": 2.0, "RGN": 2.0, "ADM1": 1.0, "AREA": 1.0}
DEFAULT_POP = {"ADM1": 300_000, "ADM2": 30_000, "RGN": 100_000, "PPLX": 10_000}
ADMIN_FEATURES = ("ADM1", "ADM2", "RGN", "AREA")
AREA_FEATURES = ("ADM1", "PCLI")  # what a ", State" or ", Country" qualifier names
COHERENCE = 2.0  # score per other name expected in the same first-level division...
COHERENCE_CAP = 2.0  # ...counting at most this many names
ALT_NAME_PENALTY = 2.0  # the text uses only an alternate name of the place
COUNTRY_NAME_PENALTY = 3.0  # a country's name read as a place in it that is called otherwise
SPATIAL = 1.5  # score per other name whose likely reading lies within NEAR_KM
METRO_SPREAD = 0.5  # a metropolis is named for itself: it says less about where the others lie
LOCAL_CAP = 6.0  # local evidence never outweighs a millionfold difference in size
NEAR_KM = 150.0
NEAR_DEG2 = (NEAR_KM / 111.2) ** 2
BIG_CITY_OVER_STATE = 1_000_000  # a city this big beats its same-named state or province
METROPOLIS = 500_000  # a city this big, and...
METRO_MARGIN = 8  # ...this many times bigger than its namesakes in the same country,
METRO_BONUS = 1.5  # is what its bare name means there: Portland is Oregon's, not a Texas town's
SPREAD_TOP = 15  # readings of a name that share its probability mass
REFINE_ROUNDS = 1  # passes that re-read every name against the others' refined readings
# A reading from a user's place file outscores any of ours (size, feature and the article's
# evidence together stay far below it); only a qualifier ("Springfield, Mass.") overrules it.
USER_BONUS = 100.0


@dataclass(slots=True)
class Evidence:
    """Countries and divisions an article points at, with where each vote came from."""

    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)
    by_key: dict[str, tuple[Counter, Counter]] = field(default_factory=dict)

    def add(self, key: str | None, country: str | None, admin1: tuple[str, str] | None,
            weight: float, admin_weight: float = 0.0) -> None:
        if country:
            self.countries[country] += weight
        if admin1 and admin_weight:
            self.admin1s[admin1] += admin_weight
        if key is not None:
            c, a = self.by_key.setdefault(key, (Counter(), Counter()))
            if country:
                c[country] += weight
            if admin1 and admin_weight:
                a[admin1] += admin_weight

    def without(self, key: str) -> tuple[Counter, Counter]:
        """The evidence minus what the name `key` itself contributed."""
        own = self.by_key.get(key)
        if own is None:
            return self.countries, self.admin1s
        return self.countries - own[0], self.admin1s - own[1]


@dataclass(slots=True)
class PlaceContext:
    """Per-article state of the geoparser, returned by `Geoparser.find`.

    Iterating it (or `len`, indexing, `list(ctx)`) gives the article's places,
    so it stands wherever a `list[Place]` is expected; the methods answer the
    pipeline's per-event questions with the article's context."""

    article: Article | None
    geoparser: Geoparser | None = None
    places: list[Place] = field(default_factory=list)
    metonyms: list[Place] = field(default_factory=list)  # "Washington said": governments
    unresolved: list[Place] = field(default_factory=list)  # NER places not in the gazetteer
    dateline: Place | None = None
    evidence: Evidence = field(default_factory=Evidence)
    senses: dict[str, GazEntry] = field(default_factory=dict)  # one reading per name
    own_senses: dict[int, GazEntry] = field(default_factory=dict)  # id(mention) -> its own reading
    spreads: dict[str, Counter] = field(default_factory=dict)  # name -> P(country, admin1)
    towns: dict[str, list] = field(default_factory=dict)  # name -> [(lat, lon, P)] of towns

    @property
    def countries(self) -> list[str]:
        """ISO3 codes the article points at, strongest first."""
        return [c for c, _ in self.evidence.countries.most_common()]

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)

    def __getitem__(self, i: int) -> Place:
        return self.places[i]

    def resolve_span(self, span: Span) -> Place | None:
        """The place a span (e.g. a clause's "where") names, in this article's context."""
        if self.geoparser is None:
            return None
        return self.geoparser.resolve_span(span, self)

    def event_place(self, trigger: Span | Token, where: Sequence[Span] = ()) -> Place | None:
        """Where the event of this trigger happened (see `geo_event.event_place`).

        The rules choose among the sentence's places, unresolved names ("the village
        of Tamthil", with null coordinates) and the clause's own where-phrases (`where`,
        from the extractor) resolved in the article's context; so a title's place
        ("the commander in Iraq") loses to the visit's ("during a visit to Beirut").
        A where-phrase the rules reject (a topic, a source) stays rejected."""
        from .geo_event import event_place

        known = self.places + self.unresolved
        resolved = [p for p in (self.resolve_span(span) for span in where) if p is not None]
        extra = [p for p in resolved if all(p is not q and p.start != q.start for q in known)]
        return event_place(trigger, known + extra)

    def sentence_place(self, sent: Span) -> Place | None:
        """The sentence's own place when no trigger is known: as for its root verb."""
        return self.event_place(sent.root)

    def dateline_place(self) -> Place | None:
        """The place named in the article's dateline ("BAGHDAD"), if any."""
        return self.dateline


def to_place(e: GazEntry, text: str, start: int | None = None, end: int | None = None) -> Place:
    return Place(text=text, name=e.name, country=e.country, admin1=e.admin1, lat=e.lat, lon=e.lon,
                 geonameid=e.geonameid, feature=e.feature, start=start, end=end)


class Geoparser:
    """Finds and resolves toponyms; load once per process (the gazetteer is shared)."""

    def __init__(self, gazetteer: Gazetteer | None = None, place_files: Sequence[str | Path] = ()) -> None:
        """`place_files`: users' place dictionaries (see `Gazetteer.with_places`),
        read and checked here, so a bad file fails before any article is coded."""
        self.gaz = (gazetteer or get()).with_places(place_files)
        self.recognise = Recogniser(self.gaz)

    # -- scoring -----------------------------------------------------------------
    def rank(self, key: str, countries: Counter | None = None, admin1s: Counter | None = None,
             *, admin_hint: bool = False, qualifying: bool = False, within: GazEntry | None = None,
             nearby: Counter | None = None,
             points: list[tuple[float, float, float]] | None = None) -> list[tuple[float, GazEntry]]:
        """Readings of a name, best first, with their scores.

        `nearby` maps (country, admin1) to how much the article's other names
        are expected to lie there: readings that share a division with the
        other names win (local news names many small places in one state). `points`
        are the other names' likely town-level readings (lat, lon, weight): a reading
        near them wins too ("Decatur" beside Atlanta is Decatur, Georgia)."""
        out: list[tuple[float, GazEntry]] = []
        cands = self.gaz.candidates(key)[:MAX_CANDIDATES]
        if within is not None:
            narrowed = [c for c in cands if _inside(c, within)]
            cands = narrowed or cands
        own = (key, key + " city")  # "New York" is GeoNames' "New York City"
        big_city = {e.country: e.population for e in cands
                    if e.feature in ("PPL", "PPLC") and norm(e.name) in own and e.population >= BIG_CITY_OVER_STATE}
        support = {id(e): _support(e, points) for e in cands[:SPREAD_TOP]} if points else {}
        named_countries = {e.country for e in cands if e.feature == "PCLI" and norm(e.name) == key}
        city_countries = {e.country for e in cands if e.feature in ("PPL", "PPLC") and key in name_keys(e.name)}
        capital = any(e.feature == "PPLC" and norm(e.name) in own for e in cands)
        # a well-known division's own name means the division, not a small town named after it
        named_division = any(e.feature == "ADM1" and e.population and norm(e.name) == key for e in cands)
        metros = _metropolises(cands, key)
        for e in cands:
            # "St. Petersburg" is Saint Petersburg's own name, not an alternate one
            own_name = norm(e.name) in own or key in name_keys(e.name)
            pop = e.population or DEFAULT_POP.get(e.feature, 1000)
            if not e.population and e.feature == "ADM1":
                pop = min(pop, self.gaz.admin1_share(e.country) or pop)
                if e.country in city_countries and not admin_hint:
                    pop = 1000  # a division named after its city: the bare name is the city
            # a division known only by name (no population) earns no feature bonus
            s = math.log10(pop + 1) + (FEATURE_BONUS.get(e.feature, 0.0) if e.population else 0.0)
            if e.user:
                s += USER_BONUS  # the researcher's own place for this name
            if id(e) in metros and countries and countries.get(e.country, 0) > 0:
                s += METRO_BONUS  # a story set in Texas names Portland, Ore. bare too
            if not own_name and e.feature != "PCLI":
                s -= ALT_NAME_PENALTY
            if e.feature != "PCLI" and e.country in named_countries and norm(e.name) != key:
                s -= COUNTRY_NAME_PENALTY  # a country's own name means the country, not Mexico City
            if named_division and e.feature in ("PPL", "PPLX") and e.population < BIG_CITY_OVER_STATE \
                    and within is None:
                s -= COUNTRY_NAME_PENALTY  # "Kansas" is the state, not Kansas, Illinois
            if capital and e.feature == "ADM1" and not admin_hint and not qualifying:
                s -= 2.0  # "Washington" is the capital, unless "Washington state" or "Seattle, Washington"
            if e.feature == "ADM1" and e.country in big_city and not (
                    nearby and nearby.get((e.country, e.admin1), 0) > 0 and not any(
                        support.get(id(c), 0) for c in cands if c.country == e.country
                        and c.population == big_city[e.country])):
                s -= 2.0  # "New York": the city, unless other names are upstate
            local = 0.0  # what the article's other names say about this reading
            if e.feature not in ("PCLI", "ADM1", "CONT", "RGN"):
                local += SPATIAL * min(support.get(id(e), 0.0), 2.0)
            if admin_hint and e.feature in ADMIN_FEATURES:
                s += 3.0
            if countries and e.country and e.feature != "PCLI" and countries.get(e.country, 0) > 0:
                s += 1.0 + 0.5 * min(countries[e.country], 3.0)
            if e.admin1 and e.country and e.feature != "PCLI":
                said = admin1s.get((e.country, e.admin1), 0.0) if admin1s and e.feature != "ADM1" else 0.0
                near = nearby.get((e.country, e.admin1), 0.0) if nearby else 0.0
                local += max(1.5 + 0.5 * min(said, 3.0) if said > 0 else 0.0, COHERENCE * min(near, COHERENCE_CAP))
            out.append((s + min(local, LOCAL_CAP), e))
        out.sort(key=lambda p: -p[0])
        return out

    def _best(self, m: Mention, ctx: PlaceContext, use_evidence: bool) -> GazEntry | None:
        ranked = self._ranked(m, ctx, use_evidence)
        return ranked[0][1] if ranked else None

    def _ranked(self, m: Mention, ctx: PlaceContext, use_evidence: bool) -> list[tuple[float, GazEntry]]:
        """A mention's readings, best first: from its name (and dateline) alone, or
        with the article's evidence and the other names' likely places."""
        within = (ctx.own_senses.get(id(m.qualifier)) or ctx.senses.get(m.qualifier.key)) \
            if m.qualifier is not None else None
        if within is None and m.qualifier is not None:
            ranked_q = self.rank(m.qualifier.key, admin_hint=m.qualifier.admin_hint, qualifying=True)
            within = ranked_q[0][1] if ranked_q else None
        countries, admin1s = ctx.evidence.without(m.key) if use_evidence else (None, None)
        if not use_evidence and ctx.dateline is not None:
            countries = Counter({ctx.dateline.country: 2.0}) if ctx.dateline.country else None
        nearby, points = None, None
        if use_evidence:
            nearby = Counter()
            points = []
            for key, spread in ctx.spreads.items():
                if key != m.key:
                    nearby.update(spread)
                    points.extend(ctx.towns.get(key, ()))
        ranked = self.rank(m.key, countries, admin1s, admin_hint=m.admin_hint, qualifying=m.qualifies,
                           within=within, nearby=nearby, points=points)
        if not use_evidence and ranked and m.key not in ctx.spreads:
            ctx.spreads[m.key] = _spread(ranked)
            ctx.towns[m.key] = _town_points(ranked)
        return ranked

    # -- articles ----------------------------------------------------------------
    def context(self, docs: list[Doc], article: Article | None) -> PlaceContext:
        """Find and resolve every toponym in an article's paragraph docs."""
        ctx = PlaceContext(article=article, geoparser=self)
        if article is not None and article.dateline:
            ctx.dateline = self.lookup(article.dateline)
            if ctx.dateline is not None:
                d = ctx.dateline
                ctx.evidence.add(None, d.country, (d.country, d.admin1) if d.admin1 else None, 3.0, 2.0)
        found: list[tuple[Doc, Mention]] = []
        for doc in docs:
            rec = self.recognise(doc)
            for iso3 in rec.demonym_countries:
                ctx.evidence.add(None, iso3, None, 0.5)
            found.extend((doc, m) for m in rec.mentions)
            off = doc.user_data.get("offset", 0)
            ctx.unresolved.extend(Place(text=sp.text, start=off + sp.start_char, end=off + sp.end_char)
                                  for sp in rec.unknown)
        # pass 1: readings from the name alone (plus dateline), to gather evidence
        for _doc, m in found:
            e = self._best(m, ctx, use_evidence=False)
            if e is None:
                continue
            qualified = m.qualifier is not None
            weight = {"PCLI": 2.0, "ADM1": 1.5}.get(e.feature, 1.0) + (1.0 if qualified else 0.0)
            admin = (e.country, e.admin1) if e.country and e.admin1 else None
            ctx.evidence.add(m.key, e.country, admin, weight,
                             2.0 if e.feature in ("ADM1", "ADM2") or qualified else 0.5)
        # pass 2: readings with the evidence; pass 3 again, with every other name's
        # spread taken from pass 2 (so "Paris" and "Henry County" settle together)
        ranked = self._choose(found, ctx)
        for _ in range(REFINE_ROUNDS):
            for key, r in ranked.items():
                ctx.spreads[key], ctx.towns[key] = _spread(r), _town_points(r)
            ctx.senses.clear()
            ranked = self._choose(found, ctx)
        for doc, m in found:
            e = ctx.own_senses.get(id(m)) or ctx.senses.get(m.key)
            if e is None:
                continue
            place = self._place(doc, m, e)
            (ctx.metonyms if m.metonym and e.feature != "PCLI" else ctx.places).append(place)
        return ctx

    def _choose(self, found: list[tuple[Doc, Mention]], ctx: PlaceContext) -> dict[str, list]:
        """One reading per name with the evidence (into `ctx.senses`); qualifiers
        first, then qualified mentions, so their readings carry to bare repeats.
        A qualifier or a qualified mention keeps its own reading (`ctx.own_senses`):
        in "Camp Murray, Wash." Washington is the state, in "Washington, D.C." the
        city. Returns each name's ranked readings."""
        out: dict[str, list] = {}
        ctx.own_senses.clear()
        areas = {id(m): self._area_name(m.key) for _doc, m in found if m.qualifies}
        for _doc, m in sorted(found, key=lambda dm: (not areas.get(id(dm[1])), dm[1].qualifier is None)):
            area = areas.get(id(m), False)
            if m.key in ctx.senses and m.qualifier is None and not area:
                continue
            r = self._ranked(m, ctx, use_evidence=True)
            if area:  # "Wash." after a town is a state (or a country), not a city
                r = [p for p in r if p[1].feature in AREA_FEATURES]
            if not r:
                continue
            if m.qualifier is not None or area:
                ctx.own_senses[id(m)] = r[0][1]
            if m.key not in ctx.senses:
                ctx.senses[m.key] = r[0][1]
                out[m.key] = r
        return out

    def _area_name(self, key: str) -> bool:
        """Whether a name can be a state or country (a qualifier proper: "Wash.",
        "Iraq"), not only a town ("Madison" in a list of counties)."""
        return any(e.feature in AREA_FEATURES for e in self.gaz.candidates(key)[:MAX_CANDIDATES])

    def _place(self, doc: Doc, m: Mention, e: GazEntry) -> Place:
        offset = doc.user_data.get("offset", 0)
        span = m.span
        if m.direction:  # "north Atlantic Ocean" is a place of its own, the North Atlantic
            joined = self.gaz.candidates(f"{m.direction} {m.key}")
            if joined and joined[0].feature in ("PCLI", "ADM1", "RGN"):
                span = doc[span.start - 1:span.end]
                return to_place(joined[0], span.text, offset + span.start_char, offset + span.end_char)
        if m.direction and e.feature in ("PCLI", "ADM1", "RGN"):
            span = doc[span.start - 1:span.end]
            p = to_place(e, span.text, offset + span.start_char, offset + span.end_char)
            p.name, p.feature, p.geonameid = f"{m.direction} {e.name}", "RGN", None
            return p
        return to_place(e, span.text, offset + span.start_char, offset + span.end_char)

    def find(self, docs: list[Doc], article: Article | None) -> PlaceContext:
        """Every toponym in the article, offsets into `Article.text` (contract).

        The result iterates as the list of places and carries the article's
        context for `resolve_span` / `event_place` / `dateline_place`."""
        return self.context(docs, article)

    def resolve_span(self, span: Span, ctx: PlaceContext) -> Place | None:
        """The place a span names: a found toponym inside it, else a context lookup.

        None means the span names no known place (not a failure)."""
        offset = span.doc.user_data.get("offset", 0)
        s, e = offset + span.start_char, offset + span.end_char
        inside = [p for p in ctx.places if p.start is not None and s <= p.start and p.end <= e]
        if inside:
            return inside[0]
        trimmed = _trim(span)
        found = _lookup_key(self.gaz, trimmed) if trimmed is not None else None
        if found is None:
            return None
        entry = ctx.senses.get(found[0])
        if entry is None:
            countries, admin1s = ctx.evidence.without(found[0])
            ranked = self.rank(found[0], countries, admin1s, admin_hint=found[1])
            if not ranked:
                return None
            entry = ranked[0][1]
        return to_place(entry, trimmed.text, offset + trimmed.start_char, offset + trimmed.end_char)

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The most likely place called `name` (optionally within an ISO3 country).

        A trailing ", State" or ", Country" narrows the reading ("Alexandria, La.")."""
        text = name.strip()
        head, _, tail = text.partition(",")
        within = None
        if tail.strip():
            qualifier = self._state(tail.strip()) or self.lookup(tail.strip())
            if qualifier is not None and qualifier.feature in ("ADM1", "PCLI"):
                within = GazEntry(qualifier.geonameid, qualifier.name or "", qualifier.country,
                                  qualifier.admin1, qualifier.lat or 0.0, qualifier.lon or 0.0,
                                  qualifier.feature, 0)
                text = head.strip()
        key = norm(text)
        admin_hint = False
        if not self.gaz.has(key):
            words = key.rsplit(" ", 1)
            if len(words) == 2 and words[1] in ("province", "governorate", "state", "region", "county"):
                key, admin_hint = words[0], True
        countries = Counter({country: 3.0}) if country else None
        ranked = self.rank(key, countries, admin_hint=admin_hint, within=within)
        if country:
            ranked = [r for r in ranked if r[1].country == country] or ranked
        return to_place(ranked[0][1], name) if ranked else None

    def _state(self, abbrev: str) -> Place | None:
        from .geo_recognise import state_abbreviations

        state = state_abbreviations().get(norm(abbrev))
        return self.lookup(state, country="USA") if state else None


def _metropolises(cands: list[GazEntry], key: str) -> set[int]:
    """Ids of the readings that are a country's metropolis of this name: a city of
    METROPOLIS people called so, METRO_MARGIN times bigger than any namesake town in
    the same country (Louisville, Kentucky, not Louisville, Ohio; but Columbus, Ohio
    is not so much bigger than Columbus, Georgia to be read for it)."""
    by_country: dict[str | None, list[GazEntry]] = {}
    for e in cands:
        if e.feature in ("PPL", "PPLA", "PPLC") and key in name_keys(e.name):
            by_country.setdefault(e.country, []).append(e)
    out: set[int] = set()
    for towns in by_country.values():
        towns.sort(key=lambda e: -e.population)
        top = towns[0]
        if top.feature == "PPL" and top.population >= METROPOLIS and (
                len(towns) == 1 or top.population >= METRO_MARGIN * towns[1].population):
            out.add(id(top))
    return out


def _support(e: GazEntry, points: list[tuple[float, float, float]] | None) -> float:
    """How much of the other names' likely readings lies within NEAR_KM of `e`."""
    if not points or e.feature in ("PCLI", "ADM1", "CONT", "RGN"):
        return 0.0
    coslat = math.cos(math.radians(e.lat))
    total = 0.0
    for lat, lon, w in points:
        dx = (lon - e.lon) * coslat
        if (lat - e.lat) ** 2 + dx * dx <= NEAR_DEG2:
            total += w
    return total


def _town_points(ranked: list[tuple[float, GazEntry]]) -> list[tuple[float, float, float]]:
    """A name's likely town- or county-level readings with their probabilities.
    National capitals are left out: news names them for their governments, so a
    town near Washington is no likelier for it (Cambridge, Md. for Cambridge)."""
    top = ranked[:SPREAD_TOP]
    best = top[0][0]
    weights = [10 ** (s - best) for s, _ in top]
    total = sum(weights)
    return [(e.lat, e.lon, w / total) for (_, e), w in zip(top, weights)
            if e.feature in ("PPL", "PPLX", "PPLA", "ADM2") and w / total >= 0.05]


def _spread(ranked: list[tuple[float, GazEntry]]) -> Counter:
    """Where a name probably lies: P(country, admin1) over its top readings."""
    top = ranked[:SPREAD_TOP]
    best = top[0][0]
    weights = [10 ** (s - best) for s, _ in top]
    total = sum(weights)
    out: Counter = Counter()
    for (_, e), w in zip(top, weights):
        if e.admin1 and e.feature != "PCLI":
            metro = e.population >= BIG_CITY_OVER_STATE and e.feature in ("PPL", "PPLC")
            out[(e.country, e.admin1)] += (METRO_SPREAD if metro else 1.0) * w / total
    return out


def _inside(e: GazEntry, area: GazEntry) -> bool:
    """Whether a reading lies in a qualifying state or country."""
    if area.feature == "PCLI":
        return e.country == area.country and e.feature != "PCLI"
    return e.country == area.country and e.admin1 == area.admin1 and e.feature != "ADM1"
