"""Reading the actor and agent dictionaries of Phoenix, PETRARCH and TABARI.

Users of the older coders have years of work in these files, so tidings reads
them as they are (format: `Dictionaries_README_formats.md` in the Phoenix
dictionaries). Actor records are a primary phrase, `+synonym` lines and
tab-indented date restrictions (`[USAGOV 20170120-20210120]`, `<date`,
`>date`); agent records are role nouns with a `[~GOV]` code, `{plurals}` and
`!PERSON!`-style substitution sets. A code such as `USAGOV` becomes country
USA + sector GOV; `IGOUNO` becomes the PLOVER code UNO; codes outside PLOVER
keep their first three letters as the country (the validation suite's
fictional "ARN", "GON"), their first 3-letter chunk as the sector when no
chunk is a PLOVER sector ("MRGORC" -> ORC), and the whole code in
`Entry.raw_code`. Agent codes are sectors appended to the country of the
actor named beside them (`[~MOP]`: "Gondor's main opposition group" is GON
MOP), or a prefix standing in for it (`[NGO~]`).

An actor may carry several codes (`THE_SHIRE [FRO/BIL/SAM]`): PETRARCH codes
one event per code, so `shared_codes` lists them and `every_code` turns the
actor resolved under the first code into one actor per code (the contract's
actors list holds them side by side, as it holds a compound "X and Y"). The
TABARI code `[###]` marks a discard phrase, not an actor: a sentence naming
it is not coded (`discard_phrases`, used with `tidings.lexicon.discards`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace as copy_actor
from pathlib import Path

from ..errors import DataFileError
from ..model import Actor
from .actor_kb import SECTORS, Code, Entry, KnowledgeBase
from .actor_text import plural_key, tokens

log = logging.getLogger(__name__)
_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.S)
_CODE = re.compile(r"\[([^\]}]*)[\]}]")  # legacy files sometimes close with "}"
# CAMEO agent codes that PLOVER renamed or folded (manual 5.2.1 note 4; CIV in old files).
_CAMEO_SECTOR = {"HLH": "MED", "CIV": "CVL", "INS": "REB", "SEP": "REB", "MOD": None, "RAD": None}
_IGO_SPECIAL = {"UNO": "UNO", "EUR": "EUR"}
DISCARD_CODE = "###"  # TABARI: the phrase marks a sentence not to code
# (actor name, first country) -> every (country, sector) of an entry with several codes
SharedCodes = dict[tuple[str, str | None], list[tuple[str | None, str | None]]]


def _strip_comments(text: str) -> list[tuple[int, str]]:
    """Lines without XML, # and legacy ; comments (tabs kept: they mark date lines)."""
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        # "[###]" is TABARI's discard code, not a comment (hidden while cutting comments)
        line = line.replace(f"[{DISCARD_CODE}]", "[\0]").split("#", 1)[0].split(";", 1)[0].rstrip()
        line = line.replace("[\0]", f"[{DISCARD_CODE}]")
        if line.strip():
            out.append((n, line))
    return out


def parse_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code: 'USAGOV' -> ('USA', 'GOV').

    The sector is the first chunk PLOVER knows (CAMEO spellings mapped); a
    code none of whose chunks PLOVER knows keeps the dictionary's own first
    chunk ('MRGORC' -> ('MRG', 'ORC'), 'IGOAFR' -> ('IGO', 'AFR')): users who
    code with their own agent codes get them back rather than nothing.
    """
    code = code.strip().upper()
    if not code or code.startswith("---") and len(code) <= 3 or code == DISCARD_CODE:
        return None, None
    country: str | None = code[:3] if code[:3] != "---" else None
    chunks = [code[i:i + 3] for i in range(3, len(code), 3)]
    if country == "IGO" and chunks and chunks[0] in _IGO_SPECIAL:
        country = _IGO_SPECIAL[chunks.pop(0)]
    if country == "NGM":
        country = "NGO"
    if country in SECTORS and country not in ("MED",):  # a bare agent code like "GOV"
        return None, country
    return country, _sector(chunks)


def _sector(chunks: list[str]) -> str | None:
    """The PLOVER sector among 3-letter chunks, else the dictionary's own first code."""
    for chunk in chunks:
        if chunk in SECTORS:
            return chunk
        if chunk in _CAMEO_SECTOR:
            return _CAMEO_SECTOR[chunk]
    return next((c for c in chunks if len(c) == 3 and c.isalpha()), None)


def agent_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of an agent code: '~GOVFRM' -> (None, 'GOV'); 'NGO~' -> ('NGO', None).

    The tilde marks where the actor's own code goes: after it, the agent's
    chunks are sectors appended to the actor's country ('~MOP': Gondor's main
    opposition group is GONMOP); before it, a prefix that stands in for the
    country ('NGO~': MSF Arnor is NGOARN).
    """
    code = code.strip().upper().replace(" ", "")
    if code.endswith("~") and not code.startswith("~"):
        return parse_code(code[:-1])
    body = code.replace("~", "")
    if not body:
        return None, None
    return None, _sector([body[i:i + 3] for i in range(0, len(body), 3)])


def split_codes(raw: str) -> list[str]:
    """'FRO/BIL/SAM' -> ['FRO', 'BIL', 'SAM']: the codes of an actor that stands for several."""
    return [c for c in raw.strip().split("/") if c.strip()] or [raw.strip()]


def shared_codes(kb: KnowledgeBase) -> SharedCodes:
    """(name, first country) -> every (country, sector) of the entries with several codes.

    Keyed as the resolver names the actor it returns for such an entry, so the
    pipeline can widen that actor (`every_code`) without the resolver's help.
    """
    table: SharedCodes = {}
    for entry in kb.entries:
        if entry.raw_code and "/" in entry.raw_code:
            codes = [parse_code(c) for c in split_codes(entry.raw_code)]
            if len(codes) > 1:
                table[(entry.name, entry.country)] = codes
    return table


def every_code(actor: Actor, table: SharedCodes) -> list[Actor]:
    """The actor once per code of its dictionary entry (itself alone for a one-code entry)."""
    codes = table.get((actor.name or "", actor.country))
    if not codes:
        return [actor]
    note = "/".join(c or "---" for c, _ in codes)
    why = f"{actor.why}; one of the codes {note}" if actor.why else f"one of the codes {note}"
    own_sector = actor.sector != codes[0][1]  # a sector the phrase itself added stays
    return [copy_actor(actor, country=country, sector=actor.sector if own_sector else sector, why=why)
            for country, sector in codes]


def discard_phrases(kb: KnowledgeBase) -> list[str]:
    """The phrases of actors coded `[###]` (TABARI discards), each as a whole-word discard.

    They are the dictionary's token keys, punctuation dropped: "AL-QAEDA" becomes
    "al qaeda", which the discard matcher also finds written "al-Qaeda".
    """
    return sorted(" ".join(key) + "_" for key, entry in kb.index.items()
                  if entry.raw_code == DISCARD_CODE)


def _date(value: str) -> str:
    """YYYYMMDD or YYMMDD (TABARI: 00-29 -> 20xx) to ISO."""
    value = value.strip()
    if len(value) == 6:
        year = int(value[:2])
        value = ("20" if year < 30 else "19") + value
    if len(value) != 8 or not value.isdigit():
        raise ValueError(value)
    return f"{value[:4]}-{value[4:6]}-{value[6:]}"


def _restriction(body: str, where: str) -> Code:
    """`USAGOV 20170120-20210120`, `IRQGOV <20030409`, `IGOUNO >20070101` or a bare code."""
    parts = body.split()
    if not parts:
        raise DataFileError(f"{where}: empty code")
    country, sector = parse_code(split_codes(parts[0])[0])  # "[FRO/BIL]": the first code
    start = end = None
    if len(parts) > 1:
        spec = "".join(parts[1:])
        try:
            if spec.startswith("<"):
                end = _date(spec[1:])
            elif spec.startswith(">"):
                start = _date(spec[1:])
            elif "-" in spec:
                a, b = spec.split("-", 1)
                start, end = _date(a), _date(b)
            else:
                raise ValueError(spec)
        except ValueError:
            raise DataFileError(f"{where}: bad date restriction {spec!r}") from None
    return Code(country, sector, start, end, parts[0])


def _phrase(raw: str) -> str:
    return raw.strip().lstrip("+").replace("_", " ").strip()


def load_actors(kb: KnowledgeBase, path: Path, text: str) -> int:
    """A PETRARCH/TABARI .actors file; returns the number of records read."""
    count = 0
    current: Entry | None = None
    for n, line in _strip_comments(text):
        where = f"{path.name}:{n}"
        if line[0] in "\t " and line.strip().startswith("["):
            if current is None:
                raise DataFileError(f"{where}: date restriction before any actor")
            try:
                code = _restriction(line.strip()[1:-1], where)
            except DataFileError as exc:  # legacy files carry typos: skip the line, say so
                kb.warnings.append(str(exc))
                continue
            if code.start or code.end:  # dated offices: a person (CountryInfo leaders)
                current.codes.append(code)
                current.kind = "person"
                current.country = current.country or code.country
            else:  # `\t[code]` is a default
                current.country, current.sector = code.country, code.sector
                current.raw_code = current.raw_code or code.title
            continue
        stripped = line.strip()
        m = _CODE.search(stripped)
        phrase = _phrase(stripped[: m.start()] if m else stripped)
        if not phrase:
            continue
        if stripped.startswith("+"):
            if current is None:
                raise DataFileError(f"{where}: synonym before any actor")
            kb.add(current, [phrase], any_case=True)
            continue
        current = Entry("org", phrase.title(), source=where)
        if m:
            code_text = m.group(1).split()[0] if m.group(1).split() else ""
            current.country, current.sector = parse_code(split_codes(code_text)[0] if code_text else "")
            current.raw_code = code_text or None
        kb.add(current, [phrase], any_case=True)
        count += 1
    return count


def _substitutions(lines: list[tuple[int, str]]) -> tuple[dict[str, list[str]], list[tuple[int, str]]]:
    subs: dict[str, list[str]] = {}
    rest = []
    for n, line in lines:
        m = re.match(r"\s*(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
        else:
            rest.append((n, line))
    return subs, rest


def load_agents(kb: KnowledgeBase, path: Path, text: str) -> int:
    """A PETRARCH/TABARI .agents file: role nouns with `[~CODE]` (or `[CODE~]`)."""
    subs, lines = _substitutions(_strip_comments(text))
    count = 0
    for n, line in lines:
        where = f"{path.name}:{n}"
        m = _CODE.search(line)
        if not m or "~" not in m.group(1):
            kb.warnings.append(f"{where}: agent without a [~CODE], skipped")
            continue
        code = m.group(1)
        head = line[: m.start()]
        plural_spec = None
        pm = re.search(r"\{([^}]*)\}", head)
        if pm:
            plural_spec = pm.group(1).split()
            head = head[: pm.start()]
        phrase = _phrase(head)
        if not phrase:
            continue
        country, sector = agent_code(code)
        forms = [phrase]
        for marker, words in subs.items():
            if marker in phrase:
                forms = [phrase.replace(marker, w) for w in words]
        entry = Entry("role", phrase.lower(), country if country not in SECTORS else None, sector,
                      source=where, raw_code=code.strip().replace("~", "") or None)
        for form in forms:
            key = tokens(form)
            if not key:
                continue
            kb.add_key(key, entry)
            if plural_spec is None and not any(m in phrase for m in subs):
                kb.add_key(plural_key(key), entry)
        for form in plural_spec or []:
            if tokens(_phrase(form)):
                kb.add_key(tokens(_phrase(form)), entry)
        kb.entries.append(entry)
        count += 1
    return count


def looks_like_agents(text: str) -> bool:
    """Agents files code with a tilde ([~GOV], [NGO~]); actors files never do."""
    return bool(re.search(r"\[[^\]\n]*~[^\]\n]*\]", _COMMENT_BLOCK.sub("", text)))


def load(kb: KnowledgeBase, path: Path) -> int:
    """Load a Phoenix-format dictionary, choosing actors or agents by its content.

    Old dictionaries carry typos (a 7-digit date, a record without a code):
    those lines are skipped and listed in `kb.warnings` (and logged), the rest load.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    before = len(kb.warnings)
    count = load_agents(kb, path, text) if looks_like_agents(text) else load_actors(kb, path, text)
    skipped = len(kb.warnings) - before
    if skipped:
        log.warning("%s: %d malformed lines skipped (first: %s)", path, skipped, kb.warnings[before])
    if count == 0:
        raise DataFileError(f"{path}: no actor or agent records found")
    return count
