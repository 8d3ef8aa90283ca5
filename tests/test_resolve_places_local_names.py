"""The geoparser on the names local and wire news write: state abbreviations, short
aliases, names joined by "and"/"of", lists that look like "Town, State", capitals
and states of one name, English counties, and divisions named after their city."""

from __future__ import annotations

from tidings.model import Article, Paragraph, Place
from tidings.resolve.places import Geoparser, PlaceContext


def parse(nlp, geo: Geoparser, text: str) -> PlaceContext:
    doc = nlp(text)
    doc.user_data["offset"] = 0
    return geo.find([doc], Article(id="t", text=text, paragraphs=[Paragraph(0, len(text))]))


def place(ctx: PlaceContext, text: str) -> Place:
    found = [p for p in ctx if p.text == text]
    assert found, f"{text!r} not found among {[p.text for p in ctx]}"
    return found[0]


def test_ap_state_abbreviations_name_their_state_anywhere(nlp, geo) -> None:
    ctx = parse(nlp, geo, "Fla. economist casts doubt on casino job figures.")
    assert (place(ctx, "Fla.").admin1, place(ctx, "Fla.").feature) == ("Florida", "ADM1")
    ctx = parse(nlp, geo, "A W. Va. coal miner was hurt on Monday.")
    assert place(ctx, "W. Va.").admin1 == "West Virginia"


def test_dots_tell_los_angeles_from_louisiana(nlp, geo) -> None:
    ctx = parse(nlp, geo, "The band moved to L.A. last year.")
    assert place(ctx, "L.A.").admin1 == "California"


def test_short_aliases_of_small_towns_are_not_places(nlp, geo) -> None:
    ctx = parse(nlp, geo, "ST. PAUL -- A man was accused of threatening a tax worker.")
    assert all(p.country == "USA" for p in ctx), [(p.text, p.name, p.country) for p in ctx]
    assert place(ctx, "ST. PAUL").admin1 == "Minnesota"


def test_names_joined_by_and_or_of_stay_whole(nlp, geo) -> None:
    ctx = parse(nlp, geo, "The team from Trinidad and Tobago lost in Port of Spain.")
    assert place(ctx, "Trinidad and Tobago").feature == "PCLI"
    assert place(ctx, "Port of Spain").country == place(ctx, "Trinidad and Tobago").country
    assert not any(p.text in ("Trinidad", "Tobago", "Spain") for p in ctx)


def test_a_list_of_places_is_not_a_town_and_its_state(nlp, geo) -> None:
    ctx = parse(nlp, geo, "After stops in Washington, New York and Chicago, the prince flew west.")
    washington = place(ctx, "Washington")
    assert (washington.name, washington.feature) == ("Washington", "PPLC")
    assert place(ctx, "Chicago").admin1 == "Illinois"


def test_comma_qualifiers_still_narrow_a_town(nlp, geo) -> None:
    ctx = parse(nlp, geo, "Finalists were Louisville, Ky., New Haven, Conn., and Surprise, Ariz.")
    assert place(ctx, "New Haven").admin1 == "Connecticut"
    assert place(ctx, "Louisville").admin1 == "Kentucky"


def test_a_capital_beats_the_state_of_its_name_unless_qualified(nlp, geo) -> None:
    ctx = parse(nlp, geo, "The minister flew to Washington for talks on trade.")
    assert place(ctx, "Washington").feature == "PPLC"
    ctx = parse(nlp, geo, "The family moved to Seattle, Washington, in May.")
    assert place(ctx, "Washington").feature == "ADM1"


def test_a_state_name_is_the_state_not_a_town_named_after_it(nlp, geo) -> None:
    ctx = parse(nlp, geo, "Farmers in Kansas and Oregon expect a poor harvest in Illinois.")
    for name in ("Kansas", "Oregon"):
        assert place(ctx, name).feature == "ADM1", name


def test_english_counties_are_places_in_england(nlp, geo) -> None:
    ctx = parse(nlp, geo, "Heavy rain flooded homes in Kent and Hampshire on Sunday, the Met Office said.")
    for name in ("Kent", "Hampshire"):
        assert (place(ctx, name).country, place(ctx, name).admin1) == ("GBR", "England"), name


def test_a_division_named_after_its_city_defers_to_the_city(geo) -> None:
    homs = geo.lookup("Homs")
    assert homs is not None and homs.feature in ("PPL", "PPLC") and homs.country == "SYR"
    st_louis = geo.lookup("St. Louis")
    assert st_louis is not None and (st_louis.country, st_louis.admin1) == ("USA", "Missouri")


def test_us_regions_resolve_to_the_us(nlp, geo) -> None:
    ctx = parse(nlp, geo, "Storms hit the West Coast and the Midwest overnight.")
    assert {place(ctx, "West Coast").country, place(ctx, "Midwest").country} == {"USA"}


def test_the_named_district_beats_its_province_as_the_event_place(nlp, geo) -> None:
    text = "Gunmen shot a rubber tapper in the Thantho district of Yala province, police said."
    doc = nlp(text)
    doc.user_data["offset"] = 0
    ctx = geo.find([doc], Article(id="t", text=text, paragraphs=[Paragraph(0, len(text))]))
    trigger = next(t for t in doc if t.lemma_ == "shoot")
    assert ctx.event_place(trigger).text == "Thantho"


def test_a_longer_form_of_a_city_name_is_still_the_city(nlp, geo) -> None:
    ctx = parse(nlp, geo, "In 1915 the German army captured Brest-Litovsk.")
    assert place(ctx, "Brest-Litovsk").country == "BLR"
