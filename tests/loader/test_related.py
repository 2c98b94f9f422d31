"""The page's tail to related items: lists end where the footer starts, and a footer's own links
are never items, though some read like titles."""
from __future__ import annotations

from digest.loader.blocks import split_lines
from digest.loader.patterns import patterns
from digest.loader.related import header_kind, parse_related


def titles(tail: str) -> list[str]:
    return [item.title for item in parse_related(split_lines(tail, patterns()), patterns())]


def test_a_block_with_footer_links_is_the_footer() -> None:
    tail = """Related stories
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


def test_the_sites_own_lists_and_comments_are_not_related() -> None:
    """"Most read", "Trending Now", "Top Stories" are the same on every page of the site; comments
    are readers'. Only the list the page offers as related to the story gives related items."""
    tail = """More on this story
Council approves new cycle lanes on the bridge

MOST READ
Hunter captures strange howl in the northern woods
Teen fined after scary distracted driving incident

Trending Now
Top-rated tattoo shops around the city

Most Read World
Now comes the hard part for the new coalition

Comments
Reader One: Congratulations for a well deserved achievement by the council
"""
    assert titles(tail) == ["Council approves new cycle lanes on the bridge"]


def test_a_block_repeated_under_a_related_and_a_popular_header_is_related() -> None:
    tail = """Related articles

Council of Europe launches new claims commission for Ukraine

Popular

Council of Europe launches new claims commission for Ukraine
"""
    items = parse_related(split_lines(tail, patterns()), patterns())
    assert [(i.title, i.sections) for i in items] == [
        ("Council of Europe launches new claims commission for Ukraine", ("Related articles", "Popular"))]


def test_header_kinds_come_from_the_table_and_the_longest_known_start() -> None:
    assert header_kind("RELATED ARTICLES") == "related"
    assert header_kind("See also:") == "related"
    assert header_kind("Most Read World") == "sitewide"
    assert header_kind("More News from Sci-Tech") == "sitewide"
    assert header_kind("Read More Stories About") == "sitewide"  # a tag list, though it opens "Read more"
    assert header_kind("Join the Conversation") == "comments"
    assert header_kind("Weather") is None


def test_a_section_link_or_a_pager_is_no_item() -> None:
    tail = """Related articles
Alibaba poised to launch record-breaking Hong Kong listing
Life & Style
1 / 5
"""
    assert titles(tail) == ["Alibaba poised to launch record-breaking Hong Kong listing"]


def test_links_set_among_the_paragraphs_are_related_items() -> None:
    """"Read more: <title>" between paragraphs, or a "Related Coverage" box of a title or two: the
    article's own related links. A sentence that opens with "Read more" is no header."""
    article = """The listing is set to be the largest share sale in the city for nine years.

Read more: Tencent profit falls as Alibaba threat and economic woes weigh

Related Coverage

Factbox: Key winners at the 2020 Screen Actors Guild Awards

Small investors have welcomed the deal, subscribing for many more shares than on offer.

Read more about sharing.

These are external links and will open in a new window
"""
    lines = split_lines(article, patterns())
    items = parse_related((), patterns(), None, lines)
    assert [(i.title, i.sections) for i in items] == [
        ("Tencent profit falls as Alibaba threat and economic woes weigh", ("Read more",)),
        ("Factbox: Key winners at the 2020 Screen Actors Guild Awards", ("Related Coverage",)),
    ]


def test_citations_credits_and_addresses_are_no_items() -> None:
    tail = """See also
^ Walrond, Carl (May 2012). "Atheism and secularism – Who is secular?". Te Ara
By Susan B. Glasser
IFRAME: https://ads.example.com/frame/1234
List of harbour towns of the northern coast
"""
    assert titles(tail) == ["List of harbour towns of the northern coast"]
