"""Search results in a real browser: dump text found by Pagefind shows as text and never runs, in
the result titles, their excerpts and the filter panel."""
from __future__ import annotations

from pathlib import Path

import pytest

from digest.build import BuildOptions, build
from tests.hardening.conftest import article, write_site
from tests.hardening.test_escaping import (
    HEADLINE,
    SOURCE,
    hostile_dump,
    hostile_source_dump,
)
from tests.site.tools import CHROMIUM, CHROMIUM_ARGS, require, served

# What the dumps' markup would add to the search box if any of it ran: the UI's own markup has none of it.
INJECTED = "#search img, #search script, #search meta, #search a[href^='javascript'], #search [onerror]"


def test_a_search_result_shows_hostile_text_as_text(tmp_path: Path) -> None:
    require(CHROMIUM.is_file(), f"chromium ({CHROMIUM})")
    playwright = pytest.importorskip("playwright.sync_api")
    site = write_site(tmp_path / "site", {"hostile.txt": hostile_dump(),
                                          "plain.txt": article("Ferries resume", extra="Ferries sail."),
                                          "source.txt": hostile_source_dump()})
    if build(BuildOptions(site_dir=site)).warnings:
        pytest.skip("no search index: the Pagefind binary is missing")
    with served(site / "build") as base, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(f"{base}search/index.html?q=residents")
        result = tab.locator("#search-results li").first
        result.wait_for(timeout=15000)
        assert tab.locator(".search-title").first.inner_text() == HEADLINE
        assert "Residents wrote <script>alert(1)</script>" in result.inner_text()
        # the filter panel lists the sources of the stories found: the hostile one holds "ferries"
        tab.fill("#search-q", "ferries")
        tab.locator(".search-filter", has_text="Trend").wait_for(state="attached", timeout=15000)
        labels = tab.locator(".search-filter").all_text_contents()
        assert any(label.strip().startswith(SOURCE) for label in labels), labels
        assert tab.locator(INJECTED).count() == 0
        assert dialogs == [] and tab.url.startswith(base)  # nothing ran, nothing led away
        browser.close()
