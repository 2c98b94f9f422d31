"""The Pagefind index: built into the output, story pages only, the same bytes every build."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import digest.build
from digest.build import BuildOptions, build
from digest.output import search
from digest.output.search import pagefind_binary
from digest.output.search_order import TAG, Map, decode, encode, stable_bundle
from tests.site.handmade import build_handmade

needs_pagefind = pytest.mark.skipif(pagefind_binary() is None, reason="pagefind binary not installed")


@needs_pagefind
def test_index_covers_every_story_and_nothing_else(tmp_path: Path) -> None:
    files = build_handmade(tmp_path / "out")
    shards = json.loads(files["pagefind/shards.json"])["bundles"]
    assert len(shards) == 1  # a small site is one shard
    entry = json.loads(files[f"pagefind/{shards[0]}pagefind-entry.json"])
    assert entry["languages"]["en"]["page_count"] == 5
    filters = [gzip.decompress(data) for path, data in files.items() if path.endswith(".pf_filter")]
    assert any(b"person" in f and b"Ana Costa" in f for f in filters)
    assert any(b"source" in f and b"Harbour Wire" in f for f in filters)


def test_missing_binary_builds_the_site_with_a_clear_warning(root: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digest.build, "pagefind_binary", lambda: None)
    report = build(BuildOptions(site_dir=root, output=tmp_path / "out"))
    assert report.warnings == ("search index not built: the Pagefind binary is missing (pip install 'pagefind[bin]')",)
    assert (tmp_path / "out" / "search" / "index.html").is_file() and not (tmp_path / "out" / "pagefind").exists()


def test_filter_values_are_sorted_and_references_follow() -> None:
    def pack(value) -> bytes:
        return gzip.compress(TAG + encode(value), mtime=0)

    shuffled = ["person", [["Xi Jinping", [1]], ["Ana Costa", [0, 2]]]]
    meta = ["1.5.2", Map([("filters", [["person", "en_0000000"]])])]
    files = {"pagefind/filter/en_0000000.pf_filter": pack(shuffled),
             "pagefind/pagefind.en_0000000000.pf_meta": pack(meta),
             "pagefind/pagefind-entry.json": b'{"version":"1.5.2","languages":{"en":{"hash":"en_0000000000"}}}'}
    out = stable_bundle(files, "pagefind")
    [filter_path] = [p for p in out if p.endswith(".pf_filter")]
    value, _ = decode(gzip.decompress(out[filter_path]), len(TAG))
    assert value == ["person", [["Ana Costa", [0, 2]], ["Xi Jinping", [1]]]]
    [meta_path] = [p for p in out if p.endswith(".pf_meta")]
    assert filter_path.rsplit("/", 1)[1].removesuffix(".pf_filter").encode() in gzip.decompress(out[meta_path])
    entry = json.loads(out["pagefind/pagefind-entry.json"])
    assert meta_path == f"pagefind/pagefind.{entry['languages']['en']['hash']}.pf_meta"


def test_unexpected_bundle_is_left_as_pagefind_wrote_it() -> None:
    files = {"pagefind/filter/en_1.pf_filter": gzip.compress(b"not ours"), "pagefind/pagefind.js": b"js"}
    assert stable_bundle(files, "pagefind") == files


def test_only_the_primary_bundle_keeps_pagefinds_runtime_and_none_its_ui() -> None:
    bundle = {f"pagefind/2025-06-01/{name}": b"x" for name in (
        "pagefind.js", "pagefind-worker.js", "wasm.en.pagefind", "wasm.unknown.pagefind", "pagefind-ui.js",
        "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
        "pagefind-entry.json", "pagefind.en_0123456789.pf_meta", "index/en_1.pf_index", "fragment/en_2.pf_fragment",
        "filter/en_3.pf_filter")}
    index = {"pagefind-entry.json", "pagefind.en_0123456789.pf_meta", "index/en_1.pf_index",
             "fragment/en_2.pf_fragment", "filter/en_3.pf_filter"}
    kept = {path.split("/", 2)[2] for path in search.bundle_files(bundle, primary=True)}
    assert kept == index | {"pagefind.js", "pagefind-worker.js", "wasm.en.pagefind", "wasm.unknown.pagefind"}
    assert {path.split("/", 2)[2] for path in search.bundle_files(bundle, primary=False)} == index


def test_the_newest_shard_is_primary_and_its_key_changes_when_it_stops_being() -> None:
    shards = search.plan_shards([("a.html", "2025-01-02"), ("b.html", None), ("c.html", "2025-09-30")])
    order = search.search_order(shards)
    assert order[0] == max(s.name for s in shards if s.name != search.UNDATED) and order[-1] == search.UNDATED
    assert search.search_order(search.plan_shards([("b.html", None)])) == [search.UNDATED]
    shard = shards[0]
    indexed = {path: "digest" for path in shard.pages}
    assert search.shard_key(shard, indexed, True) != search.shard_key(shard, indexed, False)
