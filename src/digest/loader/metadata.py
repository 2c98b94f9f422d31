"""The metadata header that scraping tools write above a page's text (Jina Reader's "Title:" /
"URL Source:" / "Markdown Content:", trafilatura's "---" front matter): read, then cut off.

The header is what the tool read from the page's <head>, not what the page prints: the loader
takes its title, date and site only where the page's own text gives none (record.py). Its lines
never reach the page's text, where "URL Source: https://..." would read as a credit line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from digest.loader.dateline import is_calendar_day
from digest.loader.patterns import Patterns, ScrapeHeaderForm

_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?![\d])")  # "2025-04-23", "2025-04-23T10:02:00+00:00"


@dataclass(frozen=True, slots=True)
class ScrapeHeader:
    tool: str  # "jina", "trafilatura"
    title: str | None  # the page's <title> or og:title, as the tool saw it
    date: str | None  # ISO day
    site: str | None  # the site's name, else its host name
    url: str | None = None  # the page's address, as the tool fetched it


def split_scrape_header(text: str, patterns: Patterns) -> tuple[ScrapeHeader | None, str]:
    """(the header, the text below it); (None, the text) when the dump does not start with one.
    A plain dump costs one startswith: the forms are tried only on a dump that opens like one."""
    if not text.startswith(patterns.scrape_header_openings):
        return None, text
    limit = patterns.max_scrape_header_lines
    top = text.split("\n", limit)  # the header's lines, then the rest of the dump in one piece
    for form in patterns.scrape_headers:
        if text.startswith(form.opening):
            found = _read(top[:limit], form)
            if found is not None:
                fields, end = found
                return _header(form.tool, fields), "\n".join(top[end:])
    return None, text


def _read(top: list[str], form: ScrapeHeaderForm) -> tuple[dict[str, str], int] | None:
    """The fields read and the index of the first line below the header, or None when any line
    before the closing one is neither blank nor one of the tool's keys: then it is the page's text
    (a "Title: ..." row of a document listing), not a header."""
    fields: dict[str, str] = {}
    first = 1 if top[0].strip() == form.opening else 0  # "---" opens; "Title: ..." is a field too
    for i in range(first, len(top)):
        line = top[i].strip()
        if i > 0 and line == form.closing:
            return fields, i + 1
        if not line:
            continue
        key, colon, value = line.partition(":")
        if not colon or key.strip() not in form.keys:
            return None
        field = form.keys[key.strip()]
        if field and field not in fields and value.strip():
            fields[field] = value.strip()
    return None


def _header(tool: str, fields: dict[str, str]) -> ScrapeHeader:
    date = _ISO_DATE.match(fields.get("date", ""))
    day = date.group() if date and is_calendar_day(*map(int, date.group().split("-"))) else None
    return ScrapeHeader(tool, fields.get("title"), day,
                        fields.get("site") or fields.get("hostname"), fields.get("url"))
