"""A whole build over an archive with corrupt dumps: it reports exactly the corrupt ones, each once,
and builds every other.

    python benchmarks/fuzz_build.py                         # 10,000 dumps, 2% corrupt
    python benchmarks/fuzz_build.py --dumps 500 --seed 3
    python benchmarks/fuzz_build.py --mutated-sites 2000   # concurrent builds, forged cache rows

The archive is benchmarks/synth.py's realistic dumps; the corrupt ones are what scrapers and disks
leave: empty files, random bytes (an image saved as .txt), NUL-filled files (a crash before the
data reached the disk), gzip-compressed dumps, and pages of nothing but navigation. As many more are
odd but readable, and must be built: dates no calendar has, characters XML forbids, UTF-16 saved
without its byte order mark.
"""
from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import MONTHS, generate  # noqa: E402

from digest.build import CACHE_DIR, BuildOptions, BuildReport, build
from digest.incremental.record_cache import RecordCache, record_key

CORRUPTIONS = {
    "empty": lambda rng, data: b"",
    "binary": lambda rng, data: rng.randbytes(max(len(data), 2000)),
    "nul-filled": lambda rng, data: b"\x00" * len(data),
    "gzip": lambda rng, data: gzip.compress(data, mtime=0),
    "furniture": lambda rng, data: b"Home\nNews\nWorld\nSport\n\nSubscribe\nSign in\n\nMost read\n",
}

# Odd but readable, as pages and tools leave them: each must still become a story, and the feeds XML.
_MONTH_DAY = re.compile(rf"(?:{'|'.join(MONTHS)}) \d{{1,2}}\b".encode())
UNLUCKY = {
    "impossible-date": lambda rng, data: _MONTH_DAY.sub(rng.choice([b"April 31", b"February 30", b"June 31"]), data),
    "xml-forbidden": lambda rng, data: data.replace(b". ", b". \xef\xbf\xbe\xef\xbf\xbf", 3),  # U+FFFE, U+FFFF
    "utf16-no-bom": lambda rng, data: data.decode("utf-8").encode(rng.choice(["utf-16-le", "utf-16-be"])),
}


def corrupt_archive(content: Path, count: int, share: float, seed: int) -> set[str]:
    """Write `count` dumps into content/, `share` of them corrupt; returns the corrupt paths."""
    paths = generate(content, count, seed=seed)
    rng = random.Random(seed)
    chosen = sorted(rng.sample(paths, round(count * share)))
    kinds = sorted(CORRUPTIONS)
    for i, path in enumerate(chosen):
        path.write_bytes(CORRUPTIONS[kinds[i % len(kinds)]](rng, path.read_bytes()))
    odd = sorted(rng.sample(sorted(set(paths) - set(chosen)), round(count * share)))
    for i, path in enumerate(odd):
        path.write_bytes(list(UNLUCKY.values())[i % len(UNLUCKY)](rng, path.read_bytes()))
    return {str(p) for p in chosen}


@dataclass
class Outcome:
    report: BuildReport
    corrupt: set[str]
    loaded: set[str]
    story_pages: int
    seconds: float
    malformed_xml: list[str]  # feeds or the sitemap a reader would reject

    def failures(self, count: int) -> list[str]:
        reported = [p.path for p in self.report.problems]
        found = []
        if sorted(reported) != sorted(self.corrupt):
            found.append(f"reported {len(reported)} dumps, {len(set(reported) ^ self.corrupt)} of them wrongly "
                         f"(or missed); {len(reported) - len(set(reported))} reported twice")
        if self.loaded != {str(p) for p in self.all_paths} - self.corrupt:
            found.append(f"{count - len(self.corrupt) - len(self.loaded)} good dumps were not built")
        if self.report.dumps != count or self.story_pages != self.report.stories:
            found.append(f"{self.report.dumps} dumps seen, {self.story_pages} story pages for {self.report.stories} stories")
        if self.malformed_xml:
            found.append(f"{len(self.malformed_xml)} XML files not well-formed, e.g. {self.malformed_xml[0]}")
        return found

    @property
    def all_paths(self) -> list[Path]:
        return sorted((self.report.output.parent / "content").glob("*.txt"))


def build_archive(site: Path, count: int, share: float, seed: int) -> Outcome:
    corrupt = corrupt_archive(site / "content", count, share, seed)
    started = time.perf_counter()
    report = build(BuildOptions(site_dir=site))
    seconds = time.perf_counter() - started
    # the dumps that became records: what the build's record cache holds for their bytes
    paths = sorted((site / "content").glob("*.txt"))
    keys = {record_key(str(p.relative_to(site)), p.read_bytes()): str(p) for p in paths}  # named inside the site
    cache = RecordCache(site / CACHE_DIR / "records.sqlite")
    loaded = {keys[key] for key in cache.get_many(list(keys))}
    cache.close()
    pages = sum(1 for _ in (site / "build" / "stories").glob("*/index.html"))
    return Outcome(report, corrupt, loaded, pages, seconds, malformed_xml(site / "build"))


def malformed_xml(output: Path) -> list[str]:
    found = []
    for path in sorted(output.rglob("*.xml")):
        try:
            ET.fromstring(path.read_bytes())
        except ET.ParseError:
            found.append(str(path.relative_to(output)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dumps", type=int, default=10_000)
    parser.add_argument("--corrupt", type=float, default=0.02, help="share of corrupt dumps (default 0.02)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mutated-sites", type=int, default=0, metavar="N",
                        help="instead, N mutated sites through the site-level classes of site_mutations.py")
    args = parser.parse_args()
    if args.mutated_sites:
        sys.exit(run_mutated_sites(args.mutated_sites, args.seed))
    with tempfile.TemporaryDirectory(prefix="digest-fuzz-build-") as scratch:
        outcome = build_archive(Path(scratch), args.dumps, args.corrupt, args.seed)
        failures = outcome.failures(args.dumps)
        print(f"{args.dumps:,} dumps, {len(outcome.corrupt):,} corrupt: {len(outcome.report.problems):,} reported, "
              f"{len(outcome.loaded):,} built into {outcome.report.stories:,} stories "
              f"({outcome.story_pages:,} story pages) in {outcome.seconds:.0f} s")
        for failure in failures:
            print(f"  FAIL: {failure}")
        print("every corrupt dump reported once, every other built" if not failures else "")
    sys.exit(1 if failures else 0)


def run_mutated_sites(count: int, seed: int) -> int:
    """site_mutations.py's classes (two builds at once, forged cache rows): no crash, no torn site."""
    from site_mutations import environment_for_children, fuzz_sites

    environment_for_children()
    started = time.perf_counter()

    def report(tally) -> None:
        print(f"{tally.rounds:,} sites ({', '.join(f'{n:,} {c}' for c, n in sorted(tally.by_class.items()))}): "
              f"{len(tally.failures)} failures, {time.perf_counter() - started:.0f} s", flush=True)

    with tempfile.TemporaryDirectory(prefix="digest-fuzz-sites-") as scratch:
        tally = fuzz_sites(count, seed, Path(scratch), report=report)
    report(tally)
    for failure in tally.failures:
        print(f"  FAIL: {failure}")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    main()
