from __future__ import annotations

import pytest

from digest.loader.blocks import Line
from digest.loader.header import (
    agency_named,
    byline_of,
    read_header,
    reporters_credited,
    without_writer_note,
)
from digest.loader.patterns import patterns


def _lines(*texts: str) -> tuple[Line, ...]:
    return tuple(Line(i + 1, text, 0) for i, text in enumerate(texts))


@pytest.mark.parametrize(("credit", "agency"), [
    ("AFP/Reuters", "AFP"),
    ("Reuters, AP", "Reuters"),
    ("The Associated Press and Reuters", "Associated Press"),
    ("AFP/Staff", None),           # a shared credit counts only when every part is an agency
    ("Tom and Jerry", None),
])
def test_a_shared_credit_names_its_first_agency(credit: str, agency: str | None) -> None:
    assert agency_named(credit, patterns()) == agency


def test_the_outlet_after_a_bylines_last_comma_is_its_agency() -> None:
    header = read_header(_lines("By Staff, The Canadian Press"), patterns())
    assert header.agency == "The Canadian Press"


@pytest.mark.parametrize("text", ["20 Nov 2019", "Wednesday, November 20, 2019"])
def test_a_date_alone_on_its_line_is_the_timestamp(text: str) -> None:
    assert read_header(_lines(text), patterns()).timestamp == text


STORY = ["The song became the band's biggest hit.", "It still closes every show."]


def test_a_writers_note_in_capitals_is_the_writers() -> None:
    note = "TIM ANDERSON has done many amazing things in his short life."
    assert without_writer_note([*STORY, note], (), "Tim Anderson") == STORY


def test_a_titled_newcomer_closing_the_story_is_a_guest_writer_but_not_someone_it_named() -> None:
    note = "Ana Ruiz is the Founder & CEO at Brightpath, a studio for small brands."
    assert without_writer_note([*STORY, note], (), None) == STORY
    named = ["Ana Ruiz opened the studio in 2019.", *STORY]
    assert without_writer_note([*named, note], (), None) == [*named, note]


@pytest.mark.parametrize(("line", "names"), [
    ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", "Dan Goodin"),
    ("by April Glaser@aprilaser Dec 15, 2016, 1:55pm EST", "April Glaser"),
    ("Par Cécile Ducourtieux(Bruxelles, bureau européen)", "Cécile Ducourtieux"),
    ("More stories by Jeremy Herron", "Jeremy Herron"),
    ("Michael Larabel in Valve on 14 March", "Michael Larabel"),
    ("JANE ROE and RICK MOE", "JANE ROE and RICK MOE"),
    ("高木浩光", "高木浩光"),
])
def test_a_line_read_as_the_byline_gives_the_writers_names(line: str, names: str) -> None:
    assert byline_of(line, patterns()) == names


@pytest.mark.parametrize("line", ["metroidkotaku longreadsnintendo", "Is this the end?", "Page 2 of 5"])
def test_a_line_without_a_name_gives_no_byline(line: str) -> None:
    assert byline_of(line, patterns()) is None


def test_a_wire_story_without_a_byline_is_written_by_the_reporters_its_closing_credit_names() -> None:
    from digest.loader import load_dump

    body = ("WASHINGTON (Reuters) - Scientists said on Tuesday they had found the oldest known "
            "footprints of a land animal, pressed into mud some 390 million years ago.\n\n"
            "The tracks, left by a four-legged creature, push back the date animals first walked on "
            "land by several million years, the team wrote in the journal Nature.\n\n"
            "(Reporting by Will Dunham; Editing by Tom Brown)\n")
    record = load_dump("tracks.txt", ("Oldest footprints of a land animal found\n\n" + body).encode())
    assert record.byline == "Will Dunham"
    assert reporters_credited(["Reporting by the BBC newsroom"]) is None  # an outlet is no writer


def test_one_everyday_word_opening_a_line_is_no_writer() -> None:
    pats = patterns()
    assert byline_of("Get short URL", pats) is None
    assert byline_of("More", pats) is None
    assert byline_of("By Madonna", pats) == "Madonna"
    assert byline_of("Jane Smith", pats) == "Jane Smith"
