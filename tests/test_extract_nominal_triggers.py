"""Event nouns the parser misreads, and attacks named as the cause of a toll: "killed by
tank fire" (the fire is the event), "Russian shelling hit a hospital" ("shelling" parsed as
an auxiliary), "announced asset freezes and ... sanctions against X" (a noun compound parsed
as a clause under the announcing verb)."""

from __future__ import annotations

from tidings.extract import find_clauses
from tidings.extract.nominal import one_per_happening
from tidings.extract.triggers import find_triggers


def _sent(nlp, text):
    return next(nlp(text).sents)


def test_extract_nominal_cause_in_passive_agent_is_the_event(nlp, lex):
    sent = _sent(nlp, "Two fishermen were killed by Israeli tank fire off the coast.")
    triggers = find_triggers(sent, lex)
    assert [t.head.lower_ for t in triggers] == [
        "fire"
    ]  # the killing is the fire's toll
    (clause,) = one_per_happening(find_clauses(sent, lex), lex)
    assert clause.entry.mode == "heavy-weapons"
    assert [a.text for a in clause.agents] == ["Israeli tank"]
    assert clause.patients[0].root.lower_ == "fishermen"


def test_extract_nominal_unnamed_device_stands_for_its_attacker(nlp, lex):
    sent = _sent(nlp, "Two policemen were killed by a roadside bomb near Kandahar.")
    (clause,) = [
        c
        for c in one_per_happening(find_clauses(sent, lex), lex)
        if c.type == "ASSAULT"
    ]
    assert [a.root.lower_ for a in clause.agents] == ["bomb"]
    assert clause.patients[0].root.lower_ == "policemen"


def test_extract_nominal_gerund_read_as_auxiliary(nlp, lex):
    sent = _sent(nlp, "Russian shelling hit a school in Mariupol.")
    found = [
        c
        for c in one_per_happening(find_clauses(sent, lex), lex)
        if c.type == "ASSAULT"
    ]
    assert len(found) == 1
    (clause,) = found
    assert clause.trigger.text == "shelling"
    assert [a.text for a in clause.agents] == ["Russian"]
    assert [p.root.lower_ for p in clause.patients] == ["school"]


def test_extract_nominal_plain_verb_ing_is_no_event_noun(nlp, lex):
    """A progressive verb with no modifier of its own stays a verb ("are shelling")."""
    sent = _sent(nlp, "The rebels are shelling the town every night.")
    assert all(t.head.pos_ == "VERB" for t in find_triggers(sent, lex))


def test_extract_nominal_measures_under_an_announcement(nlp, lex):
    sent = _sent(
        nlp,
        "The Australian government announced asset freezes and bans on travel to Australia against "
        "three generals in the Iranian army, as well as economic sanctions against two of Iran's banks.",
    )
    found = [c for c in find_clauses(sent, lex) if c.type == "SANCTION"]
    assert len(found) == 1
    assert [a.root.lower_ for a in found[0].agents] == ["government"]
    assert any("Iran" in p.text for p in found[0].patients)


def test_extract_nominal_origin_stands_for_the_doer(nlp, lex):
    sent = _sent(nlp, "Shelling from Syrian territory wounded three Turkish border guards.")
    found = [c for c in one_per_happening(find_clauses(sent, lex), lex) if c.type == "ASSAULT"]
    assert len(found) == 1
    (clause,) = found
    assert [a.text for a in clause.agents] == ["Syrian territory"]
    assert [p.root.lower_ for p in clause.patients] == ["guards"]  # the origin is not also the target
