"""The geoparser's second round: state qualifiers keep their own reading, serial-comma
lists are not "Town, State", a country's metropolis beats its small namesakes, NER spans
cut short of a longer known name are extended, "north Atlantic Ocean" is the North
Atlantic, and landmarks news names bare (Heathrow, Broadway) beat same-named towns."""

from __future__ import annotations

import pytest

from tidings.model import Article, Paragraph, Place
from tidings.resolve.places import Geoparser, PlaceContext


def parse(nlp, geo: Geoparser, text: str) -> PlaceContext:
    doc = nlp(text)
    doc.user_data["offset"] = 0
    return geo.find([doc], Article(id="t", text=text, paragraphs=[Paragraph(0, len(text))]))


def places(ctx: PlaceContext, text: str) -> list[Place]:
    found = [p for p in ctx if p.text == text]
    assert found, f"{text!r} not found among {[p.text for p in ctx]}"
    return found


def test_state_abbreviation_keeps_the_state_beside_the_capital(nlp, geo) -> None:
    ctx = parse(nlp, geo, "TACOMA, Wash. - The crew trained in Oregon and Idaho this year. "
                          "The unit also flew to Washington, D.C. for a briefing. "
                          "Most of its work is at home in Washington.")
    wash = places(ctx, "Wash.")[0]
    assert (wash.feature, wash.admin1) == ("ADM1", "Washington")
    readings = {(p.feature, p.admin1) for p in places(ctx, "Washington")}
    assert ("PPLC", "District of Columbia") in readings  # "Washington, D.C."
    assert ("ADM1", "Washington") in readings  # the bare repeat follows the dateline's state


def test_a_list_of_towns_is_not_town_and_state(nlp, geo) -> None:
    ctx = parse(nlp, geo, "The firm has offices in Los Angeles, Miami, New York, and Chicago.")
    new_york = places(ctx, "New York")[0]
    assert new_york.feature != "ADM1"
    assert new_york.lat == pytest.approx(40.71, abs=0.5)
    assert places(ctx, "Miami")[0].admin1 == "Florida"  # not a Miami in New York state


def test_a_metropolis_beats_small_namesakes_in_another_state(nlp, geo) -> None:
    ctx = parse(nlp, geo, "The Rockets beat Portland on Friday in Houston before flying to San Antonio.")
    assert places(ctx, "Portland")[0].admin1 == "Oregon"
    ctx = parse(nlp, geo, "Fans in Dallas watched the Cowboys lose in Louisville.")
    assert places(ctx, "Louisville")[0].admin1 == "Kentucky"


def test_a_qualifier_still_picks_the_small_namesake(nlp, geo) -> None:
    ctx = parse(nlp, geo, "The storm flooded streets in Portland, Texas, on Friday.")
    assert places(ctx, "Portland")[0].admin1 == "Texas"


@pytest.mark.parametrize(("text", "span", "country"), [
    ("The pope led a vigil in St. Peter's Basilica on Saturday.", "St. Peter's Basilica", "VAT"),
    ("Crews repaired pipes near Tijuana in Baja California this week.", "Baja California", "MEX"),
    ("Talks with the Democratic People's Republic of Korea stalled again.",
     "Democratic People's Republic of Korea", "PRK"),
])
def test_a_cut_entity_runs_on_into_the_longer_known_name(nlp, geo, text, span, country) -> None:
    assert places(parse(nlp, geo, text), span)[0].country == country


def test_direction_and_name_that_are_one_place(nlp, geo) -> None:
    ctx = parse(nlp, geo, "The ship sank in the north Atlantic Ocean after the storm.")
    p = places(ctx, "north Atlantic Ocean")[0]
    assert p.name == "North Atlantic"
    assert p.lat == pytest.approx(40.0, abs=1.0)


@pytest.mark.parametrize(("text", "span", "country", "lat"), [
    ("Officers searched a passenger plane at Heathrow airport late on Friday.", "Heathrow", "GBR", 51.47),
    ("She starred in a hit musical on Broadway last year.", "Broadway", "USA", 40.76),
    ("Aides met reporters at the White House on Monday.", "White House", "USA", 38.90),
])
def test_landmarks_news_names_bare_beat_small_towns(nlp, geo, text, span, country, lat) -> None:
    p = places(parse(nlp, geo, text), span)[0]
    assert p.country == country
    assert p.lat == pytest.approx(lat, abs=0.2)
