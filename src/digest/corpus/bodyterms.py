"""The words a story's whole text is made of, for grouping it into events: its headline and every
paragraph of its body, not only the lead (on real pages the first lines are often a caption, a date
line or a byline), with the proper names marked apart.

A word the story writes capitalised inside its sentences ("Lohan", "Aceh", "Explorer") is a name:
it is kept as "@lohan", so the grouping can tell a shared name from shared wording and never let a
name alone make a match. Everything here reads the story alone: its terms do not change when other
stories arrive.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from digest.corpus.patterns import patterns
from digest.corpus.text import headline_core

NAME = "@"  # the prefix of a name's term
MAX_WORDS = 1500  # a story says what it is about long before this; the tail of a huge page is mostly links
TOKEN = re.compile(r"[^\W\d_]+")  # letters only: numbers and scores say little about which happening
SENTENCE_END = re.compile(r"[.!?:;\"“”]\s+")


def _sentences(paragraph: str) -> Iterable[str]:
    return SENTENCE_END.split(paragraph)


def name_words(paragraphs: Iterable[str]) -> frozenset[str]:
    """Folded words capitalised in at least half of the places they stand inside a sentence (the
    first word of a sentence is capitalised whatever it is, and a line all in capitals says nothing)."""
    capital: Counter = Counter()
    inside: Counter = Counter()
    for paragraph in paragraphs:
        for sentence in _sentences(paragraph):
            tokens = TOKEN.findall(sentence)
            if len(tokens) < 2 or sentence.isupper():
                continue
            for token in tokens[1:]:
                word = token.casefold()
                inside[word] += 1
                if token[0].isupper():
                    capital[word] += 1
    return frozenset(w for w, n in capital.items() if 2 * n >= inside[w])


def body_terms(headline: str, body: Iterable[str]) -> Counter:
    """Counts of the telling words of the headline and body; names as "@word"."""
    paragraphs = [unicodedata.normalize("NFKC", p) for p in body]
    names = name_words(paragraphs)
    counts: Counter = Counter()
    budget = MAX_WORDS
    for text in (headline_core(unicodedata.normalize("NFKC", headline)), *paragraphs):
        tokens = [t.casefold() for t in TOKEN.findall(text)[:budget]]
        counts.update(tokens)
        budget -= len(tokens)
        if budget <= 0:
            break
    dull = counts.keys() & patterns().untelling
    return Counter({(NAME + w if w in names else w): n for w, n in counts.items() if w not in dull and len(w) > 1})
