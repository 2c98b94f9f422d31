"""What a record the loader could have made looks like, checked on each record read from the cache.

A cache row is only as trustworthy as the folder it lies in (a restored or shared CI cache, a copy
from another machine). Its seal says the site wrote it; this says it is a record at all: every
field of the type its class declares, dates that are days, kinds the loader uses, a signature of
the right length, and no more text than its dump could hold. A row that fails is parsed again,
never published and never crashed on later in the build.
"""
from __future__ import annotations

import dataclasses
import itertools
import operator
import re
import types
import typing
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from digest.records import Dateline, Features, Parsed, Quote, StoryRecord
from digest.serial import fields_of

# The loader's MAX_DUMP_BYTES (tests/hardening/test_forged_cache.py keeps the two equal): not
# imported, since that loads the whole loader, which a build reading only cached records never needs.
MAX_DUMP_BYTES = 32_000_000
# A record's text against its dump's bytes: quotes repeat the body and the features its lead, but
# real dumps stay under 2 characters a byte (1.7 at most on the shared corpora and synth's archive).
TEXT_PER_BYTE = 4
TEXT_ALLOWANCE = 16_384  # the path, warnings and the features' fixed parts of a tiny dump
SIGNATURE_BYTES = 32 * 4  # digest.corpus.near.NUM_PERM little-endian uint32s

ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d\Z", re.ASCII)
MONTH_DAY = re.compile(r"--\d\d-\d\d\Z", re.ASCII)  # a dateline's day without its year


class Invalid(Exception):
    pass


Check = Callable[[Any], int]  # a value's length of text; raises Invalid where it does not conform


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _story_day(value: str | None) -> bool:
    return value is None or (ISO_DAY.match(value) is not None and _is_day(value))


def _dateline_day(value: str | None) -> bool:
    return _story_day(value) or (MONTH_DAY.match(value) is not None and _is_day("2000" + value[1:]))


# Rules beyond types, by (class, field): values later stages read as dates, choices and arrays.
RULES: dict[tuple[type, str], Callable[[Any], bool]] = {
    (StoryRecord, "date"): _story_day,
    (StoryRecord, "kind"): lambda value: value in ("article", "other"),
    (Dateline, "date"): _dateline_day,
    (Quote, "kind"): lambda value: value in ("direct", "reported", "fragment"),
    (Features, "signature"): lambda value: len(value) == SIGNATURE_BYTES,
    (Features, "event_weights"): lambda value: len(value) % 4 == 0,
}


def conforms(parsed: object, dump_bytes: int | None = None) -> bool:
    """Whether `parsed` is a Parsed record of the declared types and rules, with no more text than
    a dump of `dump_bytes` (else of the largest dump the loader reads) could give."""
    try:
        text = _record_check(Parsed)(parsed)
    except Invalid:
        return False
    return text <= TEXT_PER_BYTE * min(dump_bytes if dump_bytes is not None else MAX_DUMP_BYTES, MAX_DUMP_BYTES) \
        + TEXT_ALLOWANCE


def _leaf(kind: type, measure: bool) -> Check:
    def check(value: Any) -> int:
        if type(value) is not kind:
            raise Invalid
        return len(value) if measure else 0
    return check


def _optional(inner: Check) -> Check:
    return lambda value: 0 if value is None else inner(value)


def _tuple_of(inner: Check, leaf: type | None) -> Check:
    """Of records, or of strings (the body's paragraphs, labels), whose types are checked in one C call."""
    def check(value: Any) -> int:
        if type(value) is not tuple:
            raise Invalid
        if leaf is None:
            return sum(map(inner, value))
        if not value:
            return 0
        if set(map(type, value)) != {leaf}:
            raise Invalid
        return sum(map(len, value)) if leaf is str else 0
    return check


def _pair(first: Check, second: Check) -> Check:
    def check(value: Any) -> int:
        if type(value) is not tuple or len(value) != 2:
            raise Invalid
        return first(value[0]) + second(value[1])
    return check


def _pairs_of(first: type, second: type) -> Check:
    """The features' terms, (word, count) dozens of times a record: checked flat, in C calls."""
    def check(value: Any) -> int:
        if type(value) is not tuple:
            raise Invalid
        if not value:
            return 0
        flat = tuple(itertools.chain.from_iterable(value)) if set(map(type, value)) == {tuple} else ()
        if tuple(map(type, flat)) != (first, second) * len(value) or set(map(len, value)) != {2}:
            raise Invalid
        return (sum(map(len, flat[::2])) if first is str else 0) + (sum(map(len, flat[1::2])) if second is str else 0)
    return check


LEAVES = (str, int)


@cache
def _check(hint: Any) -> Check:
    if hint in (str, bytes):
        return _leaf(hint, measure=True)
    if hint in (int, bool):
        return _leaf(hint, measure=False)
    if dataclasses.is_dataclass(hint):
        return _record_check(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return _optional(_check(next(arg for arg in args if arg is not type(None))))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        inner = typing.get_args(args[0])
        if typing.get_origin(args[0]) is tuple and len(inner) == 2 and all(arg in LEAVES for arg in inner):
            return _pairs_of(*inner)
        return _tuple_of(_check(args[0]), args[0] if args[0] in LEAVES else None)
    if origin is tuple and len(args) == 2:
        return _pair(_check(args[0]), _check(args[1]))
    raise TypeError(f"no check for {hint!r}: add one to digest.incremental.schema")


def _types(hint: Any) -> set[type]:
    """The types a field's value may have: X | None is two, tuple[...] is a tuple."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_types(arg) for arg in typing.get_args(hint)))
    return {origin or hint}


def _picker(indices: list[int]) -> Callable[[tuple], tuple]:
    if len(indices) == 1:
        return lambda items: (items[indices[0]],)
    return operator.itemgetter(*indices) if indices else lambda items: ()


@cache
def _record_check(cls: type) -> Check:
    """Every field's type at once (the tuple of their types is one of those allowed), then the text
    of its strings, then the records and tuples it holds: the cache holds tens of thousands of
    records, each of a dozen small records, so each is a few C calls."""
    hints = [typing.get_type_hints(cls)[field.name] for field in dataclasses.fields(cls)]
    allowed = set(itertools.product(*(sorted(_types(hint), key=id) for hint in hints)))
    texts = _picker([i for i, hint in enumerate(hints) if _types(hint) <= {str, bytes, type(None)}])
    inner = [(i, _check(hint)) for i, hint in enumerate(hints) if not _types(hint) <= {str, bytes, int, bool, type(None)}]
    rules = [(i, rule) for i, field in enumerate(dataclasses.fields(cls)) if (rule := RULES.get((cls, field.name)))]
    values = fields_of(cls)

    def check(value: Any) -> int:
        if type(value) is not cls:
            raise Invalid
        items = values(value)
        if tuple(map(type, items)) not in allowed:
            raise Invalid
        text = sum(map(len, filter(None, texts(items))))
        for i, check_inner in inner:
            text += check_inner(items[i])
        if not all(rule(items[i]) for i, rule in rules):  # after the types: the rules read them
            raise Invalid
        return text
    return check
