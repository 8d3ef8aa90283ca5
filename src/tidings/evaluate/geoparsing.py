"""Geoparsing scorer: LGL (local US news) and GeoWebNews against the Geoparser.

Each gold article is split into paragraphs at line breaks, parsed, and run
through `Geoparser.find`. A gold toponym (one with coordinates) is *recognised*
when a predicted place overlaps its span; among those:

- `acc161`: predicted point within 161 km of the gold point;
- `exact`: same GeoNames id, or within 5 km (supplement entries carry no id);
- `country`: same country (gold country from LGL's tag, or for GWN from the
  gold GeoNames id through our gazetteer; unknown countries are not scored).

`recall` is recognised / gold toponyms; `precision` is predicted places that
overlap a gold toponym span (any gold annotation in GWN, whose literal
expressions and non-toponyms also mark named places) / predicted places.
`acc161_gold_spans` resolves every gold span with `Geoparser.resolve_span`
in the article's context: resolution alone, independent of recognition.

Run: `python -m tidings.evaluate.geoparsing lgl|gwn [--limit N]`.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ..model import Article, Paragraph, Place
from .common import EvalError, Report, gold_path, ratio, sha256_of

SETS = {"lgl": "lgl.xml", "gwn": "GWN.xml"}
EXACT_KM = 5.0
ACC_KM = 161.0


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None  # ISO3 when known

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _float(el: ET.Element | None) -> float | None:
    return float(el.text) if el is not None and el.text and el.text.strip() else None


def read_lgl(path) -> list[GoldArticle]:
    from ..resolve.gazetteer import get

    gaz = get()
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        g = GoldArticle(id=art.get("docid", str(len(out))), text=art.findtext("text") or "")
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            top = GoldToponym(int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase") or "")
            if tag is not None:
                top.lat, top.lon = _float(tag.find("lat")), _float(tag.find("lon"))
                top.geonameid = int(tag.get("geonameid")) if tag.get("geonameid") else None
                cname = tag.findtext("country")
                cands = [c for c in gaz.candidates(cname or "") if c.feature == "PCLI"]
                top.country = cands[0].country if cands else None
            g.toponyms.append(top)
        out.append(g)
    return out


def read_gwn(path) -> list[GoldArticle]:
    from ..resolve.gazetteer import get

    countries = get().countries_by_geonameid()
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        g = GoldArticle(id=art.get("file", str(len(out))), text=art.findtext("text") or "")
        for t in art.iter("toponym"):
            top = GoldToponym(int(t.findtext("start")), int(t.findtext("end")), t.findtext("extractedName") or "")
            top.lat, top.lon = _float(t.find("latitude")), _float(t.find("longitude"))
            gid = (t.findtext("geonamesID") or "").strip()
            top.geonameid = int(gid) if gid.isdigit() else None
            top.country = countries.get(top.geonameid) if top.geonameid else None
            g.toponyms.append(top)
        out.append(g)
    return out


def to_article(g: GoldArticle) -> Article:
    """The gold text as an article; paragraphs at line breaks, offsets unchanged."""
    paras, pos = [], 0
    for line in g.text.split("\n"):
        if line.strip():
            paras.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return Article(id=g.id, text=g.text, paragraphs=paras)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _judge(gold: GoldToponym, p: Place, counts: dict[str, int], prefix: str = "") -> None:
    if p.lat is None or p.lon is None:
        return
    d = km(gold.lat, gold.lon, p.lat, p.lon)
    counts[prefix + "acc161"] += d <= ACC_KM
    counts[prefix + "exact"] += (gold.geonameid is not None and gold.geonameid == p.geonameid) or d <= EXACT_KM
    if gold.country:
        counts[prefix + "country_n"] += 1
        counts[prefix + "country"] += gold.country == p.country


def score(set_name: str, limit: int | None = None, errors: list | None = None) -> dict:
    """Score the Geoparser on `lgl` or `gwn`; `errors` collects misses for study."""
    from ..nlp import load, parse_articles
    from ..resolve.places import Geoparser

    key = set_name.lower()
    if key not in SETS:
        raise EvalError(f"unknown geoparsing set {set_name!r}: choose from {', '.join(SETS)}")
    path = gold_path("geoparsing", SETS[key])
    gold = (read_lgl if key == "lgl" else read_gwn)(path)[:limit]
    geo, nlp = Geoparser(), load()
    by_id = {g.id: g for g in gold}
    c: dict[str, int] = {k: 0 for k in ("gold", "found", "pred", "pred_ok", "acc161", "exact", "country",
                                        "country_n", "g_acc161", "g_exact", "g_country", "g_country_n")}
    t0 = time.perf_counter()
    for article, docs in parse_articles(nlp, (to_article(g) for g in gold)):
        g = by_id[article.id]
        ctx = geo.context(docs, article)
        places = ctx.places
        c["pred"] += len(places)
        c["pred_ok"] += sum(any(_overlap(p.start, p.end, t.start, t.end) for t in g.toponyms) for p in places)
        spans = _span_index(docs)
        for t in g.toponyms:
            if not t.located:
                continue
            c["gold"] += 1
            hit = next((p for p in places if _overlap(p.start, p.end, t.start, t.end)), None)
            if hit is not None:
                c["found"] += 1
                before = c["acc161"]
                _judge(t, hit, c)
                if errors is not None and c["acc161"] == before:
                    errors.append((g.id, t.text, (t.lat, t.lon), hit.name, hit.country, hit.lat, hit.lon))
            span = spans(t.start, t.end)
            resolved = geo.resolve_span(span, ctx) if span is not None else None
            if resolved is not None:
                _judge(t, resolved, c, "g_")
    seconds = time.perf_counter() - t0
    return {
        "set": key,
        "articles": len(gold),
        "gold_toponyms": c["gold"],
        "acc161": ratio(c["acc161"], c["found"]),
        "exact": ratio(c["exact"], c["found"]),
        "country": ratio(c["country"], c["country_n"]),
        "recall": ratio(c["found"], c["gold"]),
        "precision": ratio(c["pred_ok"], c["pred"]),
        "acc161_gold_spans": ratio(c["g_acc161"], c["gold"]),
        "exact_gold_spans": ratio(c["g_exact"], c["gold"]),
        "country_gold_spans": ratio(c["g_country"], c["g_country_n"]),
        "seconds": round(seconds, 1),
        "gold_sha256": sha256_of(path),
    }


def _span_index(docs):
    """A function mapping article offsets to the spaCy span covering them."""

    def find(start: int, end: int):
        for doc in docs:
            off = doc.user_data.get("offset", 0)
            if off <= start and end <= off + len(doc.text):
                return doc.char_span(start - off, end - off, alignment_mode="expand")
        return None

    return find


def report(set_name: str, limit: int | None = None) -> Report:
    """The scores as a `Report` for `tidings eval` and the gate."""
    r = score(set_name, limit)
    keys = ("acc161", "exact", "country", "recall", "precision", "acc161_gold_spans")
    return Report(set_name=f"geoparsing_{r['set']}", n=r["gold_toponyms"], limit=limit,
                  headline={k: r[k] for k in keys}, gold_sha256=r["gold_sha256"],
                  notes=[f"{r['articles']} articles in {r['seconds']} s"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.evaluate.geoparsing")
    ap.add_argument("set", choices=sorted(SETS))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print this many resolution misses")
    args = ap.parse_args(argv)
    errs: list = []
    print(json.dumps(score(args.set, args.limit, errs if args.errors else None), indent=1))
    for e in errs[: args.errors]:
        print(*e, sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
