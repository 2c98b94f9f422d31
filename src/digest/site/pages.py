"""Plan the site: which pages exist, at which path, with what data. Pure: nothing is rendered here."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Sequence, TypeVar

from digest.config import SiteConfig
from digest.records import Corpus, Event, Person, SaidIn
from digest.site.archive import Link, Month, Neighbours, month_name, months, neighbours
from digest.site.letters import by_letter, letter_slug
from digest.site.markdown import MarkdownPage
from digest.site.routes import HOME, NOT_FOUND, SEARCH, Routes
from digest.site.taxonomy import Taxonomy, Term, human_date
from digest.site.views import Catalog, StoryView

T = TypeVar("T")


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
    path: str
    template: str
    title: str
    kind: str  # what the page is, for templates and tests: "home", "story", "event", "term", ...
    stories: tuple[StoryView, ...] = ()
    days: tuple[str, ...] = ()  # home: the recent days it shows; a month page: its days
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
    neighbours: Neighbours | None = None  # a day's or a month's: the ones before and after it
    months: tuple[Month, ...] = ()  # the archive index: every month, newest first
    letters: tuple[Link, ...] = ()  # an alphabetical index: each letter's first page
    letter: str | None = None  # and the letter this page lists
    starts: tuple[str, ...] = ()  # an index on one page: per term, the letter it begins (as a slug), else ""
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
         Pager(n, None, at(n - 1) if n > 1 else None, at(n + 1) if n < count else None, newest_first=False))
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
    """The most recent days' digest: the events their stories belong to, most covered first, then
    each day's other stories (a day's first page's worth; its page has the rest). Undated stories
    have a list of their own: on the home page they would stay for good. The corpus's stories come
    newest first (plan_site orders them)."""
    views = catalog.story_list(s.id for s in corpus.stories)
    days = tuple(sorted({v.day for v in views if v.day}, reverse=True)[:config.home_days])
    recent = [v for v in views if v.day in days]
    ids = {v.story.id for v in recent}
    shown = {e.id: ids.intersection(e.story_ids) for e in corpus.events}
    events = tuple(sorted((e for e in corpus.events if shown[e.id]),
                          key=lambda e: (-len(shown[e.id]), -len(e.story_ids), e.title, e.id)))
    in_events = {i for e in events for i in shown[e.id]}
    rest: list[StoryView] = []
    for day in days:
        rest += [v for v in recent if v.day == day and v.story.id not in in_events][:config.items_per_page]
    return Page(HOME, "index.html", config.title, "home", stories=tuple(rest), events=events, days=days,
                day=days[0] if days else None, feeds="")


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
    return [Page(v.path, "story.html", v.title, "story", story=v,
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


def archive_pages(taxonomy: Taxonomy, days: tuple[Term, ...], routes: Routes) -> list[Page]:
    """The archive's index of years and months, and a page a month listing its days."""
    every = months(days)
    terms = {t.key: t for t in days}
    keys = [m.key for m in every]
    month_link = lambda key: Link(month_name(key), routes.month(key))
    pages = [Page(routes.index("archive"), "archive.html", taxonomy.title, "archive", taxonomy=taxonomy,
                  months=every)]
    pages += [Page(routes.month(m.key), "month.html", m.name, "month", taxonomy=taxonomy, days=m.days,
                   terms=tuple(terms[d] for d in m.days), neighbours=neighbours(keys, at, month_link))
              for at, m in enumerate(every)]
    return pages


def letter_pages(taxonomy: Taxonomy, terms: tuple[Term, ...], routes: Routes, per_page: int) -> list[Page]:
    """An alphabetical index: on one page where it fits, its letters jumping to where each begins;
    else a page a letter (the first letter's at the index's own address)."""
    groups = by_letter(terms, taxonomy.order)
    if len(terms) <= per_page:
        index = routes.index(taxonomy.name)
        letters = tuple(Link(letter, f"{index}#letter-{letter_slug(letter)}") for letter in groups)
        starts = tuple(letter_slug(letter) if n == 0 else "" for letter, group in groups.items() for n in range(len(group)))
        return [Page(index, "terms.html", taxonomy.title, "terms", taxonomy=taxonomy,
                     terms=tuple(t for group in groups.values() for t in group), letters=letters, starts=starts)]
    slugs = {letter: None if at == 0 else letter_slug(letter) for at, letter in enumerate(groups)}
    letters = tuple(Link(letter, routes.letter(taxonomy.name, slug)) for letter, slug in slugs.items())
    pages = []
    for letter, group in groups.items():
        at = lambda n, slug=slugs[letter]: routes.letter(taxonomy.name, slug, n)
        title = taxonomy.title if len(groups) == 1 else f"{taxonomy.title}: {letter}"
        pages += [Page(path, "terms.html", title, "terms", taxonomy=taxonomy, terms=chunk, pager=pager,
                       letters=letters, letter=letter) for chunk, path, pager in paginate(group, per_page, at)]
    return pages


def taxonomy_pages(taxonomy: Taxonomy, terms: tuple[Term, ...], catalog: Catalog, routes: Routes,
                   per_page: int) -> list[Page]:
    if not terms:
        return []
    archive = taxonomy.name == "archive"
    pages = archive_pages(taxonomy, terms, routes) if archive else letter_pages(taxonomy, terms, routes, per_page)
    keys = [t.key for t in terms]
    day_link = lambda key: Link(human_date(key), routes.term("archive", key))
    for at, term in enumerate(terms):
        title = f"{taxonomy.singular}: {term.name}" if not archive else term.name
        quoted = {"people": catalog.people, "organisations": catalog.organisations}.get(taxonomy.name)
        person = quoted.get(term.key) if quoted is not None else None  # whose quotes the page lists
        day = term.key if archive else None
        around = neighbours(keys, at, day_link) if archive else None
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
                              pager=pager, feeds=feeds, neighbours=around))
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
