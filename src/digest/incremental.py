"""What a rebuild may skip: each page whose inputs did not change (digest.manifest keeps the keys).

A page's key hashes what it is made of: its own planned data (with each story as a digest of the
story's record) and the site-wide facts any page may show (templates, config, navigation, and every
story's headline, date, source and path; and the stories of the events it lists). A key that matches the previous build's for the same
output means the page's bytes are the same, so they are taken from the previous output instead of
rendered. The test suite checks incremental builds against clean ones on random edit sequences.
"""
from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

from digest import __version__
from digest.manifest import digest_of
from digest.records import Corpus, Event
from digest.site.pages import Page
from digest.site.plan import SitePlan
from digest.site.views import StoryView


def story_digests(corpus: Corpus) -> dict[str, str]:
    """By value (a dataclass repr), not pickle: pickle bytes also depend on which objects are shared,
    and records read from the cache share less than freshly parsed ones."""
    return {s.id: hashlib.sha256(repr(s).encode("utf-8", "surrogatepass")).hexdigest() for s in corpus.stories}


def _feed(h: Any, obj: Any, digests: dict[str, str]) -> None:
    if obj is None or isinstance(obj, (str, int, float, bool)):
        h.update(repr(obj).encode("utf-8", "surrogatepass") + b"\0")
    elif isinstance(obj, StoryView):
        h.update(b"V" + digests[obj.story.id].encode() + obj.path.encode() + repr(obj.day).encode())
    elif isinstance(obj, (tuple, list)):
        h.update(b"(%d" % len(obj))
        for item in obj:
            _feed(h, item, digests)
    elif isinstance(obj, dict):
        h.update(b"{%d" % len(obj))
        for key in sorted(obj, key=repr):
            _feed(h, key, digests)
            _feed(h, obj[key], digests)
    elif dataclasses.is_dataclass(obj):
        h.update(type(obj).__name__.encode())
        for f in dataclasses.fields(obj):
            _feed(h, getattr(obj, f.name), digests)
    elif callable(obj):  # a taxonomy's rules: by name, since a function's repr holds its address
        h.update(f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', type(obj).__name__)}".encode())
    else:
        h.update(repr(obj).encode("utf-8", "surrogatepass"))


def fingerprint(obj: Any, digests: dict[str, str], salt: str) -> str:
    h = hashlib.sha256(salt.encode())
    _feed(h, obj, digests)
    return h.hexdigest()


def site_key(plan: SitePlan, config: Any, theme_files: list[bytes]) -> str:
    """Everything a page may show that is not its own data: templates, config, and site-wide facts."""
    catalog = plan.catalog
    # By path, not id: a story's id follows its text, and an edit must not move every page's key.
    # Events are not here: a page that shows one has its stories' digests in its own key.
    stories = sorted((v.path, v.day, v.record.headline, v.record.headline_inferred, v.record.date,
                      v.record.dateline.date if v.record.dateline else None, v.record.source)
                     for v in catalog.stories.values())
    facts = (__version__, repr(config), plan.nav, plan.documents, stories,
             sorted((p.id, p.name, p.aliases) for p in catalog.people.values()), sorted(catalog.speakers.items()),
             sorted((k, t.name) for k, t in catalog.terms.items()))
    return fingerprint(facts, {}, digest_of(theme_files))


def _shown_events(page: Page, plan: SitePlan) -> list[Event]:
    """Events whose stories a page lists through the catalogue: its own, and its story's."""
    events = [*page.events, *([page.event] if page.event else [])]
    story = page.story.story if page.story else None
    if story and story.event in plan.catalog.events:
        events.append(plan.catalog.events[story.event])
    return events


def page_keys(plan: SitePlan, digests: dict[str, str], key: str) -> dict[str, str]:
    """A page is made of its own data and of the stories of the events it shows (cards with leads)."""
    keys = {}
    for page in plan.pages:
        shown = sorted({i for event in _shown_events(page, plan) for i in event.story_ids if i in digests})
        keys[page.path] = fingerprint((page, [digests[i] for i in shown]), digests, key)
    return keys
