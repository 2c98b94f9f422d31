"""Plan the site: which pages exist, at which path, with what data. Pure: nothing is rendered here."""
from __future__ import annotations

from dataclasses import dataclass

from digest.records import Corpus, Quote, Story
from digest.site.routes import HOME, story_path, story_slugs


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a paragraph: plain text, or a direct quote with its speaker."""

    text: str
    quote: Quote | None = None


@dataclass(frozen=True, slots=True)
class StoryView:
    story: Story
    path: str
    paragraphs: tuple[tuple[Segment, ...], ...]


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    template: str
    title: str
    story: StoryView | None = None
    stories: tuple[StoryView, ...] = ()


def segments(paragraph: str, quotes: list[Quote]) -> tuple[Segment, ...]:
    """Split a paragraph at its direct quotes so the theme can set them apart, escaping intact."""
    parts: list[Segment] = []
    cursor = 0
    for quote in quotes:
        at = paragraph.find(quote.text, cursor)
        if at < 0:
            continue
        if at > cursor:
            parts.append(Segment(paragraph[cursor:at]))
        parts.append(Segment(quote.text, quote))
        cursor = at + len(quote.text)
    if cursor < len(paragraph):
        parts.append(Segment(paragraph[cursor:]))
    return tuple(parts)


def story_view(story: Story, path: str) -> StoryView:
    record = story.record
    paragraphs = tuple(
        segments(text, [q for q in record.quotes if q.kind == "direct" and q.paragraph == index])
        for index, text in enumerate(record.body)
    )
    return StoryView(story, path, paragraphs)


def plan_pages(corpus: Corpus, site_title: str) -> tuple[Page, ...]:
    slugs = story_slugs(corpus.stories)
    views = tuple(story_view(story, story_path(slugs[story.id])) for story in corpus.stories)
    pages = [Page(HOME, "index.html", site_title, stories=views)]
    pages += [Page(view.path, "story.html", view.story.record.headline, story=view) for view in views]
    return tuple(sorted(pages, key=lambda p: p.path))
