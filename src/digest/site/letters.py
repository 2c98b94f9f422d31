"""A-Z jumps for lists in alphabetical order (sources, people, places, topics).

The letter of a term comes from the list's own sort key, so a list sorted by surname jumps by
surname: whatever order a taxonomy gives, its first text is what the reader scans by."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
OTHER = "#"  # digits, signs and scripts without letter case: one group after Z


def initial(sort_key: Any) -> str:
    """"Étienne" -> "E", "zhou" -> "Z", "4chan" -> "#": the first letter of the key's first text."""
    text = _first_text(sort_key)
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue
        upper = char.upper()
        return upper if "A" <= upper <= "Z" else OTHER
    return OTHER


def _first_text(key: Any) -> str:
    """The first string in a sort key, looking into nested tuples: ((surname, name), id) gives surname."""
    if isinstance(key, str):
        return key
    for part in key if isinstance(key, tuple) else ():
        if text := _first_text(part):
            return text
    return ""


def by_letter(items: Sequence[T], order: Callable[[T], Any]) -> dict[str, list[T]]:
    """The items, already in the list's order, grouped by initial, letters A-Z then "#"."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(initial(order(item)), []).append(item)
    return dict(sorted(groups.items(), key=lambda kv: (kv[0] == OTHER, kv[0])))


def letter_slug(letter: str) -> str:
    return "other" if letter == OTHER else letter.lower()
