import random
from itertools import combinations

import numpy as np

from digest.corpus.near import NUM_PERM, bands, near_pairs, signatures, word_hashes


def _texts(count: int = 120) -> list[np.ndarray]:
    """Texts in families: a base text and variants with a few words changed, so every level of overlap occurs."""
    rng = random.Random(3)
    vocab = [f"w{n}".encode() for n in range(400)]
    texts = []
    while len(texts) < count:
        base = [rng.choice(vocab) for _ in range(120)]
        texts.append(base)
        for changes in (1, *rng.sample(range(2, 40), 3)):
            variant = list(base)
            for position in rng.sample(range(120), changes):
                variant[position] = rng.choice(vocab)
            texts.append(variant)
    return [word_hashes(text) for text in texts[:count] + [[], [b"too", b"short"]]]


def test_pairs_are_exactly_those_sharing_a_band_and_enough_values():
    """The LSH contract checked against every pair: a shared band makes a candidate, the estimate decides."""
    texts = _texts()
    rows = signatures(texts)
    for threshold in (0.3, 0.5, 0.8):
        count, width = bands(threshold)
        expected = [(i, j) for i, j in combinations(range(len(texts)), 2)
                    if (rows[i] != np.iinfo(np.uint32).max).any()
                    and any((rows[i, b * width:(b + 1) * width] == rows[j, b * width:(b + 1) * width]).all()
                            for b in range(count))
                    and np.count_nonzero(rows[i] == rows[j]) >= threshold * NUM_PERM]
        assert near_pairs(rows, threshold) == expected
        assert expected  # the families give the check something to find


def test_bands_suit_the_threshold():
    for threshold in (0.3, 0.5, 0.8):
        count, width = bands(threshold)
        assert count * width <= NUM_PERM
        assert abs((1 / count) ** (1 / width) - threshold) < 0.2  # the S-curve turns near the threshold


def test_a_texts_signature_is_its_own_whatever_it_is_computed_with():
    """Records are signed one by one as they are parsed, and cached: the row must not depend on
    the other texts of a batch."""
    texts = _texts(30)
    together = signatures(texts)
    assert all((signatures([text])[0] == row).all() for text, row in zip(texts, together))
