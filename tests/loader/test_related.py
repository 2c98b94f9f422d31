"""The page's tail to related items: lists end where the footer starts, and a footer's own links
are never items, though some read like titles."""
from __future__ import annotations

from digest.loader.blocks import split_lines
from digest.loader.patterns import patterns
from digest.loader.related import parse_related


def titles(tail: str) -> list[str]:
    return [item.title for item in parse_related(split_lines(tail, patterns()), patterns())]


def test_a_block_with_footer_links_is_the_footer() -> None:
    tail = """Most Popular
Wheat prices fall in Karachi as new crop arrives early
PIA resumes flights to Europe after four-year ban

Dawn Media Group
Dawn News English
Contact Us
Privacy Policy
"""
    assert titles(tail) == [
        "Wheat prices fall in Karachi as new crop arrives early",
        "PIA resumes flights to Europe after four-year ban",
    ]


def test_a_list_that_shares_its_block_with_a_button_keeps_its_items() -> None:
    tail = """Related stories
Bridge closes for a week of inspections
Council approves new cycle lanes
Share
"""
    assert titles(tail) == ["Bridge closes for a week of inspections", "Council approves new cycle lanes"]
