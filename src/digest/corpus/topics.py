"""A few topic terms per story: the words its headline and body use far more than the corpus does."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from heapq import nsmallest

from digest.corpus.patterns import patterns
from digest.corpus.tfidf import document_frequency, idf_table, raw_weights

TOPICS_PER_STORY = 4
HEADLINE_WEIGHT = 3  # a headline word counts as much as three body mentions


def topic_counts(headline_words: Sequence[str], body_words: Sequence[str], exclude: frozenset[str]) -> Counter:
    stop, countries = patterns().stopwords, patterns().countries
    counts = Counter(body_words)
    for word in headline_words:
        counts[word] += HEADLINE_WEIGHT
    return Counter({w: n for w, n in counts.items() if len(w) > 2 and w.isalpha() and w not in stop and w not in exclude
                    and w not in countries})


def story_topics(docs: Sequence[Counter]) -> list[tuple[str, ...]]:
    """Per document its top terms, ties broken alphabetically so the output is stable."""
    idf = idf_table(document_frequency(docs), len(docs))
    out = []
    for doc in docs:
        weights = raw_weights(doc, idf)
        out.append(tuple(nsmallest(TOPICS_PER_STORY, weights, key=lambda t: (-weights[t], t))))
    return out
