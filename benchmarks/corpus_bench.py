#!/usr/bin/env python3
"""Time the corpus stage on synthetic story records (default 10,000); the target is under 2 s on one core.

    .venv/bin/python benchmarks/corpus_bench.py [--records N] [--repeat R] [--site DIR]

The last line is a digest of the whole corpus (stories, duplicates, events, people, places, topics,
related items): a change meant to make the stage faster must leave it as it was.
--site takes the records of a site's dumps instead of made-up ones (parsed through the build's
record cache, so a site built once is read quickly), e.g. one that benchmarks/synth.py made.

Records are made deterministically: events of two to four stories by different outlets, about a third
of them saved again (exact re-scrapes) or syndicated (a paragraph cut, another headline tail), each
about 400 words with quotes, a dateline and related items, spread over two months.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import time
from collections import Counter
from pathlib import Path

from digest.corpus import build_corpus
from digest.records import Dateline, Quote, RelatedItem, StoryRecord

SYLLABLES = ["ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "de", "an", "or", "el", "ut", "ba", "ri", "zo"]
COMMON = ("the of and to in a that said on for was with he it as at by from his an were are which this "
          "be has had not but they who after its new also been more than would about their over").split()
CITIES = ["BAKU, Azerbaijan", "LONDON", "WASHINGTON", "BEIJING", "PARIS, France", "NAIROBI, Kenya", "LIMA, Peru"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    return sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)})


def paragraph(rng: random.Random, topic: list[str], vocab: list[str], length: int = 50) -> str:
    out = [rng.choice(topic) if rng.random() < 0.3 else rng.choice(COMMON) if rng.random() < 0.5 else rng.choice(vocab)
           for _ in range(length)]
    return " ".join(out).capitalize() + "."


def story(rng, path, topic, vocab, names, day, outlet) -> StoryRecord:
    body = tuple(paragraph(rng, topic, vocab) for _ in range(8))
    speaker = rng.choice(names)
    quotes = (Quote(body[2][:120], speaker, "Minister", "direct", 2),
              Quote(body[4][:80], speaker.split()[-1], None, "direct", 4))  # the surname alone, as pages do
    related = tuple(RelatedItem(" ".join(rng.choice(vocab) for _ in range(6)).capitalize(), None, ("News",))
                    for _ in range(3))
    date = f"2025-{3 + day // 30:02d}-{1 + day % 30:02d}"
    city = rng.choice(CITIES)
    return StoryRecord(path=path, headline=" ".join(rng.choice(topic) for _ in range(7)).capitalize() + f" - {outlet}",
                       headline_inferred=False, dateline=Dateline(city + ",", city, "--" + date[5:]), date=date,
                       source=outlet, photo_credit=None, photo_caption=None, body=body, quotes=quotes, related=related)


def records(count: int, seed: int = 1) -> list[StoryRecord]:
    rng = random.Random(seed)
    vocab = vocabulary(rng, 20000)
    names = [f"{rng.choice(vocab).title()} {rng.choice(vocab).title()}" for _ in range(3000)]
    out: list[StoryRecord] = []
    event = 0
    while len(out) < count:
        topic, day = rng.sample(vocab, 12), rng.randrange(60)
        for n in range(rng.randint(2, 4)):
            s = story(rng, f"e{event}/s{n}.txt", topic, vocab, names, day + rng.randint(0, 1), f"Outlet {rng.randrange(40)}")
            out.append(s)
            if rng.random() < 0.35:  # saved again, or syndicated with a paragraph cut
                body = s.body if rng.random() < 0.5 else s.body[:3] + s.body[4:]
                out.append(StoryRecord(**{**{f: getattr(s, f) for f in s.__slots__}, "path": s.path + ".copy",
                                          "body": body, "headline": s.headline.split(" - ")[0] + " | Wire"}))
        event += 1
    return out[:count]


def site_records(site: Path) -> list[StoryRecord]:
    from digest.build import CACHE_DIR
    from digest.config import load_config
    from digest.inputs import read_inputs
    from digest.parse import load_records

    inputs = read_inputs(site, load_config(site))
    return load_records(inputs.dumps, site / CACHE_DIR / "records.sqlite", clean=False, workers=None).records


def pairwise(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall from the contingency counts (all pairs would be 50 million)."""
    pairs = lambda n: n * (n - 1) // 2  # noqa: E731
    together = sum(pairs(n) for n in Counter((predicted[k], truth[k]) for k in truth).values())
    said = sum(pairs(n) for n in Counter(predicted[k] for k in truth).values())
    true = sum(pairs(n) for n in Counter(truth.values()).values())
    return together / (said or 1), together / (true or 1)


def quality(data: list[StoryRecord], corpus) -> str:
    """The synthetic records know their article (path less ".copy") and their event (first folder)."""
    story, event = {}, {}
    for s in corpus.stories:
        for r in (s.record, *s.copies):
            story[r.path], event[r.path] = s.id, s.event
    dup = pairwise(story, {r.path: r.path.removesuffix(".copy") for r in data})
    ev = pairwise(event, {r.path: r.path.split("/")[0] for r in data})
    return f"duplicates P {dup[0]:.3f} R {dup[1]:.3f}; events P {ev[0]:.3f} R {ev[1]:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--site", type=Path, help="a site folder whose dumps give the records")
    args = parser.parse_args()
    data = site_records(args.site) if args.site else records(args.records)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    build_corpus(data[:50])  # imports and pattern tables, which a real build pays once
    wall, cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        corpus = build_corpus(data)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
    print(f"{len(data)} records -> {len(corpus.stories)} stories, {len(corpus.events)} events, "
          f"{len(corpus.people)} people; best {min(wall):.2f} s wall, {min(cpu):.2f} s CPU on one core "
          f"(load average {os.getloadavg()[0]:.1f})")
    if not args.site:  # only made-up records know their article and event
        print(quality(data, corpus))
    print("corpus digest", hashlib.sha256(repr(corpus).encode("utf-8")).hexdigest()[:16])


if __name__ == "__main__":
    main()
