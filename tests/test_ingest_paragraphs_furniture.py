"""Paragraph splitting keeps offsets into the given text and drops page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.ingest import article_from_text
from tidings.ingest.furniture import default_rules
from tidings.ingest.paragraphs import split_paragraphs

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SENTENCE = "Officials said the talks would continue on Wednesday in the capital, according to a statement."


def kept(text: str) -> list[str]:
    return [text[p.start:p.end] for p in split_paragraphs(text, default_rules()).paragraphs]


def assert_offsets(article) -> None:  # type: ignore[no-untyped-def]
    for p in article.paragraphs:
        piece = article.text[p.start:p.end]
        assert piece == piece.strip() and piece, (p, piece)


@pytest.mark.parametrize(
    "furniture",
    [
        "Newsletter Privacy Policy Get top news",
        "Sign up for our daily newsletter",
        "Subscribe",
        "We use cookies to improve your experience. Accept cookies",
        "Terms of Use",
        "Share on Facebook",
        "Share this article",
        "Facebook Twitter WhatsApp Email",
        "Follow us on Twitter",
        "Read more: Protesters return to the streets",
        "Related Articles",
        "Advertisement",
        "Comments",
        "View 23 comments",
        "Copyright © 2019 Example News",
        "All rights reserved.",
        "Photo: AFP",
        "(Photo by AHMAD SMITH/AFP via Getty Images)",
        "AFP PHOTO / JOHN DOE",
        "Image copyright Getty Images",
        "By Jane Doe and John Smith",
        "Reporting by Jane Doe; Editing by John Smith",
        "Published 31 December 2019",
    ],
)
def test_furniture_line_is_dropped_and_never_merges(furniture: str) -> None:
    text = f"{SENTENCE}\n{furniture}\n{SENTENCE}"
    assert kept(text) == [SENTENCE, SENTENCE]


@pytest.mark.parametrize(
    "body",
    [
        "The company said it would subscribe to the new rules on data sharing.",
        "Share prices fell sharply after the announcement.",
        "Related talks are planned in Vienna next month.",
        "By Friday evening, the rebels had withdrawn from the town.",
        "Comments by the minister angered opposition leaders.",
        "Advertisement revenue fell for the state broadcaster.",
    ],
)
def test_body_sentences_that_mention_furniture_words_are_kept(body: str) -> None:
    assert kept(f"{body}\n\n{SENTENCE}") == [body, SENTENCE]


def test_credit_line_between_sentences_on_single_newlines() -> None:
    text = (
        "Protesters burned tyres outside the ministry.\n"
        "Photo: Jane Doe/Reuters\n"
        "Police said they had arrested ten people."
    )
    assert kept(text) == ["Protesters burned tyres outside the ministry.", "Police said they had arrested ten people."]


def test_trailing_photo_credit_is_trimmed_from_the_paragraph() -> None:
    text = "Demonstrators gather outside the embassy. (Photo by JOHN DOE/AFP via Getty Images)"
    assert kept(text) == ["Demonstrators gather outside the embassy."]


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    text = (
        "The government said on Monday that it would send more troops to the\n"
        "northern province after rebels attacked two police stations and killed\n"
        "four officers.\n"
        "\n"
        "Rebel leaders denied any involvement."
    )
    paragraphs = kept(text)
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The government") and paragraphs[0].endswith("four officers.")


def test_short_lines_stay_separate_paragraphs() -> None:
    text = "Army retakes town\nThe army said on Sunday it had retaken the town of Al-Qaim from militants after weeks of fighting."
    assert kept(text) == text.split("\n")


def test_caption_label_makes_a_caption_paragraph() -> None:
    text = f"{SENTENCE}\n\nImage caption Crowds gathered in the main square on Friday\n\n{SENTENCE}"
    split = split_paragraphs(text, default_rules())
    kinds = [(p.kind, text[p.start:p.end]) for p in split.paragraphs]
    assert kinds[1] == ("caption", "Crowds gathered in the main square on Friday")


def test_windows_line_endings_split_on_blank_lines() -> None:
    text = f"{SENTENCE}\r\n\r\nShare on Facebook\r\n\r\n{SENTENCE}\r\n"
    assert kept(text) == [SENTENCE, SENTENCE]


def test_wire_fixture_keeps_text_and_offsets() -> None:
    text = (FIXTURES / "wire_story.txt").read_text(encoding="utf-8")
    article = article_from_text(text)
    assert article.text == text
    assert_offsets(article)
    joined = " ".join(article.text[p.start:p.end] for p in article.paragraphs)
    for furniture in ("Newsletter", "Share on", "Copyright", "Photo by", "Getty"):
        assert furniture not in joined
    assert [p.kind for p in article.paragraphs][0] == "title"
    assert sum(p.kind == "body" for p in article.paragraphs) == 3


def test_only_furniture_is_empty_input() -> None:
    from tidings.errors import EmptyInput

    with pytest.raises(EmptyInput, match="furniture"):
        article_from_text("Share on Facebook\n\nSubscribe\n\nCopyright 2020 Example")


@pytest.mark.parametrize(
    "credit", ["Photo: Jane Doe/AFP", "PHOTO: REUTERS/Thaier al-Sudani", "Photograph: Tim Roe/Getty Images", "Photo: iFixit"]
)
def test_colon_photo_credits_are_dropped(credit: str) -> None:
    assert kept(f"{SENTENCE}\n{credit}\n{SENTENCE}") == [SENTENCE, SENTENCE]


def test_colon_label_before_a_sentence_is_a_caption_not_a_credit() -> None:
    text = f"{SENTENCE}\n\nImage: Jose Smith has agreed a deal to become manager of the club\n\n{SENTENCE}"
    split = split_paragraphs(text, default_rules())
    assert [(p.kind, text[p.start:p.end]) for p in split.paragraphs][1] == (
        "caption", "Jose Smith has agreed a deal to become manager of the club",
    )
