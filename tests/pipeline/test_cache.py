"""The record cache returns what was stored, forgets what no dump needs, and never trusts a damaged file."""
from __future__ import annotations

import hashlib
from pathlib import Path

from digest.incremental.record_cache import RecordCache, record_key
from digest.parse import parse_dump


def seed_records(root: Path) -> dict[str, object]:
    records = {}
    for path in sorted((root / "content").glob("*.txt")):
        data = path.read_bytes()
        records[record_key(str(path), data)] = parse_dump(str(path), data)
    return records


def test_records_round_trip_equal(tmp_path: Path, root: Path) -> None:
    records = seed_records(root)
    cache = RecordCache(tmp_path / "records.sqlite")
    cache.put_many(records, keep=set(records))
    cache.close()
    assert RecordCache(tmp_path / "records.sqlite").get_many(list(records)) == records


def test_records_no_dump_needs_are_dropped(tmp_path: Path, root: Path) -> None:
    records = seed_records(root)
    first, second = sorted(records)
    cache = RecordCache(tmp_path / "records.sqlite")
    cache.put_many(records, keep={first})
    assert list(cache.get_many([first, second])) == [first]


def test_damaged_cache_file_is_discarded_not_trusted(tmp_path: Path) -> None:
    file = tmp_path / "records.sqlite"
    file.write_bytes(b"SQLite format 3\x00" + b"\x13" * 4000)
    cache = RecordCache(file)
    assert cache.get_many(["anything"]) == {}


def test_key_changes_with_bytes_and_path() -> None:
    assert record_key("a.txt", b"x") != record_key("a.txt", b"y") != record_key("b.txt", b"y")


class Planted:
    """A row someone else wrote: loading it the unrestricted way would create a file."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self):
        return (Path.touch, (self.target,))


def test_a_row_naming_anything_but_a_record_class_is_refused_not_run(tmp_path: Path, root: Path) -> None:
    import pickle

    from digest.incremental.record_cache import _seal

    records = seed_records(root)
    key = sorted(records)[0]
    cache = RecordCache(tmp_path / "records.sqlite")
    cache.put_many(records, keep=set(records))
    target = tmp_path / "planted"
    with cache.db:  # correctly sealed, so only the restriction on what a row may name stands in the way
        cache.db.execute("UPDATE records SET data = ? WHERE key = ?", (_seal(cache.secret, key, pickle.dumps(Planted(target))), key))
    found = cache.get_many(list(records))
    assert key not in found and len(found) == len(records) - 1
    assert not target.exists()


def test_a_record_of_a_path_that_is_not_utf8_round_trips(tmp_path: Path) -> None:
    path = "content/caf\udce9.txt"  # how Python names a Latin-1 file name on a UTF-8 system
    data = b"Floods close valley road\n\nBAKU, Azerbaijan, April 23. The road is shut, officials said.\n"
    records = {record_key(path, data): parse_dump(path, data)}
    cache = RecordCache(tmp_path / "records.sqlite")
    cache.put_many(records, keep=set(records))
    assert cache.get_many(list(records)) == records


def test_the_file_does_not_keep_a_replaced_generation_of_records(tmp_path: Path, root: Path) -> None:
    """A new digest parses the whole archive again under new keys: the old rows' space is given back."""
    records = {f"{n}-{key}": parsed for n in range(50) for key, parsed in seed_records(root).items()}
    file = tmp_path / "records.sqlite"
    cache = RecordCache(file)
    cache.put_many(records, keep=set(records))
    size = file.stat().st_size
    for generation in range(3):
        renamed = {f"new {generation}-{key}": parsed for key, parsed in records.items()}
        cache.put_many(renamed, keep=set(renamed))
    cache.close()
    assert file.stat().st_size <= size * 1.5
    assert RecordCache(file).get_many(sorted(renamed)) == renamed


def test_a_build_reads_stored_records_while_new_dumps_parse_and_parses_damaged_rows_again(tmp_path: Path) -> None:
    """What a rebuild gets is what a fresh parse gives, whether a record was stored, stored but found
    damaged on reading (parsed again), or new (parsed by a forked copy while the rows are read)."""
    from benchmarks.synth import generate
    from digest.inputs import DumpFile
    from digest.parse import parse_dumps
    from digest.runtime.executors import make_executor

    paths = generate(tmp_path / "content", 12, seed=3)
    dumps = [(str(path), path.read_bytes()) for path in paths]
    files = [DumpFile(path, path, hashlib.sha256(data).hexdigest(), len(data)) for path, data in dumps]
    file = tmp_path / "records.sqlite"
    with make_executor(2) as (executor, workers):
        first = parse_dumps(files[:9], file, executor, workers).records  # nothing kept in memory: the next reads the file
        cache = RecordCache(file)
        assert cache.stored([record_key(*dump) for dump in dumps]) == {record_key(*dump) for dump in dumps[:9]}
        with cache.db:
            cache.db.execute("UPDATE records SET data = ? WHERE key = ?", (b"damaged", record_key(*dumps[2])))
        cache.close()
        loaded = parse_dumps(files, file, executor, workers)
        again, problems = loaded.records, loaded.problems
    assert not problems
    assert again == [parse_dump(*dump) for dump in dumps]
    assert again[:9] == first


def test_every_file_the_parser_reads_is_in_its_version() -> None:
    """A retrained labeller model or a new pattern file must make every cached record stale."""
    from importlib import resources

    from digest.incremental.record_cache import PARSER_FILES, PARSER_PACKAGES

    for package in PARSER_PACKAGES:
        root = resources.files("digest").joinpath(package)
        shipped = {Path(entry.name).suffix for entry in root.iterdir() if entry.is_file()}
        assert shipped <= set(PARSER_FILES), f"{package}: files the cache key ignores: {shipped - set(PARSER_FILES)}"


def test_an_upgrade_of_a_package_whose_data_reads_records_parses_the_dumps_again(monkeypatch) -> None:
    from digest.incremental import record_cache as cache

    cache.parser_version.cache_clear()
    before = cache.parser_version()
    monkeypatch.setattr(cache, "_installed", lambda name: "9.9" if name == "wordfreq" else "1.0")
    cache.parser_version.cache_clear()
    try:
        assert cache.parser_version() != before
    finally:
        monkeypatch.undo()
        cache.parser_version.cache_clear()
    assert cache.parser_version() == before
