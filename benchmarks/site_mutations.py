"""Mutated sites through the real `digest build` command, for the classes of harm that lie outside
any one dump (used by fuzz_build.py --mutated-sites N):

- concurrent builds: two `digest build` commands over one site at once (as `digest serve` beside a
  build); both must exit 0 and the site left must be the whole site of those inputs;
- forged cache rows: a row of the record cache replaced by one sealed with a plain hash (anyone can
  compute it) or by a malformed record sealed with the site's own secret (wrong types, impossible
  dates, a signature cut short, text far beyond its dump); the build must exit 0 and publish
  exactly what a clean build of the dumps publishes.

Each round first changes the site's dumps (adds, edits, deletes or corrupts one), so each build
has work and reads the cache; the expected site is a build of the same dumps into another folder.
"""
from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from synth import dump, generate

from digest.build import CACHE_DIR, BuildOptions, build
from digest.incremental.record_cache import RecordCache
from digest.records import Parsed
from digest.serial import to_bytes

FORGED = "FORGED-TEXT-FOUND-IN-NO-DUMP"


def _plain_seal(key: str, data: bytes) -> bytes:
    """The seal digest used before rows were keyed with the site's secret: public knowledge."""
    return hashlib.sha256(key.encode() + b"\0" + data).hexdigest()[:32].encode() + b" " + data


# Malformed records, sealed with the site's own secret (a leaked secret, or a bug of digest's own).
MALFORMED: dict[str, Callable[[Parsed], object]] = {
    "headline a number": lambda p: replace(p, record=replace(p.record, headline=5)),
    "body a string": lambda p: replace(p, record=replace(p.record, body=FORGED)),
    "body of numbers": lambda p: replace(p, record=replace(p.record, body=(1, 2))),
    "date no day": lambda p: replace(p, record=replace(p.record, date="2025-02-30")),
    "date not a date": lambda p: replace(p, record=replace(p.record, date=FORGED)),
    "dateline a string": lambda p: replace(p, record=replace(p.record, dateline=FORGED)),
    "kind unknown": lambda p: replace(p, record=replace(p.record, kind=FORGED)),
    "signature cut": lambda p: replace(p, features=replace(p.features, signature=b"\1\2\3")),
    "terms not pairs": lambda p: replace(p, features=replace(p.features, terms=((FORGED,),))),
    "text 100 KB x 100": lambda p: replace(p, record=replace(p.record, body=(FORGED + "x" * 100_000,) * 100)),
    "related of strings": lambda p: replace(p, record=replace(p.record, related=(FORGED,))),
    "a record, not Parsed": lambda p: p.record,
}


@dataclass
class Tally:
    rounds: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _command(site: Path) -> list[str]:
    return [sys.executable, "-m", "digest", "build", "-q", str(site)]


def change_dumps(rng: random.Random, content: Path, round_: int) -> None:
    """One change a round, so every build has work: add, edit, delete or corrupt a dump."""
    paths = sorted(content.glob("*.txt"))
    roll = rng.random()
    if roll < 0.4 or len(paths) < 6:
        (content / f"r{round_:05d}.txt").write_text(dump(rng, 100_000 + round_), encoding="utf-8")
    elif roll < 0.7:
        path = rng.choice(paths)
        path.write_text(path.read_text(encoding="utf-8", errors="replace") + f"\n\nUpdate {round_}: more rain.\n",
                        encoding="utf-8")
    elif roll < 0.9:
        rng.choice(paths).unlink()
    else:
        rng.choice(paths).write_bytes(rng.randbytes(rng.randint(0, 3000)))


def expected_site(site: Path, scratch: Path) -> dict[str, bytes]:
    """The same dumps built by this process into a folder of its own (incrementally: the test suite
    holds incremental builds byte-identical to clean ones)."""
    build(BuildOptions(site_dir=site, output=scratch / f"{site.name}-expected", workers=1))
    return tree(scratch / f"{site.name}-expected")


def concurrent_builds(rng: random.Random, site: Path, scratch: Path) -> list[str]:
    first = subprocess.Popen(_command(site), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(rng.uniform(0, 0.6))
    second = subprocess.Popen(_command(site), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    failures = []
    for name, process in (("first", first), ("second", second)):
        _, err = process.communicate(timeout=600)
        if process.returncode != 0:
            failures.append(f"{name} build exited {process.returncode}: {err.decode(errors='replace').strip()[:300]}")
    if tree(site / "build") != expected_site(site, scratch):
        failures.append("torn site: the output differs from a build of the same dumps")
    return failures


def forged_row(rng: random.Random, site: Path, scratch: Path) -> list[str]:
    cache = RecordCache(site / CACHE_DIR / "records.sqlite")
    try:
        rows = {key.decode() for (key,) in cache.db.execute("SELECT key FROM records")}
        if not rows:
            return []
        key = rng.choice(sorted(rows))
        parsed = cache.get_many([key]).get(key)
        if parsed is None:
            return []
        how = rng.choice(["plain seal", *MALFORMED])
        if how == "plain seal":
            data = to_bytes(replace(parsed, record=replace(parsed.record, body=(FORGED,) * 3)))
            with cache.db:
                cache.db.execute("UPDATE records SET data = ? WHERE key = ?", (_plain_seal(key, data), key))
        else:
            cache.put_pickled({key: to_bytes(MALFORMED[how](parsed))}, keep=set(rows))  # type: ignore[arg-type]
    finally:
        cache.close()
    done = subprocess.run(_command(site), capture_output=True)
    failures = []
    if done.returncode != 0:
        failures.append(f"forged row ({how}): build exited {done.returncode}: {done.stderr.decode(errors='replace')[:300]}")
    published = tree(site / "build")
    if any(FORGED.encode() in data for data in published.values()):
        failures.append(f"forged row ({how}): its text was published")
    if published != expected_site(site, scratch):
        failures.append(f"forged row ({how}): the output differs from a build of the same dumps")
    return failures


CLASSES: dict[str, Callable[[random.Random, Path, Path], list[str]]] = {
    "concurrent builds": concurrent_builds,
    "forged cache row": forged_row,
}


def fuzz_sites(rounds: int, seed: int, scratch: Path, dumps: int = 12, new_site_every: int = 50,
               report: Callable[[Tally], None] | None = None) -> Tally:
    """`rounds` mutated sites, each class in turn; a fresh site of `dumps` dumps every `new_site_every` rounds."""
    rng = random.Random(seed)
    tally = Tally()
    site = scratch
    for round_ in range(rounds):
        if round_ % new_site_every == 0:
            site = scratch / f"site-{round_:05d}"
            generate(site / "content", dumps, seed=seed + round_)
            build(BuildOptions(site_dir=site, workers=1))
        change_dumps(rng, site / "content", round_)
        name = sorted(CLASSES)[round_ % len(CLASSES)]
        tally.failures += [f"round {round_} ({site.name}): {failure}" for failure in CLASSES[name](rng, site, scratch)]
        tally.rounds += 1
        tally.by_class[name] = tally.by_class.get(name, 0) + 1
        if report and (round_ + 1) % 25 == 0:
            report(tally)
    return tally


def environment_for_children() -> None:
    """The builds started here import digest from where this process does."""
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[1] / "src"),
                                                             os.environ.get("PYTHONPATH", "")]))
