"""The packaged cue files: every list documented, non-empty, lower-case, and read by the rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tidings.lexicon.cues import areas, cues, cues_dir

AREAS = areas()


@pytest.mark.parametrize("area", AREAS)
def test_lexicon_cues_files_lists_are_non_empty_and_lower_case(area: str) -> None:
    got = cues(area)
    assert got.words or got.numbers or got.codes
    for name, words in got.words.items():
        assert words, name
        assert all(w == w.lower() == w.strip() and w for w in words), name
    for name, numbers in got.numbers.items():
        assert numbers and all(k == k.lower() for k in numbers), name
    for name, codes in got.codes.items():
        assert codes and all(k.isupper() and v.isdigit() for k, v in codes.items()), name


@pytest.mark.parametrize("area", AREAS)
def test_lexicon_cues_files_every_list_has_a_comment_with_an_example(area: str) -> None:
    """Each list is preceded by comment lines saying what it is for, with a quoted example."""
    lines = (cues_dir() / f"{area}.yaml").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        m = re.match(r"^([a-z_]+):", line)
        if not m:
            continue
        comment = []
        j = i - 1
        while j >= 0 and lines[j].startswith("#"):
            comment.append(lines[j])
            j -= 1
        assert comment, f"{area}.yaml: list {m.group(1)} has no comment"
        assert '"' in " ".join(comment), f"{area}.yaml: list {m.group(1)} has no example sentence"


def test_lexicon_cues_files_are_the_rules_constants() -> None:
    """The rule modules read the files (not a copy in the code)."""
    from tidings.extract import counts, idioms, modality
    from tidings.resolve import coref, geo_recognise

    assert modality.FUTURE_GOVERNORS is cues("modality").word_set("future_governors")
    assert idioms.NOT_PARTNERS is cues("idioms").word_set("not_partners")
    assert coref.COLLECTIVE is cues("coref").word_set("collective_nouns")
    assert geo_recognise.COMMON_WORDS is cues("places").word_set("common_words")
    assert counts.UNITS == cues("counts").number_map("units")


def test_lexicon_cues_files_every_list_is_used() -> None:
    """A list no module reads is dead data: each name appears in the source tree."""
    import tidings

    root = Path(tidings.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    for area in AREAS:
        got = cues(area)
        for name in [*got.words, *got.numbers, *got.codes]:
            assert f'"{area}", "{name}"' in source, f"{area}.{name} is read by no module"
