"""A rebuild reads only the dumps whose stat changed, and is never fooled into an old record."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.synth import generate
from digest import inputs
from digest.build import BuildOptions, build
from tests.conftest import tree


@pytest.fixture
def site(tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(inputs, "RACY_NS", 0)  # files written a moment ago are stamped too
    site = tmp_path / "site"
    shutil.copytree(root / "content", site / "content")
    shutil.copy(root / "digest.yaml", site / "digest.yaml")
    generate(site / "content" / "synth", 12, seed=5)
    return site


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The dumps a build reads to learn their digest."""
    seen: list[str] = []
    real = inputs.file_digest

    def counting(path: str) -> tuple[int, str]:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(inputs, "file_digest", counting)
    return seen


def test_a_rebuild_reads_only_the_edited_dump_and_builds_what_a_clean_build_does(site: Path, tmp_path: Path,
                                                                                 hashed: list[str]) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    assert len(hashed) == 14  # the two sample dumps and twelve more: every one, the first time
    hashed.clear()
    edited = sorted((site / "content" / "synth").glob("*.txt"))[3]
    edited.write_text(edited.read_text(encoding="utf-8").replace(" said", " stated", 1), encoding="utf-8")
    build(BuildOptions(site_dir=site, workers=1))
    assert hashed == [str(edited)]
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")


def test_an_edit_of_the_same_size_with_its_old_times_put_back_is_still_seen(site: Path, tmp_path: Path) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    edited = sorted((site / "content" / "synth").glob("*.txt"))[5]
    before = edited.stat()
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace(" said", " sayd", 1), encoding="utf-8")  # the same size as before
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))  # a copy tool keeping times does this
    assert edited.stat().st_size == before.st_size and edited.stat().st_mtime_ns == before.st_mtime_ns
    build(BuildOptions(site_dir=site, workers=1))
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")
    assert any(b" sayd" in data for data in tree(site / "build").values())


def test_stamps_not_sealed_by_this_site_are_not_trusted(site: Path, tmp_path: Path, hashed: list[str]) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    stamps = site / ".digest-cache" / "stamps.json"
    seal, _, body = stamps.read_bytes().partition(b"\n")
    stamps.write_bytes(b"0" * len(seal) + b"\n" + body)  # a copy from elsewhere, or tampered with
    hashed.clear()
    build(BuildOptions(site_dir=site, workers=1))
    assert len(hashed) == 14


def test_a_dump_gone_before_it_is_parsed_is_named_and_the_others_are_read(tmp_path: Path) -> None:
    """A dump deleted between the scan and its parsing: a clear error naming it, not a failed build."""
    from digest.parse import parse_dumps
    from digest.runtime.executors import SerialExecutor

    paths = generate(tmp_path / "content", 3, seed=8)
    found, _, _ = inputs.scan_dumps(tmp_path / "content", {})
    paths[1].unlink()
    loaded = parse_dumps(found, None, SerialExecutor(), 1)
    assert len(loaded.records) == 2
    assert [(p.path, p.reason) for p in loaded.problems] == [(str(paths[1]), "cannot be read: No such file or directory")]
