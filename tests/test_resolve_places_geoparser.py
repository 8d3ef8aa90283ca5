"""The geoparser on hand-built articles: offsets, context, metonyms, demonyms, regions,
and choosing an event's place."""

from __future__ import annotations

from tidings.model import Article, Paragraph
from tidings.resolve.places import Geoparser, PlaceContext


def parse(nlp, geo: Geoparser, text: str, dateline: str | None = None) -> tuple[list, PlaceContext]:
    """One article whose paragraphs are its blank-line-separated blocks."""
    paras, pos = [], 0
    for block in text.split("\n\n"):
        paras.append(Paragraph(pos, pos + len(block)))
        pos += len(block) + 2
    art = Article(id="t", text=text, paragraphs=paras, dateline=dateline)
    docs = []
    for p in paras:
        doc = nlp(text[p.start:p.end])
        doc.user_data["offset"] = p.start
        docs.append(doc)
    return docs, geo.find(docs, art)


def test_offsets_point_into_the_article_text(nlp, geo) -> None:
    text = "Intro line.\n\nProtesters stormed the US embassy in Baghdad on Tuesday."
    _, ctx = parse(nlp, geo, text)
    places = list(ctx)
    assert places, "no toponyms found"
    for p in places:
        assert text[p.start:p.end] == p.text
    baghdad = next(p for p in places if p.text == "Baghdad")
    assert (baghdad.country, baghdad.feature) == ("IRQ", "PPLC")


def test_washington_the_government_is_not_a_place(nlp, geo) -> None:
    _, ctx = parse(nlp, geo, "Washington said the strikes were defensive. Tourists flocked to Seattle, Washington.")
    said = [p for p in ctx if p.start == 0]
    assert said == []
    assert any(m.start == 0 for m in ctx.metonyms)


def test_demonyms_are_not_toponyms_but_count_as_evidence(nlp, geo) -> None:
    _, ctx = parse(nlp, geo, "Iraqi officials met Syrian envoys in Amman.")
    texts = [p.text for p in ctx]
    assert "Iraqi" not in texts and "Syrian" not in texts
    assert "IRQ" in ctx.countries


def test_direction_plus_country_is_a_region_of_that_country(nlp, geo) -> None:
    _, ctx = parse(nlp, geo, "US strikes in western Iraq killed 25 fighters.")
    region = next(p for p in ctx if p.text == "western Iraq")
    iraq = geo.lookup("Iraq")
    assert (region.country, region.feature) == ("IRQ", "RGN")
    assert (region.lat, region.lon) == (iraq.lat, iraq.lon)


def test_state_qualifier_and_article_context_disambiguate(nlp, geo) -> None:
    _, ctx = parse(nlp, geo, "A woman from Alexandria, La., was arrested. Alexandria police said more arrests may follow.")
    alex = [p for p in ctx if p.text == "Alexandria"]
    assert len(alex) == 2
    assert all((p.country, p.admin1) == ("USA", "Louisiana") for p in alex)


def test_dateline_decides_an_ambiguous_name(nlp, geo) -> None:
    text = "Police in Alexandria arrested three men on Monday."
    _, bare = parse(nlp, geo, text)
    _, dated = parse(nlp, geo, text, dateline="RICHMOND, Va.")
    assert next(p for p in bare if p.text == "Alexandria").country == "EGY"
    assert next(p for p in dated if p.text == "Alexandria").country == "USA"


def test_resolve_span_uses_found_places(nlp, geo) -> None:
    docs, ctx = parse(nlp, geo, "Fighting resumed in the Gaza Strip overnight.")
    doc = docs[0]
    span = next(doc[i:i + 3] for i in range(len(doc) - 2) if doc[i:i + 3].text == "the Gaza Strip")
    place = ctx.resolve_span(span)
    assert place is not None and place.country == "PSE"


def test_event_place_prefers_the_trigger_attachment(nlp, geo) -> None:
    docs, ctx = parse(nlp, geo, "Iraq's prime minister said protesters stormed the embassy in Baghdad.")
    doc = docs[0]
    trigger = next(t for t in doc if t.lemma_ == "storm")
    assert ctx.event_place(trigger).text == "Baghdad"
    said = next(t for t in doc if t.lemma_ == "say")
    place = ctx.event_place(said)
    assert place is None or place.text != "Iraq"  # "Iraq's premier" describes an actor


def test_event_place_object_of_a_territorial_verb(nlp, geo) -> None:
    docs, ctx = parse(nlp, geo, "Rebels captured Kandahar after a week of fighting.")
    trigger = next(t for t in docs[0] if t.lemma_ == "capture")
    assert ctx.event_place(trigger).text == "Kandahar"


def test_event_place_prefers_the_named_place_over_its_container(nlp, geo) -> None:
    docs, ctx = parse(nlp, geo, "A roadside bomb killed two civilians in the town of Baquba, north of Baghdad.")
    trigger = next(t for t in docs[0] if t.lemma_ == "kill")
    assert ctx.event_place(trigger).text == "Baquba"


def test_unknown_names_in_place_frames_are_kept_unresolved(nlp, geo) -> None:
    _docs, ctx = parse(nlp, geo, "Fighters liberated the village of Qaryat Zubayrah after a long battle.")
    unresolved = [p.text for p in ctx.unresolved]
    assert any("Zubayrah" in t for t in unresolved)
    assert all(p.lat is None for p in ctx.unresolved)
