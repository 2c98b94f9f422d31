"""What templates read: stories split into quote-aware paragraphs, and a catalogue to look things up.

Views are built once per build and shared by every page, so a story renders the same everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass

from digest.records import Corpus, Event, Person, Quote, Story
from digest.site.routes import Routes
from digest.site.taxonomy import Term, story_day


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a paragraph: plain text, or a direct quote with its speaker."""

    text: str
    quote: Quote | None = None


@dataclass(frozen=True, slots=True)
class StoryView:
    story: Story
    path: str
    day: str | None  # the full ISO date the story is filed under, if any
    paragraphs: tuple[tuple[Segment, ...], ...]

    @property
    def record(self):
        return self.story.record

    @property
    def lead(self) -> str:
        return self.story.record.body[0] if self.story.record.body else ""


@dataclass(frozen=True)
class Catalog:
    """Lookups for templates: by id, and from a speaker's name to their person page."""

    stories: dict[str, StoryView]
    events: dict[str, Event]
    people: dict[str, Person]
    speakers: dict[str, str]  # a name or alias as printed -> person id
    terms: dict[tuple[str, str], Term]

    def story_list(self, ids) -> list[StoryView]:
        return [self.stories[i] for i in ids if i in self.stories]

    def person_of(self, speaker: str | None) -> Person | None:
        return self.people.get(self.speakers.get(speaker or "", ""))


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
    return StoryView(story, path, story_day(story), paragraphs)


def make_catalog(corpus: Corpus, routes: Routes, terms: tuple[Term, ...]) -> Catalog:
    speakers: dict[str, str] = {}
    for person in sorted(corpus.people, key=lambda p: p.id):
        for name in (person.name, *person.aliases):
            speakers.setdefault(name, person.id)
    return Catalog(
        stories={s.id: story_view(s, routes.story(s.id)) for s in corpus.stories},
        events={e.id: e for e in corpus.events},
        people={p.id: p for p in corpus.people},
        speakers=speakers,
        terms={(t.taxonomy, t.key): t for t in terms},
    )
