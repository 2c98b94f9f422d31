"""The loader: a raw page dump to a StoryRecord (decode, split, classify, extract fields)."""
from digest.loader.record import load_dump, load_text

__all__ = ["load_dump", "load_text"]
