"""Which marks set a quotation apart. Most English-language news puts quotations in double marks
and a quotation inside one in single marks; British papers do the reverse (‘...,’ she said). The
quote finder reads double marks, so a document in the British style is read with the two levels
swapped; its apostrophes (Britain’s, nurses’) stay as they are.
"""
from __future__ import annotations

import re

# A quotation in single marks: opened at a word's start, closed where no letter follows ("can’t"
# and "Britain’s" stay inside); and one in double marks. Each pattern starts with the mark itself,
# so the engine skips to the marks.
_SINGLE_SPAN = re.compile(r"[‘'](?<![^\s(\[—–-][‘'])(?=[^\W\d_])((?:[^‘’'\"“”]|[’'](?=[^\W\d_]))*)[’'](?![^\W\d_])")
_DOUBLE_SPAN = re.compile(r"[“\"]([^“”\"]*)[”\"]")
SAID_WORDS = 4  # a span this long is words said; shorter ones are names and scare quotes (‘poor’)
_SWAP = {"“": "‘", "”": "’", '"': "'"}
_OPENERS = " \t([—–-"


def _said(pattern: re.Pattern[str], paragraphs: list[str], marks: str) -> int:
    return sum(
        1
        for p in paragraphs
        if any(m in p for m in marks)
        for span in pattern.findall(p)
        if span.count(" ") >= SAID_WORDS - 1
    )


def single_quoted(paragraphs: list[str]) -> bool:
    """More words said stand in single marks than in double ones."""
    singles = _said(_SINGLE_SPAN, paragraphs, "‘'")
    return singles > 0 and singles > _said(_DOUBLE_SPAN, paragraphs, "“\"")


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
