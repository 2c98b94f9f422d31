"""The corpus stage: story records to stories (duplicates collapsed), events, people and places."""
from digest.corpus.assemble import build_corpus
from digest.corpus.view import corpus_view

__all__ = ["build_corpus", "corpus_view"]
