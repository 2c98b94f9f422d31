"""The checks on one loaded dump. Each is a small named function: record and lines -> findings."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from digest.check.findings import WARNING, Finding
from digest.loader.dateline import impossible_dates
from digest.records import StoryRecord
from digest.yamltext import data_yaml

QUOTE_SNIPPET = 40  # characters of a quote used to find its line


@dataclass(frozen=True, eq=False)
class Suspicious:
    boilerplate: tuple[re.Pattern[str], ...]
    boilerplate_max_words: int
    mojibake: re.Pattern[str]


@cache
def suspicious() -> Suspicious:
    data = data_yaml(resources.files("digest.check").joinpath("suspicious.yaml").read_text(encoding="utf-8"))
    return Suspicious(
        boilerplate=tuple(re.compile(p, re.IGNORECASE) for p in data["boilerplate"]),
        boilerplate_max_words=int(data["boilerplate_max_words"]),
        mojibake=re.compile("|".join(data["mojibake"])),
    )


def line_of(lines: list[str], snippet: str) -> int | None:
    """1-based number of the first line holding the snippet: findings point into the dump."""
    snippet = snippet.strip()[:QUOTE_SNIPPET]
    return next((n for n, line in enumerate(lines, 1) if snippet and snippet in line), None)


def no_headline(record: StoryRecord, lines: list[str]) -> list[Finding]:
    if not record.headline_inferred:
        return []
    return [Finding(record.path, None, WARNING, "no-headline", f"no headline; inferred from the lead: {record.headline!r}")]


def no_date(record: StoryRecord, lines: list[str]) -> list[Finding]:
    if record.date:
        return []
    return [Finding(record.path, None, WARNING, "no-date", "no date found (no dateline and no full date on the page)")]


def impossible_date(record: StoryRecord, lines: list[str]) -> list[Finding]:
    """Dates no calendar has ("April 31, 2025"): the loader ignores them, so the story may be undated
    or dated by another line; a dateline's month and day count without a year."""
    dateline = record.dateline.text if record.dateline else None
    return [Finding(record.path, n, WARNING, "impossible-date", f"{printed!r} is no calendar day; it is ignored")
            for n, line in enumerate(lines, 1)
            for printed in impossible_dates(line, yearless=dateline is not None and line.lstrip().startswith(dateline))]


def boilerplate(record: StoryRecord, lines: list[str]) -> list[Finding]:
    rules = suspicious()
    found = []
    for paragraph in record.body:
        if len(paragraph.split()) > rules.boilerplate_max_words:
            continue
        if any(p.search(paragraph) for p in rules.boilerplate):
            found.append(Finding(record.path, line_of(lines, paragraph), WARNING, "boilerplate",
                                 f"looks like page furniture left in the body: {paragraph[:60]!r}"))
    return found


def unattributed_quotes(record: StoryRecord, lines: list[str]) -> list[Finding]:
    return [
        Finding(record.path, line_of(lines, q.text), WARNING, "quote-speaker",
                f"quote without a speaker: “{q.text[:50]}{'…' if len(q.text) > 50 else ''}”")
        for q in record.quotes
        if q.kind == "direct" and not q.speaker
    ]


def mojibake(record: StoryRecord, lines: list[str]) -> list[Finding]:
    rules = suspicious()
    hits = [(n, m.group()) for n, line in enumerate(lines, 1) for m in [rules.mojibake.search(line)] if m]
    if not hits:
        return []
    n, sample = hits[0]
    return [Finding(record.path, n, WARNING, "encoding",
                    f"{len(hits)} line{'s look' if len(hits) > 1 else ' looks'} wrongly decoded (e.g. {sample!r}); "
                    "digest repairs what it can, but re-save the dump as UTF-8")]


RecordRule = Callable[[StoryRecord, list[str]], list[Finding]]
# mojibake is run apart, on the text as decoded: the loader repairs it before any rule sees the body
RULES: tuple[RecordRule, ...] = (no_headline, no_date, impossible_date, boilerplate, unattributed_quotes)
