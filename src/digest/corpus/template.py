"""A site's template text: a paragraph that stands verbatim in the bodies of several stories of
one outlet ("This article has been adapted from its original source.") is the outlet's page
furniture, not any story's text, and is dropped from their bodies.

It reads the whole archive, so a clean build and an incremental one see the same counts and give
the same bytes.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from digest.corpus.dedup import Article
from digest.lexicon.text import fold
from digest.records import StoryRecord

TEMPLATE_STORIES = 3  # distinct stories of one outlet holding a paragraph make it the outlet's template
MAX_TEMPLATE_WORDS = 60  # a longer paragraph shared this way is a quoted statement, not furniture


def _outlet(record: StoryRecord) -> str:
    return fold(record.publisher or record.source or "")


def template_paragraphs(articles: Sequence[Article]) -> frozenset[tuple[str, str]]:
    """(outlet, paragraph) pairs that TEMPLATE_STORIES or more distinct stories of the outlet hold."""
    counts: Counter[tuple[str, str]] = Counter()
    for article in articles:
        outlet = _outlet(article.record)
        if outlet:
            counts.update({(outlet, p) for p in article.record.body if p.count(" ") < MAX_TEMPLATE_WORDS})
    return frozenset(key for key, n in counts.items() if n >= TEMPLATE_STORIES)


def without_template(record: StoryRecord, template: frozenset[tuple[str, str]]) -> StoryRecord:
    """The record less its outlet's template paragraphs, its quotes renumbered to the paragraphs
    left; as it is when the template would take its whole body."""
    outlet = _outlet(record)
    kept = [i for i, p in enumerate(record.body) if (outlet, p) not in template]
    if len(kept) == len(record.body) or not kept:
        return record
    new_index = {old: new for new, old in enumerate(kept)}
    quotes = tuple(replace(q, paragraph=new_index[q.paragraph]) if q.paragraph >= 0 else q
                   for q in record.quotes if q.paragraph < 0 or q.paragraph in new_index)
    return replace(record, body=tuple(record.body[i] for i in kept), quotes=quotes)
