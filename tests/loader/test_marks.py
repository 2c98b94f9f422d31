"""British style: quotations in single marks are read as quotations, apostrophes stay apostrophes."""
from __future__ import annotations

from digest.loader.marks import single_quoted, swap_levels


def test_single_marks_become_double_and_apostrophes_stay() -> None:
    text = "‘We can’t wait for Britain’s “new deal”,’ she said."
    assert swap_levels(text) == "“We can’t wait for Britain’s ‘new deal’,” she said."


def test_straight_single_marks_too() -> None:
    assert swap_levels("'It is over,' he said of the '90s.") == "“It is over,” he said of the '90s."


def test_scare_quotes_in_single_marks_do_not_make_a_page_british() -> None:
    american = ["The so-called ‘bar’ is ‘poor’ value.", "“It offers pure oxygen to anyone who pays,” the site says."]
    british = ["‘Staff are working flat out,’ said Dr Alan Price.", "He called it ‘poor’."]
    assert not single_quoted(american)
    assert single_quoted(british)
