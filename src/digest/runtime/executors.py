"""Where parse and render work runs: in this process, a pool of processes, or a Dask cluster.

All three offer the concurrent.futures interface, so the pipeline does not care which it has.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from digest.errors import DigestError
from digest.runtime.forked import Forked

T = TypeVar("T")
R = TypeVar("R")

SERIAL_BELOW = 64  # fewer items than this: starting workers costs more than it saves


class SerialExecutor(Executor):
    """Runs each call at once, in this process (small sites, tests, debugging)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[override]
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(error)
        return future


@contextmanager
def cluster_client(scheduler: str | None) -> Iterator[Any]:
    """A client of the Dask scheduler at `scheduler` ("tcp://10.0.0.5:8786"), or None without one:
    the build parses and renders on that cluster."""
    if not scheduler:
        yield None
        return
    try:
        from distributed import Client
    except ImportError:
        raise DigestError("--scheduler needs Dask: pip install 'digest[dask]'") from None
    try:
        client = Client(scheduler, timeout="5s")  # an address that answers connects in well under a second
    except (OSError, TimeoutError) as error:
        raise DigestError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    try:
        yield client
    finally:
        client.close()


@contextmanager
def make_executor(workers: int | None = None, cluster: Any = None) -> Iterator[tuple[Executor, int]]:
    """(executor, how many tasks it runs at once): the cluster's (a client from cluster_client), or
    a pool of local processes (or none, for one worker)."""
    if cluster is not None:
        yield cluster.get_executor(), max(1, sum(cluster.nthreads().values()))
        return
    count = workers if workers is not None else os.cpu_count() or 1
    executor = SerialExecutor() if count <= 1 else ProcessPoolExecutor(max_workers=count)
    with executor:
        yield executor, count


def chunked(items: list[T], size: int) -> list[list[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def start_in_chunks(executor: Executor, fn: Callable[[list[T]], list[R]], items: list[T], workers: int,
                    forked: bool = True) -> Callable[[], list[R]]:
    """Start fn over items, in about four chunks a worker, and return what waits for the results, in
    input order: the caller does other work meanwhile. A few items are worked out by a forked copy
    of this process (see Forked; `forked` false: in this process, when asked), since starting workers
    costs more than it saves."""
    if len(items) < SERIAL_BELOW:
        return Forked(lambda: fn(items), enabled=forked).result
    size = max(1, len(items) // (workers * 4))
    futures = [executor.submit(fn, chunk) for chunk in chunked(items, size)]
    return lambda: [result for future in futures for result in future.result()]
