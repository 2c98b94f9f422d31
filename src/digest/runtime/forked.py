"""Work on forked copies of this process, which share its memory as it was at the fork: a whole
corpus or plan is read there, never pickled.

Module state lives here and only here: a forked pool's workers find what they share in `_SHARED`.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

T = TypeVar("T")
S = TypeVar("S")
I = TypeVar("I")  # noqa: E741
R = TypeVar("R")


class Forked(Generic[T]):
    """`fn()` worked out by a forked copy of this process while this one goes on with other work;
    `result()` waits for it. The copy shares this process's memory as it was at the fork, so `fn`
    may read a whole corpus or plan; its value comes back pickled, so it should be small beside
    that (keys of pages, not pages). Without fork, or with `enabled` false (one worker), or if the
    copy fails, this process works it out at `result()`, so an error is raised here as usual."""

    def __init__(self, fn: Callable[[], T], enabled: bool = True) -> None:
        self._fn = fn
        self._child: tuple[int, int] | None = None  # (process id, end of the pipe to read)
        if not (enabled and hasattr(os, "fork")):
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the copy: answer through the pipe, then leave without the parent's exit handlers
            os.close(read)
            code = 1
            try:
                data = pickle.dumps(fn(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self._child = (pid, read)

    def result(self) -> T:
        if self._child is None:
            return self._fn()
        pid, read = self._child
        self._child = None
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            return pickle.loads(data)
        return self._fn()


FORK_BELOW = 300  # fewer items than this are worked out here faster than workers can start
_SHARED: tuple[Callable[[Any, Any], Any], Any] | None = None  # a forked pool's (fn, shared), for its workers


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(fn: Callable[[S, I], R], shared: S, items: Sequence[I], workers: int) -> Iterator[R]:
    """fn(shared, item) for each item, in order, on `workers` forked processes (here, for a few
    items or one worker). `shared` reaches the workers by the fork, not pickled; what fn returns
    comes back pickled, so it should be small beside `shared` (a page's HTML, not the plan)."""
    global _SHARED
    if workers <= 1 or len(items) < FORK_BELOW or not can_fork():
        yield from (fn(shared, item) for item in items)
        return
    _SHARED = (fn, shared)
    try:
        size = max(1, min(50, len(items) // (workers * 4)))
        chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for results in pool.map(_run_chunk, chunks):
                yield from results
    finally:
        _SHARED = None


def _run_chunk(items: list[Any]) -> list[Any]:
    fn, shared = _SHARED  # type: ignore[misc]
    return [fn(shared, item) for item in items]
