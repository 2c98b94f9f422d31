"""A page saved with its menu bar first: the menu is never the headline, and a short credit line
right below the last paragraph still gives the source and the story's year."""
from __future__ import annotations

from digest.loader import load_text

PAGE = """Home News World Business Sport Sign in

Harbour gates reopen after storm repairs - Coast Herald

LISBON, Portugal, March 3. The city's main harbour reopened on Monday after three weeks of repairs, port officials told reporters at the quay.

"We are ready to receive ships again, and the work finished ahead of schedule," said port director Maria Costa.

Fishing crews returned to the docks before dawn, and the first cargo vessel is due on Wednesday morning.

Source: Coast Herald. Photo: The quay, March 3, 2025. (Agency/Staff)

Related articles

Bridge closes for a week of inspections
"""


def test_menu_bar_is_not_the_headline() -> None:
    record = load_text("p.txt", PAGE)
    assert record.headline == "Harbour gates reopen after storm repairs"
    assert record.headline_inferred is False
    assert record.publisher == "Coast Herald"


def test_short_credit_line_below_the_body_counts() -> None:
    record = load_text("p.txt", PAGE)
    assert record.source == "Coast Herald"
    assert record.photo_credit == "Agency/Staff"
    assert record.date == "2025-03-03"
    assert record.body[-1].startswith("Fishing crews") and len(record.body) == 3
    assert [r.title for r in record.related] == ["Bridge closes for a week of inspections"]


def test_menu_separators_and_case_do_not_matter() -> None:
    record = load_text("p.txt", PAGE.replace("Home News World Business Sport Sign in", "NEWS | WORLD • SPORT » Opinion"))
    assert record.headline == "Harbour gates reopen after storm repairs"


def test_a_menu_item_named_like_a_section_heads_no_list() -> None:
    """"• Latest News" among the menu's other links is a link, not the header of a list of
    stories: the article's first paragraph, sharing its block with a short line ("Jo Lee has
    more."), is still the article's."""
    menu = "\n".join(f"     • {item}" for item in ["News", "Latest News", "North Korea", "Video News", "Photos", "Culture"])
    page = "\n".join([
        "   Radio News", "", menu, "", "   Cold wave grips the peninsula", "",
        "   Anchor: After heavy rain on Monday, strong and cold winds brought early winter temperatures on"
        " Tuesday, and the first cold wave alerts of the season were issued.",
        "   Jo Lee has more.", "",
        "   Report: People on the streets were seen wearing layers throughout the day as the temperatures"
        " felt as though winter had suddenly come to the whole nation.", "",
        "   The cold snap should peak on Wednesday before temperatures climb back up on Thursday.", "",
    ])
    body = load_text("cold.txt", page).body
    assert body[0].startswith("Anchor: After heavy rain on Monday")


def test_a_tabs_last_label_still_heads_what_follows() -> None:
    """A tab bar's last label ("• Author", "• Recent Posts") stands over its panel: an author's
    box under it is no paragraph of the post."""
    paragraphs = [
        "Pick furniture that can serve more than one purpose, such as a crib with drawers under it.",
        "Paint the ceiling a different colour than the walls to make a small room seem taller.",
        "Remember that you probably do not need as much as you think, and small rooms can be lovely.",
    ]
    page = "\n\n".join([
        "Small nursery ideas", *paragraphs, "• Author\n• Recent Posts", "Amy Stone",
        "I'm Amy and I'm so glad you've stopped by, and my goal is to walk you through your baby's first year.",
    ])
    assert load_text("nursery.txt", page).body == tuple(paragraphs)


def test_keep_reading_heads_a_list_of_other_posts() -> None:
    """"Keep Reading" over linked posts, each a title and its summary: the summaries are no paragraphs."""
    paragraphs = [
        "The cache sped up every request by a third once the keys were frozen strings instead of new ones.",
        "It turns out that the runtime can optimise this away, but only in the newest release of it.",
        "Until then, freezing the strings by hand is the cheapest way to make the service fast again.",
    ]
    page = "\n\n".join([
        "Making a service fast again", *paragraphs, "Keep Reading",
        "• The curious case of the table-locking query\n"
        "I maintain an internal service that does metadata processing, and it is not real-time, so there is slack.",
    ])
    assert load_text("fast.txt", page).body == tuple(paragraphs)
