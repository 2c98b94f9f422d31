"""The evaluation gate: the loader's scores on the real-page corpus and the seeds never drop below
the floors in floors.yaml (the scorer is ../shared/score_loader.py, run on `digest inspect --json`)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

FLOORS = yaml.safe_load((Path(__file__).with_name("floors.yaml")).read_text(encoding="utf-8"))
TRUTH = {"corpus": Path("corpus") / "truth.yaml", "seeds": Path("seeds") / "truth.yaml"}


def score(shared: Path, truth: Path) -> tuple[dict[str, float], str]:
    run = subprocess.run(
        [sys.executable, str(shared / "score_loader.py"), str(shared / truth), "-v",
         "--command", f"{sys.executable} -m digest inspect --json"],
        capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    scores: dict[str, float] = {}
    for line in run.stdout.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[1].isdigit():
            scores[parts[0]] = float(parts[3])
        elif len(parts) == 2 and parts[0] == "overall":
            scores["overall"] = float(parts[1])
    return scores, run.stdout


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_no_metric_drops_below_its_floor(shared: Path, name: str) -> None:
    scores, report = score(shared, TRUTH[name])
    floors = FLOORS[name]
    missing = sorted(set(scores) - set(floors))
    assert not missing, f"metrics without a floor in floors.yaml: {missing}"
    below = {m: (scores.get(m), floor) for m, floor in floors.items() if scores.get(m, 0.0) < floor}
    assert not below, f"{name}: below the floor (score, floor): {below}\n{report}"


ROWS = {"body F1": "body_f1", "headline exact": "headline_exact", "byline": "byline", "date": "date",
        "body_start": "body_start", "body_end": "body_end"}


def development_scores(root: Path) -> tuple[dict[str, dict[str, float]], str]:
    """score_pages.py's table on the development sites, by form then metric."""
    run = subprocess.run([sys.executable, str(root / "training" / "score_split.py"), "development", "--news-only"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    scores: dict[str, dict[str, float]] = {"w3m": {}, "lynx": {}, "scraper": {}}
    for line in run.stdout.splitlines():
        for row, key in ROWS.items():
            if line.startswith(row + " "):
                values = [float(v) for v in line[len(row):].replace("(", " ").replace(")", " ").split()[0::2]]
                for form, value in zip(("w3m", "lynx", "scraper"), values):
                    scores[form][key] = value
    return scores, run.stdout


def test_sites_never_trained_on_read_at_least_their_floors(shared: Path, root: Path) -> None:
    scores, report = development_scores(root)
    below = {(form, m): (scores[form].get(m), floor) for form, floors in FLOORS["development"].items()
             for m, floor in floors.items() if scores[form].get(m, 0.0) < floor}
    assert not below, f"development split below the floor (score, floor): {below}\n{report}"
