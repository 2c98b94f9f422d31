"""The shared scorer reads `digest inspect --json`: the seeds must score 1.000 on every metric."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_seeds_score_perfectly(shared: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(shared / "score_loader.py"), str(shared / "seeds" / "truth.yaml"), "-v",
         "--command", f"{sys.executable} -m digest inspect --json"],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    rows = [line.split() for line in run.stdout.splitlines()[1:] if line and not line.startswith((" ", "misses", "overall"))]
    scores = {row[0]: float(row[-1]) for row in rows if len(row) == 4}
    assert scores and all(score == 1.0 for score in scores.values()), run.stdout
