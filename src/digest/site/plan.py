"""The whole site as values: taxonomies classified, routes decided, pages and feeds planned."""
from __future__ import annotations

from dataclasses import dataclass, replace

from digest.config import SiteConfig
from digest.records import Corpus
from digest.site.feeds import Feed
from digest.site.kinds import Page
from digest.site.markdown import MarkdownPage
from digest.site.pages import plan_pages
from digest.site.routes import HOME, Routes, make_routes

UNDATED = "undated/index.html"  # the list of stories without a full date, which no day page lists
from digest.site.taxonomy import Taxonomy, Term, classify_all, story_order, taxonomies
from digest.site.views import Catalog, make_catalog


@dataclass(frozen=True)
class NavLink:
    title: str
    path: str


@dataclass(frozen=True)
class SitePlan:
    routes: Routes
    catalog: Catalog
    pages: tuple[Page, ...]
    feeds: tuple[Feed, ...]
    nav: tuple[NavLink, ...]  # the indexes, in the header
    documents: tuple[NavLink, ...]  # the Markdown pages, in the footer
    undated: str | None = None  # the list of stories without a full date, where the site has one


def plan_feeds(corpus: Corpus, catalog: Catalog, routes: Routes, config: SiteConfig,
               classified: dict[Taxonomy, tuple[Term, ...]]) -> tuple[Feed, ...]:
    """The site's feed, one a source and one an event. The corpus's stories come newest first."""
    newest = [catalog.stories[s.id] for s in corpus.stories]
    feeds = [Feed("", config.title, HOME, tuple(newest))]
    for taxonomy, terms in classified.items():
        if taxonomy.name == "sources":
            feeds += [Feed(routes.term_folder("sources", t.key), f"{config.title}: {t.name}",
                           routes.term("sources", t.key), tuple(catalog.story_list(t.story_ids))) for t in terms]
    rank = {s.id: n for n, s in enumerate(corpus.stories)}
    feeds += [Feed(routes.event_folder(e.id), f"{config.title}: {e.title}", routes.event(e.id),
                   tuple(sorted(catalog.story_list(e.story_ids), key=lambda v: rank[v.story.id])))
              for e in sorted(corpus.events, key=lambda e: e.id)]
    return tuple(feeds)


def plan_site(corpus: Corpus, config: SiteConfig, documents: tuple[MarkdownPage, ...] = ()) -> SitePlan:
    # An event is a thread of several stories; one story alone has no timeline to show, and a page
    # and three feeds for each would double a large site. No event pages: nothing may link to one.
    shown = {e.id for e in corpus.events if len(e.story_ids) > 1} if "events" in config.indexes else set()
    if len(shown) < len(corpus.events):
        corpus = replace(corpus, events=tuple(e for e in corpus.events if e.id in shown),
                         stories=tuple(s if s.event in shown else replace(s, event=None) for s in corpus.stories))
    # Newest first, the order every list shows: ordered once here, so no page or term sorts them again.
    corpus = replace(corpus, stories=tuple(sorted(corpus.stories, key=story_order)))
    classified = classify_all(taxonomies(corpus, config.indexes), corpus.stories)
    routes = make_routes(corpus, [term for terms in classified.values() for term in terms])
    catalog = make_catalog(corpus, routes, tuple(t for terms in classified.values() for t in terms))
    pages = plan_pages(corpus, catalog, routes, config, classified, documents)
    nav = [NavLink("Events", routes.events_index())] if corpus.events else []
    nav += [NavLink(t.title, routes.index(t.name)) for t, terms in classified.items() if terms]
    if any(p.kind == "undated" for p in pages):
        nav.append(NavLink("Undated", routes.undated()))
    docs = tuple(NavLink(d.title, routes.page(d.slug)) for d in documents)
    undated = next((p.path for p in pages if p.path == UNDATED), None)
    return SitePlan(routes, catalog, pages, plan_feeds(corpus, catalog, routes, config, classified), tuple(nav), docs,
                    undated)
