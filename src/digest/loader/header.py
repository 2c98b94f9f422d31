"""The article's header, between its headline and its body: byline, agency credit and time.

"By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER" / "Associated Press" /
"Nov. 20, 2019 5:52 AM EST" or "Published Monday, November 18, 2019 8:22AM EST".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from digest.lexicon.reference import zipf
from digest.loader.blocks import Line
from digest.loader.dateline import YEAR_END, match_bureau
from digest.loader.patterns import MONTH_RE, Patterns

# "5:52 AM", "14:32"; with a dot ("14.32 GMT", "2.32pm") only when a zone or am/pm says it is a time.
_ZONE = r"(?:[AaPp]\.?[Mm]\.?|GMT|BST|UTC|CET|CEST|EST|EDT|CST|PST|ET|PT|IST|AEST|AEDT|SAST|WAT|EAT)\b"
# A time may follow its date's year with no space between ("March 3, 20256:02 AM GMT").
_TIME = re.compile(rf"(?:\b|(?<=\d{{4}}))\d{{1,2}}:\d\d(?:\s?[AaPp]\.?[Mm]\.?)?|\b\d{{1,2}}\.\d\d\s?{_ZONE}")
_DATE = re.compile(
    rf"\b(?:{MONTH_RE})\.? \d{{1,2}},? \d{{4}}{YEAR_END}|\b\d{{1,2}} (?:{MONTH_RE}),? \d{{4}}{YEAR_END}"
    rf"|\b\d{{1,2}} (?:{MONTH_RE})\b|\b\d{{1,2}}\.\d{{1,2}}\.\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{4}}\b|\b\d{{4}}-\d\d-\d\d\b"
)
MAX_TIMESTAMP_WORDS = 14
_DIGIT = re.compile(r"\d")  # no date without one: a cheap test before the date pattern


@dataclass(frozen=True, slots=True)
class Header:
    byline: str | None = None
    agency: str | None = None  # an agency credited under the byline: "Associated Press"
    timestamp: str | None = None  # as printed


_SHARED_CREDIT = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
MAX_SHARED_CREDIT_CHARS = 60  # "The Associated Press and Agence France-Presse"; any longer line is text


def agency_named(text: str, patterns: Patterns) -> str | None:
    """The canonical agency when the whole text names one ("The Associated Press", "REUTERS").
    Copy pooled from agencies is credited to them all ("AFP/Reuters", "Reuters and AP"): the first
    one named stands for the story, as a dateline would name it."""
    found = patterns.agencies.get(text.strip(" .,").casefold())
    if found or len(text) > MAX_SHARED_CREDIT_CHARS or not _SHARED_CREDIT.search(text):
        return found
    names = [patterns.agencies.get(part.casefold()) for part in _SHARED_CREDIT.split(text.strip(" .,"))]
    return names[0] if len(names) > 1 and all(names) else None


# "20 Nov 2019", "Wednesday, November 20, 2019": a date with nothing else on its line is the story's.
_DATE_ALONE = re.compile(rf"(?:[A-Z][a-z]+, )?(?:\d{{1,2}} (?:{MONTH_RE})\.?,? \d{{4}}|(?:{MONTH_RE})\.? \d{{1,2}},? \d{{4}})")
_STAMP_WORD = re.compile(r"^(?:First )?(?:Published|Updated|Posted|Last updated)\b", re.IGNORECASE)
_BYLINE_TAIL = re.compile(rf"\s+(?:{MONTH_RE})\.?$")  # "By Erin Cunningham March 18 at 3:57 PM"


def _timestamp(text: str) -> str | None:
    """"Nov. 20, 2019 5:52 AM EST", "Published: 20 November 2019": a date with a time or a label."""
    if text.count(" ") >= MAX_TIMESTAMP_WORDS or not _DIGIT.search(text) or not _DATE.search(text):
        return None
    return text if _TIME.search(text) or _STAMP_WORD.match(text) or _DATE_ALONE.fullmatch(text) else None


def read_header(lines: tuple[Line, ...], patterns: Patterns) -> Header:
    byline = agency = timestamp = None
    for line in lines:
        text = line.text
        for pattern in patterns.bylines:
            m = pattern.match(text)
            if m and byline is None:
                byline = _BYLINE_TAIL.sub("", m.group("byline").strip(" ,"))
                # "By Staff, The Canadian Press": the writer's outlet after the last comma
                agency = agency or agency_named(byline, patterns) or agency_named(byline.rsplit(",", 1)[-1], patterns)
        agency = agency or agency_named(text, patterns)
        bureau = match_bureau(text, patterns)
        if bureau and agency is None:
            agency = bureau.agency
        timestamp = timestamp or _timestamp(text)
    return Header(byline, agency, timestamp)


_NAME_LINE = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}")
_WRITER_NOTE = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) (?:is|was|has|writes|teaches|lives)\b")
# a guest writer's note gives a business title in capitals: "Candice Sealey is the Founder & Principal Consultant at ..."
_GUEST_NOTE = re.compile(r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}) is (?:the |an? )?(?:[A-Z][\w-]*,? (?:& |and )?){0,3}?"
                         r"(?:Founder|Co-[Ff]ounder|CEO|President|Managing Director|Principal|Owner)\b")


def _is_writer_note(paragraph: str, writers: set[str], earlier: list[str]) -> bool:
    """The paragraph opens with the writer's name (as the header gives it, in any case: "TIM
    ANDERSON has ..."), or introduces, by a title, someone the story never named: a guest writer."""
    note = _WRITER_NOTE.match(paragraph)
    if note and note.group("name").casefold() in writers:
        return True
    guest = _GUEST_NOTE.match(paragraph)
    return guest is not None and not any(guest.group("name") in text for text in earlier)


def without_writer_note(body: list[str], lines: tuple[Line, ...], byline: str | None) -> list[str]:
    """The body without the writer's note closing it ("Teresa Vance is a retired principal ..."):
    a last paragraph that opens with the name the header gives the writer, on a line of its own
    or in the byline. A story never names its own writer in its text."""
    names = {line.text for line in lines if _NAME_LINE.fullmatch(line.text)}
    if byline:
        names.update(n.strip() for n in re.split(r",|\band\b|&", byline) if n.strip())
    writers = {name.casefold() for name in names}
    while len(body) > 1 and _is_writer_note(body[-1], writers, body[:-1]):
        body = body[:-1]
    return body


def is_header_line(line: Line, patterns: Patterns) -> bool:
    """A byline, an agency credit, a bureau dateline or a time: the body starts below it."""
    text = line.text
    return bool(
        any(p.match(text) for p in patterns.bylines)
        or agency_named(text, patterns)
        or match_bureau(text, patterns)
        or _timestamp(text)
    )


_BY_WORDS = re.compile(r"^(?:(?:written|posted|text|story|words|reported)\s+)?(?:by|von|par|por|di|door|av)\b[:\s]*",
                       re.IGNORECASE)
_BYLINE_PARTS = re.compile(r"\s+[|•·—–-]\s+|\s*\|\s*|\s{2,}|\s*\(|@")  # "Name (Bureau)", "Name@handle"
MAX_BYLINE_WORDS = 10
EVERYDAY_ZIPF = 5.5  # a word the language uses this often ("get", "more") is no one's name


# A wire's closing staff credit, "(Reporting by Will Dunham; Editing by Tom Brown)": its reporters
# are the story's writers where the page prints no byline above the story
_REPORTING_CREDIT = re.compile(r"^\(?Reporting by (?P<names>[^;()]+?)(?:;|\)|$)")
CREDIT_LINES = 6  # the last lines of the article and the first of what follows it


def reporters_credited(lines: list[str]) -> str | None:
    """The reporters a closing staff credit names, when they are names."""
    for text in lines:
        m = _REPORTING_CREDIT.match(text.strip())
        if m:
            names = _names_in(m.group("names").strip(" ,."))
            if names and 1 < len(names.split()) <= MAX_BYLINE_WORDS:  # a person's name, not "BBC"
                return names
    return None


def byline_of(text: str, patterns: Patterns) -> str | None:
    """The writers' names on a line read as the byline: the byline patterns' reading first, else
    the line less its "By", its date and time and anything after a separator ("| Updated ...")."""
    for pattern in patterns.bylines:
        m = pattern.match(text)
        if m:
            return _BYLINE_TAIL.sub("", m.group("byline").strip(" ,")) or None
    names = _BYLINE_PARTS.split(_BY_WORDS.sub("", text.strip()), maxsplit=1)[0]
    cut = min((m.start() for m in (_DATE.search(names), _TIME.search(names)) if m), default=len(names))
    names = _names_in(names[:cut].strip(" ,;:-–—"))
    if names and " " not in names and zipf(names.casefold()) >= EVERYDAY_ZIPF:
        return None  # one everyday word ("Get short URL", "Share") opens a line of furniture, names no writer
    return names if names and len(names.split()) <= MAX_BYLINE_WORDS else None


_NAME_JOINERS = frozenset({"and", "und", "et", "y", "e", "de", "da", "van", "von", "der", "la", "le", "del", "di", "bin"})


def _names_in(text: str) -> str | None:
    """The longest run of capitalised words, joiners ("and", "van") inside it: "More stories by
    Jeremy Herron" gives "Jeremy Herron", "Michael Larabel in Valve" "Michael Larabel". A script
    without capitals (CJK) is taken whole; a line with a digit or a question names nobody."""
    if not text or any(c.isdigit() for c in text) or text[-1:] in "?!":
        return None
    words = text.split()
    if not any(w[:1].isupper() or w[:1].islower() for w in words):
        return text if any(c.isalpha() for c in text) else None
    runs: list[list[str]] = [[]]
    for word in words:
        if word[:1].isupper() or (word[:1] in "\"'“‘" and word[1:2].isupper()):
            runs[-1].append(word)
        elif word.casefold() in _NAME_JOINERS and runs[-1]:
            runs[-1].append(word)
        else:
            runs.append([])
    best = max(runs, key=len)
    while best and best[-1].casefold() in _NAME_JOINERS:
        best = best[:-1]  # "Michael Larabel and" at a cut
    return " ".join(best).strip(" ,") or None
