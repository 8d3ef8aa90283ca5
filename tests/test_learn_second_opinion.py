"""The second-opinion model file: features, save/load round trip, predictions."""

from __future__ import annotations

import json
import zlib

import numpy as np
import pytest

from tidings.errors import DataFileError
from tidings.learn.features import hashed, ngrams, stem, tokens
from tidings.learn.second_opinion import FORMAT, SecondOpinion

LABELS = ("PROTEST", "ASSAULT")
BUCKETS = 1024


def _model_for(words: dict[str, str]) -> SecondOpinion:
    """A hand-built model: each word (unigram feature) votes for one label."""
    w = np.zeros((BUCKETS, len(LABELS)), dtype=np.float32)
    for word, label in words.items():
        w[zlib.crc32(word.encode()) % BUCKETS, LABELS.index(label)] += 20.0
    return SecondOpinion(LABELS, w, np.zeros(len(LABELS), dtype=np.float32), meta={"note": "test"})


def test_learn_features_are_stable_and_normalised():
    assert tokens("Police fired 25 rounds in 2019.") == ["police", "fired", "00", "rounds", "in", "0000"]
    assert stem("attacked") == stem("attacks") == stem("attacking") == "attack"
    assert "~attack" in ngrams("Rebels attacked")
    idx, val = hashed("Rebels attacked the base", BUCKETS)
    idx2, _ = hashed("Rebels attacked the base", BUCKETS)
    assert list(idx) == list(idx2)  # CRC32: the same buckets in every process
    assert np.isclose(np.linalg.norm(val), 1.0)
    assert len(set(idx.tolist())) == len(idx)
    assert hashed("", BUCKETS)[0].size == 0


def test_learn_predict_gives_a_distribution_that_follows_the_weights():
    model = _model_for({"protesters": "PROTEST", "bombed": "ASSAULT"})
    probs = model.predict("Protesters marched to the palace")
    assert set(probs) == set(LABELS)
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    assert probs["PROTEST"] > 0.9
    assert model.top("Warplanes bombed the town")[0] == "ASSAULT"


def test_learn_model_round_trips_through_npz(tmp_path):
    model = _model_for({"strike": "PROTEST"})
    path = tmp_path / "m.npz"
    model.save(path)
    again = SecondOpinion.load(path)
    assert again.labels == LABELS
    assert again.buckets == BUCKETS
    assert again.meta["format"] == FORMAT and again.meta["note"] == "test"
    text = "Workers went on strike"
    assert np.allclose(again.probabilities(text), model.probabilities(text), atol=1e-3)


def test_learn_missing_or_malformed_model_is_a_named_error(tmp_path):
    with pytest.raises(DataFileError):
        SecondOpinion.load(tmp_path / "absent.npz")
    bad = tmp_path / "bad.npz"
    np.savez(bad, labels=np.array(LABELS), weights=np.zeros((4, 3)), bias=np.zeros(2),
             meta=np.array(json.dumps({"format": FORMAT})))
    with pytest.raises(DataFileError, match="shapes"):
        SecondOpinion.load(bad)
    wrong = tmp_path / "wrong.npz"
    np.savez(wrong, labels=np.array(LABELS), weights=np.zeros((4, 2)), bias=np.zeros(2),
             meta=np.array(json.dumps({"format": "other"})))
    with pytest.raises(DataFileError, match="format"):
        SecondOpinion.load(wrong)
