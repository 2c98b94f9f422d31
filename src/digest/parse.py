"""Dumps to records for a build: cached records where the dump and the parser are unchanged, the
rest parsed across every core (or a Dask cluster), in input order whichever way they come. Each
record comes with its features (digest.corpus.features), computed by the same worker.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest.corpus.features import features_of
from digest.errors import DumpError
from digest.incremental.record_cache import RecordCache, record_key_of
from digest.inputs import DumpFile, read_dump
from digest.records import Parsed
from digest.runtime.executors import make_executor, start_in_chunks
from digest.serial import from_bytes, to_bytes

Progress = Callable[[str, int, int], None]
# A worker's answer for one dump: the record as the cache stores it (digest.serial.to_bytes: the
# worker pickles it once, for the trip back and for the cache), or the parts of a DumpError
# (exceptions with custom arguments do not survive pickling between processes).
Outcome = bytes | tuple[str, str, int | None]


def parse_dump(path: str, data: bytes) -> Parsed:
    """One dump's record and its features; raises DumpError."""
    from digest.loader import (
        load_dump,  # here: a process that parses nothing need not import the loader
    )
    record = load_dump(path, data)
    return Parsed(record, features_of(record))


# A dump to parse: its name in the site, its file, and its bytes where the build read them already
# (for a Dask cluster, whose workers may be other machines); else the worker reads the file, so the
# build never holds the bytes of every new dump at once.
Job = tuple[str, str, bytes | None]


def parse_chunk(jobs: list[Job]) -> list[tuple[Outcome, str | None]]:
    """Each dump's outcome, with the sha256 of the bytes parsed (None if they could not be read)."""
    outcomes: list[tuple[Outcome, str | None]] = []
    for path, file, data in jobs:
        try:
            if data is None:
                with open(file, "rb") as dump:
                    data = dump.read()
        except OSError as error:  # gone or locked since the build scanned it
            outcomes.append(((path, f"cannot be read: {error.strerror or error}", None), None))
            continue
        digest = hashlib.sha256(data).hexdigest()
        try:
            outcomes.append((to_bytes(parse_dump(path, data)), digest))
        except DumpError as error:
            outcomes.append(((error.path, error.reason, error.line), digest))
    return outcomes


@dataclass(frozen=True)
class Loaded:
    records: list[Parsed]  # in input order, the dumps that are none left out
    problems: list[DumpError]  # the dumps that are none
    warnings: list[str]  # the record cache could not be used (the records are right all the same)
    by_key: dict[str, Parsed]  # every record by its key: what a process that builds again keeps (`recent`)


def parse_dumps(dumps: list[DumpFile], cache_file: Path | None, executor: Executor, workers: int,
                progress: Progress | None = None, recent: Mapping[str, Parsed] | None = None,
                send_bytes: bool = False) -> Loaded:
    """The records of `dumps`: those in `recent` (the last build's in this process, by key: reading
    ten thousand back from SQLite would be a good part of `digest serve`'s wait), then those in the
    cache, then the rest read and parsed on the executor."""
    keys = [record_key_of(dump.path, dump.digest) for dump in dumps]
    cache = RecordCache(cache_file) if cache_file else None
    recent = recent or {}
    try:
        known = {key: recent[key] for key in keys if key in recent}
        stored = cache.stored([key for key in keys if key not in known]) if cache and len(known) < len(keys) else set()
        todo = [i for i, key in enumerate(keys) if key not in known and key not in stored]
        if progress:
            progress("reading dumps", len(dumps) - len(todo), len(dumps))
        # The new dumps are parsed elsewhere (workers, or a forked copy for a few) while this process
        # reads the stored records back: an edit's dump and the archive's records at once.
        jobs = [(dumps[i].path, dumps[i].file, _bytes(dumps[i]) if send_bytes else None) for i in todo]
        parsed = start_in_chunks(executor, parse_chunk, jobs, workers, forked=workers > 1)
        fresh_at = set(todo)
        if stored:
            sizes = {key: dump.size for dump, key in zip(dumps, keys) if key in stored}
            known |= cache.get_many(sorted(stored), sizes)  # type: ignore[union-attr]
        fresh = iter(parsed())
        damaged = [(dump.path, dump.file, None) for i, (dump, key) in enumerate(zip(dumps, keys))
                   if i not in fresh_at and key in stored and key not in known]
        again = iter(parse_chunk(damaged))  # rows that failed their check on reading: parsed here
        records, problems, new, rows = [], [], {}, {}
        for i, key in enumerate(keys):
            if key in known and i not in fresh_at:
                records.append(known[key])
                continue
            outcome, digest = next(fresh) if i in fresh_at else next(again)
            if digest is not None and digest != dumps[i].digest:  # changed since the scan: keyed by what was parsed
                key = keys[i] = record_key_of(dumps[i].path, digest)
            if isinstance(outcome, bytes):
                records.append(new.setdefault(key, from_bytes(outcome)))
                rows[key] = outcome
            else:
                problems.append(DumpError(*outcome))
        if cache:
            cache.put_pickled(rows, keep=set(keys))
    finally:
        if cache:
            cache.close()
    warnings = []
    if cache and cache.unavailable:
        warnings.append(f"{cache_file}: the record cache cannot be used ({cache.unavailable}); "
                        "the site was built without it and the cache was left as it was")
    if progress:
        progress("reading dumps", len(dumps), len(dumps))
    return Loaded(records, problems, warnings, {**{key: known[key] for key in keys if key in known}, **new})


def _bytes(dump: DumpFile) -> bytes | None:
    """A dump's bytes for a worker that cannot read this machine's files; None if they cannot be read
    (the worker then says so, naming the dump)."""
    try:
        return read_dump(dump)
    except OSError:
        return None


def load_records(dumps: list[DumpFile], cache_file: Path, clean: bool, workers: int | None, cluster: Any = None,
                 progress: Progress | None = None, recent: Mapping[str, Parsed] | None = None) -> Loaded:
    """The load step: parsed records from the cache where the dump and the parser are unchanged, else
    parsed by workers (on a Dask cluster, given a client of one: digest.runtime.executors.cluster_client).
    `clean`: the cache is removed first and everything parsed again."""
    if clean:
        recent = None
        try:
            cache_file.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be removed cannot be used either: parse_dumps says so
    with make_executor(workers, cluster) as (executor, count):
        return parse_dumps(dumps, cache_file, executor, count, progress, recent, send_bytes=cluster is not None)
