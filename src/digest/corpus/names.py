"""Proper names in running text: runs of capitalised words, matched against a lookup of known names.

Scanning only the capitalised runs (found by one regular expression) keeps this cheap on long bodies.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from digest.corpus.text import fold

CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*")


def _clean(word: str) -> str:
    word = word.rstrip(".,")
    return word[:-2] if word.endswith("'s") else word


def find_names(text: str, lookup: Mapping[str, str], longest: int) -> list[str]:
    """Every known name in the text, as the lookup maps it, in order; the longest match wins."""
    found = []
    for run in CAPITALISED_RUN.findall(text):
        tokens = [_clean(word) for word in fold(run).split()]
        i = 0
        while i < len(tokens):
            for size in range(min(longest, len(tokens) - i), 0, -1):
                name = lookup.get(" ".join(tokens[i:i + size]))
                if name is not None:
                    found.append(name)
                    i += size
                    break
            else:
                i += 1
    return found
