"""Events: stories by different outlets about one happening, grouped and laid out as a timeline.

Each story is a vector over its headline and whole body (digest.corpus.bodyterms): the lead alone is
often a caption or a date line. Words weigh by how rare the language makes them (a reference table,
digest.lexicon.reference), so a story's vector depends on the story alone, and is computed where the
dump is parsed. Proper names and places are terms apart that may add to shared wording but never
make a match alone. Only stories that share one of their few most telling words, within the window
of days, are compared (an inverted index, not all pairs); groups then join by average linkage
(linkage.py), which does not chain, while an event's dated stories span at most WINDOW_DAYS. An
undated story has no date to keep it from a look-alike happening of another year, so it joins
dated stories only on much stronger likeness. Thresholds: see benchmarks/events_bench.py.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from heapq import nlargest, nsmallest
from operator import itemgetter

from digest.corpus.bodyterms import NAME
from digest.corpus.dates import day_numbers
from digest.corpus.linkage import Rules, average_groups
from digest.lexicon.reference import rarity
from digest.lexicon.text import digest_id
from digest.records import Event

THRESHOLD = 0.12  # average similarity at which two groups of stories are one event; measured on ../shared/events (benchmarks/events_bench.py)
WINDOW_DAYS = 3  # the most days an event's dated stories may span
KEY_TERMS = 10  # a story's most telling terms, through which it meets others
# An undated story has no date to keep it from a look-alike happening of another year: it (or a
# group of undated stories) joins dated ones only on this much stronger likeness.
UNDATED_JOIN = 0.3
NAME_SHARE = 4.0  # shared names may add at most this much of what shared wording gives: never a match alone
PLACE_RARITY = 6.0  # a named place weighs as a word met a few times in a million
PLACE = NAME + "place:"
VECTOR_TERMS = 100  # a story's heaviest terms; the rest hardly move a cosine and cost every comparison
SUMMARY_CHARS = 220
SENTENCE = re.compile(r"[.!?][\"”’]?(?=\s+[\"“‘]?[A-Z])")  # a sentence's end: a stop, then a capital


@dataclass(frozen=True, slots=True)
class EventInput:
    story_id: str
    headline: str  # without the outlet's tail
    inferred: bool
    date: str | None
    outlets: int
    vector: dict[str, float]  # unit-length weights (event_vector); names as "@word", places as "@place:..."
    lead: str = ""  # the first paragraphs that read as prose


RARITY_MEMO = 1 << 18  # terms remembered; a long-lived process starts afresh past this
_rarities: dict[str, float] = {}


def _rarity(term: str) -> float:
    if len(_rarities) >= RARITY_MEMO:
        _rarities.clear()
    if term.startswith(PLACE):
        rare = PLACE_RARITY
    else:
        rare = rarity(term[1:] if term[0] == NAME else term)
    _rarities[term] = rare
    return rare


def event_vector(terms: Counter, places: Sequence[str]) -> dict[str, float]:
    """The story's VECTOR_TERMS heaviest terms at unit length: sublinear counts times the reference
    rarity of each word (so the weights depend on the story alone), and each named place once
    (country words are left out of the terms, so "Azerbaijani" and "Azerbaijan" agree as the place)."""
    known = _rarities
    weights = {t: (1 + math.log(n) if n > 1 else 1.0) * (known.get(t) or _rarity(t)) for t, n in terms.items() if n > 0}
    for place in sorted(set(places)):
        weights[PLACE + place] = PLACE_RARITY
    kept = nlargest(VECTOR_TERMS, sorted(weights.items()), key=itemgetter(1)) if len(weights) > VECTOR_TERMS \
        else list(weights.items())
    norm = math.sqrt(sum([w * w for _, w in kept])) or 1.0
    return {t: w / norm for t, w in sorted(kept)}


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product in which shared names count at most NAME_SHARE times the shared wording. The
    shared terms are found by one set operation in C (most compared stories share a handful), and
    summed in sorted order, so the float sum is the same every run."""
    words = names = 0.0
    for term in sorted(a.keys() & b.keys()):
        if term[0] == NAME:
            names += a[term] * b[term]
        else:
            words += a[term] * b[term]
    return words + min(names, NAME_SHARE * words)


def _nearby_pairs(docs: list[int], ordinals: Sequence[int | None]) -> Iterator[tuple[int, int]]:
    """Pairs of a posting list within the window: dated stories by a sweep over their dates, so an
    archive of years does not pair a term's stories across all of them; undated ones with all."""
    dated = sorted((d for d in docs if ordinals[d] is not None), key=lambda d: (ordinals[d], d))
    for n, a in enumerate(dated):
        for b in dated[n + 1:]:
            if ordinals[b] - ordinals[a] > WINDOW_DAYS:
                break
            yield (a, b) if a < b else (b, a)
    undated = [d for d in docs if ordinals[d] is None]
    for a in undated:
        for b in docs:
            if b != a and (ordinals[b] is not None or b > a):
                yield (a, b) if a < b else (b, a)


def _candidates(vectors: list[dict[str, float]], ordinals: Sequence[int | None]) -> set[tuple[int, int]]:
    """Pairs that share one of their few most telling words (an inverted index) and may be close in
    time. Names are not keys: a famous name in every story would pair them all."""
    df = Counter(t for v in vectors for t in v if not t.startswith(NAME))
    max_df = 50 + len(vectors) // 100  # a word most stories share ties nothing together
    postings: dict[str, list[int]] = {}
    for i, weights in enumerate(vectors):
        telling = nsmallest(KEY_TERMS, [(-w, t) for t, w in weights.items() if 1 < df.get(t, 0) <= max_df])
        for _, term in telling:
            postings.setdefault(term, []).append(i)
    return {pair for docs in postings.values() for pair in _nearby_pairs(docs, ordinals)}


def cluster(items: Sequence[EventInput], threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups of item indexes, one per event, by average linkage over candidate pairs; the dated
    stories of a group span at most WINDOW_DAYS, and undated ones join dated ones only on strong likeness."""
    vectors = [item.vector for item in items]
    ordinals = day_numbers([item.date for item in items], WINDOW_DAYS)
    rules = Rules(similarity, threshold, max(threshold, UNDATED_JOIN), WINDOW_DAYS)
    return average_groups(vectors, ordinals, sorted(_candidates(vectors, ordinals)), rules)


def _timeline_key(m: EventInput) -> tuple:
    """Earliest first, undated last; on one day a real headline before an inferred one."""
    return (m.date is None or m.date.startswith("--"), m.date or "", m.inferred, m.story_id)


def summary_line(lead: str) -> str | None:
    """The lead's first sentence, cut at a word to SUMMARY_CHARS: one line under the event's title."""
    match = SENTENCE.search(lead)
    line = (lead[:match.end()] if match else lead).strip()
    if len(line) > SUMMARY_CHARS:
        line = line[:SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return line or None


def make_event(members: Sequence[EventInput], people: Sequence[str], places: Sequence[str]) -> Event:
    timeline = sorted(members, key=_timeline_key)
    dates = sorted(m.date for m in members if m.date and not m.date.startswith("--"))
    summary = next((line for m in timeline if (line := summary_line(m.lead))), None)
    return Event(id=digest_id(*sorted(m.story_id for m in members)), title=timeline[0].headline,
                 start=dates[0] if dates else None, end=dates[-1] if dates else None,
                 story_ids=tuple(m.story_id for m in timeline), people=tuple(people), places=tuple(places),
                 summary=summary)
