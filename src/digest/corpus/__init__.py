"""The corpus stage: story records to stories (duplicates collapsed)."""
from digest.corpus.dedup import build_corpus

__all__ = ["build_corpus"]
