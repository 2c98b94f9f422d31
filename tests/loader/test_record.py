"""Whole pages of the common families, each a small made-up dump: the record a reader expects."""
from __future__ import annotations

from digest.loader import load_text
from digest.loader.credits import publisher_in_masthead
from digest.loader.patterns import patterns

MENU = "\n".join(["Menu", "News", "Sports", "Business", "Opinion", "Weather", "Sign in", "Subscribe"])
TRENDING = "\n".join(
    [
        "Related stories",
        "",
        "Police search for missing hiker in the national park",
        "Police said the hiker was last seen on Sunday near the northern trail and may be injured.",
        "Stocks rally as investors cheer the latest jobs report",
        "Markets rose in early trading after the government said employers added more jobs than forecast.",
    ]
)
WIRE_ON_PAPER = f"""Storm cuts power to thousands across the coast - Daily Planet

{MENU}

Storm cuts power to thousands across the coast

By JANE ROE and RICK MOE
Associated Press
Nov. 12, 2021 6:40 AM EST

A worker repairs a power line in Harbor City on Monday, Nov. 11, 2021. (AP Photo/Sam Poe)

HARBOR CITY, Maine (AP) — A storm with winds of up to 80 mph cut power to more than 200,000 homes along the coast on Monday, officials said.

“We have crews working around the clock and we will keep going until every home is back,” said Lisa Park, a spokeswoman for the utility.

Read more: Why storms are getting stronger along the coast

Schools in three counties closed for the day, and the state police urged drivers to stay off the roads.

“It is the worst I have seen in twenty years,” Park said. “Please stay home tonight.”

___

Associated Press writer Tom Lee in Boston contributed to this report.

{TRENDING}

© 2021 Daily Planet Media. All rights reserved.
"""


def test_wire_story_on_a_newspaper_site() -> None:
    record = load_text("planet.txt", WIRE_ON_PAPER)
    assert (record.headline, record.headline_inferred) == ("Storm cuts power to thousands across the coast", False)
    assert (record.publisher, record.source) == ("Daily Planet", "Associated Press")
    assert record.byline == "JANE ROE and RICK MOE"
    assert record.dateline and record.dateline.place == "HARBOR CITY, Maine"
    assert record.date == "2021-11-12"
    assert len(record.body) == 4
    assert record.body[0].startswith("A storm with winds")
    assert record.body[-1].endswith("Please stay home tonight.”")
    assert record.photo_caption and record.photo_caption.startswith("A worker repairs a power line")
    assert [(q.speaker, q.kind) for q in record.quotes if q.kind == "direct"] == [("Lisa Park", "direct")] * 3


def test_related_list_after_the_story_stays_out_of_the_body() -> None:
    body = "\n".join(load_text("planet.txt", WIRE_ON_PAPER).body)
    for junk in ("Police said the hiker", "Markets rose", "Read more", "contributed to this report", "Related stories"):
        assert junk not in body


def test_agency_dump_without_title_line_gets_an_inferred_headline() -> None:
    text = (
        "BEIJING, Dec. 30 (Xinhua) -- China will cut import tariffs on more than 850 goods from Jan. 1, "
        "the Ministry of Finance said on Monday.\n\n"
        "The cuts cover frozen pork, medicines and parts for high-tech products, the ministry said in a statement.\n"
    )
    record = load_text("xinhua.txt", text)
    assert record.headline_inferred and record.headline.startswith("China will cut import tariffs")
    assert record.source == "Xinhua"
    assert record.dateline and (record.dateline.place, record.dateline.date) == ("BEIJING", "--12-30")


def test_publisher_is_the_source_when_no_agency_is_credited() -> None:
    text = WIRE_ON_PAPER.replace("Associated Press\n", "").replace("(AP) ", "").replace("(AP Photo/Sam Poe)", "")
    record = load_text("own.txt", text)
    assert record.source == "Daily Planet"


def test_a_list_page_is_not_an_article() -> None:
    text = "Results - Sports Desk\n\n" + "\n".join(f"Team {i} beat Team {i + 1} by three points." for i in range(3))
    assert load_text("results.txt", text).kind == "other"


def test_related_list_becomes_items_with_summaries_and_no_footer() -> None:
    related = load_text("planet.txt", WIRE_ON_PAPER).related
    assert [(r.title, r.sections) for r in related] == [
        ("Why storms are getting stronger along the coast", ("Read more",)),  # a link among the paragraphs
        ("Police search for missing hiker in the national park", ("Related stories",)),
        ("Stocks rally as investors cheer the latest jobs report", ("Related stories",)),
    ]
    assert related[1].summary and related[1].summary.startswith("Police said the hiker")


def test_a_short_closing_sentence_is_part_of_the_body() -> None:
    text = WIRE_ON_PAPER.replace("“It is the worst I have seen", "No one was hurt.\n\n“It is the worst I have seen")
    text = text.replace("Please stay home tonight.”\n", "Please stay home tonight.”\n\nNo one was hurt.\n")
    body = load_text("short.txt", text).body
    assert body.count("No one was hurt.") == 2 and body[-1] == "No one was hurt."


def test_dump_saved_without_its_title_line_takes_the_heading_above_the_body() -> None:
    text = WIRE_ON_PAPER.split("\n", 1)[1]  # the same page without the browser's title line
    record = load_text("untitled.txt", text)
    assert (record.headline, record.headline_inferred) == ("Storm cuts power to thousands across the coast", False)
    assert record.body[0].startswith("A storm with winds")


def test_masthead_names_the_publisher_where_no_title_line_does() -> None:
    pats = patterns()
    assert publisher_in_masthead(["Skip to main content", "The Harbour Chronicle", "News"], pats) == "The Harbour Chronicle"
    assert publisher_in_masthead(["World News", "Breaking News", "Germany"], pats) is None
    assert publisher_in_masthead(["Floods hit the north, says the Daily"], pats) is None


def test_a_wire_end_mark_is_cut_from_the_last_paragraph() -> None:
    page = (
        "BEIJING, March 3 (Xinhua) -- China's grain output reached a record last year, official data showed on Monday.\n\n"
        "Authorities also plan to cut losses in storage and transport, which waste millions of tonnes a year. Enditem\n"
    )
    assert load_text("p.txt", page).body[-1].endswith("millions of tonnes a year.")


def test_the_headline_above_a_standfirst_is_taken_over_the_standfirst() -> None:
    page = (
        "Home › Austria › Politics\n\n03.03.2025 | 14:20\n\n"
        "Vienna council approves night bus network\n\n"
        "Six new lines will run every thirty minutes from Friday to Sunday nights from April onwards\n\n"
        "Vienna’s city council has approved six new night bus lines for the outer districts on weekend nights.\n\n"
        "The lines will run every 30 minutes between half past midnight and five in the morning.\n"
    )
    record = load_text("p.txt", page)
    assert (record.headline, record.date) == ("Vienna council approves night bus network", "2025-03-03")
    assert record.body[0].startswith("Vienna’s city council")


def test_a_masthead_names_the_site_where_the_copyright_names_its_owning_company() -> None:
    page = (
        "   Kestrel Daily News\n     * Home\n     * Sport\n\nBridge reopens after six months of repairs\n\n"
        "   Drivers crossed the Kestrel river bridge again on Monday after repairs that took six months and cost\n"
        "   the county more than $4 million, officials said.\n\n"
        "   The bridge carries about 20,000 vehicles a day between the two halves of the city.\n\n"
        "   © 2024 Kestrel Media Group, LLC. All rights reserved.\n"
    )
    assert load_text("p.txt", page).publisher == "Kestrel Daily News"


def test_a_linked_storys_byline_inside_the_article_does_not_move_its_start() -> None:
    """A card for another story ("First in Playbook: ...", "By A and B") between paragraphs: the
    byline is that story's, and the paragraphs above it are this one's, not a standfirst."""
    paragraphs = [
        "Rep. Mark Hale's sudden retirement, revealed just 30 hours before the filing deadline, has roiled some Republicans.",
        "The four-term congressman will leave the House for a role in the administration, he said in an interview on Thursday.",
        "Later that day came a campaign launch by Lynda Bell, a local party activist who is friendly with the congressman's wife.",
        "Wary Republicans in the state quickly speculated that she had advance notice of the retirement and its timing.",
    ]
    text = "\n\n".join([
        "Hale accused of timing retirement to help a friend", "By ALLY MOORE", "12/30/2019 05:03 AM EST", *paragraphs,
        "First in Playbook: Hale to leave Congress, plus what the leader will say on the budget", "By JAKE STONE and ANNA PARK",
        "After launching her run, Bell was quickly endorsed by a local organisation, which said its board had met at dawn.",
    ])
    record = load_text("hale.txt", text)
    assert record.body[0].startswith("Rep. Mark Hale's sudden retirement")


def test_a_copyright_owner_ends_with_its_sentence() -> None:
    from digest.loader.credits import publisher_in_copyright

    assert publisher_in_copyright(["© 2019 Cable News Network. A Warner Media Company. All Rights Reserved."]) \
        == "Cable News Network"
    assert publisher_in_copyright(["Copyright © 2019 BBC. The BBC is not responsible for external sites."]) == "BBC"
    assert publisher_in_copyright(["Copyright"]) is None


def test_an_inferred_headline_is_cut_at_a_word_with_an_ellipsis_never_at_an_initial() -> None:
    from digest.loader.record import infer_headline
    assert infer_headline("Iran is threatening to kill U.S. troops in Iraq, officials said.") == \
        "Iran is threatening to kill U.S. troops in Iraq…"
    assert infer_headline("Police arrested five men. They were freed later.") == "Police arrested five men"
    long = "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen more words."
    assert infer_headline(long).endswith("sixteen…")


def test_a_name_far_off_in_the_pages_teasers_is_not_the_byline(shared) -> None:
    # CBS Detroit's story prints no byline; "First Forecast Weather November 20, 2019 ..." is a
    # weather teaser some seventy lines above its headline, among the page's menus
    from digest.loader import load_dump

    dump = shared / "corpus" / "dumps" / "031.txt"
    record = load_dump(dump.name, dump.read_bytes())
    assert record.byline is None
    assert record.date == "2019-11-19"
