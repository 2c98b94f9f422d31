"""Fixtures the site's browser tests share: one headless Chromium a module, a fresh tab a test."""
from __future__ import annotations

import pytest

from tests.site.tools import CHROMIUM, CHROMIUM_ARGS, require


@pytest.fixture(scope="module")
def browser():
    require(CHROMIUM.is_file(), f"chromium ({CHROMIUM})")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    """A tab of its own; the test fails on any script error or resource the Content-Security-Policy blocks."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert errors == [], errors
