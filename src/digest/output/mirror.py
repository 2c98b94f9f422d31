"""The previous site, mirrored into the new build's folder as hard links by a process of its own.

A rebuild writes a whole new site beside the output and swaps it in, so a web server never sees
half of one; the pages that did not change are linked from the previous site. At 10,000 dumps that
is 30,000 links in 16,000 folders: a second of kernel time. Started as soon as a build knows it
has work, the mirror is made on the second core while this process reads, groups and plans, and
is ready by the time pages are written. The build then replaces what changed (never writing into a
linked file, which the live site shares) and removes what is gone.

Run as a script (`python mirror.py SOURCE TARGET`), it imports nothing of digest: it starts at once.
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys

SEPARATOR = "\0"  # between the mirrored paths on the process's output: no file name holds it
SCRIPT = __file__  # what the mirroring process runs


def link_or_copy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """A second name for a file that is never written in place; a copy where links are refused."""
    try:
        os.link(source, target)
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        shutil.copyfile(source, target)


def mirror(source: str, target: str) -> list[str]:
    """Link every file under `source` to the same place under `target` (which exists); returns the
    files as paths from the root with "/" between parts. Linked folders and other oddities are not
    followed: a site digest wrote has none."""
    files = []
    folders = [""]
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(source, folder)) as entries:
            for entry in entries:
                relative = f"{folder}/{entry.name}" if folder else entry.name
                if entry.is_dir(follow_symlinks=False):
                    os.mkdir(os.path.join(target, relative))
                    folders.append(relative)
                elif entry.is_file(follow_symlinks=False):
                    link_or_copy(entry.path, os.path.join(target, relative))
                    files.append(relative)
    return files


class Mirroring:
    """A mirror being made; `files()` waits for it and says which files it holds."""

    def __init__(self, source: str, target: str) -> None:
        self._process = subprocess.Popen([sys.executable, "-I", SCRIPT, source, target], stdin=subprocess.DEVNULL,
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._files: set[str] | None = None

    def files(self) -> set[str]:
        if self._files is None:
            out, err = self._process.communicate()
            if self._process.returncode != 0:
                said = err.decode(errors="replace").strip().splitlines()
                raise OSError(errno.EIO, said[-1] if said else "the previous site could not be linked")
            self._files = set(out.decode("utf-8", "surrogateescape").split(SEPARATOR)) - {""}
        return self._files

    def stop(self) -> None:
        """Stop it where it is (the build failed): its folder is about to be removed."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.communicate()


if __name__ == "__main__":
    try:
        made = mirror(sys.argv[1], sys.argv[2])
    except OSError as error:  # the build reports it as the output's error, in one line
        sys.exit(f"{error.strerror or error}: {error.filename}")
    sys.stdout.buffer.write(SEPARATOR.join(made).encode("utf-8", "surrogateescape"))
