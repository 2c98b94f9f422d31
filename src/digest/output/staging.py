"""Write the site: into a fresh folder beside the output, then swap it in.

A failed or killed build leaves the previous site whole; a folder that digest did not write is
never replaced.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.errors import OutputError
from digest.output.lock import output_lock, own, owned, release
from digest.output.mirror import Mirroring

MARKER = ".digest-build"  # marks a folder as digest's output, safe to replace
MARKER_TEXT = b"This folder is written by `digest build`; it is replaced whole on every build.\n"
LOCK_WAIT_SECONDS = 600.0  # how long a build waits for another writing the same output, then refuses
RENAME_EXCHANGE = 2  # linux/fs.h
AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (renameat2 with RENAME_EXCHANGE); False where the system or
    file system cannot, so the caller falls back to two renames."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # no libc, or a libc older than glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _check_replaceable(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: exists and is not a folder; choose another --output")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise OutputError(
            f"{output}: holds files digest did not write (no {MARKER} marker); "
            "choose an empty or new folder with --output, or remove this one yourself"
        )


def _check_relative(relative: str) -> str:
    if relative.startswith("/") or "\\" in relative or "\0" in relative or any(p in ("..", ".", "") for p in relative.split("/")):
        raise OutputError(f"refusing to write outside the output folder: {relative!r}")
    return relative


def _safe_target(root: Path, relative: str) -> Path:
    return root / _check_relative(relative)


def _remove_leftovers(output: Path) -> None:
    """Folders a killed build left beside the output (they carry our prefix, so they are ours).
    A build killed between retiring the previous site and moving the new one in left no output:
    the retired site comes back first. A folder a live build holds (digest.output.lock) is that
    build's work in progress, never a leftover."""
    retired = [folder for folder in sorted(output.parent.glob(f".{output.name}.*.old-digest")) if not owned(folder)]
    if not output.exists() and retired:
        retired[0].rename(output)
    for stale in sorted(output.parent.glob(f".{output.name}.*-digest")):
        if not owned(stale):
            shutil.rmtree(stale, ignore_errors=True)


def built_key(output: Path) -> str | None:
    """The key of the inputs the folder was built from, as its marker records it."""
    try:
        lines = (output / MARKER).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((line.split(" ", 1)[1] for line in lines if line.startswith("build ")), None)


class StagedSite:
    """A new site written file by file into a fresh folder beside the output, then swapped in whole.

    Pages go to disk as they are rendered rather than waiting in memory for the swap. With `mirror`,
    the previous site is linked into the folder from the start (digest.output.mirror); a file the
    build keeps stays that link, a file it writes replaces its link, and at the commit the links
    nothing kept or replaced are removed.
    """

    def __init__(self, output: Path, mirror: bool = False) -> None:
        self.output = output
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            _remove_leftovers(output)
            self.root = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".new-digest", dir=output.parent))
            self._owner = own(self.root)
        except OSError as error:
            raise _unwritable(output, error) from None
        self.root.chmod(0o755)  # mkdtemp makes it private; a published site must be readable by the web server
        self._made: set[str] = {""}
        self._mirroring = Mirroring(str(output), str(self.root)) if mirror and output.is_dir() else None
        self._mirrored: set[str] | None = None
        self._kept: set[str] = set()
        self._written: set[str] = set()
        self.warning: str | None = None  # the site is whole, but something could not be reused

    def mirrored(self) -> set[str]:
        """The previous site's files, linked here; waits for the mirror. Call it before pages are
        written by forked workers, which share this site but must not wait for the mirror themselves.
        A mirror that failed (a full disk, a folder it may not read) is cleared away and the build
        goes on without the previous site: every page is rendered."""
        if self._mirrored is None:
            self._mirrored = set()
            if self._mirroring:
                try:
                    self._mirrored = self._mirroring.files()
                except OSError as error:
                    shutil.rmtree(self.root)
                    self.root.mkdir()
                    self.root.chmod(0o755)
                    release(self._owner)
                    self._owner = own(self.root)
                    self._made = {""}
                    self.warning = f"the previous site could not be reused ({error.strerror}): every page was rendered"
        return self._mirrored

    def _target(self, relative: str) -> str:
        """Where a file goes, its folder made. Strings, not Paths: a site has tens of thousands of files."""
        folder = _check_relative(relative).rpartition("/")[0]
        if folder not in self._made:
            os.makedirs(os.path.join(self.root, folder), exist_ok=True)
            self._made.add(folder)
        return os.path.join(self.root, relative)

    def write(self, relative: str, data: bytes) -> None:
        mirrored = self.mirrored()  # first: a failed mirror clears the folder
        target = self._target(relative)
        if relative in mirrored:
            os.unlink(target)  # a link to the live site's file: replaced, never written into
        Path(target).write_bytes(data)
        self._written.add(relative)

    def keep(self, relative: str) -> None:
        """Keep the previous site's file at `relative` as it is; FileNotFoundError if it has none."""
        if relative not in self.mirrored():
            raise FileNotFoundError(errno.ENOENT, "not in the previous site", relative)
        self._kept.add(relative)

    def written_elsewhere(self, paths: Iterable[str]) -> None:
        """Files that forked workers wrote here (their bookkeeping stays in their own processes)."""
        self._written.update(paths)

    def path(self, relative: str) -> Path:
        return _safe_target(self.root, relative)

    def commit(self, build_key: str) -> None:
        self.write(MARKER, MARKER_TEXT + f"build {build_key}\n".encode())
        self._remove_gone()
        _swap(self.root, self.output)
        release(self._owner)
        self._owner = None

    def _remove_gone(self) -> None:
        """The previous site's files this site has not: neither kept nor written again. So are the
        folders they leave empty, as a clean build would not have them."""
        for relative in sorted(self.mirrored() - self._kept - self._written):
            os.unlink(os.path.join(self.root, relative))
            folder = relative.rpartition("/")[0]
            while folder and not os.listdir(os.path.join(self.root, folder)):
                os.rmdir(os.path.join(self.root, folder))
                folder = folder.rpartition("/")[0]

    def discard(self) -> None:
        if self._mirroring:
            self._mirroring.stop()
        shutil.rmtree(self.root, ignore_errors=True)
        release(self._owner)
        self._owner = None


@contextmanager
def staged_site(output: Path, mirror: bool = False) -> Iterator[StagedSite]:
    """A StagedSite for `output` (mirroring the previous site there, if asked); anything that stops the build before `commit` leaves the previous
    site as it was and the staging folder gone. Disk errors become one line naming the output."""
    output = output.resolve()
    _check_replaceable(output)
    stage = StagedSite(output, mirror)
    try:
        yield stage
    except OSError as error:  # a full disk, a read-only or vanished folder: say so in one line
        stage.discard()
        raise _unwritable(output, error) from None
    except BaseException:
        stage.discard()
        raise


def write_site(output: Path, files: dict[str, bytes], build_key: str = "") -> None:
    """Write a whole site from memory and swap it in, once no build is writing the output."""
    with output_lock(output.resolve(), wait=LOCK_WAIT_SECONDS), staged_site(output) as stage:
        for relative in sorted(files):
            stage.write(relative, files[relative])
        stage.commit(build_key)


def _unwritable(output: Path, error: OSError) -> OutputError:
    reason = error.strerror or str(error)
    if isinstance(error, (FileExistsError, NotADirectoryError)):  # a file where a folder must go
        reason = f"{error.filename} is a file, not a folder"
    return OutputError(f"{output}: cannot write the site ({reason}); the previous site is untouched")


def _swap(staging: Path, output: Path) -> None:
    """Put the new site in place. Where the system can exchange two folders in one step (Linux's
    renameat2), there is no moment without a site at `output`, so a kill at any point leaves one
    whole site; elsewhere a kill between the two renames is repaired by the next build."""
    if not output.exists():
        staging.rename(output)
    elif exchange(staging, output):
        _discard(staging)  # now holds the previous site
    else:
        retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".old-digest", dir=output.parent))
        retired.rmdir()
        owner = own(output)  # so no other build takes it for a killed build's and puts it back
        try:
            output.rename(retired)
            try:
                staging.rename(output)
            except OSError:
                retired.rename(output)
                raise
        finally:
            release(owner)
        _discard(retired)


def _discard(folder: Path) -> None:
    """Delete the previous site in a process of its own: removing ten thousand folders takes longer
    than building them, and the new site is already in place. If that process is cut short, the next
    build removes what is left (the folder carries our prefix)."""
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
