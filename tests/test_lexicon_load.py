"""Loading the trigger lexicon, users' overlays, and validation of entries."""

from __future__ import annotations

import pytest

from tidings import lexicon
from tidings.errors import DataFileError
from tidings.model import PLOVER_TYPES


def test_every_plover_type_has_triggers(lex):
    assert lex.types() == set(PLOVER_TYPES)
    kinds = {e.kind for e in lex.entries.values()}
    assert {"verb", "phrasal", "light", "noun"} <= kinds


@pytest.mark.parametrize(
    ("kind", "lemma", "type_"),
    [
        ("verb", "storm", "PROTEST"),
        ("verb", "attack", "ASSAULT"),
        ("verb", "accuse", "ACCUSE"),
        ("verb", "condemn", "ACCUSE"),
        ("verb", "meet", "CONSULT"),
        ("verb", "call", "CONSULT"),
        ("verb", "deploy", "MOBILIZE"),
        ("verb", "sanction", "SANCTION"),
        ("verb", "threaten", "THREATEN"),
        ("verb", "arrest", "COERCE"),
        ("verb", "kill", "ASSAULT"),
        ("verb", "protest", "PROTEST"),
        ("verb", "demand", "REQUEST"),
        ("verb", "reject", "REJECT"),
        ("verb", "agree", "AGREE"),
        ("verb", "sign", "SUPPORT"),
        ("verb", "withdraw", "RETREAT"),
        ("verb", "release", "RETREAT"),
        ("verb", "evacuate", "AID"),
        ("verb", "aid", "AID"),
        ("verb", "praise", "SUPPORT"),
        ("noun", "airstrike", "ASSAULT"),
        ("noun", "protest", "PROTEST"),
    ],
)
def test_core_vocabulary(lex, kind, lemma, type_):
    assert type_ in {e.type for e in lex.lookup(kind, lemma)}


def test_light_and_phrasal_patterns_expand(lex):
    light = lex.entries[("light", "launch + airstrikes")]
    assert (light.type, light.mode, light.cameo) == ("ASSAULT", "aerial", "195")
    assert light.words == ("+", "airstrikes")
    assert lex.entries[("light", "impose + sanctions")].type == "SANCTION"
    assert lex.entries[("light", "hold + talks")].type == "CONSULT"
    assert lex.entries[("phrasal", "call for")].type == "REQUEST"
    assert lex.entries[("phrasal", "crack down on")].type == "COERCE"
    assert lex.entries[("noun", "rocket attack")].words == ("rocket",)


def test_mode_and_contexts_come_from_the_cameo_code(lex):
    release = lex.verbs("release")[0]
    assert (release.mode, release.cameo) == ("release", "0841")
    assert "legal" in release.contexts


def test_user_file_overrides_adds_and_deletes(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "ASSAULT:\n"
        "  verbs:\n"
        "    attack: {cameo: '193', mode: firearms}\n"
        "    target: null\n"
        "  nouns:\n"
        "    drone swarm: {cameo: '195', mode: drone}\n"
    )
    lex = lexicon.load(extra=[mine])
    assert lex.verbs("attack")[0].mode == "firearms"
    assert lex.verbs("target") == []
    assert lex.nouns("swarm")[0].words == ("drone",)
    only = lexicon.load(extra=[mine], replace=True)
    assert len(only) == 2


@pytest.mark.parametrize(
    "body, message",
    [
        ("ATTACKS:\n  verbs:\n    hit: '190'\n", "unknown PLOVER type"),
        ("ASSAULT:\n  verbs:\n    hit: '999'\n", "unknown CAMEO code"),
        ("ASSAULT:\n  verbs:\n    hit: {cameo: '190', mode: picnic}\n", "not a mode"),
        ("ASSAULT:\n  verbs:\n    hit: {cameo: '190', colour: red}\n", "unknown keys"),
        ("ASSAULT:\n  light:\n    launch attack: '190'\n", "verb \\+ noun"),
        ("ASSAULT: [1, 2]\n", "expected sections"),
        ("ASSAULT:\n  verbs:\n    hit: '190'\n    hit: '193'\n", "duplicate key"),
        ("ASSAULT:\n  nouns:\n    launch + attack: '190'\n", "light section only"),
    ],
)
def test_malformed_entries_are_refused(tmp_path, body, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(body)
    with pytest.raises(DataFileError, match=message):
        lexicon.load(extra=[bad])


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataFileError, match="not found"):
        lexicon.load(extra=[tmp_path / "nope.yaml"])
