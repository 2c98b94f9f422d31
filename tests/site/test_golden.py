"""The sample site's HTML, compared byte for byte with tests/golden/sample.

After an intended change to the output, run `pytest --update-golden` and review the diff.
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from digest.build import BuildOptions, build

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "sample"
GOLDEN_SUFFIXES = {".html", ".xml", ".json", ".txt"}  # everything digest writes itself
COPIED = {"static", "pagefind"}  # assets copied in and Pagefind's own bundle


def test_sample_site_matches_golden(root: Path, tmp_path: Path, update_golden: bool) -> None:
    out = tmp_path / "out"
    build(BuildOptions(site_dir=root, output=out))
    produced = {p.relative_to(out).as_posix(): p.read_text() for p in sorted(out.rglob("*"))
                if p.is_file() and p.suffix in GOLDEN_SUFFIXES and p.relative_to(out).parts[0] not in COPIED}
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in produced.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text() for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(produced) == sorted(expected), "pages added or removed; run pytest --update-golden and review"
    for name in expected:
        if produced[name] != expected[name]:
            diff = "".join(difflib.unified_diff(expected[name].splitlines(True), produced[name].splitlines(True), f"golden/{name}", f"built/{name}"))
            raise AssertionError(f"{name} differs from golden (pytest --update-golden to accept):\n{diff}")
