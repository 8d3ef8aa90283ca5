"""Users' codes files: their own event codes mapped to PLOVER types (`tidings.ontology.codes`)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tidings import lexicon, ontology
from tidings.errors import DataFileError

TSV = """# my project's codes
code\ttype\tmode\tquad_class\tgoldstein\tname
903\tAID\t\t2\t7.0\taid in money
174K\tCOERCE\t-\t\t\t
0101\tSUPPORT\t\t\t\t
"""

VERBS = """--- GRANT [070] ---
GRANT
- * &CURRENCY [903]
- * RUPEES [071]

--- DETAIN [174K] ---
DETAIN

&CURRENCY
+DOLLARS
+EUROS
"""


@pytest.fixture()
def codes(tmp_path: Path) -> Path:
    path = tmp_path / "my.codes.tsv"
    path.write_text(TSV)
    return path


@pytest.fixture()
def verbs(tmp_path: Path) -> Path:
    path = tmp_path / "my.verbs.txt"
    path.write_text(VERBS)
    return path


def test_codes_file_adds_codes_to_the_ontology(codes: Path):
    onto = ontology.load([codes])
    c = onto.cameo("903")
    assert (c.plover_type, c.quad_class, c.goldstein, c.name) == ("AID", 2, 7.0, "aid in money")
    k = onto.cameo("174K")
    default = onto.cameo(onto.default_cameo("COERCE"))
    assert (k.plover_type, k.quad_class, k.goldstein) == ("COERCE", default.quad_class, default.goldstein)
    assert onto.cameo("0101").plover_type == "SUPPORT"  # a CAMEO 01x statement given a type
    assert not ontology.load().has_cameo("903")  # the packaged ontology is untouched


def test_codes_file_yaml(tmp_path: Path):
    path = tmp_path / "codes.yaml"
    path.write_text('codes:\n  "912": CONSULT\n  "913": {type: ASSAULT, mode: aerial, goldstein: -9.5}\n')
    onto = ontology.load([path])
    assert onto.cameo("912").plover_type == "CONSULT"
    assert (onto.cameo("913").plover_mode, onto.cameo("913").goldstein) == ("aerial", -9.5)
    assert onto.cameo("913").quad_class == ontology.load().cameo("195").quad_class


@pytest.mark.parametrize("body, message", [
    ("code\ttype\n903\tFIGHT\n", "unknown PLOVER type"),
    ("code\ttype\tmode\n903\tAID\tbombing\n", "not a mode of AID"),
    ("code\ttype\tgoldstein\n903\tAID\t12\n", "out of range"),
    ("code\ttype\tquad_class\n903\tAID\tfour\n", "not numeric"),
    ("code\ttype\n903\tAID\n903\tAID\n", "duplicate code"),
    ("code\ttype\n---\tAID\n", "bad code"),
    ("code\tplover\n903\tAID\n", "header needs type"),
    ("code\ttype\tweight\n903\tAID\t1\n", "unknown columns"),
    ("code\ttype\n", "no codes"),
])
def test_codes_file_errors_name_the_problem(tmp_path: Path, body: str, message: str):
    path = tmp_path / "bad.tsv"
    path.write_text(body)
    with pytest.raises(DataFileError, match=message):
        ontology.load([path])


def test_codes_file_missing_is_an_error(tmp_path: Path):
    with pytest.raises(DataFileError, match="not found"):
        ontology.load([tmp_path / "nope.tsv"])


def test_private_codes_warned_and_dropped_without_codes_file(verbs: Path, caplog):
    with caplog.at_level(logging.WARNING, logger="tidings.lexicon.phoenix"):
        lex = lexicon.load(extra=[verbs], replace=True)
    assert {e.cameo for e in lex.entries.values()} == {"070", "071"}
    (record,) = [r for r in caplog.records if "no PLOVER type" in r.getMessage()]
    message = record.getMessage()
    assert "my.verbs.txt" in message and "903" in message and "174K" in message
    assert "--codes" in message


def test_private_codes_code_with_a_codes_file(verbs: Path, codes: Path, caplog):
    with caplog.at_level(logging.WARNING, logger="tidings.lexicon.phoenix"):
        lex = lexicon.load(extra=[verbs], replace=True, codes=[codes])
    assert not [r for r in caplog.records if "no PLOVER type" in r.getMessage()]
    by_code = {e.cameo: e for e in lex.entries.values()}
    assert by_code["903"].type == "AID" and by_code["903"].kind == "pattern"
    assert by_code["174K"].type == "COERCE" and by_code["174K"].lemma == "detain"


def test_yaml_lexicon_may_use_a_users_code(tmp_path: Path, codes: Path):
    path = tmp_path / "mine.yaml"
    path.write_text('AID:\n  verbs:\n    bankroll: "903"\n')
    with pytest.raises(DataFileError, match="unknown CAMEO code 903"):
        lexicon.load(extra=[path], replace=True)
    (entry,) = lexicon.load(extra=[path], replace=True, codes=[codes]).verbs("bankroll")
    assert (entry.type, entry.cameo) == ("AID", "903")
