"""Namesakes: a dictionary alias written inside a longer name that names someone else.

Short aliases ("McConnell", "Lai", "Congress", "Democrats") are what make the
dictionaries useful, but the words written around an alias can say that the
text means another person or body than the well-known one:

- a first name that is not the known person's ("*Jack* McConnell" is Scotland's
  First Minister, not Mitch McConnell; "*Jimmy* Lai" is not Lai Ching-te), or a
  peerage the known person does not hold ("*Lord* Ashcroft" is not John
  Ashcroft, the US attorney general);
- for an organisation, other capitalised words glued to the alias that are no
  name we know ("*Trades Union* Congress", "*Liberal* Democrats",
  "*Pan Africanist* Congress") or an "of" with a name after it ("Congress *of
  South African Trade Unions*"): together they name another body.

Such a match is dropped: an unknown person or body is left to the role and title
rules (or unmatched), never coded as the famous namesake. Names we do know in
full ("Indian National Congress", "Social Democrats") are longer dictionary keys
and win before this check runs.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actor_kb import Entry, KnowledgeBase

# Titles of peers: "Lord Ashcroft" is a member of the House of Lords, not John Ashcroft.
PEERAGE = frozenset("lord lady baroness baron earl viscount viscountess marquess marchioness "
                    "duke duchess countess".split())
# Particles inside Arabic, Dutch, German, Spanish... names: never a first name on their own.
PARTICLES = frozenset("al el ul bin ibn abu abd bint van von der den de del della di da dos du la "
                      "le ben mac st".split())
# Titles that some of our names start with ("Sheikh Hasina", "Ayatollah Ali Khamenei",
# "Prince Mohammed bin Salman"): before a surname they are no first name.
TITLE_WORDS = frozenset("sheikh shaikh ayatollah grand mullah maulana imam prince princess sayyed "
                        "sayed sayyid haji hajji emir amir field marshal captain colonel major "
                        "general admiral".split())
# Kinds of matches that may stand before a body's alias without naming another body:
# "US Congress", "Senate Republicans", "Kentucky Democrats", "Iraq's parliament".
_QUALIFIER_KINDS = frozenset({"country", "demonym", "seat", "city", "place", "people", "org", "group",
                              "person"})
_UNKNOWN = (None, "guess")  # no match, or only a guess at a misspelling ("Liberal" as Liberia)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def given_names(kb: KnowledgeBase) -> frozenset[str]:
    """First words of the people's multi-word names ("jack", "mitch", "jimmy"): words
    that, written right before a surname, are a first name. Words that also start
    another kind of entry ("general", "king"), titles ("Sheikh") and name particles
    are left out."""
    out: set[str] = set()
    for entry in kb.entries:
        if entry.kind != "person":
            continue
        for name in entry.names:
            if (len(name) > 1 and len(name[0]) >= 3 and name[0].isalpha()
                    and name[0] not in PARTICLES | TITLE_WORDS | PEERAGE):
                out.add(name[0])
    for key, entry in kb.index.items():
        if entry.kind != "person":
            out.discard(key[0])
    for key, (entry, _) in kb.proper.items():
        if entry.kind != "person":
            out.discard(key[0])
    return frozenset(out)


def _within(key: tuple[str, ...], name: tuple[str, ...]) -> bool:
    return any(name[i:i + len(key)] == key for i in range(len(name) - len(key) + 1))


def _same_name(a: str, b: str) -> bool:
    """Spellings of one first name: "Jim"/"Jimmy", "Mahmud"/"Mahmoud",
    "Mohammad"/"Muhammad" (transliterations differ in their vowels)."""
    if a == b or (len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a))):
        return True
    if len(a) >= 5 and len(b) >= 5 and a[:4] == b[:4]:
        return True
    skeleton_a, skeleton_b = _consonants(a), _consonants(b)
    return len(skeleton_a) >= 3 and skeleton_a == skeleton_b


def _consonants(word: str) -> str:
    """The consonants of a word with doubled letters once: "muhammad" -> "mhmd"."""
    out: list[str] = []
    for c in word:
        if c not in "aeiou" and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


def other_person(entry: Entry, toks: Sequence[str], raw: Sequence[str], start: int, end: int,
                 free: int, given: frozenset[str]) -> str | None:
    """Why the person matched at `start:end` is not `entry`, or None when nothing says so.

    Only a part of a longer name we know ("McConnell" of "Mitch McConnell") is
    checked: a name we list without a first name ("Zia ul-Haq") may be written
    with one. `free`: the first token position not covered by an earlier match,
    so titles already matched ("President", "Prime Minister") are never read as
    first names.
    """
    key = tuple(toks[start:end])
    if not any(len(name) > len(key) and _within(key, name) for name in entry.names):
        return None
    words = entry.words
    j = start - 1
    while j >= free and len(toks[j]) == 1 and raw[j].isupper():  # "George W. Bush": skip initials
        j -= 1
    if j < free or not raw[j][:1].isupper() or not toks[j].isalpha():
        return None
    word = toks[j]
    if word in words:
        return None
    if word in PEERAGE:
        return f"'{raw[j]}' is a peerage '{entry.name}' does not hold: another person"
    if word in given and not any(_same_name(word, w) for w in words):
        return f"first name '{raw[j]}' is not '{entry.name}''s: another person"
    return None


def other_body(entry: Entry, toks: Sequence[str], raw: Sequence[str], start: int, end: int,
               before: Sequence[tuple[int, int, str]]) -> str | None:
    """Why the organisation alias matched at `start:end` is part of another body's name.

    Only a shorter alias ("Congress" of "United States Congress") is checked.
    `before`: earlier matches as (start, end, kind; "guess" for a fuzzy one). The capitalised words right
    before the alias are walked leftwards: role words ("Union") are passed over,
    a named qualifier ("US", "Senate", "Kentucky") stops the walk and keeps the
    match, and unknown capitalised words name another body, unless the only one is
    the phrase's first word (it may be capitalised because a sentence starts
    there: "Many Republicans"). The walk stops at a lower-case word or an article.
    """
    if len(toks[start:end]) >= max((len(n) for n in entry.names), default=0):
        return None
    if end + 1 < len(toks) and toks[end] == "of" and raw[end + 1][:1].isupper():
        return f"'{' '.join(raw[start:end + 2])}...' names another body than '{entry.name}'"
    covered = {i: kind for s, e, kind in before for i in range(s, e)}
    run: list[int] = []
    j = start - 1
    while j >= 0 and raw[j][:1].isupper() and toks[j].isalpha() and toks[j] not in DETERMINERS:
        kind = covered.get(j)
        if kind in _QUALIFIER_KINDS:
            return None
        run.append(j)  # unknown, or a role word inside a name ("Trades *Union* Congress")
        j -= 1
    if not any(covered.get(i) in _UNKNOWN for i in run) or run == [0]:
        return None
    return f"'{' '.join(raw[min(run):end])}' names another body than '{entry.name}'"
