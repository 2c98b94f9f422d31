"""Datelines ("BAKU, Azerbaijan, April 23.", "WASHINGTON (AP) —") and the dates a page prints."""
from __future__ import annotations

import re
from dataclasses import dataclass

from digest.loader.patterns import MONTH_RE, MONTHS, Patterns
from digest.records import Dateline

# Full dates anywhere in a page: "April 23, 2025", "23 April 2025", "Nov. 20, 2019", "2025-04-23".
_MONTH_DAY_YEAR = re.compile(rf"\b(?P<month>{MONTH_RE})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<year>(?:19|20)\d\d)\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<month>{MONTH_RE})\.?,? (?P<year>(?:19|20)\d\d)\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    dateline: Dateline
    end: int  # where the paragraph's own text starts after the dateline
    month: int | None
    day: int | None


def match_dateline(text: str, patterns: Patterns) -> DatelineMatch | None:
    for pattern in patterns.datelines:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
        day = int(groups["day"]) if groups.get("day") else None
        if day is not None and not 1 <= day <= 31:
            continue
        agency = groups.get("agency")
        date = f"--{month:02d}-{day:02d}" if month and day else None
        raw = text[: m.end()].strip()
        return DatelineMatch(Dateline(raw, groups["place"].strip(" ,"), date, agency), m.end(), month, day)
    return None


def full_dates(text: str) -> list[tuple[int, int, int]]:
    """Every (year, month, day) the text prints in full, in order of appearance."""
    found: list[tuple[int, int, int, int]] = []
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _ISO):
        for m in pattern.finditer(text):
            month_text = m.group("month")
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]
            day, year = int(m.group("day")), int(m.group("year"))
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append((m.start(), year, month, day))
    return [(y, mo, d) for _, y, mo, d in sorted(found)]


def with_year(month: int, day: int, page_dates: list[tuple[int, int, int]]) -> str | None:
    """A month and day dated by the page's own full dates: never by today's clock."""
    for year, m, d in page_dates:
        if (m, d) == (month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    if page_dates:
        year = page_dates[0][0]
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def match_bureau(text: str, patterns: Patterns) -> Dateline | None:
    """A dateline on its own line above the body: "New Delhi, News Nation Bureau | Updated ..."."""
    for pattern in patterns.bureau_datelines:
        m = pattern.match(text)
        if m:
            return Dateline(text[: m.end()].strip(), m.group("place").strip(), None, m.group("agency"))
    return None
