"""Average-linkage clustering over candidate pairs, with a date window that holds for whole groups.

Two groups are as similar as their stories are on average, over every pair across them. For unit
vectors that is the dot product of the two groups' summed vectors over the product of their sizes,
so a merge costs one sparse sum and a few sparse dot products, never all pairs. Unlike single or
centroid linkage this does not chain: a group whose stories are loosely like a newcomer's on
average stays apart, however close one member is.

Groups meet only through candidate pairs (blocking); each merge looks again at the groups either
side met, most similar first (a heap), until no pair left reaches its threshold.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Vector = dict[str, float]


@dataclass
class _Group:
    size: int
    total: Vector  # the sum of the members' unit vectors
    first: int | None  # the earliest and latest day number of its dated members
    last: int | None
    neighbours: set[int] = field(default_factory=set)
    version: int = 0


@dataclass(frozen=True)
class Rules:
    """When two groups may join: `similarity(total_a, total_b)` over the product of their sizes
    (their average pairwise similarity) reaches `threshold`, or `undated_threshold` when only one
    holds dated stories; and their dated stories together span at most `window` days."""

    similarity: Callable[[Vector, Vector], float]
    threshold: float
    undated_threshold: float
    window: int


def _span_ok(a: _Group, b: _Group, window: int) -> bool:
    if a.first is None or b.first is None:
        return True
    return max(a.last, b.last) - min(a.first, b.first) <= window


def _needed(a: _Group, b: _Group, rules: Rules) -> float:
    return rules.undated_threshold if (a.first is None) != (b.first is None) else rules.threshold


def average_groups(vectors: Sequence[Vector], days: Sequence[int | None], pairs: Sequence[tuple[int, int]],
                   rules: Rules) -> list[list[int]]:
    """Groups of indexes (each sorted, in order of first member) from candidate pairs (i < j)."""
    groups = {i: _Group(1, vectors[i], days[i], days[i]) for i in range(len(vectors))}
    members = {i: [i] for i in range(len(vectors))}
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        ga, gb = groups[a], groups[b]
        if not _span_ok(ga, gb, rules.window):
            return  # spans only grow: these two can never join
        similarity = rules.similarity(ga.total, gb.total) / (ga.size * gb.size)
        if similarity >= min(rules.threshold, rules.undated_threshold):
            heapq.heappush(heap, (-similarity, a, b, ga.version, gb.version))

    for i, j in sorted(set(pairs)):
        groups[i].neighbours.add(j)
        groups[j].neighbours.add(i)
    for i, j in sorted(set(pairs)):
        push(i, j)
    while heap:
        negative, a, b, va, vb = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue
        ga, gb = groups[a], groups[b]
        if (ga.version, gb.version) != (va, vb) or -negative < _needed(ga, gb, rules) \
                or not _span_ok(ga, gb, rules.window):
            continue
        total = dict(ga.total)
        for term, weight in gb.total.items():
            total[term] = total.get(term, 0.0) + weight
        firsts = [d for d in (ga.first, gb.first) if d is not None]
        lasts = [d for d in (ga.last, gb.last) if d is not None]
        neighbours = (ga.neighbours | gb.neighbours) - {a, b}
        del groups[b]
        groups[a] = _Group(ga.size + gb.size, total, min(firsts, default=None), max(lasts, default=None),
                           neighbours, ga.version + 1)
        members[a] += members.pop(b)
        for c in sorted(neighbours):
            other = groups[c].neighbours
            other.discard(b)
            other.add(a)
            push(a, c)
    return sorted(sorted(group) for group in members.values())
