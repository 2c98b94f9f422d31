"""What the corpus stage reads off each record alone: the body's fingerprint and MinHash signature,
the lead, the telling words and the places.

Reading them is most of the stage's work on one record, and none of it depends on the rest of the
archive: so it is done where the dump is parsed (in parallel) and cached with the record, and a
rebuild after one edit reads one body, not ten thousand.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from itertools import islice

import numpy as np

from digest.corpus.keyphrases import candidates
from digest.corpus.near import signatures, word_hashes
from digest.corpus.places import story_places
from digest.corpus.text import headline_core, word_bytes, words
from digest.corpus.topics import story_terms
from digest.records import Features, StoryRecord

LEAD_PARAGRAPHS = 2
LEAD_MIN_WORDS = 8  # shorter lines are mostly page furniture a scraper left in the body ("Contact us")


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
    headline = words(headline_core(record.headline))
    terms = story_terms(headline, words(opening))
    signature = signatures([word_hashes(body_words)])[0].astype("<u4").tobytes()
    return Features(fingerprint=key, signature=signature, lead=opening,
                    terms=tuple(terms.items()), headline=tuple(sorted(set(headline) & terms.keys())),
                    places=story_places(record), topics=candidates(record))


def signature_of(features: Features) -> np.ndarray:
    """The body's signature row as near.signatures gives it."""
    return np.frombuffer(features.signature, dtype="<u4").astype(np.uint32)
