"""TF-IDF weights over term counts: what is frequent in one story and rare in the corpus."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


def document_frequency(docs: Sequence[Counter]) -> Counter:
    df: Counter = Counter()
    for doc in docs:
        df.update(doc.keys())
    return df


def idf_table(df: Counter, total: int) -> dict[str, float]:
    """Smoothed idf per term, computed once per term rather than once per occurrence."""
    return {t: math.log((1 + total) / (1 + n)) + 1 for t, n in df.items()}


def raw_weights(doc: Counter, idf: dict[str, float]) -> dict[str, float]:
    """Sublinear tf times idf."""
    return {t: (1 + math.log(n)) * idf[t] if n > 1 else idf[t] for t, n in doc.items()}


def weigh(doc: Counter, idf: dict[str, float]) -> dict[str, float]:
    """Weights scaled to unit length, so a dot product is the cosine."""
    weights = raw_weights(doc, idf)
    norm = math.sqrt(sum([w * w for w in weights.values()])) or 1.0  # a list sums faster than a generator
    return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    # Only shared terms count (the set operation runs in C); sorted, so the float sum is the same every run.
    return sum([a[t] * b[t] for t in sorted(a.keys() & b.keys())])
