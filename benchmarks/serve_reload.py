"""How long `digest serve` takes from saving a dump to the page showing it.

Run: .venv/bin/python benchmarks/serve_reload.py [ROUNDS] [SITE]
Without SITE it makes a fresh site with `digest init`. Prints the median and worst latency from
writing a new dump until GET / holds its headline, which is what a reloaded tab would show.
"""
from __future__ import annotations

import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

DUMP = """Benchmark headline number {n} for the reload test

PRAIA, Cape Verde, May 2 (Reuters) - Keepers returned to the lighthouse on May 2, 2025, round {n} of the benchmark.
"""


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    work = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    site = Path(sys.argv[2]) if len(sys.argv) > 2 else work / "site"
    if len(sys.argv) <= 2:
        subprocess.run([sys.executable, "-m", "digest", "init", str(site), "-q"], check=True)
    log = work / "serve.out"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "digest", "serve", str(site), "--port", "0", "-q"], stdout=out,
                                  stderr=subprocess.DEVNULL)
    try:
        while not (found := re.search(r" at (http://\S+/) ", log.read_text())):
            time.sleep(0.05)
        url, times = found.group(1), []
        for n in range(rounds):
            (site / "content" / "zz-benchmark.txt").write_text(DUMP.format(n=n))
            started = time.monotonic()
            while f"number {n} for" not in urllib.request.urlopen(url).read().decode():
                time.sleep(0.01)
            times.append(time.monotonic() - started)
            time.sleep(0.3)
        dumps = len(list((site / "content").rglob("*.txt")))
        print(f"{dumps} dumps, {rounds} rounds: save -> page median {statistics.median(times):.2f} s, worst {max(times):.2f} s")
    finally:
        (site / "content" / "zz-benchmark.txt").unlink(missing_ok=True)
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
