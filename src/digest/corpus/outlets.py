"""Outlets: who carried a story, from the credited source, the dateline's agency or the headline's tail."""
from __future__ import annotations

from collections.abc import Iterable

from digest.corpus.text import fold, headline_tail
from digest.records import StoryRecord


def outlet(record: StoryRecord) -> str | None:
    agency = record.dateline.agency.strip("() ") if record.dateline and record.dateline.agency else None
    return record.source or agency or (None if record.headline_inferred else headline_tail(record.headline))


def outlets(records: Iterable[StoryRecord]) -> tuple[str, ...]:
    """Each outlet once (compared without case), in the order of the records given."""
    seen: dict[str, str] = {}
    for record in records:
        name = outlet(record)
        if name:
            seen.setdefault(fold(name), name)
    return tuple(seen.values())
