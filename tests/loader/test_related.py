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


def test_a_box_of_related_links_between_paragraphs_does_not_end_the_story() -> None:
    """"Related stories" and a few links set between two paragraphs: the paragraph under the box is
    still the story's; the list after the last paragraph still ends it."""
    from digest.loader import load_text

    paragraphs = [
        "A total of 6,000 masks have gone missing from a hospital in the port city, it was learned on Tuesday.",
        "The masks had been kept in a locked machine room on the third floor of the hospital, officials said.",
        "A hospital employee noticed on Thursday that some boxes were missing and told the police on Monday.",
    ]
    last = "The theft comes at a time when the country is seeing a shortage of masks as the virus spreads."
    page = "\n\n".join([
        "Masks stolen from hospital", *paragraphs, "Related stories",
        "• Do masks offer protection from the virus?\n• Mask prices soar amid virus fear\n• Shops ration masks",
        last, "Most read", "• Port strike ends after a week\n• New ferry named for the city's founder",
    ])
    record = load_text("masks.txt", page)
    assert record.body == (*paragraphs, last)
