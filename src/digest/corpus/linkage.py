"""Clustering over candidate pairs by centroid linkage: two groups join only if their centroids are
similar, so a chain of loosely related stories (A like B, B like C) does not become one event.

Pairs are taken most similar first; the cost is the sort of the candidate pairs plus one sparse
vector sum per merge, not all pairs.
"""
from __future__ import annotations

import math
from collections.abc import Sequence


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum([w * w for w in vector.values()])) or 1.0


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    return sum([a[t] * b[t] for t in sorted(a.keys() & b.keys())])


def centroid_groups(vectors: Sequence[dict[str, float]], pairs: Sequence[tuple[float, int, int]],
                    threshold: float) -> list[list[int]]:
    """Groups of indexes (each sorted, in order of first member) from (similarity, i, j) pairs."""
    parent = list(range(len(vectors)))
    centroid: dict[int, dict[str, float]] = {}
    norms: dict[int, float] = {}  # of each group's centroid (or vector), kept while the group stands

    def norm(i: int) -> float:
        if i not in norms:
            norms[i] = _norm(centroid.get(i, vectors[i]))
        return norms[i]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for similarity, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if similarity < threshold:
            break  # the rest are less similar still
        a, b = root(i), root(j)
        if a == b:
            continue
        ca, cb = centroid.get(a, vectors[a]), centroid.get(b, vectors[b])
        if (a in centroid or b in centroid) and _dot(ca, cb) / (norm(a) * norm(b)) < threshold:
            continue
        merged = ca if a in centroid else dict(ca)  # a group's own centroid grows in place
        for term, weight in cb.items():
            merged[term] = merged.get(term, 0.0) + weight
        keep, drop = min(a, b), max(a, b)
        parent[drop] = keep
        centroid.pop(drop, None)
        centroid[keep] = merged
        norms.pop(a, None)
        norms.pop(b, None)
    groups: dict[int, list[int]] = {}
    for i in range(len(vectors)):
        groups.setdefault(root(i), []).append(i)
    return [groups[key] for key in sorted(groups)]
