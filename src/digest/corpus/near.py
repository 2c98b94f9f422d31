"""Near duplicates: MinHash over word shingles, candidates from LSH, so the cost stays near-linear.

A syndicated copy keeps the wire text but changes the headline tail, adds or cuts a paragraph and
wraps other furniture around it; its shingle sets still overlap far more than two reports of one
event written apart. The threshold is measured on tests/corpus/data (see README, "Corpus quality").
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from digest.corpus.text import word_hash, words

SHINGLE = 3  # words per shingle: long enough that common phrases do not match across stories
NUM_PERM = 64
SEED = 7
THRESHOLD = 0.5  # estimated Jaccard at or above which two bodies are one article


@cache
def _datasketch():
    """datasketch, imported on first use: its package import takes most of a second (it loads every
    backend), which `digest --version` or `digest inspect` without --json should not pay."""
    import datasketch

    return datasketch, datasketch.MinHash(num_perm=NUM_PERM, seed=SEED)


def shingles(text_words: Sequence[str]) -> list[int]:
    """Hashes of the distinct word k-grams; a text shorter than one shingle is its word set."""
    hashes = np.array([word_hash(w) for w in text_words], dtype=np.uint64)
    if len(hashes) < SHINGLE:
        return sorted(set(hashes.tolist()))
    mixed = hashes[: len(hashes) - SHINGLE + 1].copy()
    for k in range(1, SHINGLE):
        mixed = (mixed * np.uint64(1000003)) ^ hashes[k: len(hashes) - SHINGLE + 1 + k]
    return sorted(set((mixed & np.uint64(0xFFFFFFFF)).tolist()))


def signature(body: Sequence[str]):
    """The body's MinHash (a datasketch LeanMinHash); permutations are shared, not drawn per sketch."""
    ds, template = _datasketch()
    sketch = ds.MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=template.permutations,
                        scheme=template.scheme)
    sketch.update_batch(shingles(words(" ".join(body))))
    return ds.LeanMinHash(sketch)


def near_pairs(bodies: Sequence[Sequence[str]], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Index pairs (i < j) of bodies whose estimated Jaccard similarity reaches the threshold."""
    sketches = [signature(body) for body in bodies]
    lsh = _datasketch()[0].MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for index, sketch in enumerate(sketches):
        if not sketch.is_empty():
            lsh.insert(index, sketch, check_duplication=False)
    pairs = set()
    for i, sketch in enumerate(sketches):
        if sketch.is_empty():
            continue
        for j in lsh.query(sketch):
            if j > i and sketch.jaccard(sketches[j]) >= threshold:
                pairs.add((i, j))
    return sorted(pairs)
