"""The one place URLs are decided. Every output path comes from a slug, never from dump text."""
from __future__ import annotations

import posixpath

from slugify import slugify

from digest.records import Story

MAX_SLUG_LENGTH = 80
HOME = "index.html"


def story_slugs(stories: tuple[Story, ...]) -> dict[str, str]:
    """Story id -> slug. Slugs come from headlines; when two stories share one, the earliest
    (by date, then id) keeps it and the others add their id, so URLs stay put across builds."""
    by_slug: dict[str, list[Story]] = {}
    for story in stories:
        base = slugify(story.record.headline, max_length=MAX_SLUG_LENGTH, word_boundary=True) or "story"
        by_slug.setdefault(base, []).append(story)
    slugs: dict[str, str] = {}
    for base, group in by_slug.items():
        group.sort(key=lambda s: (s.record.date or "9999", s.id))
        slugs[group[0].id] = base
        for story in group[1:]:
            slugs[story.id] = f"{base}-{story.id[:8]}"
    return slugs


def story_path(slug: str) -> str:
    return f"stories/{slug}/index.html"


def relative(from_path: str, to_path: str) -> str:
    """A link from one output file to another that works from disk (file://) and on any host."""
    start = posixpath.dirname(from_path) or "."
    return posixpath.relpath(to_path, start)
