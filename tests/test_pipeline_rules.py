"""Pipeline rules that combine stages: anchored dates, unidentified attackers, recipients
that point back at the doer."""

from __future__ import annotations

from tidings.pipeline import code


def by_trigger(events, word):
    return [e for e in events if e.trigger.lower().startswith(word)]


def test_pipeline_anchor_day_after(coder):
    events = code(
        "Police arrested 40 students in Nairobi on Monday, a day after protesters stormed the parliament.",
        date="2023-07-19", coder=coder,
    )
    (arrest,) = by_trigger(events, "arrested")
    assert arrest.date == "2023-07-17"
    (storm,) = by_trigger(events, "stormed")
    assert storm.date == "2023-07-16"
    assert storm.date_text == "a day after"


def test_pipeline_anchor_days_before(coder):
    events = code(
        "Rebels attacked the town of Goma on Friday, three days before the army shelled their positions.",
        date="2023-03-12", coder=coder,
    )
    attack = by_trigger(events, "attacked")
    shelling = by_trigger(events, "shelled")
    assert attack and attack[0].date == "2023-03-10"
    assert shelling and shelling[0].date == "2023-03-13"


def test_pipeline_no_anchor_without_a_measure(coder):
    events = code(
        "Police arrested 40 students on Monday after protesters stormed the parliament.",
        date="2023-07-19", coder=coder,
    )
    storm = by_trigger(events, "stormed")
    assert storm and storm[0].date != "2023-07-16"


def test_pipeline_unidentified_attacker_takes_the_place_country(coder):
    events = code("A car bomb killed 12 people in Beirut on Sunday.", date="2023-03-12", coder=coder)
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert attacks, [(e.type, e.trigger) for e in events]
    actor = attacks[0].actors[0]
    assert (actor.country, actor.sector) == ("LBN", "UAF")


def test_pipeline_a_pronoun_pointing_back_at_the_doer_is_no_recipient(coder):
    """'said it would consult its partners': 'its' is the doer itself, not the other party;
    a pronoun standing for someone else stays a recipient."""
    events = code("France said it would consult its European partners.", date="2022-01-31",
                  coder=coder, include_all=True)
    consult = [e for e in events if e.trigger == "consult"]
    assert consult, [e.trigger for e in events]
    assert all(r.country != "FRA" for e in consult for r in e.recipients)
    events = code("Rebels ambushed the convoy of the Malian army and looted its trucks.",
                  date="2022-01-31", coder=coder, include_all=True)
    assert any(r.country == "MLI" for e in events for r in e.recipients), [
        (e.trigger, [(r.text, r.country) for r in e.recipients]) for e in events]
