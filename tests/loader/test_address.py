"""The page's own address is kept where the dump carries it, and never made up."""
from __future__ import annotations

from digest.loader.address import page_address
from digest.loader.record import load_text

LYNX = """Floods close the coast road

   Heavy rain closed the coast road on Monday.

References

   1. https://www.coastal.example/
   2. https://www.coastal.example/world/
   3. https://www.coastal.example/2025/06/02/floods-close-the-coast-road/
   4. https://www.coastal.example/2025/06/02/floods-close-the-coast-road/#comments
   5. https://www.coastal.example/2025/06/01/coast-road-reopens-after-repairs/
   6. https://ads.example/click?id=1
"""


def test_lynx_references_give_the_link_that_spells_the_headline() -> None:
    assert page_address(LYNX, "Floods close the coast road") == \
        "https://www.coastal.example/2025/06/02/floods-close-the-coast-road/"


def test_no_link_spelling_the_headline_gives_no_address() -> None:
    assert page_address(LYNX, "Minister resigns over budget") is None
    assert page_address("Floods close the coast road\n\nHeavy rain closed it.\n", "Floods close the coast road") is None


def test_a_link_to_another_site_is_a_citation_not_the_page() -> None:
    text = LYNX.replace("https://www.coastal.example/2025/06/02/floods-close-the-coast-road/",
                        "https://elsewhere.example/floods-close-the-coast-road")
    assert page_address(text, "Floods close the coast road") is None


def test_a_share_box_link_and_a_labelled_line_are_read() -> None:
    share = "Copy this link\n\nhttps://www.bbc.example/news/floods-close-the-coast-road-501\n\nRead more about sharing.\n"
    assert page_address(share, "Floods close the coast road") == "https://www.bbc.example/news/floods-close-the-coast-road-501"
    assert page_address("URL: https://x.example/a\n\nText\n", None) == "https://x.example/a"
    assert page_address("Text\n", "Anything at all", header_url="https://x.example/b") == "https://x.example/b"


def test_the_record_keeps_the_address_of_a_scrapers_header() -> None:
    dump = ("Title: Floods close the coast road\nURL Source: https://www.coastal.example/floods\n"
            "Markdown Content:\nHeavy rain closed the coast road on Monday, the police said, and the town of Porto "
            "was cut off for a day while crews cleared mud and fallen trees from the road.\n")
    assert load_text("a.txt", dump).url == "https://www.coastal.example/floods"
    assert load_text("b.txt", dump.replace("URL Source: https://www.coastal.example/floods\n", "")).url is None
