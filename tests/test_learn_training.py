"""The training script: team examples file, placeholder filling, and SGD that learns."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from tidings.model import PLOVER_TYPES
from tidings.paths import data_dir, shared_dir

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_second_opinion.py"


@pytest.fixture(scope="module")
def trainer():
    spec = importlib.util.spec_from_file_location("train_second_opinion", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_learn_examples_file_is_well_formed(trainer):
    units = trainer.load_examples(data_dir("models", "examples.tsv"), 2.0)
    assert len(units) >= 10 * len(PLOVER_TYPES)
    assert {u.label for u in units} == set(PLOVER_TYPES)  # every type has examples
    assert all(u.weight == 2.0 for u in units)


def test_learn_bad_example_line_is_refused(trainer, tmp_path):
    path = tmp_path / "ex.tsv"
    path.write_text("# comment\nATTACK\tRebels attacked the base.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="ex.tsv:2"):
        trainer.load_examples(path, 1.0)


def test_learn_fill_replaces_every_placeholder(trainer):
    filled = trainer.fill("{country_1} and {country_2} sign pact in {city}", 3)
    assert "{" not in filled
    first, second = filled.split(" sign")[0].split(" and ")
    assert first != second


def test_learn_sgd_learns_a_separable_toy_task(trainer):
    labels = ("PROTEST", "ASSAULT")
    texts = [("Crowds marched and chanted slogans", "PROTEST"), ("Workers went on strike", "PROTEST"),
             ("Gunmen opened fire on soldiers", "ASSAULT"), ("Warplanes bombed the base", "ASSAULT")] * 5
    units = [trainer.Unit(t, lab, t) for t, lab in texts]
    feats, y, w = trainer.featurise(units, 4096, labels)
    model = trainer.train(feats, y, w, labels, 4096, epochs=5, lr=1.0, l2=1e-5, seed=1)
    assert model.top("Crowds chanted slogans")[0] == "PROTEST"
    assert model.top("Gunmen bombed the base")[0] == "ASSAULT"
    again = trainer.train(feats, y, w, labels, 4096, epochs=5, lr=1.0, l2=1e-5, seed=1)
    assert np.array_equal(model.weights, again.weights)  # deterministic with a seed


def test_learn_synthetic_units_load(trainer):
    shared = shared_dir()
    if shared is None or not (shared / "reference" / "ngec_synthetic").is_dir():
        pytest.skip("shared/reference/ngec_synthetic is absent (../shared or $TIDINGS_SHARED)")
    units = trainer.load_units(shared / "reference" / "ngec_synthetic", 1)
    assert len(units) > 4500
    assert not any("{" in u.text for u in units)
    assert {u.label for u in units} <= set(PLOVER_TYPES)
