"""The benchmark runs end to end (a smoke run at 200 dumps): it is not timed here, only kept working."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGEST_ROWS = ("digest cold build", "digest rebuild, no change", "digest rebuild, 1 dump edited",
               "digest rebuild, 10 dumps added", "digest rebuild, 10 newer dumps added")


def test_the_benchmark_measures_every_step_at_a_small_size() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "build_bench.py"), "--sizes", "200"],
                         capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    for row in DIGEST_ROWS:
        found = re.search(rf"^  {re.escape(row)}\s+(\d+\.\d\d)\s+(\d+)$", run.stdout, re.M)
        assert found, f"no row {row!r} in:\n{run.stdout}"
        assert float(found.group(1)) > 0 and int(found.group(2)) > 0
