from __future__ import annotations

import pytest

from digest.loader.blocks import Line
from digest.loader.header import agency_named, read_header
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
