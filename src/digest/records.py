"""The typed records that pass between stages. All frozen: a stage returns new records."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # as printed: "BAKU, Azerbaijan, April 23."
    place: str  # "BAKU, Azerbaijan"
    date: str | None  # ISO "2025-04-23", or "--04-23" when the dump gives no year
    agency: str | None = None  # "(AP)", "(Reuters)" in the dateline name the story's source


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    speaker: str | None
    role: str | None
    kind: str  # "direct", "reported" or "fragment" (a short scare-quoted phrase)
    paragraph: int  # index into the body (or -1 inside a related item's summary)


@dataclass(frozen=True, slots=True)
class RelatedItem:
    title: str
    summary: str | None
    labels: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()  # the page blocks it was listed under ("Related articles", "Popular")
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """What the loader reads off one dump."""

    path: str
    headline: str
    headline_inferred: bool
    dateline: Dateline | None
    date: str | None  # ISO date of the story, when the dump gives it (year may be inferred)
    source: str | None
    photo_credit: str | None
    photo_caption: str | None
    body: tuple[str, ...]
    quotes: tuple[Quote, ...]
    related: tuple[RelatedItem, ...]
    warnings: tuple[str, ...] = field(default=())
    publisher: str | None = None  # the site the page came from (title suffix, copyright line)
    byline: str | None = None  # "LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER"
    timestamp: str | None = None  # the page's publication time as printed
    kind: str = "article"  # "article", or "other" for a page that is not a news story
    url: str | None = None  # the page's own address, where the dump carries it (digest.loader.address)


@dataclass(frozen=True, slots=True)
class Features:
    """What the corpus stage reads off one record alone (digest.corpus.features): computed where
    the dump is parsed and cached with its record, so a rebuild does not read every body again."""

    fingerprint: str  # the exact-duplicate key: of the body's folded words (of the path, for a body without words)
    signature: bytes  # the body's MinHash signature, little-endian uint32s (digest.corpus.near)
    lead: str  # the first paragraphs that read as prose
    places: tuple[str, ...]
    topics: tuple[str, ...] = ()  # candidate topics, best first (digest.corpus.keyphrases)
    # the story's event vector (digest.corpus.events.event_vector) over its headline and whole body:
    # its terms joined by NULs and their weights in millionths, little-endian uint32s. Kept flat
    # because the archive's records stay in memory through a build: as pairs it was 40% of a record.
    event_words: str = ""
    event_weights: bytes = b""
    printed_date: str | None = None  # the date its own first lines print when the record has none


@dataclass(frozen=True, slots=True)
class Parsed:
    """A dump as the record cache keeps it: its record and the record's features."""

    record: StoryRecord
    features: Features


@dataclass(frozen=True, slots=True)
class Story:
    """One article after the corpus stage: a record plus the copies that collapsed into it."""

    id: str
    record: StoryRecord
    copies: tuple[StoryRecord, ...] = ()  # other dumps of the same article, kept as alternate sources
    outlets: tuple[str, ...] = ()  # every outlet that carried it (syndicated copies add theirs)
    event: str | None = None  # id of the Event it belongs to
    places: tuple[str, ...] = ()  # place names, dateline first
    topics: tuple[str, ...] = ()  # a few topic terms
    related_story: tuple[str | None, ...] = ()  # per record.related item: the story id it names, if in the corpus


@dataclass(frozen=True, slots=True)
class Event:
    """Stories by several outlets about one happening, as a timeline."""

    id: str
    title: str  # the earliest report's headline
    start: str | None  # ISO dates of the first and last story
    end: str | None
    story_ids: tuple[str, ...]  # in timeline order
    people: tuple[str, ...] = ()  # Person ids
    places: tuple[str, ...] = ()
    summary: str | None = None  # one line from the earliest report's lead


@dataclass(frozen=True, slots=True)
class SaidIn:
    """One quote of a person, with where and when it was said."""

    quote: Quote
    story_id: str
    date: str | None


@dataclass(frozen=True, slots=True)
class Person:
    id: str  # stable key, e.g. "xi-jinping"
    name: str  # the fullest form seen: "Xi Jinping"
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other forms that resolved to this person: "Xi", "President Xi"
    quotes: tuple[SaidIn, ...] = ()


@dataclass(frozen=True, slots=True)
class Corpus:
    stories: tuple[Story, ...]
    events: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    related: tuple[RelatedItem, ...] = ()  # every related item once corpus-wide, sorted by folded title
    organisations: tuple[Person, ...] = ()  # the organisations quoted ("NASA said"), as people are
