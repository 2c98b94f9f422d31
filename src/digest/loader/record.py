"""One dump's bytes to a StoryRecord: the loader's steps in order."""
from __future__ import annotations

import re

from digest.errors import DumpError
from digest.loader.blocks import split_lines
from digest.loader.classify import Layout, classify
from digest.loader.credits import canonical_source, parse_credits, publisher_in_text
from digest.loader.dateline import DatelineMatch, full_dates, match_dateline, with_year
from digest.loader.patterns import Patterns, patterns
from digest.loader.quotes import find_quotes
from digest.loader.related import parse_related
from digest.loader.text import decode, normalise
from digest.records import StoryRecord

INFERRED_HEADLINE_WORDS = 16


def infer_headline(lead: str) -> str:
    """The lead's first clause, cut at a word boundary: a stand-in title, flagged as inferred."""
    clause = re.split(r"(?<=[.!?])\s|,\s|;\s|\s[—–]\s", lead, maxsplit=1)[0].rstrip(".!?")
    words = clause.split()
    return " ".join(words[:INFERRED_HEADLINE_WORDS]) + ("…" if len(words) > INFERRED_HEADLINE_WORDS else "")


def story_date(dateline: DatelineMatch | None, layout: Layout) -> str | None:
    """The dateline's day, its year from the page's own full dates; else the page's first full date.
    Captions and credit lines come first: they date the story, the body may date its background."""
    metadata = " ".join(line.text for line in layout.credits + layout.dropped)
    page_dates = full_dates(metadata) + full_dates(" ".join(line.text for line in layout.body))
    if dateline and dateline.month and dateline.day:
        return with_year(dateline.month, dateline.day, page_dates)
    if page_dates:
        year, month, day = page_dates[0]
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def load_text(path: str, text: str, pats: Patterns | None = None) -> StoryRecord:
    pats = pats or patterns()
    layout = classify(split_lines(normalise(text)), pats)
    body = [line.text for line in layout.body]
    if not body:
        raise DumpError(path, "no article text found (only a headline, credits or page furniture)")
    dateline = match_dateline(body[0], pats)
    if dateline:
        body[0] = body[0][dateline.end :].strip()
        body = [p for p in body if p]
    credits = parse_credits([line.text for line in layout.credits], pats)
    date = story_date(dateline, layout)
    source = (dateline and dateline.dateline.agency) or credits.source or publisher_in_text(body, pats)
    return StoryRecord(
        path=path,
        headline=layout.headline.text if layout.headline else infer_headline(body[0]),
        headline_inferred=layout.headline is None,
        dateline=dateline.dateline if dateline else None,
        date=date,
        source=canonical_source(source, pats),
        photo_credit=credits.photo_credit,
        photo_caption=credits.photo_caption,
        body=tuple(body),
        quotes=find_quotes(body, pats),
        related=parse_related(layout.tail, pats),
    )


def load_dump(path: str, data: bytes) -> StoryRecord:
    """The loader's public entry: raises DumpError, naming the file, for a dump it cannot read."""
    return load_text(path, decode(data, path))
