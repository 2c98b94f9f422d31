"""What a story is about: its telling words (shared with events) and a few topic terms from them."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from heapq import nsmallest

from digest.corpus.patterns import patterns
from digest.corpus.tfidf import document_frequency, idf_table

TOPICS_PER_STORY = 4
LEAD_WORDS = 80


def story_terms(headline: Sequence[str], lead: Sequence[str]) -> Counter:
    """Words of the headline and the lead, less stopwords, numbers and country words (those are places)."""
    counts = Counter(headline)
    counts.update(lead[:LEAD_WORDS])  # counted first, filtered per distinct word: Counter runs in C
    dull = counts.keys() & patterns().untelling  # one set operation in C, not two lookups a word
    return Counter({w: n for w, n in counts.items() if w not in dull and len(w) > 1 and not w.isdigit()})


def story_topics(docs: Sequence[Mapping[str, int]], exclude: Sequence[frozenset[str]]) -> list[tuple[str, ...]]:
    """Per document its top TF-IDF terms that are not excluded (its people's and outlets' names);
    ties broken alphabetically so the output is stable."""
    df = document_frequency(docs)
    idf = idf_table(df, len(docs))
    topical = {t for t in df if len(t) > 2 and t.isalpha()}  # judged once per term, not once per story
    out = []
    for doc, left_out in zip(docs, exclude):
        # sublinear tf times idf (tfidf.raw_weights), for the terms that may be topics only
        ranked = [(-(1 + math.log(n)) * idf[t] if n > 1 else -idf[t], t) for t, n in doc.items()
                  if t in topical and t not in left_out]
        out.append(tuple(t for _, t in nsmallest(TOPICS_PER_STORY, ranked)))
    return out
