"""Story dates as day numbers, so a window of days can be checked (a date may lack its year)."""
from __future__ import annotations

import datetime as dt
import re

from digest.records import StoryRecord

FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
YEARLESS = re.compile(r"^--(\d{2})-(\d{2})$")

DayKey = tuple[int | None, int | None]  # (day number, day of year); see day_key


def story_date(record: StoryRecord) -> str | None:
    """The story's ISO date, else its dateline's (which may be "--04-23")."""
    return record.date or (record.dateline.date if record.dateline else None)


def day_key(date: str | None) -> DayKey:
    """(day number, day of year): the first needs a year, the second only a month and day."""
    if not date:
        return None, None
    if m := FULL.match(date):
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None, None
        return day.toordinal(), _day_of_year(day.month, day.day)
    if m := YEARLESS.match(date):
        return None, _day_of_year(int(m[1]), int(m[2]))
    return None, None


def _day_of_year(month: int, day: int) -> int | None:
    try:
        return dt.date(2000, month, day).timetuple().tm_yday  # a leap year, so 29 February counts
    except ValueError:
        return None


def known(key: DayKey) -> bool:
    """Whether the story has a date to compare (a yearless one counts)."""
    return key[1] is not None


def within(a: DayKey, b: DayKey, days: int) -> bool:
    """Whether two dates are at most `days` apart; a yearless date is compared by month and day.
    An unknown date proves nothing, so it is never within: text alone must not place it in time."""
    if a[0] is not None and b[0] is not None:
        return abs(a[0] - b[0]) <= days
    if a[1] is not None and b[1] is not None:
        gap = abs(a[1] - b[1])
        return min(gap, 366 - gap) <= days
    return False

