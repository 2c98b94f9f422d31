"""Events: stories by different outlets about one happening, grouped and laid out as a timeline.

Each story is a TF-IDF vector over its headline, its lead and the people and places it names.
Only stories that share one of their few most telling terms, within a window of days, are compared
(an inverted index, not all pairs); the most similar pairs join first, and two groups join only if
their centroids are as similar as the threshold asks (linkage.py), so chains do not snowball. An
undated story has no date to check, so text alone never takes it into a dated event (see cluster).
The threshold is measured on tests/corpus/data (see README, "Corpus quality").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from heapq import nsmallest

from digest.corpus.dates import day_key, known, within
from digest.corpus.linkage import centroid_groups
from digest.corpus.text import digest_id
from digest.corpus.tfidf import cosine, document_frequency, idf_table, weigh
from digest.records import Event

THRESHOLD = 0.16  # cosine at which two stories (or two groups' centroids) are one event; see README
WINDOW_DAYS = 3
KEY_TERMS = 8  # a story's most telling terms, through which it meets others
PERSON_WEIGHT = 3  # a named person says more about the happening than any one word
PLACE_WEIGHT = 1  # places are shared by many unrelated stories of a day
# An undated story has no date to keep it from a look-alike happening of another year, so it joins a
# dated event only when it all but repeats one of its stories: a cosine most of its telling weight shares.
UNDATED_JOIN = 0.5


@dataclass(frozen=True, slots=True)
class EventInput:
    story_id: str
    headline: str  # without the outlet's tail
    inferred: bool
    date: str | None
    outlets: int
    terms: Counter


def event_terms(terms: Counter, people: Sequence[str], places: Sequence[str]) -> Counter:
    """The story's telling words, and each named person or place once: country words were left to
    the places, so "Azerbaijani" and "Azerbaijan" agree."""
    out = Counter(terms)
    for person in sorted(set(people)):
        out["@person:" + person] = PERSON_WEIGHT
    for place in sorted(set(places)):
        out["@place:" + place] = PLACE_WEIGHT
    return out


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


def _candidates(vectors: list[dict[str, float]], df: Counter, ordinals: Sequence[int | None]) -> set[tuple[int, int]]:
    """Pairs that share one of their few most telling terms (an inverted index) and may be close in time."""
    max_df = 50 + len(vectors) // 100  # a term most stories share ties nothing together
    linking = {t for t, n in df.items() if 1 < n <= max_df}
    postings: dict[str, list[int]] = {}
    for i, vector in enumerate(vectors):
        telling = nsmallest(KEY_TERMS, [(-w, t) for t, w in vector.items() if t in linking])
        for _, term in telling:
            postings.setdefault(term, []).append(i)
    return {pair for docs in postings.values() for pair in _nearby_pairs(docs, ordinals)}


def cluster(items: Sequence[EventInput], threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups of item indexes, one per event.

    Dated stories group by text, each pair within the window. An undated story then joins the dated group of the one dated story it all but repeats, if any, so
    it never joins two; the undated stories left group among themselves, apart from dated events."""
    df = document_frequency([item.terms for item in items])
    idf = idf_table(df, len(items))
    vectors = [weigh(item.terms, idf) for item in items]
    days = [day_key(item.date) for item in items]
    dated = [known(d) for d in days]
    scored = [(cosine(vectors[i], vectors[j]), i, j) for i, j in sorted(_candidates(vectors, df, [d[0] for d in days]))]
    near = [p for p in scored if dated[p[1]] and dated[p[2]] and within(days[p[1]], days[p[2]], WINDOW_DAYS)]
    groups = centroid_groups(vectors, near, threshold)
    events = {group[0]: group for group in groups if dated[group[0]]}  # undated stories are still alone here
    event_of = {i: first for first, group in events.items() for i in group}
    best = _best_dated(scored, dated)
    joined = {i for i, (similarity, _) in best.items() if similarity >= UNDATED_JOIN}
    for i in sorted(joined):
        events[event_of[best[i][1]]].append(i)  # one event only: a story cannot bridge two
    alone = {i for i in range(len(items)) if not dated[i] and i not in joined}
    undated = centroid_groups(vectors, [p for p in scored if p[1] in alone and p[2] in alone], threshold)
    return sorted([sorted(group) for group in events.values()] + [group for group in undated if group[0] in alone])


def _best_dated(scored: Sequence[tuple[float, int, int]], dated: Sequence[bool]) -> dict[int, tuple[float, int]]:
    """Each undated story's most similar dated story (ties to the lower index), as (cosine, index)."""
    best: dict[int, tuple[float, int]] = {}
    for similarity, i, j in scored:
        if dated[i] == dated[j]:
            continue
        u, d = (j, i) if dated[i] else (i, j)
        if u not in best or (similarity, -d) > (best[u][0], -best[u][1]):
            best[u] = (similarity, d)
    return best


def _title(members: Sequence[EventInput]) -> str:
    """The best real headline: real before inferred, then the most outlets, then the earliest."""
    best = min(members, key=lambda m: (m.inferred, -m.outlets, m.date or "9999", m.story_id))
    return best.headline


def make_event(members: Sequence[EventInput], people: Sequence[str], places: Sequence[str]) -> Event:
    timeline = sorted(members, key=lambda m: (m.date or "9999", m.story_id))
    dates = sorted(m.date for m in members if m.date and not m.date.startswith("--"))
    return Event(id=digest_id(*sorted(m.story_id for m in members)), title=_title(members),
                 start=dates[0] if dates else None, end=dates[-1] if dates else None,
                 story_ids=tuple(m.story_id for m in timeline), people=tuple(people), places=tuple(places))
