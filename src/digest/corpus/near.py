"""Near duplicates: MinHash over word shingles, candidates from LSH, so the cost stays near-linear.

A syndicated copy keeps the wire text but changes the headline tail, adds or cuts a paragraph and
wraps other furniture around it; its shingle sets still overlap far more than two reports of one
event written apart. The threshold is measured on tests/corpus/data (see README, "Corpus quality").

Sketches are datasketch LeanMinHash values ("affine32" scheme, its permutations), computed for all
bodies at once with numpy: hashing shingles one by one through MinHash.update_batch would cost
seconds on an archive of ten thousand stories.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import cache
from itertools import chain

import numpy as np

SHINGLE = 3  # words per shingle: long enough that common phrases do not match across stories
NUM_PERM = 32
SAMPLE = 4  # one shingle in four (by hash, so every copy keeps the same ones): the Jaccard estimate holds
SEED = 7
THRESHOLD = 0.5  # estimated Jaccard at or above which two bodies are one article (measured, see README)
CHUNK = 200_000  # shingles hashed per numpy step, to bound memory (CHUNK x NUM_PERM x 4 bytes)


@cache
def _datasketch():
    """datasketch, imported on first use: its package import takes most of a second (it loads every
    backend), which `digest --version` or `digest inspect` without --json should not pay."""
    import datasketch

    return datasketch, datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")


def _word_hashes(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """crc32 of every word of every text, end to end (crc32, not hash(): stable across processes)."""
    memo = {word: zlib.crc32(word.encode("utf-8")) for word in set(chain.from_iterable(token_lists))}
    total = sum(len(tokens) for tokens in token_lists)
    return np.fromiter(map(memo.__getitem__, chain.from_iterable(token_lists)), dtype=np.uint64, count=total)


def shingles(token_lists: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(text index, shingle hash) of the sampled word k-grams of all texts, in text order (no sort).

    A text shorter than one shingle stands for its words. Computed over all texts at once: numpy
    calls per text would cost more than the hashing.
    """
    lengths = np.array([len(tokens) for tokens in token_lists], dtype=np.int64)
    words = _word_hashes(token_lists)
    owner = np.repeat(np.arange(len(token_lists)), lengths)
    span = max(len(words) - SHINGLE + 1, 0)
    mixed = np.zeros(len(words), dtype=np.uint64)  # the k-gram starting at each position
    mixed[:span] = words[:span]
    for k in range(1, SHINGLE):
        mixed[:span] = (mixed[:span] * np.uint64(0x9E3779B1)) ^ words[k: span + k]
    short = lengths[owner] < SHINGLE
    inside = np.zeros(len(words), dtype=bool)  # the k-gram does not run into the next text
    inside[:span] = owner[:span] == owner[SHINGLE - 1:]
    hashes = np.where(short, words, mixed)
    hashes = (hashes ^ (hashes >> np.uint64(29))) & np.uint64(0xFFFFFFFF)
    keep = (inside | short) & (hashes % np.uint64(SAMPLE) == 0)
    return owner[keep], hashes[keep].astype(np.uint32)


def signatures(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """One row of NUM_PERM minimum hash values per text (all-max for a text with no sampled shingle)."""
    a, b = _datasketch()[1].permutations
    a, b = a.astype(np.uint32), b.astype(np.uint32)
    owners, hashes = shingles(token_lists)
    out = np.full((len(token_lists), NUM_PERM), np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(hashes), CHUNK):
        chunk_owners = owners[start:start + CHUNK]
        values = hashes[start:start + CHUNK, None] * a + b  # uint32 arithmetic wraps: mod 2^32
        firsts = np.flatnonzero(np.r_[True, chunk_owners[1:] != chunk_owners[:-1]])
        rows = chunk_owners[firsts]
        out[rows] = np.minimum(out[rows], np.minimum.reduceat(values, firsts, axis=0))
    return out


def near_pairs(token_lists: Sequence[Sequence[str]], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Index pairs (i < j) of texts whose estimated Jaccard similarity reaches the threshold."""
    ds, _ = _datasketch()
    rows = signatures(token_lists)
    empty = (rows == np.iinfo(np.uint32).max).all(axis=1).tolist()
    sketches = [ds.LeanMinHash(seed=SEED, hashvalues=row, scheme="affine32") for row in rows]
    lsh = ds.MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for index, sketch in enumerate(sketches):
            if not empty[index]:
                session.insert(index, sketch, check_duplication=False)
    pairs = set()
    for i, sketch in enumerate(sketches):
        if empty[i]:
            continue
        for j in lsh.query(sketch):
            if j > i and np.count_nonzero(rows[i] == rows[j]) >= threshold * NUM_PERM:
                pairs.add((i, j))
    return sorted(pairs)
