"""Determinism: the same dumps give a byte-identical site whatever order the files were created in,
whatever PYTHONHASHSEED, locale or time zone the build runs under."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.synth import generate
from tests.hardening.conftest import article, tree, write_site

ODD = {"café ünï.txt": article("Café owners count the cost", extra="Cafés shut."),
       "Zebra.txt": article("Zebra crossing repainted", extra="Paint dries."),
       "apple.txt": article("Apple harvest begins", extra="Pickers arrive."),
       "about.md": "---\ntitle: About\n---\nWe gather **valley** news.\n"}


def make_content(site: Path, reverse: bool) -> None:
    """The same files, created in the opposite order: directory listings come back in another order."""
    scratch = site.parent / f"{site.name}-scratch"
    generate(scratch, 25, seed=4)
    files = {p.name: p.read_bytes() for p in sorted(scratch.iterdir())} | ODD
    shutil.rmtree(scratch)
    names = sorted(files, reverse=reverse)
    write_site(site, {name: files[name] for name in names})


def build_with(site: Path, output: Path, **env: str) -> dict[str, bytes]:
    result = subprocess.run([sys.executable, "-m", "digest", "build", "-q", str(site), "--output", str(output)],
                            env={**os.environ, **env}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return tree(output)


def test_file_order_hash_seed_locale_and_time_zone_do_not_change_a_byte(tmp_path: Path) -> None:
    site = tmp_path / "site"
    make_content(site, reverse=False)
    first = build_with(site, tmp_path / "a", PYTHONHASHSEED="1", LC_ALL="C", TZ="UTC")
    shutil.rmtree(site / "content")
    make_content(site, reverse=True)
    second = build_with(site, tmp_path / "b", PYTHONHASHSEED="2", LC_ALL="C.UTF-8", TZ="Pacific/Kiritimati")
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
