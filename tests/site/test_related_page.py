"""A story page's related items: a few, each once, linked to the story when the site has it, else plain
text, never a heading."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from digest.config import SiteConfig
from digest.records import RelatedItem
from tests.site.handmade import CONFIG, build_handmade, corpus

PAGE = "stories/porto-closes-luiz-i-bridge-for-cable-repairs/index.html"


def related_box(html: str) -> str:
    match = re.search(r'<section class="related".*?</section>', html, re.DOTALL)
    return match.group(0) if match else ""


def test_a_page_with_two_hundred_related_links_shows_the_configured_few(tmp_path: Path) -> None:
    data = corpus()
    closing = next(s for s in data.stories if s.id == "s-close")
    many = tuple(RelatedItem(f"Harbour story number {n} of the long list", None) for n in range(200))
    items = (closing.record.related[0], closing.record.related[0], *many)  # the linked item, twice
    closing = replace(closing, record=replace(closing.record, related=items), related_story=("s-open", "s-open"))
    data = replace(data, stories=tuple(closing if s.id == "s-close" else s for s in data.stories))
    box = related_box(build_handmade(tmp_path / "out", replace(CONFIG, related_items=3), data)[PAGE].decode())
    assert box.count("<li>") == 3
    assert box.count("Bridge reopens after twelve days of repairs") == 1  # each item once
    assert '<li><a href="../bridge-reopens-after-twelve-days-of-repairs/index.html">' in box
    assert '<span class="title">Harbour story number 0 of the long list</span>' in box  # not in the site: text
    assert "<h3" not in box


def test_no_related_items_no_box(tmp_path: Path) -> None:
    box = related_box(build_handmade(tmp_path / "out", replace(CONFIG, related_items=0))[PAGE].decode())
    assert box == ""
    assert SiteConfig().related_items == 5
