"""Mutation fuzzing of the loader: every dump loads or is refused with a DumpError, each under 1 s.

    python benchmarks/fuzz_loader.py                  # 100,000 mutated dumps
    python benchmarks/fuzz_loader.py --count 2000     # a quick run

Seeds are the sample dumps, ../shared/corpus/dumps when present, and synthetic dumps; mutations flip,
insert and delete bytes, splice quote marks, datelines and section headers, repeat and stretch lines,
add NUL bytes and re-encode. Crashes and inputs slower than half the limit are saved under --crashes
for replay; the slowest inputs are listed. Time is the process's CPU time, so other work on the
machine does not count against the loader.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import generate  # noqa: E402

from digest.errors import DumpError
from digest.loader import load_dump

ROOT = Path(__file__).resolve().parents[1]
TOKENS = [b'"', "“".encode(), "”".encode(), b"\n\n", b"Related articles\n", b"Popular\n", b"Source: ", b"Photo: ",
          b"WASHINGTON (AP) \xe2\x80\x94 ", b"BAKU, Azerbaijan, April 23. ", b" said ", b", he said.", b"\x00",
          b"\xff\xfe", b"(", b")", b"By JOHN SMITH\n", b"Nov. 20, 2019 5:52 AM EST\n", b"\r", b"\t", b"<script>",
          b"</script>", b"<img src=x onerror=alert(1)>", b"{{ 7*7 }}", b"{% raw %}", b"javascript:alert(1)",
          b"../../etc/passwd", "\u202e".encode(), "\ufeff".encode(), b"\xed\xa0\x80", b"\xc3",
          "\ufffe".encode(), "\uffff".encode(), b"April 31, 2025 ", b"February 29, 2023\n", b"31/02/2025 14:32 GMT",
          b"BAKU, Azerbaijan, June 31. "]
# Mutations stack, so each is bounded: a dump stays the size of a real page (a few MB at most) and
# the figures measure the loader, not how fast Python copies gigabytes.
MAX_REPEATED_LINE = 4_000
MAX_DUMP = 2_000_000
LIMIT_SECONDS = 1.0  # per dump


def seeds(work: Path) -> list[bytes]:
    paths = sorted((ROOT / "content").glob("*.txt")) + sorted((ROOT.parent / "shared" / "corpus" / "dumps").glob("*.txt"))
    paths += generate(work, 30, seed=3)
    return [p.read_bytes() for p in paths]


def mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(8)
        at = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[at:at] = rng.choice(TOKENS)
        elif op == 2:
            del buf[at : at + rng.randint(1, 400)]
        elif op == 3:
            end = buf.find(b"\n", at)
            line = bytes(buf[at : end if end > 0 else len(buf)])[:MAX_REPEATED_LINE]
            buf[at:at] = line * rng.randint(2, 50)
        elif op == 4:
            buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        elif op == 5:
            buf[at:at] = b"x" * rng.randint(1000, 200_000)  # a very long line
        elif op == 6:
            buf = bytearray(buf.replace(b"\n", b" ", rng.randint(1, 50)))
        else:
            text = bytes(buf).decode("utf-8", errors="replace")
            buf = bytearray(text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-8-sig"]), errors="replace"))
        del buf[MAX_DUMP:]
    return bytes(buf)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    args = parser.parse_args()
    import tempfile

    rng = random.Random(args.seed)
    corpus = seeds(Path(tempfile.mkdtemp(prefix="digest-fuzz-")))
    crashes, refused, slowest = 0, 0, []
    started = time.perf_counter()
    for i in range(args.count):
        data = mutate(rng, rng.choice(corpus))
        t0 = time.process_time()
        try:
            load_dump(f"fuzz-{i}.txt", data)
        except DumpError:
            refused += 1
        except Exception:  # noqa: BLE001 - a crash is what the fuzzer looks for
            crashes += 1
            args.crashes.mkdir(exist_ok=True)
            (args.crashes / f"crash-{i}.txt").write_bytes(data)
            print(f"crash on input {i} ({len(data)} bytes):\n{traceback.format_exc(limit=4)}", file=sys.stderr)
        elapsed = time.process_time() - t0
        if elapsed >= LIMIT_SECONDS / 2:
            args.crashes.mkdir(exist_ok=True)
            (args.crashes / f"slow-{i}.txt").write_bytes(data)
        slowest = sorted(slowest + [(elapsed, i, len(data))], reverse=True)[:5]
        if (i + 1) % 10_000 == 0:
            print(f"{i + 1:,} dumps, {crashes} crashes, slowest {slowest[0][0]:.3f} s (input {slowest[0][1]})", flush=True)
    total = time.perf_counter() - started
    print(f"{args.count:,} mutated dumps in {total:.0f} s: {crashes} crashes, {refused:,} refused with a DumpError")
    for elapsed, i, size in slowest:
        print(f"  slow: input {i}, {size:,} bytes, {elapsed:.3f} s")
    sys.exit(1 if crashes or slowest[0][0] >= LIMIT_SECONDS else 0)


if __name__ == "__main__":
    main()
