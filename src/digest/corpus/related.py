"""Related items across the corpus: one item however many pages list it, linked to its story if we have it."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from digest.lexicon.text import headline_core, words
from digest.records import RelatedItem, StoryRecord


@lru_cache(maxsize=1 << 16)  # the same related titles recur on page after page
def title_key(title: str) -> str:
    """How titles are compared: the outlet's tail, case and punctuation folded away."""
    return " ".join(words(headline_core(title)))


def headline_index(stories: Iterable[tuple[str, Iterable[StoryRecord]]]) -> dict[str, str]:
    """Title key -> story id, over every dump of every story; the smallest id wins a clash."""
    index: dict[str, str] = {}
    for story_id, records in sorted(stories, key=lambda s: s[0]):
        for record in records:
            if not record.headline_inferred:
                index.setdefault(title_key(record.headline), story_id)
    return index


def link(record: StoryRecord, story_id: str, index: dict[str, str]) -> tuple[str | None, ...]:
    """Per related item, the id of the story it names (never the story itself)."""
    links = []
    for item in record.related:
        target = index.get(title_key(item.title))
        links.append(target if target != story_id else None)
    return tuple(links)


def merge_items(items: Iterable[RelatedItem]) -> tuple[RelatedItem, ...]:
    """One item per title key: labels and sections pooled, the longest summary kept; sorted by key."""
    merged: dict[str, RelatedItem] = {}
    for item in items:
        key = title_key(item.title)
        seen = merged.get(key)
        if seen is None:
            merged[key] = item
            continue
        summary = max((s for s in (seen.summary, item.summary) if s), key=lambda s: (len(s), s), default=None)
        merged[key] = RelatedItem(title=min(seen.title, item.title), summary=summary,
                                  labels=tuple(sorted(set(seen.labels) | set(item.labels))),
                                  sections=tuple(sorted(set(seen.sections) | set(item.sections))),
                                  quotes=seen.quotes if len(seen.quotes) >= len(item.quotes) else item.quotes)
    return tuple(merged[key] for key in sorted(merged))


def shown(items: Iterable[RelatedItem], targets: Iterable[str | None]) -> tuple[tuple[RelatedItem, str | None], ...]:
    """What a story page lists as related: each item once (titles compared as title_key does, so
    a title printed with and without its outlet's tail counts once), with the story it names when
    the site has it, in the page's order. The first link found for a title wins."""
    seen: dict[str, int] = {}
    pairs: list[tuple[RelatedItem, str | None]] = []
    targets = list(targets)
    for at, item in enumerate(items):
        target = targets[at] if at < len(targets) else None
        key = title_key(item.title) or item.title.casefold()
        if key in seen:
            kept, link_to = pairs[seen[key]]
            pairs[seen[key]] = (kept, link_to or target)
            continue
        seen[key] = len(pairs)
        pairs.append((item, target))
    return tuple(pairs)
