"""Near duplicates: MinHash over word shingles, candidates from LSH, so the cost stays near-linear.

A syndicated copy keeps the wire text but changes the headline tail, adds or cuts a paragraph and
wraps other furniture around it; its shingle sets still overlap far more than two reports of one
event written apart. The threshold is measured on tests/corpus/data (see docs/benchmarks.md, "Corpus quality").

Sketches and LSH bands are computed for all bodies at once with numpy: hashing shingles one by one
(datasketch's MinHash.update_batch) and querying a hash table per band (its MinHashLSH) cost seconds
on an archive of ten thousand stories, and importing datasketch alone most of one. The permutations
and the band layout are the ones datasketch would use, so the pairs found are the same.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import cache
from itertools import combinations

import numpy as np

SHINGLE = 3  # words per shingle: long enough that common phrases do not match across stories
NUM_PERM = 32
SAMPLE = 4  # one shingle in four, by hash so every copy keeps the same ones; a power of two
SEED = 7
THRESHOLD = 0.5  # estimated Jaccard at or above which two bodies are one article (measured, see docs/benchmarks.md)
CHUNK = 200_000  # shingles hashed per numpy step, to bound memory (CHUNK x NUM_PERM x 4 bytes)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """NUM_PERM affine maps h -> a * h + b (mod 2^32), a odd so each is a bijection: drawn as
    datasketch's "affine32" MinHash draws them for the same seed, so sketches (and the duplicates
    found) are the ones this stage made when it took them from datasketch."""
    gen = np.random.RandomState(SEED)  # numpy keeps this generator's stream stable across versions
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def word_hashes(words: Sequence[bytes]) -> np.ndarray:
    """crc32 of each word (crc32, not hash(): stable across processes). A body's words are hashed as
    soon as they are split, so the archive's millions of word objects never live at once."""
    return np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))


def shingles(texts: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(text index, shingle hash) of the sampled word k-grams of all texts (given as word_hashes),
    in text order (no sort).

    A text shorter than one shingle stands for its words. Computed over all texts at once: numpy
    calls per text would cost more than the hashing.
    """
    lengths = np.array([len(text) for text in texts], dtype=np.int64)
    words = np.concatenate([np.zeros(0, dtype=np.uint64), *texts])
    owner = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    span = max(len(words) - SHINGLE + 1, 0)
    hashes = np.zeros(len(words), dtype=np.uint64)  # the k-gram starting at each position
    mixed = hashes[:span]
    mixed[:] = words[:span]
    for k in range(1, SHINGLE):  # in place: these arrays hold every word of the archive
        np.multiply(mixed, np.uint64(0x9E3779B1), out=mixed)
        np.bitwise_xor(mixed, words[k: span + k], out=mixed)
    keep = np.zeros(len(words), dtype=bool)  # the k-gram does not run into the next text
    np.equal(owner[:span], owner[SHINGLE - 1:], out=keep[:span])
    if (lengths < SHINGLE).any():
        short = lengths[owner] < SHINGLE
        hashes[short] = words[short]
        keep |= short
    hashes ^= hashes >> np.uint64(29)
    hashes &= np.uint64(0xFFFFFFFF)
    keep &= (hashes & np.uint64(SAMPLE - 1)) == 0  # SAMPLE is a power of two: the mask is the remainder
    return owner[keep], hashes[keep].astype(np.uint32)


def signatures(texts: Sequence[np.ndarray]) -> np.ndarray:
    """One row of NUM_PERM minimum hash values per text (all-max for a text with no sampled shingle).
    A text's row depends on that text alone, so rows can be made apart and cached."""
    a, b = _permutations()
    owners, hashes = shingles(texts)
    out = np.full((len(texts), NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(hashes), CHUNK):
        chunk_owners = owners[start:start + CHUNK]
        values = hashes[start:start + CHUNK, None] * a + b  # uint32 arithmetic wraps: mod 2^32
        firsts = np.flatnonzero(np.r_[True, chunk_owners[1:] != chunk_owners[:-1]])
        rows = chunk_owners[firsts]
        out[rows] = np.minimum(out[rows], np.minimum.reduceat(values, firsts, axis=0))
    return out


@cache
def bands(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) whose LSH S-curve best fits the threshold: the least sum of the false
    positive and false negative areas, as datasketch's MinHashLSH chooses them. The integrands are
    polynomials of degree at most NUM_PERM, which Gauss-Legendre quadrature integrates exactly."""
    nodes, weights = np.polynomial.legendre.leggauss(NUM_PERM)

    def area(f, lo: float, hi: float) -> float:
        s = (hi - lo) / 2 * nodes + (hi + lo) / 2
        return float((hi - lo) / 2 * np.dot(weights, f(s)))

    best, choice = float("inf"), (0, 0)
    for b in range(1, NUM_PERM + 1):
        for r in range(1, NUM_PERM // b + 1):
            error = (area(lambda s: 1 - (1 - s ** r) ** b, 0.0, threshold)
                     + area(lambda s: (1 - s ** r) ** b, threshold, 1.0)) / 2
            if error < best:
                best, choice = error, (b, r)
    return choice


def _band_pairs(rows: np.ndarray, live: np.ndarray, threshold: float) -> set[tuple[int, int]]:
    """Pairs of live rows equal on all values of at least one band: the LSH candidates."""
    count, width = bands(threshold)
    pairs: set[tuple[int, int]] = set()
    for band in range(count):
        values = rows[live, band * width:(band + 1) * width]
        order = np.lexsort(values.T[::-1])
        ordered = values[order]
        same = np.r_[False, (ordered[1:] == ordered[:-1]).all(axis=1), False]  # row k agrees with row k - 1
        starts = np.flatnonzero(~same[:-1] & same[1:]).tolist()  # buckets of two or more rows
        ends = np.flatnonzero(same[:-1] & ~same[1:]).tolist()  # their last rows
        members = live[order].tolist()
        for start, end in zip(starts, ends):
            pairs.update(combinations(sorted(members[start:end + 1]), 2))
    return pairs


def near_pairs(rows: np.ndarray, threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Index pairs (i < j) of texts, given as their signature rows, whose estimated Jaccard similarity
    reaches the threshold: LSH candidates (buckets found by sorting each band, not a hash table per
    band), then the estimate."""
    live = np.flatnonzero((rows != np.iinfo(np.uint32).max).any(axis=1))  # a text with no shingle matches none
    candidates = np.array(sorted(_band_pairs(rows, live, threshold)), dtype=np.int64).reshape(-1, 2)
    agree = np.count_nonzero(rows[candidates[:, 0]] == rows[candidates[:, 1]], axis=1)
    return [(int(i), int(j)) for i, j in candidates[agree >= threshold * NUM_PERM]]
