"""The Nu HTML Checker (vnu) finds no error on any page of the sample site or the hand-made one."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from digest.build import BuildOptions, build
from tests.site.handmade import build_handmade
from tests.site.tools import VNU_JAR, java, require


def test_every_page_passes_the_nu_html_checker(root: Path, tmp_path: Path) -> None:
    require(VNU_JAR.is_file() and java() is not None, "vnu-jar (npm) and java")
    build(BuildOptions(site_dir=root, output=tmp_path / "sample"))
    build_handmade(tmp_path / "handmade" / "out")
    for folder in ("sample", "handmade/out"):
        shutil.rmtree(tmp_path / folder / "pagefind", ignore_errors=True)  # Pagefind's own files, not our pages
    pages = sorted(str(p) for p in tmp_path.rglob("*.html"))
    assert len(pages) > 40
    run = subprocess.run([java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or "{}").get("messages", [])
    errors = [f"{m.get('url', '?').rsplit(str(tmp_path), 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == [], "\n".join(errors)
    assert run.returncode == 0, run.stderr
