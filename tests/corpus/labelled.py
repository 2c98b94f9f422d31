"""The labelled set: story records with, for each, the article and the event a careful reader assigns.

tests/corpus/data/labelled.jsonl is made by data/generate.py (committed, so the tests need nothing else).
"""
from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from digest.records import Dateline, Quote, RelatedItem, StoryRecord

DATA = Path(__file__).resolve().parent / "data" / "labelled.jsonl"


def record_from_dict(d: dict) -> StoryRecord:
    quotes = lambda qs: tuple(Quote(**q) for q in qs)  # noqa: E731
    return StoryRecord(
        path=d["path"], headline=d["headline"], headline_inferred=d["headline_inferred"],
        dateline=Dateline(**d["dateline"]) if d["dateline"] else None, date=d["date"], source=d["source"],
        photo_credit=d["photo_credit"], photo_caption=d["photo_caption"], body=tuple(d["body"]),
        quotes=quotes(d["quotes"]),
        related=tuple(RelatedItem(r["title"], r["summary"], tuple(r["labels"]), tuple(r["sections"]), quotes(r["quotes"]))
                      for r in d["related"]),
        warnings=tuple(d.get("warnings", ())))


def load_labelled(path: Path = DATA) -> list[tuple[StoryRecord, str, str, str]]:
    """(record, article label, event label, kind of copy) per line."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        entry = json.loads(line)
        rows.append((record_from_dict(entry["record"]), entry["article"], entry["event"], entry["kind"]))
    return rows


def pairwise(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    """Precision and recall of the pairs put together, over keys (paths) mapped to group labels."""
    keys = sorted(truth)
    same_p = {(a, b) for a, b in combinations(keys, 2) if predicted[a] == predicted[b]}
    same_t = {(a, b) for a, b in combinations(keys, 2) if truth[a] == truth[b]}
    hit = len(same_p & same_t)
    return (hit / len(same_p) if same_p else 1.0), (hit / len(same_t) if same_t else 1.0)
