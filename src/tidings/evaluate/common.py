"""What every gold-set scorer shares: the report record, gold-file lookup,
actor-code normalisation and the one place where the coder is run.

Scorers read only the output contract (the dicts `Event.to_contract()` gives
and `tidings code --format jsonl` prints), so they score exactly what users
get. `code_sentences` is the single bridge from gold sentences to those dicts:
each gold sentence becomes its own article with one paragraph, bypassing
ingest cleaning, and only asserted events are scored (the default output).
Sets drawn from PETRARCH also get a side figure counting future events, since
PETRARCH codes "X will meet Y" as the meeting itself; it is a note, never gated.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvalError
from ..model import Article, ArticleResult, Paragraph
from ..paths import shared_dir

if TYPE_CHECKING:  # the coder is only needed by runners, never by scorers
    from ..pipeline import Coder

Contract = dict[str, Any]
Predictions = dict[str, list[Contract]]




@dataclass(slots=True)
class Table:
    """A small printable table: per-type or per-root figures, confusions."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "columns": self.columns, "rows": self.rows}


@dataclass(slots=True)
class Report:
    """One gold set's result: headline figures (gated), tables, notes.

    `headline` keys are stable figure names (the gate pins floors on them);
    `n` is the number of gold units scored and `limit` the cap used, so the
    gate can refuse to compare a `--quick` run with full-set floors.
    """

    set_name: str
    n: int
    headline: dict[str, float | None]
    labels: dict[str, str] = field(default_factory=dict)  # figure -> printed label
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    limit: int | None = None
    gold_sha256: str | None = None
    failed: int = 0  # gold units the coder failed on (scored as empty; the gate refuses them)
    # every disagreement, one row each, for error analysis (`tidings eval --misses N`)
    misses: Table | None = None

    def headline_line(self) -> str:
        parts = []
        for key, value in self.headline.items():
            label = self.labels.get(key, key)
            parts.append(f"{label} {fmt(value)}")
        failed = f", {self.failed} failed to code" if self.failed else ""
        return f"{self.set_name}: {' '.join(parts)} (n={self.n}{failed})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.set_name,
            "n": self.n,
            "limit": self.limit,
            "gold_sha256": self.gold_sha256,
            "failed": self.failed,
            "misses": self.misses.to_dict() if self.misses else None,
            "headline": dict(self.headline),
            "tables": [t.to_dict() for t in self.tables],
            "notes": list(self.notes),
        }


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def ratio(num: int, den: int) -> float | None:
    """num/den, or None when nothing was there to score (never a fake 0 or 1)."""
    return num / den if den else None


def f1(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall, F1 from counts; None where undefined (F1: nothing on
    either side; with gold but no output it is 0, not undefined)."""
    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn)


# -- gold files ---------------------------------------------------------------


def shared_file(*parts: str) -> Path:
    """A file under ../shared; EvalError when the shared folder or the file is absent."""
    root = shared_dir()
    if root is None:
        raise EvalError("the shared folder (../shared or $TIDINGS_SHARED) is absent")
    path = root.joinpath(*parts)
    if not path.exists():
        raise EvalError(f"file not found: {path}")
    return path


def gold_path(*parts: str) -> Path:
    """A gold file under ../shared/eval."""
    return shared_file("eval", *parts)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_ATTR = re.compile(r"""([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def xml_attrs(tag_text: str) -> dict[str, str]:
    """Attributes of one start tag, tolerant of `a = "x"` and single quotes
    (the PETRARCH files are not well-formed XML)."""
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTR.finditer(tag_text)}


def compact_date(value: str | None) -> str | None:
    """"20080804" -> "2008-08-04"; anything else (e.g. "121108") -> None."""
    if value and re.fullmatch(r"(19|20)\d{6}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


# -- actor codes ----------------------------------------------------------------

# Codes the gold sets use that are not what PLOVER/ISO output carries.
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA"}
SECTOR_ALIASES = {"CIV": "CVL"}  # old spelling of the civilian sector
# PLOVER gives the UN and the EU their own "country" codes; other IGOs are IGO.
IGO_OWN_CODES = frozenset({"UNO", "EUR"})
IGO_FAMILY = IGO_OWN_CODES | {"IGO"}


def split_code(code: str | None) -> tuple[str | None, list[str]]:
    """A CAMEO/Phoenix actor code -> (country, [3-letter sector codes]).

    "USAGOV" -> ("USA", ["GOV"]); "IGOUNOMIL" -> ("UNO", ["MIL"]);
    "IGOCOPITP" -> ("IGO", ["COP", "ITP"]); "---REB" -> (None, ["REB"]);
    "***" or "" -> (None, []). Lowercase qualifiers ("CVLalb") are dropped:
    they are not part of the sector.
    """
    if not code:
        return None, []
    code = code.strip()
    country_part = code[:3]
    country = None if not country_part.isalpha() else COUNTRY_ALIASES.get(
        country_part.upper(), country_part.upper())
    sectors = sector_codes(code[3:])
    if country == "IGO" and sectors and sectors[0] in IGO_OWN_CODES:
        country, sectors = sectors[0], sectors[1:]
    return country, sectors


def country_matches(gold: str | None, output: str | None) -> bool:
    """Same country; a gold "IGO" with no detail (plover_gsr codes the UN so)
    also accepts PLOVER's own IGO codes (UNO, EUR)."""
    if gold is None:
        return False
    return output == gold or (gold == "IGO" and output in IGO_FAMILY)


def sector_codes(sector: str | None) -> list[str]:
    """"GOVMOS" -> ["GOV", "MOS"]; "CVLalb" -> ["CVL"]; "***"/None -> []."""
    if not sector:
        return []
    upper = re.sub(r"[a-z]+", "", sector)
    chunks = [upper[i:i + 3] for i in range(0, len(upper) - len(upper) % 3, 3)]
    return [SECTOR_ALIASES.get(c, c) for c in chunks if c.isalpha()]


def actor_country(actor: Contract) -> str | None:
    country = actor.get("country")
    return country.upper() if isinstance(country, str) and country else None


def actor_sector(actor: Contract) -> str | None:
    """The primary 3-letter sector of an output actor (sector codes may be longer)."""
    codes = sector_codes(actor.get("sector"))
    return codes[0] if codes else None


# -- running the coder ------------------------------------------------------------


@dataclass(slots=True)
class GoldSentence:
    """One sentence to code: the unit every runner hands to the coder."""

    id: str
    text: str
    date: str | None = None


def sentence_article(sentence: GoldSentence) -> Article:
    """The gold sentence as an article of one paragraph (no ingest cleaning)."""
    return Article(
        id=sentence.id,
        text=sentence.text,
        date=sentence.date,
        origin=sentence.id,
        paragraphs=[Paragraph(0, len(sentence.text))],
    )


ASSERTED: tuple[str, ...] = ("asserted",)
PETRARCH_MODALITIES: tuple[str, ...] = ("asserted", "future")


def code_sentences(coder: "Coder", sentences: Iterable[GoldSentence]) -> tuple[Predictions, list[str]]:
    """Code each sentence; -> (id -> contract dicts of every modality, failure messages).

    A sentence the coder fails on gets no events (it is scored as such) and
    its failure is returned so the report can say so rather than hide it.
    """
    predictions: Predictions = {}
    failures: list[str] = []
    for result in coder.code_articles(sentence_article(s) for s in sentences):
        if isinstance(result, ArticleResult):
            predictions[result.article.id] = [e.to_contract() for e in result.events]
        else:
            failures.append(str(result))
            predictions[result.origin] = []
    return predictions, failures


def _convention(modalities: tuple[str, ...]) -> str:
    """How a choice of modalities reads, for the report notes."""
    return " (PETRARCH's convention)" if modalities == PETRARCH_MODALITIES else ""


def with_modalities(predictions: Predictions, modalities: tuple[str, ...]) -> Predictions:
    """The predictions restricted to events of the given modalities."""
    return {k: [e for e in v if e.get("modality") in modalities] for k, v in predictions.items()}


def failure_notes(failures: list[str], limit: int = 5) -> list[str]:
    if not failures:
        return []
    shown = "; ".join(failures[:limit])
    more = f" (+{len(failures) - limit} more)" if len(failures) > limit else ""
    return [f"{len(failures)} sentence(s) failed to code: {shown}{more}"]



def score_run(
    coder: "Coder",
    path: Path,
    gold: list,
    score: Callable[[list, Predictions], Report],
    limit: int | None,
    *,
    modalities: tuple[str, ...] = ASSERTED,
    side_modalities: tuple[str, ...] | None = None,
    side_headline: dict[str, str] | None = None,
) -> Report:
    """Code the gold sentences (the first `limit`), score the events of `modalities`,
    and stamp the report with what the gate needs: the limit, the gold file's hash,
    the coding failures. With `side_modalities`, a note also gives the headline
    scored on events of those modalities, and `side_headline` ({side figure: new
    name}) makes chosen side figures headline figures too, so the gate holds them."""
    if limit is not None:
        gold = gold[:limit]
    predictions, failures = code_sentences(coder, gold)
    report = score(gold, with_modalities(predictions, modalities))
    if side_modalities:
        side = score(gold, with_modalities(predictions, side_modalities))
        figures = ", ".join(f"{side.labels.get(k, k)} {fmt(v)}" for k, v in side.headline.items())
        gated = "" if side_headline else ", not gated"
        report.notes.append(f"counting {' + '.join(side_modalities)} events{_convention(side_modalities)}"
                            f"{gated}: {figures}")
        for figure, name in (side_headline or {}).items():
            report.headline[name] = side.headline[figure]
            report.labels[name] = f"{side.labels.get(figure, figure)} ({' + '.join(side_modalities)})"
    report.limit = limit
    report.gold_sha256 = sha256_of(path)
    report.failed = len(failures)
    report.notes.extend(failure_notes(failures))
    return report

# -- PETRARCH validation XML (not well-formed: parsed with regexes) ---------------

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
_CONLL_TOKEN = re.compile(r"^\d+\t([^\t]+)\t(?:[^\t]*\t){7}([^\t]*)$", re.M)


def text_from_conll(parse: str) -> str:
    """Sentence text rebuilt from a CoNLL-U parse (for records whose <Text> is empty)."""
    out = []
    for form, misc in _CONLL_TOKEN.findall(parse):
        out.append(form + ("" if "SpaceAfter=No" in misc else " "))
    return "".join(out).strip()


@dataclass(slots=True)
class PetrCoding:
    """One gold coding: CAMEO event code and full source/target actor codes."""

    event: str
    source: str
    target: str


@dataclass(slots=True)
class PetrSentence(GoldSentence):
    category: str | None = None
    codings: list[PetrCoding] = field(default_factory=list)
    noevents: bool = False  # marked noevents="True"
    error: bool = False  # an `error=` coding: the record tests an error path

    @property
    def empty(self) -> bool:
        """No event should come out: marked so, or no coding given."""
        return self.noevents or not self.codings


def parse_petr_xml(xml: str) -> list[PetrSentence]:
    """Sentences of a PETRARCH validation file; commented-out records are skipped."""
    xml = _COMMENT.sub("", xml)
    sentences = []
    seen: Counter[str] = Counter()
    for m in _SENTENCE.finditer(xml):
        attrs = xml_attrs(m.group(1))
        body = m.group(2)
        text_m = _TEXT.search(body)
        if "id" not in attrs or text_m is None:
            raise EvalError(f"malformed PETRARCH record near: {m.group(0)[:80]!r}")
        seen[attrs["id"]] += 1  # a few ids repeat: keep each record, with a unique id
        text = " ".join(text_m.group(1).split())
        parse_m = _PARSE.search(body)
        if not text and parse_m is not None:
            text = text_from_conll(parse_m.group(1))
        if not text:
            raise EvalError(f"record {attrs['id']} has no text")
        sent = PetrSentence(
            id=attrs["id"] if seen[attrs["id"]] == 1 else f"{attrs['id']}#{seen[attrs['id']]}",
            text=text,
            date=compact_date(attrs.get("date")),
            category=attrs.get("category"),
        )
        for c in _CODING.finditer(body):
            ca = xml_attrs(c.group(1))
            if ca.get("noevents", "").lower() == "true":
                sent.noevents = True
            elif "error" in ca:
                sent.error = True
            elif "eventcode" in ca:
                sent.codings.append(
                    PetrCoding(ca["eventcode"], ca.get("sourcecode", ""), ca.get("targetcode", ""))
                )
        sentences.append(sent)
    return sentences
