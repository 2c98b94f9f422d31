#!/usr/bin/env python3
"""Event grouping on real labelled events: digest's against a plain baseline, in the same run.

    nice .venv/bin/python benchmarks/events_bench.py [--events ../shared/events] [--repeat 3]

Reads the labelled set's dumps with digest's loader, then groups them twice: with the corpus stage
(build_corpus, digest's own events) and with a plain baseline, TF-IDF over the headline and whole
body, cosine, average-linkage clustering at 0.15 with the same 3-day window (two stories dated more
than three days apart are never in one group). Prints B-cubed and pairwise precision, recall and F1
of both (the set's score_events.py does the scoring), and the time per 1,000 dumps of the corpus stage (and apart, of the features the parse computes).
The synthetic 10,000-record check stays benchmarks/corpus_bench.py.
"""
from __future__ import annotations

import argparse
import importlib.util
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from digest.corpus import build_corpus
from digest.corpus.dates import day_key, story_date
from digest.corpus.features import features_of
from digest.errors import DumpError
from digest.lexicon.text import words
from digest.loader import load_dump
from digest.records import Features, StoryRecord

BASELINE_THRESHOLD = 0.15
WINDOW_DAYS = 3
OUT_OF_WINDOW = -math.inf


def scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("score_events", folder / "score_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(folder: Path, labels: list[dict]) -> list[StoryRecord]:
    records = []
    for entry in labels:
        path = folder / entry["file"]
        try:
            records.append(load_dump(str(path), path.read_bytes()))
        except DumpError:
            pass  # refused dumps are singletons, as the scorer counts them
    return records


def tfidf_rows(records: list[StoryRecord]) -> np.ndarray:
    """Unit rows of smoothed TF-IDF over the headline and the whole body (scikit-learn's defaults)."""
    docs = [Counter(words(r.headline + "\n" + "\n".join(r.body))) for r in records]
    vocab = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
    df = np.zeros(len(vocab))
    for d in docs:
        df[[vocab[t] for t in d]] += 1
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    rows = np.zeros((len(docs), len(vocab)))
    for i, d in enumerate(docs):
        for t, n in d.items():
            rows[i, vocab[t]] = n * idf[vocab[t]]
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    return rows


def baseline_groups(records: list[StoryRecord], threshold: float = BASELINE_THRESHOLD) -> list[list[int]]:
    """Average linkage over the full cosine matrix; a pair of dated stories more than the window apart
    may never share a group (its linkage is minus infinity, and stays so through every average)."""
    rows = tfidf_rows(records)
    sim = rows @ rows.T
    days = [day_key(story_date(r))[0] for r in records]
    for i, a in enumerate(days):
        for j, b in enumerate(days):
            if a is not None and b is not None and abs(a - b) > WINDOW_DAYS:
                sim[i, j] = OUT_OF_WINDOW
    n = len(records)
    np.fill_diagonal(sim, -math.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members = {i: [i] for i in range(n)}
    while True:
        masked = np.where(alive[:, None] & alive[None, :], sim, -math.inf)
        k = int(np.argmax(masked))
        a, b = divmod(k, n)
        if masked[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        merged = (size[a] * sim[a] + size[b] * sim[b]) / (size[a] + size[b])  # Lance-Williams, average
        sim[a], sim[:, a] = merged, merged
        sim[a, a] = -math.inf
        size[a] += size[b]
        alive[b] = False
        members[a] += members.pop(b)
    return [sorted(m) for m in members.values()]


def predicted(records: list[StoryRecord], groups: list[list[int]]) -> dict[str, str]:
    return {records[i].path: records[g[0]].path for g in groups for i in g}


def ours(records: list[StoryRecord], features: list[Features]) -> tuple[dict[str, str], float]:
    """Each dump's event id, and the corpus stage's seconds on records whose features the parse made."""
    start = time.perf_counter()
    corpus = build_corpus(records, features=features)
    seconds = time.perf_counter() - start
    event = {}
    for story in corpus.stories:
        for record in (story.record, *story.copies):
            event[record.path] = story.event
    return event, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=Path, default=Path(__file__).resolve().parents[1] / ".." / "shared" / "events")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the corpus stage (the best counts)")
    args = parser.parse_args()
    folder = args.events.resolve()
    score = scorer(folder)
    labels = score.load_labels(folder)
    gold = {str(folder / e["file"]): e["event"] for e in labels}
    dated = {str(folder / e["file"]) for e in labels if e.get("dated")}
    records = read(folder, labels)
    print(f"{len(labels)} dumps, {len(records)} records, {len(set(gold.values()))} gold events")
    start = time.perf_counter()
    features = [features_of(r) for r in records]  # at parse time, in parallel, and cached in a build
    feature_seconds = time.perf_counter() - start
    runs = [ours(records, features) for _ in range(max(1, args.repeat))]
    event = runs[0][0]
    seconds = min(s for _, s in runs)
    base = predicted(records, baseline_groups(records))
    for name, pred in (("digest", event), ("baseline", base)):
        full = {path: pred.get(path, path) for path in gold}
        for subset, keys in (("all", gold), ("dated", dated)):
            s = score.scores({k: gold[k] for k in keys}, {k: full[k] for k in keys})
            print(f"{name:8} {subset:5} {score.fmt(s)}")
    per = 1000 / len(records)
    print(f"features (parse time, one core): {feature_seconds:.2f} s, {per * feature_seconds:.2f} s per 1,000 dumps")
    print(f"corpus stage: {seconds:.2f} s for {len(records)} records, {per * seconds:.2f} s per 1,000 dumps")


if __name__ == "__main__":
    sys.exit(main())
