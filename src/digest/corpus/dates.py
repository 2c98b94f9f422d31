"""Story dates as day numbers, so a window of days can be checked (a date may lack its year)."""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence

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



def day_numbers(dates: Sequence[str | None], window: int) -> list[int | None]:
    """Each date's day number; a yearless one ("--04-23") takes the one year in which some dated story
    of the archive lies within `window` days of it, and stays unknown if none or several do."""
    keys = [day_key(d) for d in dates]
    known_days = sorted(k[0] for k in keys if k[0] is not None)
    years = sorted({dt.date.fromordinal(d).year for d in known_days})
    out: list[int | None] = []
    for date, (day, _) in zip(dates, keys):
        if day is None and date and (m := YEARLESS.match(date)):
            fits = [n for n in (_ordinal(year, int(m[1]), int(m[2])) for year in years)
                    if n is not None and _near(known_days, n, window)]
            day = fits[0] if len(fits) == 1 else None
        out.append(day)
    return out


def _ordinal(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).toordinal()
    except ValueError:
        return None


def _near(days: Sequence[int], day: int, window: int) -> bool:
    i = bisect_left(days, day - window)
    return i < len(days) and days[i] <= day + window
