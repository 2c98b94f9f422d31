"""The loader memoised for `digest serve`: a rebuild after one saved dump reloads only that dump.

Loading is a pure function of (path, bytes), so a hit is exactly what loading again would give.
Loading is nearly all of a build's time, so this is what keeps a rebuild short on a big corpus.
"""
from __future__ import annotations

import hashlib
import threading

from digest.errors import DumpError
from digest.loader import load_dump
from digest.records import StoryRecord


class RecordCache:
    def __init__(self) -> None:
        self._entries: dict[tuple[str, bytes], StoryRecord | DumpError] = {}
        self._used: set[tuple[str, bytes]] = set()
        self._lock = threading.Lock()

    def __call__(self, path: str, data: bytes) -> StoryRecord:
        key = (path, hashlib.blake2b(data, digest_size=16).digest())
        with self._lock:
            entry = self._entries.get(key)
        if entry is None:
            try:
                entry = load_dump(path, data)
            except DumpError as error:
                entry = error
            with self._lock:
                self._entries[key] = entry
        with self._lock:
            self._used.add(key)
        if isinstance(entry, DumpError):
            raise entry
        return entry

    def forget_unused(self) -> None:
        """After a build: drop dumps it did not read (deleted or changed), so memory stays bounded."""
        with self._lock:
            self._entries = {key: entry for key, entry in self._entries.items() if key in self._used}
            self._used = set()
