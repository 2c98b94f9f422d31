"""Where the article is: the page's main run of prose paragraphs.

Pages are mostly furniture (menus, lists of other stories, captions); the article is the one long
run of sentence-like paragraphs, with at most a few furniture lines between them. The run is the
best-scoring stretch of lines (each prose line scores its words, each other line costs), then cut
to start at the article's own markers: the repeated headline and the first dateline.
"""
from __future__ import annotations

import re

from digest.loader.blocks import Line
from digest.loader.patterns import Patterns, label_key

MIN_PROSE_WORDS = 5
MIN_UNPUNCTUATED_WORDS = 15  # a paragraph without closing punctuation must be this long
MAX_PROSE_SCORE = 40  # one long paragraph must not outweigh a list of headlines after it
FURNITURE_COST = 6
SECTION_COST = 25
_TERMINAL = re.compile(r"[.!?…:;][\"”’')\]]*$|[\"”’][.!?]?$")


def lowercase_share(text: str) -> float:
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(1 for w in words if w[:1].islower()) / len(words) if words else 0.0


def is_prose(line: Line, patterns: Patterns) -> bool:
    """A sentence-like paragraph: long enough, mostly lower-case words, closing punctuation."""
    if line.bullet:
        return False
    words = len(line.text.split())
    if words < MIN_PROSE_WORDS or lowercase_share(line.text) < 0.4:
        return False
    if not _TERMINAL.search(line.text) and words < MIN_UNPUNCTUATED_WORDS:
        return False
    return not is_furniture(line.text, patterns)


def is_furniture(text: str, patterns: Patterns) -> bool:
    key = label_key(text)
    return key in patterns.boilerplate_lines or key in patterns.section_headers or bool(patterns.furniture.search(text))


def line_scores(lines: tuple[Line, ...], patterns: Patterns) -> list[int]:
    scores = []
    for line in lines:
        if is_prose(line, patterns):
            scores.append(min(len(line.text.split()), MAX_PROSE_SCORE))
        elif label_key(line.text) in patterns.section_headers:
            scores.append(-SECTION_COST)
        else:
            scores.append(-FURNITURE_COST)
    return scores


def main_run(lines: tuple[Line, ...], patterns: Patterns) -> tuple[int, int] | None:
    """[start, end) of the best-scoring stretch of lines (Kadane), or None when no line is prose."""
    best, best_span = 0, None
    total, start = 0, 0
    for i, score in enumerate(line_scores(lines, patterns)):
        if total <= 0:
            total, start = 0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span
