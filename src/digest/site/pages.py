"""Plan the site: which pages exist, at which path, with what data. Pure: nothing is rendered here."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Sequence, TypeVar

from digest.config import SiteConfig
from digest.records import Corpus, Event, Person, SaidIn
from digest.site.markdown import MarkdownPage
from digest.site.routes import HOME, NOT_FOUND, SEARCH, Routes
from digest.site.taxonomy import Taxonomy, Term
from digest.site.views import Catalog, StoryView

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pager:
    number: int  # fixed pages (paginate_fixed): counted from the oldest; the first page has the highest
    count: int | None  # None for fixed pages: a count that grows would change every page
    previous: str | None  # the page before this one in the list (for a newest-first list, newer stories)
    next: str | None


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    template: str
    title: str
    kind: str  # what the page is, for templates and tests: "home", "story", "event", "term", ...
    stories: tuple[StoryView, ...] = ()
    undated: tuple[StoryView, ...] = ()  # home: stories with no full date, which no day page lists
    story: StoryView | None = None
    events: tuple[Event, ...] = ()
    event: Event | None = None
    taxonomy: Taxonomy | None = None
    terms: tuple[Term, ...] = ()
    term: Term | None = None
    person: Person | None = None
    quotes: tuple[tuple[SaidIn, ...], ...] = ()  # a person's page: their quotes in each of its stories
    day: str | None = None
    html: str = ""  # a Markdown page, already converted
    pager: Pager | None = None
    feeds: str | None = None  # the folder whose feeds the page advertises
    description: str = ""


Chunks = list[tuple[tuple[T, ...], str, Pager]]  # each page's items, path and pager, first page first


def paginate(items: Sequence[T], per_page: int, path: Callable[[int | None], str]) -> Chunks:
    """Chunks of a list in its own order, page 1 at path(None) and page N at path(N); an empty
    list is one empty page. For lists that grow at their end (an event's timeline)."""
    count = max(1, -(-len(items) // per_page))
    at = lambda n: path(None if n == 1 else n)  # noqa: E731
    return [
        (tuple(items[(n - 1) * per_page:n * per_page]), at(n),
         Pager(n, count, at(n - 1) if n > 1 else None, at(n + 1) if n < count else None))
        for n in range(1, count + 1)
    ]


def paginate_fixed(items: Sequence[T], per_page: int, path: Callable[[int | None], str]) -> Chunks:
    """Fixed pages for a list kept newest first (a source's stories, the events): pages are counted
    from the oldest, so page N (at path(N)) keeps its items as newer ones arrive, and a link to it
    stays true. The first page, at path(None), holds the newest per_page to 2 x per_page - 1 items.
    A newer item then changes the first page alone, and once a page's worth has arrived, makes
    one new page and changes the one below it (its link to newer items)."""
    full = len(items) // per_page  # full pages' worth, counted from the oldest
    if full < 2:
        return [(tuple(items), path(None), Pager(1, None, None, None))]
    newest = len(items) - (full - 1) * per_page
    pages: Chunks = [(tuple(items[:newest]), path(None), Pager(full, None, None, path(full - 1)))]
    for number in range(full - 1, 0, -1):
        start = len(items) - number * per_page
        pages.append((tuple(items[start:start + per_page]), path(number),
                      Pager(number, None, path(number + 1) if number + 1 < full else path(None),
                            path(number - 1) if number > 1 else None)))
    return pages


def home_page(corpus: Corpus, catalog: Catalog, config: SiteConfig) -> Page:
    """The latest day's digest: its events, each with its stories; then the day's other stories,
    and the newest stories whose date lacks a year, since no day page can list them. The corpus's
    stories come newest first (plan_site orders them)."""
    views = catalog.story_list(s.id for s in corpus.stories)
    days = sorted({v.day for v in views if v.day}, reverse=True)
    latest = days[0] if days else None
    day_ids = {v.story.id for v in views if v.day == latest and latest}
    events = tuple(sorted((e for e in corpus.events if day_ids & set(e.story_ids)),
                          key=lambda e: (-len(e.story_ids), e.title, e.id)))
    in_events = {i for e in events for i in e.story_ids}
    rest = tuple(v for v in views if v.story.id in day_ids and v.story.id not in in_events)
    undated = tuple(v for v in views if v.day is None)[:config.items_per_page]
    return Page(HOME, "index.html", config.title, "home", stories=rest, undated=undated, events=events,
                day=latest, feeds="")


def undated_pages(corpus: Corpus, catalog: Catalog, routes: Routes, per_page: int) -> list[Page]:
    """Stories with no full date, on a list of their own: they have no place in a list by date, and
    a date given to them would be made up. Fixed pages, like a source's: an undated story that
    arrives changes the first page alone."""
    undated = [v for v in catalog.story_list(s.id for s in corpus.stories) if v.day is None]
    if not undated:
        return []
    return [Page(path, "undated.html", "Stories without a date", "undated", stories=chunk, pager=pager)
            for chunk, path, pager in paginate_fixed(undated, per_page, routes.undated)]


def story_pages(catalog: Catalog) -> list[Page]:
    return [Page(v.path, "story.html", v.record.headline, "story", story=v,
                 description=v.lead) for v in sorted(catalog.stories.values(), key=lambda v: v.path)]


def event_pages(corpus: Corpus, catalog: Catalog, routes: Routes, per_page: int) -> list[Page]:
    if not corpus.events:
        return []
    events = sorted(corpus.events, key=lambda e: (e.end or "", e.id), reverse=True)
    pages = [Page(path, "events.html", "Events", "events", events=chunk, pager=pager)
             for chunk, path, pager in paginate_fixed(events, per_page, routes.events_index)]
    for event in events:
        timeline = catalog.story_list(event.story_ids)
        for chunk, path, pager in paginate(timeline, per_page, lambda n: routes.event(event.id, n)):
            pages.append(Page(path, "event.html", event.title, "event", stories=chunk, event=event,
                              pager=pager, feeds=routes.event_folder(event.id)))
    return pages


def taxonomy_pages(taxonomy: Taxonomy, terms: tuple[Term, ...], catalog: Catalog, routes: Routes,
                   per_page: int) -> list[Page]:
    if not terms:
        return []
    pages = [Page(path, "terms.html", taxonomy.title, "terms", taxonomy=taxonomy, terms=chunk, pager=pager)
             for chunk, path, pager in paginate(terms, per_page, lambda n: routes.index(taxonomy.name, n))]
    for term in terms:
        title = f"{taxonomy.singular}: {term.name}" if taxonomy.name != "archive" else term.name
        person = catalog.people.get(term.key) if taxonomy.name == "people" else None
        day = term.key if taxonomy.name == "archive" else None
        feeds = routes.term_folder(taxonomy.name, term.key) if taxonomy.name == "sources" else None
        said_in: dict[str, list[SaidIn]] = {}
        for said in person.quotes if person else ():
            said_in.setdefault(said.story_id, []).append(said)
        stories = catalog.story_list(term.story_ids)
        # An older fixed page carries the term without its stories: it shows its own, and so stays
        # the same page as newer stories arrive (catalog.terms has the whole term).
        listed = replace(term, story_ids=())
        for chunk, path, pager in paginate_fixed(stories, per_page, lambda n: routes.term(taxonomy.name, term.key, n)):
            quotes = tuple(tuple(said_in.get(view.story.id, ())) for view in chunk) if person else ()
            pages.append(Page(path, "term.html", title, "term", stories=chunk, taxonomy=taxonomy,
                              term=listed if pager.previous else term, person=person, quotes=quotes, day=day,
                              pager=pager, feeds=feeds))
    return pages


def plan_pages(corpus: Corpus, catalog: Catalog, routes: Routes, config: SiteConfig,
               classified: dict[Taxonomy, tuple[Term, ...]], documents: tuple[MarkdownPage, ...]) -> tuple[Page, ...]:
    per_page = config.items_per_page
    pages = [home_page(corpus, catalog, config), *story_pages(catalog)]
    pages += event_pages(corpus, catalog, routes, per_page)
    pages += undated_pages(corpus, catalog, routes, per_page)
    for taxonomy, terms in classified.items():
        pages += taxonomy_pages(taxonomy, terms, catalog, routes, per_page)
    pages += [Page(routes.page(d.slug), "page.html", d.title, "page", html=d.html, description=d.description)
              for d in documents]
    pages.append(Page(SEARCH, "search.html", "Search", "search"))
    pages.append(Page(NOT_FOUND, "404.html", "Page not found", "404"))
    return tuple(sorted(pages, key=lambda p: p.path))
