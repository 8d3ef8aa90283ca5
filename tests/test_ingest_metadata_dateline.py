"""Dateline place, agency credit, publication date and title from the text itself."""

from __future__ import annotations

import pytest

from tidings.ingest import article_from_text
from tidings.ingest.dates import normalise_date

BODY = "Officials said the talks would continue on Wednesday, according to a statement from the ministry."


@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("BAGHDAD (AFP) - ", "Baghdad", "AFP"),
        ("WASHINGTON (Reuters) - ", "Washington", "Reuters"),
        ("NEW YORK (AP) — ", "New York", "AP"),
        ("GENEVA, Switzerland (AP) — ", "Geneva", "AP"),
        ("ANKARA, Jan 5 (Anadolu) -- ", "Ankara", "Anadolu"),
        ("Beijing (Xinhua) - ", "Beijing", "Xinhua"),
        ("KABUL — ", "Kabul", None),
    ],
)
def test_dateline_place_and_agency(opening: str, place: str, agency: str | None) -> None:
    article = article_from_text(opening + BODY)
    assert article.dateline == place
    assert article.source == agency
    first = article.paragraphs[0]
    assert article.text[first.start:first.end] == BODY, "the dateline prefix is skipped"
    assert article.text == opening + BODY


@pytest.mark.parametrize(
    "opening",
    ["US President Donald Trump said ", "UPDATE 2-", "NATO said on Monday that ", "The UN said "],
)
def test_no_dateline_in_ordinary_openings(opening: str) -> None:
    article = article_from_text(opening + BODY)
    assert article.dateline is None
    assert article.paragraphs[0].start == 0


def test_dateline_date_with_year() -> None:
    article = article_from_text("BAGHDAD, Dec 31, 2019 (AFP) - " + BODY)
    assert (article.date, article.date_source) == ("2019-12-31", "dateline")


def test_dateline_date_without_year_takes_the_fallback_year() -> None:
    article = article_from_text("BAGHDAD, Dec 30 (Reuters) - " + BODY, default_date="2019-12-31")
    assert (article.date, article.date_source) == ("2019-12-30", "dateline")


@pytest.mark.parametrize(
    "header",
    ["Published 31 December 2019", "Tuesday 31 Dec 2019", "Updated: Dec. 31, 2019 10:42 GMT", "2019-12-31"],
)
def test_explicit_date_near_the_top(header: str) -> None:
    article = article_from_text(f"{header}\n\n{BODY}", default_date="2020-05-05")
    assert (article.date, article.date_source) == ("2019-12-31", "text")


def test_date_in_a_long_body_sentence_is_not_the_publication_date() -> None:
    text = "The war that began on 20 March 2003 has left deep scars across the country, the report said, as " + BODY
    article = article_from_text(text, default_date="2020-05-05")
    assert (article.date, article.date_source) == ("2020-05-05", "option")


def test_given_date_wins_and_is_normalised() -> None:
    article = article_from_text("BAGHDAD, Dec 31, 2019 (AFP) - " + BODY, date="Jan 2, 2020")
    assert (article.date, article.date_source) == ("2020-01-02", "record")


def test_unparseable_given_date_is_kept_raw() -> None:
    article = article_from_text(BODY, date="sometime soon", default_date="2020-05-05")
    assert article.meta["date_raw"] == "sometime soon"
    assert (article.date, article.date_source) == ("2020-05-05", "option")


def test_no_date_anywhere_is_none() -> None:
    article = article_from_text(BODY)
    assert article.date is None and article.date_source is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-12-31T10:00:00Z", "2019-12-31"),
        ("Tue, 31 Dec 2019 10:00:00 GMT", "2019-12-31"),
        ("December 31st, 2019", "2019-12-31"),
        ("20191231", "2019-12-31"),
        ("31/12/2019", "2019-12-31"),
        ("05/06/2019", None),
        ("2019-02-30", None),
        ("", None),
    ],
)
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_agency_from_copyright_line() -> None:
    article = article_from_text(f"{BODY}\n\nCopyright 2019 The Associated Press. All rights reserved.")
    assert article.source == "AP"


def test_agency_from_trailing_credit() -> None:
    assert article_from_text(f"{BODY} (AFP)").source == "AFP"


def test_given_source_wins() -> None:
    assert article_from_text("BAGHDAD (AFP) - " + BODY, source="France 24").source == "France 24"


def test_headline_becomes_title_paragraph() -> None:
    text = f"Army retakes border town\n\n{BODY}"
    article = article_from_text(text)
    assert article.title == "Army retakes border town"
    assert [p.kind for p in article.paragraphs] == ["title", "body"]


def test_first_line_ending_in_full_stop_is_not_a_title() -> None:
    article = article_from_text(f"The army retook the town.\n\n{BODY}")
    assert article.title is None
    assert [p.kind for p in article.paragraphs] == ["body", "body"]


def test_given_title_matching_first_line_marks_it() -> None:
    article = article_from_text(f"Talks go on.\n\n{BODY}", title="Talks go on.")
    assert article.paragraphs[0].kind == "title"


def test_first_line_equal_to_title_plus_site_name_is_the_title() -> None:
    article = article_from_text(f"Army retakes border town | Example News\n\n{BODY}", title="Army retakes border town")
    assert article.paragraphs[0].kind == "title"
    assert article_from_text(f"Army\n\n{BODY}", title="Army retakes border town").paragraphs[0].kind == "body"


def test_dateline_day_without_year_is_placed_nearest_the_fallback() -> None:
    article = article_from_text("BAGHDAD, Dec 31 (AFP) - " + BODY, default_date="2020-01-02")
    assert article.date == "2019-12-31"
