#!/usr/bin/env python3
"""Make labelled.jsonl from real dumps: the seeds and ../shared/corpus/dumps, read by digest's loader.

Every usable dump is an article of its own event (they are unrelated stories, most of one day); the two
seeds are two outlets' stories of one event. From each article it derives, deterministically:
  exact     the same page saved again under another path
  rescrape  the page saved again with other furniture: a boilerplate line added, another headline tail
  wire      a syndicated copy: another outlet's tail and credit, a paragraph or two cut, a line of its own added
  rewrite   another outlet's own story of the event: other headline, a part of the facts reworded and
            reordered, a day or two later (same event, not the same article)
and, written out below, three neighbours of the seeds: other happenings of the same days with the
same people and places (other events).
Run from the repository root: .venv/bin/python tests/corpus/data/generate.py
"""
from __future__ import annotations

import dataclasses
import json
import random
import re
from pathlib import Path

from digest.errors import DumpError
from digest.loader import load_dump
from digest.records import StoryRecord

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[3] / "shared" if (HERE.parents[3] / "shared").is_dir() else HERE.parents[4] / "shared"
OUTLETS = ["Daily Courier", "Metro Wire", "Northern Herald", "The Ledger", "City Post", "Evening Star",
           "Coastal Times", "Valley News", "The Observer Online", "Capital Report"]
BOILERPLATE = ["Sign up for our daily newsletter to get the top stories in your inbox.",
               "Follow us on Twitter and Facebook for the latest updates.",
               "Advertisement. Story continues below.",
               "Copyright 2019. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
               "Read more: the week's most important stories, in one place."]
WIRE_LINES = ["{outlet} contributed to this report.", "This story has been updated with additional details.",
              "Check back for updates on this developing story."]
SYNONYMS = {"said": "stated", "says": "states", "told": "informed", "announced": "unveiled", "officials": "authorities",
            "government": "administration", "killed": "left dead", "people": "residents", "country": "nation",
            "also": "additionally", "after": "following", "before": "ahead of", "big": "large", "show": "reveal",
            "new": "fresh", "help": "assist", "began": "started", "important": "significant", "meeting": "talks",
            "expected": "anticipated", "however": "but", "according": "citing", "about": "roughly"}
DROPPABLE = {"the", "a", "an", "of", "that", "to", "in", "on"}


def usable(record) -> bool:
    return len(sentences(record.body)) >= 3 and re.match(r"[A-Z‘'\"]", record.headline) is not None and len(record.headline.split()) >= 4


def core(headline: str) -> str:
    return re.split(r"\s+[|–—-]\s+", headline)[0]


def reword(text: str, rng: random.Random) -> str:
    out = []
    for word in text.split():
        bare = word.lower().strip(".,;:")
        if bare in DROPPABLE and rng.random() < 0.3:
            continue
        out.append(word.replace(bare, SYNONYMS[bare]) if bare in SYNONYMS and word.islower() else word)
    return " ".join(out)


def sentences(body) -> list[str]:
    """The article's prose: an outlet rewrites the story, not the furniture a scraper left around it."""
    prose = [p for p in body if len(p.split()) >= 12]
    return [s for p in prose for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", p) if len(s.split()) > 5]


def variant(record, kinds: list[str], n: int, rng: random.Random, name: str):
    kind = kinds[n]
    outlet = rng.choice(OUTLETS)
    path = f"labelled/{name}-{kind}-{n}.txt"
    body = list(record.body)
    headline = f"{core(record.headline)} | {outlet}"
    if kind == "exact":
        return dataclasses.replace(record, path=path)
    if kind == "rescrape":
        body.insert(rng.choice([0, len(body)]), rng.choice(BOILERPLATE))
        return dataclasses.replace(record, path=path, headline=headline, body=tuple(body))
    if kind == "wire":
        for _ in range(rng.choice([1, 2]) if len(body) > 6 else 1):
            del body[rng.randrange(1, len(body))]
        body.insert(rng.choice([0, len(body)]), rng.choice(WIRE_LINES).format(outlet=outlet))
        return dataclasses.replace(record, path=path, headline=headline, source=outlet, body=tuple(body))
    picked = sentences(record.body)
    lead, rest = picked[0], picked[1:]
    rest = rest[sum(k == "rewrite" for k in kinds[:n]) % 2::2]  # two outlets' rewrites tell different parts of the story
    rest = rng.sample(rest, k=max(1, int(len(rest) * 0.8))) if rest else []
    new_body = tuple(reword(s, rng) for s in [lead, *rest])
    day = record.date and f"{record.date[:8]}{int(record.date[8:]) + rng.choice([0, 1, 2]):02d}"
    return dataclasses.replace(record, path=path, headline=reword(core(record.headline), rng) + f" - {outlet}",
                               source=outlet, body=new_body, date=day, dateline=None, quotes=(), related=())


# Other happenings of the seeds' days with the seeds' people and places: an event must not swallow them.
NEIGHBOURS = [
    ("2025-04-24", "Xi Jinping meets Spanish Prime Minister in Beijing, urges open trade - Metro Wire", (
        "Chinese President Xi Jinping met Spanish Prime Minister Pedro Sanchez in Beijing on Thursday, and the two "
        "leaders pledged to keep markets open as tariffs between the United States and China rise.",
        "Sanchez said Spain wanted a balanced trade relationship with China and more access for Spanish pork and "
        "olive oil, while Xi said there is no winner in a tariff war.",
        "The visit was Sanchez's third to China in three years.")),
    ("2025-04-23", "Azerbaijan's central bank holds its key rate at 7.25 percent - City Post", (
        "BAKU, Azerbaijan, April 23. The Central Bank of Azerbaijan kept its refinancing rate unchanged at 7.25 "
        "percent on Wednesday, citing inflation that stayed within its target band in March.",
        "The bank said the manat would remain stable and that it expected oil prices to support the budget.",
        "The next decision is due in June.")),
    ("2025-04-22", "China extends visa-free entry to travellers from four Gulf states - The Ledger", (
        "China will let citizens of Saudi Arabia, Oman, Kuwait and Bahrain enter without a visa for up to 30 "
        "days from June, the foreign ministry in Beijing said on Tuesday.",
        "The move widens a visa-free programme that China has extended to dozens of countries since 2023 to "
        "revive tourism and business travel.")),
]


def neighbours() -> list[tuple]:
    rows = []
    for n, (date, headline, body) in enumerate(NEIGHBOURS):
        record = StoryRecord(path=f"labelled/neighbour-{n}.txt", headline=headline, headline_inferred=False,
                             dateline=None, date=date, source=headline.rsplit(" - ", 1)[1], photo_credit=None,
                             photo_caption=None, body=body, quotes=(), related=())
        rows.append((record, f"neighbour-{n}", f"neighbour-{n}", "neighbour"))
    return rows


def main() -> None:
    rng = random.Random(20251125)
    dumps = sorted((SHARED / "corpus" / "dumps").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    rows = []
    for path in dumps:
        try:
            record = load_dump(f"{path.parent.name}/{path.name}", path.read_bytes())
        except DumpError:
            continue
        if not usable(record):
            continue
        record = dataclasses.replace(record, related=record.related[:5], warnings=(),
                                     date=record.date or (None if path.parent.name == "seeds" else "2019-11-20"))
        name = f"{path.parent.name}-{path.stem[:3]}"
        event = "seeds" if path.parent.name == "seeds" else name
        rows.append((record, name, event, "original"))
        kinds = ["wire", "rewrite", "rescrape"] + rng.sample(["exact", "rescrape", "wire", "wire", "rewrite"], k=3)
        for n, kind in enumerate(kinds):
            copy = variant(record, kinds, n, rng, name)
            rows.append((copy, name if kind != "rewrite" else f"{name}-r{n}", event, kind))
    rows.extend(neighbours())
    with open(HERE / "labelled.jsonl", "w", encoding="utf-8", newline="\n") as out:
        for record, article, event, kind in rows:
            out.write(json.dumps({"article": article, "event": event, "kind": kind,
                                  "record": dataclasses.asdict(record)}, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(rows)} records written to {HERE / 'labelled.jsonl'}")


if __name__ == "__main__":
    main()
