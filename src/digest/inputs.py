"""Which files a site's content folder offers: regular files inside it, in path order.

Dumps come from scrapers and strangers. A link in content/ that leads outside it (to /etc/passwd,
say) is never read, since its text would be published; a pipe or device named like a dump is
never opened, since reading one blocks or never ends. Each is reported, not silently dropped.
"""
from __future__ import annotations

import stat
from pathlib import Path

from digest.errors import DigestError, DumpError


def content_files(root: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], list[DumpError]]:
    """(files to read, files refused with their reason), both in path order so builds do not
    depend on the file system. Hidden files are skipped; rglob does not enter linked folders."""
    if not root.is_dir():
        return [], []
    base = root.resolve()
    paths, problems = [], []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in suffixes or path.name.startswith("."):
            continue
        reason = _refusal(path, base)
        if reason:
            problems.append(DumpError(str(path), reason))
        elif path.is_file():
            paths.append(path)
    return paths, problems


def _refusal(path: Path, base: Path) -> str | None:
    """Why a path will not be read, or None (a folder named like a dump is no problem: rglob enters it)."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # RuntimeError: a loop of links
            return "a broken link: its target does not exist"
        if not target.is_relative_to(base):
            return f"a link to {target}, outside the content folder: not followed"
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
