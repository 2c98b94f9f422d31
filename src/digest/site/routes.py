"""The one place URLs are decided. Every output path comes from a slug, never from dump text.

Slugs are stable: the same corpus gives the same paths in every build, and when two things share
a slug the one that sorts first keeps it and the others add a short hash of their key, so adding
a story never moves the URL of another.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Iterable, TypeVar

from slugify import slugify

from digest.records import Corpus, Story
from digest.site.taxonomy import Term

MAX_SLUG_LENGTH = 80
HOME = "index.html"
NOT_FOUND = "404.html"
SEARCH = "search/index.html"
FEED_FILES = {"atom": "atom.xml", "rss": "rss.xml", "json": "feed.json"}
# Top-level folders the generated pages use; a Markdown page may not take one of these names.
RESERVED = frozenset({"stories", "events", "archive", "sources", "people", "organisations", "places", "topics",
                      "search", "static", "pagefind", "page", "404", "undated"})

T = TypeVar("T")


def slug_of(text: str, fallback: str) -> str:
    return slugify(text, max_length=MAX_SLUG_LENGTH, word_boundary=True) or fallback


def unique_slugs(items: Iterable[T], key: Callable[[T], str], text: Callable[[T], str],
                 rank: Callable[[T], tuple], fallback: str) -> dict[str, str]:
    """key -> slug, collision-free: the best-ranked item keeps the plain slug."""
    by_slug: dict[str, list[T]] = {}
    for item in items:
        by_slug.setdefault(slug_of(text(item), fallback), []).append(item)
    slugs: dict[str, str] = {}
    taken = set(by_slug)  # a headline may itself read like a suffixed slug ("Floods 43593de9")
    for base, group in sorted(by_slug.items()):
        group.sort(key=rank)
        slugs[key(group[0])] = base
        for item in group[1:]:
            slugs[key(item)] = _suffixed(base, key(item), taken)
    return slugs


def _suffixed(base: str, key: str, taken: set[str]) -> str:
    """base-<hash of key>, the hash lengthened only while that slug is taken: never two on one path."""
    digest = hashlib.sha256(key.encode()).hexdigest()
    for length in range(8, len(digest) + 1, 4):
        if (slug := f"{base}-{digest[:length]}") not in taken:
            taken.add(slug)
            return slug
    raise ValueError(f"no free slug for {key!r}")  # two keys with one sha256: never in practice


def story_slugs(stories: Iterable[Story]) -> dict[str, str]:
    return unique_slugs(stories, lambda s: s.id, lambda s: s.record.headline,
                        lambda s: (s.record.date or "9999", s.id), "story")


def paged(folder: str, number: int | None = None) -> str:
    """A list's first page is the folder's index (number None); the others go under page/N/."""
    prefix = f"{folder}/" if folder else ""
    return f"{prefix}index.html" if number is None else f"{prefix}page/{number}/index.html"


@dataclass(frozen=True)
class Routes:
    stories: dict[str, str]  # story id -> slug
    events: dict[str, str]  # event id -> slug
    terms: dict[tuple[str, str], str]  # (taxonomy, key) -> slug

    def story(self, story_id: str) -> str:
        return f"stories/{self.stories[story_id]}/index.html"

    def event_folder(self, event_id: str) -> str:
        return f"events/{self.events[event_id]}"

    def event(self, event_id: str, number: int | None = None) -> str:
        return paged(self.event_folder(event_id), number)

    def events_index(self, number: int | None = None) -> str:
        return paged("events", number)

    def term_folder(self, taxonomy: str, key: str) -> str:
        if taxonomy == "archive":  # days live at /YYYY/MM/DD/
            return key.replace("-", "/")
        return f"{taxonomy}/{self.terms[(taxonomy, key)]}"

    def term(self, taxonomy: str, key: str, number: int | None = None) -> str:
        return paged(self.term_folder(taxonomy, key), number)

    def has_term(self, taxonomy: str, key: str | None) -> bool:
        return key is not None and (taxonomy, key) in self.terms

    def index(self, taxonomy: str, number: int | None = None) -> str:
        return paged(taxonomy, number)

    def letter(self, taxonomy: str, slug: str | None, number: int | None = None) -> str:
        """An alphabetical index's letter page; the first letter (slug None) is the index itself."""
        return paged(taxonomy if slug is None else f"{taxonomy}/letter/{slug}", number)

    @staticmethod
    def month(key: str) -> str:
        """A month's page, "2019-11" -> 2019/11/, above its days' pages."""
        return f"{key.replace('-', '/')}/index.html"

    @staticmethod
    def undated(number: int | None = None) -> str:
        """The stories with no full date, which no day page, feed or date order can place."""
        return paged("undated", number)

    @staticmethod
    def feed(folder: str, kind: str) -> str:
        return f"{folder}/{FEED_FILES[kind]}" if folder else FEED_FILES[kind]

    @staticmethod
    def page(slug: str) -> str:
        return f"{slug}/index.html"


def make_routes(corpus: Corpus, terms: Iterable[Term]) -> Routes:
    events = unique_slugs(corpus.events, lambda e: e.id, lambda e: e.title, lambda e: (e.start or "9999", e.id), "event")
    by_taxonomy: dict[str, list[Term]] = {}
    for term in terms:
        by_taxonomy.setdefault(term.taxonomy, []).append(term)
    term_slugs: dict[tuple[str, str], str] = {}
    for taxonomy, group in by_taxonomy.items():
        slugs = unique_slugs(group, lambda t: t.key, lambda t: t.name, lambda t: (t.key,), "term")
        term_slugs.update({(taxonomy, key): slug for key, slug in slugs.items()})
    return Routes(story_slugs(corpus.stories), events, term_slugs)


def rooted(base_url: str, to_path: str) -> str:
    """A root-relative link under base_url's path ("/digest/static/style.css"): what a page served
    at any address (the 404 page, for every missing path) links with, on any host."""
    prefix = "/" + base_url.split("://", 1)[-1].partition("/")[2]
    if to_path == "index.html" or to_path.endswith("/index.html"):
        to_path = to_path[: -len("index.html")]
    return prefix + to_path


def relative(from_path: str, to_path: str) -> str:
    """A link from one output file to another that works from disk (file://) and on any host.
    The same as posixpath.relpath for these clean relative paths, at a fraction of its cost
    (a site makes tens of links a page)."""
    start = from_path.split("/")[:-1]
    target = to_path.split("/")
    common = 0
    while common < len(start) and common < len(target) - 1 and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."
