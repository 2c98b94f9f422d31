"""An interrupted record cache is detected and rebuilt, never trusted: whatever a kill or a cut file
leaves, every record the cache returns is the one stored under its key."""
from __future__ import annotations

import errno
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest.cli import main
from digest.incremental.record_cache import RecordCache, record_key
from digest.parse import parse_dump
from tests.hardening.conftest import article, tree, write_site

ROOT = Path(__file__).resolve().parents[2]
# A child that stores records in batches forever, so the test can kill it mid-transaction.
WRITER = """
import sys
from digest.incremental.record_cache import RecordCache
from tests.hardening.test_cache import records
cache, items = RecordCache(__import__("pathlib").Path(sys.argv[1])), records(200)
keys = sorted(items)
print("ready", flush=True)
for round in range(10**6):
    batch = {k: items[k] for k in keys[round % 150 : round % 150 + 50]}
    cache.put_many(batch, keep=set(keys))
"""


def records(count: int) -> dict[str, object]:
    found = {}
    for i in range(count):
        data = article(f"Floods close valley road {i}", extra=f"Road {i} is shut. " * (1 + i % 7)).encode()
        found[record_key(f"content/{i}.txt", data)] = parse_dump(f"content/{i}.txt", data)
    return found


@pytest.fixture(scope="module")
def stored() -> dict[str, object]:
    return records(200)


def filled(file: Path, items: dict[str, object]) -> None:
    cache = RecordCache(file)
    cache.put_many(items, keep=set(items))
    cache.close()


def trusted(file: Path, items: dict[str, object]) -> dict[str, object]:
    """What a new build would take from the cache; checks it holds no wrong record and still works."""
    cache = RecordCache(file)
    found = cache.get_many(sorted(items))
    assert all(found[key] == items[key] for key in found)
    cache.put_many(items, keep=set(items))  # and the rebuilt cache takes new records
    assert cache.get_many(sorted(items)) == items
    cache.close()
    return found


@pytest.mark.parametrize("cut", [0.0, 0.1, 0.5, 0.9, 0.999])
def test_a_cache_file_cut_short_is_discarded_or_still_right(tmp_path: Path, stored, cut: float) -> None:
    file = tmp_path / "records.sqlite"
    filled(file, stored)
    data = file.read_bytes()
    file.write_bytes(data[: int(len(data) * cut)])
    trusted(file, stored)


def test_a_cache_file_with_flipped_bytes_is_never_trusted_wrongly(tmp_path: Path, stored) -> None:
    file = tmp_path / "records.sqlite"
    rng = random.Random(3)
    for _ in range(20):
        filled(file, stored)
        data = bytearray(file.read_bytes())
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        file.write_bytes(bytes(data))
        trusted(file, stored)
        file.unlink()


def test_a_row_that_no_longer_parses_is_loaded_again(tmp_path: Path, stored) -> None:
    file = tmp_path / "records.sqlite"
    filled(file, stored)
    cache = RecordCache(file)
    broken = sorted(stored)[:3]
    with cache.db:
        cache.db.executemany("UPDATE records SET data = ? WHERE key = ?", [('{"path": 1', k) for k in broken])
    found = cache.get_many(sorted(stored))
    assert set(stored) - set(found) == set(broken)


def test_a_writer_killed_mid_transaction_leaves_a_cache_that_is_right_or_empty(tmp_path: Path, stored) -> None:
    file = tmp_path / "records.sqlite"
    rng = random.Random(8)
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    for _ in range(6):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(file)], stdout=subprocess.PIPE, env=env,
                                  start_new_session=True)
        assert writer.stdout.readline() == b"ready\n"
        time.sleep(rng.uniform(0.0, 0.3))
        os.killpg(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        assert len(trusted(file, stored)) > 0 or not file.exists()


def full_disk_under(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk of `folder` is full: SQLite may not grow a database there (SQLITE_FULL, as when
    its file cannot be extended), and no file or folder can be made or written there (ENOSPC)."""
    folder = folder.resolve()

    def inside(path: object) -> bool:
        return Path(os.fsdecode(path)).resolve().is_relative_to(folder)

    def full(path: object) -> OSError:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fsdecode(path))

    real_connect, real_open, real_write, real_mkdir = sqlite3.connect, os.open, Path.write_bytes, Path.mkdir

    def connect(path, *args, **kwargs):
        db = real_connect(path, *args, **kwargs)
        if inside(path):
            db.execute(f"PRAGMA max_page_count = {max(db.execute('PRAGMA page_count').fetchone()[0], 1)}")
        return db

    def open_(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and inside(path) and not os.path.exists(path):
            raise full(path)
        return real_open(path, flags, *args, **kwargs)

    def write_bytes(self: Path, data: bytes) -> int:
        if inside(self):
            raise full(self)
        return real_write(self, data)

    def mkdir(self: Path, *args, **kwargs) -> None:
        if inside(self) and not self.exists():
            raise full(self)
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    monkeypatch.setattr(Path, "mkdir", mkdir)


@pytest.mark.parametrize("cached", [True, False], ids=["with a cache", "first build"])
def test_a_full_disk_where_the_cache_lives_builds_without_it_and_keeps_the_cache_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], cached: bool) -> None:
    site = write_site(tmp_path / "site", {f"d{i}.txt": article(f"Floods close road {i}", extra=f"Road {i}.")
                                          for i in range(4)})
    if cached:
        assert main(["build", "-q", str(site)]) == 0
    cache_dir = site / ".digest-cache"
    before = tree(cache_dir) if cached else {}
    # a long new story: its record needs pages the full database cannot get
    write_site(site, {"new.txt": article("A new story arrives", extra="The flood is over. " * 2000)})
    capsys.readouterr()
    full_disk_under(cache_dir, monkeypatch)
    assert main(["build", "-q", str(site)]) == 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("warning: ") and "cache" in error, error
    assert len(list((site / "build" / "stories").iterdir())) == 5
    assert tree(cache_dir) == before  # the cache that was there is there still, whole
    monkeypatch.undo()
    assert main(["build", "-q", str(site)]) == 0 and capsys.readouterr().err == ""
    assert len(list((site / "build" / "stories").iterdir())) == 5
