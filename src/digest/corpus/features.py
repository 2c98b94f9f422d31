"""What the corpus stage reads off each record alone: the body's fingerprint and MinHash signature,
the lead, the telling words and the places.

Reading them is most of the stage's work on one record, and none of it depends on the rest of the
archive: so it is done where the dump is parsed (in parallel) and cached with the record, and a
rebuild after one edit reads one body, not ten thousand.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from itertools import islice

import numpy as np

from digest.corpus.bodyterms import body_terms
from digest.corpus.dates import story_date
from digest.corpus.events import event_vector
from digest.corpus.keyphrases import candidates
from digest.corpus.near import signatures, word_hashes
from digest.corpus.places import story_places
from digest.lexicon.text import word_bytes
from digest.records import Features, StoryRecord

LEAD_PARAGRAPHS = 2
LEAD_MIN_WORDS = 8  # shorter lines are mostly page furniture a scraper left in the body ("Contact us")
WEIGHT_SCALE = 1_000_000  # event weights are kept as whole millionths: exact in any cache
DATE_LINE_WORDS = 8  # a line this short that prints a full date is the page's date line ("Tuesday, July 2nd, 2013")
DATE_LINES = 4  # the headline and the first paragraphs: where a page prints its own date


def fingerprint(body_words: Sequence[bytes]) -> str:
    """Hash of the body's words, case and punctuation folded: re-scrapes of one page agree on it."""
    return hashlib.sha256(b" ".join(body_words)).hexdigest()


def lead(record: StoryRecord) -> str:
    """The first paragraphs that read as prose."""
    return " ".join(islice((p for p in record.body if p.count(" ") >= LEAD_MIN_WORDS - 1), LEAD_PARAGRAPHS))


def features_of(record: StoryRecord) -> Features:
    body_words = word_bytes(" ".join(record.body))
    # a body without words proves nothing: such dumps stay apart, each by its path
    key = fingerprint(body_words) if body_words else fingerprint([b"\x00", record.path.encode("utf-8")])
    opening = lead(record)
    signature = signatures([word_hashes(body_words)])[0].astype("<u4").tobytes()
    places = story_places(record)
    vector = event_vector(body_terms(record.headline, record.body), places)
    return Features(fingerprint=key, signature=signature, lead=opening, places=places, topics=candidates(record),
                    event_words="\0".join(vector),
                    event_weights=np.array([round(w * WEIGHT_SCALE) for w in vector.values()], dtype="<u4").tobytes(),
                    printed_date=None if story_date(record) else printed_date(record))


def printed_date(record: StoryRecord) -> str | None:
    """The date a short line at the top prints, for a record the loader found no date for: pages
    often open on a date line the loader took for the headline or left in the body."""
    # the loader's date forms, imported here: the corpus stage alone need not load the loader
    from digest.loader.dateline import full_dates

    for line in (record.headline, *record.body[:DATE_LINES - 1]):
        if len(line.split()) <= DATE_LINE_WORDS and (found := full_dates(line)):
            return dt.date(*found[0]).isoformat()
    return None


def event_weights(features: Features) -> dict[str, float]:
    """The event vector as features_of had it, in its order."""
    if not features.event_words:
        return {}
    weights = np.frombuffer(features.event_weights, dtype="<u4") / WEIGHT_SCALE
    return dict(zip(features.event_words.split("\0"), weights.tolist()))


def signature_of(features: Features) -> np.ndarray:
    """The body's signature row as near.signatures gives it."""
    return np.frombuffer(features.signature, dtype="<u4").astype(np.uint32)
