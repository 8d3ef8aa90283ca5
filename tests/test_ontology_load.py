"""The packaged ontology: every PLOVER type, every CAMEO code, and validation on load."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.model import PLOVER_TYPES
from tidings.ontology import _read_cameo, _read_plover, load
from tidings.paths import data_dir


@pytest.fixture(scope="module")
def onto():
    return load()


def test_all_plover_types_present_with_defaults(onto):
    assert set(onto.types) == set(PLOVER_TYPES)
    for t in onto.types.values():
        assert onto.cameo(t.default_cameo).code == t.default_cameo


def test_modes_from_the_codebook(onto):
    assert {"aerial", "drone", "firearms", "explosives", "crowd-control"} <= set(onto.types["ASSAULT"].modes)
    assert {"phone", "visit", "third-party", "multilateral"} <= set(onto.types["CONSULT"].modes)
    assert {"demo", "riot", "strike", "hunger", "boycott", "obstruct"} <= set(onto.types["PROTEST"].modes)
    assert onto.default_cameo("ASSAULT", "aerial") == "195"
    assert onto.default_cameo("CONSULT", "phone") == "041"
    assert onto.default_cameo("PROTEST") == "140"


def test_quad_classes_follow_the_cameo_roots(onto):
    for code in onto.codes.values():
        root = int(code.root)
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert code.quad_class == expected, code


def test_known_codes_names_goldstein_and_plover(onto):
    riot = onto.cameo("145")
    assert riot.name.lower().startswith("protest violently")
    assert riot.goldstein == -7.5 and riot.plover_type == "PROTEST" and riot.plover_mode == "riot"
    assert onto.cameo("0841").plover_mode == "release"
    assert onto.cameo("195").plover_mode == "aerial"
    assert onto.cameo("010").plover_type is None  # CAMEO statements have no PLOVER type
    assert onto.cameo("10").plover_type == "REQUEST"
    assert len(onto.codes) > 300


def test_unknown_subcode_falls_back_to_parent_but_unknown_root_raises(onto):
    assert onto.cameo("1459").code == "145"
    with pytest.raises(KeyError):
        onto.cameo("99")


def test_malformed_cameo_file_is_refused(tmp_path):
    types, contexts = _read_plover(data_dir("ontology", "plover.yaml"))
    bad = tmp_path / "cameo.tsv"
    bad.write_text(
        "code\tname\tquad_class\tgoldstein\tplover_type\tplover_mode\tcontexts\n"
        "190\tFight\t4\t-10\tASSAULT\tnot-a-mode\t\n"
    )
    with pytest.raises(DataFileError, match="not a mode"):
        _read_cameo(bad, types, set(contexts))
    bad.write_text("code\tname\n190\tFight\n")
    with pytest.raises(DataFileError, match="header"):
        _read_cameo(bad, types, set(contexts))
