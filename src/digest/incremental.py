"""What a rebuild may skip: the whole build when no input changed, and each page whose inputs did not.

A page's key hashes what it is made of: its own planned data (with each story as a digest of the
story's record) and the site-wide facts any page may show (templates, config, navigation, and every
story's headline, date, source and path; and the stories of the events it lists). A key that matches the previous build's for the same
output means the page's bytes are the same, so they are taken from the previous output instead of
rendered. The test suite checks incremental builds against clean ones on random edit sequences.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import os
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from digest import __version__
from digest.site.write import built_key
from digest.records import Corpus, Event
from digest.site.pages import Page
from digest.site.plan import SitePlan
from digest.site.views import StoryView
from digest.serial import fields_of, value_bytes


def digest_of(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


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
    prints = Fingerprints(digests)
    fields = operator.attrgetter(*_field_names(Page))
    keys = {}
    for page in plan.pages:
        shown = sorted({i for event in _shown_events(page, plan) for i in event.story_ids if i in digests})
        keys[page.path] = prints.key((*fields(page), tuple(digests[i] for i in shown)), key)
    return keys


@dataclass(frozen=True)
class Manifest:
    """What the previous build into one output folder was made of."""

    inputs: str = ""  # the key of every input together
    pages: dict[str, str] = field(default_factory=dict)  # page path -> page key
    search: str = ""  # key of the pages the search index was built from
    report: dict[str, Any] = field(default_factory=dict)  # the build's counts and skipped dumps


def manifest_file(cache_dir: Path, output: Path) -> Path:
    return cache_dir / f"output-{hashlib.sha256(os.fsencode(output.resolve())).hexdigest()[:16]}.json"


def read_manifest(file: Path) -> Manifest:
    """The previous build's manifest, or an empty one when it is missing or unreadable (never trusted)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return Manifest(str(data["inputs"]), dict(data["pages"]), str(data["search"]), dict(data["report"]))
    except (OSError, ValueError, KeyError, TypeError):
        return Manifest()


def write_manifest(file: Path, manifest: Manifest) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_suffix(".tmp")
    temporary.write_text(json.dumps(dataclasses.asdict(manifest), sort_keys=True), encoding="utf-8")
    temporary.replace(file)  # a killed build leaves the old manifest or the new one, never half of one


@dataclass(frozen=True)
class Previous:
    """The previous build into this output, as far as it can be trusted: its manifest counts only
    when the output folder still carries the same build key in its marker."""

    output: Path
    manifest_path: Path
    manifest: Manifest

    @classmethod
    def of(cls, output: Path, manifest_path: Path, clean: bool) -> "Previous":
        manifest = Manifest() if clean else read_manifest(manifest_path)
        if manifest.inputs and built_key(output) != manifest.inputs:
            manifest = Manifest()  # the output was written by another build, or changed by hand
        return cls(output, manifest_path, manifest)

    def built_from(self, key: str) -> bool:
        return bool(self.manifest.report) and self.manifest.inputs == key

    def file(self, path: str) -> bytes | None:
        try:
            return (self.output / path).read_bytes()
        except OSError:
            return None

    def folder(self, name: str) -> dict[str, bytes]:
        root = self.output / name
        if not root.is_dir():
            return {}
        return {f"{name}/{p.relative_to(root).as_posix()}": p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
