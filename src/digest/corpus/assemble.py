"""The corpus stage in order: duplicates, places, people, events, topics, related links."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.corpus.dates import story_date
from digest.corpus.dedup import Article, collapse
from digest.corpus.events import EventInput, cluster, make_event
from digest.corpus.features import event_weights, features_of
from digest.corpus.people import Said, build_speakers
from digest.corpus.related import headline_index, link, merge_items
from digest.corpus.template import template_paragraphs, without_template
from digest.corpus.topics import story_topics
from digest.lexicon.names import find_names, name_index
from digest.lexicon.outlets import outlets
from digest.lexicon.text import fold, headline_core
from digest.records import Corpus, Event, Features, Person, Story, StoryRecord
from digest.runtime.collector import collector_paused
from digest.runtime.forked import Forked


@dataclass(frozen=True)
class CorpusOptions:
    near_threshold: float | None = None  # None: the measured default; 1.0: exact copies only
    event_threshold: float | None = None


@dataclass(frozen=True)
class Facts:
    """What the later steps read off one article, computed once."""

    lead: str
    outlets: tuple[str, ...]
    places: tuple[str, ...]
    date: str | None  # the record's, else the one its first lines print


def _facts(article: Article, features: Features) -> Facts:
    return Facts(lead=features.lead, outlets=outlets((article.record, *article.copies)), places=features.places,
                 date=story_date(article.record) or features.printed_date)


def _people_by_story(articles: Sequence[Article], facts: dict[str, Facts], people: Sequence[Person]) -> dict[str, list[str]]:
    """Person ids per story: its speakers, then the full names its headline and lead mention."""
    by_story: dict[str, list[str]] = {a.id: [] for a in articles}
    for person in people:
        for said in person.quotes:
            by_story[said.story_id].append(person.id)
    index = name_index({fold(p.name): p.id for p in people if len(p.name.split()) > 1})
    for article in articles:
        text = article.record.headline + "\n" + facts[article.id].lead
        by_story[article.id].extend(find_names(text, index))
    return by_story


def _shared(named: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """What at least two of an event's stories name (a lone story's own), most named first: what a
    single report mentions in passing says little about the event."""
    counts = Counter(v for values in named for v in set(values))
    least = 2 if len(named) > 1 else 1
    return tuple(sorted((v for v, n in counts.items() if n >= least), key=lambda v: (-counts[v], v)))


def _events(articles, facts: dict[str, Facts], features: dict[str, Features], people_of, threshold) -> dict[str, Event]:
    """The stories' events. The event vectors (a whole body's terms each) are made here, in the
    forked copy that groups them when there is one, so the build's own process never holds them."""
    items = [EventInput(a.id, headline_core(a.record.headline), a.record.headline_inferred, facts[a.id].date,
                        len(facts[a.id].outlets), event_weights(features[a.id]), facts[a.id].lead)
             for a in articles]
    event_of = {}
    for group in cluster(items, **({} if threshold is None else {"threshold": threshold})):
        members = [items[i] for i in group]
        people = _shared([people_of[m.story_id] for m in members])
        places = _shared([facts[m.story_id].places for m in members])
        event = make_event(members, people, places)
        event_of.update((m.story_id, event) for m in members)
    return event_of


def _topics(articles, people: Sequence[Person], features: dict[str, Features],
            facts: dict[str, Facts]) -> list[tuple[str, ...]]:
    """The stories' own candidates that two stories share, less names with pages of their own:
    people quoted, outlets and places."""
    persons = {fold(n) for p in people for n in (p.name, *p.aliases)}
    persons.update(fold(p.name).split()[-1] for p in people if " " in p.name)
    named = set(persons)
    for a in articles:
        named.update(fold(n) for n in (*facts[a.id].outlets, *facts[a.id].places))
    return story_topics([features[a.id].topics for a in articles], named, persons)


def build_corpus(records: Sequence[StoryRecord], options: CorpusOptions = CorpusOptions(),
                 features: Sequence[Features] | None = None, forked: bool = False) -> Corpus:
    """`features` are the records' own (digest.corpus.features), as the record cache keeps them;
    computed here if not given. `forked`: the events are grouped by a forked copy of this process
    (digest.runtime.forked.Forked) while this one works out the topics and links, on a second core."""
    with collector_paused():  # a sixth of the stage's time otherwise
        return _build(records, options, features if features is not None else [features_of(r) for r in records],
                      forked)


def _build(records: Sequence[StoryRecord], options: CorpusOptions, features: Sequence[Features],
           forked: bool = False) -> Corpus:
    articles = collapse(records, options.near_threshold, features)
    template = template_paragraphs(articles)
    of_record = {id(r): f for r, f in zip(records, features)}
    facts = {a.id: _facts(a, of_record[id(a.record)]) for a in articles}
    people, organisations = build_speakers([Said(q, a.id, story_date(a.record)) for a in articles for q in a.record.quotes])
    people_of = _people_by_story(articles, facts, people)
    features_of_story = {a.id: of_record[id(a.record)] for a in articles}
    grouping = Forked(lambda: _events(articles, facts, features_of_story, people_of, options.event_threshold),
                      enabled=forked)
    topics = _topics(articles, people, features_of_story, facts)
    index = headline_index((a.id, (a.record, *a.copies)) for a in articles)
    links = [link(a.record, a.id, index) for a in articles]
    related = merge_items(item for r in sorted(records, key=lambda r: r.path) for item in r.related)
    event_of = grouping.result()
    stories = [Story(id=a.id, record=without_template(a.record, template), copies=a.copies, outlets=facts[a.id].outlets, event=event_of[a.id].id,
                     places=facts[a.id].places, topics=topic, related_story=linked)
               for a, topic, linked in zip(articles, topics, links)]
    stories.sort(key=lambda s: (s.record.date or "", s.id), reverse=True)
    events = sorted({e.id: e for e in event_of.values()}.values(), key=lambda e: (e.start or "", e.id), reverse=True)
    return Corpus(stories=tuple(stories), events=tuple(events), people=people, related=related,
                  organisations=organisations)
