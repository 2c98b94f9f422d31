"""Exact duplicates: the same article saved twice is one story, its copies kept as alternate sources."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from digest.records import Corpus, Story, StoryRecord


def body_fingerprint(record: StoryRecord) -> str:
    """Hash of the body's words, case and punctuation folded: re-scrapes of one page agree on it."""
    text = unicodedata.normalize("NFKC", " ".join(record.body)).casefold()
    words = re.findall(r"\w+", text)
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def _preference(record: StoryRecord) -> tuple:
    """Which copy represents the story: a real headline, then more fields, then the path."""
    filled = sum(x is not None for x in (record.dateline, record.date, record.source, record.photo_credit))
    return (record.headline_inferred, -filled, record.path)


def build_corpus(records: list[StoryRecord]) -> Corpus:
    groups: dict[str, list[StoryRecord]] = {}
    for record in records:
        groups.setdefault(body_fingerprint(record), []).append(record)
    stories = []
    for fingerprint, copies in groups.items():
        first, *rest = sorted(copies, key=_preference)
        stories.append(Story(id=fingerprint[:12], record=first, copies=tuple(rest)))
    stories.sort(key=lambda s: (s.record.date or "", s.id), reverse=True)
    return Corpus(stories=tuple(stories))
