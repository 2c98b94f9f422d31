"""Records to bytes and back, for the record cache.

Pickle, because it rebuilds a record in C at a fraction of the cost of walking its type hints from
JSON (a rebuild reads every record of the archive from the cache). But restricted: the only names a
row may refer to are the record classes themselves, each rebuilt by calling it with its fields, so a
damaged or foreign cache file can at worst be refused, never made to run code.
"""
from __future__ import annotations

import dataclasses
import io
import pickle
import types
import typing
from functools import cache
from typing import Any

from digest.records import StoryRecord


def _nested(tp: Any) -> set[type]:
    """The dataclasses a type hint can hold: X, X | None, tuple[X, ...]."""
    if dataclasses.is_dataclass(tp):
        return {tp}
    return {cls for arg in typing.get_args(tp) for cls in _nested(arg)}


@cache
def record_classes(root: type = StoryRecord) -> dict[tuple[str, str], type]:
    """(module, name) -> class, for the root record and every record class its fields can hold."""
    found: dict[tuple[str, str], type] = {}
    todo = [root]
    while todo:
        cls = todo.pop()
        if (cls.__module__, cls.__qualname__) not in found:
            found[(cls.__module__, cls.__qualname__)] = cls
            todo += [inner for hint in typing.get_type_hints(cls).values() for inner in _nested(hint)]
    return found


def _by_fields(record: Any) -> tuple[type, tuple]:
    """Stored as a call of the class with its fields, so loading runs the class's own constructor."""
    return type(record), tuple(getattr(record, f.name) for f in dataclasses.fields(record))


@cache
def _dispatch() -> dict[type, Any]:
    return {cls: _by_fields for cls in record_classes().values()}


def to_bytes(record: StoryRecord) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch()
    pickler.dump(record)
    return out.getvalue()


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        try:
            return record_classes()[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not a record class") from None


def from_bytes(data: bytes) -> StoryRecord:
    """Raises ValueError for anything that is not a stored record."""
    try:
        record = _RecordUnpickler(io.BytesIO(data)).load()
    except Exception as error:  # pickle's own errors for malformed input are many and undocumented
        raise ValueError(f"not a stored record: {error}") from error
    if not isinstance(record, StoryRecord):
        raise ValueError(f"not a stored record: {type(record).__name__}")
    return record
