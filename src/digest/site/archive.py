"""The archive as a calendar: an index of years and months with their counts, a page a month that
lists its days, and each day's neighbours (the days before and after it that have stories)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from digest.site.taxonomy import MONTH_NAMES, Term


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    path: str


@dataclass(frozen=True, slots=True)
class Neighbours:
    """The pages before and after this one in time: the earlier one first."""

    earlier: Link | None
    later: Link | None


@dataclass(frozen=True, slots=True)
class Month:
    key: str  # "2019-11"
    name: str  # "November 2019"
    days: tuple[str, ...]  # its days that have stories, newest first
    stories: int  # how many stories those days hold

    @property
    def year(self) -> str:
        return self.key[:4]


def month_of(day: str) -> str:
    return day[:7]


def month_name(key: str) -> str:
    year, month = key.split("-")
    return f"{MONTH_NAMES[int(month) - 1]} {year}"


def months(days: tuple[Term, ...]) -> tuple[Month, ...]:
    """The months that have stories, newest first, from the archive's days (newest first)."""
    by_month: dict[str, list[Term]] = {}
    for day in days:
        by_month.setdefault(month_of(day.key), []).append(day)
    return tuple(Month(key, month_name(key), tuple(d.key for d in group), sum(len(d.story_ids) for d in group))
                 for key, group in sorted(by_month.items(), reverse=True))


def neighbours(keys: list[str], at: int, link: Callable[[str], Link]) -> Neighbours:
    """Neighbours of keys[at] in a newest-first list of keys: the next item is the earlier one."""
    earlier = link(keys[at + 1]) if at + 1 < len(keys) else None
    later = link(keys[at - 1]) if at > 0 else None
    return Neighbours(earlier, later)
