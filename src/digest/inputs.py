"""Read everything a build is made of, in path order so builds do not depend on the file system.

This and the writer are the only steps that touch the disk. Dumps come from scrapers and strangers: a link in
content/ that leads outside it (to /etc/passwd, say) is never read, since its text would be
published; a pipe or device named like a dump is never opened, since reading one blocks or never
ends. Each is reported, not silently dropped.
"""
from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from digest.config import SiteConfig
from digest.errors import DigestError, DumpError
from digest.site.theme import theme_dir

DUMP_SUFFIXES = (".txt",)
RACY_NS = 2_000_000_000  # a file changed this close to when it was read may change again unseen in its stamp's time
PAGE_SUFFIXES = (".md",)


@dataclass(frozen=True, slots=True)
class DumpFile:
    """A dump as the build knows it before parsing: its name in the site, where it is read from
    (as the build was started), and the sha256 of its bytes; the bytes are read again to parse it."""

    path: str
    file: str
    digest: str
    size: int


# What a dump was when last read: (size, mtime_ns, ctime_ns, inode, digest). A file whose stat is
# unchanged is not read again to learn its digest, as git trusts its index: ten thousand dumps are
# a fifth of a gigabyte to read and hash, their stats a few milliseconds.
Stamp = tuple[int, int, int, int, str]


@dataclass(frozen=True)
class Inputs:
    dumps: list[DumpFile]
    problems: list[DumpError]  # dumps that could not be read at all
    markdown: list[tuple[str, str]]  # the site's own pages (path, text), parsed only when a build has work
    static: dict[str, bytes]
    templates: Path  # the site's own templates folder (may not exist)
    theme: list[bytes]  # every template the site can use, site's and theme's, path and bytes
    static_refused: tuple[DumpError, ...] = ()  # files in static/ not published (a link leading outside it)
    stamps: dict[str, Stamp] = field(default_factory=dict)  # each dump's, by its name in the site, for the next build


def read_dumps(content_dir: Path) -> tuple[list[tuple[str, bytes]], list[DumpError]]:
    found = []
    if not content_dir.is_dir():
        return [], [DumpError(str(content_dir), "no content folder: put your dumps (.txt files) there")]
    paths, problems = content_files(content_dir, DUMP_SUFFIXES)
    for path in paths:
        try:
            with open(path, "rb") as file:  # not through Path: ten thousand of them cost a tenth of a second
                found.append((path, file.read()))
        except OSError as error:
            problems.append(DumpError(path, f"cannot be read: {error.strerror or error}"))
    return found, problems


def scan_dumps(content_dir: Path, known: Mapping[str, Stamp]) -> tuple[list[DumpFile], list[DumpError], list[Stamp | None]]:
    """The dumps' digests: from `known` (by the file's name as found) where its stat is unchanged,
    else read and hashed; with each one's stamp, None where it changed too recently to be trusted."""
    if not content_dir.is_dir():
        return [], [DumpError(str(content_dir), "no content folder: put your dumps (.txt files) there")], []
    paths, problems = content_files(content_dir, DUMP_SUFFIXES)
    found, stamps = [], []
    now = time.time_ns()
    for path in paths:
        try:
            status = os.stat(path)
            seen = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
            stamp = known.get(path)
            if stamp is None or stamp[:4] != seen:
                size, digest = file_digest(path)
                stamp = (size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, digest)
        except OSError as error:
            problems.append(DumpError(path, f"cannot be read: {error.strerror or error}"))
            continue
        found.append(DumpFile(path, path, stamp[4], stamp[0]))
        stamps.append(stamp if now - max(status.st_mtime_ns, status.st_ctime_ns) > RACY_NS else None)
    return found, problems, stamps


def file_digest(path: str) -> tuple[int, str]:
    """A file's size and the sha256 of its bytes, read once."""
    with open(path, "rb") as file:  # not through Path: ten thousand of them cost a tenth of a second
        data = file.read()
    return len(data), hashlib.sha256(data).hexdigest()


def read_dump(dump: DumpFile) -> bytes:
    with open(dump.file, "rb") as file:
        return file.read()


def _markdown_files(content_dir: Path) -> list[tuple[str, str]]:
    """The site's own pages (content/*.md): the author's, like a template, so a bad one is an error to fix."""
    files, refused = content_files(content_dir, PAGE_SUFFIXES)
    if refused:
        raise DigestError(str(refused[0]))
    return [(path, read_page_text(Path(path))) for path in files]


def _files(root: Path) -> list[tuple[str, bytes]]:
    if not root.is_dir():
        return []
    return [(path.relative_to(root).as_posix(), path.read_bytes())
            for path in sorted(root.rglob("*")) if path.is_file() and not path.name.startswith(".")]


def read_static(site_static: Path) -> tuple[dict[str, bytes], list[DumpError]]:
    """The theme's assets, then the site's own, which win name by name; and the site's files that
    are refused, as content/'s are: a link in static/ to /etc/passwd would publish it."""
    files, refused = content_files(site_static, None)
    own = [(Path(path).relative_to(site_static).as_posix(), Path(path).read_bytes()) for path in files]
    static = {f"static/{name}": data for name, data in _files(theme_dir() / "static") + own}
    return static, refused


def site_relative(paths: list[str], site_dir: Path) -> list[str]:
    """Files' names inside the site, whichever folder the build was started from: records, the
    cache and the build key use them, so `digest build site` and `cd site && digest build` share
    their work. A path outside the site (an absolute content_dir) stays as it is."""
    if site_dir == Path("."):
        return paths
    prefix = os.path.join(site_dir, "")
    return [path[len(prefix):] if path.startswith(prefix) else path for path in paths]


def as_given(path: str, site_dir: Path) -> str:
    """The other way: a file's name as the user can open it from where the build was started."""
    return path if site_dir == Path(".") or os.path.isabs(path) else os.path.join(site_dir, path)


def read_inputs(site_dir: Path, config: SiteConfig, known: Mapping[str, Stamp] | None = None) -> Inputs:
    """`known`: the dumps' stamps from the last build (Inputs.stamps), by their names in the site."""
    content = site_dir / config.content_dir
    known = known or {}
    here = site_dir == Path(".")  # asked once: ten thousand Path comparisons cost a tenth of a second
    found, problems, stamps = scan_dumps(content, {name if here or os.path.isabs(name) else os.path.join(site_dir, name): stamp
                                                   for name, stamp in known.items()})
    names = site_relative([dump.path for dump in found], site_dir)
    dumps = [DumpFile(name, dump.file, dump.digest, dump.size) for name, dump in zip(names, found)]
    kept = {name: stamp for name, stamp in zip(names, stamps) if stamp is not None}
    problems = [DumpError(path, p.reason, p.line) for path, p in zip(site_relative([p.path for p in problems], site_dir), problems)]
    markdown = _markdown_files(content)
    static, refused = read_static(site_dir / config.static_dir)
    refused = [DumpError(path, p.reason) for path, p in zip(site_relative([p.path for p in refused], site_dir), refused)]
    templates = site_dir / config.templates_dir
    theme = [part for root in (templates, theme_dir() / "templates") for name, data in _files(root)
             for part in (os.fsencode(name), data)]
    return Inputs(dumps, problems, markdown, static, templates, theme, tuple(refused), kept)


def content_files(root: Path, suffixes: tuple[str, ...] | None) -> tuple[list[str], list[DumpError]]:
    """(files to read, files refused with their reason), both in path order so builds do not
    depend on the file system. Hidden files are skipped; linked folders are not entered. One
    directory scan a folder: its entries already say which are files, so an archive of ten thousand
    dumps is listed without a system call per dump, and as strings (Paths cost more than the scan)."""
    if not root.is_dir():
        return [], []
    base = root.resolve()
    paths: list[str] = []
    problems = []
    folders = [str(root)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)  # a folder named like a dump is entered, not read
                elif (suffixes is None or os.path.splitext(entry.name)[1].lower() in suffixes) and not entry.name.startswith("."):
                    if entry.is_file(follow_symlinks=False):
                        paths.append(entry.path)
                    elif reason := _refusal(Path(entry.path), base, base.name):
                        problems.append(DumpError(entry.path, reason))
                    elif os.path.isfile(entry.path):  # a link to a dump inside the content folder
                        paths.append(entry.path)
    in_path_order = lambda path: path.split(os.sep)  # noqa: E731  (as Paths sort: part by part)
    return sorted(paths, key=in_path_order), sorted(problems, key=lambda p: in_path_order(p.path))


def _refusal(path: Path, base: Path, folder: str) -> str | None:
    """Why a path that is not a plain file will not be read, or None."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # RuntimeError: a loop of links
            return "a broken link: its target does not exist"
        if not target.is_relative_to(base):
            return f"a link to {target}, outside the {folder} folder: not followed"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "not a regular file (a pipe, socket or device): not read"
    return None


def read_page_text(path: Path) -> str:
    """A Markdown page the author wrote: UTF-8, or an error naming the file and the place."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise DigestError(f"{path}:{line}: not UTF-8 text (byte {error.object[error.start]:#04x}); "
                          "save the page as UTF-8") from None
