"""Finding toponym spans in a parsed paragraph (recognition only, no resolution).

spaCy's small model misses or mislabels many place names ("Rapides Parish" as
NORP, "Washington" as ORG), so candidates come from two sources: the entity
recogniser (GPE / LOC / FAC, and any other label whose text is a gazetteer
name) and a scan of capitalised proper-noun runs against the gazetteer. A
gazetteer-only match must earn its place by context: a locative preposition
before it, a ", State" qualifier after it, or being a country, first-level
division, capital or large city. Demonym adjectives ("Iraqi") are never
toponyms; they are returned separately as country evidence.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..lexicon.cues import word_set
from ..paths import data_dir
from .gazetteer import GazEntry, Gazetteer, name_keys, norm

LOCATIVE_PREPS = frozenset(
    "in at near from to into outside inside across toward towards through around within "
    "throughout between via of on off along beyond".split())
# Prepositions that place what follows even when the recogniser calls it a person
# ("in", unlike "to" or "from", rarely governs a person's name).
STRONG_LOCATIVES = frozenset({"in", "near", "outside"})
TOWN_POP = 10_000  # smaller places share their names with people too often
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern north-east "
    "north-west south-east south-west north-eastern north-western south-eastern "
    "south-western eastern-central".split())
# Entity labels whose text is never a place, whatever the gazetteer says.
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                              "QUANTITY", "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Word lists are data (data/lexicon/cues/places.yaml and speech.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
# Capitalised words that are gazetteer names somewhere but almost never places in news.
COMMON_WORDS = word_set("places", "common_words")
# Capitalised words that make a name around them something else: "Lake Vermont",
# "Dublin Road", "Houston Street" are not Vermont, Dublin or Houston.
FEATURE_BEFORE = word_set("places", "feature_before")
FEATURE_AFTER = word_set("places", "feature_after")
# Nouns that frame a name as a place: "the village of X", "X district".
PLACE_FRAME_NOUNS = word_set("places", "place_frame_nouns")
JOINERS = frozenset({"and", "of", "&"})  # inside one name: "Trinidad and Tobago", "Port of Spain"
CONNECTORS = frozenset({"of", "de", "del", "la", "al", "el", "upon", "du", "des", "da", "on"})
MAX_TOKENS = 5
JOINED_MAX_TOKENS = 7  # "Democratic People's Republic of Korea" is six tokens
EXTEND_TOKENS = 3  # words an entity may run on into a longer known name ("Baja" + "California")
BIG_CITY = 100_000
RENOWNED_DIVISION = 1_000_000  # people per division of its country, for divisions without a count
SHORT_ALIAS_POP = 1_000_000  # a 1-3 letter alias counts only for a city this big (LA, NYC)


@dataclass(slots=True)
class Mention:
    """A toponym candidate: the span plus what the text around it says."""

    span: Span
    key: str  # normalised name to look up
    from_ner: bool
    direction: str | None = None  # "western" in "western Iraq"
    qualifier: Mention | None = None  # "La." in "Alexandria, La."
    metonym: bool = False  # "Washington said": the government, not the place
    admin_hint: bool = False  # "Homs province": prefer an administrative area
    qualifies: bool = False  # "Washington" in "Seattle, Washington": a state or country


@dataclass(slots=True)
class Recognised:
    mentions: list[Mention] = field(default_factory=list)
    unknown: list[Span] = field(default_factory=list)  # NER places the gazetteer lacks
    demonym_countries: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    """Normalised AP / postal abbreviation -> state name ("la" -> Louisiana)."""
    path = data_dir("places", "us_state_abbreviations.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        out: dict[str, str] = {}
        for r in rows:
            out[norm(r["ap"])] = r["state"]
            out[norm(r["postal"])] = r["state"]
    return out


@lru_cache(maxsize=1)
def ap_abbreviations() -> dict[str, str]:
    """AP abbreviation as written, dots kept, spaces and case dropped ("w.va.") -> state.
    Dots matter: "La." is Louisiana, "L.A." is Los Angeles."""
    path = data_dir("places", "us_state_abbreviations.tsv")
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return {r["ap"].replace(" ", "").lower(): r["state"] for r in rows if r["ap"].endswith(".")}


@lru_cache(maxsize=1)
def territorial_verbs() -> frozenset[str]:
    """Lemmas whose object is a place ("captured Badme"): data/places/territorial_verbs.txt."""
    path = data_dir("places", "territorial_verbs.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


SPEECH_VERBS = word_set("speech", "metonym_speech_verbs")
ADMIN_WORDS = word_set("places", "admin_words")


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper()


def _glued(tok) -> bool:
    """A hyphen or particle written together with its neighbours ("Mazar-e-Sharif")."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].whitespace_ == "" and (tok.whitespace_ == "" or tok.text == "-")


def _is_metonym(span: Span) -> bool:
    """A capital used for its government: subject of a speech or policy verb."""
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and trailing possessive / punctuation tokens."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'s", "’s")):
        end -= 1
    return doc[start:end] if end > start else None


def _lookup_key(gaz: Gazetteer, span: Span) -> tuple[str, bool] | None:
    """The gazetteer key of a span's text (with an admin word stripped), if any."""
    key = norm(span.text)
    if gaz.has(key):
        return key, span[-1].lower_ in ADMIN_WORDS
    if len(span) > 1 and span[-1].lower_ in ADMIN_WORDS:
        short = norm(span[:-1].text)
        if gaz.has(short):
            return short, True
    return None


def _own_name(key: str, name: str) -> bool:
    """Whether a key is the place's own name or a longer form of it ("Brest-Litovsk"
    for Brest), not an unrelated alias (Hamm's old name "Hamas")."""
    own = norm(name)
    return key in name_keys(name) or own in key.split() or key.startswith(own + " ")


def _listed(doc: Doc, m: Mention, q: Mention, mentions: list[Mention]) -> bool:
    """"Washington, New York and Boston" is a list of places, not a town in New York:
    the second name runs on into "and"/"or", or the first follows another place and a comma."""
    after = doc[q.span.end] if q.span.end < len(doc) else None
    if after is not None and after.lower_ in ("and", "or", "&"):
        return True
    before = m.span.start - 1
    return before > 0 and doc[before].text == "," and any(
        o.span.end == before and not o.qualifies for o in mentions)  # "Louisville, Ky., New Haven, Conn." is no list


class Recogniser:
    """Finds toponym mentions in one spaCy Doc using NER plus the gazetteer."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.abbrev = state_abbreviations()
        self.ap = ap_abbreviations()
        # every start of a demonym ("sri", "sri lankan"): a name's first word must be one
        self.demonym_prefixes = frozenset(k[:j] for k in gaz.demonyms for j in range(1, len(k) + 1))

    def __call__(self, doc: Doc) -> Recognised:
        out = Recognised()
        taken = [False] * len(doc)
        blocked = [False] * len(doc)
        self._joined_names(doc, out, taken)
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT") and len(ent) > 1:
                for t in ent:
                    blocked[t.i] = True
            if ent.label_ == "NORP" or (len(ent) == 1 and self.gaz.demonym_country(ent.text)):
                iso3 = self.gaz.demonym_country(ent.text)
                if iso3:
                    out.demonym_countries.append(iso3)
                    for t in ent:
                        blocked[t.i] = True
                    continue
            if ent.label_ in NOT_PLACE_LABELS:
                continue
            span = _trim(ent)
            if span is None:
                continue
            span = self._extend_known(self._extend_abbreviated(span))
            found = self._key(span)
            if found is None and ent.label_ in PLACE_LABELS and len(span) > 1 and self._is_modifier(span[0]):
                span = span[1:]  # "U.S. Virgin Islands": the rest names the place
                found = self._key(span) if _capitalised(span[0]) else None
            if ent.label_ in PLACE_LABELS:
                for t in ent:  # the rest of a place name is no separate toponym
                    blocked[t.i] = True
            if found is None:
                if ent.label_ in PLACE_LABELS and _trim(ent) is not None and not any(taken[t.i] for t in ent):
                    out.unknown.append(_trim(ent))
                continue
            if found[0] in COMMON_WORDS or (ent.label_ not in PLACE_LABELS and not self._renowned(found[0])
                                            and not self._placed_by_preposition(span, found[0])) \
                    or self._only_alias_of_hamlets(found[0]):
                continue
            self._add(out, span, found, True, taken)
        self._block_demonyms(doc, blocked, out)
        self._scan(doc, out, taken, blocked)
        self._unknown(doc, out, taken, blocked)
        out.mentions.sort(key=lambda m: m.span.start)
        self._qualify(doc, out)
        return out

    def _joined_names(self, doc: Doc, out: Recognised, taken: list[bool]) -> None:
        """Salient names joined by "and" / "of" ("Trinidad and Tobago", "Port of Spain"),
        found before the NER, which often splits them into two places or a person."""
        joins = [t.lower_ in JOINERS for t in doc]
        for i in range(len(doc) - 2):
            if taken[i] or not any(joins[i + 1:i + JOINED_MAX_TOKENS - 1]) or not _capitalised(doc[i]):
                continue
            for size in range(min(JOINED_MAX_TOKENS, len(doc) - i), 2, -1):
                if not any(joins[i + 1:i + size - 1]) or not _capitalised(doc[i + size - 1]):
                    continue
                span = doc[i:i + size]
                key = norm(span.text)
                if self.gaz.has(key) and self._salient(key) and not self._embedded(doc, span):
                    self._add(out, span, (key, False), True, taken)
                    break

    def _block_demonyms(self, doc: Doc, blocked: list[bool], out: Recognised) -> None:
        """Demonyms the NER missed ("Sri Lankan" untagged): never scanned as places."""
        for i in range(len(doc)):
            if blocked[i] or not _capitalised(doc[i]) or norm(doc[i].text) not in self.demonym_prefixes:
                continue  # every span tried below starts with this token (saves most of the slicing)
            for size in (3, 2, 1):
                span = doc[i:i + size]
                if len(span) == size and _capitalised(span[0]) and not any(blocked[t.i] for t in span):
                    iso3 = self.gaz.demonym_country(span.text)
                    if iso3:
                        out.demonym_countries.append(iso3)
                        for t in span:
                            blocked[t.i] = True
                        break

    def _is_modifier(self, tok) -> bool:
        """A country name or demonym in front of a longer place name."""
        return bool(self.gaz.demonym_country(tok.text)) or any(
            c.feature == "PCLI" for c in self.gaz.candidates(tok.text)[:1])

    def _only_alias_of_hamlets(self, key: str) -> bool:
        """Known only as another name of small places ("City Hall", "Island"): noise.

        A short alias ("St" for Sète, "Fla" for Florencia) is noise too unless it
        names a country, a division or a city of a million ("UK", "LA", "NYC")."""
        cands = self.gaz.candidates(key)
        if len(key.replace(" ", "")) <= 3 and not any(
                norm(c.name) == key or c.feature in ("PCLI", "ADM1") or c.population >= SHORT_ALIAS_POP
                for c in cands):
            return True
        return all(norm(c.name) != key and c.population < 5000 and c.feature in ("PPL", "PPLX")
                   for c in cands)

    def _key(self, span: Span) -> tuple[str, bool] | None:
        """The gazetteer key of a span; an AP state abbreviation ("Fla.", "Pa.") is its state."""
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        text = span.text + ("." if nxt is not None and nxt.text == "." and nxt.idx == span.end_char else "")
        state = self.ap.get(text.replace(" ", "").lower())
        if state is not None and _capitalised(span[0]) \
                and not (nxt is not None and nxt.pos_ == "PROPN" and _capitalised(nxt)):  # "Miss. Jones"
            return norm(state), True
        return _lookup_key(self.gaz, span)

    def _extend_abbreviated(self, span: Span) -> Span:
        """An entity cut after an abbreviation ("ST" of "ST. PAUL"): the longest
        gazetteer name that continues it through a dot and capitalised words."""
        doc = span.doc
        if len(span[-1].text.rstrip(".")) > 3 or span.end >= len(doc):
            return span
        best = span
        end = span.end
        while end < len(doc) and end - span.start < MAX_TOKENS and (
                doc[end].text == "." or (_capitalised(doc[end]) and doc[end].pos_ == "PROPN")):
            end += 1
            if self.gaz.has(norm(doc[span.start:end].text)):
                best = doc[span.start:end]
        return best

    def _extend_known(self, span: Span) -> Span:
        """An entity the NER cut short of a longer name the gazetteer knows by its
        own name: "St. Peter's" + "Basilica", "Baja" + "California". Only capitalised
        proper nouns (and a possessive) continue it, and only to a name that is a
        place's own name, not another town's alias."""
        doc = span.doc
        best = span
        end = span.end
        while end < len(doc) and end - span.end < EXTEND_TOKENS and (
                doc[end].tag_ == "POS" or (_capitalised(doc[end]) and doc[end].pos_ == "PROPN")):
            end += 1
            if doc[end - 1].tag_ == "POS":
                continue
            key = norm(doc[span.start:end].text)
            if key not in COMMON_WORDS and any((_own_name(key, c.name) and c.feature != "PPL")
                                               or (key in name_keys(c.name) and c.population >= 1000)
                                               for c in self.gaz.candidates(key)[:5]):
                best = doc[span.start:end]
        return best

    def _best_reading(self, key: str) -> GazEntry | None:
        """The gazetteer's first reading of a name, or None for an unknown name or a
        common word."""
        cands = self.gaz.candidates(key)
        return cands[0] if cands and key not in COMMON_WORDS else None

    def _renowned(self, key: str) -> bool:
        """A name the NER calls a person or group that is still a place: a country,
        region, capital, big city or sizeable division ("Georgia", "Moscow"), not a
        small country's division known by name only ("Flores" the surname) nor another
        town's alias (Hamm, once "Hamas"). A name from the user's own place file is a
        place whatever the recogniser calls it."""
        best = self._best_reading(key)
        if best is None or best.user:
            return best is not None
        if best.feature in ("PCLI", "CONT", "RGN", "PPLX"):
            return True
        own = _own_name(key, best.name)
        if best.feature == "ADM1":
            return best.population > 0 or (own and (self.gaz.admin1_share(best.country) or 0) >= RENOWNED_DIVISION)
        return best.population >= (BIG_CITY if own else SHORT_ALIAS_POP) or (own and best.feature == "PPLC")

    def _placed_by_preposition(self, span: Span, key: str) -> bool:
        """A town the recogniser took for a person or a product is still a town after
        "in", "near" or "outside" when the name is the town's own ("fighting in Chasiv
        Yar", "a strike near Taganrog"), not another place's alias, and the town is no
        hamlet."""
        prev = span.doc[span.start - 1] if span.start > 0 else None
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if prev is None or prev.lower_ not in STRONG_LOCATIVES or (after is not None and after.tag_ == "POS"):
            return False  # "in Smith's defence" names a person
        cands = self.gaz.candidates(key)
        return bool(cands) and _own_name(key, cands[0].name) and cands[0].population >= TOWN_POP

    def _salient(self, key: str) -> bool:
        """A name whose best reading is a country, region, capital, sizeable division
        or big city; a big city's alias counts only for a city of a million (Hamm's
        old name "Hamas" is not a place). A name from the user's own place file is
        salient whatever its size: they listed it to have it found."""
        best = self._best_reading(key)
        if best is None or best.user:
            return best is not None
        if best.feature == "ADM1":
            return self._renowned(key)
        own = _own_name(key, best.name)
        return best.feature in ("PCLI", "PPLC", "RGN", "CONT") or \
            best.population >= (BIG_CITY if own else SHORT_ALIAS_POP)

    def _add(self, out: Recognised, span: Span, found: tuple[str, bool], from_ner: bool,
             taken: list[bool]) -> None:
        if any(taken[t.i] for t in span) or self._embedded(span.doc, span):
            return
        for t in span:
            taken[t.i] = True
        m = Mention(span=span, key=found[0], from_ner=from_ner, admin_hint=found[1])
        prev = span.doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in DIRECTIONS:
            m.direction = prev.lower_
        m.metonym = _is_metonym(span)
        out.mentions.append(m)

    def _scan(self, doc: Doc, out: Recognised, taken: list[bool], blocked: list[bool]) -> None:
        """Capitalised proper-noun runs that the gazetteer knows, longest first."""
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if taken[i] or blocked[i] or not _capitalised(tok) or tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
                i += 1
                continue
            matched = False
            for size in range(min(MAX_TOKENS, n - i), 0, -1):
                span = doc[i:i + size]
                last = span[-1]
                if not _capitalised(last) and last.lower_ not in ADMIN_WORDS:
                    continue
                if any(taken[t.i] or blocked[t.i] for t in span):
                    continue
                if any(not _capitalised(t) and t.lower_ not in CONNECTORS | ADMIN_WORDS
                       and not _glued(t) for t in span):
                    continue
                found = self._key(span)
                if found is None or found[0] in COMMON_WORDS or self.gaz.demonym_country(span.text) \
                        or self._only_alias_of_hamlets(found[0]):
                    continue
                if self._embedded(doc, span):
                    break
                if not self._context_ok(doc, span, found[0]):
                    continue
                self._add(out, span, found, False, taken)
                i += size
                matched = True
                break
            if not matched:
                i += 1

    def _unknown(self, doc: Doc, out: Recognised, taken: list[bool], blocked: list[bool]) -> None:
        """Names the gazetteer lacks in unmistakably locative frames: "the village of
        Tamthil", "Nuwakot district", "in Al-Dawr" (kept unresolved, for event places)."""
        known = {(sp.start, sp.end) for sp in out.unknown}
        i, n = 0, len(doc)
        while i < n:
            tok = doc[i]
            if taken[i] or tok.pos_ != "PROPN" or not _capitalised(tok) or \
                    tok.ent_type_ in ("NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART"):
                i += 1
                continue
            j = i
            while j + 1 < n and not taken[j + 1] and (
                    (doc[j + 1].pos_ == "PROPN" and (_capitalised(doc[j + 1]) or doc[j + 1].lower_ in CONNECTORS))
                    or (doc[j + 1].text in ("-", "'") and doc[j].whitespace_ == "" and doc[j + 1].whitespace_ == ""
                        and j + 2 < n and doc[j + 2].pos_ == "PROPN")):
                j += 1  # "Al-Bayaa" is three tokens
            span = doc[i:j + 1]
            prev = doc[i - 1] if i > 0 else None
            prev2 = doc[i - 2] if i > 1 else None
            nxt = doc[j + 1] if j + 1 < n else None
            nxt2 = doc[j + 2] if j + 2 < n else None
            strong = (prev is not None and prev.lower_ == "of" and prev2 is not None
                      and prev2.lemma_.lower() in PLACE_FRAME_NOUNS) or (
                nxt is not None and nxt.lower_ in PLACE_FRAME_NOUNS) or (
                nxt is not None and nxt.pos_ == "NOUN" and nxt2 is not None and nxt2.lower_ in PLACE_FRAME_NOUNS)
            weak = prev is not None and prev.lower_ in ("in", "near", "outside") and \
                tok.ent_type_ in ("GPE", "LOC", "FAC", "")
            frame = strong or weak  # a strong frame outweighs the NER's PERSON guess
            if weak and not strong and any(blocked[t.i] for t in span):
                frame = False  # "in Abu Zubaydah...": a bare preposition does not outweigh the NER
            if frame and (span.start, span.end) not in known and not self.gaz.demonym_country(span.text):
                out.unknown.append(span)
            i = j + 1

    @staticmethod
    def _embedded(doc: Doc, span: Span) -> bool:
        """Part of a longer name of a lake, street, school...: not a toponym itself."""
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        return bool((prev is not None and _capitalised(prev) and prev.lower_.rstrip(".") in FEATURE_BEFORE)
                    or (nxt is not None and _capitalised(nxt) and nxt.lower_.rstrip(".") in FEATURE_AFTER))

    def _context_ok(self, doc: Doc, span: Span, key: str) -> bool:
        if any(t.pos_ != "PROPN" for t in span if _capitalised(t)):
            return False
        if len(span) == 1 and span.text.isupper() and not any(
                c.feature in ("PCLI", "ADM1") for c in self.gaz.candidates(key)[:3]):
            return False  # acronyms (SDF, ETA) are groups far more often than towns
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in LOCATIVE_PREPS:
            return True
        root = span.root
        if root.dep_ == "dobj" and root.head.lemma_.lower() in territorial_verbs() and \
                root.ent_type_ != "PERSON" and self.gaz.candidates(key)[0].population >= 1000:
            return True  # "captured Knin", "shelled Arbin"
        if span.end + 1 < len(doc) and doc[span.end].text == "," and self._is_qualifier(doc[span.end + 1]):
            return True
        return self._salient(key) and not (span.start == doc[span.start].sent.start and len(span) == 1)

    def _is_qualifier(self, tok) -> bool:
        return _capitalised(tok) and (norm(tok.text) in self.abbrev or any(
            c.feature in ("ADM1", "PCLI") for c in self.gaz.candidates(tok.text)[:3]))

    def _area(self, q: Mention) -> bool:
        """Whether a name after a comma can narrow the one before it: a state or
        country ("Paris, Texas"), not a town ("Los Angeles, Miami" is a list)."""
        return q.admin_hint or norm(q.span.text) in self.abbrev or any(
            c.feature in ("ADM1", "PCLI") for c in self.gaz.candidates(q.key))

    def _qualify(self, doc: Doc, out: Recognised) -> None:
        """Tie "Alexandria, La." / "Springfield, Illinois": the second narrows the first."""
        for m in out.mentions:  # "Ill." / "IL" after a comma is Illinois, never a town called Ill
            text = m.span.text
            if len(m.span) == 1 and (text.endswith(".") or (len(text) == 2 and text.isupper())) and m.span.start > 0 \
                    and doc[m.span.start - 1].text == "," and norm(text) in self.abbrev:
                m.key, m.admin_hint, m.qualifies = norm(self.abbrev[norm(text)]), True, True
        by_start = {m.span.start: m for m in out.mentions}
        for m in out.mentions:
            end = m.span.end
            if end + 1 < len(doc) and doc[end].text == ",":
                q = by_start.get(end + 1)
                if q is None and norm(doc[end + 1].text) in self.abbrev and _capitalised(doc[end + 1]):
                    q = Mention(span=doc[end + 1:end + 2], key=norm(self.abbrev[norm(doc[end + 1].text)]),
                                from_ner=False, admin_hint=True)
                    out.mentions.append(q)
                    by_start[end + 1] = q
                if q is not None and q is not m and self._area(q) and not _listed(doc, m, q, out.mentions):
                    state = self.abbrev.get(norm(q.span.text))
                    if state is not None and len(q.span) == 1:
                        q.key, q.admin_hint = norm(state), True
                    m.qualifier = q
                    q.qualifies = True
        out.mentions.sort(key=lambda m: m.span.start)
