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


def weigh(doc: Counter, df: Counter, total: int) -> dict[str, float]:
    """Sublinear tf times smoothed idf, scaled to unit length so a dot product is the cosine."""
    weights = {t: (1 + math.log(n)) * (math.log((1 + total) / (1 + df[t])) + 1) for t, n in doc.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
