#!/usr/bin/env python3
"""Pairwise precision and recall on the labelled set over a range of thresholds (how they were chosen).

    .venv/bin/python -m tests.corpus.sweep
"""
from __future__ import annotations

from collections import Counter

from digest.corpus.assemble import CorpusOptions, build_corpus
from digest.corpus.events import THRESHOLD as EVENT_DEFAULT
from digest.corpus.near import THRESHOLD as NEAR_DEFAULT
from tests.corpus.labelled import load_labelled, pairwise


def scores(rows, near: float, event: float):
    corpus = build_corpus([r for r, *_ in rows], CorpusOptions(near, event))
    story, event_of = {}, {}
    for s in corpus.stories:
        for r in (s.record, *s.copies):
            story[r.path], event_of[r.path] = s.id, s.event
    return (pairwise(story, {r.path: a for r, a, _, _ in rows}),
            pairwise(event_of, {r.path: e for r, _, e, _ in rows}))


def main() -> None:
    rows = load_labelled()
    kinds = Counter(k for *_, k in rows)
    print(f"{len(rows)} records: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    print("near-duplicate threshold (events at default): precision recall")
    for near in (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9):
        (p, r), _ = scores(rows, near, EVENT_DEFAULT)
        print(f"  {near:.2f}{' *' if near == NEAR_DEFAULT else '  '} {p:.3f} {r:.3f}")
    print("event threshold (near duplicates at default): precision recall")
    for event in (0.1, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.2, 0.25, 0.3):
        _, (p, r) = scores(rows, NEAR_DEFAULT, event)
        print(f"  {event:.2f}{' *' if event == EVENT_DEFAULT else '  '} {p:.3f} {r:.3f}")


if __name__ == "__main__":
    main()
