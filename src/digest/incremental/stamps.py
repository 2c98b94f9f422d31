"""The dumps' stamps between builds: each one's size, times, inode and digest, so a rebuild reads
only the dumps whose stat changed (inputs.scan_dumps).

Sealed with the site's secret like the record cache: a stamp decides which cached record a dump
gets, so a file written elsewhere is ignored, and every dump is read again.
"""
from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

from digest.incremental.manifest import replace_file
from digest.incremental.secret import SECRET_FILE, site_secret
from digest.inputs import Stamp

STAMPS = "stamps.json"


def _seal(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, b"stamps\0" + body, hashlib.sha256).hexdigest().encode()


def read_stamps(cache_dir: Path) -> dict[str, Stamp]:
    """The last build's stamps by the dump's name in the site; none if missing, damaged or not sealed here."""
    try:
        seal, _, body = (cache_dir / STAMPS).read_bytes().partition(b"\n")
        if not (cache_dir / SECRET_FILE).is_file() or not hmac.compare_digest(seal, _seal(site_secret(cache_dir), body)):
            return {}
        return {name: (int(a), int(b), int(c), int(d), str(e)) for name, (a, b, c, d, e) in json.loads(body).items()}
    except (OSError, ValueError, TypeError):
        return {}


def write_stamps(cache_dir: Path, stamps: dict[str, Stamp]) -> None:
    """Replaced whole (a killed build leaves the old file or the new one); OSError if it cannot be."""
    body = json.dumps(stamps, sort_keys=True, separators=(",", ":")).encode()
    cache_dir.mkdir(parents=True, exist_ok=True)
    replace_file(cache_dir / STAMPS, _seal(site_secret(cache_dir), body) + b"\n" + body)
