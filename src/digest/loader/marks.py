"""Which marks set a quotation apart. Most English-language news puts quotations in double marks
and a quotation inside one in single marks; British papers do the reverse (‘...,’ she said). The
quote finder reads double marks, so a document in the British style is read with the two levels
swapped; its apostrophes (Britain’s, nurses’) stay as they are.
"""
from __future__ import annotations

import re

SAID_WORDS = 4  # a span this long is words said; shorter ones are names and scare quotes (‘poor’)
_SWAP = {"“": "‘", "”": "’", '"': "'"}
_OPENERS = " \t([—–-"
_SINGLE_MARKS = re.compile("[‘’']")
_DOUBLE_SPAN = re.compile(r"[“\"]([^“”\"]*)[”\"]")


def _said_in_single(text: str) -> int:
    """Spans of SAID_WORDS words or more in single marks: opened at a word's start, closed, once
    open, where no letter follows ("can’t" and "Britain’s" stay inside). One pass over the marks."""
    count, open_at = 0, None
    for mark in _SINGLE_MARKS.finditer(text):
        i = mark.start()
        follows = text[i + 1 : i + 2]
        if text[i] in "‘'" and (i == 0 or text[i - 1] in _OPENERS) and follows.isalpha():
            open_at = i
        elif open_at is not None and text[i] in "’'" and not follows.isalnum() and not text[i - 1].isspace():
            count += text.count(" ", open_at, i) >= SAID_WORDS - 1
            open_at = None
    return count


def single_quoted(paragraphs: list[str]) -> bool:
    """More words said stand in single marks than in double ones."""
    singles = sum(_said_in_single(p) for p in paragraphs if "‘" in p or "'" in p)
    if not singles:
        return False
    doubles = sum(1 for p in paragraphs for span in _DOUBLE_SPAN.findall(p) if span.count(" ") >= SAID_WORDS - 1)
    return singles > doubles


def swap_levels(text: str) -> str:
    """Single quotation marks made double and double ones single; apostrophes kept. A single mark
    opens at a word's start and closes, once open, where no letter follows it."""
    out: list[str] = []
    open_ = False
    for i, ch in enumerate(text):
        if ch in _SWAP:
            out.append(_SWAP[ch])
        elif ch in "‘'" and (i == 0 or text[i - 1] in _OPENERS) and text[i + 1 : i + 2].isalpha():
            out.append("“")
            open_ = True
        elif ch in "’'" and open_ and i and not text[i - 1].isspace() and not text[i + 1 : i + 2].isalnum():
            out.append("”")
            open_ = False
        else:
            out.append(ch)
    return "".join(out)
