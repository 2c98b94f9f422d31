"""Page keys: what a page is made of, so a rebuild can skip the pages whose inputs did not change.

A page's key hashes its own planned data (each story as a digest of the story's record), salted
with what every page is made with (digest's version, the settings, the templates). What a page shows beyond its own data, from the catalogue, is tracked
while it renders (digest.site.lookups); the manifest (digest.incremental.manifest) keeps both. The test suite
checks incremental builds against clean ones on random edit sequences.
"""
from __future__ import annotations

import dataclasses
import hashlib
import operator
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from digest import __version__
from digest.config import SiteConfig
from digest.hashing import digest_of
from digest.records import Corpus
from digest.serial import fields_of, value_bytes
from digest.site.feeds import FEED_ITEMS, FEED_KINDS, Feed
from digest.site.kinds import Page
from digest.site.plan import SitePlan
from digest.site.routes import Routes
from digest.site.views import StoryView


def story_digests(corpus: Corpus) -> dict[str, str]:
    """By value: of bytes that do not depend on which objects are shared, since records read from
    the cache share less than freshly parsed ones."""
    return {s.id: hashlib.sha256(value_bytes(s)).hexdigest() for s in corpus.stories}


_LEAVES = (type(None), str, int, float, bool)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


# How a record's value can be encoded, by what its fields hold (from its type hints):
OTHER = 0  # something else (a taxonomy's rules): walked field by field
PLAIN = 1  # strings, numbers, tuples and plain records: pickled without a memo, in C
FLAT = 2  # strings, numbers and tuples of them: the repr of its fields
SCALAR = 3  # strings and numbers: as FLAT, and small enough to write into a page's key directly


@cache
def _shape(cls: type) -> int:
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):
        return OTHER
    return min((_hint_shape(hints[f.name]) for f in dataclasses.fields(cls)), default=SCALAR)


def _hint_shape(hint: Any) -> int:
    if hint in _LEAVES:
        return SCALAR
    if dataclasses.is_dataclass(hint):
        return min(_shape(hint), PLAIN)
    origin, args = typing.get_origin(hint), [a for a in typing.get_args(hint) if a is not Ellipsis]
    if origin in (typing.Union, types.UnionType):
        return min(_hint_shape(a) for a in args)
    if origin is tuple:
        return min([FLAT, *(_hint_shape(a) for a in args)])
    return OTHER


class Fingerprints:
    """Keys over planned values, as a hash of a compact encoding: the repr of each leaf (which never
    holds a NUL, so NUL separates them), a marker and length for each container, a record by its
    shape (above), and a story view as its story's digest, path and day.

    What pages refer to (a term, a person, an event, a story view) is digested once a run and stands
    in the pages by that digest: a term with 2,000 stories is walked once, not once for each of the
    100 pages that list it. Remembered by identity, which is sound for the frozen values of one plan
    (each is kept alive here, so an id is never reused); equal copies give the same digest anyway."""

    def __init__(self, digests: dict[str, str]) -> None:
        self.digests = digests
        self.shared: dict[int, tuple[object, str]] = {}

    def key(self, parts: tuple, salt: str) -> str:
        """Of a tuple whose dataclass items and their tuples' dataclass items are shared values."""
        out = [salt]
        for part in parts:  # most of a page's fields are leaves: spare them a call
            if type(part) in _LEAVES:
                out.append(repr(part))
            else:
                self._encode(part, out, share=True)
        return hashlib.sha256("\0".join(out).encode("utf-8", "surrogatepass")).hexdigest()

    def of(self, obj: Any) -> str:
        found = self.shared.get(id(obj))
        if found is None:
            kind = type(obj)
            if _shape(kind) >= FLAT:  # a term
                data = f"{kind.__name__}{fields_of(kind)(obj)!r}".encode("utf-8", "surrogatepass")
            elif _shape(kind) == PLAIN:  # a person with their quotes
                data = value_bytes(obj)
            else:
                out: list[str] = []
                self._encode(obj, out, share=False)
                data = "\0".join(out).encode("utf-8", "surrogatepass")
            found = self.shared[id(obj)] = (obj, hashlib.sha256(data).hexdigest())
        return found[1]

    def _encode(self, obj: Any, out: list[str], share: bool) -> None:
        kind = type(obj)
        if kind in _LEAVES:
            out.append(repr(obj))
        elif kind is StoryView:  # listed on many pages: written once
            found = self.shared.get(id(obj))
            if found is None:
                found = self.shared[id(obj)] = (obj, f"V{self.digests[obj.story.id]}{obj.path!r}{obj.day!r}")
            out.append(found[1])
        elif (kind is tuple or kind is list) and all(type(item) in _LEAVES for item in obj):
            out.append(repr(tuple(obj)))  # one token, told from a container's "(n" by its comma or ")"
        elif kind is tuple or kind is list:
            out.append(f"({len(obj)}")
            for item in obj:
                self._encode(item, out, share)
        elif kind is dict:
            out.append(f"{{{len(obj)}")
            for key in sorted(obj, key=repr):
                self._encode(key, out, False)
                self._encode(obj[key], out, share)
        elif dataclasses.is_dataclass(obj):
            if _shape(kind) == SCALAR:  # a pager
                out.append(f"{kind.__name__}{fields_of(kind)(obj)!r}")
            elif share or _shape(kind) != OTHER:
                out.append("@" + self.of(obj))
            else:
                out.append(kind.__name__)
                for name in _field_names(kind):
                    self._encode(getattr(obj, name), out, False)
        elif callable(obj):  # a taxonomy's rules: by name, since a function's repr holds its address
            out.append(f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', kind.__name__)}")
        else:
            out.append(repr(obj))


def fingerprint(obj: Any, digests: dict[str, str], salt: str) -> str:
    return Fingerprints(digests).key((obj,), salt)


# Page fields that follow from others the key covers: a person page's quotes are the person's (in
# the key whole) in the page's stories (in the key too); digesting each quote again costs a fifth of the keys.
DERIVED_FIELDS = frozenset({"quotes"})


def global_key(config: SiteConfig, theme: list[bytes]) -> str:
    """What every page is made with: digest's version, the settings and every template."""
    return digest_of([__version__.encode(), repr(config).encode("utf-8", "surrogatepass"), *theme])


def feed_keys(plan: SitePlan, digests: dict[str, str], key: str) -> dict[str, str]:
    """A feed is made of its newest stories and the site's settings; its three files share its key."""
    keys = {}
    for feed in plan.feeds:
        shown = Feed(feed.folder, feed.title, feed.page, feed.stories[:FEED_ITEMS])
        feed_key = fingerprint(shown, digests, key)
        keys.update({Routes.feed(feed.folder, kind): feed_key for kind in FEED_KINDS})
    return keys


def page_keys(plan: SitePlan, digests: dict[str, str], key: str) -> dict[str, str]:
    """A page's key is its own data. The stories of the events it shows are read through the
    catalogue while it renders, so digest.site.lookups tracks those, as it does every other lookup."""
    prints = Fingerprints(digests)
    return {page.path: prints.key(_key_fields(type(page))(page), key) for page in plan.pages}


@cache
def _key_fields(kind: type[Page]) -> Callable[[Page], tuple]:
    """A page kind's fields that its key covers, with the kind's name first: two kinds never share a key."""
    names = [name for name in _field_names(kind) if name not in DERIVED_FIELDS]
    fields = operator.attrgetter(*names)
    return lambda page: (kind.__name__, *fields(page))
