"""Proper names in running text: runs of capitalised words, matched against an index of known names.

Scanning only the capitalised runs (found by one regular expression) keeps this cheap on long bodies,
and the same runs ("The", "Officials", "Nairobi") recur on page after page: each is read once.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from digest.lexicon.text import fold

CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")
MEMO_SIZE = 1 << 17  # runs remembered per index; a long-lived process starts afresh past this


@dataclass(frozen=True, eq=False)
class NameIndex:
    names: Mapping[str, str]  # folded name -> what it stands for
    longest: dict[str, int]  # folded first word -> words in the longest name it starts
    runs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # run -> the names in it, as found


def name_index(names: Mapping[str, str]) -> NameIndex:
    longest: dict[str, int] = {}
    for name in names:
        first, size = name.split(" ", 1)[0], name.count(" ") + 1
        longest[first] = max(longest.get(first, 0), size)
    return NameIndex(names, longest)


def _clean(word: str) -> str:
    word = word.rstrip(".,")
    return word[:-2] if word.endswith("'s") else word


def find_names(text: str, index: NameIndex) -> list[str]:
    """Every known name in the text, as the index maps it, in order; the longest match wins."""
    found: list[str] = []
    memo = index.runs
    for run in CAPITALISED_RUN.findall(text):
        names = memo.get(run)
        if names is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            names = memo[run] = _run_names(run, index)
        found += names
    return found


def _run_names(run: str, index: NameIndex) -> tuple[str, ...]:
    tokens = [_clean(word) for word in fold(run).split()]
    found = []
    i = 0
    while i < len(tokens):
        for size in range(min(index.longest.get(tokens[i], 0), len(tokens) - i), 0, -1):
            name = index.names.get(" ".join(tokens[i:i + size]))
            if name is not None:
                found.append(name)
                i += size
                break
        else:
            i += 1
    return tuple(found)
