"""`digest init`: a new site folder from the scaffold shipped in the package.

It writes only into a new or empty folder, so it can never overwrite what a user made.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from digest.errors import DigestError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

# Package files whose names could not ship as they are: setuptools skips dotfiles in package-data.
RENAMED = {"gitignore": ".gitignore"}


class FolderNotEmpty(DigestError):
    pass


def scaffold_files(root: Traversable | None = None, prefix: str = "") -> dict[str, bytes]:
    """Relative path -> bytes for every file of the scaffold, in path order."""
    root = root or resources.files("digest").joinpath("scaffold")
    files: dict[str, bytes] = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.startswith((".", "__")):
            continue
        name = prefix + RENAMED.get(entry.name, entry.name)
        if entry.is_dir():
            files.update(scaffold_files(entry, name + "/"))
        else:
            files[name] = entry.read_bytes()
    return files


def check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise FolderNotEmpty(f"{target}: exists and is not a folder; choose a new folder name")
    if target.is_dir() and any(target.iterdir()):
        raise FolderNotEmpty(f"{target}: is not empty; digest init only creates a site in a new or empty "
                             "folder, so nothing of yours is overwritten")


def create_site(target: Path) -> list[str]:
    """Write the scaffold into target; returns the relative paths written."""
    check_target(target)
    files = scaffold_files()
    for relative, data in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (target / "static").mkdir(exist_ok=True)
    return list(files)
