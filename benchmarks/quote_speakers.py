#!/usr/bin/env python3
"""How often the loader names the right speaker of a direct quotation, on real news pages.

    .venv/bin/python benchmarks/quote_speakers.py [--pages ../shared/pages] [--verbose]

The labels (tests/loader/data/quotes_labelled.yaml) were made by reading the pages; each names a
dump and a quote's opening words. A quote counts as right when the loader finds it as a direct quote
and its speaker is the labelled one (or an accepted variant); a quote the loader misses, or gives
nobody or someone else, counts as wrong. Sites are split in two halves (alternate sites in name
order): "tune" is the half tuned on, "held" the other (its misses were read too, so it is not
blind); "fresh" quotes were labelled on pages of other sites after the rules were settled, and
scored untuned.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from digest.loader.record import load_text
from digest.records import Quote

LABELS = Path(__file__).resolve().parent.parent / "tests" / "loader" / "data" / "quotes_labelled.yaml"


@dataclass(frozen=True)
class Outcome:
    stem: str
    site: str
    start: str
    expected: str
    found: str | None  # the speaker given, "(missed)" when the quote was not found as direct
    right: bool
    fresh: bool  # labelled after the rules were settled: never tuned on


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).casefold()


def _match(quotes: tuple[Quote, ...], start: str) -> Quote | None:
    key = _norm(start)
    return next((q for q in quotes if q.kind == "direct" and _norm(q.text).startswith(key)), None) or next(
        (q for q in quotes if q.kind == "direct" and key in _norm(q.text)), None)


def score(pages: Path, labels: Path = LABELS) -> list[Outcome]:
    entries = yaml.safe_load(labels.read_text(encoding="utf-8"))
    records = {}
    outcomes = []
    for entry in entries:
        stem = entry["stem"]
        if stem not in records:
            path = pages / "dumps" / "scraper" / f"{stem}.txt"
            records[stem] = load_text(stem, path.read_text(encoding="utf-8"))
        quote = _match(records[stem].quotes, entry["start"])
        accepted = {_norm(entry["speaker"]), *(_norm(a) for a in entry.get("also", ()))}
        found = "(missed)" if quote is None else quote.speaker
        outcomes.append(Outcome(stem, entry["site"], entry["start"], entry["speaker"], found,
                                quote is not None and quote.speaker is not None and _norm(quote.speaker) in accepted,
                                bool(entry.get("fresh"))))
    return outcomes


def halves(outcomes: list[Outcome]) -> dict[str, list[Outcome]]:
    """The first labels split by site (alternate sites in name order), and the fresh ones apart."""
    first = [o for o in outcomes if not o.fresh]
    sites = sorted({o.site for o in first})
    tune = set(sites[::2])
    return {"tune": [o for o in first if o.site in tune], "held": [o for o in first if o.site not in tune],
            "fresh": [o for o in outcomes if o.fresh]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "pages")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    outcomes = score(args.pages)
    for name, part in (*halves(outcomes).items(), ("all", outcomes)):
        right = sum(o.right for o in part)
        print(f"{name}: speaker right {right}/{len(part)} = {right / len(part):.3f} ({len({o.site for o in part})} sites)")
    if args.verbose:
        for o in outcomes:
            if not o.right:
                print(f"  {o.stem} {o.site}: {o.start!r}: expected {o.expected!r}, found {o.found!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
