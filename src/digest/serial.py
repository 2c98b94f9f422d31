"""Records to bytes and back, for the record cache.

Pickle, because it rebuilds a record in C at a fraction of the cost of walking its type hints from
JSON (a rebuild reads every record of the archive from the cache). But restricted: the only names a
row may refer to are the record classes themselves, each rebuilt by calling it with its fields, so a
damaged or foreign cache file can at worst be refused, never made to run code.
"""
from __future__ import annotations

import dataclasses
import io
import operator
import pickle
import typing
from functools import cache
from typing import Any, Callable

from digest.records import Parsed


def _nested(tp: Any) -> set[type]:
    """The dataclasses a type hint can hold: X, X | None, tuple[X, ...]."""
    if dataclasses.is_dataclass(tp):
        return {tp}
    return {cls for arg in typing.get_args(tp) for cls in _nested(arg)}


@cache
def record_classes(root: type = Parsed) -> dict[tuple[str, str], type]:
    """(module, name) -> class, for the root record and every record class its fields can hold."""
    found: dict[tuple[str, str], type] = {}
    todo = [root]
    while todo:
        cls = todo.pop()
        if (cls.__module__, cls.__qualname__) not in found:
            found[(cls.__module__, cls.__qualname__)] = cls
            todo += [inner for hint in typing.get_type_hints(cls).values() for inner in _nested(hint)]
    return found


@cache
def fields_of(cls: type) -> Callable[[Any], tuple]:
    """A dataclass instance -> its field values, as one C call (attrgetter) where it can be."""
    names = [f.name for f in dataclasses.fields(cls)]
    return operator.attrgetter(*names) if len(names) > 1 else lambda obj: tuple(getattr(obj, n) for n in names)


class _ByFields(dict):
    """type -> how pickle stores it: a dataclass as a call of its class with its fields (so loading
    runs the class's own constructor), every other type as pickle would."""

    def __missing__(self, cls: type) -> Any:
        if not dataclasses.is_dataclass(cls):
            raise KeyError(cls)
        fields = fields_of(cls)
        reduce = self[cls] = lambda obj: (cls, fields(obj))
        return reduce


_BY_FIELDS = _ByFields()


def _pickle(value: Any, memo: bool) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _BY_FIELDS
    pickler.fast = not memo
    pickler.dump(value)
    return out.getvalue()


def to_bytes(parsed: Parsed) -> bytes:
    return _pickle(parsed, memo=True)


def value_bytes(value: Any) -> bytes:
    """Bytes that follow a value of records, strings, numbers and tuples, and nothing else: unlike
    a memoising pickle's they do not depend on which equal objects happen to be one object (a
    freshly parsed record shares strings that one read from the cache does not). The value must
    hold no cycle, as frozen records cannot."""
    return _pickle(value, memo=False)


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        try:
            return record_classes()[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not a record class") from None


def from_bytes(data: bytes) -> Parsed:
    """Raises ValueError for anything that is not a stored record."""
    try:
        parsed = _RecordUnpickler(io.BytesIO(data)).load()
    except Exception as error:  # pickle's own errors for malformed input are many and undocumented
        raise ValueError(f"not a stored record: {error}") from error
    if not isinstance(parsed, Parsed):
        raise ValueError(f"not a stored record: {type(parsed).__name__}")
    return parsed
