"""Watch a site's inputs with watchfiles and call back on every change.

Two watchers: one recursive over the input folders that exist, one on the site folder alone
(non-recursive) for digest.yaml and for input folders created or removed while serving; it
restarts the first when the set of folders changes. Watching the whole site folder recursively
would also watch its output and anything else kept there (a .venv, a .git).

`ready` is set once both watch: serve builds only after that, so no save falls in between.
watchfiles has no "watching now" signal, but with yield_on_timeout its first (empty) yield
comes after the watch is in place.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchfiles import DefaultFilter, watch

from digest.config import CONFIG_FILE, SiteConfig

RUST_TIMEOUT_MS = 200  # how soon a watch reports that it is in place (an empty yield)


class _Either:
    """Stops a watch when either event is set; watchfiles polls `is_set()`."""

    def __init__(self, *events: threading.Event) -> None:
        self.events = events

    def is_set(self) -> bool:
        return any(event.is_set() for event in self.events)


class SiteWatcher:
    def __init__(self, site_dir: Path, config: SiteConfig, output: Path, on_change: Callable[[list[str]], None]) -> None:
        self.site_dir = site_dir.resolve()
        self.folders = tuple(self.site_dir / name for name in (config.content_dir, config.templates_dir, config.static_dir))
        self.output = output.resolve()
        self.on_change = on_change
        self.stop = threading.Event()
        self._restart = threading.Event()
        self._ready = (threading.Event(), threading.Event())
        self._filter = DefaultFilter()
        self._threads = [threading.Thread(target=self._watch_folders, name="watch-folders", daemon=True),
                         threading.Thread(target=self._watch_site, name="watch-site", daemon=True)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        return all(event.wait(timeout) for event in self._ready)

    def close(self, timeout: float = 2.0) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join(timeout)

    def _wanted(self, change: object, path: str) -> bool:
        target = Path(path)
        return self._filter(change, path) and target != self.output and self.output not in target.parents

    def _watch_folders(self) -> None:
        while not self.stop.is_set():
            self._restart.clear()
            existing = [str(folder) for folder in self.folders if folder.is_dir()]
            if not existing:
                self._ready[0].set()
                self._restart.wait(0.5)
                continue
            for changes in watch(*existing, watch_filter=self._wanted, stop_event=_Either(self.stop, self._restart),
                                 raise_interrupt=False, rust_timeout=RUST_TIMEOUT_MS, yield_on_timeout=True):
                self._ready[0].set()
                if changes:
                    self.on_change(sorted(path for _, path in changes))

    def _watch_site(self) -> None:
        names = {CONFIG_FILE, *(folder.name for folder in self.folders)}
        top_level = lambda change, path: Path(path).parent == self.site_dir and Path(path).name in names  # noqa: E731
        for changes in watch(self.site_dir, watch_filter=top_level, recursive=False, stop_event=self.stop,
                             raise_interrupt=False, rust_timeout=RUST_TIMEOUT_MS, yield_on_timeout=True):
            self._ready[1].set()
            if not changes:
                continue
            paths = sorted(path for _, path in changes)
            if any(Path(path).name != CONFIG_FILE for path in paths):
                self._restart.set()  # an input folder appeared or went: watch the new set
            self.on_change(paths)
