"""Records to JSON-ready data and back, driven by the dataclasses' own type hints.

Used by the record cache: a cached record is plain data, never code, so a damaged or foreign cache
file can at worst be refused, not executed.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_data(record: Any) -> Any:
    return dataclasses.asdict(record)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        element = typing.get_args(tp)[0]
        return tuple(_convert(element, v) for v in value)
    if dataclasses.is_dataclass(tp):
        return from_data(tp, value)
    return value


def from_data(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a (nested) frozen dataclass; a missing field takes its default, an unknown one fails."""
    hints = _hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{cls.__name__} has no fields {sorted(unknown)}")
    return cls(**{name: _convert(hints[name], value) for name, value in data.items()})
