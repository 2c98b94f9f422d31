"""Duplicates: the same article saved twice, or syndicated with other furniture, is one story.

Exact copies (the same normalised body) group first, by fingerprint; the near-duplicate pass then
compares one body per exact group, so re-scrapes cost nothing extra. Copies are kept as alternate
sources on the story, never dropped.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digest.corpus.features import features_of, fingerprint, signature_of
from digest.corpus.groups import connected_groups
from digest.corpus.near import NUM_PERM, near_pairs
from digest.lexicon.text import word_bytes
from digest.records import Features, StoryRecord


@dataclass(frozen=True, slots=True)
class Article:
    """One article: the record that represents it and the other dumps of it."""

    id: str
    record: StoryRecord
    copies: tuple[StoryRecord, ...]


def body_fingerprint(record: StoryRecord) -> str:
    """The exact-duplicate key of one record: `digest check` names copies by the same rule."""
    return fingerprint(word_bytes(" ".join(record.body)))


def preference(record: StoryRecord) -> tuple:
    """Which copy represents the story: a real headline, then more fields, then a longer body, then the path."""
    filled = sum(x is not None for x in (record.dateline, record.date, record.source, record.photo_credit))
    return (record.headline_inferred, -filled, -len(record.body), record.path)


@dataclass(frozen=True, slots=True)
class ExactGroup:
    fingerprint: str
    records: list[StoryRecord]  # best first
    signature: np.ndarray  # of their body (near.signatures)


def exact_groups(records: Sequence[StoryRecord], features: Sequence[Features]) -> list[ExactGroup]:
    """Records sharing one body, in fingerprint order."""
    groups: dict[str, ExactGroup] = {}
    for record, known in zip(records, features):
        group = groups.get(known.fingerprint)
        if group is None:
            group = groups[known.fingerprint] = ExactGroup(known.fingerprint, [], signature_of(known))
        group.records.append(record)
    for group in groups.values():
        group.records.sort(key=preference)
    return [groups[key] for key in sorted(groups)]


def collapse(records: Sequence[StoryRecord], threshold: float | None = None,
             features: Sequence[Features] | None = None) -> list[Article]:
    """Articles in id order; threshold None uses the measured default, 1.0 keeps exact copies only.
    `features` are the records' own (digest.corpus.features), computed here if not given.

    An article's id is the fingerprint of the body of the record that represents it.
    """
    exact = exact_groups(records, features if features is not None else [features_of(r) for r in records])
    if threshold is None or threshold < 1.0:
        kwargs = {} if threshold is None else {"threshold": threshold}
        rows = np.array([group.signature for group in exact], dtype=np.uint32).reshape(-1, NUM_PERM)
        pairs = near_pairs(rows, **kwargs)
    else:
        pairs = []
    articles = []
    for members in connected_groups(len(exact), pairs):
        best = min(members, key=lambda m: preference(exact[m].records[0]))
        first = exact[best].records[0]
        rest = [r for m in members for r in exact[m].records]
        del rest[next(i for i, r in enumerate(rest) if r is first)]  # only it: a dump given twice stays a copy
        articles.append(Article(exact[best].fingerprint[:12], first, tuple(sorted(rest, key=lambda r: r.path))))
    return sorted(articles, key=lambda a: a.id)
