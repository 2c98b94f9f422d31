"""The search index in shards: months packed into bundles, only changed shards indexed again, and
the bundles merged into one search in the browser."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

import digest.output.search as search
from benchmarks.synth import generate
from digest.build import BuildOptions, build
from digest.output.search import pagefind_binary, plan_shards
from digest.records import Corpus
from tests.conftest import tree
from tests.site.handmade import build_handmade, corpus
from tests.site.tools import CHROMIUM, CHROMIUM_ARGS, require, served

needs_pagefind = pytest.mark.skipif(pagefind_binary() is None, reason="pagefind binary not installed")


def stories(per_day: dict[str, int]) -> list[tuple[str, str | None]]:
    """`per_day` stories on each day ("2025-04-03"), or undated ("")."""
    return [(f"stories/{day or 'undated'}-{i}/index.html", day or None) for day, n in per_day.items() for i in range(n)]


def spread(first: date, days: int, per_day: int) -> dict[str, int]:
    return {(first + timedelta(d)).isoformat(): per_day for d in range(days)}


def test_shards_are_windows_of_calendar_days_sized_to_the_archive(monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_STORIES", 30)
    shards = plan_shards(stories(spread(date(2025, 1, 1), 120, 5)))  # 5 a day: 4 days are too few, 8 enough
    widths = {(date.fromisoformat(b.name) - date.fromisoformat(a.name)).days for a, b in zip(shards, shards[1:])}
    assert widths == {8}
    assert all(date.fromisoformat(s.name).toordinal() % 8 == 0 for s in shards)  # bounds fixed by the calendar
    assert all(list(s.pages) == sorted(s.pages) for s in shards)


def test_an_added_story_moves_only_its_own_shard_wherever_its_date_falls(monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_STORIES", 30)
    archive = spread(date(2025, 1, 1), 120, 5)
    before = plan_shards(stories(archive))
    for day in ("2025-01-05", "2025-02-20", "2025-04-30"):
        after = plan_shards(stories(archive | {day: archive[day] + 1}))
        assert len([s for s in after if s not in before]) == 1, day


def test_the_next_days_news_leaves_the_archives_shards_as_they_were(monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_STORIES", 30)
    archive = spread(date(2025, 1, 1), 120, 5)
    before = plan_shards(stories(archive))
    after = plan_shards(stories(archive | spread(date(2025, 5, 1), 10, 5)))
    assert set(before) - set(after) <= {before[-1]}  # at most the last window, which the new days may share


def test_a_large_archive_has_larger_shards_not_more_of_them(monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_STORIES", 40)
    assert len(plan_shards(stories(spread(date(2020, 1, 1), 2000, 5)))) <= search.MAX_SHARDS


def test_stories_without_a_calendar_date_share_one_shard() -> None:
    shards = plan_shards(stories({"2025-04-03": 2, "": 3}) + [("stories/odd/index.html", "2025-02-30")])
    assert [len(s.pages) for s in shards] == [2, 4] and shards[-1].name == "undated"


def test_no_stories_is_no_shard() -> None:
    assert plan_shards([]) == ()


def across_months(data: Corpus) -> Corpus:
    """The hand-made stories moved into three months, so small shards split them."""
    months = {"s-close": "2025-04-02", "s-ferry": "2025-05-03", "s-open": "2025-06-14", "s-fest": "2025-06-14", "s-twin": "2025-06-20"}
    return replace(data, stories=tuple(
        replace(s, record=replace(s.record, date=months[s.id], dateline=replace(s.record.dateline, date=months[s.id])))
        for s in data.stories))


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if pagefind_binary() is None:
        pytest.skip("pagefind binary not installed")
    out = tmp_path_factory.mktemp("shards") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_STORIES", 1)
        build_handmade(out, data=across_months(corpus()))
    return out


def test_each_shard_is_a_bundle_listed_newest_first(sharded: Path) -> None:
    bundles = json.loads((sharded / "pagefind" / "shards.json").read_text())["bundles"]
    assert bundles == ["2025-06-20/", "2025-06-14/", "2025-05-03/", "2025-04-02/"]  # a day each: five stories are few
    counts = [json.loads((sharded / "pagefind" / b / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"]
              for b in bundles]
    assert counts == [1, 2, 1, 1]
    # Pagefind's script, worker and WebAssembly once, in the primary bundle; its UI nowhere
    files = {p.relative_to(sharded / "pagefind").as_posix() for p in (sharded / "pagefind").rglob("*") if p.is_file()}
    runtime = {f for f in files if f.endswith(("pagefind.js", "pagefind-worker.js", ".pagefind"))}
    assert runtime == {"2025-06-20/pagefind.js", "2025-06-20/pagefind-worker.js",
                       "2025-06-20/wasm.en.pagefind", "2025-06-20/wasm.unknown.pagefind"}
    assert not [f for f in files if "-ui." in f or "highlight" in f]


@needs_pagefind
def test_an_edit_indexes_only_its_shard_and_equals_a_clean_build(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_STORIES", 4)
    indexed: list[str] = []
    real = search.index_shard
    monkeypatch.setattr(search, "index_shard", lambda shard, *args: indexed.append(shard.name) or real(shard, *args))
    site = tmp_path / "site"
    dumps = generate(site / "content", 30, seed=3)
    build(BuildOptions(site_dir=site, workers=1))
    shards = len(indexed)
    assert shards >= 3, "the test needs several shards"
    indexed.clear()
    dumps[7].write_text(dumps[7].read_text().replace(" the ", " the newly revised ", 1))
    build(BuildOptions(site_dir=site, workers=1))
    assert len(indexed) == 1
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")


@needs_pagefind
def test_after_pagefind_fails_the_next_build_indexes_every_shard_again(tmp_path: Path, monkeypatch) -> None:
    """The build's details, encoded while Pagefind runs, must not vouch for shards it failed to make."""
    monkeypatch.setattr(search, "SHARD_STORIES", 4)
    site = tmp_path / "site"
    generate(site / "content", 30, seed=4)
    real = search.index_shard

    def broken(shard, *args):
        raise search.PagefindError("Pagefind failed: out of memory")

    monkeypatch.setattr(search, "index_shard", broken)
    failed = build(BuildOptions(site_dir=site, workers=1))
    assert failed.warnings == ("search index not built: Pagefind failed: out of memory",)
    indexed: list[str] = []
    monkeypatch.setattr(search, "index_shard", lambda shard, *args: indexed.append(shard.name) or real(shard, *args))
    (site / "content" / "extra.txt").write_text("Harbour reopens\n\nThe harbour reopened on Monday after a week of repairs.\n")
    build(BuildOptions(site_dir=site, workers=1))
    assert len(indexed) >= 3
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")


def test_one_search_finds_stories_in_every_shard_and_filters_across_them(sharded: Path) -> None:
    require(CHROMIUM.is_file(), f"chromium ({CHROMIUM})")
    playwright = pytest.importorskip("playwright.sync_api")
    with served(sharded) as base, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(f"{base}search/index.html?q=bridge")
        results = tab.locator(".search-title")
        results.nth(2).wait_for(timeout=15000)
        found = set(results.all_inner_texts())
        assert {"Porto closes Luiz I bridge for cable repairs",  # April's shard
                "Ferries double their crossings while the bridge is shut",  # May's
                "Bridge reopens after twelve days of repairs"} <= found  # June's
        tab.click("#search-refine summary")
        tab.locator(".search-filter", has_text="Coastal Daily").click()
        results.filter(has_text="Porto closes").wait_for(state="detached", timeout=15000)  # April's is Harbour Wire
        results.filter(has_text="Ferries double").wait_for(timeout=15000)  # May's is Coastal Daily
        assert "Porto closes Luiz I bridge for cable repairs" not in results.all_inner_texts()
        assert errors == []
        browser.close()


PAGE = (b'<!DOCTYPE html><html lang="en"><head><title>Floods</title></head><body><nav>Menu</nav>'
        b'<h1>Floods close the road</h1><p class="meta">Part of <a href="e/">Floods</a></p>'
        b'<div class="body" data-pagefind-body><span data-pagefind-filter="source:Wire"></span>'
        b'<div class="inner"><p>Water rose.</p></div><p>Crews wait.</p></div>'
        b'<section>Other coverage: one story</section></body></html>')


def test_search_reads_only_the_marked_body_and_what_pagefind_takes_from_anywhere() -> None:
    same = search.indexed_digest(PAGE)
    outside = PAGE.replace(b"Other coverage: one story", b"Other coverage: two stories").replace(b">Floods</a>", b">Floods and storms</a>")
    assert search.indexed_digest(outside) == same  # an event gaining a story does not touch the index
    for before, after in [(b"Crews wait.", b"Crews left."), (b"Water rose.", b"Water fell."),
                          (b"Floods close the road", b"Floods shut the road"), (b"source:Wire", b"source:Post"),
                          (b'lang="en"', b'lang="fr"')]:
        assert search.indexed_digest(PAGE.replace(before, after)) != same, before
    shouted = PAGE.replace(b"<h1>Floods close the road</h1>", b"<H1>Floods close the road</H1>")
    assert search.indexed_digest(shouted.replace(b"close the road", b"shut the road")) != search.indexed_digest(shouted)


def test_a_page_without_the_mark_is_read_whole() -> None:
    page = PAGE.replace(b" data-pagefind-body", b"")
    assert search.indexed_digest(page) != search.indexed_digest(page.replace(b"Menu", b"Home"))


@needs_pagefind
def test_a_shard_indexes_exactly_its_pages_whatever_their_names(tmp_path: Path, monkeypatch) -> None:
    """A shard's index holds its pages and no other, whatever their names, and a pagefind.yml where
    the build was started from changes nothing."""
    page = ('<html lang="en"><head><title>{0}</title></head><body><main data-pagefind-body>'
            '<h1>{0}</h1><p>Flood barriers hold along the {0} river.</p></main></body></html>')
    site = tmp_path / "site"
    paths = ["stories/a,b{c}[d]*?/index.html", "stories/plain/index.html", "stories/ab/index.html"]
    for i, path in enumerate(paths):
        (site / path).parent.mkdir(parents=True)
        (site / path).write_text(page.format(f"story{i}"), encoding="utf-8")
    (tmp_path / "pagefind.yml").write_text("exclude_selectors: ['p']\nforce_language: fr\n")
    monkeypatch.chdir(tmp_path)
    bundle = search.index_shard(search.Shard("x", tuple(paths[:2])), site, pagefind_binary())
    fragments = [data for path, data in bundle.items() if "/fragment/" in path]
    assert len(fragments) == 2
    assert [path for path in bundle if path.startswith("pagefind/x/index/en_")]  # the pages' language, not fr


@needs_pagefind
def test_a_newer_shard_takes_pagefinds_runtime_and_the_build_equals_a_clean_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(search, "SHARD_STORIES", 4)
    site = tmp_path / "site"
    generate(site / "content", 30, seed=3)
    build(BuildOptions(site_dir=site, workers=1))
    indexed: list[str] = []
    real = search.index_shard
    monkeypatch.setattr(search, "index_shard", lambda shard, *args: indexed.append(shard.name) or real(shard, *args))
    (site / "content" / "late.txt").write_text("Harbour reopens after repairs\n\nBy Ann Lee\n\nMarch 3, 2031\n\n"
                                               "LIMA, Peru (AP) — The harbour reopened on Monday after a week of repairs.\n")
    build(BuildOptions(site_dir=site, workers=1))
    bundles = json.loads((site / "build" / "pagefind" / "shards.json").read_text())["bundles"]
    assert bundles[0] == "2031-03-03/"
    assert sorted(indexed) == sorted([bundles[0].rstrip("/"), bundles[1].rstrip("/")])  # the old primary loses its runtime
    runtime = sorted(p.relative_to(site / "build").as_posix() for p in (site / "build" / "pagefind").rglob("pagefind*.js"))
    assert runtime == ["pagefind/2031-03-03/pagefind-worker.js", "pagefind/2031-03-03/pagefind.js"]
    build(BuildOptions(site_dir=site, output=tmp_path / "clean", clean=True, workers=1))
    assert tree(site / "build") == tree(tmp_path / "clean")
