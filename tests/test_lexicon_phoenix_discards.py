"""PETRARCH / TABARI discard lists (`tidings.lexicon.discards`), read as the README describes them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.lexicon.discards import Discards, compile_phrase

LIST = """# Story-level discards are indicated with a '+'.
<!-- an XML comment
spanning lines -->
MONTHS LATER
+ World Golf Championships   # pas 26-Feb-2014
BASEBALL   ; legacy comment
GROUP A_
ASIAN_CUP
"""


@pytest.fixture()
def discards(tmp_path: Path) -> Discards:
    path = tmp_path / "my.discards.txt"
    path.write_text(LIST)
    return Discards.from_files([path])


def test_discards_file_reads_phrases_and_levels(discards: Discards):
    assert [(p.text, p.story) for p in discards.phrases] == [
        ("MONTHS LATER", False), ("World Golf Championships", True), ("BASEBALL", False),
        ("GROUP A", False), ("ASIAN CUP", False),
    ]


@pytest.mark.parametrize("sentence, found", [
    ("Months later, the rebels attacked.", "MONTHS LATER"),  # any case
    ("Six months  later the army left.", "MONTHS LATER"),  # any run of blanks
    ("The Asian-Cup final was played in Doha.", "ASIAN CUP"),  # or a hyphen
    ("He watched baseballs fly.", "BASEBALL"),  # no trailing '_': a stem
    ("The Asian Cup final was played in Doha.", "ASIAN CUP"),  # '_' inside: a blank
    ("Group A, with Iran, met in Doha.", "GROUP A"),  # word end by punctuation
    ("Group Alpha met in Doha.", None),  # trailing '_': needs a word end
    ("The superbaseball league met.", None),  # a phrase starts at a word start
    ("Iran condemned the attack.", None),
])
def test_discards_sentence_matching(discards: Discards, sentence: str, found: str | None):
    assert discards.sentence(sentence) == found


def test_discards_story_level_only_for_plus_phrases(discards: Discards):
    assert discards.story("Tiger Woods won the world golf championships.") == "World Golf Championships"
    assert discards.story("Months later the baseball season began.") is None


def test_discards_empty_or_missing_file_is_an_error(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# only a comment\n\n")
    with pytest.raises(DataFileError, match="no discard phrases"):
        Discards.from_files([empty])
    with pytest.raises(DataFileError, match="cannot read"):
        Discards.from_files([tmp_path / "missing.txt"])


def test_discards_none_loaded_codes_everything():
    none = Discards.from_files([])
    assert not none and none.sentence("Months later, baseball.") is None


def test_discard_phrase_without_words_is_skipped():
    assert compile_phrase("+ _ ") is None


def test_discards_validation_list_reads(shared: Path):
    path = shared / "eval" / "petr_unittest" / "PETR.Validate.discards.txt"
    d = Discards.from_files([path])
    assert d.story("A typhoon hit the coast.") == "TYPHOON"
    assert d.sentence("Years later they met again.") == "YEARS LATER"
    assert d.story("Years later they met again.") is None


def test_validation_coder_loads_the_validation_discards_only(shared: Path):
    from tidings.evaluate import petr_unittest

    options = petr_unittest.validate_coder().options
    assert [Path(f).name for f in options.discard_files] == ["PETR.Validate.discards.txt"]
    records = petr_unittest.discard_records(shared / "eval" / "petr_unittest" / petr_unittest.RECORDS_FILE)
    assert records and all(r.error and r.id.startswith("DISCARD") for r in records)


def test_no_discard_list_by_default():
    from tidings.pipeline import CoderOptions

    assert CoderOptions().discard_files == () and CoderOptions().code_files == ()
