"""A few topic terms per story: the words its headline and body use far more than the corpus does."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from digest.corpus.patterns import patterns
from digest.corpus.tfidf import document_frequency, weigh

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
    df = document_frequency(docs)
    out = []
    for doc in docs:
        weights = weigh(doc, df, len(docs))
        out.append(tuple(sorted(weights, key=lambda t: (-weights[t], t))[:TOPICS_PER_STORY]))
    return out
