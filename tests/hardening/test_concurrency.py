"""Two builds at once (`digest serve` beside `digest build` is the everyday case): one waits for
the other, neither removes what the other is writing, and the site published is always whole."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import digest.build as make
from benchmarks.synth import generate
from digest.build import BuildOptions, build
from digest.errors import DigestError
from digest.output import staging as write
from tests.hardening.conftest import article, tree, write_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {f"d{i}.txt": article(f"Floods close road {i}", extra=f"Road {i}.")
                                          for i in range(4)})


def test_a_new_build_leaves_a_running_builds_staging_folder_alone(tmp_path: Path) -> None:
    output = tmp_path / "build"
    running = write.StagedSite(output)
    running.write("index.html", b"<p>half of a site</p>")
    write.StagedSite(output).discard()  # a second build starts and gives up
    assert (running.root / "index.html").read_bytes() == b"<p>half of a site</p>"
    running.commit("k")
    assert tree(output) == {"index.html": b"<p>half of a site</p>", write.MARKER: write.MARKER_TEXT + b"build k\n"}


def test_a_killed_builds_staging_folder_is_removed(tmp_path: Path) -> None:
    output = tmp_path / "build"
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                              "from digest.output.staging import StagedSite; s = StagedSite(Path(sys.argv[1])); "
                              "print(s.root, flush=True); time.sleep(60)", str(output)],
                             stdout=subprocess.PIPE, text=True)
    staging = Path(child.stdout.readline().strip())
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert staging.is_dir()
    write.StagedSite(output).discard()
    assert not staging.exists()


def paused_build(site: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Thread, threading.Event, threading.Event]:
    """A build in a thread, held while it renders: (thread, rendering, release)."""
    rendering, release = threading.Event(), threading.Event()
    real = make.make_site

    def held(*args, **kwargs):
        rendering.set()
        assert release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(make, "make_site", held)
    thread = threading.Thread(target=build, args=(BuildOptions(site_dir=site, workers=1),))
    thread.start()
    assert rendering.wait(60)
    return thread, rendering, release


def test_a_second_build_waits_for_the_first_and_says_so(site: Path, tmp_path: Path, monkeypatch) -> None:
    write_site(site, {"new.txt": article("A new story arrives", extra="New.")})
    build(BuildOptions(site_dir=site, workers=1, output=tmp_path / "expected"))
    thread, _, release = paused_build(site, monkeypatch)
    told: list[str] = []
    threading.Timer(1.0, release.set).start()
    second = build(BuildOptions(site_dir=site, workers=1, waiting=told.append))
    thread.join(60)
    assert len(told) == 1 and "waiting for another build" in told[0] and str((site / "build").resolve()) in told[0]
    assert second.stories == 5
    assert tree(site / "build") == tree(tmp_path / "expected")


def test_a_second_build_that_cannot_wait_refuses_with_a_clear_message(site: Path, monkeypatch) -> None:
    thread, _, release = paused_build(site, monkeypatch)
    try:
        with pytest.raises(DigestError, match=r"another build .* is writing .*build.*try again"):
            build(BuildOptions(site_dir=site, workers=1, wait=0.2))
    finally:
        release.set()
        thread.join(60)
    assert (site / "build" / "index.html").is_file()


def test_a_lock_left_by_a_killed_build_does_not_stop_the_next(site: Path) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                              "from digest.output.lock import output_lock; "
                              "lock = output_lock(Path(sys.argv[1]), 0); lock.__enter__(); "
                              "print('locked', flush=True); time.sleep(60)", str((site / "build").resolve())],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "locked\n"
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    write_site(site, {"new.txt": article("A new story arrives", extra="New.")})
    assert build(BuildOptions(site_dir=site, workers=1, wait=0)).stories == 5


@pytest.mark.parametrize("damage", ["delete a page", "delete a folder", "truncate a page"])
def test_output_files_changed_by_hand_are_noticed_by_a_no_change_build(site: Path, damage: str) -> None:
    build(BuildOptions(site_dir=site, workers=1))
    whole = tree(site / "build")
    story = sorted((site / "build" / "stories").iterdir())[0]
    if damage == "delete a page":
        (story / "index.html").unlink()
    elif damage == "delete a folder":
        for page in story.iterdir():
            page.unlink()
        story.rmdir()
    else:
        with open(site / "build" / "index.html", "r+b") as page:
            page.truncate(100)
    again = build(BuildOptions(site_dir=site, workers=1))
    assert again.rendered > 0
    assert tree(site / "build") == whole


def test_two_build_commands_at_once_publish_a_whole_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    generate(site / "content", 30, seed=11)
    build(BuildOptions(site_dir=site, output=tmp_path / "expected"))
    expected = tree(tmp_path / "expected")
    command = [sys.executable, "-m", "digest", "build", "-q", str(site)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for round in range(3):
        if round:
            (site / "build" / write.MARKER).write_text("build edited by hand\n")  # so both have work
        first = subprocess.Popen(command, stderr=subprocess.PIPE, env=env)
        second = subprocess.Popen(command, stderr=subprocess.PIPE, env=env)
        assert first.wait(120) == 0 and second.wait(120) == 0, (first.stderr.read(), second.stderr.read())
        first.stderr.close()
        second.stderr.close()
        assert tree(site / "build") == expected
