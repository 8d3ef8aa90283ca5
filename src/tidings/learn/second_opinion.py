"""A small linear classifier that gives the rule coder a second opinion on a
sentence's PLOVER event type.

Why: the rules pick a type from one trigger word; a classifier that reads the
whole sentence can say when that choice looks unlikely. It is a multinomial
logistic regression over hashed word uni/bigrams (see `features`), trained by
`scripts/train_second_opinion.py` on the MIT-licensed NGEC synthetic stories
and the team's example sentences; the weights are one `.npz` file (no pickle,
no vocabulary file). It predicts types only (the synthetic mode labels use
PLOVER 0.5 names our modes do not). Measured, it does not beat the rules, so
no model is packaged: see `tidings/data/models/README.md`.

Use:
    model = SecondOpinion.load("/tmp/second_opinion.npz")  # or load() for a packaged one
    model.predict("Police fired tear gas at protesters.")  # {"PROTEST": 0.41, ...}
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import DataFileError
from ..paths import data_dir
from .features import hashed

MODEL_FILE = "second_opinion.npz"
FORMAT = "tidings.second_opinion.v1"


def default_path() -> Path:
    """Where the packaged model lives (it may be absent: see the models README)."""
    return data_dir("models", MODEL_FILE)


@dataclass(frozen=True, slots=True)
class SecondOpinion:
    """Weights of the type classifier; immutable, cheap to share across threads."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (buckets, len(labels)) float32
    bias: np.ndarray  # (len(labels),) float32
    n_max: int = 2
    meta: dict | None = None  # training record: data, seed, held-out figures, thresholds

    @property
    def buckets(self) -> int:
        return int(self.weights.shape[0])

    @classmethod
    def load(cls, path: str | Path | None = None) -> SecondOpinion:
        """Read a model file; DataFileError when it is missing or malformed."""
        path = Path(path) if path is not None else default_path()
        if not path.is_file():
            raise DataFileError(f"second-opinion model not found: {path} "
                                "(train it with scripts/train_second_opinion.py)")
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(str(z["meta"]))
                labels = tuple(str(x) for x in z["labels"])
                weights = z["weights"].astype(np.float32)
                bias = z["bias"].astype(np.float32)
        except (OSError, KeyError, ValueError) as exc:
            raise DataFileError(f"cannot read second-opinion model {path}: {exc}") from exc
        if meta.get("format") != FORMAT:
            raise DataFileError(f"{path}: format {meta.get('format')!r}, expected {FORMAT!r}")
        if weights.ndim != 2 or weights.shape[1] != len(labels) or bias.shape != (len(labels),):
            raise DataFileError(f"{path}: weight shapes {weights.shape}/{bias.shape} do not fit "
                                f"{len(labels)} labels")
        return cls(labels, weights, bias, int(meta.get("n_max", 2)), meta)

    def save(self, path: str | Path) -> None:
        """Write the model as compressed npz (weights as float16 to stay small)."""
        meta = dict(self.meta or {}, format=FORMAT, n_max=self.n_max)
        np.savez_compressed(
            Path(path),
            labels=np.array(self.labels),
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            meta=np.array(json.dumps(meta, sort_keys=True)),
        )

    def scores(self, text: str) -> np.ndarray:
        """Unnormalised class scores for one text."""
        idx, val = hashed(text, self.buckets, self.n_max)
        return val @ self.weights[idx] + self.bias

    def probabilities(self, text: str) -> np.ndarray:
        """Class probabilities for one text, in `labels` order."""
        z = self.scores(text)
        z = np.exp(z - z.max())
        return z / z.sum()

    def predict(self, text: str) -> dict[str, float]:
        """PLOVER type -> probability for one sentence (sums to 1)."""
        return dict(zip(self.labels, (float(p) for p in self.probabilities(text))))

    def predict_many(self, texts: Iterable[str]) -> list[dict[str, float]]:
        return [self.predict(t) for t in texts]

    def top(self, text: str) -> tuple[str, float]:
        """The most likely type and its probability."""
        probs = self.probabilities(text)
        i = int(probs.argmax())
        return self.labels[i], float(probs[i])
