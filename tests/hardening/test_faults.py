"""Faults: a killed build, a full disk or an unwritable folder leave the previous site whole."""
from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from benchmarks.synth import generate
from digest.build import BuildOptions, build
from digest.cli import main
from digest.errors import OutputError
from digest.output import staging as write
from tests.hardening.conftest import article, tree, write_site


def settled(condition, seconds: float = 30) -> bool:
    """The previous site is deleted by a process of its own after the build; wait for it to finish."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.glob(f".{output.name}.*"))


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A site built once: (site folder, its output's files)."""
    site = write_site(tmp_path / "site", {f"d{i}.txt": article(f"Floods close road {i}", extra=f"Road {i}.")
                                          for i in range(4)})
    build(BuildOptions(site_dir=site))
    return site, tree(site / "build")


def restore(output: Path, files: dict[str, bytes]) -> None:
    key = files[write.MARKER].decode().split("build ", 1)[1].strip()  # the build the files came from
    write.write_site(output, {k: v for k, v in files.items() if k != write.MARKER}, build_key=key)


def test_a_build_killed_at_random_moments_leaves_a_whole_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    generate(site / "content", 30, seed=11)
    command = [sys.executable, "-m", "digest", "build", "-q", str(site)]
    started = time.monotonic()
    assert subprocess.run(command, capture_output=True).returncode == 0
    duration = time.monotonic() - started
    before = tree(site / "build")
    generate(site / "content" / "more", 30, seed=12)  # the next build writes a different site
    build(BuildOptions(site_dir=site, output=tmp_path / "expected"))
    after = tree(tmp_path / "expected")
    rng = random.Random(5)
    for _ in range(8):
        process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration * 1.2))
        os.killpg(process.pid, signal.SIGKILL)  # the whole job, Pagefind too
        process.wait()
        assert tree(site / "build") in (before, after)
        restore(site / "build", before)  # so that every kill interrupts the same change
    assert subprocess.run(command, capture_output=True).returncode == 0
    assert tree(site / "build") == after
    assert settled(lambda: leftovers(site / "build") == [])


def fill_disk_under(folder: Path, monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    """Writes under `folder` fail with ENOSPC after `after` of them; elsewhere (the search index's
    scratch copy in /tmp) they succeed, so the failure strikes where the site is written."""
    real_write, written = Path.write_bytes, []

    def write_bytes(self: Path, data: bytes) -> int:
        if self.resolve().is_relative_to(folder.resolve()):
            if len(written) >= after:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
            written.append(self)
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)


def test_a_full_disk_is_one_clear_error_and_the_previous_site_stays(built, monkeypatch, capsys) -> None:
    site, before = built
    write_site(site, {"new.txt": article("A new story arrives", extra="New.")})
    fill_disk_under(site, monkeypatch, after=5)
    assert main(["build", str(site)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "No space left on device" in error and "previous site is untouched" in error
    assert str((site / "build").resolve()) in error
    assert tree(site / "build") == before
    assert leftovers(site / "build") == []


def test_a_read_only_output_parent_is_one_clear_error(built, monkeypatch) -> None:
    site, before = built

    real_mkdtemp = tempfile.mkdtemp

    def read_only(*args, **kwargs):
        if kwargs.get("dir") == site.resolve():  # the staging folder beside the output
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(kwargs["dir"]))
        return real_mkdtemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    write_site(site, {"new.txt": article("A new story arrives", extra="New.")})  # so the build has to write
    with pytest.raises(OutputError, match="Read-only file system.*previous site is untouched"):
        build(BuildOptions(site_dir=site))
    assert tree(site / "build") == before


def test_an_output_inside_a_file_is_one_clear_error(tmp_path: Path, built) -> None:
    site, _ = built
    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(OutputError, match="cannot write the site .*plain-file is a file, not a folder"):
        build(BuildOptions(site_dir=site, output=tmp_path / "plain-file" / "out"))


@pytest.mark.parametrize("clean", [False, True])
def test_the_site_is_swapped_in_one_step(built, monkeypatch, clean: bool) -> None:
    """There is no moment without a site at the output: the swap is one exchange of folders, for a
    build from scratch (--clean) too."""
    site, before = built
    write_site(site, {"new.txt": article("A new story arrives", extra="New.")})
    seen = []
    real = write.exchange

    def watch(a: Path, b: Path) -> bool:
        seen.append(tree(b) == before)
        done = real(a, b)
        seen.append((b / "stories").is_dir() and len(list((b / "stories").iterdir())) == 5)
        return done

    monkeypatch.setattr(write, "exchange", watch)
    build(BuildOptions(site_dir=site, clean=clean))
    assert seen == [True, True]


def test_where_folders_cannot_be_exchanged_a_kill_between_renames_is_repaired(built, monkeypatch) -> None:
    """Two renames leave a moment without output; the next build puts the previous site back before
    anything else, so even a failing next build leaves it in place."""
    site, before = built
    output = (site / "build").resolve()
    output.rename(output.parent / f".{output.name}.x1y2.old-digest")  # as a kill between the renames leaves it
    monkeypatch.setattr(write, "exchange", lambda a, b: False)
    fill_disk_under(site, monkeypatch, after=0)
    with pytest.raises(OutputError):
        build(BuildOptions(site_dir=site))
    assert tree(output) == before
    assert leftovers(output) == []
