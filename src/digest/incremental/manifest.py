"""What the previous build into an output folder was made of, so the next one can skip work.

Light on purpose: a rebuild with nothing to do reads only this, the config and the inputs.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from digest import __version__
from digest.config import SiteConfig
from digest.hashing import digest_of
from digest.incremental.record_cache import parser_version
from digest.inputs import Inputs, site_relative
from digest.output.staging import built_key


@dataclass(frozen=True)
class Manifest:
    """What the previous build into one output folder was made of."""

    inputs: str = ""  # the key of every input together
    pages: dict[str, str] = field(default_factory=dict)  # output file path -> the key it was made from
    search: dict[str, str] = field(default_factory=dict)  # search shard -> key of the pages it indexes
    report: dict[str, Any] = field(default_factory=dict)  # the build's counts and skipped dumps
    lookups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page path -> what its template looked up
    answers: dict[str, str] = field(default_factory=dict)  # lookup -> what it answered (one answer a build)
    indexed: dict[str, str] = field(default_factory=dict)  # story page -> digest of what search reads of it


def inputs_key(inputs: Inputs, site_dir: Path, config: SiteConfig) -> str:
    """The key of everything a build is made of: digest's and the parser's versions, the settings,
    every template, dump, page and static file by its name inside the site. The same key, the same site."""
    parts = [__version__.encode(), parser_version().encode(), repr(config).encode(), *inputs.theme]
    parts += [part for dump in inputs.dumps for part in (os.fsencode(dump.path), dump.digest.encode())]  # a name may not be UTF-8
    pages = zip(site_relative([path for path, _ in inputs.markdown], site_dir), inputs.markdown)
    parts += [part for name, (_, text) in pages for part in (os.fsencode(name), text.encode())]
    parts += [part for path, data in sorted(inputs.static.items()) for part in (os.fsencode(path), data)]
    parts += [os.fsencode(str(problem)) for problem in (*inputs.problems, *inputs.static_refused)]
    return digest_of(parts)


def manifest_file(cache_dir: Path, output: Path) -> Path:
    return cache_dir / f"output-{hashlib.sha256(os.fsencode(output.resolve())).hexdigest()[:16]}.json"


def _details_file(file: Path) -> Path:
    return file.with_name(file.stem + ".pages.pickle")


def _files_file(file: Path) -> Path:
    return file.with_name(file.stem + ".files")


def _walk(output: Path) -> tuple[list[bytes], str]:
    """Every file below the output (paths as bytes, "/" between parts, sorted) and the stamp of them."""
    found: list[tuple[bytes, int, int]] = []
    folders = [b""]
    root = os.fsencode(output)
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(root, folder) if folder else root) as entries:
            for entry in entries:
                relative = folder + b"/" + entry.name if folder else entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.append(relative)
                else:
                    status = entry.stat(follow_symlinks=False)
                    found.append((relative, status.st_size, status.st_mtime_ns))
    found.sort()
    return [path for path, _, _ in found], _stamp_of(found)


def _stamp_of(files: list[tuple[bytes, int, int]]) -> str:
    return digest_of(b"%s\0%d\0%d" % file for file in files)


def write_output_files(file: Path, output: Path) -> None:
    """What the output holds as the build left it (each file's size and time): a no-change build
    checks it, so files deleted or edited by hand are noticed, not trusted."""
    paths, stamp = _walk(output)
    file.parent.mkdir(parents=True, exist_ok=True)
    replace_file(_files_file(file), stamp.encode() + b"\n" + b"\0".join(paths))


def output_intact(file: Path, output: Path) -> bool:
    """Whether every file the build left is there as it left it (by size and time: a stat each,
    no reading). False when that cannot be told (no list, or one that cannot be read)."""
    try:
        stamp, _, listed = _files_file(file).read_bytes().partition(b"\n")
        root = os.open(output, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:  # each path stat'ed against the folder's descriptor: no joined path per file
        files = []
        for path in listed.split(b"\0") if listed else []:
            status = os.stat(path, dir_fd=root, follow_symlinks=False)
            files.append((path, status.st_size, status.st_mtime_ns))
    except OSError:
        return False
    finally:
        os.close(root)
    return _stamp_of(files) == stamp.decode("ascii", "replace")


class _PlainUnpickler(pickle.Unpickler):
    """The details are dicts, lists, strings and numbers: a file naming any class is not ours."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name}: not a plain value")


def read_summary(file: Path) -> tuple[str, dict[str, Any]]:
    """(inputs key, report) of the previous build: all a rebuild with nothing to do needs. The
    page keys and lookups (megabytes at 10,000 dumps) are in a second file, read only when there is work."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return str(data["inputs"]), dict(data["report"])
    except (OSError, ValueError, KeyError, TypeError):
        return "", {}


@dataclass(frozen=True)
class WrittenManifest:
    """A manifest as this process wrote it, with its file and the details file's size and time:
    `digest serve` hands it to its next build, which then need not read megabytes of details back."""

    file: Path
    manifest: Manifest
    stamp: tuple[int, int]


def _stamp(file: Path) -> tuple[int, int]:
    try:
        status = file.stat()
    except OSError:
        return (-1, -1)
    return status.st_size, status.st_mtime_ns


def read_manifest(file: Path, written: WrittenManifest | None = None) -> Manifest:
    """The previous build's manifest, or an empty one when it is missing, unreadable or its two files
    are from different builds (never trusted). `written`, the one this process last wrote, is
    used while the summary names the same build and the details file is the one written."""
    inputs, report = read_summary(file)
    if (written is not None and written.file == file and inputs and written.manifest.inputs == inputs
            and written.stamp == _stamp(_details_file(file))):
        return written.manifest
    try:
        data = _PlainUnpickler(io.BytesIO(_details_file(file).read_bytes())).load()
        if not inputs or data["inputs"] != inputs:
            return Manifest()
        table = data["lookup_table"]
        lookups = {page: tuple(table[i][0] for i in used) for page, used in data["lookups"].items()}
        return Manifest(inputs, dict(data["pages"]), dict(data["search"]), report, lookups, dict(table), dict(data["indexed"]))
    except Exception:  # unreadable or not ours (pickle's errors for malformed input are many): start afresh
        return Manifest()


def replace_file(file: Path, data: bytes) -> None:
    temporary = file.with_suffix(".tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(file)  # a killed build leaves the old file or the new one, never half of one
    except OSError:
        temporary.unlink(missing_ok=True)  # a full disk's half-written copy: the old file stays
        raise


def encode_details(manifest: Manifest) -> bytes:
    """The manifest's details as write_manifest stores them (all but the report): each distinct
    lookup is written once, since thousands of pages ask the same few questions. A pickle of plain
    values (megabytes at 10,000 dumps), ten times faster to write and read than JSON."""
    table = sorted(manifest.answers.items())
    number = {lookup: i for i, (lookup, _) in enumerate(table)}
    return pickle.dumps({
        "inputs": manifest.inputs, "pages": manifest.pages, "search": manifest.search, "indexed": manifest.indexed,
        "lookup_table": table,
        "lookups": {page: [number[lookup] for lookup in used] for page, used in manifest.lookups.items()}},
        protocol=pickle.HIGHEST_PROTOCOL)


def write_manifest(file: Path, manifest: Manifest, details: bytes | None = None) -> WrittenManifest:
    """The details first (`details`: encode_details(manifest), if made already), then the summary
    that vouches for them: JSON, read by every build. The details are read only when there is work."""
    file.parent.mkdir(parents=True, exist_ok=True)
    replace_file(_details_file(file), details if details is not None else encode_details(manifest))
    replace_file(file, json.dumps({"inputs": manifest.inputs, "report": manifest.report}, sort_keys=True).encode())
    file.with_name(file.stem + ".pages.json").unlink(missing_ok=True)  # the details as earlier versions wrote them
    return WrittenManifest(file, manifest, _stamp(_details_file(file)))


class Previous:
    """The previous build into this output, as far as it can be trusted: its manifest counts only
    when the output folder still carries the same build key in its marker."""

    def __init__(self, output: Path, manifest_path: Path, inputs: str = "", report: dict[str, Any] | None = None,
                 written: WrittenManifest | None = None) -> None:
        self.output = output
        self.manifest_path = manifest_path
        self.inputs = inputs
        self.report = report or {}
        self.written = written

    @classmethod
    def of(cls, output: Path, manifest_path: Path, clean: bool, written: WrittenManifest | None = None) -> Previous:
        inputs, report = ("", {}) if clean else read_summary(manifest_path)
        if inputs and (built_key(output) != inputs or not output_intact(manifest_path, output)):
            inputs, report = "", {}  # the output was written by another build, or changed by hand
        return cls(output, manifest_path, inputs, report, written)

    def built_from(self, key: str) -> bool:
        return bool(self.report) and self.inputs == key

    @cached_property
    def manifest(self) -> Manifest:
        return read_manifest(self.manifest_path, self.written) if self.inputs else Manifest()
