"""The corpus stage in order: duplicates, places, people, events, topics, related links."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from digest.corpus.dates import story_date
from digest.corpus.dedup import Article, collapse
from digest.corpus.events import EventInput, cluster, event_terms, make_event
from digest.corpus.names import find_names
from digest.corpus.outlets import outlets
from digest.corpus.people import Said, build_people
from digest.corpus.places import story_places
from digest.corpus.related import headline_index, link, merge_items
from digest.corpus.text import fold, headline_core, words
from digest.corpus.topics import story_topics, topic_counts
from digest.records import Corpus, Event, Person, Story, StoryRecord

LEAD_PARAGRAPHS = 2
LEAD_MIN_WORDS = 8  # shorter lines are mostly page furniture a scraper left in the body ("Contact us")
TOPIC_PARAGRAPHS = 6
TOPIC_CHARS = 2000  # topics come from the headline and the body's opening, where a story says what it is about


def prose(record: StoryRecord, paragraphs: int) -> tuple[str, ...]:
    """The first paragraphs that read as prose."""
    return tuple(islice((p for p in record.body if p.count(" ") >= LEAD_MIN_WORDS - 1), paragraphs))


def lead(record: StoryRecord) -> tuple[str, ...]:
    return prose(record, LEAD_PARAGRAPHS)


def _topics(articles: Sequence[Article], people_of: dict[str, list[str]], people: Sequence[Person]) -> list[tuple[str, ...]]:
    """Topic terms from the headline and the opening prose; names of its people and outlets left out."""
    names = {p.id: [fold(w) for w in p.name.split()] for p in people}
    docs = []
    for a in articles:
        exclude = {w for p in people_of[a.id] for w in names.get(p, ())}
        exclude.update(w for outlet in outlets((a.record, *a.copies)) for w in words(outlet))
        opening = words(" ".join(prose(a.record, TOPIC_PARAGRAPHS))[:TOPIC_CHARS])
        docs.append(topic_counts(words(headline_core(a.record.headline)), opening, frozenset(exclude)))
    return story_topics(docs)


@dataclass(frozen=True)
class CorpusOptions:
    near_threshold: float | None = None  # None: the measured default; 1.0: exact copies only
    event_threshold: float | None = None


def _people_by_story(articles: Sequence[Article], people: Sequence[Person]) -> dict[str, list[str]]:
    """Person ids per story: its speakers, then the full names its headline and lead mention."""
    by_story: dict[str, list[str]] = {}
    for person in people:
        for said in person.quotes:
            by_story.setdefault(said.story_id, []).append(person.id)
    lookup = {fold(p.name): p.id for p in people if len(p.name.split()) > 1}
    longest = max((len(name.split()) for name in lookup), default=1)
    for article in articles:
        text = "\n".join((article.record.headline, *lead(article.record)))
        by_story.setdefault(article.id, []).extend(find_names(text, lookup, longest))
    return by_story


def _ranked(values: Sequence[str]) -> tuple[str, ...]:
    counts = Counter(values)
    return tuple(sorted(counts, key=lambda v: (-counts[v], v)))


def _events(articles, outlets_of, people_of, places_of, threshold) -> dict[str, Event]:
    items = []
    for article in articles:
        record = article.record
        items.append(EventInput(article.id, headline_core(record.headline), record.headline_inferred,
                                story_date(record), len(outlets_of[article.id]),
                                event_terms(words(headline_core(record.headline)), words(" ".join(lead(record))), people_of[article.id],
                                            places_of[article.id])))
    kwargs = {} if threshold is None else {"threshold": threshold}
    event_of = {}
    for group in cluster(items, **kwargs):
        members = [items[i] for i in group]
        people = _ranked([p for m in members for p in people_of[m.story_id]])
        places = _ranked([p for m in members for p in places_of[m.story_id]])
        event = make_event(members, people, places)
        event_of.update((m.story_id, event) for m in members)
    return event_of


def build_corpus(records: Sequence[StoryRecord], options: CorpusOptions = CorpusOptions()) -> Corpus:
    articles = collapse(records, options.near_threshold)
    outlets_of = {a.id: outlets((a.record, *a.copies)) for a in articles}
    places_of = {a.id: story_places(a.record) for a in articles}
    people = build_people([Said(q, a.id, story_date(a.record)) for a in articles for q in a.record.quotes])
    people_of = _people_by_story(articles, people)
    event_of = _events(articles, outlets_of, people_of, places_of, options.event_threshold)
    topics = _topics(articles, people_of, people)
    index = headline_index((a.id, (a.record, *a.copies)) for a in articles)
    stories = [Story(id=a.id, record=a.record, copies=a.copies, outlets=outlets_of[a.id], event=event_of[a.id].id,
                     places=places_of[a.id], topics=topic, related_story=link(a.record, a.id, index))
               for a, topic in zip(articles, topics)]
    stories.sort(key=lambda s: (s.record.date or "", s.id), reverse=True)
    events = sorted({e.id: e for e in event_of.values()}.values(), key=lambda e: (e.start or "", e.id), reverse=True)
    related = merge_items(item for r in sorted(records, key=lambda r: r.path) for item in r.related)
    return Corpus(stories=tuple(stories), events=tuple(events), people=people, related=related)
