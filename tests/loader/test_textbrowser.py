"""Text-browser dumps of US and UK news sites: the furniture around the story that lynx and w3m
print as text (writers' bios and contact lines, comment counts, numbered lists whose items wrap,
footer links right under a list of stories)."""
from __future__ import annotations

from digest.loader import load_text

PAGE = """   [1]The Kestrel Ledger
     * [2]News
     * [3]Sports

Library to stay open until midnight during exam season

   By [4]Jo Barnes
   Published 6:02 a.m. ET May 2, 2024
   [5]1,204 Comments

   The city library will stay open until midnight on weekdays for the next
   four weeks so that students can study for their final exams, the library
   board decided on Tuesday.

   The longer hours will cost about $40,000, which the board said it would
   take from its reserve for building repairs.

   "Students told us they had nowhere quiet to work at night," board chair
   Alma Ruiz said.

   Jo Barnes is a staff reporter for The Kestrel Ledger covering education.

   Contact Jo Barnes at jbarnes@kestrelledger.example or 555-201-3344.

   Comments 54

   Related Stories
     1. [6]Police close Main Street after water main bursts near the old
        railway station
     2. [7]High school band wins state title for third year

     * [8]Help
     * [9]Terms of Service
     * [10]Your Privacy Choices
"""


def test_a_writers_bio_and_contact_line_are_not_the_story() -> None:
    body = load_text("p.txt", PAGE).body
    assert len(body) == 3
    assert body[-1].endswith("Alma Ruiz said.")


def test_a_numbered_item_wrapped_under_its_text_is_one_title() -> None:
    titles = [item.title for item in load_text("p.txt", PAGE).related]
    assert titles[0] == "Police close Main Street after water main bursts near the old railway station"


def test_a_footer_link_ends_the_list_of_stories() -> None:
    titles = [item.title for item in load_text("p.txt", PAGE).related]
    assert titles == [
        "Police close Main Street after water main bursts near the old railway station",
        "High school band wins state title for third year",
    ]


W3M = """Harbour dredging to start next month

[dredger-harbour-0412]
The dredger Maren at the harbour mouth on Friday | Lee Quinn/COAST HERALD

The harbour authority will start dredging the main channel next month, after silt left two ferries aground in March, its chief executive said on Friday.

The work will take about six weeks and cost 3 million pounds.

[IMG]
Ferries will use the north berth while the channel is closed
"""


def test_the_line_under_an_image_mark_is_its_caption_when_it_closes_no_sentence() -> None:
    record = load_text("p.txt", W3M)
    assert record.body[0].startswith("The harbour authority will start dredging")
    assert len(record.body) == 2
    assert record.photo_caption.startswith("The dredger Maren")


BOX = """Council delays vote on new bus lanes

The city council on Monday put off a vote on new bus lanes along Harbour Road until next month, after shop owners asked for more time to study the plan.

The lanes would run for two miles between the station and the university.

Sign up for City Hall Daily
Your guide to the decisions that shape the city, every weekday morning.
[                    ] [Sign Up]

Council members said they expected to vote on the plan at their meeting on June 3.
"""


def test_a_newsletter_boxs_pitch_under_its_heading_is_not_a_paragraph() -> None:
    body = load_text("p.txt", BOX).body
    assert len(body) == 3
    assert not any(p.startswith("Your guide") for p in body)


PERSONAL_BOX = """How to rotate axis labels in a chart

This tutorial shows how to rotate the labels of a chart's x-axis so that long names do not overlap.

First, create the chart as usual and store it in a variable called plot.

Subscribe to my free tutorials newsletter

Get regular updates on the latest tutorials, offers and news at Chart Corner.
I hate spam & you may opt out anytime: Privacy Policy.

Then set the angle of the labels to forty-five degrees and draw the chart again.
"""


def test_a_personal_newsletter_boxs_pitch_above_its_opt_out_promise_is_not_a_paragraph() -> None:
    body = load_text("p.txt", PERSONAL_BOX).body
    assert not any(p.startswith("Get regular updates") for p in body)
    assert body[-1].startswith("Then set the angle")


DONATION_BOX = """Court hears challenge to new voting rules

A federal court on Tuesday heard arguments in a challenge to the state's new voting rules, which civil rights groups say will make it harder for older voters to cast a ballot.

The judge said she would rule on the request to block the rules before the primary in June.

Stand up for every voter's rights - support the Liberty Fund.
Donate Now

Lawyers for the state told the court the rules were needed to keep the voter rolls accurate and up to date.
"""


def test_a_donation_boxs_pitch_over_its_button_is_not_a_paragraph() -> None:
    body = load_text("p.txt", DONATION_BOX).body
    assert not any(p.startswith("Stand up for") for p in body)
    assert len(body) == 3


TEASERS = """Why my test suite got twice as fast

Last month I noticed that the test suite of our main service had slowed to almost ten minutes, and nobody could say when it happened.

The culprit turned out to be a fixture that rebuilt the whole database for every test instead of once for each file.

Moving the fixture up one level and wrapping each test in a transaction brought the run back under five minutes.

Keep Reading 🚀

Profiling a slow start-up

Our command-line tool took four seconds to print its help text, so I went looking for the import that cost the most time.

Read More

Notes from a week without meetings

For one week our team agreed to hold no meetings at all and to write everything down instead, and the results surprised us.

Read More
"""


def test_listed_posts_excerpts_above_read_more_are_not_the_article() -> None:
    body = load_text("p.txt", TEASERS).body
    assert body[-1].startswith("Moving the fixture up one level")
    assert len(body) == 3
