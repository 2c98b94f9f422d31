"""A story whose page gives no date is given none: not in the feeds, the JSON-LD or the sitemap, and
listed on its own page, never on the home page of recent days."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.site.handmade import build_handmade, corpus

UNDATED = "Harbour story of no particular day"
SLUG = "stories/harbour-story-of-no-particular-day/index.html"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = corpus()
    undated = replace(data.stories[1], id="s-undated", record=replace(
        data.stories[1].record, path="c/9.txt", headline=UNDATED, date=None, dateline=None))
    built = build_handmade(tmp_path_factory.mktemp("undated") / "out",
                           data=replace(data, stories=(*data.stories, undated)))
    return {path: content.decode() for path, content in built.items() if not path.startswith("pagefind/")}


@pytest.mark.parametrize("name", ["atom.xml", "rss.xml", "feed.json", "sources/coastal-daily/atom.xml"])
def test_feeds_leave_an_undated_story_out(files: dict[str, str], name: str) -> None:
    assert "Sardine festival" in files[name] or "Ferries" in files[name]
    assert UNDATED not in files[name]


def test_its_json_ld_and_meta_carry_no_date(files: dict[str, str]) -> None:
    page = files[SLUG]
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    assert block and "datePublished" not in json.loads(block.group(1))
    assert "article:published_time" not in page


def test_the_sitemap_lists_it_without_lastmod(files: dict[str, str]) -> None:
    sitemap = files["sitemap.xml"]
    entry = re.search(r"<url><loc>[^<]*harbour-story-of-no-particular-day/</loc>(.*?)</url>", sitemap)
    assert entry and entry.group(1) == ""


def test_it_has_its_own_list_page_linked_from_every_page_but_not_on_the_home_page(files: dict[str, str]) -> None:
    assert UNDATED in files["undated/index.html"]
    assert "Sardine festival" not in files["undated/index.html"]
    home = files["index.html"]
    assert UNDATED not in home[home.index('<main'):]
    assert 'href="undated/index.html"' in home
    assert 'href="../undated/index.html"' in files["archive/index.html"]


def test_a_site_with_every_story_dated_has_no_undated_page(tmp_path: Path) -> None:
    assert "undated/index.html" not in build_handmade(tmp_path / "out")
