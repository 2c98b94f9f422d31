"""One dump's bytes to a StoryRecord: the loader's steps in order."""
from __future__ import annotations

import re
from collections.abc import Callable

from digest.errors import DumpError
from digest.loader import labeller
from digest.loader.address import page_address
from digest.loader.article import is_furniture, word_gaps
from digest.loader.blocks import MAX_LINE_CHARS, Line, split_lines
from digest.loader.classify import Layout, classify
from digest.loader.credits import (
    canonical_source,
    parse_credits,
    publisher_in_copyright,
    publisher_in_masthead,
    publisher_in_text,
    source_in_notes,
)
from digest.loader.dateline import (
    DatelineMatch,
    full_dates,
    is_date_line,
    match_bureau,
    story_dateline,
    with_year,
)
from digest.loader.header import (
    CREDIT_LINES,
    byline_of,
    read_header,
    reporters_credited,
    without_writer_note,
)
from digest.loader.markup import markdown_as_text
from digest.loader.metadata import ScrapeHeader, split_scrape_header
from digest.loader.patterns import Patterns, label_key, patterns
from digest.loader.quotes import find_quotes
from digest.loader.related import parse_related
from digest.loader.text import cut_long_lines, decode, normalise_characters
from digest.loader.title import parse_title
from digest.records import Dateline, StoryRecord

INFERRED_HEADLINE_WORDS = 16
MIN_ARTICLE_WORDS = 50  # less prose than this, and no dateline: a list, table or section front


# A sentence ends at ".", "!" or "?" and a space, except after an initial ("U.S. officials"); a
# clause at a comma, semicolon or dash.
_SENTENCE_END = re.compile(r"(?<![A-Z]\.)(?<=[.!?])\s(?![a-z])")
_CLAUSE_END = re.compile(r",\s|;\s|\s[—–]\s")


def infer_headline(lead: str) -> str:
    """The lead's first clause, cut at a word boundary: a stand-in title, flagged as inferred.
    Cut short of its sentence's end, it ends with an ellipsis, so it never reads as whole."""
    sentence = _SENTENCE_END.split(lead, maxsplit=1)[0]
    clause = _CLAUSE_END.split(sentence, maxsplit=1)[0]
    words = clause.split()
    shown = words[:INFERRED_HEADLINE_WORDS]
    if len(shown) < len(sentence.split()):
        return " ".join(shown).rstrip(",;:") + "…"
    return " ".join(shown).rstrip(".!?")


def story_date(dateline: DatelineMatch | None, timestamp: str | None, layout: Layout) -> str | None:
    """The dateline's day, its year from the page's own full dates; else the page's first full date.
    The page's time comes first, then header, credit and caption lines: they date the story, the
    body may date its background."""
    metadata = " ".join(line.text for line in layout.header + layout.credits + layout.captions + _date_lines(layout))
    page_dates = full_dates(timestamp or "") + full_dates(metadata)
    month_day = (dateline.month, dateline.day) if dateline and dateline.month and dateline.day else None
    if not page_dates or (month_day and month_day not in [(m, d) for _, m, d in page_dates]):
        page_dates += full_dates(" ".join(line.text for line in layout.body))  # the body, only when needed
    if month_day:
        return with_year(dateline.month, dateline.day, page_dates)
    if page_dates:
        year, month, day = page_dates[0]
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


OPENING_LINES = 12  # the lines just above the article, where a page prints its date line


def _date_lines(layout: Layout) -> tuple[Line, ...]:
    """Lines just above the article that print a date and little else: the page's own date, which
    the labeller may have left out of the header (above the headline, or taken for the headline)."""
    if not layout.body:
        return ()
    above = [line for line in layout.lines if line.number < layout.body[0].number][-OPENING_LINES:]
    return tuple(line for line in above if is_date_line(line.text))


def _publisher(layout: Layout, pats: Patterns) -> str | None:
    """The site's own name: its title line's, else its masthead's, else the copyright owner's. A
    copyright line names the company that owns the site ("FOX News Network, LLC", "Associated
    Newspapers Ltd") more often than the site; a masthead is the name readers know it by."""
    if layout.title and layout.title.publisher:
        return layout.title.publisher
    return publisher_in_masthead(
        [line.text for line in layout.lines[: layout.lines.index(layout.body[0])]] if layout.body else [], pats
    ) or publisher_in_copyright([line.text for line in layout.tail])


def _bureau(layout: Layout, pats: Patterns) -> Dateline | None:
    """A dateline above the body: a bureau's line in the header, or the place alone on the line
    right above the first paragraph ("ANKARA"), when that is no menu word or label ("WORLD")."""
    found = next((d for line in layout.header if (d := match_bureau(line.text, pats))), None)
    if found or not layout.header or not layout.body:
        return found
    last = layout.header[-1]
    if layout.lines.index(last) + 1 != layout.lines.index(layout.body[0]) or is_furniture(last.text, pats) \
            or label_key(last.text) in pats.item_labels or last.text.casefold() in pats.navigation_starts:
        return None
    m = next((m for p in pats.place_lines if (m := p.match(last.text))), None)
    return Dateline(last.text, m.group("place"), None, None) if m else None


def header_headline(meta: ScrapeHeader | None, pats: Patterns) -> str | None:
    """The scraper's title without its site tail ("Headline | Site"), for a page that prints no
    headline of its own: where the page prints one, that is what a reader reads."""
    return parse_title(meta.title, pats).headline if meta and meta.title else None


def _labelled_time(reading: labeller.Reading) -> str | None:
    """The first line the model reads as the story's date (or its byline) that prints a full date."""
    return next((line.text for line in reading.dated if full_dates(line.text)), None)


def page_kind(body: list[str], dateline: object) -> str:
    words = sum(word_gaps(p) + 1 for p in body)
    return "article" if dateline or words >= MIN_ARTICLE_WORDS else "other"


def read_layout(text: str, pats: Patterns) -> tuple[ScrapeHeader | None, Layout]:
    """The scraping tool's header, if any, and the rules' layout of the page: the labeller's input."""
    meta, text = split_scrape_header(normalise_characters(cut_long_lines(text, MAX_LINE_CHARS)), pats)
    return meta, classify(split_lines(markdown_as_text(text, pats), pats), pats)


def _first_outlet(candidates: tuple[Callable[[], str | None], ...], pats: Patterns) -> str | None:
    """The first candidate that names an outlet: a section's name or a date where the page's source
    stands ("News", "Feb. 1, 2016") gives way to the next. Lazy: later candidates cost a search."""
    for candidate in candidates:
        if name := canonical_source(candidate(), pats):
            return name
    return None


def _before_tail(layout: Layout) -> tuple[Line, ...]:
    end = layout.tail[0].number if layout.tail else None
    return tuple(line for line in layout.lines if end is None or line.number < end)


def load_text(path: str, text: str, pats: Patterns | None = None) -> StoryRecord:
    pats = pats or patterns()
    meta, rules_layout = read_layout(text, pats)
    reading = labeller.read(rules_layout, pats, meta.title if meta else None)
    layout = reading.layout
    body = [f"{line.item}. {line.text}" if line.item else line.text for line in layout.body]
    if not body:
        raise DumpError(path, "no article text found (only a headline, credits or page furniture)")
    dateline = story_dateline(body, pats)
    if dateline:
        body[0] = body[0][dateline.end :].strip()
    body[-1] = pats.body_end_mark.sub("", body[-1])  # the wire's "Enditem": no words of the story
    body = [p for p in body if p]
    header = read_header(layout.header, pats)
    byline = header.byline or (byline_of(reading.byline.text, pats) if reading.byline else None) \
        or reporters_credited(body[-CREDIT_LINES:] + [line.text for line in layout.tail[:CREDIT_LINES]])
    body = without_writer_note(body, layout.header, byline)
    credits = parse_credits([line.text for line in layout.credits], pats)
    captions = [line.text for line in layout.captions]
    # the scraper's site name last: the page's own title, masthead or copyright name it first
    publisher = _first_outlet((lambda: _publisher(layout, pats), lambda: meta.site if meta else None), pats)
    agency = (dateline and dateline.dateline.agency) or header.agency
    headline = layout.headline if layout.headline and not is_date_line(layout.headline) else None
    headline = headline or header_headline(meta, pats)
    if headline:
        headline = pats.headline_mark.sub("", headline) or headline  # "(LEAD) ...": the wire's mark, not the headline
    source = _first_outlet((lambda: agency, lambda: credits.source,
                            lambda: source_in_notes([line.text for line in layout.tail], pats),
                            lambda: publisher_in_text(body, pats), lambda: publisher), pats)
    return StoryRecord(
        path=path,
        headline=headline or infer_headline(body[0]),
        headline_inferred=headline is None,
        dateline=dateline.dateline if dateline else _bureau(layout, pats),
        date=story_date(dateline, _labelled_time(reading) or header.timestamp, layout) or (meta.date if meta else None),
        source=source,
        photo_credit=credits.photo_credit,
        photo_caption=credits.photo_caption or (captions[0] if captions else None),
        body=tuple(body),
        quotes=find_quotes(body, pats),
        related=parse_related(layout.tail, pats, publisher, _before_tail(layout)),
        publisher=publisher,
        byline=byline,
        timestamp=header.timestamp,
        kind=page_kind(body, dateline),
        url=page_address(text, headline or None, meta.url if meta else None),
    )


def load_dump(path: str, data: bytes) -> StoryRecord:
    """The loader's public entry: raises DumpError, naming the file, for a dump it cannot read."""
    return load_text(path, decode(data, path))
