"""Text -> hashed word n-gram features, shared by training and prediction.

The same function must featurise the training set and the sentences coded at
run time, so it lives here rather than in the training script. Hashing (CRC32,
stable across processes, unlike Python's salted `hash`) keeps the model a
fixed-size weight matrix with no vocabulary file to ship or keep in sync.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_DIGITS = re.compile(r"\d")
BOS, EOS = "<s>", "</s>"


def tokens(text: str) -> list[str]:
    """Lower-cased words; every digit becomes 0 so counts and years share features."""
    return [_DIGITS.sub("0", t) for t in _WORD.findall(text.lower())]


_SUFFIX = re.compile(r"(?:ies|ied|ying|ing|ed|es|s|e|ment|ments|ion|ions)$")


def stem(word: str) -> str:
    """A crude suffix-stripped form ("attacked", "attacks", "attacking" -> "attack"),
    so forms unseen in the small training set still share a feature."""
    return _SUFFIX.sub("", word) if len(word) > 4 else word


def ngrams(text: str, n_max: int = 2) -> list[str]:
    """Unigrams, their stems, and n-grams of stems up to `n_max` (with sentence-boundary
    markers); [] for a text with no words."""
    words = tokens(text)
    if not words:
        return []
    feats = list(words)
    feats.extend("~" + stem(w) for w in words)
    padded = [BOS, *(stem(w) for w in words), EOS]
    for n in range(2, n_max + 1):
        feats.extend(" ".join(padded[i:i + n]) for i in range(len(padded) - n + 1))
    return feats


def hashed(text: str, buckets: int, n_max: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """(bucket indices, values) for one text: distinct buckets, L2-normalised
    counts, so long and short sentences weigh the same."""
    counts: dict[int, float] = {}
    for f in ngrams(text, n_max):
        b = zlib.crc32(f.encode("utf-8")) % buckets
        counts[b] = counts.get(b, 0.0) + 1.0
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    val = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
    return idx, val / np.float32(np.linalg.norm(val))
