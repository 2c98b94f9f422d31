"""Datelines ("BAKU, Azerbaijan, April 23.", "WASHINGTON (AP) —") and the dates a page prints."""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from digest.loader.patterns import MONTH_CAPS_RE, MONTH_RE, MONTHS, Patterns
from digest.records import Dateline

# Full dates anywhere in a page: "April 23, 2025", "23 April 2025", "Nov. 20, 2019", "2025-04-23",
# "03.03.2025" (day first, as European sites print it), "3 FEB 2025" (month in capitals, as British
# regional papers print it). One pattern, in order of appearance; the
# lookahead turns most positions away before the alternatives are tried, and a page with no year at
# all is not searched.
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# Scrapers run a page's spans together ("March 3, 20256:02 AM", "March 3, 2025Updated"): a date ends
# where no digit follows, or where a time does.
YEAR_END = r"(?:(?!\d)|(?=\d{1,2}:\d\d))"
_MONTH_NAME = rf"(?:{MONTH_RE}|{MONTH_CAPS_RE})"
# Month names of the other languages news pages print a day in, day first ("24 novembre 2017",
# "3. März 2019", "5 de marzo de 2019"): only in a full date, where "mars" or "mai" cannot be a word.
FOREIGN_MONTHS = {
    **dict.fromkeys(("janvier", "januar", "enero", "gennaio", "janeiro", "januari"), 1),
    **dict.fromkeys(("février", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "februari"), 2),
    **dict.fromkeys(("mars", "märz", "marzo", "março", "maart"), 3),
    **dict.fromkeys(("avril", "abril", "aprile"), 4),
    **dict.fromkeys(("mai", "mayo", "maggio", "maio", "mei"), 5),
    **dict.fromkeys(("juin", "juni", "junio", "giugno", "junho"), 6),
    **dict.fromkeys(("juillet", "juli", "julio", "luglio", "julho"), 7),
    **dict.fromkeys(("août", "aout", "agosto", "augustus"), 8),
    **dict.fromkeys(("septembre", "septiembre", "settembre", "setembro"), 9),
    **dict.fromkeys(("octobre", "oktober", "octubre", "ottobre", "outubro"), 10),
    **dict.fromkeys(("novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(("décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro"), 12),
}
_FOREIGN = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_FULL_DATE = re.compile(
    rf"(?=[ADFJMNOS\d])(?<!\w)(?:(?P<m1>{_MONTH_NAME})\.? (?P<d1>\d{{1,2}}){_ORDINAL},? (?P<y1>{_YEAR})"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL} (?P<m2>{_MONTH_NAME})\.?,? (?P<y2>{_YEAR})"
    rf"|(?P<y3>{_YEAR})-(?P<m3>\d\d)-(?P<d3>\d\d)"
    rf"|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>{_YEAR})"
    rf"|(?P<a5>\d{{1,2}})/(?P<b5>\d{{1,2}})/(?P<y5>{_YEAR})"
    # the year first is never ambiguous: "2019年3月5日" (Chinese and Japanese), "2019.04.25", "2019/02/22"
    rf"|(?P<y6>{_YEAR})\s?年\s?(?P<m6>\d{{1,2}})\s?月\s?(?P<d6>\d{{1,2}})\s?日"
    rf"|(?P<y7>{_YEAR})(?P<s7>[./])(?P<m7>\d{{1,2}})(?P=s7)(?P<d7>\d{{1,2}})(?![\d.])"
    rf"|(?P<d8>\d{{1,2}})(?:er|\.|º)? (?:de )?(?P<m8>(?i:{_FOREIGN}))\.?,? (?:de )?(?P<y8>{_YEAR})){YEAR_END}"
)
# Slashed dates ("03/05/2024") put the month first in the US, the day first in Britain: the order
# is read from the numbers (one above 12 is the day) or from the time after the date, a 12-hour
# clock or a US zone ("04:13 PM EST") saying month first, a 24-hour one ("14:32", "GMT") day first.
# Neither: no date rather than a guess.
_US_CLOCK = re.compile(r"\s*(?:\d{1,2}:\d\d\s?[AaPp]\.?[Mm]|(?:\d{1,2}:\d\d\s?)?(?:E|C|M|P)[SD]?T\b)")
_DAY_FIRST_CLOCK = re.compile(r"\s*(?:(?:[01]?\d|2[0-3]):\d\d(?!\s?[AaPp]\.?[Mm])\s*(?:GMT|BST|UTC|CET|CEST)\b|(?:1[3-9]|2[0-3]):\d\d\b)")
_ANY_YEAR = re.compile(rf"{_YEAR}{YEAR_END}")
# A month and day without a year ("BAKU, April 31."): a date if it is one in a leap year.
_MONTH_DAY = re.compile(rf"(?<!\w)(?:(?P<m1>{_MONTH_NAME})\.? (?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH_NAME})){_ORDINAL}(?!\d)")
LEAP_YEAR = 2000


def is_calendar_day(year: int, month: int, day: int) -> bool:
    """Whether the day exists: "April 31" or "February 29, 2023" on a page is no date."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _slashed(first: int, second: int, after: str) -> tuple[int, int] | None:
    """(month, day) of a slashed date, or None where nothing tells its order."""
    if first > 12 or (second <= 12 and _DAY_FIRST_CLOCK.match(after)):
        return second, first
    if second > 12 or _US_CLOCK.match(after):
        return first, second
    return None


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    dateline: Dateline
    end: int  # where the paragraph's own text starts after the dateline
    month: int | None
    day: int | None


def match_dateline(text: str, patterns: Patterns) -> DatelineMatch | None:
    if not patterns.dateline_gate.match(text):
        return None  # no dateline form matches here: one test instead of one a form
    for pattern in patterns.datelines:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
        day = int(groups["day"]) if groups.get("day") else None
        if day is not None and not 1 <= day <= 31:
            continue
        if month and day and not is_calendar_day(LEAP_YEAR, month, day):
            month = day = None  # still a dateline, with no date
        agency = groups.get("agency")
        date = f"--{month:02d}-{day:02d}" if month and day else None
        raw = text[: m.end()].strip()
        return DatelineMatch(Dateline(raw, groups["place"].strip(" ,"), date, agency), m.end(), month, day)
    return None


# An interview's turns ("Smith: ...") and a list's items ("Maple Syrup: ...") open with a name or a
# label and a colon, as a Gulf paper's dateline does ("Dubai: ...").
_COLON_LABEL = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}: \S")
MAX_LABELLED = 2  # paragraphs of a story that may open so, its dateline's among them ("Update: ...")


def labelled_paragraphs(texts: Iterable[str]) -> int:
    """How many of the texts open with a name or label and a colon."""
    return sum(1 for text in texts if _COLON_LABEL.match(text))


def match_in_story(text: str, labelled: int, patterns: Patterns) -> DatelineMatch | None:
    """match_dateline for a paragraph of a story in which `labelled` paragraphs (this one too, if
    so) open with a name or label and a colon. Where more do than a dateline explains, that is
    the story's form, and a place and a colon ("Smith: ", "Maple Syrup: ") is no dateline."""
    found = match_dateline(text, patterns)
    if found and found.dateline.text.endswith(":") and labelled > MAX_LABELLED:
        return None
    return found


def story_dateline(body: list[str], patterns: Patterns) -> DatelineMatch | None:
    """The dateline that opens the story's first paragraph."""
    return match_in_story(body[0], labelled_paragraphs(body), patterns)


def full_dates(text: str) -> list[tuple[int, int, int]]:
    """Every (year, month, day) the text prints in full, in order of appearance."""
    return [ymd for _, ymd in _printed_dates(text) if is_calendar_day(*ymd)]


DATE_LINE_WORDS = 3  # words a date line may hold beside its date: "Posted on", "Tuesday", "Updated"
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\b[ap]\.?m\.?\b|\b(?:[A-Z]{2,4}T|UTC|GMT)\b", re.IGNORECASE)


def is_date_line(text: str) -> bool:
    """A line that prints a full date and little else ("Tuesday, August 7, 2012", "on September 10th,
    2010", "Posted on Nov. 12, 2007 at 1:19 PM"): the page's date, never its headline."""
    if len(text) > 80:
        return False
    spans = [m.span() for m, ymd in _printed_dates(text) if is_calendar_day(*ymd)]
    if not spans:
        return False
    rest = "".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in spans))
    return len(re.findall(r"[^\W\d_]{2,}", _CLOCK.sub(" ", rest))) <= DATE_LINE_WORDS


def impossible_dates(text: str, yearless: bool = False) -> list[str]:
    """The full dates the text prints that no calendar has ("February 29, 2023"), as printed; with
    `yearless`, a month and day alone too ("BAKU, April 31."), which running text may print as no
    date at all ("in April 31 people ...")."""
    found = [(m.span(), m.group()) for m, ymd in _printed_dates(text) if not is_calendar_day(*ymd)]
    if yearless:
        spans = [span for span, _ in found]
        found += [(m.span(), m.group()) for m in _MONTH_DAY.finditer(text)
                  if not any(a <= m.start() < b for a, b in spans) and not is_calendar_day(LEAP_YEAR, *_month_day(m))]
    return [printed for _, printed in sorted(found)]


def _month_day(m: re.Match[str]) -> tuple[int, int]:
    k = "1" if m.group("m1") else "2"
    return MONTHS[m.group(f"m{k}").lower()], int(m.group(f"d{k}"))


def _printed_dates(text: str) -> Iterator[tuple[re.Match[str], tuple[int, int, int]]]:
    """Every full date the text prints, as (match, (year, month, day)), whether the day exists or not."""
    if not _ANY_YEAR.search(text):
        return
    for m in _FULL_DATE.finditer(text):
        if m.group("y5"):
            order = _slashed(int(m.group("a5")), int(m.group("b5")), text[m.end() : m.end() + 16])
            if order:
                yield m, (int(m.group("y5")), *order)
            continue
        k = next(k for k in "123467" if m.group(f"y{k}")) if not m.group("y8") else "8"
        year, month_text, day = m.group(f"y{k}", f"m{k}", f"d{k}")
        month = int(month_text) if month_text.isdigit() else \
            MONTHS.get(month_text.lower()) or FOREIGN_MONTHS[month_text.lower()]
        yield m, (int(year), month, int(day))


def with_year(month: int, day: int, page_dates: list[tuple[int, int, int]]) -> str | None:
    """A month and day dated by the page's own full dates: never by today's clock."""
    for year, m, d in page_dates:
        if (m, d) == (month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    if page_dates and is_calendar_day(year := page_dates[0][0], month, day):
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def match_bureau(text: str, patterns: Patterns) -> Dateline | None:
    """A dateline on its own line above the body: "New Delhi, News Nation Bureau | Updated ..."."""
    for pattern in patterns.bureau_datelines:
        m = pattern.match(text)
        if m:
            return Dateline(text[: m.end()].strip(), m.group("place").strip(), None, m.group("agency"))
    return None
