"""Scrapers' metadata headers (Jina Reader, trafilatura): read at the very top of a dump only, in
their exact forms, and never part of the page's text."""
from __future__ import annotations

from digest.loader import load_text
from digest.loader.metadata import ScrapeHeader, split_scrape_header
from digest.loader.patterns import patterns

# A page that prints no headline, names no source and gives no date: only a header can.
BARE_PAGE = """Menu
News
Sports

The council voted on Tuesday to close the old bridge to cars for two years while engineers rebuild its deck and railings.

Drivers will be sent along the river road, which the council said would add about ten minutes to most trips into town.

Shop owners near the bridge said they feared losing customers, and asked the council to help them through the works.

The first lane closures are planned for the spring, once the last of the winter storms has passed, officials said.
"""
PAGE = "Bridge to close for two years as council backs repairs\n\n" + BARE_PAGE
JINA = """Title: Bridge to close for two years | Riverside Courier

URL Source: https://www.riverside-courier.com/news/bridge

Published Time: 2025-04-23T10:02:00+00:00

Warning: This page maybe not yet fully loaded, consider explicitly specify a timeout.

Markdown Content:
"""
TRAFILATURA = """---
title: Bridge to close for two years
author: Ann Lee
url: https://www.riverside-courier.com/news/bridge
hostname: riverside-courier.com
description: The council backs repairs
sitename: Riverside Courier
date: 2025-04-23
fingerprint: 1f2e3d4c5b6a7980
---
"""
HEADER_WORDS = ("Title:", "URL Source", "Published Time", "Markdown Content", "Warning:", "fingerprint",
                "hostname", "sitename", "---", "riverside-courier.com")


def test_a_jina_header_at_the_top_is_read_and_cut_off() -> None:
    meta, rest = split_scrape_header(JINA + PAGE, patterns())
    assert meta == ScrapeHeader("jina", "Bridge to close for two years | Riverside Courier", "2025-04-23", None,
                                "https://www.riverside-courier.com/news/bridge")
    assert rest == PAGE


def test_a_trafilatura_front_matter_at_the_top_is_read_and_cut_off() -> None:
    meta, rest = split_scrape_header(TRAFILATURA + PAGE, patterns())
    assert meta == ScrapeHeader("trafilatura", "Bridge to close for two years", "2025-04-23", "Riverside Courier",
                                "https://www.riverside-courier.com/news/bridge")
    assert rest == PAGE
    meta, _ = split_scrape_header(TRAFILATURA.replace("sitename: Riverside Courier\n", "") + PAGE, patterns())
    assert meta is not None and meta.site == "riverside-courier.com"  # the host name when no site name


def test_the_header_fills_only_what_the_page_does_not_give() -> None:
    record = load_text("a.txt", JINA + BARE_PAGE)
    assert (record.headline, record.headline_inferred, record.date) == ("Bridge to close for two years", False, "2025-04-23")
    record = load_text("a.txt", TRAFILATURA + BARE_PAGE)
    assert (record.headline, record.source, record.date) == ("Bridge to close for two years", "Riverside Courier", "2025-04-23")


def test_the_page_headline_wins_over_a_header_title_that_differs() -> None:
    for header in (JINA, TRAFILATURA.replace("title: Bridge to close for two years", "title: Old bridge shut | News")):
        record = load_text("a.txt", header + PAGE)
        assert record.headline == "Bridge to close for two years as council backs repairs"
        assert not record.headline_inferred


def test_header_lines_never_reach_the_body() -> None:
    for header in (JINA, TRAFILATURA):
        for page in (PAGE, BARE_PAGE):
            record = load_text("a.txt", header + page)
            assert not [p for p in record.body if any(word in p for word in HEADER_WORDS)], record.body
            assert record.body[0].startswith("The council voted")


def test_the_same_lines_inside_a_dump_are_not_a_header() -> None:
    for header in (JINA, TRAFILATURA):
        meta, rest = split_scrape_header(PAGE + "\n" + header, patterns())
        assert meta is None and rest == PAGE + "\n" + header
        meta, _ = split_scrape_header("\n" + header + PAGE, patterns())  # not at the very top
        assert meta is None


def test_a_title_row_of_a_real_page_is_the_page() -> None:
    listing = "Title: Annual report 2024\nAuthor: Finance office\nPages: 84\n\n" + PAGE
    meta, rest = split_scrape_header(listing, patterns())
    assert meta is None and rest == listing
    record = load_text("a.txt", listing)
    assert record.body[0].startswith("The council voted") and len(record.body) == 4


def test_a_header_needs_its_closing_line_and_only_its_own_keys() -> None:
    unclosed = JINA.replace("Markdown Content:\n", "")
    assert split_scrape_header(unclosed + PAGE, patterns())[0] is None
    other_keys = TRAFILATURA.replace("fingerprint:", "draft:")  # a static site's front matter, not trafilatura's
    assert split_scrape_header(other_keys + PAGE, patterns())[0] is None
    assert split_scrape_header("---\n\n" + PAGE, patterns())[0] is None  # a markdown rule on top


def test_a_source_line_is_no_header_and_keeps_crediting() -> None:
    page = "Source: Riverside Courier\n\n" + PAGE
    assert split_scrape_header(page, patterns())[0] is None


def test_an_impossible_header_date_is_no_date() -> None:
    meta, _ = split_scrape_header(JINA.replace("2025-04-23T", "2025-04-31T") + PAGE, patterns())
    assert meta is not None and meta.date is None
