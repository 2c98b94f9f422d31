"""What open browser tabs need to know: which build they show, and what went wrong in it.

Shared by the rebuild thread (which publishes) and the request threads (which wait for a change).
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    version: str  # changes on every rebuild; a tab that saw another one reloads
    failed: bool  # the last build raised: the previous output is still served
    problems: tuple[str, ...]  # the build's error, or the dumps it skipped


class LiveState:
    def __init__(self) -> None:
        # the process id keeps versions apart across restarts, so a tab reconnecting to a new server reloads
        self._prefix = f"{os.getpid()}."
        self._count = 0
        self._snapshot = Snapshot(self._prefix + "0", False, ())
        self._changed = threading.Condition()
        self.closed = False

    @property
    def snapshot(self) -> Snapshot:
        with self._changed:
            return self._snapshot

    def publish(self, failed: bool, problems: tuple[str, ...]) -> Snapshot:
        with self._changed:
            self._count += 1
            self._snapshot = Snapshot(f"{self._prefix}{self._count}", failed, problems)
            self._changed.notify_all()
            return self._snapshot

    def wait_for_change(self, seen: str | None, timeout: float) -> Snapshot:
        """The current snapshot, as soon as it differs from `seen` or after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self._snapshot.version != seen or self.closed, timeout)
            return self._snapshot

    def close(self) -> None:
        """Release every waiting request so the server can stop at once."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()
