"""What the previous build into an output folder was made of, so the next one can skip work.

Light on purpose: a rebuild with nothing to do reads only this, the config and the inputs.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from digest.site.write import built_key


def digest_of(parts: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()



@dataclass(frozen=True)
class Manifest:
    """What the previous build into one output folder was made of."""

    inputs: str = ""  # the key of every input together
    pages: dict[str, str] = field(default_factory=dict)  # output file path -> the key it was made from
    search: dict[str, str] = field(default_factory=dict)  # search shard -> key of the pages it indexes
    report: dict[str, Any] = field(default_factory=dict)  # the build's counts and skipped dumps
    # page path -> (what its template looked up, as encoded lookups; their answers' combined digest)
    lookups: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)


def manifest_file(cache_dir: Path, output: Path) -> Path:
    return cache_dir / f"output-{hashlib.sha256(os.fsencode(output.resolve())).hexdigest()[:16]}.json"


def read_manifest(file: Path) -> Manifest:
    """The previous build's manifest, or an empty one when it is missing or unreadable (never trusted)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        table = data["lookup_table"]
        lookups = {page: (tuple(table[i] for i in used), str(answers)) for page, (used, answers) in data["lookups"].items()}
        return Manifest(str(data["inputs"]), dict(data["pages"]), dict(data["search"]), dict(data["report"]), lookups)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return Manifest()


def write_manifest(file: Path, manifest: Manifest) -> None:
    """As JSON, each distinct lookup written once: thousands of pages ask the same few questions."""
    table = sorted({lookup for used, _ in manifest.lookups.values() for lookup in used})
    number = {lookup: i for i, lookup in enumerate(table)}
    data = {"inputs": manifest.inputs, "pages": manifest.pages, "search": manifest.search, "report": manifest.report,
            "lookup_table": table,
            "lookups": {page: [[number[lookup] for lookup in used], answers]
                        for page, (used, answers) in manifest.lookups.items()}}
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    temporary.replace(file)  # a killed build leaves the old manifest or the new one, never half of one


@dataclass(frozen=True)
class Previous:
    """The previous build into this output, as far as it can be trusted: its manifest counts only
    when the output folder still carries the same build key in its marker."""

    output: Path
    manifest_path: Path
    manifest: Manifest

    @classmethod
    def of(cls, output: Path, manifest_path: Path, clean: bool) -> "Previous":
        manifest = Manifest() if clean else read_manifest(manifest_path)
        if manifest.inputs and built_key(output) != manifest.inputs:
            manifest = Manifest()  # the output was written by another build, or changed by hand
        return cls(output, manifest_path, manifest)

    def built_from(self, key: str) -> bool:
        return bool(self.manifest.report) and self.manifest.inputs == key

    def has(self, path: str) -> bool:
        return (self.output / path).is_file()

    def reusable(self, path: str, key: str) -> bool:
        """Whether the previous output's file at `path` was made from `key` and is still there."""
        return self.manifest.pages.get(path) == key and self.has(path)

    def files_under(self, folder: str) -> list[str]:
        root = self.output / folder
        return sorted(f"{folder}/{p.relative_to(root).as_posix()}" for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
