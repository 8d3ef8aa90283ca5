"""Actor resolution: noun phrases to a canonical name, a country and a PLOVER sector.

`ActorResolver` loads the knowledge base once (ours, then the users' files,
which add or override) and resolves a phrase by dictionary matching over
normalised token keys (`actor_text`), deciding head, country and sector with
the rules in `actor_match`, and the article's date picking the office a person
held then. spaCy's NER is only a fallback (it labels Kataeb Hezbollah a
PERSON), used for unknown named organisations, which take the article's home
country. Per-article coreference state lives in `ActorContext` (`coref`).
A phrase that names no country of its own may take one from its sentence (the
office holder's or local body's one country named there, the place of a bomb,
the state an ethnic group lives in: `actor_sentence`): `observe` registers the
sentence's named mentions first so these rules see the whole sentence. The other party of the
event (`apart`: its doers, for its recipients), where named by its state, counts
only when neither the sentence's other states nor the event's place (`where`)
say more: the victims of "a Saudi-led coalition airstrike in Saada" are not Saudi.

    resolver = ActorResolver(extra_files=["my_actors.yaml"])
    ctx = resolver.context("2019-12-31")
    actor = resolver.resolve_span(span, ctx)      # spaCy Span -> Actor | None
    victim = resolver.resolve_span(span, ctx, apart=[doer_span], where="YEM")  # not the doer's country
    resolver.lookup("Iraqi lawmakers")            # text -> Actor | None (for the CLI)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace as copy_actor
from pathlib import Path

from spacy.tokens import Doc, Span

from ..errors import DataFileError
from ..lexicon.cues import word_set
from ..extract.phrases import SharedReading, shared_reading
from ..model import Actor
from . import phoenix
from .actor_kb import (
    NAMED_KINDS,
    KnowledgeBase,
    load_builtin,
    load_entities,
    load_roles,
    load_yaml,
)
from .actor_match import (
    Decision,
    decide,
    find_matches,
    member_is_actor,
    name_in_list,
    one_name,
)
from .actor_places import Cities
from .actor_sentence import (
    LOCAL_SECTORS,
    NOT_STATES,
    domestic,
    mention_root,
    placed,
    sentence_rules,
)
from .actor_text import raw_tokens, tokens
from .coref import (
    COLLECTIVE,
    COUNTRY_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    MINISTRY_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    THING_PRONOUNS,
    ActorContext,
    Mention,
    kind_of,
)

DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
# Sectors of role nouns that, said with "the" and no country ("the army"), mean the home country's.
DEFINITE_HOME = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})
_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | RELATIVE_PRONOUNS
_ALL_KINDS = frozenset({"person", "group", "org", "ministry", "country", "people", "place"})
_BODY_KINDS = frozenset({"group", "org", "ministry", "country"})
_PLURAL_KINDS = frozenset({"group", "org", "country", "people", "ministry"})  # what "they" may be
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBSERVED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_ORG_ENTS = frozenset({"ORG", "NORP", "FAC"})  # spaCy labels an unknown organisation may carry


class ActorResolver:
    """Resolves actor phrases; load once per process, then call per phrase."""

    def __init__(self, extra_files: Iterable[str | Path] = (), replace: bool = False) -> None:
        self.kb = KnowledgeBase()
        if not replace:
            load_builtin(self.kb)
        for f in extra_files:
            load_file(self.kb, Path(f))
        if not self.kb.index:
            raise DataFileError("no actor dictionary loaded (replace=True needs --actors files)")
        self.cities = Cities(self.kb) if not replace else None
        self.country_names = {e.country: e.name for e in self.kb.entries
                              if e.kind == "country" and e.country}

    # -- public API ---------------------------------------------------------

    def context(self, date: str | None = None) -> ActorContext:
        """Fresh per-article state; `date` (YYYY-MM-DD) picks the offices people held."""
        return ActorContext(date=date)

    def lookup(self, text: str, date: str | None = None) -> Actor | None:
        """Resolve a bare phrase (no document, no coreference)."""
        keys = tokens(text)
        if len(keys) == 1 and keys[0] in _PRONOUNS - RELATIVE_PRONOUNS:
            # A bare "he" or "they" with no story around it: someone acted, but who is
            # not said (PLOVER's UNK), which is more than "no actor".
            return Actor(text=text, name=None, sector="UNK",
                         why=f"pronoun '{text}' with no antecedent: unidentified")
        decision = self._decide(text, date)
        if decision is None:
            return None
        return self._actor(text, decision, None, None)

    def resolve_span(self, span: Span, ctx: ActorContext, *, apart: Sequence[Span] = (),
                     where: str | None = None) -> Actor | None:
        """Resolve a noun-phrase span of a parsed paragraph, updating the coreference memory.

        `apart`: the spans of the event's other party (its doers, when `span` is a
        recipient); `where`: the country of the event's place, if known. A state
        named in `apart` says who acted, not who was acted on (`_states_apart`): it
        gives the span a country only when the sentence names no other state and
        the event has no place ("Syria fired missiles at villages" most likely
        happened in Syria; the victims of "a Saudi-led coalition airstrike in
        Saada" are Yemeni, whatever the sentence names).
        """
        return self._resolve(span, ctx, whole_sentence=True, apart=apart, where=where)

    def _resolve(self, span: Span, ctx: ActorContext, whole_sentence: bool,
                 apart: Sequence[Span] = (), where: str | None = None) -> Actor | None:
        """`whole_sentence`: every named mention of the span's sentence is already in
        `ctx` (after `observe`), so rules that weigh the sentence's countries may run."""
        offset = span.doc.user_data.get("offset", 0)
        start, end = offset + span.start_char, offset + span.end_char
        ctx.sentences.add(offset + span.sent.start_char)
        shared = self._shared(span)
        text = shared.text if shared is not None else span.text
        keys = tokens(text)
        if len(keys) == 1 and keys[0] in _PRONOUNS:
            tok = next((t for t in span if t.lower_ == keys[0]), span[0])
            return self._pronoun(span, tok, ctx, start, end)
        bare = tuple(t for t in keys if t not in DETERMINERS)
        if len(bare) == 1 and keys[0] == "the" and bare[0] in GROUP_NOUNS | MINISTRY_NOUNS | COUNTRY_NOUNS:
            found = self._definite(bare[0], ctx, start)
            if found is not None:
                return copy_actor(found, text=span.text, start=start, end=end)
        known = ctx.known_name(bare)
        if known is not None:
            actor = copy_actor(known, text=span.text, start=start, end=end,
                               why=f"same name as earlier '{known.text}'")
            ctx.remember(actor, "person")
            return actor
        decision = self._decide(text, ctx.date)
        if shared is not None and shared.role and not member_is_actor(decision):
            return None  # "a strong performance in the Americas and | China": no role to share
        if decision is None:
            return self._unknown(span, ctx, start, end)
        actor = self._actor(span.text, decision, start, end)
        if text != span.text:
            actor.why = f"read as '{text}': {actor.why}"
        if actor.country is None and keys[:1] == ("the",) and actor.sector is not None:
            self._definite_country(actor, ctx, start, keys[-1])
        if actor.country is None and keys[0] in POSSESSIVE_PRONOUNS:
            self._possessor_country(actor, keys[0], ctx, start)
        if whole_sentence:
            sentence_rules(actor, span, ctx, keys, self._states_apart(apart, ctx), fallback=where is None)
        subject = _is_subject(span)
        if text == span.text and self._learn_names(span, decision, actor, ctx):
            ctx.remember(actor, "person", subject)
        else:
            ctx.remember(actor, kind_of(actor, decision.head_kind, decision.plural, keys[-1]), subject)
        return actor

    def observe(self, sent: Span, ctx: ActorContext) -> None:
        """Remember the named actors of a sentence, so later pronouns can find them.

        Each named entity is resolved with its left modifiers, so "Iraq's Foreign
        Ministry" is remembered as Iraqi, not as a bare "Foreign Ministry".
        """
        doc = sent.doc
        i, stop = sent.start, sent.end
        while i < stop:  # token walk: Span.ents scans the whole document each time
            tok = doc[i]
            if tok.ent_iob_ != "B" or tok.ent_type_ not in _OBSERVED:
                i += 1
                continue
            end = i + 1
            while end < stop and doc[end].ent_iob_ == "I":
                end += 1
            ent = doc[i:end]
            if not _stance(doc, i):  # "anti-Syria": a stance, not Syria being mentioned
                first = max(ent.root.left_edge.i, sent.start)
                self._resolve(doc[min(first, i):end], ctx, whole_sentence=False)
            i = end

    def doer_by_mode(self, actor: Actor, mode: str | None) -> Actor:
        """The doer of an attack carried out in `mode`, with the sector the mode implies.

        A state attacks from the air, with drones or with artillery and tanks through
        its armed forces: a doer named only by its state, with no sector of its own
        ("a French air strike", "a U.S. drone strike", "Turkish shelling"), or the
        state a phrase points back at ("the country has begun carrying out air
        strikes"), is that state's military. A people's or region's name ("Chechen
        shelling") is not a state's. Returns a copy, so the coreference memory keeps
        what the words said.
        """
        state = actor.country is not None and actor.name == self.country_names.get(actor.country)
        if mode not in STATE_FORCE_MODES or actor.sector is not None or not state:
            return actor
        return copy_actor(actor, sector="MIL",
                          why=f"{actor.why}; a state's {mode} attack: its military (MIL)")

    # -- internals ------------------------------------------------------------

    def _state_named(self, actor: Actor) -> bool:
        """Whether an actor's own words name it by its state: the state, its seat or its
        nationality word ("Israel", "the Kremlin", "Russian artillery", "a Saudi-led
        coalition"), and no organisation, group, person or region that has the country
        as its home ("Baloch Liberation Army militants", "Chinese President Xi")."""
        if actor.country is None:
            return False
        matches = find_matches(self.kb, tokens(actor.text), raw_tokens(actor.text), self.cities)
        own = [m for m in matches if not m.affiliation and m.entry.country == actor.country]
        return any(m.kind in STATE_KINDS for m in own) and not any(m.kind in NAMED_KINDS for m in own)

    def _states_apart(self, apart: Sequence[Span], ctx: ActorContext) -> list[Mention]:
        """The mentions in the other party's phrases that name it by its state. They say
        who acted, not where: the victims of "Russian artillery shelling near Idlib" or
        "a Saudi-led coalition airstrike in Saada" are not Russian or Saudi, so the
        sentence's other states and the event's place outrank them (`_sentence_countries`).

        Not such mentions: a party's own name (the victims of "the BLA" are in Pakistan,
        those Xi Jinping meets in China); where the party is said to be ("Rebels in | the
        Ivory Coast"); people who act where they live ("Italian militants", "Iraqi
        protesters": `LOCAL_SECTORS`); a body that acts at home ("Egyptian police
        arrested 20 students")."""
        out: list[Mention] = []
        for phrase in apart:
            offset = phrase.doc.user_data.get("offset", 0)
            lo, hi = offset + phrase.start_char, offset + phrase.end_char
            for m in ctx.mentions:
                if not lo <= m.position < hi or m.actor.sector in LOCAL_SECTORS or not self._state_named(m.actor):
                    continue
                tok = mention_root(phrase, m.actor, offset)
                if tok is not None and (placed(tok, phrase) or domestic(tok)):
                    continue
                out.append(m)
        return out

    def _shared(self, span: Span) -> SharedReading | None:
        """The words naming the span's actor when it is a list member sharing a head
        ("the foreign ministers of | Germany"). A member that is part of one name
        with an "and" in it reads as that name ("the presidents of Cuba and | Saint
        Vincent and the Grenadines"); a list that is one name ("Trinidad and Tobago
        officials") leaves the span's own words."""
        shared = shared_reading(span)
        if shared is None:
            return None
        if shared.name is not None:
            whole = name_in_list(self.kb, shared.group.text, shared.name.text, self.cities)
            return shared._replace(text=f"{shared.prefix} {whole}") if whole else shared
        return None if one_name(self.kb, shared.group.text, self.cities) else shared

    def _decide(self, text: str, date: str | None) -> Decision | None:
        toks = tokens(text)
        if not toks:
            return None
        raw = raw_tokens(text)
        notes: list[str] = []
        matches = find_matches(self.kb, toks, raw, self.cities, notes)
        decision = decide(self.kb, toks, tuple(t[:1].isupper() for t in raw), matches, date)
        if decision is not None and notes:
            decision.why[:0] = notes
        return decision

    def _actor(self, text: str, d: Decision, start: int | None, end: int | None) -> Actor:
        name = d.name or (self.country_names.get(d.country) if d.country else None)
        if name is None:
            name = own_name(text)
        return Actor(text=text, name=name, country=d.country, sector=d.sector,
                     start=start, end=end, why="; ".join(d.why))

    def _pronoun(self, span: Span, tok, ctx: ActorContext, start: int, end: int) -> Actor | None:
        low = tok.lower_
        found = None
        if low in RELATIVE_PRONOUNS:
            head = tok.head
            if head.dep_ == "relcl" and head.head.i < tok.i:
                noun = head.head
                phrase = span.doc[noun.left_edge.i: noun.i + 1]
                decision = self._decide(phrase.text, ctx.date)
                if decision is not None:
                    found = self._actor(phrase.text, decision, None, None)
                    found.why = f"relative pronoun -> '{phrase.text}': {found.why}"
            return copy_actor(found, text=span.text, start=start, end=end) if found else None
        if low in PERSON_PRONOUNS:
            m = ctx.antecedent({"person"}, start)
        elif low in THING_PRONOUNS:
            m = ctx.antecedent({"org", "group", "country", "ministry"}, start)
        else:
            m = self._plural_antecedent(span, ctx, start)
        if m is None:
            return None
        return copy_actor(m.actor, text=span.text, start=start, end=end,
                          why=f"pronoun '{span.text}' -> '{m.actor.text}'")

    def _plural_antecedent(self, span: Span, ctx: ActorContext, start: int) -> Mention | None:
        """'They' after 'al-Shabab ... in Somalia' are the group: a state is seldom
        'they', so a group, organisation or people named in this or the previous
        sentence wins over a nearer country."""
        m = ctx.antecedent(_PLURAL_KINDS, start)
        if m is None or m.kind != "country":
            return m
        other = ctx.antecedent(_PLURAL_KINDS - {"country"}, start)
        offset = span.doc.user_data.get("offset", 0)
        window = ctx.previous_sentence(offset + span.sent.start_char)
        return other if other is not None and other.position >= window else m

    def _definite(self, noun: str, ctx: ActorContext, start: int) -> Actor | None:
        if noun in MINISTRY_NOUNS:
            m = ctx.antecedent({"ministry"}, start)
        elif noun in COUNTRY_NOUNS:
            m = ctx.antecedent({"country"}, start)
        else:
            m = ctx.antecedent({"group"}, start)
        if m is None:
            return None
        return copy_actor(m.actor, why=f"'the {noun}' -> '{m.actor.text}'")

    def _definite_country(self, actor: Actor, ctx: ActorContext, start: int, head: str) -> None:
        """'the demonstrators' after 'Iraqi protesters' are Iraqi; 'the army' is the home country's.

        A body ('the junta', 'the army') prefers an earlier body or country of its
        sector said as a subject over a nearer person ('the French ambassador'
        it expelled); with no antecedent it belongs to the article's home
        country, else to the country of the story's first subject.
        """
        prefer = _BODY_KINDS if head in COLLECTIVE else frozenset()
        m = ctx.antecedent(_ALL_KINDS, start, sector=actor.sector, prefer=prefer,
                           accept=_same_body(head) if head in STATE_ORGANS else None)
        if m is not None:
            actor.country = m.actor.country
            actor.why = f"{actor.why}; country {actor.country} from earlier '{m.actor.text}'"
            return
        if actor.sector not in DEFINITE_HOME:
            return
        home = ctx.home_country()
        if home:
            actor.country = home
            actor.why = f"{actor.why}; country {actor.country} from the article"
        elif head in COLLECTIVE and (lead := ctx.lead_country(self.country_names)):
            actor.country = lead
            actor.why = f"{actor.why}; country {actor.country} of the story's first subject"

    def _possessor_country(self, actor: Actor, pronoun: str, ctx: ActorContext, start: int) -> None:
        """'Bosnian Serbs said their forces ...': the forces are the possessor's."""
        if pronoun in PERSON_PRONOUNS:
            kinds = {"person"}
        elif pronoun in THING_PRONOUNS:
            kinds = {"org", "group", "country", "ministry"}
        else:
            kinds = {"group", "org", "country", "people", "ministry"}
        m = ctx.antecedent(kinds, start)
        if m is not None and m.actor.country:
            actor.country = m.actor.country
            actor.why = f"{actor.why}; country {actor.country} of '{pronoun}' -> '{m.actor.text}'"

    def _unknown(self, span: Span, ctx: ActorContext, start: int, end: int) -> Actor | None:
        """A named organisation we do not know, or a person we do not know written
        with a courtesy title ("Mr Letwin" in a story about British politics): kept,
        with the article's home country, and a person remembered under the name."""
        words = [t for t in span if t.lower_ not in DETERMINERS]
        person = (len(words) >= 2 and words[0].lower_.rstrip(".") in HONORIFICS
                  and all(t.text[:1].isupper() and t.is_alpha for t in words[1:]))
        if not person and span.root.ent_type_ not in _ORG_ENTS:
            return None
        home = ctx.home_country()
        if home is None:
            return None
        if person:
            name = " ".join(t.text for t in words[1:])
            actor = Actor(text=span.text, name=name, country=home, sector=None, start=start, end=end,
                          why=f"unknown person; country {home} from the article")
            ctx.learn_name(tuple(t.lower_ for t in words[1:]), actor)
            ctx.remember(actor, "person")
            return actor
        name = " ".join(t.text for t in words)
        actor = Actor(text=span.text, name=name, country=home, sector=None, start=start, end=end,
                      why=f"unknown named organisation; country {home} from the article")
        ctx.remember(actor, "org")
        return actor

    def _learn_names(self, span: Span, d: Decision, actor: Actor, ctx: ActorContext) -> bool:
        """'Minister Juan Carlos Jobet': the phrase is a person named Juan Carlos Jobet.

        The capitalised words after the last dictionary match are the name of
        whoever the title describes; they are remembered so that a later
        'Jobet' is the same actor. Returns whether the phrase names a person.
        """
        if d.head_kind == "person" and d.head is not None:
            # "Gordon Brown ... Mr Brown": a known person said in full is remembered
            # under the last name too, which the dictionary may not list alone
            full = tokens(d.head.name)
            if len(full) > 1 and _contains(keys := tokens(span.text), full):
                ctx.learn_name(full, actor, known=True)
            return True
        if not d.covered:
            return False
        keys, raw = tokens(span.text), raw_tokens(span.text)
        after = max(d.covered) + 1
        positions = list(range(after, len(keys)))
        if len(positions) < 2 or not all(raw[i][:1].isupper() and raw[i].isalpha() for i in positions):
            return False
        actor.name = " ".join(raw[i] for i in positions)
        ctx.learn_name(tuple(keys[i] for i in positions), actor)
        return True


# Organs only a state has (data/lexicon/cues/coref.yaml).
STATE_ORGANS = word_set("coref", "state_organs")


def _same_body(head: str) -> Callable[[Mention], bool]:
    """Which mentions a state organ ("the junta") may point back at: a state's, or an
    international body named by the same noun ("the administration" after a "UN
    Interim Administration")."""
    def accept(m: Mention) -> bool:
        return m.actor.country not in NOT_STATES or head in tokens(f"{m.actor.name} {m.actor.text}")
    return accept


def _contains(keys: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether a phrase's keys hold a name's keys in a row."""
    return any(keys[i:i + len(name)] == name for i in range(len(keys) - len(name) + 1))


# Sectors of a state's organs and forces (`takes_event_country`).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
# Dictionary kinds that name a state itself: "Israel", "Israeli", "the Kremlin".
STATE_KINDS = frozenset({"country", "demonym", "seat"})
# PLOVER ASSAULT modes a state carries out through its armed forces (`doer_by_mode`):
# aircraft, drones, artillery and tanks.
STATE_FORCE_MODES = frozenset({"aerial", "drone", "heavy-weapons"})
POSSESSIVE_PRONOUNS = frozenset({"their", "its", "his", "her"})




def own_name(text: str) -> str:
    """The name an actor gets from its own words when no dictionary names it ("a man"
    -> "man", "Four children" -> "Four children")."""
    return " ".join(w for w in text.split() if w.lower() not in DETERMINERS) or text


def takes_event_country(actor: Actor) -> bool:
    """Whether an actor with no country of its own takes the country of the event's
    place: one named by a bare role noun ("protesters", "police", "Four children"),
    or people named by a role noun with an article ("a man", "the residents", "a
    journalist"). Not a dictionary name or a pronoun's antecedent, and not a state's
    organs or arms with an article ("the army", "a drone", "the ministry"): those
    may be a foreign state's, which coreference decides (`_definite_country`)."""
    if actor.country is not None or actor.sector is None or actor.name is None:
        return False
    if actor.name == actor.text:
        return True
    return actor.name == own_name(actor.text) and actor.sector not in STATE_SECTORS


def _stance(doc: Doc, i: int) -> bool:
    """Whether token i follows "anti-" or "pro-" ("anti-Syria", "pro Iran")."""
    if i >= 1 and doc[i - 1].lower_ in ("anti", "pro", "anti-", "pro-"):
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro")


def _is_subject(span: Span) -> bool:
    """Whether the phrase is a clause's subject, its possessor or conjunct
    ("Mali" in "Mali's military government expelled ...")."""
    tok = span.root
    for _ in range(4):  # poss -> compound -> conj chains are short
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if tok.dep_ not in ("poss", "compound", "conj", "appos") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def load_file(kb: KnowledgeBase, path: Path) -> None:
    """A user's dictionary: our YAML / CSV / TSV formats, or Phoenix / PETRARCH / TABARI."""
    if not path.is_file():
        raise DataFileError(f"{path}: no such actor dictionary")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        load_yaml(kb, path)
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    if suffix in (".csv", ".tsv"):
        header = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), "")
        if "phrase" in header.lower().replace("\t", ",").split(","):
            load_roles(kb, path, text)
        else:
            load_entities(kb, path, text)
        return
    phoenix.load(kb, path)
