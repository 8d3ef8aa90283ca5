"""In-document coreference for actors: the per-article memory of who was mentioned.

No offline neural coreference exists on PyPI, so this is the conservative
classic: names introduced once ("President Donald Trump", "Minister Juan
Carlos Jobet") are remembered under their full and last names; pronouns and
definite descriptions take the nearest earlier mention of a compatible kind
("he" -> a person, "the group" -> an armed group, "the ministry" -> a
ministry, "it" -> an organisation or country, "the demonstrators" -> the
country of the last actor of that sector). When nothing compatible was
mentioned the answer is None, never a guess.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass, field

from ..lexicon.cues import word_set
from ..model import Actor

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
ARMED = frozenset({"REB", "UAF", "PRM", "CRM", "IMG"})
# Courtesy titles before a surname: "Mr Brown" after "Gordon Brown" is the same person.
# "Mrs" and "Miss" are left out: "Mrs Howard" after "Michael Howard" is most often his wife.
HONORIFICS = frozenset({"mr", "ms", "dr", "sir", "dame", "prof", "m"})
# Word lists are data (data/lexicon/cues/coref.yaml: what each is for, with examples);
# grammar (function words, dependency labels) stays here.
# Definite descriptions that point back at an earlier named actor.
GROUP_NOUNS = word_set("coref", "group_nouns")
MINISTRY_NOUNS = word_set("coref", "ministry_nouns")
COUNTRY_NOUNS = word_set("coref", "country_nouns")


@dataclass(slots=True)
class Mention:
    """A resolved actor remembered with its kind and where it was said."""

    actor: Actor
    kind: str  # person | group | org | ministry | country | people | place
    position: int  # offset into Article.text (start)
    subject: bool = False  # said as (or as the possessor of) a clause's subject


@dataclass
class ActorContext:
    """Per-article state: the date that picks offices, and the mentions so far.

    `country` may be set by the caller (e.g. from the dateline) as the home
    country for unknown named organisations; otherwise the most mentioned
    country so far is used.
    """

    date: str | None = None
    country: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    names: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    countries: Counter = field(default_factory=Counter)
    sentences: set[int] = field(default_factory=set)  # starts of the sentences actors were read in
    _seen: set[tuple[int, int]] = field(default_factory=set)
    _unknown_names: set[tuple[str, ...]] = field(default_factory=set)  # learned from unknown people

    def remember(self, actor: Actor, kind: str, subject: bool = False) -> None:
        """Add a resolved mention (once per span) to the memory."""
        key = (actor.start or -1, actor.end or -1)
        if actor.start is not None and key in self._seen:
            return
        self._seen.add(key)
        self.mentions.append(Mention(actor, kind, actor.start if actor.start is not None else 1 << 60,
                                     subject))
        if actor.country:
            self.countries[actor.country] += 1

    def previous_sentence(self, start: int) -> int:
        """Start of the last sentence before the one starting at `start` that had
        actors in it (`start` itself when there is none)."""
        return max((s for s in self.sentences if s < start), default=start)

    def known_name(self, keys: tuple[str, ...]) -> Actor | None:
        """The person remembered under a name ("Brown", "Gordon Brown"), also when it is
        written with a courtesy title ("Mr Brown")."""
        if keys in self.names:
            return self.names[keys]
        if len(keys) > 1 and keys[0] in HONORIFICS:
            return self.names.get(keys[1:])
        return None

    def learn_name(self, name_tokens: tuple[str, ...], actor: Actor, known: bool = False) -> None:
        """Remember a person's name (an unknown one introduced with a title, or a `known`
        one said in full) under the full and the last name. The first one wins, except
        that a person we know replaces an unknown one seen first under the same name
        ("Mr Kennedy ... Lib Dem leader Charles Kennedy ... Mr Kennedy")."""
        if not name_tokens:
            return
        keys = [name_tokens]
        if len(name_tokens) > 1 and len(name_tokens[-1]) > 2:
            keys.append(name_tokens[-1:])
        for key in keys:
            if key not in self.names or (known and key in self._unknown_names):
                self.names[key] = actor
                if known:
                    self._unknown_names.discard(key)
                else:
                    self._unknown_names.add(key)

    def home_country(self) -> str | None:
        """The caller's country (e.g. the dateline's), else a clearly dominant one so far.

        Dominant means at least three mentions and over half of all country
        mentions: business and diplomacy stories name many countries, and a
        wrong home country is worse than none.
        """
        if self.country:
            return self.country
        if not self.countries:
            return None
        country, n = self.countries.most_common(1)[0]
        return country if n >= 3 and n * 2 > sum(self.countries.values()) else None

    def lead_country(self, states: Container[str]) -> str | None:
        """The country of the first subject mentioned with one: who the story is about.

        "Mali's military government expelled the French ambassador": a later
        "the junta" or "the army" with no antecedent of its own belongs to Mali,
        not to the country that was the object of the first clause. Only codes
        in `states` count: an IGO subject has no army or junta.
        """
        for m in self.mentions:
            if m.subject and m.actor.country in states:
                return m.actor.country
        return None

    def antecedent(self, kinds: frozenset[str] | set[str], before: int | None,
                   sector: str | None = None, prefer: frozenset[str] | set[str] = frozenset(),
                   accept: Callable[[Mention], bool] | None = None) -> Mention | None:
        """The compatible mention that ends nearest before `before` (longest on ties).

        With `sector`, only mentions of that sector that have a country count
        ("the demonstrators" after "Iraqi protesters"); with `accept`, only the
        mentions it accepts. Mentions of a kind in
        `prefer` win over nearer ones of other kinds, and subjects over
        non-subjects ("the junta" takes after "Mali's military government",
        not after "the French ambassador" it expelled).
        """
        limit = before if before is not None else 1 << 62
        best: Mention | None = None
        best_key: tuple[bool, bool, int, int] | None = None
        for m in self.mentions:
            if m.position >= limit or m.kind not in kinds:
                continue
            if sector is not None and (m.actor.sector != sector or not m.actor.country):
                continue
            if accept is not None and not accept(m):
                continue
            key = (m.kind in prefer, bool(prefer) and m.subject, *_rank(m))
            if best_key is None or key > best_key:
                best, best_key = m, key
        return best


def _rank(m: Mention) -> tuple[int, int]:
    end = m.actor.end if m.actor.end is not None else m.position
    return end, -m.position


# Role nouns naming a body rather than a person ("the ministry ... it").
COLLECTIVE = word_set("coref", "collective_nouns")


def kind_of(actor: Actor, entry_kind: str | None, plural: bool, head: str = "") -> str:
    """The coreference kind of a resolved actor, from its entry, sector and head word."""
    if entry_kind == "person":
        return "person"
    name = f"{actor.name or ''} {actor.text or ''}".lower()
    if "ministry" in name or "department" in name:
        return "ministry"
    if entry_kind in ("org", "group", "place"):
        return "group" if actor.sector in ARMED else "org"
    if entry_kind == "city":
        return "place"  # evidence of where a sentence is, never a pronoun's antecedent
    if entry_kind in ("country", "seat"):
        return "country"
    if plural:
        return "people"
    if head in COLLECTIVE:
        return "group" if actor.sector in ARMED else "org"
    return "person"  # "the minister", "a soldier", "the envoy"
