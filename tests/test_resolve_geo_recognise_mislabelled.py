"""A town the entity recogniser calls a person or product is still a town after "in",
"near" or "outside" when the name is the town's own and the town no hamlet; a
possessive or a small namesake keeps the person reading."""

from __future__ import annotations

import pytest

from tidings.ingest import article_from_text
from tidings.resolve.places import Geoparser


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser()


def _places(nlp, geoparser: Geoparser, text: str) -> list[tuple[str, str | None]]:
    article = article_from_text(text, date="2024-03-04")
    return [(p.text, p.country) for p in geoparser.find([nlp(text)], article).places]


@pytest.mark.parametrize("text,expected", [
    ("Fighting was reported in Chasiv Yar on Monday.", ("Chasiv Yar", "UKR")),
    ("Clashes broke out in Bani Walid on Friday.", ("Bani Walid", "LBY")),
])
def test_mislabelled_town_after_in_is_a_place(nlp, geoparser, text, expected) -> None:
    assert expected in _places(nlp, geoparser, text)


def test_person_name_after_in_with_a_possessive_is_no_new_place(nlp, geoparser) -> None:
    text = "Officials said in Zelensky's office that talks would resume."
    assert all(name != "Zelensky" for name, _ in _places(nlp, geoparser, text))
