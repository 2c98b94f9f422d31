"""A record cache from elsewhere (restored or shared by CI) is not trusted: a row sealed without the
site's own secret is parsed again, and so is a sealed row that is not a record the loader could have
made (wrong types, impossible dates, more text than its dump), never published or crashed on."""
from __future__ import annotations

import hashlib
import sqlite3
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from digest.build import CACHE_DIR, BuildOptions, build
from digest.incremental.record_cache import RecordCache, record_key
from digest.serial import to_bytes
from tests.conftest import run_digest
from tests.hardening.conftest import article, tree, write_site

FORGED = "Text found in no dump at all"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = write_site(tmp_path / "site", {f"d{i}.txt": article(f"Floods close road {i}", extra=f"Road {i}.")
                                          for i in range(3)})
    assert run_digest("build", "-q", str(site)).returncode == 0
    write_site(site, {"new.txt": article("A new story arrives", extra="New.")})  # so the next build reads the cache
    return site


def row_of(site: Path, name: str) -> tuple[str, RecordCache]:
    path = f"content/{name}"
    return record_key(path, (site / path).read_bytes()), RecordCache(site / CACHE_DIR / "records.sqlite")


def clean_build(site: Path, tmp_path: Path) -> dict[str, bytes]:
    build(BuildOptions(site_dir=site, output=tmp_path / "expected", clean=True, workers=1))
    return tree(tmp_path / "expected")


def test_a_row_sealed_by_anyone_who_knows_the_code_is_parsed_again(site: Path, tmp_path: Path) -> None:
    key, cache = row_of(site, "d1.txt")
    parsed = cache.get_many([key])[key]
    data = to_bytes(replace(parsed, record=replace(parsed.record, body=(FORGED,) * 3)))
    seal = hashlib.sha256(key.encode() + b"\0" + data).hexdigest()[:32].encode()  # the key and data are public
    with cache.db:
        cache.db.execute("UPDATE records SET data = ? WHERE key = ?", (seal + b" " + data, key))
    cache.close()
    assert run_digest("build", "-q", str(site)).returncode == 0
    assert not any(FORGED.encode() in data for data in tree(site / "build").values())
    assert tree(site / "build") == clean_build(site, tmp_path)


FORGERIES = {
    "a headline that is a number": lambda r: replace(r, record=replace(r.record, headline=5)),
    "a body that is not a tuple": lambda r: replace(r, record=replace(r.record, body="one paragraph")),
    "a date that is no day": lambda r: replace(r, record=replace(r.record, date="2025-13-45")),
    "a quote of an unknown kind": lambda r: replace(r, record=replace(
        r.record, quotes=(replace(r.record.quotes[0], kind=["direct"]),))),
    "a signature cut short": lambda r: replace(r, features=replace(r.features, signature=b"\0\0\0")),
    "100 KB of text 100 times": lambda r: replace(r, record=replace(r.record, body=("x" * 100_000,) * 100)),
    "not a record at all": lambda r: r.record,
}


@pytest.mark.parametrize("forge", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_sealed_row_that_no_loader_could_have_made_is_parsed_again(site: Path, tmp_path: Path, forge) -> None:
    key, cache = row_of(site, "d1.txt")
    cache.put_many({key: forge(cache.get_many([key])[key])}, keep={key})  # sealed with the site's own secret
    cache.close()
    done = run_digest("build", str(site))
    assert done.returncode == 0 and "internal error" not in done.stderr, done.stderr
    assert tree(site / "build") == clean_build(site, tmp_path)


def test_the_secret_is_the_sites_own_private_and_kept(site: Path, tmp_path: Path) -> None:
    secrets = [p for p in (site / CACHE_DIR).iterdir() if "secret" in p.name]
    assert len(secrets) == 1
    secret = secrets[0]
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    kept = secret.read_bytes()
    assert run_digest("build", "-q", str(site)).returncode == 0
    assert secret.read_bytes() == kept
    assert not any("secret" in name for name in tree(site / "build"))
    other = write_site(tmp_path / "other", {"a.txt": article("Floods close road 1", extra="Road 1.")})
    assert run_digest("build", "-q", str(other)).returncode == 0
    assert (other / CACHE_DIR / secret.name).read_bytes() != kept


def test_a_cache_copied_from_another_site_is_parsed_again(site: Path, tmp_path: Path) -> None:
    """The rows of a copied cache file carry the other site's seal."""
    other = write_site(tmp_path / "other", {"d1.txt": (site / "content" / "d1.txt").read_bytes()})
    assert run_digest("build", "-q", str(other)).returncode == 0
    copied = RecordCache(site / CACHE_DIR / "records.sqlite")
    key = record_key("content/d1.txt", (site / "content" / "d1.txt").read_bytes())
    assert key in copied.get_many([key])
    copied.close()
    (other / CACHE_DIR / "records.sqlite").unlink()
    with sqlite3.connect(site / CACHE_DIR / "records.sqlite") as db:
        db.execute("VACUUM INTO ?", (str(other / CACHE_DIR / "records.sqlite"),))
    theirs = RecordCache(other / CACHE_DIR / "records.sqlite")
    assert theirs.get_many([key]) == {}
    theirs.close()


def test_the_limits_a_record_is_checked_against_are_the_loaders_and_the_corpus_stages() -> None:
    from digest.corpus.near import NUM_PERM
    from digest.incremental.schema import MAX_DUMP_BYTES as checked_dump_bytes
    from digest.incremental.schema import SIGNATURE_BYTES
    from digest.loader.text import MAX_DUMP_BYTES

    assert checked_dump_bytes == MAX_DUMP_BYTES and SIGNATURE_BYTES == NUM_PERM * 4
