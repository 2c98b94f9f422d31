"""Score the loader on one part of the split of ../shared/pages, with ../shared/score_pages.py.

    .venv/bin/python training/score_split.py development --news-only
    .venv/bin/python training/score_split.py training --form w3m -v

Any option after the part goes to score_pages.py. The part's truth is written to a temporary
folder beside links to the dumps; nothing in ../shared is written.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main() -> None:
    part, options = sys.argv[1], sys.argv[2:]
    if part not in ("training", "development"):
        sys.exit("usage: score_split.py training|development [score_pages options]")
    dev = set(yaml.safe_load((ROOT / "training" / "split.yaml").read_text(encoding="utf-8"))["development"])
    truth = yaml.safe_load((SHARED / "pages" / "truth.yaml").read_text(encoding="utf-8"))
    chosen = [e for e in truth if (e["site"] in dev) == (part == "development")]
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp)
        (pages / "truth.yaml").write_text(yaml.safe_dump(chosen, allow_unicode=True), encoding="utf-8")
        (pages / "dumps").symlink_to(SHARED / "pages" / "dumps")
        command = f"{sys.executable} -m digest inspect --json"
        run = subprocess.run([sys.executable, str(SHARED / "score_pages.py"), str(pages), "--command", command, *options],
                             capture_output=True, text=True)
        print("\n".join(line for line in run.stdout.splitlines() if not line.startswith("  ran ")))
        if run.returncode:
            sys.exit(run.stderr)


if __name__ == "__main__":
    main()
