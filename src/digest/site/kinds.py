"""The pages of a site, one small type a kind: each holds what its template shows, and nothing else.

Every page has its path, template and title, a description for search engines and link previews,
the folder whose feeds it advertises (None: none) and where it stands in its list (None: it is no
list); `base.html` reads only these and `kind`. A template reads its own kind's fields: the story
page has `story`, a term's page `term`, `stories` and `person`, and so on (docs/themes.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from digest.records import Event, Person, SaidIn
from digest.site.archive import Link, Month, Neighbours
from digest.site.taxonomy import Taxonomy, Term
from digest.site.views import StoryView


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page stands in its list. The one numbering rule: a list in time is numbered from
    its oldest item, so page N keeps its items for good and a link to it stays true; the list's
    own address holds its newest items (the highest number for a newest-first list, page 1 for a
    timeline, whose newest items come last). No page says how many there are: a count that grows
    would change every page. An alphabetical list goes by letter (digest.site.letters), and a
    letter longer than a page is numbered from its start."""

    number: int
    count: int | None  # always None; kept so a site's own template that reads it still renders
    previous: str | None  # the page before this one in the list (for a newest-first list, newer stories)
    next: str | None
    newest_first: bool = True  # what the links say: "Newer"/"Older", or "Earlier"/"Later" for a timeline


@dataclass(frozen=True, slots=True)
class Page:
    kind: ClassVar[str]  # what the page is, for templates and tests: "home", "story", "event", "term", ...
    path: str
    template: str
    title: str
    description: str = ""
    feeds: str | None = None  # the folder whose feeds the page advertises ("": the site's)
    pager: Pager | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class HomePage(Page):
    """The most recent days: the events their stories belong to, then each day's other stories."""

    kind: ClassVar[str] = "home"
    stories: tuple[StoryView, ...]
    events: tuple[Event, ...]
    days: tuple[str, ...]  # the recent days it shows, newest first
    day: str | None  # the newest of them


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryPage(Page):
    kind: ClassVar[str] = "story"
    story: StoryView


@dataclass(frozen=True, slots=True, kw_only=True)
class EventsPage(Page):
    """The events index, newest first."""

    kind: ClassVar[str] = "events"
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventPage(Page):
    """An event's timeline: its stories, earliest first."""

    kind: ClassVar[str] = "event"
    event: Event
    stories: tuple[StoryView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TermPage(Page):
    """A term's stories (a source, a person, a place, a topic, a day), newest first."""

    kind: ClassVar[str] = "term"
    taxonomy: Taxonomy
    term: Term
    stories: tuple[StoryView, ...]
    person: Person | None = None  # on a person's or an organisation's page: whose quotes it lists
    quotes: tuple[tuple[SaidIn, ...], ...] = ()  # and their quotes in each of its stories
    day: str | None = None  # a day's page: the day
    neighbours: Neighbours | None = None  # a day's page: the days before and after it


@dataclass(frozen=True, slots=True, kw_only=True)
class TermsPage(Page):
    """An alphabetical index of a taxonomy's terms, on one page or a page a letter."""

    kind: ClassVar[str] = "terms"
    taxonomy: Taxonomy
    terms: tuple[Term, ...]
    letters: tuple[Link, ...]  # each letter's first page (or place on this page)
    letter: str | None = None  # the letter this page lists, on an index a page a letter
    starts: tuple[str, ...] = ()  # on one page: per term, the letter it begins (as a slug), else ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchivePage(Page):
    """The archive's index: every month, newest first."""

    kind: ClassVar[str] = "archive"
    taxonomy: Taxonomy
    months: tuple[Month, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthPage(Page):
    """A month of the archive: its days."""

    kind: ClassVar[str] = "month"
    taxonomy: Taxonomy
    days: tuple[str, ...]
    terms: tuple[Term, ...]  # the days as the archive's terms
    neighbours: Neighbours  # the months before and after it


@dataclass(frozen=True, slots=True, kw_only=True)
class UndatedPage(Page):
    kind: ClassVar[str] = "undated"
    stories: tuple[StoryView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class TextPage(Page):
    """A page of the site's own, written in Markdown."""

    kind: ClassVar[str] = "page"
    html: str  # already converted


@dataclass(frozen=True, slots=True)
class SearchPage(Page):
    kind: ClassVar[str] = "search"


@dataclass(frozen=True, slots=True)
class NotFoundPage(Page):
    kind: ClassVar[str] = "404"
