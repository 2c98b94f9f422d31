"""The record cache: parsed dumps kept in SQLite between builds.

Keyed by the dump's bytes and the loader's own version (a hash of its code and patterns), so an
edited dump or a changed loader is parsed again. A cache that cannot be read is discarded and
rebuilt, never trusted.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import cache
from importlib import resources
from pathlib import Path

from digest.records import StoryRecord
from digest.serial import from_data, to_data

SCHEMA = 1


@cache
def loader_version() -> str:
    """A hash of every file of the loader package: any change to its code or data changes it."""
    digest = hashlib.sha256(f"schema {SCHEMA}".encode())
    root = resources.files("digest.loader")
    for name in sorted(entry.name for entry in root.iterdir() if entry.name.endswith((".py", ".yaml"))):
        digest.update(name.encode() + b"\0" + root.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def record_key(path: str, data: bytes) -> str:
    """The path is part of the key: a record carries its path, so two files with one text differ."""
    return hashlib.sha256(loader_version().encode() + b"\0" + path.encode() + b"\0" + data).hexdigest()


class RecordCache:
    def __init__(self, file: Path) -> None:
        self.file = file
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.file)
            if db.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise sqlite3.DatabaseError("integrity check failed")
            db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
            return db
        except sqlite3.DatabaseError:
            self.file.unlink(missing_ok=True)  # ours, damaged (e.g. a killed build): start afresh
            db = sqlite3.connect(self.file)
            db.execute("CREATE TABLE records (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
            return db

    def get_many(self, keys: list[str]) -> dict[str, StoryRecord]:
        found: dict[str, StoryRecord] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, data in self.db.execute(f"SELECT key, data FROM records WHERE key IN ({marks})", chunk):
                try:
                    found[key] = from_data(StoryRecord, json.loads(data))
                except (ValueError, TypeError, KeyError):
                    continue  # written by another version: parse the dump again
        return found

    def put_many(self, items: dict[str, StoryRecord], keep: set[str]) -> None:
        """Store new records and forget those no dump needs any more, in one transaction."""
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)",
                                [(k, json.dumps(to_data(r), ensure_ascii=False)) for k, r in sorted(items.items())])
            stale = [k for (k,) in self.db.execute("SELECT key FROM records") if k not in keep]
            self.db.executemany("DELETE FROM records WHERE key = ?", [(k,) for k in stale])

    def close(self) -> None:
        self.db.close()
