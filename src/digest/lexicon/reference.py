"""How telling a word is, from the language rather than the archive: a reference frequency table.

Weights from the archive's own document frequencies change whenever an unrelated story arrives, so
every story's topics and event candidates would depend on the whole archive. Weights from the
language (wordfreq's Zipf scale: 7 for "the", 3 for a word met once in a million words, 0 for a word
it has never seen) depend on the word alone: a story's features depend on the story.
"""
from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

LANGUAGE = "en"  # the table digest weighs with; a word the table lacks counts as rare in any language
CEILING = 8.0  # above the commonest word's Zipf value, so every word weighs more than nothing
FLOOR = 0.5  # the commonest words still count a little: they are not stopwords by this table alone


@lru_cache(maxsize=1 << 18)
def zipf(word: str) -> float:
    """The word's Zipf frequency in the reference language, 0.0 when the table has never seen it."""
    return zipf_frequency(word, LANGUAGE)


def rarity(word: str) -> float:
    """An idf-like weight: about 1 for "the", 5 for a word met once in a million, 8 for one never seen."""
    return max(FLOOR, CEILING - zipf(word))


def is_common(word: str, zipf_at_least: float = 5.0) -> bool:
    """A word among the language's few thousand commonest ("great", "things", "become")."""
    return zipf(word) >= zipf_at_least
