#!/usr/bin/env python3
"""How fast the loader alone reads dumps: bytes -> StoryRecord, on one core, no disk in the loop.

    .venv/bin/python benchmarks/loader_bench.py                 # the real-page corpus in ../shared
    .venv/bin/python benchmarks/loader_bench.py DIR --seconds 5 # any folder of *.txt dumps

Prints the start-up cost (a fresh process importing the loader and reading one dump: patterns, the
model and the name tables, what a one-dump rebuild pays), then dumps per second on corpus-sized pages
(the target is at least 1,000), on a first pass (every line new, as on a site never read) and on
repeated passes (short lines read before), then the time per megabyte of one dump made 1x, 8x and 64x
larger, which stays flat when the loader is linear.
Times are the process's CPU time, so other work on a busy machine does not count against it.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from digest.errors import DumpError
from digest.loader import load_dump

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dumps"


def load_all(dumps: list[tuple[str, bytes]]) -> None:
    for path, data in dumps:
        try:
            load_dump(path, data)
        except DumpError:
            pass


WARM_UP = ("warm.txt", b"A headline for the warm-up\n\n" + b"The loader reads this sentence to load its patterns and model. " * 20)


def first_pass(dumps: list[tuple[str, bytes]]) -> float:
    """Dumps a second over one pass of lines the loader has not seen: the figure for a new site."""
    load_all([WARM_UP])  # compiled patterns, the model, imports
    start = time.process_time()
    load_all(dumps)
    return len(dumps) / (time.process_time() - start)


def throughput(dumps: list[tuple[str, bytes]], seconds: float) -> float:
    """Dumps a second over repeated passes: short lines already read (a site's menus) cost less."""
    count, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        load_all(dumps)
        count += len(dumps)
    return count / (time.process_time() - start)


# A fresh interpreter: the import, then the first dump, timed in CPU seconds. The dump names people
# and places, so the name tables are read too, as on nearly every real page.
STARTUP = """
import sys, time
start = time.process_time()
from digest.loader import load_dump
imported = time.process_time()
path = sys.argv[1]
with open(path, "rb") as f:
    load_dump(path, f.read())
print(f"{imported - start:.3f} {time.process_time() - imported:.3f}")
"""


def startup(path: str) -> tuple[float, float]:
    """CPU seconds a fresh process spends importing the loader, then reading its first dump."""
    out = subprocess.run([sys.executable, "-c", STARTUP, path], capture_output=True, text=True, check=True).stdout
    imported, first = out.split()
    return float(imported), float(first)


def seconds_per_mb(data: bytes, factor: int) -> float:
    big = data * factor
    start = time.process_time()
    load_all([("big.txt", big)])
    return (time.process_time() - start) / (len(big) / 1e6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    dumps = [(str(p), p.read_bytes()) for p in sorted(args.folder.glob("*.txt"))]
    if not dumps:
        sys.exit(f"loader_bench: no *.txt dumps in {args.folder}")
    size = sum(len(d) for _, d in dumps) / len(dumps)
    imported, first = startup(dumps[0][0])
    print(f"start-up: import {imported:.2f} s, first dump {first:.2f} s (CPU, fresh process)")
    cold = first_pass(dumps)
    rate = throughput(dumps, args.seconds)
    print(f"{len(dumps)} dumps, {size / 1000:.1f} kB on average: first pass {cold:,.0f} dumps/s, "
          f"{cold * size / 1e6:.1f} MB/s; again {rate:,.0f} dumps/s, {rate * size / 1e6:.1f} MB/s")
    largest = max(dumps, key=lambda d: len(d[1]))[1]
    for factor in (1, 8, 64):
        print(f"one dump x{factor:<3} ({len(largest) * factor / 1e6:6.2f} MB): {seconds_per_mb(largest, factor):.3f} s/MB")


if __name__ == "__main__":
    main()
