"""The built site in Debian's headless Chromium through Playwright: browsing from disk and over
HTTP, following a story, an event and a person, searching, and axe-core on every page kind."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site.handmade import CONFIG, build_handmade, corpus
from tests.site.tools import AXE_JS, require, served

PAGE_KINDS = {
    "home": "index.html",
    "story": "stories/porto-closes-luiz-i-bridge-for-cable-repairs/index.html",
    "event": "events/luiz-i-bridge-closed-for-repairs/index.html",
    "events": "events/index.html",
    "person": "people/ana-costa/index.html",
    "source": "sources/harbour-wire/index.html",
    "older page": "places/porto/page/1/index.html",
    "index": "places/index.html",
    "day": "2025/06/14/index.html",
    "archive": "archive/index.html",
    "month": "2025/06/index.html",
    "markdown page": "about-this-digest/index.html",
    "search": "search/index.html?q=cable",
    "not found": "stories/a-removed-story/",  # the host answers with 404.html, at depth
}
ORIGINAL = "https://harbourwire.example/2025/06/02/porto-closes-luiz-i-bridge"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "out"
    data = corpus()  # one story whose dump gave its own address
    stories = tuple(replace(s, record=replace(s.record, url=ORIGINAL)) if s.id == "s-close" else s for s in data.stories)
    build_handmade(out, data=replace(data, stories=stories))
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with served(site, urlsplit(CONFIG.base_url).path) as base:  # where base_url puts it, as a host would
        yield base


@pytest.fixture
def page(tab):
    return tab  # the shared tab (tests/site/conftest.py), under the name these tests read best with


def follow_story_event_person(page, home: str) -> None:
    page.goto(home)
    assert page.locator("link[rel=stylesheet]").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.masthead')).borderBottomStyle") == "solid"
    page.click("text=Luiz I bridge closed for repairs")
    assert page.locator("h1").inner_text() == "Luiz I bridge closed for repairs"
    page.click("ol.timeline >> text=Porto closes Luiz I bridge for cable repairs")
    assert page.locator("h1").inner_text() == "Porto closes Luiz I bridge for cable repairs"
    assert page.locator("q.quote").first.inner_text() == "The bridge will reopen before the summer festival"
    page.click("figcaption >> text=Ana Costa")
    assert page.locator("h1").inner_text() == "Ana Costa"
    assert "The bridge will reopen before the summer festival" in page.locator("main").inner_text()


def test_browse_from_disk(page, site: Path) -> None:
    follow_story_event_person(page, (site / "index.html").as_uri())
    assert page.url.startswith("file://") and page.url.endswith("/people/ana-costa/index.html")


def test_browse_over_http(page, server: str) -> None:
    follow_story_event_person(page, server + "index.html")


def test_search_finds_the_right_story_and_filters_by_person(page, server: str) -> None:
    page.goto(server + "sources/index.html")
    page.fill("#search-q", "ferry crossings")
    page.click("form[role=search] button")
    results = page.locator(".search-title")
    results.first.wait_for(timeout=15000)
    assert results.all_inner_texts() == ["Ferries double their crossings while the bridge is shut"]
    page.locator("#search-filters legend").nth(1).wait_for(state="attached", timeout=15000)  # loaded after the results
    filters = page.locator("#search-filters legend").all_text_contents()
    assert {f.strip().lower() for f in filters} == {"source", "date"}  # the story quotes no one: no person values
    results.first.click()
    page.wait_for_url("**/stories/ferries-double-their-crossings-while-the-bridge-is-shut/index.html")


def test_search_from_disk_says_it_needs_http(page, site: Path) -> None:
    page.goto((site / "search" / "index.html").as_uri() + "?q=cable")
    assert "needs the site served over HTTP" in page.locator("#search-note").inner_text()


def test_walk_home_month_day_previous_day_story_and_original(page, server: str) -> None:
    page.route("https://harbourwire.example/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!DOCTYPE html><title>Original</title><h1>The outlet's page</h1>"))
    page.goto(server)
    page.click("main >> text=\"June 2025\"")
    assert page.locator("h1").inner_text() == "June 2025"
    page.click("main >> text=\"3 June 2025\"")
    assert page.locator("h1").inner_text() == "3 June 2025"
    page.click("nav.neighbours >> text=\"← 2 June 2025\"")  # the previous day
    assert page.locator("h1").inner_text() == "2 June 2025"
    page.click("text=Porto closes Luiz I bridge for cable repairs")
    assert page.locator("h1").inner_text() == "Porto closes Luiz I bridge for cable repairs"
    page.click("text=Read at Harbour Wire")
    page.wait_for_url(ORIGINAL)
    assert page.locator("h1").inner_text() == "The outlet's page"


def test_a_deep_missing_address_gets_a_404_page_that_loads_its_stylesheet_and_links(browser, server: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    failed: list[str] = []
    tab.on("requestfailed", lambda request: failed.append(request.url))
    tab.on("response", lambda response: failed.append(response.url) if response.status >= 400
           and not response.url.endswith("/a-removed-story/") else None)
    answer = tab.goto(server + "stories/a-removed-story/")
    assert answer.status == 404 and tab.locator("h1").inner_text() == "Page not found"
    assert tab.evaluate("getComputedStyle(document.querySelector('.masthead')).borderBottomStyle") == "solid"
    tab.click("main >> text=front page")
    assert tab.url == server and tab.locator("h1").inner_text() == CONFIG.title
    context.close()
    assert failed == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page_kind(browser, server: str, scheme: str) -> None:
    require(AXE_JS.is_file(), "axe-core (npm)")
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)  # axe is injected as an inline script
    tab = context.new_page()
    found = {}
    for kind, path in PAGE_KINDS.items():
        tab.goto(server + path)
        if kind == "search":
            tab.locator(".search-title").first.wait_for(timeout=15000)
        tab.add_script_tag(path=str(AXE_JS))
        violations = tab.evaluate("async () => (await axe.run(document)).violations"
                                  ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))")
        if violations:
            found[kind] = violations
    context.close()
    assert found == {}
