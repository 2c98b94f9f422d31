"""Locks the system lets go of when their process dies (flock), so a killed build never leaves one
that stops the next.

One build at a time writes an output: two at once would publish one's half-written folder. And a
staging folder is locked by the build that writes it, so a build removing what killed builds left
beside the output (digest.output.staging) can tell a dead build's folder from a live one's.
Where the system has no flock (Windows), these locks are not taken.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.errors import DigestError, OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on the systems digest is tested on
    fcntl = None  # type: ignore[assignment]

POLL_SECONDS = 0.1


def lock_file(output: Path) -> Path:
    """Beside the output, on its disk; not named like the folders digest removes there (`*-digest`)."""
    return output.parent / f".{output.name}.digest-lock"


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _take(path: Path) -> int | None:
    """The locked file's descriptor, or None while another process holds it. The holder removes
    the file as it lets go, so a lock taken on a file no longer at `path` is taken again."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            return None
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())  # for the message of a build that waits
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


def _lock_or_say_why(path: Path, output: Path) -> int | None:
    try:
        return _take(path)
    except OSError as error:  # a read-only or full folder: the site could not be written there either
        raise OutputError(f"{output}: cannot write the site ({error.strerror or error}); "
                          "the previous site is untouched") from None


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {pid})" if pid.isdigit() else ""


@contextmanager
def output_lock(output: Path, wait: float, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the output's build lock; waits up to `wait` seconds for another build to finish, telling
    `waiting` once, then refuses with a DigestError."""
    if fcntl is None:
        yield
        return
    path = lock_file(output)
    deadline = time.monotonic() + wait
    fd = _lock_or_say_why(path, output)
    if fd is None and waiting:
        waiting(f"waiting for another build into {output}{_holder(path)} to finish")
    while fd is None:
        if time.monotonic() >= deadline:
            raise DigestError(f"another build{_holder(path)} is writing {output}; "
                              "try again once it has finished")
        time.sleep(POLL_SECONDS)
        fd = _lock_or_say_why(path, output)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)  # while still held: the next build makes a fresh one
        os.close(fd)


def own(folder: Path) -> int | None:
    """Lock a folder this process has just made, for as long as the returned descriptor is open."""
    if fcntl is None:
        return None
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # waits only while another build's `owned` looks at it
    return fd


def release(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)


def owned(folder: Path) -> bool:
    """Whether a live process holds the folder's lock (a build still writing it)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False  # gone already, or not a folder: nobody's
    try:
        return not _try_lock(fd)
    finally:
        os.close(fd)
