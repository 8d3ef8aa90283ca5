"""Synthetic coded articles for store benchmarks, demos and tests.

Made from a seeded random generator over a small fixed vocabulary of actors
and places, so a run is reproducible and needs no model, corpus or network.
The records are plausible in shape (every field of the contract filled the
way the coder fills it, spans pointing into the article text), not in content.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from ..model import PLOVER_TYPES, Actor, Article, ArticleResult, Event, Place, Quote

# (name, country, sector)
ACTORS: tuple[tuple[str, str, str], ...] = (
    ("Iraqi government", "IRQ", "GOV"), ("Iraqi protesters", "IRQ", "OPP"),
    ("Kataeb Hezbollah", "IRQ", "REB"), ("United States", "USA", "GOV"),
    ("US military", "USA", "MIL"), ("Iran", "IRN", "GOV"), ("Israeli army", "ISR", "MIL"),
    ("Hamas", "PSE", "REB"), ("Russian government", "RUS", "GOV"), ("Ukrainian army", "UKR", "MIL"),
    ("United Nations", "IGO", "IGO"), ("French police", "FRA", "COP"), ("Sudanese army", "SDN", "MIL"),
    ("Rapid Support Forces", "SDN", "REB"), ("Chinese government", "CHN", "GOV"),
    ("Nigerian police", "NGA", "COP"), ("Boko Haram", "NGA", "REB"), ("Indian government", "IND", "GOV"),
)
# (name, country, admin1, lat, lon, geonameid, feature)
PLACES: tuple[tuple[str, str, str, float, float, int, str], ...] = (
    ("Baghdad", "IRQ", "Baghdad", 33.34, 44.40, 98182, "PPLC"),
    ("Washington", "USA", "District of Columbia", 38.90, -77.04, 4140963, "PPLC"),
    ("Tehran", "IRN", "Tehran", 35.69, 51.42, 112931, "PPLC"),
    ("Gaza", "PSE", "Gaza Strip", 31.50, 34.47, 281133, "PPLA"),
    ("Moscow", "RUS", "Moscow", 55.75, 37.62, 524901, "PPLC"),
    ("Kyiv", "UKR", "Kyiv City", 50.45, 30.52, 703448, "PPLC"),
    ("Paris", "FRA", "Ile-de-France", 48.85, 2.35, 2988507, "PPLC"),
    ("Khartoum", "SDN", "Khartoum", 15.55, 32.53, 379252, "PPLC"),
    ("Beijing", "CHN", "Beijing", 39.91, 116.40, 1816670, "PPLC"),
    ("Lagos", "NGA", "Lagos", 6.45, 3.39, 2332459, "PPLA"),
    ("Maiduguri", "NGA", "Borno", 11.85, 13.16, 2331447, "PPLA"),
    ("New Delhi", "IND", "Delhi", 28.64, 77.22, 1261481, "PPLC"),
)
TRIGGERS: dict[str, tuple[str, str, int, float]] = {
    # type: (trigger word, CAMEO code, quad class, Goldstein)
    "AGREE": ("agreed", "057", 1, 8.0), "CONSULT": ("met", "040", 1, 1.0),
    "SUPPORT": ("praised", "051", 1, 3.4), "CONCEDE": ("eased", "080", 2, 5.0),
    "COOPERATE": ("cooperated", "060", 2, 6.0), "AID": ("sent aid to", "070", 2, 7.0),
    "RETREAT": ("withdrew", "087", 2, 9.0), "REQUEST": ("urged", "020", 1, 3.0),
    "ACCUSE": ("accused", "112", 3, -2.0), "REJECT": ("rejected", "120", 3, -4.0),
    "THREATEN": ("threatened", "130", 3, -4.4), "PROTEST": ("protested against", "140", 3, -6.5),
    "SANCTION": ("sanctioned", "163", 3, -8.0), "MOBILIZE": ("deployed troops near", "150", 4, -7.2),
    "COERCE": ("arrested members of", "173", 4, -5.0), "ASSAULT": ("attacked", "190", 4, -10.0),
}


def _actor(rng: random.Random, text_pos: int) -> Actor:
    name, country, sector = rng.choice(ACTORS)
    return Actor(text=name, name=name, country=country, sector=sector, start=text_pos, end=text_pos + len(name))


def make_result(rng: random.Random, n: int, day: dt.date, events_per_article: int) -> ArticleResult:
    """One synthetic article (number n, published on `day`) with its events."""
    article_id = f"syn{n:07d}"
    parts: list[str] = []
    evs: list[Event] = []
    sentences: list[tuple[int, int]] = []
    pos = 0
    for i in range(events_per_article):
        etype = rng.choice(PLOVER_TYPES)
        trig, cameo, quad, goldstein = TRIGGERS[etype]
        a = _actor(rng, pos)
        t_start = a.end + 1
        r = _actor(rng, t_start + len(trig) + 1)
        place = rng.choice(PLACES)
        p_start = r.end + 4
        sentence = f"{a.text} {trig} {r.text} in {place[0]} on {day.isoformat()}."
        loc = Place(text=place[0], name=place[0], country=place[1], admin1=place[2],
                    lat=place[3] + rng.uniform(-0.2, 0.2), lon=place[4] + rng.uniform(-0.2, 0.2),
                    geonameid=place[5], feature=place[6], start=p_start, end=p_start + len(place[0]))
        evs.append(Event(
            id=f"{article_id}-e{i}", article_id=article_id, sentence_index=i, sentence=sentence,
            trigger=trig, type=etype, cameo=cameo, quad_class=quad, goldstein=goldstein,
            actors=[a], recipients=[r], location=loc, date=day.isoformat(), date_text=day.isoformat(),
            date_precision="day", fatalities=rng.choice((None, None, None, rng.randint(1, 40))),
            confidence=round(rng.uniform(0.5, 1.0), 3), sentence_start=pos, sentence_end=pos + len(sentence),
            trigger_start=t_start, trigger_end=t_start + len(trig),
            date_start=pos + len(sentence) - 11, date_end=pos + len(sentence) - 1,
        ))
        sentences.append((pos, pos + len(sentence)))
        parts.append(sentence)
        pos += len(sentence) + 1
    text = " ".join(parts)
    article = Article(id=article_id, text=text, title=f"Synthetic report {n}", date=day.isoformat(),
                      source=rng.choice(("AFP", "Reuters", "AP")), language="en")
    quote = Quote(article_id=article_id, text=parts[0], kind="statement", speaker=evs[0].actors[0],
                  start=0, end=len(parts[0]), sentence_index=0) if parts else None
    return ArticleResult(article=article, events=evs, quotes=[quote] if quote else [],
                         places=[e.location for e in evs if e.location], sentences=sentences)


def synthetic_results(n_articles: int, events_per_article: int = 10, seed: int = 7,
                      start: str = "2015-01-01", days: int = 3650) -> Iterator[ArticleResult]:
    """`n_articles` synthetic articles spread over `days` days from `start`."""
    rng = random.Random(seed)
    first = dt.date.fromisoformat(start)
    for n in range(n_articles):
        day = first + dt.timedelta(days=rng.randrange(days))
        yield make_result(rng, n, day, events_per_article)
