"""Places of a story: the dateline's city first, then the countries its text names (pycountry)."""
from __future__ import annotations

from collections import Counter

from digest.lexicon.names import find_names
from digest.lexicon.patterns import patterns
from digest.records import StoryRecord

MAX_PLACES = 5
SCAN_CHARS = 4000  # a story names its places early; the tail of a long page is mostly other stories' links
PROSE_SPACES = 7  # a paragraph of eight words or more is prose; shorter lines are mostly page furniture


def _dateline_places(record: StoryRecord) -> list[str]:
    if record.dateline is None or not record.dateline.place:
        return []
    countries = patterns().countries
    places = []
    for part in record.dateline.place.split(","):
        part = part.strip()
        if not part:
            continue
        country = countries.get(part.casefold())
        if country:
            places.append(country)
        elif not places:  # the city; a state abbreviation after it ("S.C.") is not a place of its own
            places.append(part.title() if part.isupper() else part)
    return places


def story_places(record: StoryRecord) -> tuple[str, ...]:
    """The dateline's places, then countries by how often the headline and the body's prose name them."""
    p = patterns()
    text = "\n".join((record.headline, *(b for b in record.body if b.count(" ") >= PROSE_SPACES)))[:SCAN_CHARS]
    named = find_names(text, p.country_index)
    counts = Counter(named)
    first_seen = {name: named.index(name) for name in counts}
    places = _dateline_places(record)
    for name in sorted(counts, key=lambda n: (-counts[n], first_seen[n])):
        if name not in places:
            places.append(name)
    return tuple(places[:MAX_PLACES])
