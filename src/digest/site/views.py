"""What templates read: stories split into quote-aware paragraphs, and a catalogue to look things up.

Views are built once per build and shared by every page, so a story renders the same everywhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from digest.corpus.related import shown
from digest.records import Corpus, Event, Person, Quote, RelatedItem, Story, StoryRecord
from digest.site.routes import Routes
from digest.site.taxonomy import Term, story_day


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a paragraph: plain text, or a direct quote with its speaker."""

    text: str
    quote: Quote | None = None


# "Headline - oregonlive.com", "Headline | The Outlet": a title's last part after a separator
_TITLE_TAIL = re.compile(r"\s+[-|–—:]{1,2}\s+([^-|–—]+)$")


def _folded(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def without_site_suffix(headline: str, names: tuple[str | None, ...]) -> str:
    """The headline without a trailing site name: a host ("oregonlive.com") or the record's own
    outlet or publisher. Any other tail is the headline's own ("Brexit - what happens next")."""
    m = _TITLE_TAIL.search(headline)
    if not m or m.start() == 0:
        return headline
    tail = m.group(1).strip()
    folded = _folded(tail)
    is_host = re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", tail) is not None
    named = any(name and folded and (_folded(name) == folded or _folded(name) == _folded(tail.split(".")[0]))
                for name in names)
    return headline[:m.start()].rstrip() if is_host or named else headline


_WRITER_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*")


@dataclass(frozen=True)
class StoryView:
    story: Story
    path: str
    day: str | None  # the full ISO date the story is filed under, if any

    @cached_property
    def paragraphs(self) -> tuple[tuple[Segment, ...], ...]:
        """Made when a page or feed first shows the story's text, not for every story of every
        build: a rebuild renders a few pages of a large archive."""
        return story_paragraphs(self.story.record)

    @property
    def record(self):
        return self.story.record

    @property
    def title(self) -> str:
        """The headline as pages show it: never with the site's name after it."""
        record = self.story.record
        return without_site_suffix(record.headline, (record.publisher, record.source))

    @property
    def original_at(self) -> str | None:
        """Who the original page is at: the outlet the record names where its address bears the name
        out ("SFGate" at sfgate.com), else the address's host, which is never wrong."""
        record = self.story.record
        host = urlsplit(record.url).hostname if record.url else None
        if not host:
            return None
        site = host.removeprefix("www.")
        named = (n for n in (record.publisher, record.source) if n and _folded(n) and _folded(n) in _folded(site))
        return next(named, site)

    @property
    def lead(self) -> str:
        return self.story.record.body[0] if self.story.record.body else ""

    @cached_property
    def related(self) -> tuple[tuple[RelatedItem, str | None], ...]:
        """The related items to list, each once, with the id of the story each names (if any)."""
        return shown(self.story.record.related, self.story.related_story)

    @property
    def writers(self) -> tuple[str, ...]:
        """The byline's names, one each ("JANE ROE and RICK MOE" gives two): feeds and JSON-LD
        credit people, and the outlet only where the page names no writer."""
        byline = self.story.record.byline
        return tuple(n for n in _WRITER_SEPARATOR.split(byline) if n.strip()) if byline else ()


COVERAGE = 8  # the other stories of its event a story page lists: the nearest in the timeline


@dataclass(frozen=True)
class Coverage:
    stories: tuple[StoryView, ...]  # in timeline order
    more: bool  # the event has other stories besides these


@dataclass(frozen=True)
class Catalog:
    """Lookups for templates: by id, and from a speaker's name to their person page."""

    stories: dict[str, StoryView]
    events: dict[str, Event]
    people: dict[str, Person]
    speakers: dict[str, str]  # a name or alias as printed -> person id
    terms: dict[tuple[str, str], Term]
    organisations: dict[str, Person] = field(default_factory=dict)  # the organisations quoted, by id

    def story_list(self, ids) -> list[StoryView]:
        return [self.stories[i] for i in ids if i in self.stories]

    def person_of(self, speaker: str | None) -> Person | None:
        return self.people.get(self.speakers.get(speaker or "", ""))

    def coverage(self, story_id: str, limit: int = COVERAGE) -> Coverage:
        """The other stories of a story's event nearest it in the timeline. A bounded window: an
        event of thousands of stories would otherwise be listed whole on each of its thousands of
        pages, and a story added far off in the timeline changes none of them."""
        view = self.stories.get(story_id)
        event = self.events.get(view.story.event) if view and view.story.event else None
        timeline = [i for i in event.story_ids if i in self.stories] if event else []
        at = timeline.index(story_id) if story_id in timeline else 0
        others = timeline[:at] + timeline[at + 1:]
        start = max(0, min(at - limit // 2, len(others) - limit))
        return Coverage(tuple(self.stories[i] for i in others[start:start + limit]), len(others) > limit)


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


def story_paragraphs(record: StoryRecord) -> tuple[tuple[Segment, ...], ...]:
    direct: dict[int, list[Quote]] = {}
    for quote in record.quotes:
        if quote.kind == "direct":
            direct.setdefault(quote.paragraph, []).append(quote)
    return tuple(segments(text, direct.get(index, [])) for index, text in enumerate(record.body))


def story_view(story: Story, path: str) -> StoryView:
    return StoryView(story, path, story_day(story))


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
        organisations={o.id: o for o in corpus.organisations},
        terms={(t.taxonomy, t.key): t for t in terms},
    )
