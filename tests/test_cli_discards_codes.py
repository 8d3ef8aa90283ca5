"""`tidings code --discards FILE --codes FILE`: PETRARCH discard lists, TABARI [###] actors,
multi-code actors and users' own event codes, end to end through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.cli.common import option_fields

ACTORS = """ARNOR_ [ARN]
GONDOR_ [GON]
THE_SHIRE [FRO/BIL/SAM]
NASGUL [###]
"""
VERBS = """--- BANKROLL [903] ---
BANKROLL

--- ATTACK [190] ---
ATTACK
"""
CODES = "code\ttype\tquad_class\tgoldstein\n903\tAID\t2\t6.5\n"
DISCARDS = "MONTHS LATER\n+TYPHOON_\n"
ARTICLES = [
    {"id": "plain", "date": "2024-05-06", "text": (
        "Arnor attacked Gondor on Monday. Months later, Gondor attacked Arnor. "
        "The Shire attacked Arnor on Monday. The Nasgul attacked Gondor on Monday. "
        "Gondor bankrolled Arnor on Monday.")},
    {"id": "storm", "date": "2024-05-06", "text": (
        "A typhoon hit the coast on Sunday.\n\nArnor attacked Gondor on Monday.")},
]


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("user")
    out = {}
    for name, text in (("actors.txt", ACTORS), ("verbs.txt", VERBS), ("codes.tsv", CODES),
                       ("discards.txt", DISCARDS)):
        out[name] = folder / name
        out[name].write_text(text)
    out["articles.jsonl"] = folder / "articles.jsonl"
    out["articles.jsonl"].write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    return out


def _code(files: dict[str, Path], *extra: str) -> list[dict]:
    args = ["code", str(files["articles.jsonl"]), "--actors", str(files["actors.txt"]),
            "--only-user-actors", "--lexicon", str(files["verbs.txt"]), "--only-user-lexicon", *extra]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def _pairs(events: list[dict], article: str) -> set[tuple]:
    return {(e["cameo"], tuple(a["country"] for a in e["actors"]),
             tuple(r["country"] for r in e["recipients"]))
            for e in events if e["article_id"] == article}


@pytest.fixture(scope="module")
def with_options(files: dict[str, Path]) -> list[dict]:
    return _code(files, "--discards", str(files["discards.txt"]), "--codes", str(files["codes.tsv"]))


def test_discarded_sentences_and_stories_give_no_events(with_options: list[dict]):
    sentences = {e["sentence"] for e in with_options if e["article_id"] == "plain"}
    assert not any("Months later" in s for s in sentences)
    assert not any("Nasgul" in s for s in sentences)  # the TABARI [###] actor discards too
    assert any(s.startswith("Arnor attacked Gondor") for s in sentences)
    assert not [e for e in with_options if e["article_id"] == "storm"]


def test_multicode_actor_codes_each_code(with_options: list[dict]):
    shire = [e for e in with_options if e["sentence"].startswith("The Shire")]
    assert shire and {a["country"] for a in shire[0]["actors"]} == {"FRO", "BIL", "SAM"}


def test_users_code_maps_to_plover(with_options: list[dict]):
    (aid,) = [e for e in with_options if e["cameo"] == "903"]
    assert (aid["type"], aid["quad_class"], aid["goldstein"]) == ("AID", 2, 6.5)


def test_without_options_the_same_text_codes_more(files: dict[str, Path], with_options: list[dict]):
    plain = _code(files)
    assert _pairs(plain, "storm")  # no story discard without --discards
    assert any("Months later" in e["sentence"] for e in plain)
    assert not [e for e in plain if e["cameo"] == "903"]  # no codes file: no PLOVER type
    assert len(plain) > len(with_options)


def test_option_fields_carry_discards_and_codes():
    fields = option_fields({"discard_files": ["d.txt"], "code_files": ["c.tsv", "c2.yaml"]})
    assert fields["discard_files"] == ("d.txt",) and fields["code_files"] == ("c.tsv", "c2.yaml")
    assert option_fields({})["discard_files"] == ()


@pytest.mark.parametrize("option, body, message", [
    ("--codes", "code\ttype\n903\tFIGHT\n", "unknown PLOVER type"),
    ("--discards", "# nothing but a comment\n", "no discard phrases"),
])
def test_bad_user_file_stops_before_coding(tmp_path: Path, option: str, body: str, message: str):
    bad = tmp_path / "bad.tsv"
    bad.write_text(body)
    result = CliRunner().invoke(main, ["code", "-", option, str(bad)], input="Arnor attacked Gondor.")
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output
