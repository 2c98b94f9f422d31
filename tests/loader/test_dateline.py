"""Dateline forms at the start of a story and the full dates a page prints."""
from __future__ import annotations

import pytest

from digest.loader import load_dump
from digest.loader.dateline import (
    full_dates,
    impossible_dates,
    is_date_line,
    match_dateline,
    story_dateline,
    with_year,
)
from digest.loader.patterns import patterns


@pytest.mark.parametrize(
    "text, place, agency, date",
    [
        ("NEW DELHI: The metro will run extra trains.", "NEW DELHI", None, None),
        ("MOSCOW, March 3. /TASS/. Russia and Kazakhstan agreed.", "MOSCOW", "TASS", "--03-03"),
        ("Kyiv, 3 March 2025 – Ukraine and Poland agreed.", "Kyiv", None, "--03-03"),
        ("Tbilisi, March 3, 2025 — Georgia's parliament voted.", "Tbilisi", None, "--03-03"),
        ("YEREVAN, MARCH 3, ARMENPRESS. Armenia and Georgia will open a joint terminal.", "YEREVAN", "ARMENPRESS", "--03-03"),
        ("Baku, March 3, AZERTAC - The parliament approved the budget.", "Baku", "AZERTAC", "--03-03"),
        ("Dubai: The Roads and Transport Authority will open two new stations on the Red Line by June.",
         "Dubai", None, None),
        ("Abu Dhabi: The transport authority will add 400 new buses to the fleet this year, officials said.",
         "Abu Dhabi", None, None),
    ],
)
def test_dateline_forms(text: str, place: str, agency: str | None, date: str | None) -> None:
    found = match_dateline(text, patterns())
    assert found is not None
    assert (found.dateline.place, found.dateline.agency, found.dateline.date) == (place, agency, date)
    assert text[found.end :][:1].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The road has reopened after the crash.",
        "EXCLUSIVE: Documents show the plan was dropped.",
        "Monday, 3 March 2025 – the day began with snow.",
        "Update: The road has reopened after the crash and traffic is moving again on both lanes.",
        "Editor's note: This story was updated to correct the name of the ministry spokesman.",
        "Lake District: Walkers rescued after getting lost in snow",  # a headline, not a paragraph
        # a broadcast's transcript: who speaks, not where
        "Anchor: After heavy downpours on Monday, Tuesday morning was met with strong, cold winds.",
        "Report: People out on the streets were seen wearing layers throughout the day on Tuesday.",
    ],
)
def test_a_label_or_a_weekday_is_no_place(text: str) -> None:
    assert match_dateline(text, patterns()) is None


@pytest.mark.parametrize(
    "text, dates",
    [
        ("03.03.2025 | 14:20", [(2025, 3, 3)]),
        ("March 3, 20256:02 AM GMTUpdated 2 hours ago", [(2025, 3, 3)]),
        ("Published March 3, 2025Updated March 4, 2025, 6:01 a.m. ET", [(2025, 3, 3), (2025, 3, 4)]),
        ("Source: Xinhua| 2025-03-03 18:21:40|Editor: huaxia", [(2025, 3, 3)]),
        ("14:32, 3 FEB 2025Updated15:10, 3 FEB 2025", [(2025, 2, 3), (2025, 2, 3)]),
        ("THE FEBRUARY 2025 ISSUE", []),
        ("a population of 120256 people", []),
    ],
)
def test_full_dates_in_run_together_and_day_first_forms(text: str, dates: list[tuple[int, int, int]]) -> None:
    assert full_dates(text) == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("03/05/2024 04:13 PM EST", [(2024, 3, 5)]),  # a US site: a 12-hour clock, month first
        ("Updated: 3/5/2024 6:30pm", [(2024, 3, 5)]),
        ("06/03/2024 14:32 GMT", [(2024, 3, 6)]),  # a British site: a 24-hour clock, day first
        ("13/03/2024", [(2024, 3, 13)]),  # a number above 12 is the day
        ("03/13/2024", [(2024, 3, 13)]),
        ("06/03/2024", []),  # nothing tells the order: no date rather than a guess
    ],
)
def test_slashed_dates_are_read_in_the_order_their_site_prints_them(text: str, dates: list[tuple[int, int, int]]) -> None:
    assert full_dates(text) == dates


def test_an_interview_transcript_has_speakers_not_a_dateline() -> None:
    turns = ["Smith: I think the government has made a terrible mistake with the budget this year, and we will pay.",
             "Roe: Why do you say that, when the figures show growth in every region of the country this spring?",
             "Smith: Because the growth is borrowed, and the bill will come due long before the next election."]
    assert story_dateline(turns, patterns()) is None
    story = ["Dubai: The Roads and Transport Authority will open two new stations on the Red Line by June.",
             "The stations will serve about 40,000 riders a day, the authority said on Monday."]
    assert story_dateline(story, patterns()).dateline.place == "Dubai"


def test_a_list_of_labelled_paragraphs_does_not_start_the_story() -> None:
    """"Maple Syrup: ..." items under an introduction are the story's form, not its dateline."""
    from digest.loader import load_dump
    text = "\n\n".join([
        "Peanut butter truffles for a quick snack - Green Kitchen",
        "Peanut butter truffles for a quick snack",
        "These truffles have a creamy peanut butter centre and a dark chocolate shell, and they keep for a week in the fridge.",
        "They take twenty minutes to make and need no baking at all, which makes them a good first recipe for children.",
        "Peanut Butter: The star ingredient, and any kind works here, including chunky or natural peanut butter.",
        "Maple Syrup: Feel free to use another liquid sweetener of your choice, such as rice malt syrup or date syrup.",
        "Coconut Flour: This binds and thickens the dough without the need for extra sugar or any other flour at all.",
    ])
    record = load_dump("truffles.txt", text.encode())
    assert record.dateline is None
    assert record.body[0].startswith("These truffles have a creamy")


@pytest.mark.parametrize("text", ["April 31, 2025", "February 29, 2023", "31/02/2025", "2025-02-30", "30.02.2025",
                                  "31 June 2025", "2025-13-01"])
def test_an_impossible_date_is_no_date(text: str) -> None:
    assert full_dates(f"Published {text} 10:02 GMT") == []
    assert impossible_dates(f"Published {text} 10:02 GMT") == [text]


def test_a_leap_day_is_a_date_in_a_leap_year_only() -> None:
    assert full_dates("February 29, 2024") == [(2024, 2, 29)] and impossible_dates("February 29, 2024") == []
    assert with_year(2, 29, [(2024, 3, 1)]) == "2024-02-29"
    assert with_year(2, 29, [(2023, 3, 1)]) is None  # the page's year has no 29 February


def test_a_dateline_with_an_impossible_day_keeps_its_place_and_has_no_date() -> None:
    found = match_dateline("BAKU, April 31. Azerbaijan and Georgia signed the deal.", patterns())
    assert found is not None and found.dateline.place == "BAKU"
    assert (found.dateline.date, found.month, found.day) == (None, None, None)
    assert impossible_dates("BAKU, April 31. Azerbaijan and Georgia signed the deal.", yearless=True) == ["April 31"]
    assert impossible_dates("In April 31 people were hurt on the roads.") == []


@pytest.mark.parametrize(("printed", "day"), [
    ("» 2019年02月22日 14時30分 公開", (2019, 2, 22)),  # Japanese and Chinese: year, month, day
    ("2019.04.25", (2019, 4, 25)),
    ("  • 2019/04/04", (2019, 4, 4)),
    ("Par Alexandre Hervaud — 24 novembre 2017 à 18:42", (2017, 11, 24)),
    ("5 de marzo de 2019", (2019, 3, 5)),
    ("3. März 2019", (2019, 3, 3)),
])
def test_dates_printed_year_first_or_with_another_language_s_month_are_read(printed: str, day: tuple) -> None:
    assert full_dates(printed) == [day]


@pytest.mark.parametrize("text", ["version 2019.4.25.1", "Mars 2019 rover", "mai 2019"])
def test_a_version_number_or_a_month_without_its_day_is_no_date(text: str) -> None:
    assert full_dates(text) == []


@pytest.mark.parametrize(("text", "only_a_date"), [
    ("Tuesday, August 7, 2012", True),
    ("NOVEMBER 12, 2007", True),
    ("on September 10th, 2010", True),
    ("Updated December 3, 2019 9:02 am ET", True),
    ("Obama wins on November 6, 2012 in a landslide", False),
    ("Markets rallied on Friday", False),
])
def test_a_date_line_prints_a_date_and_little_else(text: str, only_a_date: bool) -> None:
    assert is_date_line(text) is only_a_date


ARTICLE = ("A fast-moving fire destroyed the historic dairy warehouse early this morning, the fire "
           "department said, and crews worked for hours to keep it from spreading to the homes nearby.\n\n"
           "The building had stood empty for years, and the city had planned to sell it to a developer "
           "who wanted to turn it into apartments and a market hall for the neighbourhood.\n")


@pytest.mark.parametrize("opening", ["Tuesday, August 7, 2012\n\nFarewell to the old dairy\n\n",
                                     "Farewell to the old dairy\n\nTuesday, August 7, 2012\n\n"])
def test_a_date_line_above_the_article_dates_it_and_is_never_its_headline(opening: str) -> None:
    record = load_dump("dairy.txt", (opening + ARTICLE).encode())
    assert record.date == "2012-08-07"
    assert "2012" not in record.headline
