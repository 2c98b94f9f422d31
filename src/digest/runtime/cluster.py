"""Work on a Dask cluster, whose workers may be other machines: what they share is sent to each
once, and each prepares it once (compiling templates, say), not once a task.

Module state lives here and only here: a worker keeps the job it prepared in `_prepared`.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

J = TypeVar("J")
P = TypeVar("P")
I = TypeVar("I")  # noqa: E741
R = TypeVar("R")

CLUSTER_CHUNK = 100  # items a task works out: enough to outweigh the task's own cost

_prepared: tuple[Any, Any] | None = None  # on a worker: (the job, what prepare made of it)


def cluster_map(cluster: Any, job: J, prepare: Callable[[J], P], fn: Callable[[P, I], R],
                items: Sequence[I]) -> Iterator[R]:
    """fn(prepare(job), item) for each item, in order, on the cluster of a Dask client. `prepare`
    and `fn` must be importable functions; `job` is sent to every worker once."""
    shared = cluster.scatter(job, broadcast=True, hash=False)  # no key from the whole job's contents
    name = getattr(fn, "__name__", "task")  # the dashboard names a task by its key: by what it does
    tasks = [cluster.submit(_run_remote, shared, prepare, fn, list(items[i : i + CLUSTER_CHUNK]), pure=False,
                            key=f"{name}-{uuid.uuid4().hex}") for i in range(0, len(items), CLUSTER_CHUNK)]
    for task in tasks:
        yield from task.result()


def _run_remote(job: Any, prepare: Callable[[Any], Any], fn: Callable[[Any, Any], Any], items: list[Any]) -> list[Any]:
    global _prepared
    if _prepared is None or _prepared[0] is not job:
        _prepared = (job, prepare(job))
    return [fn(_prepared[1], item) for item in items]
