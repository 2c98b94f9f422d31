"""Pausing Python's cyclic garbage collector around work that makes many objects and no cycles."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(keep: bool = False) -> Iterator[None]:
    """Records, stories and their parts hold no reference cycles: the collector would walk hundreds
    of thousands of them again and again for nothing. With `keep`, what was made lives on (the
    build unfreezes it when it ends), so it is frozen out of the collector's sight before it runs
    again; else its first pass would walk all of it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if was_enabled:
            gc.enable()
