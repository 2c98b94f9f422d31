"""The corpus as seen from each dump: which story it is, which dump it copies, which event it is part of."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from digest.corpus.assemble import build_corpus
from digest.records import StoryRecord


@dataclass(frozen=True, slots=True)
class RecordView:
    story: str
    duplicate_of: str | None  # path of the dump that represents the story, when this one is a copy
    event: str | None


def corpus_view(records: Sequence[StoryRecord]) -> dict[str, RecordView]:
    """Path -> its view; a copy points at the representing dump, which points at nothing."""
    view = {}
    for story in build_corpus(records).stories:
        view[story.record.path] = RecordView(story.id, None, story.event)
        for copy in story.copies:
            view.setdefault(copy.path, RecordView(story.id, story.record.path, story.event))  # a path given twice
    return view
