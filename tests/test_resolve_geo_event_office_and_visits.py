"""Where an event happened when the sentence also names an office's place: "the
commander in Iraq" describes the person, "during a visit to Beirut" is where the
talks were; the office's place is only the last resort."""

from __future__ import annotations

import pytest

from tidings.ingest import article_from_text
from tidings.model import Article, Paragraph


@pytest.mark.parametrize(("text", "trigger", "where"), [
    ("The US commander in Iraq held talks with Lebanese leaders during a visit to Beirut.", "held", "Beirut"),
    ("The British envoy in Kabul met Pakistani officials on a trip to Islamabad.", "met", "Islamabad"),
    ("The German ambassador to France held talks with Spanish ministers during a visit to Madrid.",
     "held", "Madrid"),
    ("The governor of Texas met Mexican officials on a visit to Monterrey.", "met", "Monterrey"),
    ("Hundreds of protesters demonstrated near the entrance to Heathrow.", "demonstrated", "Heathrow"),
])
def test_visit_destination_beats_the_office_place(event_place_text, text: str, trigger: str, where: str) -> None:
    assert event_place_text(text, trigger) == where


def test_office_place_is_still_the_fallback(event_place_text) -> None:
    text = "The al-Qaida commander in Somalia was killed in an air strike."
    assert event_place_text(text, "killed") == "Somalia"


def test_code_places_talks_at_the_visit_not_the_commanders_posting(coder) -> None:
    text = ("The US commander in Afghanistan, General John Smith, held talks with President "
            "Asif Ali Zardari during a visit to Islamabad.")
    (result,) = coder.code_batch([article_from_text(text, date="2024-05-02")])
    talks = [e for e in result.events if e.type == "CONSULT"]
    assert talks, "the talks should be coded"
    assert {e.location.name for e in talks if e.location is not None} == {"Islamabad"}


@pytest.mark.parametrize(("text", "trigger", "where"), [
    (("Jan Nowak, 31, a soldier with the 10th Armoured Brigade in the port of Gdansk, was shot in an "
      "ambush north of Basra."), "shot", "Basra"),
    ("Mark Evans, a reporter with a newspaper in Manchester, was wounded in an attack south of Kandahar.",
     "wounded", "Kandahar"),
])
def test_who_someone_is_does_not_say_where_it_happened(event_place_text, text: str, trigger: str, where: str) -> None:
    assert event_place_text(text, trigger) == where


@pytest.mark.parametrize(("text", "trigger", "where"), [
    ("Israeli troops withdrew from Gaza on Monday.", "withdrew", "Gaza"),
    ("Thousands of families fled from Mosul as the fighting spread.", "fled", "Mosul"),
    ("Two diplomats were expelled from Iran last week.", "expelled", "Iran"),
])
def test_leaving_a_place_happens_there(event_place_text, text: str, trigger: str, where: str) -> None:
    assert event_place_text(text, trigger) == where


def test_a_where_phrase_the_rules_reject_stays_rejected(nlp, geo) -> None:
    """The extractor's where-phrases are candidates, not answers: a source's place is not
    where the shooting was, even when the extractor offers it."""
    text = "Two soldiers were shot on Monday, according to a statement from officials in Kabul."
    doc = nlp(text)
    doc.user_data["offset"] = 0
    ctx = geo.context([doc], Article(id="t", text=text, paragraphs=[Paragraph(0, len(text))]))
    kabul = next(e for e in doc.ents if e.text == "Kabul")
    start = text.index("shot")
    trigger = doc.char_span(start, start + len("shot"))
    assert ctx.event_place(trigger, [kabul]) is None
