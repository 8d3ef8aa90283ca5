"""Scorer for the PETRARCH unit-test records (`eval/petr_unittest/`).

The records test coder logic (compounds, agents, synonyms, passive voice)
with fictional actors ("Arnor", "Gondor"), so they are run with the bundled
PETR.Validate.* dictionaries loaded *in place of* ours: verb patterns through
the lexicon's Phoenix loader, actors and agents through the actor resolver's,
and the discard list as PETRARCH's validation config names it.

Headline `produced`: the share of gold codings produced exactly - an output
event in the same sentence with the same CAMEO code, an actor matching the
source code and a recipient matching the target code; an event with no
recipient and several actors of different countries stands, as PETRARCH
writes compound actors, for every ordered pair of them (as in petr2_gsr).
Codes compare at country + sector ("BREGOV" -> BRE, GOV; with several
3-letter chunks after the country, "PSEGZACVL", the output sector must be
one of them); a gold code
without a sector accepts any sector; "---" means no country. `root_countries`
is the looser reading: same CAMEO root and countries, sectors ignored.
Records that test error paths (`error=` codings) are left out.

The set tests compatibility with PETRARCH, so it is scored the way a user
continuing a PETRARCH series runs tidings: with the records' own dictionaries
and discard list, and reading stated plans as PETRARCH did ("Arnor is about to
restore ties" is coded as the restoring): the headline counts asserted and
future events (`tidings code --modality asserted --modality future`). Our own
default, asserted events only, is gated as well (`produced_asserted`).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import permutations
from pathlib import Path
from typing import TYPE_CHECKING

from .common import (
    ASSERTED,
    Contract,
    EvalError,
    PetrCoding,
    PetrSentence,
    Predictions,
    Report,
    Table,
    actor_country,
    actor_sector,
    code_sentences,
    gold_path,
    parse_petr_xml,
    ratio,
    PETRARCH_MODALITIES,
    score_run,
    split_code,
)

if TYPE_CHECKING:
    from ..pipeline import Coder

SET_NAME = "petr_unittest"
FOLDER = "petr_unittest"
RECORDS_FILE = "PETR.UnitTest.records.xml"
VERBS_FILE = "PETR.Validate.verbs.txt"
ACTOR_FILES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")
DISCARDS_FILE = "PETR.Validate.discards.txt"  # named by PETRARCH's validation config

HEADLINE_LABELS = {
    "produced": "code+source+target produced",
    "root_countries": "root+countries produced",
    "empty_kept": "no-event kept empty",
}


def load(path: Path | None = None) -> list[PetrSentence]:
    path = path or gold_path(FOLDER, RECORDS_FILE)
    try:
        sentences = parse_petr_xml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc}") from exc
    return [s for s in sentences if not s.error]


def actor_matches(code: str, actor: Contract | None, *, strict_sector: bool = True) -> bool:
    """Does an output actor (None: no actor) stand for a gold PETRARCH actor code?"""
    country, sectors = split_code(code)
    if actor is None:
        return country is None and not sectors
    if actor_country(actor) != country:
        return False
    return not (strict_sector and sectors) or actor_sector(actor) in sectors


def _side_matches(code: str, actors: list[Contract], strict: bool) -> bool:
    return any(actor_matches(code, a, strict_sector=strict) for a in actors or [None])


def coding_produced(coding: PetrCoding, events: list[Contract], *, root_only: bool = False) -> bool:
    """Is the gold coding among the output events (exact code, or root + countries)?"""
    for e in events:
        cameo = e.get("cameo") or ""
        if root_only:
            if cameo[:2] != coding.event[:2]:
                continue
        elif cameo != coding.event:
            continue
        strict = not root_only
        actors, recipients = e.get("actors") or [], e.get("recipients") or []
        if _side_matches(coding.source, actors, strict) and _side_matches(coding.target, recipients, strict):
            return True
        if not recipients and _reciprocal_matches(coding, actors, strict):
            return True
    return False


def _reciprocal_matches(coding: PetrCoding, actors: list[Contract], strict: bool) -> bool:
    """A compound actor with no recipient read as PETRARCH writes it ("Gondor and
    Osgiliath renewed ties": GON>OSG and OSG>GON): source and target are two
    different actors of the event (the same reading as petr2_gsr's triples)."""
    return any(
        actor_matches(coding.source, a, strict_sector=strict)
        and actor_matches(coding.target, b, strict_sector=strict)
        and actor_country(a) != actor_country(b)
        for a, b in permutations(actors, 2)
    )


def score(gold: list[PetrSentence], predictions: Predictions) -> Report:
    n = ok = loose = 0
    empty_n = empty_ok = 0
    per_cat: dict[str, Counter] = {}
    misses = Table("disagreements", ["sentence", "gold coding", "output", "text"])
    for sent in gold:
        out = predictions.get(sent.id, [])
        if sent.empty:
            empty_n += 1
            empty_ok += not out
            if out:
                misses.rows.append([sent.id, "(no event)", _events_text(out), sent.text])
        cat = per_cat.setdefault(sent.category or "?", Counter())
        for coding in sent.codings:
            n += 1
            cat["n"] += 1
            if coding_produced(coding, out):
                ok += 1
                cat["ok"] += 1
            else:
                misses.rows.append([sent.id, f"{coding.event}:{coding.source}>{coding.target}",
                                    _events_text(out), sent.text])
            if coding_produced(coding, out, root_only=True):
                loose += 1
    headline = {
        "produced": ratio(ok, n),
        "root_countries": ratio(loose, n),
        "empty_kept": ratio(empty_ok, empty_n),
    }
    report = Report(SET_NAME, n=n, headline=headline, labels=dict(HEADLINE_LABELS), misses=misses)
    report.tables.append(Table(
        "codings produced per record category",
        ["category", "codings", "produced"],
        [[c, v["n"], f"{v['ok'] / v['n']:.2f}" if v["n"] else "-"] for c, v in sorted(per_cat.items())],
    ))
    report.notes.append(
        f"{n} gold codings in {len(gold)} sentences (error-path records left out); "
        f"{empty_ok}/{empty_n} no-event sentences left empty; target: produced >= 0.60"
    )
    return report


def _code_of(actor: Contract) -> str:
    return f"{actor_country(actor) or '---'}{actor.get('sector') or ''}"


def _events_text(events: list[Contract]) -> str:
    """Output events in the gold's notation: "064:ARN>GON" (actors joined by +)."""
    parts = []
    for e in events:
        src = "+".join(_code_of(a) for a in e.get("actors") or []) or "---"
        tgt = "+".join(_code_of(a) for a in e.get("recipients") or []) or "---"
        parts.append(f"{e.get('cameo') or '?'}:{src}>{tgt}")
    return " ".join(parts) or "(none)"


def validate_dictionaries() -> tuple[Path, tuple[Path, ...]]:
    """(verb file, actor/agent files) of the PETR.Validate set."""
    return gold_path(FOLDER, VERBS_FILE), tuple(gold_path(FOLDER, f) for f in ACTOR_FILES)


def validate_coder() -> "Coder":
    """A coder with the PETR.Validate dictionaries (and discard list) replacing the
    packaged knowledge. No codes file: the set's private codes (9xx, 22x...) stay
    unmapped, since a mapping of them would be invented to fit this gold."""
    from ..pipeline import Coder, CoderOptions

    verbs, actors = validate_dictionaries()
    return Coder(CoderOptions(
        lexicon_files=(str(verbs),),
        actor_files=tuple(str(a) for a in actors),
        replace_lexicon=True,
        replace_actors=True,
        discard_files=(str(gold_path(FOLDER, DISCARDS_FILE)),),
    ))


_RECORD = re.compile(r'<Sentence\b[^>]*\bid="([^"]+)"(.*?)(?=<Sentence\b|\Z)', re.DOTALL)
_DISCARD_ERROR = re.compile(r'<EventCoding\b[^>]*\berror="(?:story|sentence)discard"')


def discard_records(path: Path) -> list[PetrSentence]:
    """The error-path records that test the discard list (`error="storydiscard"`,
    `"sentencediscard"`): they must come out with no event at all."""
    try:
        xml = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc}") from exc
    ids = {m.group(1) for m in _RECORD.finditer(xml) if _DISCARD_ERROR.search(m.group(2))}
    return [s for s in parse_petr_xml(xml) if s.error and s.id in ids]


def run(coder: "Coder | None" = None, limit: int | None = None) -> Report:
    """Code the records with the validation dictionaries (unless a coder is given);
    a note says whether the discard records came out empty (not a headline)."""
    path = gold_path(FOLDER, RECORDS_FILE)
    coder = coder or validate_coder()
    report = score_run(coder, path, load(path), score, limit, modalities=PETRARCH_MODALITIES,
                       side_modalities=ASSERTED, side_headline={"produced": "produced_asserted"})
    discards = discard_records(path) if limit is None else []
    if discards:
        predictions, _ = code_sentences(coder, discards)
        empty = sum(not predictions.get(s.id) for s in discards)
        report.notes.append(f"discard records ({DISCARDS_FILE}) left without events of any "
                            f"modality: {empty}/{len(discards)}")
    return report
