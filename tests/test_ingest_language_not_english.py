"""Non-English text is refused by name; English passes cheaply."""

from __future__ import annotations

import time

import pytest

from tidings.errors import NotEnglish
from tidings.ingest import article_from_text
from tidings.ingest.language import _ask_lingua, check_english, detect

ENGLISH = (
    "Hundreds of protesters gathered outside the parliament building on Monday to demand "
    "the resignation of the prime minister, who has been accused of corruption by the "
    "opposition. Police said the crowd dispersed peacefully in the evening."
)
FRENCH = (
    "Des centaines de manifestants se sont rassemblés lundi devant le parlement pour exiger "
    "la démission du premier ministre, accusé de corruption par l'opposition. La police a "
    "indiqué que la foule s'était dispersée dans le calme en soirée."
)
SPANISH = (
    "Cientos de manifestantes se concentraron el lunes frente al parlamento para exigir la "
    "dimisión del primer ministro, acusado de corrupción por la oposición. La policía dijo "
    "que la multitud se dispersó de forma pacífica por la noche."
)


def test_english_passes() -> None:
    assert detect(ENGLISH) == "English"
    check_english(ENGLISH)


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "French"), (SPANISH, "Spanish")])
def test_latin_languages_are_named(text: str, language: str) -> None:
    with pytest.raises(NotEnglish, match=language):
        article_from_text(text)


def test_non_latin_script_is_refused() -> None:
    with pytest.raises(NotEnglish, match="Cyrillic"):
        check_english("Сотни демонстрантов собрались в понедельник у здания парламента, требуя отставки премьер-министра.")


def test_english_article_with_a_french_quote_passes() -> None:
    article = article_from_text(ENGLISH + '\n\n"Nous ne partirons pas," one protester said.')
    assert article.language == "en"


def test_too_short_to_judge_passes() -> None:
    assert detect("Baghdad embassy stormed") == "English"


def test_lingua_fallback_names_the_language() -> None:
    italian = "Centinaia di manifestanti davanti al parlamento lunedì chiedevano dimissioni immediate del premier"
    assert _ask_lingua(italian) == "Italian"
    assert _ask_lingua(ENGLISH) == "English"


def test_language_check_is_cheap_on_english() -> None:
    text = ENGLISH * 12  # ~2,500 characters: the sample is capped at 2,000
    detect(text)
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        detect(text)
    per_call_ms = (time.perf_counter() - start) / runs * 1000
    assert per_call_ms < 2.0, f"language check took {per_call_ms:.2f} ms per article"
