"""One abstraction for every way of grouping stories: sources, people, places, topics and days.

A taxonomy says how to classify a story (which terms it falls under), and how to order the
terms on the index page. Routes decide the paths; the planner makes the pages. Adding a grouping
is one more Taxonomy value, not another copy of the listing code.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from digest.corpus.people import surname_key
from digest.records import Corpus, Person, Story

FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


@dataclass(frozen=True, slots=True)
class Term:
    taxonomy: str
    key: str  # stable identity: a source name, a person id, an ISO date
    name: str  # what readers see
    story_ids: tuple[str, ...]  # newest first


@dataclass(frozen=True)
class Taxonomy:
    name: str  # plural, also the folder of its pages: "sources"
    title: str  # "Sources"
    singular: str  # "Source"
    classify: Callable[[Story], Iterable[tuple[str, str]]]  # a story -> its (key, name) terms
    order: Callable[[Term], Any]  # sort key of terms on the index page
    min_stories: int = 1  # a term with fewer stories gets no page


# A topic is what stories have in common: a page listing one story says nothing the story does not.
TOPIC_MIN_STORIES = 2


def story_order(story: Story) -> tuple:
    """Newest first; stories without a full date last; the id breaks ties so the order never varies."""
    day = story_day(story)
    return (day is None, tuple(-int(part) for part in day.split("-")) if day else (), story.id)


def story_day(story: Story) -> str | None:
    """The day the site files the story under: a day the calendar has, else none."""
    date = story.record.date or (story.record.dateline.date if story.record.dateline else None)
    return date if date and FULL_DATE.fullmatch(date) and _on_calendar(date) else None


def _on_calendar(iso: str) -> bool:
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def human_date(iso: str | None) -> str:
    """"2025-04-23" -> "23 April 2025"; "--04-23" -> "23 April". Locale-free, so builds agree."""
    if not iso:
        return ""
    parts = iso.lstrip("-").split("-")
    year, month, day = parts if len(parts) == 3 else ("", *parts)
    return f"{int(day)} {MONTH_NAMES[int(month) - 1]}" + (f" {year}" if year else "")


def _newest_day_first(term: Term) -> tuple:
    return tuple(-int(part) for part in term.key.split("-"))


def _by_name(term: Term) -> tuple:
    return (term.name.casefold(), term.key)


def _by_surname(term: Term) -> tuple:
    # flat, so its first text is the surname: the A-Z jumps file people by it (site/letters.py)
    return (*surname_key(term.name), term.key)


def _sources(story: Story) -> Iterable[tuple[str, str]]:
    names = ([story.record.source] if story.record.source else []) + list(story.outlets)
    return [(name, name) for name in names]


def _places(story: Story) -> Iterable[tuple[str, str]]:
    names = story.places or ((story.record.dateline.place,) if story.record.dateline else ())
    return [(name, name) for name in names if name]


def _topics(story: Story) -> Iterable[tuple[str, str]]:
    return [(topic, topic) for topic in story.topics]


def _days(story: Story) -> Iterable[tuple[str, str]]:
    day = story_day(story)
    return [(day, human_date(day))] if day else []


class _Quoted:
    """People (or organisations) are named by the corpus: a story falls under everyone it quotes. A
    class, not a closure, so that a plan can be sent to a Dask cluster's workers (pickled) to be
    rendered there."""

    __slots__ = ("by_story",)

    def __init__(self, speakers: Iterable[Person]) -> None:
        self.by_story: dict[str, list[tuple[str, str]]] = {}
        for person in speakers:
            for said in person.quotes:
                self.by_story.setdefault(said.story_id, []).append((person.id, person.name))

    def __call__(self, story: Story) -> Iterable[tuple[str, str]]:
        return self.by_story.get(story.id, [])


def taxonomies(corpus: Corpus, enabled: Iterable[str]) -> tuple[Taxonomy, ...]:
    """The taxonomies the config enables; "archive" is the index of days."""
    every = (
        Taxonomy("archive", "Archive", "Day", _days, _newest_day_first),
        Taxonomy("sources", "Sources", "Source", _sources, _by_name),
        Taxonomy("people", "People", "Person", _Quoted(corpus.people), _by_surname),
        Taxonomy("organisations", "Organisations", "Organisation", _Quoted(corpus.organisations), _by_name),
        Taxonomy("places", "Places", "Place", _places, _by_name),
        Taxonomy("topics", "Topics", "Topic", _topics, _by_name, TOPIC_MIN_STORIES),
    )
    wanted = set(enabled)
    return tuple(t for t in every if t.name in wanted)


def classify(taxonomy: Taxonomy, stories: Iterable[Story]) -> tuple[Term, ...]:
    """Every term with its stories, newest first, the terms in the taxonomy's order."""
    return classify_all((taxonomy,), sorted(stories, key=story_order))[taxonomy]


def classify_all(every: Iterable[Taxonomy], newest: Sequence[Story]) -> dict[Taxonomy, tuple[Term, ...]]:
    """Like classify, for stories already newest first: each term lists them in the order met,
    so no term is sorted on its own (a large archive has thousands of terms)."""
    classified = {}
    for taxonomy in every:
        names: dict[str, str] = {}
        members: dict[str, dict[str, None]] = {}  # ordered sets: a story under one key twice counts once
        for story in newest:
            for key, name in taxonomy.classify(story):
                names.setdefault(key, name)
                members.setdefault(key, {})[story.id] = None
        terms = [Term(taxonomy.name, key, names[key], tuple(ids)) for key, ids in members.items()
                 if len(ids) >= taxonomy.min_stories]
        classified[taxonomy] = tuple(sorted(terms, key=taxonomy.order))
    return classified
