"""One event per happening: a toll ("were killed") and the attack that caused it in the same
clause ("in Turkish tank shelling", "when aircraft bombed a house") are one event, coded as
the attack with the toll's victims and counts; the attack noun's modifiers name its doer."""

from __future__ import annotations

import pytest

from tidings.extract import find_clauses
from tidings.extract.nominal import one_per_happening


def _clauses(nlp, lex, text: str):
    sent = next(nlp(text).sents)
    return one_per_happening(find_clauses(sent, lex), lex)


def _violent(clauses):
    return [c for c in clauses if c.type in ("ASSAULT", "COERCE")]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Three farmers and a boy were killed in Turkish tank shelling in Afrin on Monday.",
            "Turkish tank",
        ),
        (
            "Two people were killed in Russian artillery shelling of the village on Sunday.",
            "Russian artillery",
        ),
    ],
)
def test_extract_nominal_merge_toll_and_shelling_are_one_event(nlp, lex, text, doer):
    found = _violent(_clauses(nlp, lex, text))
    assert len(found) == 1, [c.trigger.text for c in found]
    (clause,) = found
    assert clause.trigger.root.lower_ == "shelling"
    assert [a.text for a in clause.agents] == [doer]
    assert (
        clause.patients and clause.patients[0].root.pos_ == "NOUN"
    )  # the victims come first
    assert clause.fatalities is not None and clause.fatalities >= 2
    assert clause.entry.mode == "heavy-weapons"


def test_extract_nominal_merge_conjoined_toll(nlp, lex):
    found = _violent(
        _clauses(
            nlp,
            lex,
            "Six policemen were killed and 9 wounded in a Taliban ambush in Kunduz.",
        )
    )
    assert len(found) == 1
    (clause,) = found
    assert clause.trigger.root.lower_ == "ambush"
    assert clause.fatalities == 6
    assert any(p.root.lower_ == "policemen" for p in clause.patients)


def test_extract_nominal_merge_when_clause(nlp, lex):
    found = _violent(
        _clauses(
            nlp,
            lex,
            "Five people were killed when Israeli jets bombed a house in Gaza City.",
        )
    )
    assert len(found) == 1
    (clause,) = found
    assert clause.trigger.root.lower_ == "bombed"
    assert clause.fatalities == 5
    assert any(p.root.lower_ == "people" for p in clause.patients)
    assert not any(
        p.root.lower_ == "city" for p in clause.patients
    )  # the place is not said twice


def test_extract_nominal_led_coalition_names_the_doer(nlp, lex):
    found = _violent(
        _clauses(
            nlp,
            lex,
            "Eight people were killed in a US-led coalition airstrike near Raqqa.",
        )
    )
    assert len(found) == 1
    assert [a.text for a in found[0].agents] == ["US-led coalition"]


def test_extract_nominal_unrelated_clauses_stay_apart(nlp, lex):
    """A toll and an attack in different clauses are different happenings."""
    found = _violent(
        _clauses(
            nlp,
            lex,
            "Rebels attacked a convoy on Monday, and two soldiers were killed by a sniper in Homs.",
        )
    )
    assert len(found) == 2


def test_extract_nominal_coder_gives_one_event_with_victims(coder):
    from tidings.ingest import article_from_text

    article = article_from_text(
        "Three farmers and a boy were killed in Turkish tank shelling in Afrin on Monday.",
        date="2018-02-06",
    )
    (result,) = coder.code_batch([article])
    assault = [e for e in result.events if e.type == "ASSAULT"]
    assert len(assault) == 1
    (event,) = assault
    assert [(a.country, a.sector) for a in event.actors] == [("TUR", "MIL")]
    assert event.fatalities == 4
    assert event.mode == "heavy-weapons"


@pytest.mark.parametrize(
    ("text", "victim", "doer"),
    [
        (
            "Four villagers were wounded in Turkish mortar fire near Kobani.",
            "villagers",
            "Turkish mortar",
        ),
        (
            "Two fishermen were killed by Israeli tank fire off Gaza.",
            "fishermen",
            "Israeli tank",
        ),
        (
            "Three shepherds died in a Russian bombardment of the valley.",
            "shepherds",
            "Russian",
        ),
    ],
)
def test_extract_nominal_victims_of_an_untriggered_toll(nlp, lex, text, victim, doer):
    """A toll verb with no doer of its own gives no clause; its victims go to the attack noun."""
    found = _violent(_clauses(nlp, lex, text))
    assert len(found) == 1
    (clause,) = found
    assert clause.patients and clause.patients[0].root.lower_ == victim
    assert [a.text for a in clause.agents] == [doer]


def test_extract_nominal_doer_is_not_a_victim(nlp, lex):
    found = _violent(
        _clauses(
            nlp,
            lex,
            "Iraqi government forces killed 14 insurgents in an offensive near Mosul.",
        )
    )
    assert len(found) == 1
    assert [a.root.lower_ for a in found[0].agents] == ["forces"]
    assert all(p.root.lower_ != "forces" for p in found[0].patients)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Two Turkish soldiers were killed in a Kurdish rebel attack near Van.",
            "Kurdish rebel",
        ),
        (
            "Nine civilians were killed in a British air strike in northern Iraq.",
            "British",
        ),  # "air" is the trigger's
        ("Government shelling killed six people in Aleppo on Friday.", "Government"),
    ],
)
def test_extract_nominal_doer_from_modifiers(nlp, lex, text, doer):
    found = _violent(_clauses(nlp, lex, text))
    assert len(found) == 1, [c.trigger.text for c in found]
    assert [a.text for a in found[0].agents] == [doer]
    assert found[0].trigger.root.pos_ != "VERB" or found[0].trigger.root.tag_ == "VBG"


def test_extract_nominal_bombing_that_killed_and_wounded_is_one_event(nlp, lex):
    found = _violent(
        _clauses(
            nlp,
            lex,
            "A car bombing near the city of Kirkuk on Friday killed three police officers and wounded five others.",
        )
    )
    assert len(found) == 1, [c.trigger.text for c in found]
    assert (found[0].fatalities, found[0].injuries) == (3, 5)


def test_extract_nominal_death_in_custody_names_the_custodian(nlp, lex):
    found = _violent(
        _clauses(
            nlp,
            lex,
            "A Kurdish detainee died as a result of torture while in Turkish police custody.",
        )
    )
    assert len(found) == 1
    (clause,) = found
    assert [a.text for a in clause.agents] == ["Turkish police"]
    assert [p.root.lower_ for p in clause.patients] == ["detainee"]


def test_extract_nominal_victims_who_acted_are_not_merged(nlp, lex):
    """'they were killed when they opened fire': the shooting is the victims' own act."""
    found = _violent(_clauses(nlp, lex, "Police said the gunmen were killed when they opened fire on the guards."))
    assert any(c.trigger.root.lemma_ == "kill" for c in found)


def test_extract_nominal_conjoined_national_doers(nlp, lex):
    found = _violent(_clauses(nlp, lex, "At least 20 fighters were killed by French and Malian airstrikes on Sunday."))
    assert len(found) == 1
    assert sorted(a.text for a in found[0].agents) == ["French", "Malian"]
