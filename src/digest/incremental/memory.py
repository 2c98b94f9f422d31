"""What a process that builds again and again (`digest serve`) keeps from one build for the next.

Held by the caller and handed to each build (BuildOptions.memory), not kept in a module: a build
without it reads everything from the disk, as a new process would.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from digest.incremental.manifest import WrittenManifest
from digest.records import Parsed


@dataclass
class BuildMemory:
    # the last build's records by key: a record's key is its dump's bytes and the parser's version,
    # so one kept here is the one the cache holds, without reading ten thousand back from SQLite
    records: dict[str, Parsed] = field(default_factory=dict)
    manifest: WrittenManifest | None = None  # the manifest the last build wrote
