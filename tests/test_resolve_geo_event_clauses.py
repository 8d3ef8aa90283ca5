"""Which clause's place is the event's: not a relative clause that describes a noun,
not the source of an attribution, and the same act for verbs sharing a subject."""

from __future__ import annotations

import pytest



@pytest.mark.parametrize(("text", "trigger", "where"), [
    # a relative clause on a person tells about them, not the shooting
    ("Soldiers shot two men who had lived in Nairobi for years.", "shot", None),
    # ...but on the place where it happened it still locates it, and so on the event's own noun
    ("Gunmen opened fire at a market that sells fish in Mombasa.", "opened", "Mombasa"),
    ("Officials said the group had doubled the number of attacks it carried out in Iraq last year.",
     "attacks", "Iraq"),
    # the source's place is not the event's
    ("Three soldiers were killed, according to officials in Kabul.", "killed", None),
    ("Three soldiers were killed on Monday, according to a statement from the defence ministry in Kabul.",
     "killed", None),
    # a country's own war happens in it; its offensive is its act, not a place
    ("Thousands of people have been killed in Syria's civil war.", "killed", "Syria"),
    ("Hundreds of people were killed in Israel's offensive.", "killed", None),
])
def test_clause_rules(event_place_text, text: str, trigger: str, where: str | None) -> None:
    assert event_place_text(text, trigger) == where


@pytest.mark.parametrize(("text", "trigger", "where"), [
    (("Rebels ambushed and killed a soldier in Goma, and troops moved into the town of Rutshuru "
      "and detained three men."), "ambushed", "Goma"),
    ("Police beat and arrested a student in Lahore, while protesters marched through the city of Multan.",
     "beat", "Lahore"),
])
def test_verbs_sharing_a_subject_share_the_place(event_place_text, text: str, trigger: str, where: str) -> None:
    assert event_place_text(text, trigger) == where


@pytest.mark.parametrize(("text", "trigger", "where"), [
    # a reference point stays one behind "the city of"
    ("Gunmen attacked a bus near Khanewal, a town northeast of the city of Multan.", "attacked", "Khanewal"),
    ("Gunmen attacked a bus in Khanewal, a town 50 km northeast of the city of Multan.", "attacked", "Khanewal"),
    # a place that owns another only says where that one is
    ("A bomb exploded at a market in Baghdad's Sadr City district.", "exploded", "Sadr City"),
    ("A bomb exploded near a mosque in Dagestan's capital Makhachkala.", "exploded", "Makhachkala"),
])
def test_containers_and_reference_points_lose_to_the_place_itself(event_place_text, text: str, trigger: str,
                                                                   where: str) -> None:
    assert event_place_text(text, trigger) == where


@pytest.mark.parametrize(("text", "trigger"), [
    ("Police detained protesters at a rally against Indian sovereignty over Kashmir.", "detained"),
    ("Police arrested two activists after a debate on Syria.", "arrested"),
])
def test_what_words_are_about_is_not_where(event_place_text, text: str, trigger: str) -> None:
    assert event_place_text(text, trigger) is None


def test_owner_of_what_was_stormed_is_not_where(event_place_text) -> None:
    text = "Thousands of angry protesters stormed the US embassy in Baghdad on Tuesday."
    assert event_place_text(text, "stormed") == "Baghdad"
