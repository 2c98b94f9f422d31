"""Duplicates: the same article saved twice, or syndicated with other furniture, is one story.

Exact copies (the same normalised body) group first, by fingerprint; the near-duplicate pass then
compares one body per exact group, so re-scrapes cost nothing extra. Copies are kept as alternate
sources on the story, never dropped.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from digest.corpus.groups import connected_groups
from digest.corpus.near import near_pairs
from digest.corpus.text import words
from digest.records import StoryRecord


@dataclass(frozen=True, slots=True)
class Article:
    """One article: the record that represents it and the other dumps of it."""

    id: str
    record: StoryRecord
    copies: tuple[StoryRecord, ...]


def body_fingerprint(record: StoryRecord) -> str:
    """Hash of the body's words, case and punctuation folded: re-scrapes of one page agree on it."""
    return hashlib.sha256(" ".join(words(" ".join(record.body))).encode("utf-8")).hexdigest()


def preference(record: StoryRecord) -> tuple:
    """Which copy represents the story: a real headline, then more fields, then a longer body, then the path."""
    filled = sum(x is not None for x in (record.dateline, record.date, record.source, record.photo_credit))
    return (record.headline_inferred, -filled, -len(record.body), record.path)


def exact_groups(records: Sequence[StoryRecord]) -> list[list[StoryRecord]]:
    groups: dict[str, list[StoryRecord]] = {}
    for record in records:
        groups.setdefault(body_fingerprint(record), []).append(record)
    return [sorted(groups[key], key=preference) for key in sorted(groups)]


def collapse(records: Sequence[StoryRecord], threshold: float | None = None) -> list[Article]:
    """Articles in id order; threshold None uses the measured default, 1.0 keeps exact copies only."""
    exact = exact_groups(records)
    if threshold is None or threshold < 1.0:
        kwargs = {} if threshold is None else {"threshold": threshold}
        pairs = near_pairs([group[0].body for group in exact], **kwargs)
    else:
        pairs = []
    articles = []
    for members in connected_groups(len(exact), pairs):
        first, *rest = sorted((r for m in members for r in exact[m]), key=preference)
        articles.append(Article(body_fingerprint(first)[:12], first, tuple(sorted(rest, key=lambda r: r.path))))
    return sorted(articles, key=lambda a: a.id)
