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

from digest.lexicon.patterns import patterns
from digest.lexicon.text import headline_core

NAME = "@"  # the prefix of a name's term
MAX_WORDS = 1500  # a story says what it is about long before this; the tail of a huge page is mostly links
TOKEN = re.compile(r"[^\W\d_]+")  # letters only: numbers and scores say little about which happening
# The first word of a line or of a sentence: capitalised whatever it is, so no sign of a name.
OPENING = re.compile(r"(?:^|[.!?:;\"“”]\s+)[^\w\n]*([^\W\d_]+)", re.MULTILINE)


def _normal(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def _within_budget(body: Iterable[str]) -> list[str]:
    kept, words = [], 0
    for paragraph in body:
        kept.append(_normal(paragraph))
        words += paragraph.count(" ") + 1
        if words >= MAX_WORDS:
            break
    return kept


def body_terms(headline: str, body: Iterable[str]) -> Counter:
    """Counts of the telling words of the headline and body; names as "@word": folded words
    capitalised in at least half of the places they stand inside a sentence (the first word of a
    line or sentence is capitalised whatever it is, and a line all in capitals shows no names).
    Counted per written form, not per word, so a long body costs a few C calls and one loop over
    its distinct forms."""
    paragraphs = _within_budget(body)
    prose = "\n".join(p for p in paragraphs if not p.isupper())
    forms = Counter(TOKEN.findall(prose))
    openings = Counter(OPENING.findall(prose))
    # the headline (often in title case) and lines in capitals count as words but show no names
    shouted = Counter(TOKEN.findall(_normal(headline_core(headline)) + "\n" + "\n".join(p for p in paragraphs if p.isupper())))
    counts: Counter = Counter()
    capital: Counter = Counter()
    inside: Counter = Counter()
    for form, n in forms.items():
        word = form.casefold()
        counts[word] += n
        n -= openings.get(form, 0)
        if n > 0:
            inside[word] += n
            if form[0].isupper():
                capital[word] += n
    for form, n in shouted.items():
        counts[form.casefold()] += n
    dull = counts.keys() & patterns().untelling
    return Counter({(NAME + w if 2 * capital[w] >= inside[w] > 0 else w): n
                    for w, n in counts.items() if w not in dull and len(w) > 1})
