"""The site's own secret, which seals the record cache's rows (digest.incremental.record_cache).

Made on the first build, in the cache folder beside the records and never in the output; readable
by its owner alone. A row sealed without it (by anyone who knows the code and the dumps, or by
another site) is not trusted. A key that others may write could have been planted, so it is not
trusted either: a new one is made, and the cache's rows are parsed again once.
"""
from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

SECRET_FILE = "secret.key"
SECRET_BYTES = 32


def site_secret(cache_dir: Path) -> bytes:
    """The secret of the cache in `cache_dir`, made now if it has none; OSError if it cannot be."""
    path = cache_dir / SECRET_FILE
    found = _read(path)
    return found if found is not None else _make(path)


def _read(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as file:
            status = os.fstat(file.fileno())
            data = file.read(SECRET_BYTES + 1)
    except FileNotFoundError:
        return None
    if len(data) != SECRET_BYTES or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or not stat.S_ISREG(status.st_mode):
        return None
    return data


def _make(path: Path) -> bytes:
    """Written whole under a name of its own, then put in place: two builds starting at once agree
    on the one that got there first."""
    temporary = path.with_name(f"{SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(secrets.token_bytes(SECRET_BYTES))
        try:
            os.link(temporary, path)
        except FileExistsError:  # another build made it first, or the one there is not to be trusted
            if _read(path) is None:
                os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    found = _read(path)
    if found is None:
        raise OSError(f"{path}: the cache's secret could not be made")
    return found
