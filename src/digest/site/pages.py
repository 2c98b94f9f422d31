"""Plan the site: which pages exist, at which path, with what data (digest.site.kinds). Pure: nothing is rendered here."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from digest.config import SiteConfig
from digest.records import Corpus, SaidIn
from digest.site.archive import Link, month_name, months, neighbours
from digest.site.kinds import (
    ArchivePage,
    EventPage,
    EventsPage,
    HomePage,
    MonthPage,
    NotFoundPage,
    Page,
    Pager,
    SearchPage,
    StoryPage,
    TermPage,
    TermsPage,
    TextPage,
    UndatedPage,
)
from digest.site.letters import by_letter, letter_slug
from digest.site.markdown import MarkdownPage
from digest.site.routes import HOME, NOT_FOUND, SEARCH, Routes
from digest.site.taxonomy import Taxonomy, Term, human_date
from digest.site.views import Catalog, StoryView

T = TypeVar("T")


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


def home_page(corpus: Corpus, catalog: Catalog, config: SiteConfig) -> HomePage:
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
    return HomePage(HOME, "index.html", config.title, feeds="", stories=tuple(rest), events=events, days=days,
                    day=days[0] if days else None)


def undated_pages(corpus: Corpus, catalog: Catalog, routes: Routes, per_page: int) -> list[Page]:
    """Stories with no full date, on a list of their own: they have no place in a list by date, and
    a date given to them would be made up. Fixed pages, like a source's: an undated story that
    arrives changes the first page alone."""
    undated = [v for v in catalog.story_list(s.id for s in corpus.stories) if v.day is None]
    if not undated:
        return []
    return [UndatedPage(path, "undated.html", "Stories without a date", pager=pager, stories=chunk)
            for chunk, path, pager in paginate_fixed(undated, per_page, routes.undated)]


def story_pages(catalog: Catalog) -> list[StoryPage]:
    return [StoryPage(v.path, "story.html", v.title, description=v.lead, story=v) for v in sorted(catalog.stories.values(), key=lambda v: v.path)]


def event_pages(corpus: Corpus, catalog: Catalog, routes: Routes, per_page: int) -> list[Page]:
    if not corpus.events:
        return []
    events = sorted(corpus.events, key=lambda e: (e.end or "", e.id), reverse=True)
    pages: list[Page] = [EventsPage(path, "events.html", "Events", pager=pager, events=chunk)
             for chunk, path, pager in paginate_fixed(events, per_page, routes.events_index)]
    for event in events:
        timeline = catalog.story_list(event.story_ids)
        for chunk, path, pager in paginate(timeline, per_page, lambda n: routes.event(event.id, n)):
            pages.append(EventPage(path, "event.html", event.title, feeds=routes.event_folder(event.id), pager=pager,
                                   event=event, stories=chunk))
    return pages


def archive_pages(taxonomy: Taxonomy, days: tuple[Term, ...], routes: Routes) -> list[Page]:
    """The archive's index of years and months, and a page a month listing its days."""
    every = months(days)
    terms = {t.key: t for t in days}
    keys = [m.key for m in every]
    month_link = lambda key: Link(month_name(key), routes.month(key))
    pages: list[Page] = [ArchivePage(routes.index("archive"), "archive.html", taxonomy.title, taxonomy=taxonomy,
                                     months=every)]
    pages += [MonthPage(routes.month(m.key), "month.html", m.name, taxonomy=taxonomy, days=m.days,
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
        return [TermsPage(index, "terms.html", taxonomy.title, taxonomy=taxonomy,
                          terms=tuple(t for group in groups.values() for t in group), letters=letters, starts=starts)]
    slugs = {letter: None if at == 0 else letter_slug(letter) for at, letter in enumerate(groups)}
    letters = tuple(Link(letter, routes.letter(taxonomy.name, slug)) for letter, slug in slugs.items())
    pages: list[Page] = []
    for letter, group in groups.items():
        at = lambda n, slug=slugs[letter]: routes.letter(taxonomy.name, slug, n)
        title = taxonomy.title if len(groups) == 1 else f"{taxonomy.title}: {letter}"
        pages += [TermsPage(path, "terms.html", title, pager=pager, taxonomy=taxonomy, terms=chunk,
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
            pages.append(TermPage(path, "term.html", title, feeds=feeds, pager=pager, taxonomy=taxonomy,
                                  term=listed if pager.previous else term, stories=chunk, person=person,
                                  quotes=quotes, day=day, neighbours=around))
    return pages


def plan_pages(corpus: Corpus, catalog: Catalog, routes: Routes, config: SiteConfig,
               classified: dict[Taxonomy, tuple[Term, ...]], documents: tuple[MarkdownPage, ...]) -> tuple[Page, ...]:
    per_page = config.items_per_page
    pages: list[Page] = [home_page(corpus, catalog, config), *story_pages(catalog)]
    pages += event_pages(corpus, catalog, routes, per_page)
    pages += undated_pages(corpus, catalog, routes, per_page)
    for taxonomy, terms in classified.items():
        pages += taxonomy_pages(taxonomy, terms, catalog, routes, per_page)
    pages += [TextPage(routes.page(d.slug), "page.html", d.title, description=d.description, html=d.html)
              for d in documents]
    pages.append(SearchPage(SEARCH, "search.html", "Search"))
    pages.append(NotFoundPage(NOT_FOUND, "404.html", "Page not found"))
    return tuple(sorted(pages, key=lambda p: p.path))
