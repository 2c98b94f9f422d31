"""What a story is about: its telling words (shared with events) and the topics it shares with others.

A story's candidate topics are its own (digest.corpus.keyphrases, read with its record and cached
with it). Only here do stories meet: a candidate becomes a topic when at least two stories have it,
and a name that already has a page of its own (a person quoted, an outlet, a place) is left to that
page. So a new story can add a topic to older stories that share it, never change their candidates.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from digest.corpus.keyphrases import topic_key
from digest.lexicon.patterns import patterns
from digest.lexicon.text import fold

TOPICS_PER_STORY = 4
MIN_STORIES = 2  # a topic page lists stories that share it: one story alone is no topic


def story_topics(candidates: Sequence[Sequence[str]], named: Collection[str] = (),
                 people: Collection[str] = ()) -> list[tuple[str, ...]]:
    """Per story, up to TOPICS_PER_STORY of its candidates (best first) that MIN_STORIES stories share.

    `named`: folded names that have pages of their own (outlets, places, people and their aliases);
    `people`: folded people's names and surnames, left out also at the end of a longer name ("President Trump").
    Every story sharing a topic shows it under one name.
    """
    keyed = [_once([(topic_key(c), c) for c in story if not _named(c, named, people)]) for story in candidates]
    kept = _shared(keyed)
    forms: dict[str, Counter] = {}
    for story in keyed:
        for key, shown in story:
            if key in kept:
                forms.setdefault(key, Counter())[shown] += 1
    # the form most stories write; on a tie the one that is the key itself (the singular), then A-Z
    name = {key: _display(min(counts, key=lambda form: (-counts[form], fold(form) != key, form)))
            for key, counts in forms.items()}
    return [tuple(name[key] for key, _ in story if key in kept)[:TOPICS_PER_STORY] for story in keyed]


def _once(story: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each key once, at its best place: two forms of one phrase ("inquiry", "inquiries") are one topic."""
    seen: dict[str, str] = {}
    for key, shown in story:
        seen.setdefault(key, shown)
    return list(seen.items())


def _shared(keyed: Sequence[Sequence[tuple[str, str]]]) -> set[str]:
    """Keys that MIN_STORIES stories keep among their first TOPICS_PER_STORY: dropping one key can leave
    another with too few stories, so this repeats until nothing changes (each round only removes)."""
    kept = {key for key, n in Counter(k for story in keyed for k, _ in story).items() if n >= MIN_STORIES}
    while True:
        shown = Counter(k for story in keyed for k in [key for key, _ in story if key in kept][:TOPICS_PER_STORY])
        still = {key for key in kept if shown[key] >= MIN_STORIES}
        if still == kept:
            return kept
        kept = still


def _named(candidate: str, named: Collection[str], people: Collection[str]) -> bool:
    folded = fold(candidate)
    if folded in named or folded in patterns().countries:
        return True
    if not candidate.split()[-1][0].isupper():
        return False  # a key phrase about a person ("Trump administration") is a topic of its own
    words = folded.split()  # a name ending in a person's name is that person: "President Trump"
    return any(" ".join(words[i:]) in people for i in range(1, len(words)))


def _display(form: str) -> str:
    """A key phrase as a heading: "Impeachment inquiry"; a name as written."""
    return form[0].upper() + form[1:] if form[0].islower() else form
